"""The maternity allowance and paid days docked, summed from the worker's figures."""

from bot.domain.birth_allowance import birth_allowance_text
from bot.domain.leave_deduction import docked_days_text
from bot.domain.medical_period import years_told


def test_the_allowance_is_the_average_wage_over_thirty_times_the_days() -> None:
    said = birth_allowance_text("我休了128天 公司去年平均工资是5400 该拿好多生育津贴")
    assert said is not None and "5400÷30×128≈23040元" in said
    assert birth_allowance_text("我休了128天 工资5400") is None  # not about the allowance


def test_days_docked_are_returned_at_the_daily_pay() -> None:
    said = docked_days_text("已经扣了我3天了 我一个月4785 该退我好多")
    assert said is not None and "220×3=660元" in said
    assert docked_days_text("扣了我3天", "我一个月4785") is None  # no sum asked


def test_a_first_job_is_all_the_years_at_this_employer() -> None:
    assert years_told("她在超市上了3年班 第一份工作") == (3.0, 3.0)


def test_the_average_told_as_remembered():
    said = birth_allowance_text("生育津贴咋算 单位去年平均工资应该是4500 按128天算")
    assert said is not None and "4500÷30×128≈19200元" in said


def test_the_national_days_when_none_are_told():
    said = birth_allowance_text("生育津贴怎么算 单位去年平均工资是7500一个月")
    assert said is not None and "7500÷30×98≈24500元" in said and "98天" in said
    # (nothing asked of the sum: no days guessed)
    assert birth_allowance_text("生育津贴 单位去年平均工资是7500") is None


def test_an_uninsured_worker_is_paid_her_pay_before_the_leave():
    earlier = "厂里从来没给我交社保 下个月生 生育津贴找哪个要"
    said = birth_allowance_text("我产前每个月3900 该给我好多", earlier)
    assert said is not None and "3900÷30×98≈12740元" in said and "第八条" in said
    # (insured, or nothing said of the allowance: not this)
    assert birth_allowance_text("我产前每个月3900 该给我好多", "我想问下产检") is None
