from bot.domain.renewal import renewal_declined, renewal_declined_text


def test_the_terms_of_a_renewal_declined():
    assert renewal_declined("要是待遇一样 我自己不愿意续呢") == "same"
    assert renewal_declined("公司说续 但是工资降到4500 我不签") == "lower"
    assert renewal_declined("我不想续了 有补偿没") is None  # (no terms offered told)


def test_same_terms_declined_no_compensation_lower_terms_still_due():
    assert "没有补偿" in renewal_declined_text("same", 24, 6000)
    lower = renewal_declined_text("lower", 24, 6000)
    assert "照样有经济补偿" in lower and "2个月×6000=12000元" in lower
