"""Courses as workers read them, and matching what a worker typed to catalogue courses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from bot.domain.course_places import short_place
from bot.domain.course_sounds import misheard
from bot.store.models import Course
from intents.entities import BRINGS_A_CHILD

COURSE_CATEGORIES = ("幸福学堂", "技能培训", "学历提升", "亲子活动")
# a list line names the seats left only when they are this few
FEW_SEATS = 5

# words that say "I want a course" but not which one; longest first when stripped
_FILLERS = sorted(
    (
        "我想报名 我要报名 想报名 报名 我想学 我想要 我想 我要 想学 想要 学习 参加 有没有 有什么"
        " 有哪些 哪些 什么 课程 课 培训班 班 请问 你们 工会 能不能 可以 一下 看看 查查 查询 推荐"
        " 一些 一个 的 吗 呢 啊 呀 吧 了 我 想 学 报 上午 下午 晚上 周末 周一 周二 周三 周四 周五"
        " 周六 周日 周天 星期 免费 不要钱 收费 开 在 哪里 时候 最近 现在 我们 大家 适合 还有"
        " 有 没 还 都 这 那 个 些 哪 能 会 去 给 好 多 点 看 别的 其他 其它"
        # fillers and Chongqing dialect: 有啥子课, 有没得, 嗯那个就是说, 看一哈
        " 有没得 没得 有莫得 莫得 啥子 撒子 啥 咋个 咋 怎么 怎样 嗯 那个 这个 就是说 就是 一哈 一下子 嘛 哈"
        " 撒 噻 哦 喔 嘞 勒 哇 呗 不 么 吗 好多 所有 全部 列出 报个"
        # where: 城南那边的, 文化宫附近
        " 那边 这边 旁边 附近 边上 周边 那里 这里 街道 离我近 近点 近一点"
    ).split()
    + list(COURSE_CATEGORIES),
    key=len,
    reverse=True,
)
_NON_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]+")


_NEXT_TERM = re.compile(r"[^。！!；;，,]*(?:下一期|下期|下一批|下学期|明年)[^。！!；;]*[。！!；;]?")


def next_term_text(course: Course) -> str:
    """What the course's description says of its next term ("下一期预计2027年3月开班。"),
    or that a new term may be enrolled when it opens."""
    m = _NEXT_TERM.search(course.description or "")
    if m is None:
        return "新一期开放后可以再报。"
    sentence = m.group(0).strip()
    return sentence if sentence[-1] in "。！!；;" else sentence + "。"


def closed_text(course: Course) -> str:
    """A course that takes no enrolment now: say so, and when the next term is."""
    return f"「{course.name}」这一期已经停止报名了，{next_term_text(course)}"


def fee_text(course: Course) -> str:
    return "免费" if course.fee == 0 else f"{course.fee}元"


_WEEK = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
# three days or more in a row read as a span ("周一至周五"), as a notice board writes them
SPAN_FROM = 3


def _days_text(days: list[str]) -> str:
    places = [_WEEK.index(d) for d in days if d in _WEEK]
    if len(places) == len(days) >= SPAN_FROM and places == list(
        range(places[0], places[0] + len(places))
    ):
        return f"{days[0]}至{days[-1]}"
    return "、".join(days)


def when_text(course: Course) -> str:
    """每周二、周四 晚上 19:00-20:30 — the line a worker plans their week by."""
    days = _days_text(list(course.weekdays or []))
    parts = [f"每{days}" if days else "", course.time_of_day or "", course.time or ""]
    return " ".join(p for p in parts if p) or "时间待定"


def period_text(course: Course) -> str:
    """12月5日开课，1月23日结课，共8次 (a parent plans the holidays by the last day)."""
    parts = []
    if course.start_date:
        parts.append(f"{course.start_date.month}月{course.start_date.day}日开课")
    end = course.end_date
    if end and end != course.start_date:
        # a course of years ends in another year: "2029年7月14日结课", not "7月14日"
        later = course.start_date is not None and end.year != course.start_date.year
        parts.append((f"{end.year}年" if later else "") + f"{end.month}月{end.day}日结课")
    if course.sessions:
        parts.append(f"共{course.sessions}次")
    return "，".join(parts)


def seats_text(left: int | None) -> str:
    if left is None:
        return "不限"
    return f"剩余{left}个" if left > 0 else "已满，可报名候补"


def course_line(index: int, course: Course, left: int | None) -> str:
    """One course in a list as one line (a phone shows a list of five at a glance; 详情 shows
    the whole card): 3. 书法（幸福学堂）周二、周四 晚上 19:00 · 区工人文化宫 · 免费."""
    days = _days_text(list(course.weekdays or []))
    start = (course.time or "").split("-")[0]
    when = " ".join(p for p in (days, course.time_of_day or "", start) if p) or "时间待定"
    parts = [when, short_place(course.venue), fee_text(course)]
    if left is not None and left <= FEW_SEATS:
        parts.append("已满，可候补" if left <= 0 else f"仅剩 {left} 个名额")
    return f"{index}. {course.name}（{course.category}）" + " · ".join(parts)


# the worker's own age said, even without 岁 ("我今年55了"), to take it out of a search
# (course_requirements reads the age itself, for a course's requirement)
_AGE_SAID = re.compile(
    r"(?:我|本人)?(?:今年|都|快|已经)?(?:\d{2}|[四五六七八]十[一二三四五六七八九几多]?)(?:岁|多岁)?了"
)


# "我退休两年了 … 适合我们老年人耍的课": an older worker, without a number
_OLDER = re.compile(r"退休|老年人|老人家|老年|岁数大|年纪大|上了年纪")


def tells_own_age(text: str | None) -> bool:
    """ "我今年55了 有没得适合我的课": the worker tells their own age (no child's courses)."""
    return _AGE_SAID.search(text or "") is not None or _OLDER.search(text or "") is not None


# a phone that is no course's word: the number, playing with it, someone's phone used
_PHONE_NOT_A_COURSE = re.compile(
    r"手机号码?|手机(?=\s*[:：]?\s*1\d{10})|[耍玩刷看用拿借摸][了着个下]?手机|(?:我|他|她|你|老婆|老公|屋头|家里|别人)的?手机(?!摄影|拍|视频|剪)"
)


def residual(text: str | None) -> str:
    """What is left of a message once the generic course-asking words are removed."""
    value = text or ""
    if value.startswith("/"):
        return ""
    # "带娃儿去的": who comes along (read as the kind, 亲子活动), not a course's word
    value = BRINGS_A_CHILD.sub(" ", value)
    # "我今年55了", "我快六十了": the worker's own age, not a course's word
    value = _AGE_SAID.sub(" ", value)
    # "手机号158…", "上班耍手机", "用我老婆手机报的": a phone as a contact or a thing, not the
    # photography course
    value = _PHONE_NOT_A_COURSE.sub(" ", value)
    for word in _FILLERS:
        value = value.replace(word, " ")
    return _NON_WORD.sub(" ", value).strip()


def is_specific(words: str) -> bool:
    """A residual of single characters says nothing about which course."""
    return any(len(chunk) >= 2 for chunk in words.split())


def _bigrams(text: str) -> set[str]:
    grams: set[str] = set()
    for chunk in text.split():
        grams.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
        if len(chunk) == 1:
            grams.add(chunk)
    return grams


def text_score(course: Course, text: str) -> int:
    """How strongly a message points at a course (0 = not at all)."""
    score = 0
    if course.name and course.name in text:
        score += 10
    score += 5 * sum(1 for k in course.keywords or [] if k and k in text)
    rest = residual(text)
    if rest:
        keywords = " ".join(course.keywords or [])
        for gram in _bigrams(rest):
            if any(ch.isdigit() for ch in gram):
                # digits of a phone number or a sum ("报一个 我叫付强 189…") say nothing of a
                # course, though a description holds figures too ("18岁", "5400元")
                continue
            if len(gram) == 1:
                # one character alone ("教", "读") says little: never a match by itself
                score += 1 if gram in course.name or gram in keywords else 0
            elif gram in course.name:
                score += 3
            elif gram in keywords:
                score += 2
            elif misheard(gram, course.name, course.keywords or []):
                score += 2  # a typo or near-homophone: 书发, 乒乓求, 瑜珈
            elif gram in (course.description or ""):
                score += 1
    return score


def keyword_hits(course: Course, text: str) -> set[str]:
    """The course's own name and keywords that the message says."""
    return {k for k in [course.name, *(course.keywords or [])] if k and k in text}


def clear_lead(courses: Sequence[Course], text: str) -> Course | None:
    """The one course of several that the message's words point at beyond the rest: it says
    a word of that course no other says, and every word it says of the others is one of that
    course's too ("我做护理好几年了还没得证 有没得考证的课": 养老护理员 among the certificate
    courses). None when two are alike or it says nothing of any."""
    hits = [(c, keyword_hits(c, text)) for c in courses]
    for c, own in hits:
        others = [h for o, h in hits if o is not c]
        if others and own and all(h < own for h in others):
            return c
    return None


def rank_by_text(courses: Iterable[Course], text: str, min_score: int = 2) -> list[Course]:
    """Courses the message points at, strongest first (stable for equal scores)."""
    scored = [(text_score(c, text), i, c) for i, c in enumerate(courses)]
    return [c for s, _, c in sorted(scored, key=lambda t: (-t[0], t[1])) if s >= min_score]


def resolve(courses: Sequence[Course], value: str | None) -> list[Course]:
    """The course(s) a worker means by a code, a name or a phrase: one, several, or none."""
    value = (value or "").strip()
    if not value:
        return []
    upper = value.upper()
    for c in courses:
        if c.code.upper() == upper or c.name == value:
            return [c]
    named = [c for c in courses if c.name in value or (len(value) >= 2 and value in c.name)]
    if named:
        longest = max(len(c.name) for c in named)
        return [c for c in named if len(c.name) == longest][:5]
    scored = sorted(((text_score(c, value), c) for c in courses), key=lambda t: -t[0])
    scored = [(s, c) for s, c in scored if s >= 2]
    if not scored:
        return []
    best = scored[0][0]
    return [c for s, c in scored if s == best][:5]


def promotion_text(course: Course) -> str:
    """A waitlisted worker got a place."""
    venue = course.venue or "另行通知"
    return (
        f"好消息：您候补的「{course.name}」有空位了，已为您报名成功。"
        f"上课时间：{when_text(course)}，地点：{venue}。"
        "如果不能参加，请说“我的报名”取消，把名额让给其他职工。"
    )


def cancelled_by_staff_text(course: Course) -> str:
    """An admin cancelled the worker's enrolment."""
    return f"您报名的「{course.name}」已由工会工作人员取消。如有疑问，可以说“转人工”联系工作人员。"


# "那有没得差不多的", "有没得类似的课", "像这种的还有没得": courses like the one in view
_LIKE_THIS = re.compile(
    r"差不多的|差不多那种|类似|相似|相近|同类|像(?:这|那)(?:种|个|样)|这(?:一)?类的|跟(?:这|它)(?:个)?差不多"
)
# keywords too general to make two courses alike (every certificate course has 考证, every
# sport 锻炼)
_GENERAL_KEYWORDS = frozenset(
    {"考证", "拿证", "证书", "孩子", "娃儿", "锻炼", "练身体", "运动", "健身"}
)


def asks_like_this(text: str | None) -> bool:
    """The message asks for courses like the one just talked about."""
    return bool(_LIKE_THIS.search(text or ""))


def similar_courses(course: Course, available: Iterable[Course]) -> list[Course]:
    """The open courses most like `course`: sharing its particular keywords first (太极拳 and
    八段锦 share 养生), then those of its kind; never the course itself."""
    own = {k for k in course.keywords or [] if k not in _GENERAL_KEYWORDS}
    others = [c for c in available if c.id != course.id]
    scored = [(len(own & set(c.keywords or [])), i, c) for i, c in enumerate(others)]
    alike = [c for n, _, c in sorted(scored, key=lambda t: (-t[0], t[1])) if n]
    if alike:
        return alike
    # then its kind, those sharing a general keyword first (叉车: the other 考证 courses)
    general = set(course.keywords or []) & _GENERAL_KEYWORDS
    kind = [(len(general & set(c.keywords or [])), i, c) for i, c in enumerate(others)]
    return [
        c for _, _, c in sorted(kind, key=lambda t: (-t[0], t[1])) if c.category == course.category
    ]


_CERTIFICATE_WORDS = frozenset({"考证", "拿证", "证书"})


def gives_certificate(course: Course) -> bool:
    """The course ends in a certificate exam (its keywords say 考证, 拿证 or 证书)."""
    return bool(_CERTIFICATE_WORDS & set(course.keywords or []))


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")


def _minutes(course: Course) -> tuple[int, int] | None:
    m = _CLOCK.search(course.time or "")
    if m is None:
        return None
    a, b, c, d = (int(x) for x in m.groups())
    return a * 60 + b, c * 60 + d


def clashes(first: Course, second: Course) -> bool:
    """The two courses meet on a same day at overlapping hours while both run."""
    days = [d for d in first.weekdays or [] if d in (second.weekdays or [])]
    spans = _minutes(first), _minutes(second)
    dates_meet = not (
        first.start_date
        and second.start_date
        and first.end_date
        and second.end_date
        and (first.end_date < second.start_date or second.end_date < first.start_date)
    )
    return bool(
        days
        and dates_meet
        and None not in spans
        and spans[0][0] < spans[1][1]  # type: ignore[index]
        and spans[1][0] < spans[0][1]  # type: ignore[index]
    )


def clash_text(first: Course, second: Course) -> str:
    """Whether two courses can both be taken: the days and hours they share while both run
    ("两个都想报 时间对得上不")."""
    if clashes(first, second):
        days = [d for d in first.weekdays or [] if d in (second.weekdays or [])]
        return (
            f"「{first.name}」和「{second.name}」都在{'、'.join(days)}，上课时间有重叠"
            f"（{first.time} 和 {second.time}），两门同时上不了，只能先报一门。"
        )
    times = "；".join(
        f"「{c.name}」每{'、'.join(c.weekdays or [])} {c.time}" for c in (first, second) if c.time
    )
    said = f"{times}。" if times else ""
    return f"{said}「{first.name}」和「{second.name}」的上课时间不冲突，可以都报。"


def alike_meeting(
    course: Course, available: Iterable[Course], meets: Callable[[Course], bool]
) -> list[Course]:
    """The open courses like `course` that `meets` accepts: the most alike first, and when
    none of those meets, any sharing a keyword with it (太极拳 closed, asked at the weekend:
    乒乓球 shares 锻炼)."""
    alike = [c for c in similar_courses(course, available) if meets(c)]
    if alike:
        return alike
    own = set(course.keywords or [])
    sharing = [
        (len(own & set(c.keywords or [])), i, c)
        for i, c in enumerate(available)
        if c.id != course.id and own & set(c.keywords or []) and meets(c)
    ]
    return [c for _, _, c in sorted(sharing, key=lambda t: (-t[0], t[1]))]
