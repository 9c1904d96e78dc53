"""Many workers in the same case, and a record asked whether it counts
(bot/knowledge/pointed_group.py)."""

from bot.knowledge.pointed_group import (
    EVIDENCE,
    GROUP_CLAIM,
    PROVE_RELATION,
    group_told,
    record_asked,
)
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_many_workers_in_the_same_case() -> None:
    assert group_told(_Knowledge(), "车间里还有十几个工友也一样 都没发") == GROUP_CLAIM
    assert group_told(_Knowledge(), "我们班组8个人工资都被欠了") == GROUP_CLAIM


def test_a_number_alone_or_a_sum_asked_is_not_a_group_claim() -> None:
    assert group_told(_Knowledge(), "我们厂有200个人") is None
    assert group_told(_Knowledge(), "我们5个人都没拿到 一共好多钱") is None


def test_a_record_asked_whether_it_counts() -> None:
    text = "合同没签 我手机里有考勤打卡的截图 算不算数"
    assert record_asked(_Knowledge(), text) == PROVE_RELATION
    assert record_asked(_Knowledge(), "微信聊天记录有没有用") == EVIDENCE
    assert record_asked(_Knowledge(), "考勤怎么算") is None
