"""Follow-ups to a policy answer, read in the conversation: whether a short message asks the
answer just given again or moves on ("那工作满十年的呢", "工资好久结一回"), the part of the
answer it asks, and the compensation or retirement age worked out from what the worker says."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction

from actions.message import (
    latest_intent,
    offered_entries,
    previous_action,
    recent_user_texts,
    typed_text,
)
from bot.domain.annual_leave import annual_leave_text
from bot.domain.commute_injury import commute_injury_text
from bot.domain.medical_period import medical_period_text
from bot.domain.overtime_pay import overtime_pay_text
from bot.domain.probation import (
    contract_months,
    over_the_cap,
    probation_months,
    probation_text,
)
from bot.domain.retirement import retirement_text
from bot.domain.severance import (
    about_a_penalty,
    about_severance,
    asks_how_much,
    monthly_pay,
    months_worked,
    severance_text,
)
from bot.domain.unused_leave import unused_leave_text
from bot.knowledge.answers import decide
from bot.knowledge.focus import covers, focused, sentences
from bot.knowledge.followups import (
    asks_a_judgement,
    asks_where_to_turn,
    in_context,
    is_short,
    leans_on_context,
)
from bot.knowledge.index import Hit

# the FAQ's category of labour-dispute handling (data/faq.yml)


def previous_answer(services: Any, tracker: Tracker) -> Any:
    """The FAQ entry answered in the bot's last turn, when this message may follow up on it."""
    slug = tracker.get_slot("last_faq")
    if not slug or previous_action(tracker) != "action_answer_policy":
        return None
    return services.knowledge.get(str(slug))


# a short message that does not lean on the answer just given moves to another topic only
# when its own words reach this score there: between the guesses of words that name no topic
# ("从啥时候开始算起" after the time limit: 0.155) and the weakest right move seen on the
# development sets ("离职了工资好久结" after the deposit answer: 0.188)
MOVE_MIN = 0.17


def gives_a_figure(tracker: Tracker) -> bool:
    """A statement of a duration ("我合同签的两年", "我干了三年零两个月") right after an
    answer: the figure the rule just given needs, not a new question."""
    message = tracker.latest_message or {}
    return latest_intent(tracker) == "inform" and any(
        e.get("entity") == "duration" for e in message.get("entities") or []
    )


# an entry offered under the answer just given, asked about in a short follow-up's own words
# ("那工资咋个要" after the contract answer that offered 工地包工头跑了，我们的工钱找哪个要): its
# score for the words alone, and how far ahead of the answer just given it must be
OFFERED_MIN = 0.1
OFFERED_AHEAD = 2.0
# an entry just shown counts this much more than the words alone against the other entries
# ("那多出来的时间要给加班费噻" after the weekly rest, which offered the overtime caps, asks the
# overtime rates the words find first)
OFFERED_PRIOR = 1.4
TAKEN_SCORE = 0.5
OFFERED_POOL = 60


def offered_taken(services: Any, tracker: Tracker, text: str, previous: Any) -> Any:
    """The entry offered as a button under the answer just given that a short follow-up asks
    about in its own words, clearly more than it asks the answer itself, or None. Not when
    the answer just given says what is asked ("仲裁要钱不" after 调解不成怎么办, which says
    仲裁不收费)."""
    offered = offered_entries(tracker)
    if not offered or not is_short(text) or covers(previous.answer, text, previous.question):
        return None
    hits = services.knowledge.search(text, OFFERED_POOL)
    scores = {h.answer.slug: h for h in hits}
    best = max((scores[s] for s in offered if s in scores), key=lambda h: h.score, default=None)
    if best is None or best.score < OFFERED_MIN:
        return None
    same = scores[previous.slug].score if previous.slug in scores else 0.0
    if best.score < OFFERED_AHEAD * same:
        return None
    top = hits[0]
    # an entry the words find first wins when it is sure, or of the same topic as the answer
    # or the offered entry and clearly ahead ("那多出来的时间要给加班费噻" after the weekly
    # rest asks the overtime rates, not the overtime caps offered); a weak guess elsewhere
    # ("那工资咋个要": sick pay) does not
    near = top.answer.category in (previous.category, best.answer.category)
    if top.answer.slug != best.answer.slug and (
        top.score >= services.config.retrieval.answer_threshold
        or (near and top.score > best.score * OFFERED_PRIOR)
    ):
        return None
    return best.answer


