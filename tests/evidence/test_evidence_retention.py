"""Retention: a closed case's files go after the configured days, pending and stray files too,
one process at a time (the lease), every deletion of a case's file audited."""

from __future__ import annotations

import os
from datetime import timedelta

from sqlalchemy import select

from bot.core.attachments import Attachment
from bot.domain.evidence import ATTACHED, CHOOSE, EvidenceDesk, Sender
from bot.domain.evidence_files import EvidenceFiles
from bot.domain.evidence_retention import EvidenceRetention
from bot.store import cases as cases_repo
from bot.store.models import AuditEntry, Evidence, utcnow
from tests.evidence.samples import PDF, jpeg, open_case


def setup(bot):  # noqa: ANN001, ANN201
    files = EvidenceFiles(bot.settings.evidence_dir)
    return files, EvidenceDesk(files, bot.settings.config.evidence)


def test_closed_cases_lose_their_files_after_the_retention_days(bot):
    files, desk = setup(bot)
    config = bot.settings.config.evidence
    with bot.db.session() as s:
        closed = open_case(s, "web", "worker-closed-000001")
        kept = open_case(s, "web", "worker-open-00000001")
        got = desk.receive(s, Attachment("a.jpg", jpeg()), Sender("web", closed.sender_id, None))
        assert got.kind == ATTACHED
        got = desk.receive(s, Attachment("b.pdf", PDF), Sender("web", kept.sender_id, None))
        assert got.kind == ATTACHED
        cases_repo.change_status(s, closed, "closed", "双方和解，结案。", "root")
        closed_id = closed.id
    with bot.db.read() as s:
        old, young = s.scalars(select(Evidence).order_by(Evidence.id)).all()
    retention = EvidenceRetention(bot.db, files, config)
    now = utcnow()
    # one day short of the retention period: nothing goes
    assert retention.run_once(now + timedelta(days=config.retention_days - 1)) == 0
    later = now + timedelta(days=config.retention_days + 1)
    assert retention.run_once(later) == 1
    assert not (bot.settings.evidence_dir / old.stored_name).exists()
    assert (bot.settings.evidence_dir / young.stored_name).exists()
    with bot.db.read() as s:
        assert [e.id for e in s.scalars(select(Evidence))] == [young.id]
        (entry,) = s.scalars(select(AuditEntry)).all()
    assert (entry.actor, entry.action, entry.target_id) == ("retention", "delete_evidence", old.id)
    assert closed_id  # the case itself stays (its record is not evidence)


def test_only_one_process_sweeps_at_a_time(bot):
    files, _ = setup(bot)
    config = bot.settings.config.evidence
    first, second = (EvidenceRetention(bot.db, files, config) for _ in range(2))
    now = utcnow()
    assert first.acquire(now) and not second.acquire(now)
    assert second.run_once(now) == 0  # it does nothing while the lease is held
    # the holder stops: the other takes over
    from bot.store import leases

    leases.release(bot.db, "evidence-retention", first.holder)
    assert second.acquire(now)


def test_pending_and_stray_files_are_swept(bot):
    files, desk = setup(bot)
    config = bot.settings.config.evidence
    with bot.db.session() as s:
        one = open_case(s, "web", "worker-pending-00001")
        open_case(s, "web", one.sender_id, "工伤")
        got = desk.receive(s, Attachment("c.jpg", jpeg()), Sender("web", one.sender_id, None))
        assert got.kind == CHOOSE
    stray, _ = files.write(b"left by a rolled-back turn")
    hour_ago = utcnow().timestamp() - 7200
    os.utime(files.path(stray), (hour_ago, hour_ago))
    retention = EvidenceRetention(bot.db, files, config)
    assert retention.run_once(utcnow()) == 1  # the stray; the pending file is still young
    assert not files.path(stray).exists()
    assert retention.run_once(utcnow() + timedelta(hours=config.pending_hours + 1)) == 1
    assert files.names() == []
    with bot.db.read() as s:
        assert s.scalars(select(Evidence)).all() == []
