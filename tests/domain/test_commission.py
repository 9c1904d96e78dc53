"""A platform worker's takings less the commission (bot/domain/commission.py)."""

from __future__ import annotations

from bot.domain.commission import share_told, take_home_text, takings_told


def test_the_takings_and_the_share_told() -> None:
    text = "这个月跑了12000的流水 平台抽百分之15 到手好多"
    assert takings_told(text) == 12000
    assert share_told(text) == 15
    said = take_home_text(12000, 15)
    assert "12000×(1-15%)=10200元" in said
    assert "最低工资" in said


def test_shares_said_as_a_percentage_or_in_tenths() -> None:
    assert share_told("抽成25%") == 25
    assert share_told("平台抽两成") == 20
    assert share_told("是抽的百分之二十") == 20


def test_no_share_or_no_takings() -> None:
    assert share_told("平台抽得太狠了") is None
    assert takings_told("平台抽了百分之20") is None


def test_a_share_put_right_says_so() -> None:
    assert take_home_text(9000, 25, corrected=True).startswith("按您改过的比例算")
