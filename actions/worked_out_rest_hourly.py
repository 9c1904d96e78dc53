"""A rest day's hours paid by the hour (bot/domain/rest_day_hourly.py): "那一个礼拜第6天那8个钟头
不补休的话该好多钱" after "一个钟头18块 … 一天做8个钟头 一个礼拜做6天"; the rate raised ("老板说
给我涨到20一个钟头了") right after, or another's rate ("她一个钟头22 … 她第6天该好多"); a public
holiday's hours with the rate told ("按钟头算 一个钟头25 国庆1号上了8个钟头 她那天该好多")."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.message import last_bot_text, recent_user_texts
from bot.domain.part_time_hours import PAID_BY_THE_HOUR
from bot.domain.rest_day_hourly import (
    HOLIDAY,
    MARK,
    REST_DAY,
    hours_told,
    rate_told,
    rest_day_hourly_text,
)
from bot.domain.severance import asks_how_much, monthly_pay
from bot.domain.working_hours import day_hours

LOOKBACK = 6


def rest_day_hourly_reply(tracker: Tracker, text: str) -> str | None:
    """The rest day's hours at 200 % when the message asks about them or raises the rate just
    after, the rate and the hours told now or before."""
    after = MARK in last_bot_text(tracker)
    earlier = recent_user_texts(tracker, LOOKBACK)
    holiday = HOLIDAY.search(text) is not None and rate_told(text) is not None
    day_asked = (REST_DAY.search(text) or holiday) and asks_how_much(text)
    if not (day_asked or (after and rate_told(text))):
        return None
    told = [text, *earlier]
    if not any(map(PAID_BY_THE_HOUR.search, told)):
        return None
    if rate_told(text) is None and any(map(monthly_pay, told)):
        return None  # (a month's pay told: the overtime calculator's, not the hour's)
    rate = rate_told(text) or next(filter(None, map(rate_told, earlier)), None)
    rest_days = [hours_told(t) for t in earlier if REST_DAY.search(t)]
    hours = (
        hours_told(text)
        or next(filter(None, rest_days), None)
        or next(filter(None, map(day_hours, earlier)), None)
    )
    if rate is None or hours is None:
        return None
    return rest_day_hourly_text(rate, hours, holiday=holiday)
