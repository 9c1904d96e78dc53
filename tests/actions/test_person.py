"""A name and a phone told together at a form's question."""

from __future__ import annotations

from actions.person import name_and_phone


def test_a_name_in_pinyin_with_the_phone():
    assert name_and_phone("zhou li 13752896341") == ("zhou li", "13752896341")
    assert name_and_phone("周丽 13752896341") == ("周丽", "13752896341")
    # (a question in Latin letters is no name)
    assert name_and_phone("how much 13752896341")[0] is None


def test_a_right_checked_with_sai_is_a_question_not_a_name():
    from actions.side_question_cues import is_side_question

    assert is_side_question("不用厂头批准也可以走噻", "name")
    assert not is_side_question("王春梅", "name")
