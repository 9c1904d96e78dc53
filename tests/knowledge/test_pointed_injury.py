"""After an injury answer (bot/knowledge/pointed_injury.py): a year and more without a
contract told by a worker with no injury of his own is the deemed open-ended contract; the
longest medical period over is extended (bot/knowledge/pointed_fresh.py)."""

from __future__ import annotations

from bot.knowledge.pointed_fresh import PERIOD_EXTENDED, longest_period_over_asked
from bot.knowledge.pointed_injury import year_unsigned_told
from tests.knowledge.fakes import Previous as _Previous
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_a_year_and_more_without_a_contract_told_without_an_injury() -> None:
    assert year_unsigned_told("要得 那我呢 我在工地上班 也没签合同 做了1年半了")
    assert not year_unsigned_told("我也没签合同 做了8个月")  # (under a year)
    assert not year_unsigned_told("我没签合同 做了2年 手被压伤了")  # (his own injury)


def test_the_longest_period_over() -> None:
    text = "要是24个月过了我还没好呢"
    assert longest_period_over_asked(_Knowledge(), _Previous("sick_pay"), text) == PERIOD_EXTENDED
    assert (
        longest_period_over_asked(_Knowledge(), _Previous("sick_pay"), "要是3个月过了还没好呢")
        is None
    )
