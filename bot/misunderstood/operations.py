"""What an admin does with a group: FAQ draft, alternates, training examples, ignore."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.misunderstood.groups import PAYLOAD_ONLY_INTENTS, group_key
from bot.nlu import model as nlu_model
from bot.nlu.retrain import Written, write_examples
from bot.settings import Settings
from bot.store.audit import acting_as
from bot.store.db import Database
from bot.store.models import (
    MISS_IGNORED,
    MISS_OPEN,
    MISS_RESOLVED,
    FaqEntry,
    MisunderstoodMessage,
    utcnow,
)

DRAFT_CATEGORY = "待整理"


class ActionRefused(Exception):
    """An admin action that cannot be done; the message is for the admin (Chinese)."""


def _open_members(s: Session, ids: Iterable[int]) -> list[MisunderstoodMessage]:
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        raise ActionRefused("请至少选择一条消息。")
    rows = s.scalars(
        select(MisunderstoodMessage)
        .where(MisunderstoodMessage.id.in_(wanted), MisunderstoodMessage.status == MISS_OPEN)
        .order_by(MisunderstoodMessage.id)
    ).all()
    if not rows:
        raise ActionRefused("所选消息已经被处理过了，请刷新页面。")
    return list(rows)


def distinct_texts(rows: Sequence[MisunderstoodMessage]) -> list[str]:
    """One text per phrasing, the most frequent first (newest wording of each)."""
    seen: dict[str, list[MisunderstoodMessage]] = {}
    for r in rows:
        seen.setdefault(group_key(r.text), []).append(r)
    ordered = sorted(seen.values(), key=lambda rs: (-len(rs), rs[0].id))
    return [max(rs, key=lambda r: r.id).text.strip() for rs in ordered]


def _close(rows: Sequence[MisunderstoodMessage], status: str, resolution: str, actor: str) -> None:
    now = utcnow()
    for r in rows:
        r.status, r.resolution, r.resolved_by, r.resolved_at = status, resolution[:200], actor, now


def ignore(db: Database, ids: Iterable[int], actor: str) -> int:
    """Leave the list without any change to the bot; returns how many."""
    with db.write_lock(), db.session() as s:
        rows = _open_members(s, ids)
        _close(rows, MISS_IGNORED, "已忽略", actor)
        return len(rows)


def _free_slug(s: Session, base: str) -> str:
    slug, n = base, 1
    while s.scalar(select(FaqEntry.id).where(FaqEntry.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_faq_draft(db: Database, ids: Iterable[int], actor: str) -> tuple[int, str]:
    """A disabled FAQ entry with the questions filled in, for the admin to finish; (id, slug)."""
    with acting_as(actor), db.write_lock(), db.session() as s:  # actor set until commit
        rows = _open_members(s, ids)
        texts = distinct_texts(rows)
        slug = _free_slug(s, f"draft-{rows[0].id}")
        entry = FaqEntry(
            slug=slug,
            question=texts[0][:200],
            alternates=texts[1:],
            answer="",
            category=DRAFT_CATEGORY,
            source="",
            enabled=False,
        )
        s.add(entry)
        s.flush()
        _close(rows, MISS_RESOLVED, f"新建问答草稿 {slug}", actor)
        return entry.id, slug


@dataclass
class AlternatesAdded:
    entry_id: int
    slug: str
    added: list[str]
    already: list[str]  # already a phrasing of this entry
    elsewhere: dict[str, str]  # text -> the other entry that has it


def add_alternates(db: Database, ids: Iterable[int], slug: str, actor: str) -> AlternatesAdded:
    """Append the questions to an entry's alternate phrasings (recorded as a revision)."""
    if not slug:
        raise ActionRefused("请选择要加入的问答。")
    with acting_as(actor), db.write_lock(), db.session() as s:  # actor set until commit
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))
        if entry is None:
            raise ActionRefused("找不到这个问答条目，可能已被删除，请重新选择。")
        rows = _open_members(s, ids)
        owner: dict[str, str] = {}
        for other in s.scalars(select(FaqEntry)).all():
            for q in [other.question, *(other.alternates or [])]:
                owner.setdefault(group_key(q), other.slug)
        result = AlternatesAdded(entry.id, entry.slug, [], [], {})
        for text in distinct_texts(rows):
            key = group_key(text)
            holder = owner.get(key)
            if holder == entry.slug:
                result.already.append(text)
            elif holder is not None:
                result.elsewhere[text] = holder
            else:
                owner[key] = entry.slug
                result.added.append(text)
        if result.added:
            entry.alternates = [*(entry.alternates or []), *result.added]
        _close(rows, MISS_RESOLVED, f"加为问答 {entry.slug} 的问法", actor)
        return result


def teachable_intents(settings: Settings) -> list[str]:
    """The domain's intents an admin may teach examples for."""
    return [i for i in nlu_model.domain_intents(settings) if i not in PAYLOAD_ONLY_INTENTS]


def teach_intent(
    db: Database, settings: Settings, ids: Iterable[int], intent: str, actor: str
) -> Written:
    """Write the questions as training examples of `intent`; the caller starts the retrain.

    A question that is already an example of another intent is left open (the admin's
    choice contradicts the curated data; another action may suit it better).
    """
    if intent not in teachable_intents(settings):
        raise ActionRefused("请选择要加入的意图。")
    with db.write_lock(), db.session() as s:
        rows = _open_members(s, ids)
        written = write_examples(settings, intent, distinct_texts(rows))
        contradicted = {group_key(t) for t in written.conflicts}
        done = [r for r in rows if group_key(r.text) not in contradicted]
        _close(done, MISS_RESOLVED, f"加为意图 {intent} 的例句", actor)
        return written
