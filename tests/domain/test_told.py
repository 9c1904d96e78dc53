"""A situation told before the question: facts of the job that ask nothing yet."""

from __future__ import annotations

import pytest

from bot.domain.told import told_not_asked


@pytest.mark.parametrize(
    "text",
    [
        "我今年4月1号跳槽到现在这个公司的 之前在别的厂干了12年 中间没断过",
        "合同是2024年1月15号签的 签了三年",
    ],
)
def test_facts_told_ask_nothing(text):
    assert told_not_asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "回到年假, 那如果累计工作12年",  # a what-if asks
        "要是我在这个厂干满10年",
        "我在这个厂干了5年 年假有几天",
    ],
)
def test_a_what_if_or_a_question_asks(text):
    assert not told_not_asked(text)


def test_let_go_in_a_word_is_a_grievance_not_only_facts():
    from bot.domain.told import only_told

    assert not only_told("我在药店上了2年班 就早退了一次 经理喊我后天不用来了")
