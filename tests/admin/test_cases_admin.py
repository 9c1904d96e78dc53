"""Mediation cases in /admin: allowed steps with notes, mediators, the timeline, the worker told."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.core.messages import Incoming
from bot.store import cases as repo
from bot.store.mediators import load_mediators
from bot.store.models import CaseUpdate, Conversation, Event, MediationCase, Mediator
from bot.web.admin.cases import change_status

WORKER = "worker-case-0123456789ab"
OTHER = "worker-other-0123456789a"


def say(bot, sender: str, text: str, mid: str) -> str:
    replies = asyncio.run(bot.handle(Incoming("web", sender, text, f"{sender}:{mid}")))
    return "\n".join(r.get("text", "") for r in replies)


def new_case(bot, sender: str, dispute: str = "拖欠工资", phone: str = "13912345678") -> int:
    with bot.db.write_lock(), bot.db.session() as s:
        case = repo.create_case(
            s,
            repo.CaseRequest(
                "陈小红",
                phone,
                "重庆某某物流有限公司",
                dispute,
                "公司拖欠我三个月工资共一万二千元",
                "补发工资",
            ),
            channel="web",
            sender_id=sender,
            today=date(2026, 11, 22),
        )
        return case.id


def notices(bot, sender: str) -> list[str]:
    with bot.db.read() as s:
        cid = s.scalar(select(Conversation.id).where(Conversation.sender_id == sender))
        rows = s.scalars(select(Event).where(Event.conversation_id == cid, Event.type == "system"))
        return [e.text for e in rows if (e.data or {}).get("notice")]


@pytest.fixture
def case_id(bot) -> int:
    say(bot, WORKER, "你好", "m1")
    load_mediators(bot.db, bot.settings.data_dir / "mediators.yml")
    return new_case(bot, WORKER)


def test_only_allowed_steps_with_a_note_and_each_one_kept(bot, case_id):
    with pytest.raises(
        repo.CaseError, match="不能直接改为「调解中」。可以改为：「已受理」、「已撤回」、「已结案」"
    ):
        change_status(bot.db, case_id, "mediating", "直接调解", "root")
    with pytest.raises(repo.CaseError, match="请填写备注"):
        change_status(bot.db, case_id, "accepted", "   ", "root")
    change_status(bot.db, case_id, "accepted", "材料齐全，已受理。", "root")
    change_status(bot.db, case_id, "mediating", "定于周二调解。", "root")
    change_status(bot.db, case_id, "failed", "单位不同意调解方案。", "root")
    with pytest.raises(repo.CaseError, match="不能直接改为「调解成功」"):
        change_status(bot.db, case_id, "succeeded", "改回成功", "root")
    change_status(
        bot.db, case_id, "arbitration_advised", "建议向区劳动人事争议仲裁院申请仲裁。", "root"
    )
    change_status(bot.db, case_id, "closed", "已结案。", "root")
    with pytest.raises(repo.CaseError, match="可以改为：无（已结案）"):
        change_status(bot.db, case_id, "withdrawn", "撤回", "root")
    with bot.db.read() as s:
        steps = s.scalars(
            select(CaseUpdate).where(CaseUpdate.case_id == case_id).order_by(CaseUpdate.id)
        ).all()
        assert [(u.status, u.actor) for u in steps] == [
            ("submitted", "worker"),
            ("accepted", "root"),
            ("mediating", "root"),
            ("failed", "root"),
            ("arbitration_advised", "root"),
            ("closed", "root"),
        ]
        assert s.get(MediationCase, case_id).status == "closed"
    assert len(notices(bot, WORKER)) == 5  # every change told the worker, refusals nothing


def test_a_status_change_reaches_the_worker_and_the_bot_reports_it(bot, clients, case_id):
    root = clients["root"]
    url = f"/admin/mediation-case/status/{case_id}"
    r = root.http.post(
        url, data={"csrf_token": root.csrf, "status": "accepted", "note": "已受理。"}
    )
    assert r.status_code == 303
    r = root.http.post(
        url,
        data={"csrf_token": root.csrf, "status": "mediating", "note": "已约用人单位周二上午调解。"},
    )
    with bot.db.read() as s:
        case_no = s.get(MediationCase, case_id).case_no
    page = root.get(r.headers["location"]).text
    assert f"案件 {case_no} 已改为「调解中」，职工已通知。" in page
    assert notices(bot, WORKER)[-1] == (
        f"您的调解申请 {case_no} 状态更新为「调解中」：已约用人单位周二上午调解。"
    )
    # the timeline, oldest first, with who did it
    assert (
        page.index("已提交申请") < page.index("已受理。") < page.index("已约用人单位周二上午调解。")
    )
    assert "职工本人" in page and "root" in page
    # the worker asks the bot and sees the new status and the note
    answer = say(bot, WORKER, "我的调解申请到哪一步了", "m2")
    assert "当前状态：调解中" in answer and "已约用人单位周二上午调解。" in answer

    # an invalid jump is refused politely and nothing is sent
    r = root.http.post(url, data={"csrf_token": root.csrf, "status": "submitted", "note": "退回"})
    assert "不能直接改为「待受理」" in root.get(r.headers["location"]).text
    # a forged form without the page's token changes nothing
    root.http.post(url, data={"csrf_token": "forged", "status": "withdrawn", "note": "撤回"})
    with bot.db.read() as s:
        assert s.get(MediationCase, case_id).status == "mediating"
    assert len(notices(bot, WORKER)) == 2


def test_a_case_without_a_conversation_is_changed_and_the_admin_told_not_notified(bot, clients):
    root = clients["root"]
    case_id = new_case(bot, "never-chatted-0123456789")
    r = root.http.post(
        f"/admin/mediation-case/status/{case_id}",
        data={"csrf_token": root.csrf, "status": "accepted", "note": "已受理。"},
    )
    assert "职工未通知（该职工没有会话）" in root.get(r.headers["location"]).text


def test_assigning_a_mediator_goes_into_the_timeline(bot, clients, case_id):
    root = clients["root"]
    with bot.db.read() as s:
        liu = s.scalar(select(Mediator).where(Mediator.name == "刘芳"))
    url = f"/admin/mediation-case/mediator/{case_id}"
    r = root.http.post(url, data={"csrf_token": root.csrf, "mediator_id": str(liu.id)})
    page = root.get(r.headers["location"]).text
    assert "指派调解员：刘芳（重庆正衡律师事务所）" in page
    with bot.db.read() as s:
        case = s.get(MediationCase, case_id)
        assert (case.mediator_id, case.mediator) == (liu.id, "刘芳")
    # a retired mediator cannot be assigned
    with bot.db.write_lock(), bot.db.session() as s:
        chen = s.scalar(select(Mediator).where(Mediator.name == "陈建国"))
        chen.active = False
    r = root.http.post(url, data={"csrf_token": root.csrf, "mediator_id": str(chen.id)})
    assert "这位调解员已停用" in root.get(r.headers["location"]).text
    assert "陈建国" not in root.get(f"/admin/mediation-case/details/{case_id}").text


def test_the_list_masks_phones_and_filters_by_status_type_and_date(bot, clients, case_id):
    root = clients["root"]
    say(bot, OTHER, "你好", "m1")
    other = new_case(bot, OTHER, dispute="工伤", phone="13700001111")
    change_status(bot.db, other, "accepted", "已受理。", "root")
    with bot.db.write_lock(), bot.db.session() as s:
        s.get(MediationCase, other).created_at = datetime(2026, 10, 1, 2, 0)
        numbers = {i: s.get(MediationCase, i).case_no for i in (case_id, other)}

    listing = root.get("/admin/mediation-case/list").text
    assert "139****5678" in listing and "13912345678" not in listing
    assert numbers[case_id] in listing and numbers[other] in listing

    def shown(query: str) -> set[int]:
        text = root.get(f"/admin/mediation-case/list?{query}").text
        return {i for i, no in numbers.items() if no in text}

    assert shown("status=accepted") == {other}
    assert shown("dispute_type=拖欠工资") == {case_id}
    assert shown("created_to=2026-10-01") == {other}
    assert shown("created_from=2026-10-02") == {case_id}
    assert shown(f"search={numbers[case_id]}") == {case_id}
    # the case page shows the full phone
    assert "13912345678" in root.get(f"/admin/mediation-case/details/{case_id}").text


def test_staff_cannot_see_or_change_cases(clients, case_id):
    alice = clients["alice"]
    assert alice.get("/admin/mediation-case/list").status_code == 403
    assert alice.get(f"/admin/mediation-case/details/{case_id}").status_code == 403
    r = alice.http.post(
        f"/admin/mediation-case/status/{case_id}",
        data={"csrf_token": alice.csrf, "status": "accepted", "note": "x"},
    )
    assert r.status_code == 403
    assert alice.get("/admin/mediator/list").status_code == 403
