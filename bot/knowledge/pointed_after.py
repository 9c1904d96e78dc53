"""The rules that name one entry for a follow-up to the answer before it, tried in this order
after the injury, time-limit, dismissal and leaving rules of actions/policy_followups.py
(split from it; each rule is (knowledge, previous answer, text) -> entry or None)."""

from __future__ import annotations

from collections.abc import Callable

from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import (
    dispatched_told,
    noncompete_told,
    outsourcing_managed_told,
    period_over_told,
)
from bot.knowledge.pointed_asked import (
    cap_asked,
    her_leave_asked,
    injury_followup_asked,
    mediation_failed_asked,
    notice_after_probation_asked,
    ordinary_quit_asked,
    paid_when_asked,
    past_retirement_asked,
    pregnant_harmed_told,
    probation_dismissal_asked,
    route_asked,
    year_unsigned_asked,
)
from bot.knowledge.pointed_fresh import (
    half_for_refusing_to_move_told,
    let_go_without_exit_check_told,
    longest_period_over_asked,
    pay_put_off_told,
)
from bot.knowledge.pointed_leave import holiday_off_docked_asked, leave_put_off_asked
from bot.knowledge.pointed_let_go import (
    kept_money_pressed,
    last_wages_after_leaving_told,
    sick_dismissal_told,
)
from bot.knowledge.pointed_papers import (
    agency_or_client_asked,
    insurance_after_leaving_asked,
    leaving_papers_refused,
    pensioner_hired_asked,
)
from bot.knowledge.pointed_topics import (
    not_up_to_it_claimed,
    topic_rule_asked,
)
from bot.knowledge.pointed_women import maternity_followup_asked

Rule = Callable[[Knowledge, Answer, str], Answer | None]

POINTED_AFTER = (
    let_go_without_exit_check_told,  # "喊我直接走人 体检都没给我做" after the checks
    pay_put_off_told,  # "公司说下个月一起发" after a wages answer: paid at least monthly
    maternity_followup_asked,
    leave_put_off_asked,
    leaving_papers_refused,
    pensioner_hired_asked,
    agency_or_client_asked,
    ordinary_quit_asked,
    injury_followup_asked,
    longest_period_over_asked,  # "要是24个月过了我还没好呢": the longest period extended
    period_over_told,
    sick_dismissal_told,
    dispatched_told,
    outsourcing_managed_told,
    noncompete_told,
    cap_asked,
    year_unsigned_asked,
    paid_when_asked,
    mediation_failed_asked,
    her_leave_asked,
    route_asked,
    past_retirement_asked,
    notice_after_probation_asked,
    probation_dismissal_asked,
    topic_rule_asked,
    pregnant_harmed_told,
    not_up_to_it_claimed,
    last_wages_after_leaving_told,
    kept_money_pressed,  # "他要是一直拖起不给 还有啥子说法": the ways to claim it
    holiday_off_docked_asked,  # "如果她没上班 工资会扣吗" after holiday overtime
)


def with_recent(recent: tuple[str, ...]) -> tuple[Rule, ...]:
    """The rules after the answer before that read the worker's last few messages too."""
    return (
        lambda k, p, t: insurance_after_leaving_asked(k, p, t, recent),
        # "车间主任说只给一半 因为是我们自己不愿意去的" after a relocation's sum
        lambda k, p, t: half_for_refusing_to_move_told(k, p, t, recent),
    )
