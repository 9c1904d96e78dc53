"""Telling a collective dispute from one worker's."""

from __future__ import annotations

import pytest

from bot.domain.groups import group_label, group_size


@pytest.mark.parametrize(
    "text, size",
    [
        ("我们车间二十多个人三个月没发工资", 20),
        ("工地上十几个人的工钱没结", 13),
        ("我和3个同事被辞退了", 3),
        ("全厂都被欠薪", 0),
        ("老板欠我三个月工资", None),
        ("欠了我两个月工资，我一个人去要过", None),
        ("把我们几个老员工都辞了", 3),  # a few, not a collective dispute
        ("我们两个都没发工资", 2),
        ("我们两个月没发工资", None),
        ("我们几天没发工资", None),
    ],
)
def test_group_size(text, size):
    assert group_size(text) == size


def test_labels_follow_the_law_s_ten_workers():
    assert group_label(None) == ""
    assert group_label(3) == "约3人（多人劳动争议）"
    assert group_label(12) == "约12人（集体劳动争议）"
    assert group_label(0) == "多人（集体劳动争议）"
