"""Hours asked by or for a pregnant or nursing worker go to the entries that protect them."""

from bot.knowledge.pointed_women import BREASTFEEDING, PREGNANT_WORK, hours_of_the_protected


class _Knowledge:
    def get(self, slug: str) -> str:
        return slug


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
