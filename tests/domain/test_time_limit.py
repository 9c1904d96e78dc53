"""The time limit interrupted by a demand (bot/domain/time_limit.py)."""

from __future__ import annotations

from datetime import date

from bot.domain.time_limit import interrupted_text

TODAY = date(2026, 12, 6)


def test_a_demand_this_year_runs_a_year_from_its_month():
    said = interrupted_text("我今年3月份还打电话找老板要过的 他当时说过段时间给我", TODAY)
    assert said is not None
    assert "中断" in said and "2027年3月" in said
    assert "答应" in said  # the employer's promise is said only when told


def test_a_year_already_run_says_the_time_is_short():
    said = interrupted_text("我去年12月找老板要过工资", TODAY)
    assert said is not None and "马上申请" in said


def test_no_demand_told_is_no_answer():
    assert interrupted_text("我们在家等通知", TODAY) is None
