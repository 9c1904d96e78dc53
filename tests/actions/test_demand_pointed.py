"""A demand pointing at a sum just worked out ("就要这个加班费") is that sum."""

from __future__ import annotations

from actions.demand_pointed import sum_pointed_at, sum_wanted
from tests.actions.action_support import make_tracker, user_event


def _after(reply: str):
    history = [
        user_event("我一个月5220 上个月星期天上了2天班 该给我好多"),
        {"event": "bot", "text": reply},
    ]
    return make_tracker("就要这个加班费 单位是重庆恒发机械制造有限公司", history=history)


def test_the_overtime_sum_pointed_at() -> None:
    tracker = _after("休息日加班……不低于日工资的200%：240×200%×2=960元。")
    assert sum_pointed_at(tracker, "这个加班费") == "支付加班费960元"


def test_the_compensation_pointed_at_not_the_double() -> None:
    tracker = _after("按月工资6000元算：经济补偿约18000元；赔偿金约36000元。")
    assert sum_pointed_at(tracker, "那个补偿") == "支付经济补偿18000元"
    assert sum_pointed_at(tracker, "那笔赔偿金") == "支付赔偿金36000元"


def test_nothing_pointed_at_or_no_sum_worked_out() -> None:
    tracker = _after("平时150%、周末200%、节假日300%。")
    assert sum_pointed_at(tracker, "这个加班费") is None
    assert sum_pointed_at(tracker, "补发加班费") is None


def test_a_bare_sum_wanted_named_by_the_reply_that_worked_it_out() -> None:
    tracker = _after("按月工资7100元算：赔偿金约42600元；经济补偿约21300元。")
    assert sum_wanted(tracker, "那我就要42600嘛") == "支付赔偿金42600元"
    assert sum_wanted(tracker, "好 要21300块") == "支付经济补偿21300元"


def test_a_bare_sum_wanted_in_english_or_unnamed() -> None:
    tracker = _after("平时150%、周末200%、节假日300%。")
    assert sum_wanted(tracker, "ok so we want 3800 altogether") == "支付3800元"
    assert sum_wanted(tracker, "那就要5000") == "支付5000元"


def test_no_bare_sum_wanted() -> None:
    tracker = _after("按月工资7100元算：赔偿金约42600元。")
    assert sum_wanted(tracker, "老板说只给42600") is None
    assert sum_wanted(tracker, "电话是13800001111") is None
