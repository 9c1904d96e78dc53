"""Follow-ups to a policy answer, read in the conversation: whether a short message asks the
answer just given again or moves on ("那工作满十年的呢", "工资好久结一回"), the part of the
answer it asks, or an answer worked out from what the worker says (actions/worked_out.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction

from actions.message import (
    as_chinese,
    previous_answer,
    recent_user_texts,
    understood_text,
)
from actions.policy_last_resort import last_resort
from actions.policy_topic import (
    MOVE_MIN,
    SURELY_ELSEWHERE,
    TAKEN_SCORE,
    gives_a_figure,
    keep_the_topic,
    offered_taken,
    stays_near_the_topic,
)
from actions.worked_out import worked_out_reply
from bot.knowledge.answers import MAX_RELATED, decide
from bot.knowledge.aspects_asked import one_aspect_asked
from bot.knowledge.focus import covers, details_named
from bot.knowledge.followups import (
    in_context,
    is_short,
    leans_on_context,
)
from bot.knowledge.index import Hit
from bot.knowledge.pointed import (
    asks_where_to_turn,
    leaving_told,
    relation_told,
    time_limit_asked,
    unlawful_dismissal_told,
)
from bot.knowledge.pointed_after import POINTED_AFTER, with_recent
from bot.knowledge.pointed_asked import (
    back_or_paid_asked,
    not_renewed_asked,
    part_time_detail_asked,
    sick_pay_asked,
)
from bot.knowledge.pointed_both import both_said_asked
from bot.knowledge.pointed_claims import (
    breach_after_quitting_told,
    fine_asked,
    grants_after_grading_asked,
    holiday_off_pay_asked,
    husband_leave_asked,
    insurance_made_up_asked,
    let_go_on_the_spot_told,
    maternity_days_asked,
    own_quit_pay_asked,
    quitting_notice_asked,
    same_terms_refused,
    still_in_time_asked,
    uninsured_injury_asked,
    union_notice_asked,
    unpaid_apprentice_told,
    wages_held_on_leaving_told,
)
from bot.knowledge.pointed_denied import contract_denied_told
from bot.knowledge.pointed_fresh import (
    bare_leave_asked,
    crowd_rider_told,
    disease_benefits_asked,
    docked_for_shortage_asked,
    hurt_off_work_asked,
    let_go_for_sick_leave_asked,
    pay_while_ill_asked,
    situation_asked,
)
from bot.knowledge.pointed_group import group_told, record_asked
from bot.knowledge.pointed_injury import told_of_the_injury
from bot.knowledge.pointed_leave import child_care_leave_asked
from bot.knowledge.pointed_let_go import let_go_for_a_slight_fault_told, let_go_with_nothing_told
from bot.knowledge.pointed_new_work import new_work_asked
from bot.knowledge.pointed_papers import (
    insurance_when_out_of_work_asked,
    intern_followup_asked,
    sent_again_told,
)
from bot.knowledge.pointed_reprisal import let_go_for_claiming_told
from bot.knowledge.pointed_situations import (
    early_retirement_asked,
    gangmaster_injury_asked,
    more_than_wages_asked,
    my_case_pays_asked,
    never_signed_asked,
    pregnant_dismissal_asked,
    pregnant_let_go_asked,
    rider_hours_asked,
    unemployment_reason_told,
    wages_also_unpaid_told,
)
from bot.knowledge.pointed_women import hours_of_the_protected
from bot.knowledge.situations import (
    fits_the_situation,
    in_a_situation,
    injured_at_work,
    pregnancy_entry_near,
    pregnant_and_harmed,
)

# a question this short asks one thing of mediation ("调解要钱吗", "调解一般要好久"), counted
# without spaces and the English words left unread ("Is the union's labour dispute mediation
# free?" is read 工会 's labour 劳动纠纷 调解 免费?)
_ONE_ASPECT_CHARS = 12
_NOT_COUNTED = re.compile(r"[\sA-Za-z']+")
# the place's own rule asked ("重庆这边是不是还要多放几天", "我们这里有没得地方规定")
_LOCAL_ASKED = re.compile(r"重庆|我们这边|我们这儿|我们这里|本地|当地|本市|地方规定")


def find_answer(services: Any, tracker: Tracker, text: str) -> tuple[str, list[Hit]]:
    """decide() on the FAQ hits for `text`; a follow-up is read against the entry answered
    just before: one that leans on it ("那工作满十年的呢") always, another short message
    ("加起来算不算嘛") when it has no sure answer of its own."""
    cfg = services.config.retrieval
    k = max(cfg.max_suggestions, 5)
    own_hits = services.knowledge.hits_for(tracker.latest_message, text, k=k)
    # the second question of "婚假几天 病假扣不扣工资吗" is its own, not a follow-up
    split_part = ((tracker.latest_message or {}).get("metadata") or {}).get("split_part")
    previous = None if split_part else previous_answer(services, tracker)
    if previous is None or not in_a_situation(previous):
        # "社保没买合法吗": not the entry on insurance during probation (after an answer about
        # probation, the conversation names the situation)
        # (the words of a situation read in Chinese: "I want to quit … on probation" resigns)
        own_hits = fits_the_situation(own_hits, as_chinese(text), getattr(previous, "question", ""))
    near = pregnancy_entry_near(own_hits, text) if previous is None else None
    if near is not None:
        # "怀孕3个多月了 店长喊我自己写辞职": the protection of pregnancy first
        own_hits = [own_hits[near], *own_hits[:near], *own_hits[near + 1 :]]
    general = decide(own_hits, cfg)
    if general[0] == "suggest" and previous is None and pregnant_and_harmed(own_hits, text):
        # "我怀起了3个月 厂头说要把我换到包装 工资从5千降到3千5": the three periods' entry
        general = ("likely", own_hits[: 1 + MAX_RELATED])
    injured = (
        injured_at_work(own_hits, text) if general[0] == "suggest" and previous is None else None
    )
    if injured is not None:
        # "…在厂头搬货把腰闪了 老板说是我自己不小心 医药费一分都不出": the injury's entry
        first = own_hits[injured]
        rest = [h for h in own_hits if h is not first]
        general = ("likely", [first, *rest][: 1 + MAX_RELATED])
    relation = None if previous is None else relation_told(services.knowledge, previous, text)
    if relation is not None:
        # "我每天要到站点打卡 排班都是站长安排" after a rider's injury: the labour relation
        return decide([Hit(relation, TAKEN_SCORE)], cfg)
    if (
        previous is not None
        and is_short(text)
        and _LOCAL_ASKED.search(text)
        and "重庆" in previous.answer
    ):
        # "重庆这边是不是还要多放几天" after an answer that says where Chongqing's own figure
        # is found: that answer, not another entry on days off
        return decide([Hit(previous, TAKEN_SCORE)], cfg)
    # "老板听说我要找他要钱 说明天就不要我了": let go for the claim, whatever came before (not
    # an entry the answer offered: "投诉" after the insurance answer)
    taken = let_go_for_claiming_told(services.knowledge, as_chinese(text)) or (
        None if previous is None else offered_taken(services, tracker, text, previous)
    )
    if taken is not None:
        return decide([Hit(taken, TAKEN_SCORE)], cfg)
    knowledge = services.knowledge
    recent = tuple(recent_user_texts(tracker, 4))
    after_previous = (
        intern_followup_asked,  # a student's internship: its pay, its overseers, a graduate
        sent_again_told,  # a dispatched worker sent again on worse terms, or insured elsewhere
        crowd_rider_told,  # "我是众包 … 啥子合同都莫签" after the riders' entry: that entry
        gangmaster_injury_asked,
        unemployment_reason_told,
        told_of_the_injury,
        time_limit_asked,
        unlawful_dismissal_told,
        lambda k, p, t: leaving_told(k, p, t, recent),
        lambda k, p, t: own_quit_pay_asked(k, p, t, recent),
        lambda k, p, t: breach_after_quitting_told(k, p, t, recent),
        lambda k, p, t: part_time_detail_asked(k, p, t, recent),
        lambda k, p, t: pregnant_dismissal_asked(k, p, t, recent),
        lambda k, p, t: rider_hours_asked(k, p, t, recent),
        lambda k, p, t: new_work_asked(k, p, t, recent),
        lambda k, p, t: husband_leave_asked(k, p, t, recent),
        wages_also_unpaid_told,
        same_terms_refused,
        *POINTED_AFTER,
        *with_recent(recent),
    )
    read = as_chinese(text)  # ("I'm 3 months pregnant … can they do that?" as Chinese)
    # (the request's story too: "那我这个情况能赔好多钱" at its summary)
    told = (*recent, str(tracker.get_slot("description") or ""))
    pointed = (
        # "主管喊我天天加班到晚上10点 我能不能不加" after the nursing hour: its protection
        hours_of_the_protected(knowledge, read, recent)
        or let_go_for_sick_leave_asked(knowledge, read)  # "请了三天病假 就喊他不用来了"
        or bare_leave_asked(knowledge, read)  # "年假": how many days, the general rule
        or child_care_leave_asked(knowledge, read)  # "娃儿住院了 要请假照顾他": 育儿假
        or pay_while_ill_asked(knowledge, read)  # "医疗期里头工资照发不"
        or docked_for_shortage_asked(knowledge, read, told)  # "扣短款这个合法不嘛"
        # "拖这么久 老板除了工资还要不要赔点啥子" (after filing too): the extra 50-100 %
        or more_than_wages_asked(knowledge, previous, read)
        # "那我这个情况能赔好多钱" at a request's summary: the story told is the case
        or my_case_pays_asked(knowledge, read, told)
        # "他说我们是临时工 没签合同 不算数" after wages owed: the relation, denied (and
        # "老板说我没签合同 不给我报" after an injury, "现在算是啥子合同" after no contract)
        or contract_denied_told(knowledge, previous, read)
        or still_in_time_asked(knowledge, read)
        or pregnant_let_go_asked(knowledge, read)
        or hurt_off_work_asked(knowledge, read)  # "不是上班伤的 医生喊歇三个月": 医疗期
        or disease_benefits_asked(knowledge, read)  # "确诊了是职业病 有啥子待遇"
        or both_said_asked(knowledge, read)
        or insurance_when_out_of_work_asked(knowledge, read)  # "离职了 社保怎么办"
        or never_signed_asked(knowledge, read)
        or maternity_days_asked(knowledge, read)
        or fine_asked(knowledge, read)
        or (uninsured_injury_asked(knowledge, read) if previous is None else None)
        or grants_after_grading_asked(knowledge, read)
        or (let_go_with_nothing_told(knowledge, read) if previous is None else None)
        or (let_go_on_the_spot_told(knowledge, read) if previous is None else None)
        # "就迟到了一回 店长喊我明天不用来了": one slight fault, no serious breach
        or (let_go_for_a_slight_fault_told(knowledge, read) if previous is None else None)
        or (wages_held_on_leaving_told(knowledge, read) if previous is None else None)
        or unpaid_apprentice_told(knowledge, read)
        or group_told(knowledge, read)  # "我们有12个人都是一样的": a claim together
        or record_asked(knowledge, read)  # "只有个记工的本本 这个算数不": the evidence
        # "调解要钱吗": one thing asked of mediation, its own entry (the words tie otherwise)
        or (
            one_aspect_asked(knowledge, read)
            if len(_NOT_COUNTED.sub("", read)) <= _ONE_ASPECT_CHARS
            else None
        )
        # (a first question's situation: a rider hurt, a post cut, months unpaid …)
        or (situation_asked(knowledge, read, told) if previous is None else None)
        or holiday_off_pay_asked(knowledge, read)
        or union_notice_asked(knowledge, read)
        or quitting_notice_asked(knowledge, read)
        or insurance_made_up_asked(knowledge, read)
        or (early_retirement_asked(knowledge, read) if previous is not None else None)
        or not_renewed_asked(knowledge, previous, read)
        or back_or_paid_asked(knowledge, previous, read)
        or sick_pay_asked(knowledge, previous, read)
    ) or (
        None
        if previous is None
        else next(filter(None, (rule(knowledge, previous, read) for rule in after_previous)), None)
    )
    if pointed is not None:
        # "关键是厂头根本没给我买社保" after the injury answers: the uninsured injury's entry,
        # not the general one on insurance; "多久之内要去" after an answer with no time limit
        return decide([Hit(pointed, TAKEN_SCORE)], cfg)
    if (
        previous is not None
        and is_short(text)
        # a detail named by the answers' words (not a fee asked: "仲裁要不要钱" after an
        # answer that names 医疗费 asks what arbitration costs)
        and bool(details_named(text, previous.question))
        and covers(previous.answer, text, previous.question)
        and not (
            own_hits
            and own_hits[0].score >= SURELY_ELSEWHERE
            # ("要不要提前一个月跟老板说" after leaving over unpaid wages: the notice rule's own
            # words, in the same topic, but the answer just given says none is needed)
            and own_hits[0].answer.category != previous.category
        )
        # "请了一个礼拜病假 要扣年假不" after the leave not taken (扣除 in its words): a detail of
        # one character only, and the message names an entry of its own and not this one at all
        and not (
            own_hits
            and all(len(d) == 1 for d in details_named(text, previous.question))
            and own_hits[0].answer.slug != previous.slug
            and own_hits[0].score >= cfg.answer_threshold
            and all(h.answer.slug != previous.slug for h in own_hits[:3])
        )
        # "那试用期公司想开我就开我吗" after the one-probation rule: the detail is what the
        # message's own first entry is about (dismissal in probation), not a detail of this one
        and not (
            own_hits
            and own_hits[0].answer.slug != previous.slug
            and any(
                d in own_hits[0].answer.question for d in details_named(text, previous.question)
            )
        )
    ):
        # "要不要提前30天跟他说" after "欠薪可以马上走，不用等30天": a detail that answer
        # states, asked of it (unless the words surely name another entry)
        return decide([Hit(previous, TAKEN_SCORE)], cfg)
    if previous is not None and (
        leans_on_context(text)
        or (
            is_short(text)
            and (
                general[0] != "answer"
                or covers(previous.answer, text, previous.question)
                # "公司不帮我申请咋办" after the injury answer, read alone as the union's help;
                # not when the words alone stay in the topic ("公司不安排年假又不给钱咋办")
                or (
                    asks_where_to_turn(text)
                    and bool(own_hits)
                    and own_hits[0].answer.category != previous.category
                )
                or stays_near_the_topic(own_hits, previous)
            )
        )
    ):
        verdict, hits = decide(in_context(services.knowledge, previous, text, k), cfg)
        if verdict in ("answer", "likely"):
            if hits[0].answer.slug == previous.slug and not leans_on_context(text):
                # the answer just given, again: unless the message, which does not lean
                # on it ("那…呢"), says something of its own that points elsewhere
                # ("已经拖了两个月了 我可以直接走人不" after when wages are due)
                elsewhere = keep_the_topic(
                    [h for h in own_hits if h.answer.slug != previous.slug], previous
                )
                same = max(
                    (h.score for h in own_hits if h.answer.slug == previous.slug), default=0.0
                )
                # ... and clearly: a sure score, one entry ahead of the rest, or the entry of
                # the same topic among weak guesses ("拖起不发我可以咋个办" after when wages
                # are due); not a tie of guesses elsewhere ("我离职了8个月 工资还欠着
                # 还来得及不" after the time limit for arbitration)
                runner_up = elsewhere[1].score if len(elsewhere) > 1 else 0.0
                if (
                    not gives_a_figure(tracker)
                    # "这种工伤该找哪个" after who answers for a dispatched worker's injury:
                    # whom to turn to, which the answer just given is about
                    and not (asks_where_to_turn(text) and asks_where_to_turn(previous.question))
                    # a detail the answer just given states ("工资好久结一回" after the
                    # part-time answer) is asked of it
                    and not covers(previous.answer, text, previous.question)
                    and elsewhere
                    and elsewhere[0].score >= max(cfg.likely_from, same + cfg.ambiguity_margin)
                    # another topic only when the words name it ("从啥时候开始算起" names none)
                    and (
                        elsewhere[0].answer.category == previous.category
                        or elsewhere[0].score >= MOVE_MIN
                    )
                    and (
                        elsewhere[0].score >= cfg.answer_threshold
                        or elsewhere[0].score - runner_up >= cfg.ambiguity_margin / 2
                        or elsewhere[0].answer.category == previous.category
                    )
                ):
                    moved = decide(elsewhere, cfg)
                    if moved[0] in ("answer", "likely"):
                        return moved
            return verdict, hits
    return last_resort(knowledge, cfg, text, previous, general, own_hits, recent, k)


def policy_followup_instead(services: Any, tracker: Tracker) -> list[EventType] | None:
    """Right after a policy answer, a short message read as a greeting, a feeling, a yes or
    nothing ("要在好久之内申请", "那一直都不签呢 都一年多了", "是我自己不想休的呢") is a
    follow-up when the FAQ, read against that answer, has one for it."""
    # ("What if I was already past probation?": read as the Chinese it means, 那如果 转正后)
    text = understood_text(tracker)
    if not is_short(text) or text.startswith("/"):
        return None
    if previous_answer(services, tracker) is None:
        return None
    if worked_out_reply(services, tracker, text):
        return [FollowupAction("action_answer_policy")]
    verdict, _ = find_answer(services, tracker, text)
    return [FollowupAction("action_answer_policy")] if verdict in ("answer", "likely") else None
