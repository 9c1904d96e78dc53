"""Economic compensation worked out from the years worked (《劳动合同法》第四十七条)."""

import pytest

from bot.domain.severance import (
    PROTECTED_LINE,
    PROTECTED_SOURCE,
    Severance,
    about_unlawful,
    length_corrected,
    monthly_pay,
    months_worked,
    severance_text,
)
from bot.domain.years_here import latest_length


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("我干了5年零2个月 能拿好多", 62),
        ("在这做了三年半", 42),
        ("工作了两年", 24),
        ("干了8个月就被辞了", 8),
        ("工龄十二年", 144),
        ("我离职了8个月 工资还欠着", None),  # time since leaving, not time worked
        ("2025年入职的", None),
        ("加班费怎么算", None),
    ],
)
def test_how_long_the_worker_worked(text, months):
    assert months_worked(text) == months


@pytest.mark.parametrize(
    ("months", "pay"),
    [(62, 5.5), (66, 6.0), (60, 5.0), (8, 1.0), (5, 0.5), (12, 1.0), (0, 0.0)],
)
def test_months_of_pay_follow_article_47(months, pay):
    assert Severance(months).months_pay == pay


def test_the_answer_gives_n_and_2n_and_says_unlawful_first_when_told():
    text = severance_text("我干了5年零2个月 能拿好多")
    assert text is not None
    assert "5.5个月工资" in text and "11个月工资" in text and "第四十七条" in text
    assert text.index("经济补偿：") < text.index("赔偿金")
    unlawful = severance_text("无故把我开了 干了三年 赔好多")
    assert unlawful is not None and unlawful.index("赔偿金") < unlawful.index("经济补偿：")


def test_no_question_about_money_no_calculation():
    assert severance_text("我在这干了三年") is None


def test_a_monthly_pay_said_with_it_gives_the_sums():
    text = severance_text("我干了两年 月工资五千", unlawful=True, asked=True)
    assert text is not None and "赔偿金约20000元" in text and "经济补偿约10000元" in text
    assert text.index("赔偿金约") < text.index("经济补偿约")
    assert monthly_pay("一个月4500块") == 4500
    assert monthly_pay("我工资一个月四千") == 4000  # 一个月 is no pay of 1 元
    # a sum that is no monthly pay: none worked out
    assert monthly_pay("工资拖了两个月") is None
    assert "元算" not in (severance_text("干了三年 能拿好多") or "")


def test_no_lawful_reason_told_is_an_unlawful_dismissal():
    assert about_unlawful("他就说我年纪大了 手脚慢 没得别的理由")
    assert about_unlawful("看我不顺眼乱开的")
    assert not about_unlawful("公司效益不好要裁员")


def test_leaving_because_the_employer_broke_the_law_earns_the_compensation_not_2n():
    # "我在这里干了5年" right after "欠薪可以直接走人，还能要补偿": 5 months of pay
    text = severance_text("我在这里干了5年", asked=True, pay=4500, forced=True)
    assert text is not None and "经济补偿：5个月工资" in text and "经济补偿约22500元" in text
    assert "2倍" not in text and "赔偿金" not in text and "第三十八条" in text
    # forced wins over an unlawful word in the message: the worker left, nobody was dismissed
    assert "2倍" not in (severance_text("无故拖欠 我干了两年", asked=True, forced=True) or "")


def test_the_monthly_pay_told_in_another_message_gives_the_sums():
    # "厂头要裁员 我干了三年半" then "我一个月6000 算下来好多钱": 4 months of pay, 24000 元
    text = severance_text("厂头要裁员 我干了三年半", asked=True, pay=6000)
    assert text is not None and "经济补偿约24000元" in text and "赔偿金约48000元" in text
    # the pay the message itself states wins
    assert "月工资5000元" in (severance_text("干了两年 月工资五千", asked=True, pay=6000) or "")


