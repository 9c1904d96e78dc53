"""Several requests in one message: "报个书法班，顺便问下加班费咋个算" asks two things.

Only explicit joining words split a message (顺便, 另外, 还有个问题, 再问一下 …); a story
told in one breath ("老板欠我工资，还不给买社保") stays one message. Whether the parts really are
separate requests is for the caller to decide from how each part is understood.
"""

from __future__ import annotations

import re

_JOIN = re.compile(
    r"[，,。；;！!？?\s]*"
    r"(?:顺便(?:再)?(?:问|说|咨询|了解)?(?:一)?[下哈]?|顺带(?:问)?(?:一)?[下哈]?|另外(?:再)?(?:问一下|还有)?|"
    r"还有(?:个|一个)(?:问题|事|事情)|还想(?:问|了解)(?:一)?[下哈]?|再(?:问|咨询)(?:一)?[下哈]|先问(?:一)?[下哈]|"
    # "八段锦啥时候上课 还有加班费是咋个算的": 还有 after a pause, not "还有没得别的"
    r"(?<=[\s，,。；;！!？?])还有(?!没|名额|位置|空位|啥|什么|别的|其他|其它|吗|不|呢|几|多少|好多)|"
    # "书法班是星期几还有就是我老板欠我工资咋个办": 还有就是 joins two questions anywhere
    r"还有就是|另外就是|"
    # "老板说要把她辞退 还说产假期间不发工资": a second thing the boss said, after a pause
    r"(?<=[\s，,。；;！!？?])还说(?=[^，,。]{4,})|"
    # "娃儿寒假有啥子活动还有我自己想学个叉车证": 还有 before the worker's own wish
    r"还有(?=我(?:自己|老婆|老公|爱人|屋头)?(?:也|还)?(?:想|要))|"
    r"other than that|also,? ?)"
    r"(?:就是|是)?[，,：:\s]*",
    re.IGNORECASE,
)
MIN_PART = 2


# "…算了 帮我取消了嘛 有没得晚上上的": a cancellation, then a search for something else
_CANCEL_THEN_ASK = re.compile(
    r"(?:(?<=取消了嘛)|(?<=取消了吧)|(?<=取消了)|(?<=取消嘛)|(?<=取消吧)|(?<=不报了)|(?<=不去了))"
    r"[\s，,。]+"
    r"(?=(?:那|还)?(?:有没得|有没有|有莫得|有不有))"
)
# two whole questions side by side, no joining word: "女职工产假有好多天 男的陪产假有没得"
_ENDS_ASKING = re.compile(
    r"(?:吗|么|没得|没有|有没|好多天|几天|多少天|好多钱|多少钱|几倍|几个月|好久|多久"
    r"|咋个算|怎么算|咋算|合法不|合不合法|行不行|可以不|能不能)[？?]?$"
)
_PAUSE = re.compile(r"[？?]\s*|\s+")
MIN_QUESTION = 5
# a question, then a request of its own: "…能不能要赔偿？我也想申请调解"
_ASK_THEN_REQUEST = re.compile(
    r"(?<=[？?])\s*(?=我?(?:也|还|再|就)?(?:想|要)(?:申请|找你们|报名|报个))"
    # "那一共该要好多 帮我申请调解": the sum asked, then the request
    r"|(?<=好多|多少)\s+(?=(?:那|然后)?(?:帮我|给我)(?:申请|登记))"
)


def _side_by_side(value: str) -> list[str]:
    """The two questions of "A有好多天 B有没得": split at the one pause where both halves
    are whole questions of some length (each ends asking)."""
    for m in _PAUSE.finditer(value):
        left, right = value[: m.start()].strip(), value[m.end() :].strip()
        if (
            len(left) >= MIN_QUESTION
            and len(right) >= MIN_QUESTION
            and _ENDS_ASKING.search(
                left + ("？" if "?" in m.group(0) or "？" in m.group(0) else "")
            )
            and _ENDS_ASKING.search(right)
        ):
            return [left, right]
    return [value]


# questions counted off: "问两个事 一是年休假有好多天 二是八段锦在哪里上", "1.… 2.…"; not
# "第二个" (a course of a list)
_COUNTED = re.compile(
    r"(?:^|(?<=[\s，,。；;：:？?！!]))"
    r"(?:[一二三]是|第[一二三](?:是|[，,：:、\s])|(?:另|还有)?一个是|[1-3一二三][.、)）](?!\d))\s*"
)
MIN_COUNTED = 4


def _counted(value: str) -> list[str] | None:
    """The questions of a message that counts them off, without the words that announce them
    ("问两个事"), or None when it counts off fewer than two."""
    marks = list(_COUNTED.finditer(value))
    if len(marks) < 2:
        return None
    ends = [m.start() for m in marks[1:]] + [len(value)]
    parts = [value[m.end() : end].strip(" ，,。；;：:") for m, end in zip(marks, ends, strict=True)]
    if any(len(p) < MIN_COUNTED for p in parts):
        return None
    return parts


# a position in a list pointed at, and the words that join two requests whatever else is said
_POINTS_INTO_A_LIST = re.compile(r"第[一二三四五六七八九十\d]{1,2}个")
_ASKS_MORE = re.compile(
    r"顺便|顺带|另外|还有(?:个|一个)(?:问题|事)|还想(?:问|了解)|再(?:问|咨询)|还有就是"
)


# a part that only announces what follows ("我想补充一下 老板还说…"): one with it
_ANNOUNCES = re.compile(
    r"(?:我|我想|我要|再|还)?(?:补充|说|讲)(?:一下|一哈|下|个事|几句)?[，,。\s]*"
)


def _announced(parts: list[str]) -> list[str]:
    """The parts, each that only announces the next one put before it."""
    kept: list[str] = []
    for part in parts:
        if kept and _ANNOUNCES.fullmatch(kept[-1]):
            kept[-1] = f"{kept[-1]} {part}"
        else:
            kept.append(part)
    return kept


def split_requests(text: str) -> list[str]:
    """The message's parts at joining words, in order; [text] when there is only one."""
    value = (text or "").strip()
    counted = _counted(value)
    if counted is not None:
        return counted
    parts = [p.strip(" ，,。；;：:") for p in _JOIN.split(value)]
    parts = [p for p in parts if len(p) >= MIN_PART]
    if len(parts) > 1 and _POINTS_INTO_A_LIST.search(value) and not _ASKS_MORE.search(value):
        # "我看到有烘焙 乒乓球 还有电工 第三个要啥子条件": 还有 goes on a list it counts in
        return [value]
    if len(parts) > 1:
        return _announced(parts)
    asked = [p.strip() for p in _ASK_THEN_REQUEST.split(value) if len(p.strip()) >= MIN_PART]
    if len(asked) > 1:
        return asked
    dropped = [p.strip() for p in _CANCEL_THEN_ASK.split(value) if len(p.strip()) >= MIN_PART]
    return dropped if len(dropped) > 1 else _side_by_side(value)
