"""Workers using the bot through WeChat: numbered options, forms, voice, menu and follow events."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from bot.store.models import Conversation, Enrolment, Event, MediationCase
from tests.wechat.conftest import option


def conversation(bot, openid: str) -> Conversation:
    with bot.db.read() as s:
        return s.scalars(select(Conversation).where(Conversation.sender_id == openid)).one()


def test_course_enrolment_by_numbered_reply(bot, wechat):
    reply = wechat.say("o-course-1", "我想学书法")
    assert "书法" in reply and "回复下面的数字" in reply and "按钮" not in reply
    reply = wechat.say("o-course-1", option(reply, "报名 书法"))
    assert "姓名" in reply
    assert "手机" in wechat.say("o-course-1", "陈大明")
    reply = wechat.say("o-course-1", "13512345678")
    assert "请确认报名信息" in reply and "书法" in reply
    reply = wechat.say("o-course-1", option(reply, "确认报名"))
    assert "报名成功" in reply
    with bot.db.read() as s:
        (e,) = s.scalars(select(Enrolment)).all()
        code = e.course.code
    assert (e.channel, e.sender_id, e.name, e.phone) == (
        "wechat",
        "o-course-1",
        "陈大明",
        "13512345678",
    )
    assert code == "XF02"


def test_options_are_shared_through_the_database_and_cleared_when_none_are_offered(
    bot, wechat, channel
):
    reply = wechat.say("o-course-2", "我想学书法")
    assert option(reply, "报名 书法") == "1"
    assert channel.options.offered("o-course-2") == [
        '/course_enroll{"course_id":"XF02"}',
        "/course_search",
    ]
    assert "姓名" in wechat.say("o-course-2", "１")  # a full-width digit from a Chinese keyboard
    assert channel.options.offered("o-course-2") == []
    # a number that is no offered option stays text for the engine (here: not a valid name)
    assert "回复" not in (wechat.say("o-course-2", "3") or "")
    with bot.db.read() as s:
        texts = s.scalars(select(Event.text).where(Event.type == "user")).all()
    assert texts[-2:] == ['/course_enroll{"course_id":"XF02"}', "3"]


def test_full_mediation_request_by_text(bot, wechat):
    openid = "o-med-1"
    assert "姓名" in wechat.say(openid, "老板欠了我三个月工资，我想申请劳动纠纷调解")
    assert "手机" in wechat.say(openid, "李小红")
    wechat.say(openid, "138 1234 5678")
    wechat.say(openid, "重庆顺达物流有限公司")
    wechat.say(openid, "从今年8月开始公司就没发工资了，一共欠了两万四千块，找老板好几次都说没钱")
    summary = wechat.say(openid, "补发拖欠的三个月工资")
    assert "李小红" in summary and "重庆顺达物流有限公司" in summary
    done = wechat.say(openid, option(summary, "确认"))
    number = re.search(r"TJ\d{8}-\d{4}", done)
    assert number, done
    with bot.db.read() as s:
        case = s.scalars(select(MediationCase)).one()
    assert (case.case_no, case.channel, case.sender_id) == (number.group(0), "wechat", openid)
    assert (case.name, case.phone, case.employer) == (
        "李小红",
        "13812345678",
        "重庆顺达物流有限公司",
    )


def test_voice_with_recognition_is_understood(bot, wechat):
    xml = wechat.xml("o-voice-1", "voice", MediaId="m1", Format="amr", Recognition="我想学书法。")
    reply = wechat.reply(wechat.post(xml))["Content"]
    assert "书法" in reply and "回复 1 报名 书法" in reply


def test_voice_without_recognition_and_other_media_get_kind_replies(bot, wechat):
    # photos are evidence for a case: tests/wechat/test_wechat_evidence.py
    xml = wechat.xml("o-media-1", "voice", MediaId="m2", Format="amr")
    assert "语音" in wechat.reply(wechat.post(xml))["Content"]
    for kind, fields, word in (
        ("video", {"MediaId": "m4", "ThumbMediaId": "m5"}, "视频"),
        (
            "location",
            {"Location_X": "29.5", "Location_Y": "106.5", "Scale": "15", "Label": "x"},
            "位置",
        ),
        ("link", {"Title": "t", "Description": "d", "Url": "http://x"}, "链接"),
    ):
        reply = wechat.reply(wechat.post(wechat.xml("o-media-1", kind, **fields)))["Content"]
        assert word in reply and "文字" in reply


def test_media_while_waiting_for_a_human_is_kept_and_acknowledged(bot, wechat):
    wechat.say("o-media-2", "转人工")
    reply = wechat.reply(wechat.post(wechat.xml("o-media-2", "image", PicUrl="http://x")))
    assert "留言" in reply["Content"] and "回复 1 回到小助手" in reply["Content"]
    # acknowledged once, not at every message
    assert wechat.reply(wechat.post(wechat.xml("o-media-2", "image", PicUrl="http://y"))) is None
    with bot.db.read() as s:
        texts = s.scalars(select(Event.text).where(Event.type == "user")).all()
    assert "[图片]" in texts


def test_subscribe_welcomes_with_the_menu_and_clicks_run_the_services(bot, wechat):
    welcome = wechat.event("o-follow-1", "subscribe")
    assert "小助手" in welcome
    assert option(welcome, "课程") and option(welcome, "调解") and option(welcome, "人工")
    courses = wechat.event("o-follow-1", "CLICK", "COURSES")
    # one line per course, then 详情 and 报名 of each as numbered options
    assert "课程" in courses and "回复 1 " in courses and "详情\n回复 2 报名" in courses
    assert "姓名" in wechat.event("o-follow-1", "CLICK", "MEDIATION")
    assert "取消" in wechat.say("o-follow-1", "算了")
    assert "政策" in wechat.event("o-follow-1", "CLICK", "POLICY")
    assert "人工" in wechat.event("o-follow-1", "CLICK", "HUMAN")
    assert conversation(bot, "o-follow-1").state == "waiting_for_human"


def test_scan_and_scan_to_subscribe_are_welcomed(bot, wechat):
    assert "小助手" in wechat.event("o-scan-1", "SCAN", "123")
    assert "小助手" in wechat.event("o-scan-2", "subscribe", "qrscene_123")


def test_unknown_menu_key_shows_what_the_bot_can_do(bot, wechat):
    assert "我可以帮您" in wechat.event("o-click-1", "CLICK", "OLD_KEY")


def test_unsubscribe_closes_the_conversation_and_sends_nothing(bot, wechat, wechat_api):
    assert "姓名" in wechat.say("o-unsub-1", "我要申请劳动纠纷调解")
    assert wechat.event("o-unsub-1", "unsubscribe") is None
    conv = conversation(bot, "o-unsub-1")
    assert (conv.state, conv.active_loop) == ("closed", None)
    assert wechat_api.calls == []
    with bot.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Event).where(Event.type == "state")) == 1
    # following again brings the bot back, without the abandoned form
    assert "小助手" in wechat.event("o-unsub-1", "subscribe")
    assert conversation(bot, "o-unsub-1").state == "bot"
    assert "姓名" not in wechat.say("o-unsub-1", "你好")


def test_the_rest_of_a_long_answer_and_feedback_on_it_by_numbered_reply(bot, wechat):
    from bot.knowledge.answers import layout
    from bot.store.models import FaqFeedback

    openid = "o-more-1"
    parts = layout(bot.knowledge.get("ot_limits").answer)
    reply = wechat.say(openid, "一个月最多能加好多个小时的班")
    assert reply.startswith(f"{parts.lead}\n\n") and parts.rest not in reply
    reply = wechat.say(openid, option(reply, "详细说明"))
    assert parts.rest in reply and "详细说明" not in reply
    reply = wechat.say(openid, option(reply, "有帮助"))
    assert "谢谢您的反馈" in reply
    with bot.db.read() as s:
        [feedback] = s.scalars(select(FaqFeedback)).all()
    assert (feedback.slug, feedback.helpful, feedback.question) == (
        "ot_limits",
        True,
        "一个月最多能加好多个小时的班",
    )
