"""Piece-rate overtime (bot/domain/piece_rate.py)."""

from bot.domain.piece_rate import (
    overtime_kind,
    piece_price,
    piece_rate_overtime_text,
    pieces_made,
)


def test_price_told_either_way():
    assert piece_price("我做包装 一件1块5 定额一天200件") == 1.5
    assert piece_price("4块钱一件") == 4
    assert piece_price("计件的 没说好多钱") is None


def test_pieces_made_not_the_quota_nor_the_price():
    assert pieces_made("做满200件以后又做了30件 这30件好多") == 30
    assert pieces_made("一件2块") is None


def test_kind_of_overtime():
    assert overtime_kind("五一那天做了60件") == "holiday"
    assert overtime_kind("星期天加班做了60件") == "rest"
    assert overtime_kind("做满定额以后又喊多做了20件") == "weekday"
    assert overtime_kind("做了60件") is None


def test_sums_at_the_three_rates():
    assert "60×4×300%=720元" in piece_rate_overtime_text(60, 4, "holiday")
    assert "60×4×200%=480元" in piece_rate_overtime_text(60, 4, "rest")
    assert "20×1.5×150%=45元" in piece_rate_overtime_text(20, 1.5, "weekday")
