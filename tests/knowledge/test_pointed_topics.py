"""Follow-ups whose words name one entry right after an answer of a topic."""

from __future__ import annotations

from bot.knowledge.index import Answer
from bot.knowledge.pointed_topics import AFTER_A_TOPIC


def _after(slug: str, category: str, text: str) -> list[str]:
    previous = Answer(slug, "问", "答", "据", category)
    return [rule.entry for rule in AFTER_A_TOPIC if rule.points(previous, text)]


def test_rest_days_counted_in_the_annual_leave():
    said = "下个礼拜想请5天年假周一到周五 老板说周六周日也要算进去 给我扣7天"
    assert "leave_annual_days" in _after("leave_annual_days", "休息休假", said)
    # (only right after the leave's days)
    assert "leave_annual_days" not in _after("ot_pay_rates", "加班", said)


def test_insurance_never_paid_said_alone():
    assert "si_not_paid_complain" in _after(
        "women_maternity_leave", "女职工保护", "厂头从来没给我买过社保"
    )
    assert "si_not_paid_complain" in _after("contract_sign_deadline", "劳动合同", "社保也没给我买")
    # (beside an injury, the injury is asked)
    assert "si_not_paid_complain" not in _after(
        "contract_sign_deadline",
        "劳动合同",
        "跑单的时候摔了算工伤不 站点没给我们买社保 就买了个意外险",
    )


def test_after_the_heat_s_rules():
    after = "heat_outdoor_hours"
    assert "wage_high_temp" in _after(after, "工时与加班", "热成这样有没得补贴噻")
    assert "injury_what_counts" in _after(after, "工时与加班", "我工友昨天中暑晕倒了 这个算工伤不")
    assert after in _after(after, "工时与加班", "中午太热停了两个钟头 工头说这两个钟头不算钱")


def test_a_nursing_mother_on_night_shifts():
    said = "我们班组有个妹儿娃儿才半岁 也排的夜班"
    assert "women_breastfeeding" in _after("hours_standard", "工时与加班", said)
    assert "women_breastfeeding" not in _after(
        "hours_standard", "工时与加班", "我上夜班 一个月都没休"
    )
