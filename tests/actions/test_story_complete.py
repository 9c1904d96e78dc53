"""A short opening story that is enough once the wish is told, and what comes after filing
(actions/story_complete.py, actions/case_additions.py)."""

from __future__ import annotations

from actions.case_additions import new_phone
from actions.story_complete import nothing_to_add


def test_a_yes_or_that_is_all_adds_nothing() -> None:
    for said in ("就这些", "对的", "对", "嗯 对", "dui"):
        assert nothing_to_add(said), said
    assert not nothing_to_add("去年3月开始就没发了")


def test_the_workers_own_new_number_is_read() -> None:
    assert new_phone("下个月要换号码了 新的是18696047725 帮我改一下") == "18696047725"
    assert new_phone("我电话换了 现在用13512345678") == "13512345678"


def test_someone_elses_number_is_no_new_phone() -> None:
    assert new_phone("老板电话是15902378164 你们可以直接打给他") is None
    assert new_phone("换个话题 调解要多久") is None
