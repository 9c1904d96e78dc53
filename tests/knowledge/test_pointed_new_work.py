"""Questions asked in a new kind of work's situation (bot/knowledge/pointed_new_work.py)."""

from bot.knowledge.pointed_new_work import (
    OTHER_PARTY,
    PAST_THE_AGE,
    RIDER,
    new_work_asked,
)


class _Knowledge:
    def get(self, slug: str) -> str:
        return slug


class _Previous:
    def __init__(self, category: str, slug: str) -> None:
        self.category, self.slug = category, slug


def test_the_other_driver_after_a_riders_answer() -> None:
    previous = _Previous("劳务派遣与灵活用工", RIDER)
    assert new_work_asked(_Knowledge(), previous, "那个货车司机要不要赔我") == OTHER_PARTY


def test_the_platform_denying_a_riders_injury() -> None:
    previous = _Previous("劳务派遣与灵活用工", RIDER)
    assert new_work_asked(_Knowledge(), previous, "要是平台不承认呢") == RIDER
    other = _Previous("工资报酬", "wage_arrears_complain")
    assert new_work_asked(_Knowledge(), other, "要是平台不承认呢") is None


def test_a_pensioner_let_go_asks_for_compensation() -> None:
    previous = _Previous("工伤", "injury_what_counts")
    recent = ("我退休了 在拿养老金 在小区当门卫",)
    text = "老板说下个月不用来了 有没得补偿"
    assert new_work_asked(_Knowledge(), previous, text, recent) == PAST_THE_AGE
    assert new_work_asked(_Knowledge(), previous, text, ("我在小区当门卫",)) is None
