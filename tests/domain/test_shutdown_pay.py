"""The first pay cycle of a stoppage (bot/domain/shutdown_pay.py)."""

from bot.domain.shutdown_pay import months_stopped, shutdown_pay_text


def test_months_stopped_reads_a_half_month():
    assert months_stopped("放了一个半月了") == 1.5
    assert months_stopped("厂头停了3个月") == 3
    assert months_stopped("第一个月该拿好多") is None


def test_first_cycle_is_the_contract_pay():
    said = shutdown_pay_text(5200, 2)
    assert "第一个月应拿5200元" in said
    assert "生活费" in said and "12333" in said


def test_a_stoppage_within_a_month_has_no_later_months():
    assert "生活费" not in shutdown_pay_text(3900, 1)
