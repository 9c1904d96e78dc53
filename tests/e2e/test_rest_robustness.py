"""Policy answers, fallback and handoff, duplicates and malformed requests over HTTP."""

from sqlalchemy import func, select

from bot.store.models import Conversation, Event, MediationCase
from tests.e2e.chat import Worker


def test_policy_answer_cites_the_law(http):
    w = Worker(http, "worker-policy-1")
    w.say("年休假有几天")
    assert "依据" in w.text and "《职工带薪年休假条例》" in w.text
    assert any("人工" in b["title"] for b in w.buttons)


def test_close_matches_are_offered_and_pressing_one_answers(http):
    w = Worker(http, "worker-policy-2")
    w.say("加班费咋个算")
    if "您是想问" in w.text:
        w.press("加班费按几倍算")
    assert "依据" in w.text and "《劳动法》第四十四条" in w.text


def test_unknown_policy_question_is_admitted_and_offers_a_human(http):
    w = Worker(http, "worker-policy-3")
    w.say("/policy_question")
    assert "政策" in w.text


def test_two_fallbacks_offer_a_human_and_the_worker_chooses(bot, http):
    w = Worker(http, "worker-fallback-1")
    w.say("zxqv blorp")
    assert w.text
    # (repeated letters like "qqqq" are trained as out-of-scope noise, which gets its own
    # polite answer with a 人工服务 button)
    # two messages the model cannot read at all (checked, so a retrained model that reads
    # one as out-of-scope noise fails here, not below)
    assert bot.nlu.parse("blorp zxqv")["intent"]["name"] == "nlu_fallback"
    w.say("blorp zxqv")
    assert "工作人员" in w.text and "人工服务" in [b["title"] for b in w.buttons]
    with bot.db.read() as s:
        conv = s.scalars(
            select(Conversation).where(Conversation.sender_id == "worker-fallback-1")
        ).one()
    assert conv.state == "bot"  # offered, never forced
    w.press("人工服务")
    assert [q.conversation_id for q in bot.desk.queue()] == [conv.id]
    assert "算了" in " ".join(m.get("text", "") for m in w.say("有人吗"))  # acknowledged
    bot.desk.release(conv.id)
    w.say("你好")
    assert "小助手" in w.text


def test_asking_for_a_human(bot, http):
    w = Worker(http, "worker-handoff-1")
    w.say("转人工")
    assert "人工" in w.text
    with bot.db.read() as s:
        conv = s.scalars(
            select(Conversation).where(Conversation.sender_id == "worker-handoff-1")
        ).one()
    assert (conv.state, conv.handoff_reason) == ("waiting_for_human", "asked")


def test_duplicate_message_id_runs_nothing_twice(bot, http):
    w = Worker(http, "worker-dup-1")
    w.say("我要申请劳动纠纷调解", "m1")
    for i, text in enumerate(
        [
            "钱多多",
            "13812345678",
            "重庆某某科技有限公司",
            "拖欠工资",
            "公司欠我两个月工资八千块一直不给",
            "补发工资",
        ],
        start=2,
    ):
        w.say(text, f"m{i}")
    first = w.say("/affirm", "m-final")
    again = w.say("/affirm", "m-final")
    assert again == first
    with bot.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MediationCase)) == 1
        # the retried message was not logged again
        n = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.message_id == "m-final", Event.type == "user")
        )
    assert n == 1


def test_button_payload_works_as_a_message(http):
    w = Worker(http, "worker-btn-1")
    w.say("/help")
    assert "课程" in w.text and w.buttons


def test_bad_json_is_refused_politely(http):
    r = http.post(
        "/webhooks/rest/webhook", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 400
    assert "JSON" in r.json()["message"]


def test_missing_sender_is_refused(http):
    r = http.post("/webhooks/rest/webhook", json={"message": "你好"})
    assert r.status_code == 400 and "sender" in r.json()["message"]


def test_non_text_message_is_refused(http):
    r = http.post("/webhooks/rest/webhook", json={"sender": "x", "message": {"a": 1}})
    assert r.status_code == 400


def test_empty_text_gets_a_polite_reply(http):
    w = Worker(http, "worker-empty-1")
    w.say("   ")
    assert "文字" in w.text


def test_very_long_text_is_answered_and_stored(bot, http):
    w = Worker(http, "worker-long-1")
    w.say("工" * 10_000)
    assert "太长" in w.text
    with bot.db.read() as s:
        stored = s.scalar(select(Event.text).where(Event.type == "user").order_by(Event.id.desc()))
    assert len(stored) == 10_000  # nothing is lost
    w.say("你好")
    assert "小助手" in w.text


def test_oversized_body_is_refused(http):
    r = http.post("/webhooks/rest/webhook", json={"sender": "x", "message": "字" * 40_000})
    assert r.status_code == 413


def test_model_parse_has_rasa_shape(http):
    r = http.post("/model/parse", json={"text": "我电话13812345678，想报名书法"})
    body = r.json()
    assert body["text"].startswith("我电话")
    assert set(body["intent"]) == {"name", "confidence"}
    assert body["intent_ranking"] and {"name", "confidence"} <= set(body["intent_ranking"][0])
    phone = [e for e in body["entities"] if e["entity"] == "phone"]
    assert phone and phone[0]["value"] == "13812345678"
    assert body["text"][phone[0]["start"] : phone[0]["end"]] == "13812345678"


def test_health_reports_database_and_model(http):
    body = http.get("/health").json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["model"]["loaded"] and body["knowledge"]["entries"] >= 80
