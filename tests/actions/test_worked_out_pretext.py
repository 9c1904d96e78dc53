"""Grounds said to be a pretext, and the damages and compensation asked together."""

from __future__ import annotations

from types import SimpleNamespace

from actions.worked_out_pretext import both_asked_reply, pretext_reply


def _tracker(*said: str) -> SimpleNamespace:
    # (the message being answered is the last one told: recent_user_texts reads those before)
    return SimpleNamespace(events=[{"event": "user", "text": t} for t in [*said, "…"]], slots={})


def test_the_2n_of_a_pretext_after_the_dismissal_and_its_figures():
    tracker = _tracker("厂里说车间要撤了 叫我下个礼拜不用来了", "我做了3年2个月 月工资6000")
    said = pretext_reply(None, tracker, "要是车间根本没撤 只是找借口把我开了呢")
    assert said is not None and "3.5个月×6000×2=42000元" in said
    assert pretext_reply(None, _tracker("我做了3年2个月 月工资6000"), "他找借口不给加班费") is None


def test_both_sums_asked():
    tracker = _tracker("我做了3年2个月 月工资6000")
    said = both_asked_reply(None, tracker, "那补偿金和赔偿金可以一起要不")
    assert said is not None and "不能同时拿" in said and "赔偿金42000元" in said
    assert both_asked_reply(None, tracker, "工伤赔偿和经济补偿能一起拿不") is None
    assert both_asked_reply(None, tracker, "双倍工资和经济补偿能同时要吗") is None
