"""Whether a commuting road accident is 工伤, from the traffic police's finding."""

from __future__ import annotations

import pytest

from bot.domain.commute_injury import commute_injury_text, mainly_mine


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("交警认定的是对方全责", False),
        ("对方负主要责任 我次要", False),
        ("交警说我是次要责任", False),
        ("我们是同等责任", False),
        ("我没得责任", False),
        ("判我全责", True),
        ("我负主要责任", True),
        ("对方次要责任", True),  # the other side's lesser share leaves the main one mine
        ("对方无责", True),
        ("他跑了", None),  # no finding told
        ("工伤保险待遇有哪些", None),
    ],
)
def test_the_finding_says_whose_main_fault_it_is(text, mine):
    assert mainly_mine(text) is mine


def test_not_mainly_the_workers_fault_is_injury_with_the_next_steps():
    text = commute_injury_text("交警认定对方全责")
    assert text is not None and "应当认定为工伤" in text
    assert (
        "1年内" in text
        and "道路交通事故认定书" in text
        and "依据：《工伤保险条例》第十四条" in text
    )


def test_mainly_the_workers_fault_is_no_injury_and_says_how_to_contest_the_finding():
    text = commute_injury_text("交警判我全责")
    assert text is not None and "不能认定为工伤" in text and "3日内" in text and "复核" in text
    assert commute_injury_text("被车撞了") is None
