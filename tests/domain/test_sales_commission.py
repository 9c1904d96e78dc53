from bot.domain.sales_commission import commission_text, rate_told, sales_told
from bot.domain.wages_owed import half_paid_months, half_paid_text


def test_sales_and_the_rate_told():
    assert sales_told("我9月份卖了35万 提成2个点") == [("9月", 350000)]
    assert rate_told("我9月份卖了35万 提成2个点") == 2
    assert rate_told("提成百分之4") == 4
    assert sales_told("老板说走了的人提成都不算") == []


def test_the_commission_of_each_month_added_up():
    said = commission_text([("9月", 350000), ("8月", 150000)], 2)
    assert "7000元" in said and "3000元" in said and "一共10000元" in said
    assert "第九条" in said


def test_months_paid_only_half():
    assert half_paid_months("这两个月都只发了一半工资") == 2
    assert half_paid_months("老板说下个月发一半") is None
    assert "2600×2=5200元" in half_paid_text(2, 5200)


def test_a_year_end_bonus_by_the_months_worked():
    from bot.domain.year_end_bonus import bonus_told, months_this_year, prorated_bonus_text

    assert bonus_told("去年年终奖是24000 今年干了10个月") == 24000
    assert months_this_year("去年年终奖是24000 今年干了10个月") == 10
    assert months_this_year("今年干了12个月") is None  # (a whole year: no share to reckon)
    assert "24000×10÷12=20000元" in prorated_bonus_text(24000, 10)
