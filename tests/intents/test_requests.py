"""Splitting a message into several requests at its joining words only."""

from __future__ import annotations

import pytest

from intents.requests import split_requests


@pytest.mark.parametrize(
    "text, parts",
    [
        ("报个书法班，顺便问下加班费咋个算", ["报个书法班", "加班费咋个算"]),
        ("我想报名插花 另外年假有几天", ["我想报名插花", "年假有几天"]),
        ("加班费怎么算？还有个问题，年假几天", ["加班费怎么算", "年假几天"]),
        ("年假有几天，再问一下，调解要钱不", ["年假有几天", "调解要钱不"]),
        # a story told in one breath, or a joining word with nothing before it: one message
        ("老板欠我工资，还不给买社保", ["老板欠我工资，还不给买社保"]),
        ("顺便问一下年假", ["顺便问一下年假"]),
        # two whole questions side by side, each ending as a question
        ("女职工产假有好多天 男的陪产假有没得", ["女职工产假有好多天", "男的陪产假有没得"]),
        ("加班费咋个算？年假有几天", ["加班费咋个算", "年假有几天"]),
        # ... not a story and its question, nor a question too short to stand alone
        ("我在厂里干了三年 被辞退了能赔多少钱", ["我在厂里干了三年 被辞退了能赔多少钱"]),
        ("老板欠我工资 咋办", ["老板欠我工资 咋办"]),
        # a question, then a request of its own
        ("加班费咋算？我也想申请调解", ["加班费咋算？", "我也想申请调解"]),
        # 还有 before the worker's own wish, with no pause
        ("娃儿寒假有啥活动还有我自己想学电工", ["娃儿寒假有啥活动", "我自己想学电工"]),
        ("书法是星期几还有就是老板欠我工资咋个办", ["书法是星期几", "老板欠我工资咋个办"]),
        # ... not 还有 that asks for more
        ("书法课还有没得名额", ["书法课还有没得名额"]),
        # questions counted off, without the words that announce them
        ("问两个事 一是年休假有好多天 二是八段锦在哪里上", ["年休假有好多天", "八段锦在哪里上"]),
        ("1.加班费咋算 2.书法班在哪", ["加班费咋算", "书法班在哪"]),
        ("有两个问题：一个是年假几天，另一个是书法课几点", ["年假几天", "书法课几点"]),
        # ... not the courses of a list
        ("第一个在哪里 第二个要钱不", ["第一个在哪里 第二个要钱不"]),
        ("", [""]),
    ],
)
def test_split_requests(text, parts):
    assert split_requests(text) == parts


def test_a_greeting_in_front_and_a_negated_handoff():
    from intents.greetings import without_greeting
    from intents.handoff_cues import negated_handoff

    assert without_greeting("你好，请问加班费按几倍算") == "请问加班费按几倍算"
    assert without_greeting("你好") == "你好" and without_greeting("你好啊") == "你好啊"
    assert negated_handoff("不用转人工 我就问下年假")
    assert not negated_handoff("帮我转人工") and not negated_handoff("年假有几天")


def test_what_the_employer_should_do_with_the_details_files_a_case() -> None:
    from intents.filing_cues import files_a_case

    assert files_a_case(
        "龚丽13896543210渝北区金源五金厂做了三年厂里一直没给我买社保我要求厂里给我补缴"
    )
    assert files_a_case("刘芳15922807316流水线上做了两年厂里没交社保我想要厂里把社保给我补起")
    assert not files_a_case("我想要厂里把社保给我补起")  # no details: a wish, not the request


def test_the_sum_claimed_from_a_named_firm_or_details_then_a_question_files_a_case() -> None:
    from intents.filing_cues import files_a_case

    assert files_a_case("就要这个工资公司是重庆佳和包装制品有限公司")
    assert files_a_case("我就要那笔补偿单位叫渝北恒通机械厂")
    assert files_a_case("手机13512345678先问一下仲裁要钱不")
    assert files_a_case("我想请工会帮我把钱要回来")
    assert not files_a_case("就要这个加班费")  # no firm named: a wish, not the request
    assert not files_a_case("公司是重庆佳和包装制品有限公司")


def test_a_part_that_only_announces_the_next_stays_with_it():
    assert split_requests("我想补充一下 老板还说要扣我押金不退") == [
        "我想补充一下 老板还说要扣我押金不退"
    ]
    assert split_requests("我看到有烘焙 乒乓球 还有电工 第三个要啥子条件") == [
        "我看到有烘焙 乒乓球 还有电工 第三个要啥子条件"
    ]


def test_thanks_before_the_next_question_is_not_what_it_asks():
    from intents.greetings import without_greeting

    assert without_greeting("好的谢谢 晚上有瑜伽课没") == "晚上有瑜伽课没"
    assert without_greeting("ok thanks. do you have a yoga class") == "do you have a yoga class"
    assert without_greeting("谢谢你") == "谢谢你"
