"""The worker's conditions for a course search, read from this message's entities."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from rasa_sdk import Tracker

from actions.course_busy import busy_days_in_latin, busy_spans, entity_values, outside_busy_text
from actions.course_context import narrows
from actions.message import entity_words, latest_confidence, latest_entity, understood_text
from bot.domain.course_questions import about_me
from bot.domain.starting_time import clock_text, earliest_start
from bot.store import courses as repo
from intents.course_rules import switch_point, switched_to_the_one_in_view

SEARCH_SLOTS = ("course_name", "course_category", "time_of_day", "weekday", "fee")


def wanted_time(tracker: Tracker) -> str | None:
    """The time of day the worker wants: the last one named outside a clause that says the
    worker is busy then ("我下午六点下班，晚上有啥课": busy in the afternoon, free in the
    evening; "星期六下午我要送货 莫得空 有没得做面点的": no time asked for)."""
    named = entity_values(tracker, "time_of_day")
    free = entity_values(tracker, "time_of_day", outside_busy=True)
    if named and not free:
        return None if busy_spans(tracker) else named[-1]
    return free[-1] if free else None


def filter_from(tracker: Tracker) -> repo.CourseFilter:
    """The worker's conditions, from this message's entities: a slot may still hold a word
    of an earlier message ("周末加班…" before "有没得学书法的" is not a weekend search)."""
    fee = latest_entity(tracker, "fee")
    name = wanted_course(tracker)
    # ("下午的喃 上午要送娃儿去补课": the child is why the morning is busy, not a kind asked;
    # but "可以带娃娃一起参加的活动" names no busy time, and asks for that kind)
    timed = any(
        entity_values(tracker, e) != entity_values(tracker, e, outside_busy=True)
        for e in ("weekday", "time_of_day")
    )
    categories = entity_values(tracker, "course_category", outside_busy=timed)
    if (
        categories
        and categories[-1] == CHILDREN
        and (
            _HAD_A_BABY.search(understood_text(tracker))
            # "我想先学下咋个带娃娃": the worker learning to care for a baby (育婴员)
            or _LEARNS_CHILDCARE.search(understood_text(tracker))
        )
    ):
        # "生了娃儿腰杆一直痛 … 可以去锻炼的课": the worker's own birth, not a class for a child
        categories = []
    if len(set(categories)) > 1 and _FOR_A_JOB.fullmatch(
        entity_words(tracker, "course_category", SKILLS) or ""
    ):
        # "想去弄个文凭 好找工作点": a job sought by way of the kind named, not the skills
        categories = [c for c in categories if c != SKILLS]
    said = entity_words(tracker, "course_category")
    ruled_out = None
    if categories and said and _ruled_out(said).search(understood_text(tracker)):
        # "有没得周末搞运动的 不要文凭那种": the kind named is the one not wanted
        ruled_out, categories = categories[-1], categories[:-1]
    if name and _named_by_its_name(tracker, name):
        # "想学点带娃儿的 有没得育婴员的课": the course named by its own name, not the kind a
        # word of the message points at (亲子活动)
        categories = []
    return repo.CourseFilter(
        category=categories[-1] if categories else None,
        time_of_day=wanted_time(tracker),
        weekdays=wanted_weekdays(tracker),
        free=True if fee == "免费" else (False if fee == "收费" and not name else None),
        name=name,
        either=_EITHER.search(outside_busy_text(tracker)) is not None,
        starts_after=earliest_start(understood_text(tracker)),
        busy_weekdays=busy_weekdays(tracker),
        busy_time=busy_time(tracker),
        not_category=ruled_out,
    )


SKILLS = "技能培训"
# words of the skills kind that only say what a course is for (intents/keywords.py)
_FOR_A_JOB = re.compile(
    r"好找活路|好找工作|找得到工作|好就业|找得到活路|好找事做|找到活路|找到工作"
)


def _ruled_out(words: str) -> re.Pattern[str]:
    # (not "不要钱的考证的": the fee ruled out, not the kind)
    return re.compile(
        rf"(?:不要|不想要|不用|不需要|莫要|不考|不读)(?:(?!钱|费)[^，,。\s]){{0,2}}{re.escape(words)}"
    )


# "晚上或者周末的", "周末还是晚上都行": either the time of day or the days
_TIME_WORD = r"(?:晚上|白天|上午|下午|早上|中午|周末|星期[一二三四五六天日]|周[一二三四五六日]|礼拜[一二三四五六天])"
_EITHER = re.compile(rf"{_TIME_WORD}的?(?:或者|或|要么|还是|也行|也可以)(?:是)?{_TIME_WORD}")


CHILDREN = "亲子活动"
_LEARNS_CHILDCARE = re.compile(
    r"学[^，,。]{0,4}(?:带|照顾|护理|照看)(?:娃|孩子|小孩|宝宝|婴儿|新生儿)"
)
_HAD_A_BABY = re.compile(
    r"生了?(?:个)?(?:娃儿?|孩子|小孩|宝宝)|生完(?:娃儿?|孩子|小孩)|坐完?月子|产后"
)


def _named_by_its_name(tracker: Tracker, name: str) -> bool:
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    return any(
        e.get("entity") == "course_name"
        and e.get("value") == name
        and isinstance(e.get("start"), int)
        and text[e["start"] : e["end"]] == name
        for e in message.get("entities") or []
    )


_WEEK = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


_BIRTH_DUE = re.compile(r"要生了|生娃|生孩子|生宝宝|生小孩|预产期|生产|坐月子|出生")


def _dates(tracker: Tracker) -> list[str]:
    """This message's date entities that are whole ISO dates (2026-12-12), not the day a
    baby is due ("我儿媳妇明年二月要生了 我想先学下咋个带娃娃")."""
    if _BIRTH_DUE.search(understood_text(tracker)):
        return []
    values = entity_values(tracker, "date", outside_busy=True)
    ok = []
    for v in values:
        try:
            date.fromisoformat(v)
        except ValueError:
            continue
        ok.append(v)
    return ok


# a busy clause that also says when the worker is free ("我平时上班只有周末有空")
_FREE_TOO = re.compile(r"有空|得空|空闲|有时间|只有|才有|可以|都行|都可以|闲")


def _inside_busy(tracker: Tracker, name: str) -> list[str]:
    text = (tracker.latest_message or {}).get("text") or ""
    inside = []
    for e in (tracker.latest_message or {}).get("entities") or []:
        start = e.get("start")
        if e.get("entity") != name or not isinstance(start, int):
            continue
        for a, b in busy_spans(tracker):
            if a <= start < b and not _FREE_TOO.search(text[a:b]):
                inside.append(str(e.get("value")))
    return inside


def busy_weekdays(tracker: Tracker) -> tuple[str, ...]:
    """The days of a clause that says the worker is busy then ("周二周四晚上要跑滴滴")."""
    days: list[str] = []
    for value in _inside_busy(tracker, "weekday"):
        days += [d for d in repo.expand_weekday(value) if d not in days]
    # ("xing qi si yao shang ban": typed in pinyin, its clauses read one by one)
    return tuple(days) or busy_days_in_latin((tracker.latest_message or {}).get("text") or "")


def busy_time(tracker: Tracker) -> str | None:
    """The time of day of a busy clause, when it names its days too."""
    inside = _inside_busy(tracker, "time_of_day")
    return inside[-1] if inside and busy_weekdays(tracker) else None


def wanted_weekdays(tracker: Tracker) -> tuple[str, ...]:
    """The days asked for: every day the message names, but not those of a clause that says
    the worker is busy then ("我星期二星期四晚上要跑单 有没得星期一星期三晚上的课": Monday and
    Wednesday); none when every day named is a busy one."""
    named = entity_values(tracker, "weekday")
    free = entity_values(tracker, "weekday", outside_busy=True)
    if named and not free and not busy_spans(tracker):
        free = named
    if not named:
        # "你帮我查下星期六有啥子课" (read as the date 下星期六): that date's day of the week
        free = [_WEEK[date.fromisoformat(v).weekday()] for v in _dates(tracker)]
    days: list[str] = []
    for value in free:
        days += [d for d in repo.expand_weekday(value) if d not in days]
    return tuple(days)


# below this, a course search naming no course or condition may be something else
SURE_SEARCH = 0.5


def unsure_search(tracker: Tracker) -> bool:
    """Read as a course search, but not surely, and naming no course and no condition."""
    return (
        latest_confidence(tracker) < SURE_SEARCH
        and not latest_entity(tracker, "course_name")
        and not narrows(tracker)
    )


def tells_a_dispute(tracker: Tracker) -> bool:
    """Read as a course search, but not surely, naming no course and a kind of labour
    dispute (加班费, 拖欠工资 …): a worker's situation, for the policy answer."""
    return (
        latest_confidence(tracker) < SURE_SEARCH
        # ("其他" names no dispute: "还有没得其他养生的")
        and latest_entity(tracker, "dispute_type") not in (None, "其他")
        and not latest_entity(tracker, "course_name")
    )


