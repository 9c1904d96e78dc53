"""查看法条原文 under a policy answer (actions/law_text.py)."""

from __future__ import annotations

from actions.law_text import ActionLawText, law_button, law_text
from actions.services import Services
from tests.actions.action_support import make_tracker, run, text_of


def test_the_button_is_offered_only_where_article_text_is_held():
    assert law_button("ot", "《劳动法》第四十四条")["payload"] == '/law_text{"faq_id":"ot"}'
    assert law_button("inj", "《工伤保险条例》第十四条") is None
    long_slug = "x" * 60  # Telegram carries 64 bytes: the entry is then the last answered
    assert law_button(long_slug, "《劳动法》第四十四条")["payload"] == "/law_text"


def test_the_articles_are_shown_whole_with_the_acts_not_held_named():
    text = law_text("《劳动法》第四十四条；《工资支付暂行规定》第十三条")
    assert text.startswith("《劳动法》第四十四条：\n有下列情形之一的")
    assert "支付不低于工资的百分之三百的工资报酬" in text
    assert "《工资支付暂行规定》的原文这里没有收录" in text
    assert text.endswith("可以转人工咨询工作人员。")  # the law's text, not advice on the case
    assert "原文这里没有收录" in law_text("《工伤保险条例》第十四条")


def test_a_long_citation_is_shown_in_part_and_named_in_full():
    text = law_text("《劳动合同法》第三十六条至第五十条")
    assert len(text) < 2200
    assert "《劳动合同法》第五十条（篇幅较长" in text


def test_pressing_the_button_shows_the_entry_s_articles(services: Services):
    tracker = make_tracker('/law_text{"faq_id":"overtime-pay"}', "law_text")
    messages, events = run(ActionLawText(services), tracker)
    assert text_of(messages).startswith("《中华人民共和国劳动法》第四十四条：")
    assert {"event": "slot", "name": "faq_id", "value": None} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


def test_no_faq_entry_close_shows_the_closest_articles_and_a_human():
    from actions.law_articles import articles_reply

    reply = articles_reply("集体合同报给谁审查")
    assert reply is not None
    text, offered = reply
    assert "《劳动法》第三十四条：集体合同签订后应当报送劳动行政部门" in text
    assert text.count("《") <= 3 and "不是对您具体情况的意见" in text
    payloads = [b["payload"] for b in offered]
    assert "/human_handoff" in payloads
    assert all(len(p.encode()) <= 64 for p in payloads)
    assert articles_reply("火锅哪家好吃") is None


def test_the_full_text_button_shows_the_whole_article(services: Services):
    tracker = make_tracker('/law_text{"law_article":"1-23"}', "law_text")
    tracker.latest_message["entities"] = [{"entity": "law_article", "value": "1-23"}]
    messages, _ = run(ActionLawText(services), tracker)
    text = text_of(messages)
    assert text.startswith("《劳动合同法》第二十三条：\n用人单位与劳动者可以在劳动合同中约定")
    assert "在竞业限制期限内按月给予劳动者经济补偿" in text and "不是对您具体情况的意见" in text
    # a reference to nothing held falls back to the last answer's articles
    tracker = make_tracker('/law_text{"law_article":"99-1"}', "law_text")
    tracker.latest_message["entities"] = [{"entity": "law_article", "value": "99-1"}]
    messages, _ = run(ActionLawText(services), tracker)
    assert "竞业限制" not in text_of(messages)