def test_the_months_since_the_day_the_job_began():
    from datetime import date

    from bot.domain.employment_dates import months_since_start

    today = date(2026, 12, 5)
    assert months_since_start("我是2021年12月1号进厂的 先签了两年", today) == 60
    assert months_since_start("我是2020年3月入职的 每个月5000", today) == 81
    assert months_since_start("2026年12月10号入职的", today) is None  # not begun yet
    assert months_since_start("我2021年12月生的娃", today) is None  # no start of a job


def test_a_raise_is_the_pay_now() -> None:
    from bot.domain.severance import monthly_pay

    assert monthly_pay("5220是上个月的 这个月涨到5800了") == 5800
    assert monthly_pay("工资调成了4800") == 4800


def test_an_average_pay_and_years_said_with_many() -> None:
    from bot.domain.severance import monthly_pay, months_worked

    assert monthly_pay("前头12个月平均下来5千5左右") == 5500
    assert months_worked("我工作20多年了") == 240
    assert months_worked("干了十多年") == 120


def test_days_past_the_whole_months_earn_half_a_month():
    from bot.domain.severance import Severance

    assert Severance(12, 10).months_pay == 1.5
    assert Severance(12, 0).months_pay == 1.0
    assert Severance(18, 10).months_pay == 2.0  # six months or more: a year, days or not
    assert Severance(12, 10).worked_text() == "1年零10天"


def test_the_span_of_a_first_and_last_day_told_keeps_its_days():
    from datetime import date

    from bot.domain.employment_dates import employed_span

    today = date(2026, 12, 7)
    assert employed_span("我是2025年12月1号进的 12月10号走人", today) == (12, 10)
    # still working: the whole months alone (no answer that changes day by day)
    assert employed_span("我是2025年12月1号进的", today)[1] == 0


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("等哈 我翻了下合同 是3年5个月", 41),
        ("等一下 我再算哈 是6年8个月", 80),
        ("4年2个月", 50),  # said alone
        ("我们老板说给我们放假 是3个月", None),  # a long message that puts nothing right
        ("那他给5万 差好多", None),
    ],
)
def test_a_length_put_right_without_a_verb(text, months):
    assert length_corrected(text) == months


def test_the_latest_length_told_wins_put_right_or_not():
    told = ["他说没得别的岗位", "等哈 我翻了下合同 是3年5个月", "我做了3年7个月 能拿好多补偿"]
    assert latest_length(told) == 41
    assert latest_length(["我做了3年7个月", "是2年"]) == 43
    assert latest_length(["加班费怎么算"]) is None


def test_dismissed_while_protected_may_keep_the_job() -> None:
    """ "干了4年 工资5100 怀孕了被开除 能要啥": unlawful, 2N first, or the contract kept."""
    said = severance_text("干了4年 工资5100 能要啥", unlawful=True, asked=True, protected=True)
    assert said is not None
    assert "赔偿金约40800元" in said and PROTECTED_LINE in said and PROTECTED_SOURCE in said
    plain = severance_text("干了4年 工资5100 能要啥", unlawful=True, asked=True)
    assert plain is not None and PROTECTED_LINE not in plain


def test_a_length_and_the_pay_said_bare():
    from bot.domain.severance import length_and_pay_said

    assert length_and_pay_said("3年4个月 一个月4800") == 40
    assert length_and_pay_said("一个月4800 3年4个月") == 40
    assert length_and_pay_said("3年4个月") is None  # (no pay: the other reading's)
    assert length_and_pay_said("一个月4800 我想问下补偿咋个算 干了3年4个月") is None


def test_a_wife_let_go_told_by_her_husband_is_about_the_compensation():
    # "我老婆怀起娃儿4个月 公司把她开了" then "她在那做了3年4个月 一个月4800 能要好多"
    from bot.domain.severance import about_severance

    assert about_severance("公司把她开了 说是经营困难")
    assert not about_severance("公司把她调到仓库去了")