# leave from work asked about ("娃儿生了以后还有啥子假"), not a course
_ASKS_LEAVE = re.compile(
    r"(?:啥子|什么|哪些|几天|好多天|多少天|有没有|有没得|能休|可以休)的?假"
    # ("算了还是不请假了 星期天有没得啥子课": leave given up, a course asked)
    r"|(?<![不莫别])请假|(?<![不莫别])休假|产假|陪产假|育儿假|护理假|婚假|丧假"
    # "娃儿生了回去上班 喂奶的时间有没得": time off at work to nurse
    r"|喂奶|哺乳|吸奶"
    # "学校让他去厂里实习 能不能上夜班": the hours of work asked (not "我上夜班的 有没得下午的课")
    r"|(?:能不能|可不可以|能|可以|该不该|要不要)(?:上|值)夜班|实习[^，,。]{0,12}(?:能不能|可不可以|合法|工资|夜班)"
)


def asks_about_leave(tracker: Tracker) -> bool:
    """Read as a course search, but asking about leave from work and naming no course."""
    text = (tracker.latest_message or {}).get("text") or ""
    return _ASKS_LEAVE.search(text) is not None and not latest_entity(tracker, "course_name")


# an enrolment's verb right before a course's name ("我就报叉车嘛", "还是报书法")
_ENROLS_BEFORE = re.compile(r"(?<![不别莫没])(?:报|报名|报个|报一个|想学|要学)\s*$")


