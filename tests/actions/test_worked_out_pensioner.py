"""A pensioner's overtime and pay held back: the labour service's rule, not the Labour Law's."""

from __future__ import annotations

from actions.worked_out_pensioner import PENSIONER_OVERTIME, PENSIONER_PAY_HELD, pensioner_reply
from tests.actions.action_support import make_tracker, user_event


def _after(told: str, text: str):
    history = [user_event(told), {"event": "bot", "text": "多数按劳务关系处理。"}]
    return make_tracker(text, history=history)


def test_overtime_asked_by_one_drawing_a_pension() -> None:
    told = "我已经退休了 领着退休金 在超市帮人看仓库"
    text = "周末多值两个班 加班工资算不算"
    assert pensioner_reply(None, _after(told, text), text) == PENSIONER_OVERTIME


def test_the_pay_held_back_goes_to_mediation_or_the_court() -> None:
    told = "厂里返聘我回去管设备 每个月3000"
    text = "他们的报酬欠了我两个月 咋办"
    said = pensioner_reply(None, _after(told, text), text)
    assert said == PENSIONER_PAY_HELD and "法院" in said and "调解" in said


def test_no_pension_told_or_someone_elses() -> None:
    text = "加班费咋个算"
    assert pensioner_reply(None, _after("我在电子厂上班", text), text) is None
    told = "我老婆已经退休了 在领养老金"
    assert pensioner_reply(None, _after(told, text), text) is None


def test_the_pension_told_as_drawn_already() -> None:
    text = "晚上多干的有没得加班费"
    assert (
        pensioner_reply(None, _after("我领退休金了 在食堂帮厨", text), text) == PENSIONER_OVERTIME
    )
