"""Pay below the minimum wage against the worker's own figure (bot/domain/minimum_shortfall.py)."""

from bot.domain.minimum_shortfall import minimum_told, paid_told, shortfall_text


def test_minimum_told_by_the_worker():
    assert minimum_told("听说我们区最低工资标准是1900") == 1900
    assert minimum_told("一个月才拿1500") is None


def test_paid_told_not_the_minimum():
    assert paid_told("一个月才拿1500") == 1500
    assert paid_told("最低工资是1900") is None


def test_difference_made_up():
    said = shortfall_text(1450, 1900)
    assert "1900-1450=450元" in said
    assert "不用补" in shortfall_text(2000, 1900)
