"""A clock time the worker can come from, read from the message."""

from bot.domain.starting_time import clock_text, earliest_start


def test_evening_times_said_without_pm():
    assert earliest_start("下了班7点过有没得啥子课") == 19 * 60
    assert earliest_start("有没得7点半以后才开始的") == 19 * 60 + 30
    assert earliest_start("晚上八点以后的课") == 20 * 60


def test_morning_and_none():
    assert earliest_start("早上9点以后的") == 9 * 60
    assert earliest_start("有没得晚上的课") is None
    assert clock_text(19 * 60 + 30) == "19:30以后"


def test_the_working_days_clock_is_no_start_on_the_weekend():
    # "我周一到周五晚上10点才下班 只有周末空": the weekend is free, no clock time for it
    assert earliest_start("我周一到周五晚上10点才下班 只有周末空") is None
    assert earliest_start("我平时晚上11点才下班 只有周末有空") is None
    assert earliest_start("晚上7点才下班") == 19 * 60
