"""Annual leave days worked out from the years worked in all (bot/domain/annual_leave.py)."""

from __future__ import annotations

import pytest

from bot.domain.annual_leave import annual_leave_text, days_a_year


@pytest.mark.parametrize(
    ("months", "days"), [(0, 0), (11, 0), (12, 5), (119, 5), (120, 10), (239, 10), (240, 15)]
)
def test_the_tiers_of_the_regulation(months, days):
    assert days_a_year(months) == days


def test_the_days_for_the_years_told_and_the_next_tier():
    said = annual_leave_text("我以前在别的厂干了8年", new_employer=True)
    assert said is not None
    assert "每年应休5天" in said and "÷365×5天" in said and "累计满10年后，每年10天" in said
    said = annual_leave_text("干了25年")
    assert said is not None and "每年应休15天" in said and "累计满" not in said
    assert "还没有带薪年假" in (annual_leave_text("才上了8个月班") or "")
    assert annual_leave_text("年假有几天") is None  # no length of work: the rule answers
