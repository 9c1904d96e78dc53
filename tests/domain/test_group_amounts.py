"""Each worker's sum of a group, told in one message, added up and put right."""

from __future__ import annotations

import pytest

from bot.domain.group_amounts import (
    amount_corrected,
    amounts_each,
    group_total_text,
    speaker_name,
)


@pytest.mark.parametrize(
    "text, pairs",
    [
        (
            "我们5个人 我刘春梅欠6100 赵小军欠3800 何平欠4500",
            [("我刘春梅", 6100.0), ("赵小军", 3800.0), ("何平", 4500.0)],
        ),
        ("老公4300 我3900", [("老公", 4300.0), ("我", 3900.0)]),
        (
            "We are 3. I'm owed 5200, Li Na 3100, Zhou Bo 2800. what's the total",
            [("I'm", 5200.0), ("Li Na", 3100.0), ("Zhou Bo", 2800.0)],
        ),
        # the pay's own names are no workers, one sum alone is no group
        ("工资5000 加班费2000", []),
        ("我在那干了3年 工资6200", []),
        ("我欠5600", []),
        ("电话13708265513 厂是重庆恒达塑胶制品有限公司", []),
    ],
)
def test_amounts_each(text: str, pairs: list[tuple[str, float]]) -> None:
    assert amounts_each(text) == pairs


def test_the_speaker_named_in_the_list() -> None:
    assert speaker_name("一共3个人 我刘春梅欠6100 赵小军欠3800 何平欠4500") == "刘春梅"
    assert speaker_name("老公4300 我3900") is None


def test_total_text_adds_each_and_names_them() -> None:
    said = group_total_text([("我刘春梅", 6100.0), ("赵小军", 3800.0), ("Li Na", 2000.0)])
    assert "3个人一共：6100＋3800＋2000＝11900元" in said
    assert "刘春梅6100" in said and "Li Na2000" in said
    assert "各自" in said


def test_one_sum_put_right() -> None:
    pairs = [("我刘春梅", 6100.0), ("赵小军", 3800.0), ("何平", 4500.0)]
    assert amount_corrected("不好意思 赵小军是3600 不是3800", pairs) == [
        ("我刘春梅", 6100.0),
        ("赵小军", 3600.0),
        ("何平", 4500.0),
    ]
    english = [("I'm", 5200.0), ("Li Na", 3100.0), ("Zhou Bo", 2800.0)]
    assert amount_corrected("oops Zhou Bo is 2600 not 2800", english) == [
        ("I'm", 5200.0),
        ("Li Na", 3100.0),
        ("Zhou Bo", 2600.0),
    ]
    # a worker not in the list, or the old sum not theirs: nothing to put right
    assert amount_corrected("钱小红是3600 不是3800", pairs) is None
    assert amount_corrected("赵小军是3600 不是4800", pairs) is None


def test_the_speaker_named_with_jiao_or_me() -> None:
    """ "我叫X欠我N" and "me X N" name the worker in the list, their own sum counted."""
    chinese = "我叫龙小琴欠我4700 蒋平欠5300 郑红欠3900 加起来好多"
    assert amounts_each(chinese) == [("我叫龙小琴", 4700.0), ("蒋平", 5300.0), ("郑红", 3900.0)]
    assert speaker_name(chinese) == "龙小琴"
    assert "龙小琴4700" in group_total_text(amounts_each(chinese))
    english = "me Chen Bo 5100, Xu Li 4300, Fang Tao 3600. whats the total"
    assert amounts_each(english)[0] == ("me Chen Bo", 5100.0)
    assert speaker_name(english) == "Chen Bo"
    assert "13000元" in group_total_text(amounts_each(english))


def test_one_sum_put_right_without_the_old_one_or_with_salary() -> None:
    pairs = [("我叫龙小琴", 4700.0), ("蒋平", 5300.0), ("郑红", 3900.0)]
    assert amount_corrected("等一下 蒋平是5500 我记错了", pairs) == [
        ("我叫龙小琴", 4700.0),
        ("蒋平", 5500.0),
        ("郑红", 3900.0),
    ]
    english = [("me Chen Bo", 5100.0), ("Xu Li", 4300.0)]
    assert amount_corrected("sorry, Xu Li's salary is 4100 not 4300", english) == [
        ("me Chen Bo", 5100.0),
        ("Xu Li", 4100.0),
    ]
    # a worker's sum said with no mistake owned is no correction
    assert amount_corrected("蒋平是5500", pairs) is None


def test_the_debt_said_before_the_worker() -> None:
    # "欠我7300 老周6100": the worker's own sum told with 欠 first
    assert amounts_each("欠我7300 老周6100 小罗5400 加起来多少") == [
        ("我", 7300.0),
        ("老周", 6100.0),
        ("小罗", 5400.0),
    ]
    assert amounts_each("差老周6100 差我7300") == [("老周", 6100.0), ("我", 7300.0)]
