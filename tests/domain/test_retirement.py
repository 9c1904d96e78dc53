"""The retirement age after the 2025 reform, against the tables of the 办法."""

from __future__ import annotations

import pytest

from bot.domain.retirement import (
    MEN,
    WOMEN_50,
    WOMEN_55,
    birth_month,
    contract_at_retirement_text,
    retirement,
    retirement_text,
    schemes_for,
)


@pytest.mark.parametrize(
    ("scheme", "born", "age", "at"),
    [
        (MEN, (1964, 12), (60, 0), (2024, 12)),  # before the reform
        (MEN, (1965, 1), (60, 1), (2025, 2)),  # the first month of the table
        (MEN, (1965, 5), (60, 2), (2025, 7)),
        (MEN, (1970, 3), (61, 4), (2031, 7)),
        (MEN, (1976, 8), (62, 11), (2039, 7)),
        (MEN, (1976, 9), (63, 0), (2039, 9)),  # the end of the table: 63
        (MEN, (1990, 1), (63, 0), (2053, 1)),
        (WOMEN_55, (1970, 1), (55, 1), (2025, 2)),
        (WOMEN_55, (1981, 9), (58, 0), (2039, 9)),
        (WOMEN_50, (1975, 1), (50, 1), (2025, 2)),
        (WOMEN_50, (1975, 3), (50, 2), (2025, 5)),
        (WOMEN_50, (1976, 6), (50, 9), (2027, 3)),
        (WOMEN_50, (1984, 11), (55, 0), (2039, 11)),
    ],
)
def test_the_tables(scheme, born, age, at):
    found = retirement(scheme, born)
    assert (found.years, found.months) == age and found.at == at


def test_a_birth_month_in_a_workers_words():
    assert birth_month("我男的 1970年3月出生 好久能退") == (1970, 3)
    assert birth_month("那我老婆呢 76年6月的") == (1976, 6)
    assert birth_month("1968.5出生") == (1968, 5)
    assert birth_month("我干了5年3个月") is None
    assert birth_month("1970年13月") is None


def test_who_the_message_speaks_of():
    assert schemes_for("我男的") == [MEN]
    assert schemes_for("我老婆 在厂里当工人") == [WOMEN_50]
    assert schemes_for("我是女的 在办公室当会计") == [WOMEN_55]
    assert schemes_for("我是女的") == [WOMEN_50, WOMEN_55]
    assert schemes_for("我哪年退休") == [MEN, WOMEN_50, WOMEN_55]


def test_the_answer_names_the_age_the_month_and_the_source():
    text = retirement_text("我男的 1970年3月出生 好久能退")
    assert "61岁4个月" in text and "2031年7月" in text and "依据：" in text
    assert retirement_text("退休年龄改了吗") is None


def test_a_person_already_past_the_age_is_told_what_that_means():
    from datetime import date

    from bot.domain.retirement import retirement_text

    text = retirement_text("我是女的 1968年5月出生 在车间干活", date(2026, 12, 5))
    assert text is not None and "2018年5月退休" in text and "已经到了法定退休年龄" in text
    assert "实施条例》第二十一条" in text and "弹性" not in text
    # not yet there: the flexible retirement, not the termination
    later = retirement_text("我男的 1970年3月出生", date(2026, 12, 5))
    assert later is not None and "已经到了" not in later and "弹性" in later


def test_the_contract_at_the_retirement_age_ends_without_compensation():
    said = contract_at_retirement_text("退休了合同咋个弄 厂头要给我补偿不")
    assert said is not None and "终止" in said and "不需要给经济补偿" in said
    assert contract_at_retirement_text("我想提前退休") is None
