"""Several requests in one message, each handled as its own message.

"报个书法班，顺便问下加班费咋个算" is split at its joining word (intents/requests.py); when every
part is understood with confidence as a request of its own, the parts run one after the
other as separate messages of the worker (stored as such, so staff see both), questions
first and a request that opens a form last, so the form's question is the last thing the
worker reads. Inside a form or while staff hold the conversation nothing is split.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.core.messages import Incoming
from bot.store.models import STATE_BOT
from intents.question_cues import asks_rather_than_files
from intents.requests import split_requests

# intents that ask for something on their own (not yes/no, thanks or a form answer)
REQUEST_INTENTS = frozenset(
    {
        "course_search",
        "course_enroll",
        "my_enrolments",
        "cancel_enrolment",
        "mediation_request",
        "mediation_status",
        "policy_question",
        "human_handoff",
        # "算了 我再想想 先问下 干了四年能赔好多": leaving, then a question (inside a form,
        # the only split made)
        "cancel",
    }
)
MIN_CONFIDENCE = 0.5
FALLBACK = "nlu_fallback"
# a policy question that names a kind of dispute is one from here
UNSURE_DISPUTE_QUESTION = 0.3
# how a part that names a course may be read when it asks about that course ("你好我想问下
# 那个书法班是星期几" read as a greeting)
# what is asked of a course (its fee, time, place), in a message that names one
_COURSE_ASPECT = re.compile(r"好多钱|多少钱|收费|学费|几点|星期几|哪天|在哪|哪里上|啥时候开")
# taking a class the message names ("可以去上瑜伽课不", "能学插花不")
_TAKES_THE_CLASS = re.compile(r"上[\u4e00-\u9fff]{0,4}课|去上|来上|能上|可以上|能学|可以学|学得了")
_COURSE_MISREADS = frozenset(
    {"course_followup", "course_search", "nlu_fallback", "out_of_scope", "greet"}
)
# requests that may come twice in one message, each its own
_ASKED_TWICE = frozenset({"policy_question", "course_search"})
MAX_PARTS = 3
# a figure corrected ("说错了 是20块一个钟不是18")
_FIGURE_CORRECTED = re.compile(
    r"(?:(?:说|打|搞|写|记|看)错了|不对)[^。？?]{0,16}\d|\d[^，,。\s]{0,8}[\s，,]*不是\s*\d"
)
# "那一共该要好多 帮我申请调解": the sum of what was told, asked before the request
_WORKED_OUT_ASKED = re.compile(r"好多|多少|咋个算|怎么算|咋算|能拿|能补|该给|该补")
_SUM_ASKED = re.compile(r"^(?:那|那么)?(?:一共|总共|加起来)[^，,。]{0,6}(?:好多|多少)(?:钱)?$")


def request_of(parse: dict, ranking: list[dict] | None = None, sure: float = 1.0) -> str | None:
    """The part's request, when the classifier is sure of it (or, for a policy question,
    when the FAQ's best entry scores `sure` or more)."""
    intent = parse.get("intent") or {}
    name, confidence = intent.get("name"), intent.get("confidence") or 0
    names_course = any(e.get("entity") == "course_name" for e in parse.get("entities") or [])
    if name in _COURSE_MISREADS and names_course:
        # "书法班在哪里上课", "问两个事 乒乓球课是星期几": a question about a course it names,
        # however unsure the classifier is of the words around the name (or not sure at all:
        # "好嘛 那我还是问你 叉车证要好多钱")
        return "course_search"
    if name == FALLBACK and ranking and float(ranking[0]["confidence"]) >= sure:
        # "老板说私了 不给我报工伤" read between a question and a request: a question the
        # FAQ surely knows when the question is among the classifier's first guesses
        guesses = [r.get("name") for r in parse.get("intent_ranking") or []][1:3]
        if "policy_question" in guesses:
            return "policy_question"
    if name not in REQUEST_INTENTS:
        return None
    if (
        name == "policy_question"
        and names_course
        and _TAKES_THE_CLASS.search(parse.get("text") or "")
    ):
        # "怀孕了可以去上瑜伽课不": whether the worker can take a course it names
        return "course_search"
    if confidence >= MIN_CONFIDENCE:
        return name
    if (
        name == "policy_question"
        and names_course
        and _COURSE_ASPECT.search(parse.get("text") or "")
    ):
        # "我先问下 叉车证好多钱": unsure, a course named and its fee, time or place asked
        return "course_search"
    if name == "policy_question" and ranking and float(ranking[0]["confidence"]) >= sure:
        return name
    figures = any(e.get("entity") == "money" for e in parse.get("entities") or [])
    if (
        name == "policy_question"
        and figures
        and confidence >= UNSURE_DISPUTE_QUESTION
        and _WORKED_OUT_ASKED.search(parse.get("text") or "")
    ):
        # "我今年年假还有3天没休 月工资6525 咋个算": the worker's own figures, a sum asked
        return name
    names_dispute = any(e.get("entity") == "dispute_type" for e in parse.get("entities") or [])
    if name == "policy_question" and names_dispute and confidence >= UNSURE_DISPUTE_QUESTION:
        return name  # "我老板欠我工资咋个办": a dispute named and asked about
    return None


