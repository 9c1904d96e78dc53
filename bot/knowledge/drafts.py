"""What admins do to an FAQ draft: check it, give it a slug, see what the bot would answer.

No web imports: the admin pages (bot/web/admin/faq.py) and the tests call these directly.
Saving goes through the ORM, so the flush hook (bot/store/audit.py) records the revision and
bumps the knowledge version that every server process watches. History: bot/knowledge/history.py.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.figures import unknown_keys
from bot.domain.phrasing import phrasing_key
from bot.knowledge.index import Answer
from bot.knowledge.statutes import statutes
from bot.store.models import FaqEntry
from intents import FaqDoc

FIELD_LABELS = {
    "slug": "编号",
    "question": "标准问题",
    "alternates": "其他问法",
    "answer": "答案",
    "category": "分类",
    "source": "依据（法规及条款）",
    "effective_date": "生效日期",
    "enabled": "启用",
    "general": "基础条目",
}
# column sizes (bot/store/models.py FaqEntry)
MAX_LEN = {"question": 200, "category": 32, "source": 200}
MAX_ALTERNATE = 200
DRAFT_SLUG = "__draft__"


class FaqInvalid(ValueError):
    """A draft the admin must fix first; `problems` maps a field to a polite message."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("；".join(problems.values()))
        self.problems = problems


@dataclass
class Draft:
    """An FAQ entry as typed on the form, before it is saved."""

    question: str
    answer: str
    source: str
    category: str
    alternates: list[str] = field(default_factory=list)
    effective_date: date | None = None
    enabled: bool = True
    general: bool = False

    def __post_init__(self) -> None:
        for name in ("question", "answer", "source", "category"):
            setattr(self, name, _text(getattr(self, name)))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Draft:
        """From form data or JSON: text trimmed, alternates as a clean list."""
        alternates = data.get("alternates") or []
        if isinstance(alternates, str):
            alternates = parse_lines(alternates)
        when = data.get("effective_date")
        if isinstance(when, str):
            try:
                when = date.fromisoformat(when) if when.strip() else None
            except ValueError:
                when = None
        enabled = _flag(data.get("enabled", True))
        general = _flag(data.get("general", False))
        question = _text(data.get("question"))
        return cls(
            question=question,
            answer=_text(data.get("answer")),
            source=_text(data.get("source")),
            category=_text(data.get("category")),
            alternates=clean_alternates(alternates, question),
            effective_date=when if isinstance(when, date) else None,
            enabled=bool(enabled),
            general=bool(general),
        )

    def fields(self) -> dict[str, Any]:
        """The columns this draft sets on an FaqEntry."""
        return {
            "question": self.question,
            "alternates": list(self.alternates),
            "answer": self.answer,
            "category": self.category,
            "source": self.source,
            "effective_date": self.effective_date,
            "enabled": self.enabled,
            "general": self.general,
        }


