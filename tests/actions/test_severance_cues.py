"""Whether, after an answer about probation, its own sum is asked rather than a compensation."""

from __future__ import annotations

from actions.severance_cues import probation_asked_instead


def test_the_probation_excess_or_a_worker_still_on_it_asks_the_probation_sum():
    assert probation_asked_instead("多出来那3个月要赔我好多", "probation_length", True)
    assert probation_asked_instead(
        "还说我在试用期 转正工资是5200 能赔好多", "probation_length", True
    )


def test_a_worker_let_go_in_probation_asks_the_compensation():
    # "试用期工资4500 能赔好多" right after the answer on a dismissal in probation
    assert not probation_asked_instead("试用期工资3900 能赔好多", "probation_dismissal", True)
    assert not probation_asked_instead("试用期工资3900 能赔好多", "sev_calc", True)