def find_answer(services: Any, tracker: Tracker, text: str) -> tuple[str, list[Hit]]:
    """decide() on the FAQ hits for `text`; a follow-up is read against the entry answered
    just before: one that leans on it ("那工作满十年的呢") always, another short message
    ("加起来算不算嘛") when it has no sure answer of its own."""
    cfg = services.config.retrieval
    k = max(cfg.max_suggestions, 5)
    own_hits = services.knowledge.hits_for(tracker.latest_message, text, k=k)
    general = decide(own_hits, cfg)
    # the second question of "婚假几天 病假扣不扣工资吗" is its own, not a follow-up
    split_part = ((tracker.latest_message or {}).get("metadata") or {}).get("split_part")
    previous = None if split_part else previous_answer(services, tracker)
    taken = None if previous is None else offered_taken(services, tracker, text, previous)
    if taken is not None:
        return decide([Hit(taken, TAKEN_SCORE)], cfg)
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
            )
        )
    ):
        verdict, hits = decide(in_context(services.knowledge, previous, text, k), cfg)
        if verdict in ("answer", "likely"):
            if hits[0].answer.slug == previous.slug and not leans_on_context(text):
                # the answer just given, again: unless the message, which does not lean
                # on it ("那…呢"), says something of its own that points elsewhere
                # ("已经拖了两个月了 我可以直接走人不" after when wages are due)
                elsewhere = [h for h in own_hits if h.answer.slug != previous.slug]
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
    return general


def narrowed_answer(services: Any, tracker: Tracker, hits: list[Hit], text: str) -> str | None:
    """A follow-up that lands on the answer just given ("那周末呢" after how overtime is paid)
    asks about part of it: that part, with the source, instead of the whole answer again."""
    previous = previous_answer(services, tracker)
    top = hits[0].answer
    if previous is None or top.slug != previous.slug:
        return None
    if leans_on_context(text):
        part = focused(top.answer, text)
        if part is None and covers(top.answer, text, top.question):
            # "公司给我发的比这个还低咋办": leans on the answer and asks a detail of it
            part = focused(top.answer, text, details=True, topic=top.question)
    elif covers(top.answer, text, top.question):
        part = focused(top.answer, text, details=True, topic=top.question)
    else:
        return None
    if part is None and asks_a_judgement(text):
        # "这样对不对嘛": the answer's verdict, its first sentence, not the whole answer again
        part = sentences(top.answer)[0]
    if part is None:
        return None
    return f"{part}\n依据：{top.source}" if top.source else part


# the entries after which "干了五年零八个月 能拿好多" asks what the compensation comes to
SEVERANCE_TOPICS = frozenset(
    {
        "sev_calc",
        "sev_unlawful_2x",
        "sev_when_due",
        "sev_contract_expiry",
        "quit_notice_dismissal",
        "quit_mass_layoff",
        "quit_fired_fault",
        "quit_protected",
        "probation_dismissal",
    }
)
SEVERANCE = "sev_calc"  # the entry whose rule the worked-out answer applies
DURATION_ALONE = 12


def severance_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """How long the worker worked, asked about compensation or right after an answer about
    leaving a job: the months of pay worked out (2N first after an unlawful dismissal)."""
    slug = tracker.get_slot("last_faq")
    after = slug in SEVERANCE_TOPICS and previous_action(tracker) == "action_answer_policy"
    if about_a_penalty(text) or not (after or about_severance(text)):
        return None
    # right after such an answer, the time worked alone ("我干了两年零三个月") asks it; a longer
    # message with its own question ("干了十年了 是不是该签无固定期限") does not
    alone = after and len(re.sub(r"\s", "", text)) <= DURATION_ALONE
    unlawful = after and slug == "sev_unlawful_2x"
    said = severance_text(text, unlawful=unlawful, asked=alone)
    pay = monthly_pay(text)
    if said is None and after and months_worked(text) is None and (asks_how_much(text) or pay):
        # "那他该补我好多嘛" after "我在厂头做了八年了 老板说要把我撵走…": the time worked
        # was told a message ago ("我一个月6000 算下来好多钱", "我工资一个月四千": the pay in
        # this one)
        for earlier in recent_user_texts(tracker, 3):
            if months_worked(earlier) is not None:
                return severance_text(earlier, unlawful=unlawful, asked=True, pay=pay)
    return said


