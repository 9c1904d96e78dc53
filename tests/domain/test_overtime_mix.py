"""How the kinds of overtime a message tells are read: weekday hours, rest days, holidays."""


def test_saturdays_told_in_hours_are_hours():
    from bot.domain.overtime_mix import parts_of

    parts = parts_of("上个月平时加了80个钟头 星期六加了48个钟头 帮我算下好多钱")
    assert [(p.kind, p.hours) for p in parts] == [("weekday", 80.0), ("rest", 48.0)]
    assert [(p.kind, p.hours) for p in parts_of("星期六只去了3个")] == [("rest", 24.0)]