def _flag(value: Any) -> bool:
    """A checkbox or JSON value: "on", "true", "1" … or a bool."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "on", "y", "yes")
    return bool(value)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse_lines(text: str) -> list[str]:
    """Alternate phrasings typed one per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def clean_alternates(items: Iterable[Any], question: str = "") -> list[str]:
    """Trimmed, blank lines and repeats (also of the question itself) dropped, order kept."""
    seen = {phrasing_key(question)} if question else set()
    out: list[str] = []
    for item in items:
        text = _text(item)
        key = phrasing_key(text)
        if text and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def problems(s: Session, draft: Draft, entry_id: int | None = None) -> dict[str, str]:
    """What must be fixed before the draft can be saved (empty: it can be saved)."""
    found: dict[str, str] = {}
    if not draft.question:
        found["question"] = "请填写标准问题。"
    if not draft.answer:
        found["answer"] = "请填写答案，不能为空。"
    elif unknown_keys(draft.answer):
        found["answer"] = (
            f"答案里的 {{{{figure:{unknown_keys(draft.answer)[0]}}}}} 不是已有的地方数据项，"
            "请在「地方标准数据」里查看可用的数据项名称。"
        )
    if not draft.source:
        found["source"] = "请填写依据（法规名称及条款），例如：《劳动法》第四十四条。"
    if not draft.category:
        found["category"] = "请填写分类，例如：工资与福利。"
    for name, limit in MAX_LEN.items():
        if name not in found and len(getattr(draft, name)) > limit:
            found[name] = f"{FIELD_LABELS[name]}不能超过{limit}个字。"
    if "source" not in found:
        wrong = statutes().check(draft.source).wrong
        if wrong:  # a law whose text the bot holds, cited with an article it does not have
            cited = wrong[0].removesuffix(" does not exist")
            found["source"] = f"依据中的{cited}在现行法律文本中不存在，请核对条款号。"
    long = [a for a in draft.alternates if len(a) > MAX_ALTERNATE]
    if long:
        found["alternates"] = f"每条其他问法不能超过{MAX_ALTERNATE}个字：「{long[0][:20]}…」"
    owners = _phrasing_owners(s, entry_id)
    if draft.question and "question" not in found:
        owner = owners.get(phrasing_key(draft.question))
        if owner is not None:
            found["question"] = f"标准问题与已有条目「{owner}」重复，请修改该条目，或换一个问题。"
    if "alternates" not in found:
        clashes = [a for a in draft.alternates if phrasing_key(a) in owners]
        if clashes:
            owner = owners[phrasing_key(clashes[0])]
            found["alternates"] = (
                f"其他问法「{clashes[0]}」已属于条目「{owner}」，同一问法只能属于一个条目。"
            )
    return found


def _phrasing_owners(s: Session, entry_id: int | None) -> dict[str, str]:
    """Every other entry's phrasings (question and alternates) -> that entry's question."""
    rows = s.execute(select(FaqEntry.id, FaqEntry.question, FaqEntry.alternates)).all()
    owners: dict[str, str] = {}
    for rid, question, alternates in rows:
        if rid == entry_id:
            continue
        for phrasing in [question, *(alternates or [])]:
            owners.setdefault(phrasing_key(phrasing), question)
    return owners


def check(s: Session, draft: Draft, entry_id: int | None = None) -> None:
    """Raise FaqInvalid with every problem of the draft."""
    found = problems(s, draft, entry_id)
    if found:
        raise FaqInvalid(found)


def new_slug(s: Session, today: date | None = None) -> str:
    """A short unique id for a new entry (admins never have to invent one)."""
    stamp = (today or date.today()).strftime("%Y%m%d")
    while True:
        slug = f"faq_{stamp}_{secrets.token_hex(2)}"
        if s.scalar(select(FaqEntry.id).where(FaqEntry.slug == slug)) is None:
            return slug


# -- 试一试: the entries as they would be after saving a draft ----------------------------
def draft_entries(
    s: Session, draft: Draft | None, entry_id: int | None
) -> tuple[dict[str, Answer], list[FaqDoc]]:
    """The enabled entries with the unsaved draft in place of entry `entry_id` (or added)."""
    rows = s.scalars(select(FaqEntry).where(FaqEntry.enabled.is_(True))).all()
    answers: dict[str, Answer] = {}
    docs: list[FaqDoc] = []
    for r in rows:
        if r.id == entry_id:
            continue
        answers[r.slug] = Answer(r.slug, r.question, r.answer, r.source, r.category)
        docs.append(FaqDoc(r.slug, r.question, list(r.alternates or []), r.category, r.general))
    if draft is not None and draft.enabled and draft.question:
        slug = DRAFT_SLUG
        if entry_id is not None:
            slug = s.scalar(select(FaqEntry.slug).where(FaqEntry.id == entry_id)) or DRAFT_SLUG
        answers[slug] = Answer(slug, draft.question, draft.answer, draft.source, draft.category)
        docs.append(
            FaqDoc(slug, draft.question, list(draft.alternates), draft.category, draft.general)
        )
    return answers, docs
