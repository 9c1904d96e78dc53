"""How long unemployment benefit lasts for the years of contributions told."""

from bot.domain.unemployment import benefit_months_text, contribution_years, longest_months


def test_years_told_and_corrected():
    assert contribution_years("社保交了6年多") == 6
    assert contribution_years("中间断了 实际只交了4年") == 4


def test_the_tiers():
    assert [longest_months(y) for y in (0.5, 1, 4, 5, 9, 10, 20)] == [0, 12, 12, 18, 18, 24, 24]
    assert "最长可以领18个月" in benefit_months_text(6)
    assert "还不够" in benefit_months_text(0.5)
