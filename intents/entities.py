"""Entity extraction: rules (phone, ID, money, date, duration) plus gazetteers."""

from __future__ import annotations

import functools
import logging
import re
from datetime import date

from pypinyin import lazy_pinyin

from intents.dates import find_dates
from intents.keywords import BUILTIN, Gazetteer
from intents.normalise import fold
from intents.options import CourseRef
from intents.patterns import Candidate, find_durations, find_ids_and_phones, find_money
from intents.training_data import TrainingData

log = logging.getLogger(__name__)

# entities found by rules; annotated examples of these are not used as gazetteer entries
RULE_ENTITIES = {"phone", "id_number", "money", "date", "duration"}
# priorities: lower wins when two candidates cover the same span length
P_CATALOGUE, P_TRAINING, P_KEYWORD, P_BUILTIN = 0, 1, 2, 3
_COURSE_SUFFIXES = re.compile(r"(?:[（(][^）)]*[）)]|培训班|培训|课程|入门|基础班|初级班|班|课)+$")


_CJK = re.compile(r"[\u4e00-\u9fff]+")
_COURSE_CUE = re.compile(r"学|报|练|班|课|培训|老师")


def _syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin of each character, read alone (so a window's sound is a slice)."""
    return tuple(map(_syllable, text))


@functools.lru_cache(maxsize=8192)
def _syllable(char: str) -> str:
    """One character's toneless pinyin, read alone (pypinyin reads a list item by item, so
    this is `lazy_pinyin(list(text))` a character at a time; kept: every message's runs of
    Chinese are read for misheard course names)."""
    return "".join(lazy_pinyin([char]))


def _sound(text: str) -> str:
    """Toneless pinyin, syllables joined ("书发" and "书法" are both "shufa")."""
    return "".join(_syllables(text))


@functools.lru_cache(maxsize=4096)
def _keyword_sounds(key: str) -> tuple[str, str]:
    """A course keyword's sound read character by character and as a phrase (伽 alone is
    "ga", in 瑜伽 "jia"). Kept: every catalogue refresh and every app built learns the same
    keywords again, and pypinyin is most of that work."""
    return _sound(key), "".join(lazy_pinyin(key))


class EntityExtractor:
    """Finds entities in a message; offsets are into the original (unfolded) text."""

    def __init__(self, data: TrainingData | None = None) -> None:
        self.gazetteer = Gazetteer()
        self.synonyms: dict[str, str] = {}
        self._unplaced: dict[str, str] = {}  # synonyms whose canonical value has no entity yet
        self.regexes: list[tuple[str, re.Pattern]] = []
        # toneless pinyin of a course keyword -> (keyword, course name)
        self._course_sounds: dict[str, tuple[str, str]] = {}
        for entity, table in BUILTIN.items():
            for value, surfaces in table.items():
                for surface in [value, *surfaces]:
                    self.gazetteer.add(surface, entity, value, "keyword", P_BUILTIN)
        if data is not None:
            self._learn(data)

    def _learn(self, data: TrainingData) -> None:
        """Add synonyms, lookup tables, regexes and annotated surfaces from training data."""
        self.synonyms = {fold(k).strip(): v for k, v in data.synonyms.items()}
        value_entity: dict[str, str] = {}
        for entity, table in BUILTIN.items():
            for value in table:
                value_entity.setdefault(value, entity)
        for example in data.examples:
            for ent in example.entities:
                if ent["entity"] in RULE_ENTITIES:
                    continue
                surface = example.text[ent["start"] : ent["end"]]
                value = self.synonyms.get(fold(surface).strip(), str(ent["value"]))
                value_entity.setdefault(value, ent["entity"])
                if len(surface.strip()) >= 2:
                    self.gazetteer.add(surface, ent["entity"], value, "training", P_TRAINING)
        for name, items in data.lookups.items():
            for item in items:
                value = self.synonyms.get(fold(item).strip(), item)
                self.gazetteer.add(item, name, value, "lookup", P_TRAINING)
                value_entity.setdefault(value, name)
        for surface, value in data.synonyms.items():
            entity = value_entity.get(value)
            if entity is None:
                self._unplaced[surface] = value
            elif entity not in RULE_ENTITIES and len(surface.strip()) >= 2:
                self.gazetteer.add(surface, entity, value, "synonym", P_TRAINING)
        for name, patterns in data.regexes.items():
            if name in RULE_ENTITIES or name == "dispute_type":
                # a phone/id_number regex: the validated rules above replace it; the
                # dispute_type ones are for Rasa, copies of _DISPUTE_PHRASES, which give the
                # value each phrase means
                continue
            for pattern in patterns:
                try:
                    self.regexes.append((name, re.compile(pattern, re.IGNORECASE)))
                except re.error as exc:
                    log.warning("skipping regex %s %r: %s", name, pattern, exc)

    def set_courses(self, courses: list[CourseRef]) -> None:
        """Replace the catalogue: exact names, keywords and suffix-less short names."""
        self.gazetteer.remove("catalogue")
        claimed: dict[str, set[str]] = {}
        for course in courses:
            surfaces = set(course.keywords)
            short = _COURSE_SUFFIXES.sub("", course.name)
            if len(short) >= 2:
                surfaces.add(short)
            for surface in surfaces:
                key = fold(surface).strip()
                if key:
                    claimed.setdefault(key, set()).add(course.name)
        for key, names in claimed.items():
            if len(names) == 1:  # a keyword shared by several courses names none of them
                self.gazetteer.add(key, "course_name", next(iter(names)), "catalogue", P_KEYWORD)
        names = {c.name for c in courses}
        for surface, value in self._unplaced.items():  # e.g. synonym 学做蛋糕 -> a course name
            if value in names and len(surface.strip()) >= 2:
                self.gazetteer.add(surface, "course_name", value, "catalogue", P_TRAINING)
        for course in courses:
            self.gazetteer.add(course.name, "course_name", course.name, "catalogue", P_CATALOGUE)
        # "书发班", "乒乓求", "瑜珈": a course word typed by its sound (a pinyin keyboard's slip)
        self._course_sounds = {}
        for key, names in claimed.items():
            if len(names) == 1 and 2 <= len(key) <= 4 and _CJK.fullmatch(key):
                for sound in _keyword_sounds(key):
                    self._course_sounds.setdefault(sound, (key, next(iter(names))))

    def extract(
        self, original_text: str, normalised_text: str | None = None, today: date | None = None
    ) -> list[dict]:
        """Entities with offsets into `original_text`; relative dates resolved against `today`.

        `normalised_text` is used when it has the original's length (so offsets align);
        otherwise the original is folded again here.
        """
        text = normalised_text
        if text is None or len(text) != len(original_text):
            text = fold(original_text)
        today = today or date.today()
        found: list[Candidate] = []
        found += find_ids_and_phones(text)
        found += find_money(text)
        found += find_dates(text, today)
        found += find_durations(text)
        found += [
            Candidate(*hit)
            for hit in self.gazetteer.find(text)
            # ("我在火锅店当钟点工": the worker's own job, not the course that keyword names)
            if not (
                hit[2] == "course_name" and hit[4] == "catalogue" and _own_job(text, hit[0], hit[1])
            )
            # ("报 我叫谭亮 … 大专证有的": a schooling held, however the keyword is known)
            and not (hit[2] == "course_name" and _schooling_held(text, hit[0], hit[1]))
        ]
        for name, pattern in self.regexes:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append(Candidate(m.start(), m.end(), name, m.group(0), "regex", 4))
        for m in BRINGS_A_CHILD.finditer(text):
            # "带娃儿去的有没得": a parent bringing a child (亲子活动), longer than 带娃儿, the
            # childcare course's keyword
            found.append(Candidate(m.start(), m.end(), "course_category", "亲子活动", "rule", 4))
        if not any(c.entity == "course_name" for c in found):
            found += self._misheard_courses(text)
        entities = [self._to_dict(c, original_text) for c in _resolve(found)]
        if not any(e["entity"] == "dispute_type" for e in entities):
            entities += [self._to_dict(c, original_text) for c in find_dispute_phrases(text)]
        elif DISMISSAL.search(text):
            # "合同没到期就把我辞了": the contract is named, the dispute is the dismissal
            for e in entities:
                if e["entity"] == "dispute_type" and e["value"] == "劳动合同":
                    e["value"] = "解除劳动合同"
        return entities

    def _misheard_courses(self, text: str) -> list[Candidate]:
        """Course words typed by their sound: a run of Chinese characters that sounds like
        one keyword and shares at least one character with it in place (书发 for 书法, not
        any word that happens to sound alike), and is no word the gazetteer knows."""
        found: list[Candidate] = []
        if not self._course_sounds:
            return found
        for m in _CJK.finditer(text):
            run = m.group(0)
            syllables = _syllables(run)
            for size in (4, 3, 2):
                for i in range(len(run) - size + 1):
                    window = run[i : i + size]
                    hit = self._course_sounds.get("".join(syllables[i : i + size]))
                    if hit is None or window == hit[0] or window in self.gazetteer.entries:
                        continue
                    same = sum(a == b for a, b in zip(window, hit[0], strict=True))
                    start = m.start() + i
                    near = text[max(0, start - 2) : start + size + 2]
                    # one shared character is enough only beside a course word (学瑜珈, 书发班)
                    if same >= 2 or (same == 1 and _COURSE_CUE.search(near)):
                        found.append(
                            Candidate(start, start + size, "course_name", hit[1], "sound", 5)
                        )
        return found

    def _to_dict(self, c: Candidate, original: str) -> dict:
        """Rasa-shaped entity dict, with synonyms applied to free-text values."""
        value = c.value
        if c.extractor == "regex":
            value = self.synonyms.get(fold(value).strip(), original[c.start : c.end])
        return {
            "entity": c.entity,
            "value": value,
            "start": c.start,
            "end": c.end,
            "extractor": c.extractor,
        }


# a dismissal told in words: 把我辞了, 喊我明天不来了, 让我走人
DISMISSAL = re.compile(
    r"把我(?:给)?(?:辞|开|炒|撵|赶|踢|裁)|辞退|开除|解雇|炒鱿鱼|炒了我|裁了我"
    # "试用期被辞了", "我遭开了": let go, said with 被/遭
    r"|(?:被|遭)(?:老板|公司|厂里|厂头|单位)?(?:辞|开|炒|裁)(?:了|掉|退)"
    # "公司说要裁我", "硬要辞我": the employer means to let the worker go
    r"|(?<![不别莫])(?:要|想|准备|打算)(?:裁|辞|开)(?:掉)?我(?![的们])"
    # "把我们几个老员工都辞了", "老板把他们全部裁掉": several of them let go
    # (not "把我们的工资开了": wages paid)
    r"|把(?:我们|他们|咱们|大家)(?:(?!工资|工钱|钱|证明|票|账)[^，。,！？!?]){0,8}?(?:给)?"
    r"(?:辞|开|炒|撵|赶|踢|裁)(?:了|掉|退|除)"
    r"|(?:辞|裁|炒)了(?:我们|咱们|好多人|一批人)"
    r"|(?:喊|叫|让)我(?:明天|第二天|明早|下个月|下周|马上)?(?:就)?(?:不用来|不要来|别来|莫来|不来|走人|滚|卷铺盖)"
    # "厂头喊我不做了", "老板叫我别干了": told to stop working there
    r"|(?:喊|叫|让)我(?:明天|第二天|明早|下个月|下周|马上)?(?:就)?(?:不做|不干|别做|别干|莫做|莫干)了"
    # "主管说明天就不要来了": told not to come back
    r"|(?:明天|第二天|下个月|下周|下个?星期|下个?礼拜|以后)(?:就|都)?(?:不要|不用|别|莫)(?:再)?来(?:了|上班)"
)
# word orders the keyword table cannot list: 欠了我三个月工资, 拖了我两个月工资, 工资拖了两个月都没发
_DISPUTE_PHRASES = [
    (
        re.compile(r"(?:拖|欠|压)[了着]?[^，。,.!?！？]{0,10}?(工资|工钱|薪水|薪资|提成)"),
        "拖欠工资",
    ),
    (
        re.compile(
            r"(工资|工钱|薪水|薪资|提成)[^，。,.!?！？]{0,10}?(没发|不发|没给|不给|拖着|没到账)"
        ),
        "拖欠工资",
    ),
    # "他拿了钱就跑了 一共欠我们13万8": a sum owed to a group of workers told without the word
    # 工资 (not "欠我两万": one person's sum may be a loan)
    (
        re.compile(
            r"(?:拖|欠)[了着]?(?:我们|大家|工人们?|工友们?)(?:的)?(?:一共|总共|共)?"
            r"[0-9一二两三四五六七八九十百千万]+(?:\.\d+)?(?:万|千|块|元)"
        ),
        "拖欠工资",
    ),
    (re.compile(r"加班[^，。,.!?！？]{0,8}?(没给钱|不给钱|没有钱|没算钱)"), "加班费"),
    (
        re.compile(r"(没|不)[^，。,.!?！？]{0,6}?(买|交|缴)[^，。,.!?！？]{0,4}?(社保|保险)"),
        "社会保险",
    ),
    (DISMISSAL, "解除劳动合同"),
]


def find_dispute_phrases(text: str) -> list[Candidate]:
    """A dispute described in a phrase rather than a keyword (first match only)."""
    for pattern, value in _DISPUTE_PHRASES:
        m = pattern.search(text)
        if m:
            return [Candidate(m.start(), m.end(), "dispute_type", value, "rule", 5)]
    return []


BRINGS_A_CHILD = re.compile(
    # "带娃儿去", "周末带娃儿的有没得": a parent bringing a child; not "学带娃儿" (育婴)
    r"(?<![学教习])带(?:上)?(?:娃儿|娃娃|娃|孩子|小孩|儿子|女儿)(?:一起|一块儿?)?"
    r"(?:去|来|参加|过去|玩|耍|的(?![技证本]))"
    # "陪娃儿的", "跟孩子一起的活动"
    r"|(?:陪|和|跟)(?:娃儿|娃娃|孩子|小孩|儿子|女儿)(?:一起|一块儿?)"
)


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates (then best priority) that do not overlap, in text order."""
    taken: list[Candidate] = []
    used = bytearray()
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if len(used) < c.end:
            used.extend(b"\0" * (c.end - len(used)))
        if any(used[c.start : c.end]):
            continue
        used[c.start : c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)


# "当钟点工", "做保姆的": a job the worker (or a family member) does, said before the keyword
# ("想当保姆", "学做家政", "转行做家政" want the course)
# (or 者 of "或者做": a second job wanted; the same words before a keyword in
# bot/domain/course_questions.py's about_me)
OWN_JOB_BEFORE = r"(?<![想要学去者])(?<!转行)(?<!改行)(?:当|做|干)(?:了|的|过)?(?:个|一个)?"
_DOES_THE_JOB = re.compile(OWN_JOB_BEFORE + "$")


# a job's pay or rights asked of ("重庆钟点工一个钟头最低好多钱"): the job, not the course
_PAY_OR_RIGHTS = re.compile(
    r"最低|工资|工钱|合同|补偿|社保|违法|合法|老板|一个钟头|每小时|小时工资|辞退"
)
# the keywords that are also jobs people do
JOB_KEYWORDS = frozenset(
    {"钟点工", "保姆", "月嫂", "育儿嫂", "家政", "保洁", "护工", "电工", "厨师"}
)


# words that hold a course keyword and mean something else ("我在写字楼做保洁": an office
# block, not 写字 for calligraphy)
_HOLDS_A_KEYWORD = re.compile(r"写字楼|写字间|写字台")


# "大专证有的", "我是大专毕业的": a schooling the worker has, not the course that names it
_HELD_AFTER = re.compile(
    r"^(?:毕业证|证书|证|文凭|学历)(?:书)?(?:有的|有了|有|了|的|早就有)|^毕业(?!证)"
)
_WANTED_BEFORE = re.compile(r"(?:读|报|考|拿|想|要|学|上)(?:个|一个)?$")
QUALIFICATION_KEYWORDS = frozenset({"大专", "专科", "本科"})


# "我有大专文凭", "I have a junior college diploma" read 我有大专文凭: held, said before it
_HELD_BEFORE = re.compile(r"(?:我|本人)(?:已经|早就)?(?:有|是)(?:个|一个)?$")
_PAPER_AFTER = re.compile(r"^(?:毕业证|证书|文凭|学历)")


def _schooling_held(text: str, start: int, end: int) -> bool:
    if text[start:end] not in QUALIFICATION_KEYWORDS:
        return False
    if _HELD_BEFORE.search(text[max(0, start - 6) : start]) and _PAPER_AFTER.search(text[end:]):
        return True
    return (
        _HELD_AFTER.search(text[end:]) is not None
        and _WANTED_BEFORE.search(text[max(0, start - 3) : start]) is None
    )


def _own_job(text: str, start: int, end: int | None = None) -> bool:
    if _DOES_THE_JOB.search(text[max(0, start - 4) : start]) is not None:
        return True

    for m in _HOLDS_A_KEYWORD.finditer(text):
        if m.start() <= start and (end is None or end <= m.end()):
            return True  # (not the worker's job, but no course either)
    word = text[start:end] if end is not None else ""
    return word in JOB_KEYWORDS and _PAY_OR_RIGHTS.search(text) is not None
