"""The compensation and the month in lieu of notice of a dismissal under 第四十条, added up."""

from __future__ import annotations

from bot.domain.notice_pay import notice_and_severance_text


def test_the_compensation_and_the_month_in_lieu_added_up():
    text = notice_and_severance_text(43, 6090)  # 3 years 7 months: 4 months' pay
    assert "经济补偿4个月×6090=24360元" in text
    assert "代通知金）6090元" in text
    assert "一共30450元" in text


def test_under_half_a_year_is_half_a_month():
    text = notice_and_severance_text(4, 4000)
    assert "经济补偿0.5个月×4000=2000元" in text
    assert "一共6000元" in text


def test_the_month_in_lieu_at_the_last_month_s_pay():
    from bot.domain.notice_pay import notice_and_severance_text, pays_told

    assert pays_told("上个月工资是6500哦 前面平均才6000 那个代通知金按好多算") == (6500, 6000)
    assert pays_told("我一个月6000") is None
    said = notice_and_severance_text(38, 5000, last_month=5200)
    assert "3.5个月×5000=17500元" in said and "代通知金）5200元" in said
    assert "一共22700元" in said
