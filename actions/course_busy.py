"""The times a worker says they cannot come ("我星期二星期四晚上要跑单"): their clauses, so
that a time named in one is not read as the time wanted."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import as_chinese

# a clause that says when the worker cannot come ("我星期二星期四晚上要跑单"), or a clause of
# its own that says so right after the time ("星期六下午我要送货 莫得空")
_BUSY = re.compile(
    r"跑单|送货|送单|出车|上班|加班|值班|夜班|没空|莫得空|不得空|没时间|去不了|来不了|有事|不行"
    # "周二周四晚上还要去跑滴滴": another job then
    r"|跑(?:滴滴|网约车|出租|外卖|快递|车)|摆摊|出摊|还要去|守店|看店|守摊|守夜|看门"
    # "下午5点半才走得脱": busy until then
    r"|才(?:走得脱|走得了|能走|下班|收工|下得了班|出得来)"
    # "晚上我眼睛不好": a time that does not suit the worker
    r"|不方便|眼睛不好|看不清|看不见"
    # "周末上午我要睡瞌睡": asleep then
    r"|睡瞌睡|睡懒觉|睡觉|要睡|起不来|爬不起来"
    # "周六要带娃": looking after a child then
    r"|要带娃|要带孩子|要带小孩|带娃娃|要接娃|要接孩子|要送娃|要带孙|带孙子|带孙女|要照顾"
    # ("我周二周四晚上要去接娃儿 上不了": fetching a child then)
    r"|去接(?:娃|孩子|小孩|孙)|接送(?:娃|孩子|小孩)|上不了|去不成|走不开"
    # ("我白天要去做钟点工": another job then, not a course named by it)
    r"|(?:去|要)?做钟点工|打零工|(?:要|得)去做事"
    # ("周末我都要接活路": taking on jobs then, self-employed)
    r"|接活路|接活儿?|接私活|干活路|做活路"
    # ("我白天要在超市收银": at work then, wherever)
    r"|(?:要|得)在[^，,。\s]{1,8}(?:收银|做事|干活|打工|帮厨|站柜台|守店|看店)|要收银"
    # ("周三周五晚上厂里都要喊我直播": the employer's work then)
    r"|(?:都|还)?要(?:喊|叫|派|让)我|(?:喊|叫|派|安排)我去"
)
# a day or time said back with a particle before a question ("星期天上午啊 在哪里上",
# "是周六下午哇 几点到几点"): the course's own time heard, no condition
ECHOED_TIME = re.compile(
    r"^(?:哦|噢|是|原来是)?(?:每)?(?:星期|周|礼拜)[一二三四五六天日末](?:的)?(?:上午|下午|晚上|早上|中午)?"
    r"(?:(?:啊|哇|嗦|噢|哦|嘛|哈|是吧|对吧)[\s，,]+\S"
    # ("周六下午几点到几点 在哪" after a course on Saturday afternoons: its hours asked)
    r"|(?:是|从)?几点)"
)
# "我想先学下咋个带娃娃": learning to look after a child, no time the worker is busy
_LEARNS_TO_CARE = re.compile(r"学[^，,。\s]{0,4}(?:带|照顾|护理|照看)")
_BUSY_ALONE = re.compile(
    r"^(?:又|都|就|也)?(?:没空|莫得空|不得空|没时间|有事|去不了|来不了|上不了|去不成|走不开)"
    # ("下午哦 我要上班 育婴员那个呢": the time said, then why it will not do)
    r"|^(?:我)?(?:要|得|都要|还要)(?:上班|加班|值班|跑单|送货|接娃|带娃)"
)
# "那个是工作日的 周末有没得娃儿能去的": the time of the course in view, said as the reason
# another is asked for (its days are not the ones wanted)
_IN_VIEW_AT = re.compile(
    r"^(?:那个|这个|那门|这门|那|这|它)(?:课|班|活动)?(?:都|只)?(?:是|在)"
    r"(?:工作日|平时|周一到周五|星期一到星期五|白天|晚上|上午|下午|(?:星期|周|礼拜)[一二三四五六天日末])"
    r"[^\s，,。]{0,6}$"
)
_CLAUSE = re.compile(r"[^\s，,。.!！?？；;]+")


def busy_spans(tracker: Tracker) -> list[tuple[int, int]]:
    text = (tracker.latest_message or {}).get("text") or ""
    clauses = [(m.start(), m.end(), m.group(0)) for m in _CLAUSE.finditer(text)]
    spans = []
    echoed = ECHOED_TIME.match(text)
    if echoed:  # "星期四下午哇 …": the course's own time heard back, no time wanted
        spans.append((0, echoed.end() - 1))
    for i, (a, b, words) in enumerate(clauses):
        follows = i + 1 < len(clauses) and _BUSY_ALONE.match(clauses[i + 1][2])
        follows = follows or (i + 1 < len(clauses) and _IN_VIEW_AT.match(words) is not None)
        if (_BUSY.search(words) and not _LEARNS_TO_CARE.search(words)) or follows:
            spans.append((a, b))
    return spans


def outside_busy_text(tracker: Tracker) -> str:
    """The message without its busy clauses ("晚上的呢 我白天要上班" -> "晚上的呢")."""
    text = (tracker.latest_message or {}).get("text") or ""
    spans = busy_spans(tracker)
    if not spans:
        # ("is it free" after a course: read as Chinese; offsets of a busy clause are the
        # typed text's, so a message with one stays as typed)
        return as_chinese(text).strip()
    for a, b in reversed(spans):
        text = text[:a] + text[b:]
    return text.strip()


def entity_values(tracker: Tracker, name: str, outside_busy: bool = False) -> list[str]:
    """The values of this message's `name` entities, in order (outside a busy clause)."""
    busy = busy_spans(tracker) if outside_busy else []
    values = []
    for e in (tracker.latest_message or {}).get("entities") or []:
        if e.get("entity") != name or e.get("value") in (None, ""):
            continue
        start = e.get("start")
        if isinstance(start, int) and any(a <= start < b for a, b in busy):
            continue
        values.append(str(e["value"]))
    return values


# a day of the week as a clause read in Chinese names it ("星期四要上班")
_DAY = re.compile(r"(?:星期|周|礼拜)([一二三四五六日天])")
_LATIN_CLAUSE = re.compile(r"[^,.;!?，。；！？]+")


def busy_days_in_latin(text: str) -> tuple[str, ...]:
    """The days of the busy clauses of a message typed in pinyin or English ("xing qi si yao
    shang ban" is 星期四要上班): its clauses read one by one, its entities having no place."""
    if re.search(r"[\u4e00-\u9fff]", text or ""):
        return ()
    days: list[str] = []
    for m in _LATIN_CLAUSE.finditer(text or ""):
        clause = as_chinese(m.group(0).strip())
        if _BUSY.search(clause):
            for d in _DAY.findall(clause):
                day = "周日" if d in "日天" else f"周{d}"
                if day not in days:
                    days.append(day)
    return tuple(days)
