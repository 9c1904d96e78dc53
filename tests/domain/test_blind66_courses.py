"""Round 66's course lessons in the domain: the waiting list asked, a first class not read as a
place in a list, a training bond's cost told as what was spent, a training day as overtime."""

from __future__ import annotations

from bot.domain.course_cards import waitlist_text
from bot.domain.course_questions import ordinal
from bot.domain.overtime_pay import overtime_pay_text
from bot.domain.training_bond import bond_penalty_text
from bot.store.models import Course

FORKLIFT = Course(code="JN05", name="叉车操作", category="技能培训", fee=300, capacity=12)


def test_the_waiting_list_asked_of_a_course():
    assert "候补" in (waitlist_text(FORKLIFT, "要是满了咋个办 可以排起等不") or "")
    assert "候补" in (waitlist_text(FORKLIFT, "报满了还能候补不") or "")
    assert waitlist_text(FORKLIFT, "还有名额没得") is None


def test_a_first_class_is_no_place_in_a_list():
    assert ordinal("第一次课是好久") is None
    assert ordinal("第一节课几点开始") is None
    assert ordinal("第二个在哪里上") == 2
    assert ordinal("第3门要钱不") == 3


def test_a_bond_cost_told_as_what_the_employer_spent():
    said = bond_penalty_text(
        ["厂里出钱送我去学数控 花了12000 签了3年服务期 我现在做满一年想走 要赔好多"]
    )
    assert said is not None and "8000元" in said


def test_a_training_day_on_a_rest_day_is_one_day_at_200():
    said = overtime_pay_text("公司喊我们星期六去参加安全培训 我日工资200 培训那天应该给我好多")
    assert said is not None and "400元" in said


def test_an_injury_rest_told_in_years():
    from bot.domain.injury_leave import rest_months

    assert rest_months("要是要养半年呢") == 6
    assert rest_months("如果要歇一年呢") == 12
    assert rest_months("养伤3个月") == 3
    assert rest_months("医生说要养一年半") == 18


def test_no_earlier_job_makes_all_the_years_here():
    from bot.domain.medical_period import years_told

    assert years_told("她也在这上班 干了2年 之前没上过班") == (2.0, 2.0)


def test_those_days_counted_again():
    from bot.domain.overtime_month import DAYS_A_MONTH, count

    assert count(DAYS_A_MONTH, "上个月那8天每天多上3个钟头的") == 8


def test_a_group_in_parts_is_added_up():
    from bot.domain.group_same_sum import parts_total

    said = parts_total("3个人每人欠12600 另外3个每人欠9800 一共好多钱")
    assert said is not None and "67200元" in said and "6个人" in said
    assert parts_total("我们6个人每人欠12600") is None


def test_a_groups_parts_are_no_size_of_their_own():
    from bot.domain.groups import group_size

    assert group_size("我们6个工人在工地做模板；3个人每人欠12600 另外3个每人欠9800") == 6
    assert group_size("3个人每人欠12600 另外3个每人欠9800") == 6
    assert group_size("我们有9个人 每个人都是4500") == 9
