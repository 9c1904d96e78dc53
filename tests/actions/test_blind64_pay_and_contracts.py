"""Contract and pay problems read from the worker's words (blind set 64c's lessons, in other
words): months told in English, wages owed told wages-first, a wish to be made up, a late
payment as a dispute, the company named twice, items owed back with the figure first."""

from __future__ import annotations

from actions.dispute_words import DISPUTE_PATTERNS
from actions.employer_named import both_names
from actions.mediation_text import DOUBLE_WAGE_DEMAND, proposed_demand
from actions.message import as_chinese
from actions.opening import opening_demand
from actions.worked_out_owed import _months_owed
from bot.domain.overtime_pay import overtime_pay_text
from bot.domain.owed_on_leaving import owed_items
from bot.domain.severance import months_worked


def test_months_worked_told_in_english() -> None:
    read = as_chinese("I work at a print shop 6 months already and no contract. pay 5000 a month")
    assert months_worked(read) == 6
    assert months_worked(as_chinese("been working there for 9 months")) == 9


def test_the_double_wage_proposed_for_a_story_kept_in_english() -> None:
    story = "I work at a print shop 6 months already, boss never signed a contract. what can I get"
    assert proposed_demand("劳动合同", story) == DOUBLE_WAGE_DEMAND


def test_the_company_named_in_english_then_in_chinese() -> None:
    assert both_names("Hongda Printing", "宏达印刷厂") == "宏达印刷厂（Hongda Printing）"
    assert both_names("Golden Bowl Restaurant", "金碗餐厅") == "金碗餐厅（Golden Bowl Restaurant）"
    assert both_names("Hongda Printing", "老板跑了") is None
    assert both_names("宏达印刷厂", "宏达印刷厂") is None


def test_wages_owed_told_wages_first() -> None:
    assert _months_owed("老板拖欠工资 4个月了") == 4
    assert _months_owed("欠我们工资两个月了") == 2


def test_a_shortfall_made_up_is_the_wish() -> None:
    assert opening_demand("申请调解 把少给的补给我 我叫何敏") == "把少给的补给我"
    assert opening_demand("把多扣的500退给我") == "把多扣的500退给我"


def test_wages_paid_late_are_wages_held_back() -> None:
    late = DISPUTE_PATTERNS["拖欠工资"]
    assert late.search("工资每次都要压半个月才发")
    assert late.search("我们厂工资老是推迟发")
    assert not late.search("工资每个月10号发")


def test_working_days_of_a_month_count_the_daily_overtime() -> None:
    said = overtime_pay_text("月薪4350 上个月20个工作日每天加班3个钟头 该给好多")
    assert said is not None and "一个月按20天算" in said


def test_the_figure_before_the_wages_owed_back() -> None:
    told = ["交了500块押金", "上个月4100工资也没发 一共好多"]
    assert owed_items(told) == [("押金", 500.0), ("上个月工资", 4100.0)]


def test_a_restaurant_named_by_its_kind_is_the_employer() -> None:
    from actions.employer_named import opening_employer

    assert opening_employer("我在南坪小龙坎火锅当服务员 老板扣钱") == "南坪小龙坎火锅"
    assert opening_employer("我想吃火锅") is None


def test_how_to_go_about_mediation_asks_for_it() -> None:
    from intents.filing_cues import files_a_case

    assert files_a_case("调解咋个弄")
    assert files_a_case("调解要怎么申请")
    assert not files_a_case("调解要多久")
