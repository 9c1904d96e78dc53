"""The pay while an injury heals asked (bot/knowledge/pointed_situations.py): 停工留薪期 when
the injury is recognised or the conversation told a work injury, not sick pay."""

from __future__ import annotations

from bot.knowledge.pointed_situations import INJURY_REST, injury_rest_pay_asked


class _Knowledge:
    """Hands back the slug asked for, as the entry."""

    def get(self, slug: str) -> str:
        return slug


K = _Knowledge()
TOLD = ("那我先申请调解试哈 我要他们承认工伤 把医药费和住院这段时间的工资给我",)


def test_the_pay_while_in_hospital_after_a_work_injury_was_told():
    assert injury_rest_pay_asked(K, "住院这段时间的工资该咋个算", TOLD) == INJURY_REST  # type: ignore[arg-type]
    assert injury_rest_pay_asked(K, "已经认定工伤了 在屋头养伤 工资还发不") == INJURY_REST  # type: ignore[arg-type]


def test_the_pay_stopped_after_the_injury_was_recognised():
    said = "手遭冲床压了 工伤都认定下来了 厂头三个月工资一分都没发"
    assert injury_rest_pay_asked(K, said) == INJURY_REST  # type: ignore[arg-type]
    # (not recognised yet: whether and where to apply come first)
    assert injury_rest_pay_asked(K, "手遭冲床压了 厂头三个月工资一分都没发") is None  # type: ignore[arg-type]


def test_no_injury_told_or_a_sickness_is_no_injury_s_pay():
    assert injury_rest_pay_asked(K, "住院这段时间的工资该咋个算") is None  # type: ignore[arg-type]
    assert injury_rest_pay_asked(K, "生病住院这段时间工资咋个算", TOLD) is None  # type: ignore[arg-type]