RETIREMENT = "si_retirement_age"  # the FAQ entry on the 2025 retirement reform
_ABOUT_RETIRING = re.compile(r"退休|能退|退得|领养老金|退下来")


def retirement_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """A birth month in a question about retiring ("我男的 1970年3月出生 好久能退"), or right
    after the retirement answer ("那我老婆呢 76年6月的"): the age and month worked out."""
    after = (
        tracker.get_slot("last_faq") == RETIREMENT
        and previous_action(tracker) == "action_answer_policy"
    )
    if not (after or _ABOUT_RETIRING.search(text)):
        return None
    return retirement_text(text, services.today())


ANNUAL_LEAVE = "leave_annual_days"  # the entry whose tiers the worked-out days apply
_ABOUT_ANNUAL_LEAVE = re.compile(r"年假|年休假|带薪假|带薪年假|休年假")
_ASKS_DAYS = re.compile(r"几天|多少天|好多天|有没|有几|该休|能休|可以休|有吗|有不|有么|算几")
_NEW_EMPLOYER = re.compile(r"刚换|新单位|刚进|刚来|跳槽|换了个|换了工作|新入职|刚入职")


def annual_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """How long the worker has worked in all, right after an annual-leave answer ("我以前在
    别的厂干了8年") or asked with it ("工作了15年 年假有几天"): the days worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("leave_annual") and previous_action(tracker) == "action_answer_policy"
    # "工作了15年 年假有几天" asks the days; "干了3年 年假被取消了" asks something else
    asked = _ABOUT_ANNUAL_LEAVE.search(text) is not None and _ASKS_DAYS.search(text) is not None
    if not (asked or (after and len(re.sub(r"\s", "", text)) <= DURATION_ALONE + 4)):
        return None
    # the new employer's proration: said, or the answer just given was about it and the
    # message only adds the years ("我老婆上班快23年了 她年假有几天" asks afresh)
    new = _NEW_EMPLOYER.search(text) is not None or (slug == "leave_annual_newhire" and not asked)
    return annual_leave_text(text, new_employer=new)


# the entries after which "交警认定的是对方全责" tells the finding their rule needs
COMMUTE_TOPICS = frozenset({"injury_commute", "injury_what_counts"})
COMMUTE = "injury_commute"  # the entry whose rule the worked-out answer applies
_ON_THE_WAY = re.compile(r"上下班|上班路上|下班路上|回家路上|上班途中|下班途中|通勤")


def commute_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The traffic police's finding, told right after the answer on commuting accidents or
    with the question ("下班路上被撞了 交警判对方全责 算工伤不"): whether it is 工伤."""
    after = (
        tracker.get_slot("last_faq") in COMMUTE_TOPICS
        and previous_action(tracker) == "action_answer_policy"
    )
    if not (after or (_ON_THE_WAY.search(text) and "工伤" in text)):
        return None
    return commute_injury_text(text)


# the entries after which "我在这个厂干了5年 总共工作了12年" tells what the medical period needs
_ABOUT_SICKNESS = re.compile(r"医疗期|病假|生病|住院|看病|病休|手术")
MEDICAL_PERIOD = "sick_medical_period"  # the entry whose tiers the worked-out period applies


def medical_period_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The years worked in all and at this employer, told right after an answer about sick
    leave or with a question about it: the medical period worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("sick") and previous_action(tracker) == "action_answer_policy"
    if not (after or _ABOUT_SICKNESS.search(text)):
        return None
    return medical_period_text(text)


OVERTIME = "ot_pay_rates"  # the entry whose rates the worked-out overtime pay applies
_ABOUT_OVERTIME = re.compile(r"加班|加了")


