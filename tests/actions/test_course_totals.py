"""What several courses cost together, and the sessions in all, which are not a fee."""

from __future__ import annotations

from actions.course_totals import total_fee_text


def test_the_sessions_in_all_ask_no_fee():
    # (answered before any course is looked up: no database needed)
    assert total_fee_text(None, "两门一共上好多次", ["a", "b"], None) is None
    assert total_fee_text(None, "how many classes in total", ["a", "b"], None) is None
    assert total_fee_text(None, "那两门一共要上几节课", ["a", "b"], None) is None
    assert total_fee_text(None, "这几门课总共多少钱", [], None) is None  # (no course in view)
