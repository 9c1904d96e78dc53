"""Pointed rules taught by blind set 66c: sick days docked whole, annual leave's pay, a child's
care, a pregnant worker pushed to quit."""

from bot.knowledge.pointed_asked import SICK_PAY, sick_pay_asked
from bot.knowledge.pointed_fresh import ANNUAL_DAYS, bare_leave_asked
from bot.knowledge.pointed_leave import PARENTAL, child_care_leave_asked
from bot.knowledge.pointed_situations import (
    PROTECTED,
    RESIGN_PRESSURE,
    pregnant_let_go_asked,
)
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_sick_days_docked_whole_with_a_note_between() -> None:
    text = "我生病请了3天病假 有医院证明的 也是全部扣完"
    assert sick_pay_asked(_Knowledge(), None, text) == SICK_PAY
    assert sick_pay_asked(_Knowledge(), None, "病假两天 开了证明 工资扣光了") == SICK_PAY
    # (the annual leave docked for sick leave is another entry's)
    assert sick_pay_asked(_Knowledge(), None, "请了一个礼拜病假 年假全部扣完了") is None


def test_whether_annual_leave_is_paid() -> None:
    assert bare_leave_asked(_Knowledge(), "我还有年假, 休年假扣不扣工资") == ANNUAL_DAYS
    assert bare_leave_asked(_Knowledge(), "请年休假那几天工资照发不") == ANNUAL_DAYS
    assert bare_leave_asked(_Knowledge(), "年假没休完 公司要给钱不") is None


def test_leave_to_look_after_a_child() -> None:
    assert child_care_leave_asked(_Knowledge(), "我儿子发高烧住院了, 要请假照顾他") == PARENTAL
    text = "那娃儿满月以后我还想请几天带娃 有没得假"
    assert child_care_leave_asked(_Knowledge(), text) == PARENTAL
    # (the father's leave at the birth is its own entry)
    assert child_care_leave_asked(_Knowledge(), "老婆下个月生 陪产假能带娃几天") is None
    assert child_care_leave_asked(_Knowledge(), "我儿子住院了 好心疼") is None


def test_a_pregnant_worker_pushed_to_quit() -> None:
    text = "店长暗示我怀起了干脆自己辞职算了"
    assert pregnant_let_go_asked(_Knowledge(), text) == RESIGN_PRESSURE == "women_three_periods"
    assert pregnant_let_go_asked(_Knowledge(), "怀孕了老板能不能辞退我") == PROTECTED
    assert pregnant_let_go_asked(_Knowledge(), "同事劝我干脆辞职算了") is None


def test_another_statutory_leave_against_the_annual_leave() -> None:
    assert bare_leave_asked(_Knowledge(), "婚假休了 今年的年假还有没得") == ANNUAL_DAYS
    assert (
        bare_leave_asked(_Knowledge(), "我想婚假跟年假连到一起耍 年假会不会被抵扣掉") == ANNUAL_DAYS
    )
    assert bare_leave_asked(_Knowledge(), "婚假有几天") is None
