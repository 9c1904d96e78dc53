"""A name and a phone told together at a form's question."""

from __future__ import annotations

from actions.person import name_and_phone


def test_a_name_in_pinyin_with_the_phone():
    assert name_and_phone("zhou li 13752896341") == ("zhou li", "13752896341")
    assert name_and_phone("周丽 13752896341") == ("周丽", "13752896341")
    # (a question in Latin letters is no name)
    assert name_and_phone("how much 13752896341")[0] is None