def overtime_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """When the overtime was, how much and the pay, told with an overtime question or right
    after an overtime answer (the overtime told a message before the pay: "国庆节加了三天班"
    then "我日工资200"): the sum worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("ot_") and previous_action(tracker) == "action_answer_policy"
    if not (after or _ABOUT_OVERTIME.search(text)):
        return None
    said = overtime_pay_text(text)
    if said is None and after:
        # (this message first: what it tells wins)
        said = overtime_pay_text(" ".join([text, *recent_user_texts(tracker, 2)]))
    return said


# the entries after which "我签的三年合同 试用期给我定了8个月" tells what their rule needs
_ABOUT_PROBATION = re.compile(r"试用")
# "那多出来的几个月能赔不": what the excess is worth, asked (not the probation pay's floor)
_ASKS_THE_EXCESS = re.compile(r"赔|多出来|多出的|超出|超了的|超过的")
PROBATION_OVER = "probation_overlimit"  # the entry on a probation beyond the cap
PROBATION_CAP = "probation_length"  # the entry with the caps by the contract's term


def probation_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The contract's term and the probation given, told with a question about probation or
    right after a probation answer (one of them told a message before): the cap and the
    excess worked out, under the entry on the excess or the one on the caps."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("probation") and previous_action(tracker) == "action_answer_policy"
    if not (after or _ABOUT_PROBATION.search(text)):
        return None
    told = text
    one_told = (contract_months(text) is None) != (probation_months(text) is None)
    # "那多出来的几个月能赔不" after the worked-out excess: the worker's own figures again
    if probation_text(told) is None and after and (one_told or _ASKS_THE_EXCESS.search(text)):
        # "我签的是三年合同" after "试用期8个月合法不" was answered: both, from two messages
        # (this message first: what it tells wins, "那要是签三年的呢" after a one-year contract)
        told = " ".join([text, *recent_user_texts(tracker, 2)])
    said = probation_text(told)
    if said is None:
        return None
    return said, PROBATION_OVER if over_the_cap(told) else PROBATION_CAP


UNUSED_LEAVE = "leave_annual_unused"  # the entry whose 300 % the worked-out sum applies
_LEAVING = re.compile(r"离职|辞职|辞工|走人|不干了|要走|被辞|被开|解除")


def unused_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Leaving this year with annual leave not taken, the years worked in all and the monthly
    pay told in the last few messages, right after an annual-leave answer: the days due so
    far this year and what they are worth."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("leave_annual") and previous_action(tracker) == "action_answer_policy"
    if not after:
        return None
    told = [text, *recent_user_texts(tracker, 3)]
    if not any(_LEAVING.search(t) for t in told):
        return None
    months = next(filter(None, map(months_worked, told)), None)
    pay = next(filter(None, map(monthly_pay, told)), None)
    if months is None or pay is None or (monthly_pay(text) is None and months_worked(text) is None):
        return None  # (this message must bring one of them: else it asks something else)
    return unused_leave_text(months, pay, services.today())


def worked_out_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """A calculator's answer (the retirement age, the compensation, the annual leave days,
    whether a commuting accident is 工伤, the medical period, the overtime pay, the unused
    annual leave of someone leaving, the longest probation) and
    the FAQ entry whose rule it applies, when the message gives what it needs."""
    for reply, entry in (
        (retirement_reply, RETIREMENT),
        (severance_reply, SEVERANCE),
        (unused_leave_reply, UNUSED_LEAVE),
        (annual_leave_reply, ANNUAL_LEAVE),
        (commute_reply, COMMUTE),
        (medical_period_reply, MEDICAL_PERIOD),
        (overtime_reply, OVERTIME),
    ):
        said = reply(services, tracker, text)
        if said:
            return said, entry
    return probation_reply(services, tracker, text)


def policy_followup_instead(services: Any, tracker: Tracker) -> list[EventType] | None:
    """Right after a policy answer, a short message read as a greeting, a feeling, a yes or
    nothing ("要在好久之内申请", "那一直都不签呢 都一年多了", "是我自己不想休的呢") is a
    follow-up when the FAQ, read against that answer, has one for it."""
    text = typed_text(tracker)
    if not is_short(text) or text.startswith("/"):
        return None
    if previous_answer(services, tracker) is None:
        return None
    if worked_out_reply(services, tracker, text):
        return [FollowupAction("action_answer_policy")]
    verdict, _ = find_answer(services, tracker, text)
    return [FollowupAction("action_answer_policy")] if verdict in ("answer", "likely") else None
