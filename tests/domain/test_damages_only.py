"""An unlawful dismissal's damages on their own: a pretext's 2N, and never both sums."""

from __future__ import annotations

from bot.domain.damages_only import both_asked_text, pretext_text


def test_a_pretext_gives_twice_the_compensation():
    said = pretext_text(52, 4600)  # 4 years 4 months: 4.5 months' pay
    assert "违法解除" in said and "回去上班" in said
    assert "4.5个月×4600×2=41400元" in said
    assert "不再另加经济补偿和代通知金" in said


def test_damages_and_compensation_are_never_both_had():
    said = both_asked_text(None, None)
    assert "不能同时拿" in said and "第二十五条" in said
    assert "按您说的" not in said
    with_figures = both_asked_text(30, 5000)  # 2 years 6 months: 3 months' pay
    assert "赔偿金30000元" in with_figures and "经济补偿15000元" in with_figures


def test_the_length_put_right_in_the_same_message():
    from bot.domain.severance import months_worked

    assert months_worked("我干了4年2个月 工资5000 哦不对 我说错了 是4年9个月") == 57
    assert months_worked("我干了4年2个月 工资5000") == 50
    assert months_worked("我姐在厂头干得久 9年3个月 工资4800") == 111


def test_the_pay_said_the_same_as_another():
    from bot.domain.severance import monthly_pay

    assert monthly_pay("试用期工资跟转正一样3800 我才干了3个月") == 3800


def test_no_ground_given_is_unlawful_too():
    said = pretext_text(40, 6000, no_reason=True)  # 3 years 4 months: 3.5 months' pay
    assert "只说“不适合”" in said and "3.5个月×6000×2=42000元" in said
    assert "岗位是不是真的撤了" not in said


def test_a_protected_worker_let_go_anyway():
    from bot.domain.damages_only import protected_text

    said = protected_text(36, 4200)  # 3 years: 3 months' pay
    assert "医疗期" in said and "继续履行" in said
    assert "3个月×4200×2=25200元" in said and "第四十二条" in said
