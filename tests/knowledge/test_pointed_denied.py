"""The employer denying the labour relation goes to the entry on proving it."""

from bot.knowledge.pointed import PROVE_RELATION
from bot.knowledge.pointed_denied import relation_denied_told


class _Knowledge:
    def get(self, slug: str) -> str:
        return slug


class _Previous:
    def __init__(self, category: str, slug: str = "wages_owed") -> None:
        self.category, self.slug = category, slug


def test_called_a_temp_after_wages_owed() -> None:
    text = "经理讲我们几个都是临时工 工资的事不算"
    assert relation_denied_told(_Knowledge(), _Previous("工资"), text) == PROVE_RELATION


def test_not_one_of_theirs_said_alone() -> None:
    text = "厂长说我不是厂里的员工"
    assert relation_denied_told(_Knowledge(), None, text) == PROVE_RELATION


def test_an_injury_weighs_the_relation_itself() -> None:
    text = "老板说我是临时工 不承认"
    assert relation_denied_told(_Knowledge(), _Previous("工伤"), text) is None
    assert relation_denied_told(_Knowledge(), None, "临时工能入工会吗") is None


def test_a_riders_platform_or_an_injury_has_its_own_entries() -> None:
    text = "我跑快递的 送件路上摔了 平台说我不是他们员工"
    assert relation_denied_told(_Knowledge(), None, text) is None