def wanted_course(tracker: Tracker) -> str | None:
    """The course this message names, skipping one named only as the worker's own schooling
    ("我大专毕业的 想读个本科": 专升本, not the 大专 class)."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    named = [
        e
        for e in message.get("entities") or []
        if e.get("entity") == "course_name" and e.get("value") not in (None, "")
    ]
    # ("周六要带娃 有没得礼拜天的课": 带娃 names 育婴员, in a clause that says when the
    # worker is busy)
    busy = busy_spans(tracker)
    named = [
        e
        for e in named
        if not (isinstance(e.get("start"), int) and any(a <= e["start"] < b for a, b in busy))
    ]
    at = switch_point(text)
    if at is not None and switched_to_the_one_in_view(text):
        # "把瑜伽换成这个": 瑜伽 is the course left; the one wanted is the one in view
        named = [e for e in named if (e.get("start") or 0) >= at]
    if len({str(e["value"]) for e in named}) > 1:
        # "把瑜伽换成八段锦": the course changed to, not the one left
        at = switch_point(text)
        if at is not None:
            named = [e for e in named if (e.get("start") or 0) >= at] or named
        # "算了电工那个周六周日都要去 … 我就报叉车嘛": the one the enrolment names
        named = [e for e in named if _ENROLS_BEFORE.search(text[: e.get("start") or 0])] or named
        # "带娃儿读绘本那个": 带娃儿 (a keyword of 育婴员) says who comes, the other names it
        named = [e for e in named if not _CARE.fullmatch(_span(text, e))] or named
        # "那绘本的先不管 我先报手机拍视频那个": one set aside, the other wanted
        named = [e for e in named if not _SET_ASIDE.match(text, e.get("end") or 0)] or named
        # "我拍视频其实是想卖点东西 那个直播带货的课在哪里上": the one called a class
        named = [e for e in named if _A_CLASS.match(text, e.get("end") or 0)] or named
        # "读完大专还可以升本科不 专升本那个要啥子条件": the one pointed at and asked about
        named = [e for e in named if _ASKED_OF.match(text, e.get("end") or 0)] or named
        # "我颈椎不好 想去打太极拳": the course called by its name, not by a keyword (颈椎)
        named = [e for e in named if str(e["value"]) in _span(text, e)] or named
    for e in named:
        words = _span(text, e)
        if not about_me(text, words):
            return str(e["value"])
    return str(named[0]["value"]) if named else None


# a course's name followed by what makes it the class asked about
_A_CLASS = re.compile(r"(?:的|那个|这个)?(?:课|班|培训)")
# a course's name followed by 那个 and a question about it
_ASKED_OF = re.compile(r"(?:那个|这个)\s*(?:要|是|在|好多|多少|几|啥|什么|咋|怎么|有没|收|学)")
# a course set aside right after its name ("绘本的先不管", "书法那个不报了")
_SET_ASIDE = re.compile(
    r"[^，,。\s]{0,4}?(?:先不管|不管了|不报了?|先不报|不要了|不去了|不学了|算了|不考虑|放一边|以后再说|下回再说)"
)
# taking a child along, said with a word that is also a keyword of the childcare course
_CARE = re.compile(r"带(?:娃儿?|娃娃|孩子|小孩)|娃儿?|孩子|小孩")


def _span(text: str, entity: dict) -> str:
    start, end = entity.get("start"), entity.get("end")
    return text[start:end] if isinstance(start, int) and isinstance(end, int) else ""


# "育婴员跟家政服务员这两个 哪个适合我", "书法还是插花好": courses set side by side
_COMPARES = re.compile(
    r"哪个|哪门|哪一个|哪一门|还是|比较|对比|区别|不同|不一样|差别|差异|这两|两个|两门"
)


def compared_courses(tracker: Tracker) -> list[str]:
    """The courses a message names to compare them (two or more, in order), else []."""
    message = tracker.latest_message or {}
    if not _COMPARES.search(message.get("text") or ""):
        return []
    names = [
        str(e["value"])
        for e in message.get("entities") or []
        if e.get("entity") == "course_name" and e.get("value") not in (None, "")
    ]
    names = list(dict.fromkeys(names))
    return names if len(names) >= 2 else []


def describe(f: repo.CourseFilter) -> str:
    """The conditions in the worker's words, for "没有找到…" messages."""
    if f.either and f.weekdays and f.time_of_day:
        return f"{f.time_of_day}或{'、'.join(f.weekdays)}" + describe(
            replace(f, weekdays=(), time_of_day=None, either=False)
        )
    parts = [
        "、".join(f.weekdays) if f.weekdays else "",
        f.time_of_day or "",
        clock_text(f.starts_after) if f.starts_after is not None else "",
        "免费" if f.free else ("收费" if f.free is False else ""),
        f.category or "",
        f"“{f.name}”" if f.name else "",
        f"在{f.place}附近" if f.place else "",
    ]
    return "".join(p for p in parts if p)
