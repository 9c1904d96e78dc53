"""A worker let go for claiming what is owed goes to the unlawful-dismissal entry."""

from bot.knowledge.pointed_reprisal import UNLAWFUL_DISMISSAL, let_go_for_claiming_told
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_let_go_after_asking_for_the_money() -> None:
    text = "经理晓得我要去讨薪 第二天就喊我莫来了"
    assert let_go_for_claiming_told(_Knowledge(), text) == UNLAWFUL_DISMISSAL


def test_let_go_after_a_complaint() -> None:
    text = "我打了投诉电话 结果厂长把我开了"
    assert let_go_for_claiming_told(_Knowledge(), text) == UNLAWFUL_DISMISSAL


def test_a_dismissal_told_before_the_claim_is_not_a_reprisal() -> None:
    assert let_go_for_claiming_told(_Knowledge(), "公司把我辞退了 我想要加班费") is None
    assert let_go_for_claiming_told(_Knowledge(), "我想申请仲裁 要多久") is None


def test_a_reprisal_feared() -> None:
    text = "我想去举报厂里不买社保 会不会被辞退"
    assert let_go_for_claiming_told(_Knowledge(), text) == UNLAWFUL_DISMISSAL


def test_the_claims_own_procedure_asked_is_not_a_reprisal() -> None:
    assert let_go_for_claiming_told(_Knowledge(), "去仲裁要多久 我被开除了就想快点") is None


def test_asking_for_the_money_is_no_question_of_cost() -> None:
    text = "主管晓得我要找他要钱 就说下个月不用来上班了"
    assert let_go_for_claiming_told(_Knowledge(), text) == UNLAWFUL_DISMISSAL


def test_a_worker_who_fears_being_let_go_for_filing() -> None:
    from bot.knowledge.pointed_reprisal import let_go_for_filing_feared

    assert let_go_for_filing_feared("我想去申请调解 就是担心厂长晓得了要开除我")
    assert let_go_for_filing_feared("想找工会调解 又怕被老板炒了")
    # let go already, or a fear of something else: no fear of a reprisal
    assert not let_go_for_filing_feared("厂长把我开除了 想申请调解")
    assert not let_go_for_filing_feared("怕老板不认账 想申请调解")
