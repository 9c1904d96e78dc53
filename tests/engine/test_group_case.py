"""A collective dispute is stored marked as one, with the number of workers."""

from __future__ import annotations

from sqlalchemy import select

from bot.core.messages import Incoming
from bot.store.models import MediationCase


def test_a_collective_case_is_marked_for_the_mediators(bot):
    for text in (
        "我要申请调解",
        "蒋红梅",
        "13522223333",
        "重庆某某服装有限公司",
        "拖欠工资",
        "我们车间二十多个人三个月没发工资了",
        "把工资发给大家",
        "/affirm",
    ):
        replies = bot.engine.handle(Incoming("rest", "group-1", text))
    assert "工友名单" in replies[0]["text"]
    with bot.db.read() as s:
        case = s.scalars(select(MediationCase)).one()
    assert case.description.startswith("【约20人（集体劳动争议）】我们车间")
    assert case.name == "蒋红梅"
