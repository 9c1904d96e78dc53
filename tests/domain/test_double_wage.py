"""The double wage for months without a written contract (《劳动合同法》第八十二条)."""

from __future__ import annotations

from bot.domain.double_wage import double_wage_text, extra_months


def test_from_the_second_month_at_most_eleven():
    assert extra_months(1) == 0
    assert extra_months(2) == 1
    assert extra_months(8) == 7
    assert extra_months(12) == 11
    assert extra_months(30) == 11


def test_the_sum_with_the_pay():
    text = double_wage_text(8, 3500)
    assert "可以多要7个月工资" in text and "24500元" in text and "第八十二条" in text
    assert "无固定期限" not in text


def test_a_year_and_more_is_an_open_ended_contract():
    text = double_wage_text(14, None)
    assert "可以多要11个月工资" in text and "无固定期限" in text and "元" not in text.split("\n")[0]


def test_within_the_first_month_nothing_is_owed_yet():
    assert "还在上班第1个月内" in double_wage_text(0, 4000)


def test_the_last_day_to_sign_from_the_start_day():
    from datetime import date

    from bot.domain.double_wage import asks_by_when, sign_by_text, start_day_told

    today = date(2026, 12, 7)
    assert start_day_told("我11月20号入职 最晚哪天要签", today) == date(2026, 11, 20)
    # (a day far ahead is last year's)
    assert start_day_told("我12月28号入职的", date(2026, 1, 5)) == date(2025, 12, 28)
    assert start_day_told("我干了三个月", today) is None
    assert asks_by_when("最迟哪天必须签") and not asks_by_when("能补好多钱")
    said = sign_by_text(date(2026, 12, 1))
    assert "12月31日" in said and "2027年1月1日" in said
    assert "最迟2月28日" in sign_by_text(date(2027, 1, 30))  # (no 30 February: its last day)
