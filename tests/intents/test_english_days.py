"""English days worked read in the order the Chinese says them (intents/english_days.py)."""

from __future__ import annotations

from intents.foreign import read_foreign


def test_the_day_comes_before_the_work():
    read = read_foreign("my boss wants me to work on new year's eve")
    assert "要我除夕上班" in read
    assert "国庆上班" in read_foreign("i worked on national day, what do i get")


def test_the_first_day_of_the_new_year_in_english_or_pinyin():
    assert "大年初一" in read_foreign("the first day of chinese new year")
    assert "大年初一上班" in read_foreign("they asked me to work on chuyi")


def test_the_same_arrangement_asked_of_another_day():
    assert read_foreign("could they do the same for may day?").startswith("五一 也能这样吗")


def test_an_ordinary_rest_day_after_a_holiday():
    assert read_foreign("what about an ordinary saturday?").startswith("那普通的周六呢")


def test_time_off_later_instead_of_money():
    read = read_foreign("she says she will give me a day off later instead of money")
    assert "她说" in read and "以后给我补休" in read and "不给钱" in read


def test_asked_or_made_to_work_on_a_holiday() -> None:
    assert "要我国庆上班" in read_foreign("my boss asked me to work on national day")
    assert "要我周日上班" in read_foreign("they made me to work on sunday")


def test_another_kind_of_day_asked_after_an_answer():
    assert read_foreign("and on saturday?").startswith("那周六呢")
    assert read_foreign("what about sundays").startswith("那周日呢")
    # (a longer sentence keeps its own reading)
    assert not read_foreign("and on sunday i worked 8 hours").startswith("那周日呢")


def test_hours_worked_on_a_day_named_and_another_day_asked():
    assert "上周六加了6个小时" in read_foreign("i worked 6 hours last saturday")
    assert read_foreign("what about working on national day").strip() == "那国庆上班呢"
