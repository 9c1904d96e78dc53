"""The engine's guarantees: errors never lose the conversation, and nothing half-written stays."""

from __future__ import annotations

import logging

import pytest
from rasa_sdk import Action
from sqlalchemy import func, select

from bot.app import create_app
from bot.core.messages import Incoming
from bot.nlu import model as nlu_model
from bot.store.db import Database, SchemaNotCurrent
from bot.store.models import Event, MediationCase


class WritesThenFails(Action):
    """An action with a bug: it writes a case, then crashes with personal data in the error."""

    def __init__(self, db: Database | None = None) -> None:
        self.db = db

    def name(self) -> str:
        return "action_submit_mediation"

    def run(self, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        with self.db.session() as s:
            s.add(
                MediationCase(
                    case_no="TJ-BROKEN",
                    channel="rest",
                    sender_id="x",
                    name="张三",
                    phone="13812345678",
                    employer="某公司",
                    dispute_type="其他",
                    description="d",
                    demand="d",
                )
            )
            s.flush()
        raise ValueError(f"boom for {tracker.get_slot('phone')} {tracker.get_slot('name')}")


def fill_mediation_form(bot, sender: str) -> None:
    for i, text in enumerate(
        [
            "我要申请劳动纠纷调解",
            "张三",
            "13812345678",
            "重庆某某科技有限公司",
            "拖欠工资",
            "公司欠我两个月工资共八千元",
            "补发工资",
        ]
    ):
        bot.engine.handle(Incoming("rest", sender, text, f"{sender}-{i}"))


def test_a_crashing_action_is_rolled_back_and_answered_with_an_apology(bot, caplog):
    bot.engine.registry.actions["action_submit_mediation"] = WritesThenFails(bot.db)
    fill_mediation_form(bot, "crash-1")
    with caplog.at_level(logging.ERROR):
        replies = bot.engine.handle(Incoming("rest", "crash-1", "/affirm", "crash-1-final"))
    assert len(replies) == 1 and "抱歉" in replies[0]["text"]
    with bot.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MediationCase)) == 0
        # the worker's message itself is kept
        assert (
            s.scalar(
                select(func.count())
                .select_from(Event)
                .where(Event.message_id == "crash-1-final", Event.type == "user")
            )
            == 1
        )
    logged = caplog.text
    assert "ValueError" in logged and "Traceback" in logged
    assert "13812345678" not in logged and "张三" not in logged
    # the conversation stays usable
    assert "小助手" in bot.engine.handle(Incoming("rest", "crash-1", "你好"))[0]["text"]


def test_unmigrated_database_is_refused(settings):
    with pytest.raises(SchemaNotCurrent, match="workerbot db upgrade"):
        create_app(settings)


def test_a_stale_or_missing_model_is_refused(settings, tmp_path):
    stale = settings.__class__.load(
        settings.root / "config.yml",
        workerbot_database_url=settings.database_url,
        workerbot_model_dir=tmp_path / "no-models",
    )
    with pytest.raises(nlu_model.ModelMissing, match="workerbot train"):
        nlu_model.load(stale)


def test_concurrent_messages_of_one_worker_are_all_kept_in_order(bot, http):
    from concurrent.futures import ThreadPoolExecutor

    def send(i: int) -> int:
        r = http.post(
            "/webhooks/rest/webhook",
            json={"sender": "busy-1", "message": "你好", "message_id": f"busy-{i}"},
        )
        return r.status_code

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(send, range(40)))
    assert codes == [200] * 40
    with bot.db.read() as s:
        ids = s.scalars(select(Event.message_id).where(Event.type == "user")).all()
    assert sorted(ids) == sorted(f"busy-{i}" for i in range(40))


def test_a_retry_while_the_first_is_in_flight_runs_once(bot, http):
    from concurrent.futures import ThreadPoolExecutor

    body = {
        "sender": "retry-1",
        "message": '/course_enroll{"course_id":"XF04"}',
        "message_id": "same",
    }
    with ThreadPoolExecutor(4) as pool:
        answers = list(
            pool.map(lambda _: http.post("/webhooks/rest/webhook", json=body).json(), range(4))
        )
    assert all(a == answers[0] for a in answers)
    with bot.db.read() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(Event)
                .where(Event.message_id == "same", Event.type == "user")
            )
            == 1
        )
