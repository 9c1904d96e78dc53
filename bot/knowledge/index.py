"""The policy knowledge base as the bot uses it: FAQ entries from the database plus a search index."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

from sqlalchemy import select

from bot.core.clock import Clock
from bot.domain.figures import FigureRow, render
from bot.knowledge.figure_rows import load_rows
from bot.knowledge.time_told import fits_the_time_told
from bot.store.db import Database
from bot.store.models import FaqEntry
from intents import FaqDoc, KnowledgeBase
from intents.interpreter import RetrievalOptions

# "你们工会到底管不管嘛" after a story: the help asked of the union, said at the end
_UNION_ASKED_AT_THE_END = re.compile(
    r"[\s，,。！!]*(?:你们)?(?:工会)?(?:到底|究竟)?(?:管不管|管不|帮不帮|能不能帮(?:我|下|一下)?|可不可以帮(?:我)?)"
    r"(?:我|我们)?(?:嘛|哦|啊|呀|呢)?[？?！!。]*$"
)
STORY_BEFORE_THE_UNION = 16


@dataclass(frozen=True)
class Answer:
    """A snapshot of one FAQ entry, safe to use outside a database session."""

    slug: str
    question: str
    answer: str
    source: str
    category: str


@dataclass(frozen=True)
class Hit:
    answer: Answer
    score: float


# entries and index that replace the live ones for the code running in this context only:
# the admin's 试一试 runs the bot's real decision path as if an unsaved draft were saved
_TRIAL: ContextVar[tuple[dict[str, Answer], KnowledgeBase | None] | None] = ContextVar(
    "knowledge_trial", default=None
)


# indexes built from the same entries and options are the same: a reload that finds the FAQ
# unchanged (another process's edit of something else, every new App over the same data in
# the tests) reuses the index instead of fitting it again. The index is read-only once built.
_BUILT: OrderedDict[tuple[object, ...], KnowledgeBase] = OrderedDict()
_BUILT_LOCK = threading.Lock()
MAX_BUILT = 4


def built_index(docs: list[FaqDoc], options: RetrievalOptions) -> KnowledgeBase:
    """The search index for these entries, built once per distinct content."""
    key = (
        options,
        *((d.slug, d.question, tuple(d.alternates), d.category, d.general) for d in docs),
    )
    with _BUILT_LOCK:
        found = _BUILT.get(key)
        if found is not None:
            _BUILT.move_to_end(key)
            return found
    index = KnowledgeBase(docs, options)
    with _BUILT_LOCK:
        _BUILT[key] = index
        while len(_BUILT) > MAX_BUILT:
            _BUILT.popitem(last=False)
    return index


class Knowledge:
    """Search over the enabled FAQ entries; rebuilt from the database by `reload`.

    Answers come out with their `{{figure:…}}` placeholders filled in for the clock's day
    (bot/knowledge/figures.py); the local figures are reloaded with the entries."""

    def __init__(self, db: Database, options: RetrievalOptions, clock: Clock | None = None) -> None:
        self.db = db
        self.options = options
        self.clock = clock or Clock()
        self._live: tuple[dict[str, Answer], KnowledgeBase | None] = ({}, None)
        self._figures: tuple[FigureRow, ...] = ()

    @property
    def _answers(self) -> dict[str, Answer]:
        return (_TRIAL.get() or self._live)[0]

    @property
    def _index(self) -> KnowledgeBase | None:
        return (_TRIAL.get() or self._live)[1]

    @contextmanager
    def trying(self, answers: dict[str, Answer], docs: list[FaqDoc]) -> Iterator[None]:
        """Within this block (and only in this context), these entries are the knowledge base."""
        token = _TRIAL.set((answers, KnowledgeBase(docs, self.options) if docs else None))
        try:
            yield
        finally:
            _TRIAL.reset(token)

    def reload(self) -> int:
        """Rebuild the index from the database; returns the number of entries."""
        with self.db.read() as s:
            rows = s.scalars(select(FaqEntry).where(FaqEntry.enabled.is_(True))).all()
            answers = {
                r.slug: Answer(r.slug, r.question, r.answer, r.source, r.category) for r in rows
            }
            docs = [
                FaqDoc(r.slug, r.question, list(r.alternates or []), r.category, r.general)
                for r in rows
            ]
            figures = tuple(load_rows(s))
        index = built_index(docs, self.options) if docs else None
        self._live, self._figures = (answers, index), figures
        return len(answers)

    @property
    def figures(self) -> tuple[FigureRow, ...]:
        """The local figures as last loaded (every row, every date)."""
        return self._figures

    def rendered(self, answer: Answer) -> Answer:
        """The entry as given today: its local figures filled in (the one in force today)."""
        if "{{" not in answer.answer:
            return answer
        return replace(answer, answer=render(answer.answer, self._figures, self.clock.today()))

    def heard(self, text: str) -> str:
        """`text` with the domain's terms typed by sound put right ("加班废咋个算" -> 加班费), as
        the search reads them (for the sums worked out from the same words)."""
        index = self._index
        homophones = getattr(index, "homophones", None) if index is not None else None
        return homophones.correct(text) if homophones is not None else text

    def search(self, text: str, k: int = 5) -> list[Hit]:
        """Best-matching entries for a worker's question, best first."""
        if self._index is None:
            return []
        # ("… 医药费一分都不出 … 你们工会到底管不管嘛": the story is the question, not the union)
        story = _UNION_ASKED_AT_THE_END.sub("", text)
        if story != text and len(story.strip()) >= STORY_BEFORE_THE_UNION:
            text = story
        hits = [
            Hit(self.rendered(self._answers[m.slug]), m.score)
            for m in self._index.search(text, k)
            if m.slug in self._answers
        ]
        return fits_the_time_told(hits, text)

    def ranking(self, text: str, k: int = 5) -> list[dict[str, object]]:
        """Search results in the shape of Rasa's ResponseSelector ranking (for a parse)."""
        return [
            {
                "id": h.answer.slug,
                "confidence": h.score,
                "intent_response_key": f"faq/{h.answer.slug}",
            }
            for h in self.search(text, k)
        ]

    def hits_for(self, latest_message: dict, text: str, k: int = 5) -> list[Hit]:
        """Hits for the message: from its parse's ranking if the engine attached one, else searched."""
        selector = (latest_message.get("response_selector") or {}).get("faq") or {}
        ranking = selector.get("ranking")
        if ranking is None or latest_message.get("text") != text:
            return self.search(text, k)
        hits = []
        for item in ranking[:k]:
            answer = self._answers.get(str(item.get("id")))
            if answer is not None:
                hits.append(Hit(self.rendered(answer), float(item.get("confidence", 0.0))))
        return hits

    def get(self, slug: str) -> Answer | None:
        answer = self._answers.get(slug)
        return None if answer is None else self.rendered(answer)

    def __len__(self) -> int:
        return len(self._answers)
