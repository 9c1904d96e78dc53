"""FAQ history: who changed what, restoring an old version or a deleted entry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.knowledge.drafts import (
    FaqInvalid,
)
from bot.knowledge.history import NothingToRestore, deleted_entries, history, restore
from bot.store.audit import acting_as
from bot.store.models import REV_RESTORE, FaqEntry, FaqRevision
from tests.admin.faq_support import SLUG, count, edit, entry_of


def test_history_shows_who_changed_what_and_restore_brings_it_back(bot):
    old_answer = entry_of(bot).answer
    edit(bot, "root", answer="加班费：工作日150%，休息日200%，法定节假日300%。")
    edit(bot, "carol", alternates=[*entry_of(bot).alternates, "加班钱咋个算"])
    with bot.db.read() as s:
        revs = history(s, SLUG)
    newest, middle = revs[0], revs[1]
    assert (newest.actor, newest.action_label, newest.current) == ("carol", "修改", True)
    assert [c.name for c in newest.changes] == ["alternates"]
    assert newest.changes[0].added == ["加班钱咋个算"] and newest.changes[0].removed == []
    assert middle.actor == "root" and [c.name for c in middle.changes] == ["answer"]
    ops = {op for op, _ in middle.changes[0].pieces}
    assert ops == {"same", "del", "ins"}
    pieces = middle.changes[0].pieces  # old = same + del, new = same + ins, in order
    assert "".join(t for op, t in pieces if op != "ins") == old_answer
    assert "".join(t for op, t in pieces if op != "del") == entry_of(bot).answer

    # restore the version before root's edit
    original = next(r for r in revs if r.snapshot.get("answer") == old_answer)
    assert restore(bot.db, original.id, "root") == SLUG
    entry = entry_of(bot)
    assert entry.answer == old_answer and "加班钱咋个算" not in entry.alternates
    with bot.db.read() as s:
        last = s.scalars(
            select(FaqRevision).where(FaqRevision.slug == SLUG).order_by(FaqRevision.id.desc())
        ).first()
        assert (last.action, last.actor) == (REV_RESTORE, "root")
        assert history(s, SLUG)[0].current
    with pytest.raises(NothingToRestore):
        restore(bot.db, original.id, "root")  # it already is that version


def test_a_deleted_entry_is_listed_and_can_be_restored(bot):
    with bot.db.write_lock(), acting_as("root"), bot.db.session() as s:
        s.delete(s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG)))
    with bot.db.read() as s:
        gone = deleted_entries(s)
        revs = history(s, SLUG)
    assert [g[:2] for g in gone] == [(SLUG, "加班费按几倍算？")]
    assert revs[0].action == "delete" and not any(r.current for r in revs)
    restore(bot.db, revs[1].id, "root")
    assert entry_of(bot).question == "加班费按几倍算？"
    with bot.db.read() as s:
        assert deleted_entries(s) == []
        back = history(s, SLUG)[0]
    # brought back whole: every field shown as it is, not as a change from the deleted text
    assert back.action == REV_RESTORE and back.current
    assert {c.name for c in back.changes} >= {"question", "answer", "source"}
    assert all(c.old is None for c in back.changes)


def test_restore_is_refused_when_another_entry_now_owns_the_question(bot):
    with bot.db.write_lock(), acting_as("root"), bot.db.session() as s:
        s.delete(s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG)))
    edit(bot, "root", slug="ot_piece_rate", question="加班费按几倍算？")
    with bot.db.read() as s:
        old = history(s, SLUG)[1]
    before = count(bot, FaqRevision)
    with pytest.raises(FaqInvalid) as caught:
        restore(bot.db, old.id, "root")
    assert "重复" in str(caught.value)
    assert entry_of(bot) is None and count(bot, FaqRevision) == before
