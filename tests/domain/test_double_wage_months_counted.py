"""The double wage for the months the worker counts (bot/domain/double_wage.py)."""

from __future__ import annotations

from bot.domain.double_wage import counted_months_text, months_counted


def test_the_months_named_and_counted() -> None:
    assert months_counted("就按8月9月10月三个月算 能多拿好多") == (3, "8月9月10月")
    assert months_counted("按2个月算嘛") == (2, "")
    assert months_counted("干了2个月") is None


def test_the_extra_for_those_months() -> None:
    said = counted_months_text(3, "8月9月10月", 5000)
    assert "3×5000=15000元" in said
    assert "告诉我月工资" in counted_months_text(2, "", None)
