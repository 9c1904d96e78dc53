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