def separate(
    incoming: Incoming,
    text: str,
    understood: Callable[[str], str | None],
    opens_form: Callable[[str], bool],
    state: Callable[[], tuple[str, str | None] | None],
    names_course: Callable[[str], bool] | None = None,
) -> list[Incoming] | None:
    """The messages to handle instead of `incoming`, or None to handle it as it is.

    `understood` gives a part's request (request_of), `opens_form` whether a request starts
    a form, `state` the conversation's (state, active form), `names_course` whether a part
    names a course."""
    parts = split_requests(text)
    if not 1 < len(parts) <= MAX_PARTS:
        return None
    intents = [understood(p) for p in parts]
    read_as: dict[int, str] = {}
    for n, p in enumerate(parts):
        if intents[n] is None and _SUM_ASKED.search(p):
            intents[n] = read_as[n] = "policy_question"
        if intents[n] is None and _FIGURE_CORRECTED.search(p):
            # "说错了 是20块一个钟不是18 还有…课要钱不": a figure of the last answer corrected,
            # read as a question about it, then the other request
            intents[n] = read_as[n] = "policy_question"
    if None in intents:
        return None
    if intents.count("mediation_request") > 1:
        # "…能不能要赔偿？我也想申请调解": the part that asks and files nothing is a question
        for n, (p, i) in enumerate(zip(parts, intents, strict=True)):
            if i == "mediation_request" and asks_rather_than_files(p.replace(" ", "")):
                intents[n] = read_as[n] = "policy_question"
    for n, i in enumerate(intents):
        if i == "course_search":
            # ("…合不合法哦 还有怀孕了可以去上瑜伽课不": the course named, however the words
            # around it read alone)
            read_as[n] = "course_search"
    repeated = {i for i in intents if intents.count(i) > 1}
    if not repeated <= _ASKED_TWICE:
        return None  # the same request twice is one request said at length
    # (two questions, or two courses asked for: "娃儿寒假有啥子活动还有我自己想学个叉车证")
    now = state()
    # inside a form only "leave it, then a question" is split ("算了不要了 我先问一下 被辞退赔好多"):
    # any other part is an answer to the form's question
    in_form_leaving = intents[0] == "cancel"
    if now is not None and (now[0] != STATE_BOT or (now[1] and not in_form_leaving)):
        return None
    order = sorted(range(len(parts)), key=lambda i: opens_form(str(intents[i])))
    if (
        intents[0] == "course_enroll"
        and names_course is not None
        and not names_course(parts[0])
        and any(names_course(p) for p in parts[1:])
    ):
        # "帮我报一个 张小燕 177… 还有合唱是星期几": the course in view is enrolled in first (the
        # form answers the question after it and asks again); asked first, the other course
        # would be the one in view
        order = list(range(len(parts)))
    out = []
    for n, i in enumerate(order):
        mid = incoming.message_id
        if mid is not None and n:
            mid = f"{mid}#{n + 1}"  # a retry of the whole message finds each part done
        # a later part is a request of its own, not a follow-up to the answer to the first
        meta = {**(incoming.metadata or {}), "split_part": n + 1} if n else incoming.metadata
        if i in read_as:  # the reading decided here, not the part's parse alone
            meta = {**(meta or {}), "read_as": read_as[i]}
        out.append(replace(incoming, text=parts[i], message_id=mid, metadata=meta))
    return out
