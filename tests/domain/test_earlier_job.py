"""An earlier job's years asked of this employer's compensation (劳动合同法实施条例第十条)."""

from __future__ import annotations

from bot.domain.earlier_job import earlier_job_asked, earlier_job_text


def test_an_earlier_job_s_years_asked():
    assert earlier_job_asked("我之前在电子厂干了9年 是我自己辞职走的 那9年算不算进去")
    assert earlier_job_asked("以前那个厂的6年能不能合并算")
    assert not earlier_job_asked("在这家干了2年9个月 工资4800")
    assert not earlier_job_asked("之前的年假没休完")


def test_left_of_one_s_own_accord_the_years_do_not_count():
    said = earlier_job_text("原来在物流公司干了7年 自己辞职的 算不算", 40, 5000)
    assert said.startswith("不算")
    # 3年4个月: 3.5 months' pay, at this employer only
    assert "3.5个月×5000=17500元" in said
    assert "累计" in said and "第十条" in said


def test_moved_by_the_employers_the_years_count():
    said = earlier_job_text("以前在分厂干了5年 是公司安排我调过来的 能不能合并算", 24, 4000)
    assert said.startswith("算")
    assert "元" not in said.split("\n")[1]  # no sum for this job's years alone


def test_how_the_worker_left_unknown_both_are_said():
    said = earlier_job_text("之前那家干了3年 算不算进去", None, None)
    assert "要看" in said and "自己辞职" in said and "安排" in said
