"""Reading name, phone, employer, story and demand from the message that opens a form."""

from __future__ import annotations

from actions.opening import (
    opening_demand,
    opening_description,
    opening_employer,
    opening_name,
    opening_phone,
)

FULL = (
    "我叫王建国，电话13987654321，在重庆某某建筑工程有限公司做钢筋工，老板拖欠我三个月工资一万二，"
    "想申请调解，希望把工资补齐"
)


def test_a_complete_request():
    assert opening_name(FULL) == "王建国"
    assert opening_phone(FULL) == "13987654321"
    assert opening_employer(FULL) == "重庆某某建筑工程有限公司"
    assert opening_description(FULL) == FULL
    assert opening_demand(FULL) == "把工资补齐"


def test_what_is_not_said_is_not_invented():
    short = "老板欠我工资想申请调解"
    assert opening_name(short) is None and opening_phone(short) is None
    assert opening_employer(short) is None and opening_demand(short) is None
    assert opening_description("我想申请劳动纠纷调解") is None  # no story in it


def test_occupations_are_not_names():
    assert opening_name("我是钢筋工，老板欠我工资") is None
    assert opening_name("我是服务员 在火锅店上班") is None
    assert opening_name("你好我是李秀英 在渝北一家火锅店上班") == "李秀英"
