"""The one-off disability grant worked out from the grade (《工伤保险条例》第三十五条至第三十七条)."""

from __future__ import annotations

import pytest

from bot.domain.disability import MONTHS, disability_text, grade_told


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("要是评了个九级 一次性伤残补助金有好多", 9),
        ("我工伤鉴定是7级", 7),
        ("伤残十级能拿啥子", 10),
        ("我在三级公司上班", None),  # no disability named
        ("评了个十一级", None),  # no such grade
    ],
)
def test_the_grade_told(text, grade):
    assert grade_told(text) == grade


def test_the_grant_is_months_of_the_workers_own_wage_by_grade():
    assert [MONTHS[g] for g in range(1, 11)] == [27, 25, 23, 21, 18, 16, 13, 11, 9, 7]
    nine = disability_text("要是评了个九级 一次性伤残补助金有好多")
    assert nine is not None and "九级伤残" in nine and "9个月的本人工资" in nine
    assert "伤残就业补助金" in nine and "第三十七条" in nine
    seven = disability_text("伤残7级", pay=6000)
    assert seven is not None and "78000元" in seven
    two = disability_text("评了二级伤残")
    assert two is not None and "伤残津贴：本人工资的85%" in two
