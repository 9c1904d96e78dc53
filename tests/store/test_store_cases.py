"""Case repository: readable per-day case numbers, a worker's cases, the timeline."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.store import cases as repo
from bot.store.db import Database
from bot.store.models import CaseUpdate, MediationCase

REQ = repo.CaseRequest(
    name="王建国",
    phone="13912345678",
    employer="重庆渝建建筑工程有限公司",
    dispute_type="拖欠工资",
    description="2026年8月到10月的工资一直没发，共计约2万5千元，多次找项目经理都说再等等。",
    demand="补发3个月工资",
)


def create(db: Database, day: date, sender: str = "o-wang") -> str:
    with db.session() as s:
        return repo.create_case(s, REQ, channel="wechat", sender_id=sender, today=day).case_no


def test_case_numbers_are_sequential_per_day_and_unique(db: Database) -> None:
    day1, day2 = date(2026, 11, 22), date(2026, 11, 23)
    numbers = [create(db, day1) for _ in range(3)] + [create(db, day2), create(db, day1)]
    assert numbers == [
        "TJ20261122-0001",
        "TJ20261122-0002",
        "TJ20261122-0003",
        "TJ20261123-0001",
        "TJ20261122-0004",
    ]
    assert len(set(numbers)) == len(numbers)


def test_a_new_case_has_its_first_update_in_the_same_transaction(db: Database) -> None:
    create(db, date(2026, 11, 22))
    with db.session() as s:
        case = s.scalars(select(MediationCase)).one()
        assert case.status == "submitted"
        assert [(u.status, u.note) for u in case.updates] == [("submitted", "已提交申请")]
        assert (case.name, case.phone, case.employer) == (REQ.name, REQ.phone, REQ.employer)


def test_a_failed_message_leaves_no_half_written_case(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        repo.create_case(s, REQ, channel="wechat", sender_id="o-wang", today=date(2026, 11, 22))
        raise RuntimeError("the action crashed after writing")
    with db.session() as s:
        assert s.scalar(select(func.count(MediationCase.id))) == 0
        assert s.scalar(select(func.count(CaseUpdate.id))) == 0


def test_list_for_worker_is_own_cases_newest_first_with_latest_update(db: Database) -> None:
    first = create(db, date(2026, 11, 20))
    second = create(db, date(2026, 11, 22))
    create(db, date(2026, 11, 22), sender="o-someone-else")
    with db.session() as s:
        case = repo.get_by_no(s, first)
        repo.add_update(
            s, case, "accepted", "调解员刘红已受理，将于11月25日电话联系", actor="liuhong"
        )
    with db.session() as s:
        rows = repo.list_for_worker(s, "wechat", "o-wang")
        assert [c.case_no for c, _ in rows] == [second, first]
        latest = dict((c.case_no, u) for c, u in rows)
        assert latest[first].note.startswith("调解员刘红已受理")
        assert rows[1][0].status == "accepted"
        assert latest[second].note == "已提交申请"


def test_unknown_status_is_refused(db: Database) -> None:
    number = create(db, date(2026, 11, 22))
    with db.session() as s, pytest.raises(ValueError):
        repo.add_update(s, repo.get_by_no(s, number), "lost")


def test_duplicate_detection_only_for_the_same_open_request(db: Database) -> None:
    create(db, date(2026, 11, 22))
    with db.session() as s:
        assert repo.find_open_duplicate(s, "wechat", "o-wang", REQ) is not None
        other = repo.CaseRequest(**{**REQ.__dict__, "demand": "支付经济补偿"})
        assert repo.find_open_duplicate(s, "wechat", "o-wang", other) is None
        assert repo.find_open_duplicate(s, "wechat", "o-li", REQ) is None


def test_a_new_phone_after_filing_is_the_cases_and_kept_in_its_timeline(db: Database) -> None:
    create(db, date(2026, 11, 22))
    with db.session() as s:
        case = s.scalars(select(MediationCase)).one()
        repo.change_phone(s, case, "17783320519")
    with db.session() as s:
        case = s.scalars(select(MediationCase)).one()
        assert case.phone == "17783320519" and case.status == "submitted"
        assert "13912345678" in case.updates[-1].note and case.updates[-1].actor == "worker"
