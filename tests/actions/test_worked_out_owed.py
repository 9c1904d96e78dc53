"""The months of wages owed a message counts (actions/worked_out_owed.py)."""

from __future__ import annotations

from actions.worked_out_owed import _months_owed, owed_sum


def test_the_months_of_the_year_named_before_their_count():
    assert _months_owed("欠了我9月和10月两个月工资 一个月3800") == 2
    assert _months_owed("欠了我 5月 6月 两个月工资, 一个月 4500") == 2
    assert owed_sum(["老板拖了我3月、4月、5月三个月工资 每个月4000"]) == 12000
    assert _months_owed("欠了我两个月工资") == 2  # (as before)


def test_the_wages_named_before_the_months_held_back():
    assert _months_owed("我工资被公司拖了三个月了") == 3
    assert _months_owed("工资拖欠了4个月 咋办") == 4
