"""The law articles closest to a labour question the FAQ has no entry for.

When no FAQ entry is close, the bot shows the text of the nearest articles of the labour
laws it holds (bot/knowledge/statutes.py) instead of only saying it found nothing. The
index is the FAQ's own retrieval (intents/retrieval.py) over the article texts, built once
per process. An article is shown only when it is reasonably close (ARTICLE_THRESHOLD, tuned
on bench/data/law_articles.yml) and shares at least one two-character term with the question,
so a greeting or a question about the weather never gets articles.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from bot.knowledge.statutes import PREFIX, Statutes, statutes
from intents import FaqDoc, KnowledgeBase, RetrievalOptions
from intents.retrieval import _grams, _topic

# the labour acts searched (民法典 and 刑法 are held for FAQ citations, not searched: their
# thousands of articles would answer every question with something)
SEARCHED_ACTS = (
    "劳动法", "劳动合同法", "劳动争议调解仲裁法", "社会保险法", "工会法", "就业促进法",
    "职业病防治法", "安全生产法", "妇女权益保障法",
)  # fmt: skip
ARTICLE_THRESHOLD = 0.15  # bench/data/law_articles.yml; docs/benchmarks.md
MAX_ARTICLES = 3
SEPARATOR = "|"


# articles that state no rule a worker could use: when the act took effect, what it replaced
_NO_RULE = re.compile(r"^本(?:法|条例|规定)自[^。]{0,30}起施行[。]?(?:[^。]{0,60}同时废止。)?$")


@dataclass(frozen=True)
class Article:
    """One article of an act: 劳动合同法, 第二十三条, its text, and how close it was."""

    act: str
    number: str
    text: str
    score: float


class ArticleIndex:
    """Search over the articles of the searched acts."""

    def __init__(self, law: Statutes, acts: tuple[str, ...] = SEARCHED_ACTS) -> None:
        self.law = law
        docs = []
        for act in acts:
            name = law.full_name(act)
            for number, text in law.acts.get(name or "", {}).items():
                if _NO_RULE.match(text):
                    continue  # "本法自2008年5月1日起施行": when the act began, no rule to show
                docs.append(FaqDoc(f"{act}{SEPARATOR}{number}", text, [], act))
        self._index = KnowledgeBase(docs, RetrievalOptions()) if docs else None

    def search(self, text: str, k: int = MAX_ARTICLES) -> list[Article]:
        """The closest articles, best first, with their scores (none above a threshold)."""
        if self._index is None:
            return []
        found = []
        for match in self._index.search(text, k):
            act, number = match.slug.split(SEPARATOR, 1)
            article = self.law.article(act, number) or ""
            found.append(Article(act, number, article, match.score))
        return found

    def closest(
        self, text: str, threshold: float = ARTICLE_THRESHOLD, k: int = MAX_ARTICLES
    ) -> list[Article]:
        """The articles reasonably close to a question: above the threshold and sharing a
        two-character term with it (a single shared character is chance)."""
        query = _grams(_topic(text, colloquial=True))
        query = {g for g in query if len(g) == 2}
        return [
            a
            for a in self.search(text, k)
            if a.score >= threshold and query & _grams(_topic(a.text, colloquial=True))
        ]


_LOCK = threading.Lock()
_BUILT: list[ArticleIndex] = []


def article_index() -> ArticleIndex:
    """The index over the shipped statute text, built once per process (a few seconds)."""
    with _LOCK:
        if not _BUILT:
            _BUILT.append(ArticleIndex(statutes()))
        return _BUILT[0]


def full_act(act: str) -> str:
    """劳动合同法 -> 《劳动合同法》 (the short name, as the FAQ cites)."""
    return f"《{act.removeprefix(PREFIX)}》"
