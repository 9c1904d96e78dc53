"""A rest day asked right after one kind's days were summed: one such day at its own rate."""

from bot.domain.overtime_said import another_day_asked

_SUMMED = "按您说的：法定节假日加班1天，日工资200元。\n…"


def test_an_ordinary_sunday_after_a_holiday_sum() -> None:
    assert another_day_asked("那平常的星期天呢", _SUMMED) == "那平常的星期天呢 加班一天"


def test_not_after_another_answer_nor_with_its_own_figures() -> None:
    assert another_day_asked("那周六呢", "休息日加班：先安排补休，补不了的付不低于200%。") is None
    assert another_day_asked("那周六加了两天呢", _SUMMED) is None
