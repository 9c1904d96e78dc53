"""The month's pay from the year's total told (bot/domain/severance.py's monthly_pay)."""

from bot.domain.severance import monthly_pay


def test_year_total_is_averaged():
    assert monthly_pay("过去12个月一共到手60000") == 5000
    assert monthly_pay("前十二个月拿了84000") == 7000


def test_a_month_told_is_untouched():
    assert monthly_pay("月工资6000") == 6000


def test_year_end_bonus_spread_over_the_months():
    assert monthly_pay("去年年底发了年终奖9600 其余月都是5000") == 5800
