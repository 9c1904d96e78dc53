"""Hours asked by or for a pregnant or nursing worker go to the entries that protect them."""

from bot.knowledge.pointed_women import BREASTFEEDING, PREGNANT_WORK, hours_of_the_protected
from tests.knowledge.fakes import Previous as _Previous
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_overtime_refused_while_nursing_told_before() -> None:
    recent = ("我娃儿才5个月 每天有喂奶的时间没得",)
    asked = hours_of_the_protected(_Knowledge(), "主管喊我天天加班到晚上10点 我能不能不加", recent)
    assert asked == BREASTFEEDING


def test_a_pregnant_wifes_long_days() -> None:
    text = "我老婆怀孕8个月了 超市还喊她每天上10个钟头 这个可以不"
    assert hours_of_the_protected(_Knowledge(), text) == PREGNANT_WORK


def test_what_the_overtime_pays_is_not_asked_here() -> None:
    recent = ("我老婆怀孕了",)
    assert hours_of_the_protected(_Knowledge(), "我上个月加班30个钟头 加班费好多", recent) is None
    assert hours_of_the_protected(_Knowledge(), "我天天加班 能不能不加") is None


def test_more_than_the_wages_owed_asked() -> None:
    from bot.knowledge.pointed_situations import ARREARS, more_than_wages_asked

    class _Previous:
        category = "调解"

    asked = more_than_wages_asked(
        _Knowledge(), _Previous(), "拖这么久 老板除了工资还要不要赔点啥子"
    )
    assert asked == ARREARS
    assert more_than_wages_asked(_Knowledge(), _Previous(), "除了书法还有啥子课") is None


def test_a_nursing_workmate_put_on_night_shifts() -> None:
    text = "我们线上有个大姐娃儿才8个月 也排了夜班"
    assert hours_of_the_protected(_Knowledge(), text) == BREASTFEEDING


def test_the_leave_paid_and_a_dismissal_threatened_in_a_pregnancy() -> None:
    from bot.knowledge.pointed_women import (
        BIRTH_ALLOWANCE,
        MATERNITY_LEAVE,
        THREE_PERIODS,
        maternity_followup_asked,
    )

    leave = _Previous(MATERNITY_LEAVE, "生娃娃有好多天产假")
    assert maternity_followup_asked(_Knowledge(), leave, "那这个假发不发工资") == BIRTH_ALLOWANCE
    said = "主管说我老请假 要把我开了"
    assert maternity_followup_asked(_Knowledge(), leave, said) == THREE_PERIODS
    # (its worth asked is the sum's; no pregnancy in view, no rule)
    assert maternity_followup_asked(_Knowledge(), leave, "要是把我开了能赔好多") is None
    other = _Previous("ot_pay_rates", "加班费按几倍算")
    assert maternity_followup_asked(_Knowledge(), other, said) is None
