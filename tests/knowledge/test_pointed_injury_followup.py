"""A lasting harm told after an injury answer goes to the appraisal of the work ability."""

from bot.knowledge.pointed_asked import INJURY_DISABILITY, injury_followup_asked
from tests.knowledge.fakes import Previous as _Previous
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_a_lasting_harm_after_the_injury() -> None:
    text = "医生讲我这个手指以后伸不直了 接下来该办啥"
    assert injury_followup_asked(_Knowledge(), _Previous("injury_apply_deadline"), text) == (
        INJURY_DISABILITY
    )


def test_not_again_nor_its_money_nor_after_another_topic() -> None:
    text = "以后走路可能有点瘸"
    assert injury_followup_asked(_Knowledge(), _Previous(INJURY_DISABILITY), text) is None
    assert injury_followup_asked(_Knowledge(), _Previous("ot_pay_rates"), text) is None
    money = "落下残疾了 能拿好多钱"
    assert injury_followup_asked(_Knowledge(), _Previous("injury_commute"), money) is None


def test_by_when_the_recognition_is_applied_for() -> None:
    from bot.knowledge.pointed_asked import INJURY_DEADLINE

    kb = _Knowledge()
    said = "公司应该好久之内去申请噻"
    assert injury_followup_asked(kb, _Previous("injury_what_counts"), said) == INJURY_DEADLINE
    # (asked again right after it: its days said again)
    assert injury_followup_asked(kb, _Previous(INJURY_DEADLINE), said) == INJURY_DEADLINE
    assert injury_followup_asked(kb, _Previous("ot_pay_rates"), said) is None


def test_the_grants_refused_go_to_the_ways_of_claiming() -> None:
    from bot.knowledge.pointed_asked import DISPUTE_ROUTES

    text = "公司要是赖起不给呢"
    assert injury_followup_asked(_Knowledge(), _Previous("injury_benefits"), text) == (
        DISPUTE_ROUTES
    )
    # (the application refused is its own entry's; after what counts, not the money)
    assert injury_followup_asked(_Knowledge(), _Previous("injury_benefits"), "厂头不给我报") is None
    assert injury_followup_asked(_Knowledge(), _Previous("injury_what_counts"), text) is None
