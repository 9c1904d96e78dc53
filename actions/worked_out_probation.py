"""The probation calculator: the contract's term and the probation given, told with a
question about probation or right after a probation answer; the cap, the excess worked at the
pay after probation, and the probation pay's floor (《劳动合同法》第十九条、第二十条、第八十三条,
《劳动合同法实施条例》第十五条)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from actions.worked_out_probation_daily import probation_daily_reply
from bot.domain.probation import (
    cap_text,
    contract_months,
    extends_probation,
    months_so_far,
    over_the_cap,
    probation_floor_text,
    probation_months,
    probation_pay_text,
    probation_pays,
    probation_share_text,
    probation_text,
    regular_pay,
    share_told,
    share_with_pay_text,
    shortfall_text,
)
from bot.domain.severance import asks_how_much, monthly_pay
from bot.knowledge.pointed_claims import asks_notice_to_quit
from intents.numbers import format_number, parse_number

# the entries after which "我签的三年合同 试用期给我定了8个月" tells what their rule needs
ABOUT_PROBATION = re.compile(r"试用")
BOTH_SOURCES = "《劳动合同法》第十九条、第二十条、第八十三条；《劳动合同法实施条例》第十五条"
# "试用期一共3个月": how long the probation ran
_PROBATION_SPAN = re.compile(r"试用期?[^，,。\d]{0,4}?(?P<n>\d{1,2}|[一二两三四五六])\s*个月")
# "那少发的要补给我不": the probation pay's shortfall asked (not the excess, not another sum)
_SHORTFALL_ASKED = re.compile(r"少发|少给|差好多|差多少|一共差|补差|补足|少了好多|少好多")
# "6个月一共差好多": the months of the probation, said alone
_MONTHS_ALONE = re.compile(
    r"(?P<n>\d{1,2}|[一二两三四五六])\s*个月(?:一共|总共|加起来)"
    # "那前头两个月少发的": the months of it already paid short
    r"|(?:前头|前面|前|头)(?P<n2>\d{1,2}|[一二两三四五六])\s*个月"
)
_LOW_ASKED = re.compile(r"低|少|违法|合法|够不够|对不对|算不算")
# the probation is over ("上个月才转正"): all of it was worked
_CONFIRMED = re.compile(
    r"转正了|才转正|已经转正|转了正|刚转正|试用期满了|试用期已经满|试用期到了"
    # "我已经把6个月试用期都做完了": all of it worked
    r"|试用期(?:都|已经|全部)?(?:做|干|上|熬)(?:完|满)了"
)
# "那多出来的几个月能赔不": what the excess is worth, asked (not the probation pay's floor)
_MONTHS_NAMED = re.compile(
    r"(?:\d{1,2}|[一二两三四五六七八九十])\s*个月|第[一二三四五六七八九十\d]+个月"
    r"|那(?:几|些|两|三|四)个?月"
)
# the months over the cap named ("多搞的那4个月"): not the probation's own length
# ("多的那个月能拿好多": the month over the cap, said short)
_EXCESS_NAMED = re.compile(
    r"多做|多干|多搞|多弄|多定|多签|多出来|多出的|超出的|超了的|超过的|多的那|多了的那"
)
_ASKS_THE_EXCESS = re.compile(
    r"赔|多做|多干|多出来|多出的|超出|超了的|超过的|多搞|多弄|多定|多签|多的那|多了的那"
)
# whether the worker may be let go in probation ("说辞就辞", "能随便开不")
_LET_GO_ASKED = re.compile(
    r"说辞就辞|想辞就辞|辞退|开除|把我开|开了我|随便开|说开就开|炒鱿鱼|炒了|不要我"
    # "公司说我试用期不合格 喊我走人 有没得补偿"
    r"|(?:喊|叫|让|要)我走|走人"
)
_PART_TIME = re.compile(r"兼职|小时工|钟点工|非全日制|按小时")
PROBATION_OVER = "probation_overlimit"  # the entry on a probation beyond the cap
PROBATION_CAP = "probation_length"  # the entry with the caps by the contract's term
PROBATION_PAY = "probation_pay"  # the entry on the lowest pay in probation
# "那签半年的呢", "要是签一年的": a contract asked about, not the worker's own
_WHAT_IF = re.compile(
    r"^(?:那|那么)?(?:要是|如果|假如|万一|假设|若是)|^那[^，。,！!]{0,12}呢[？?]*$"
)


# "我刚毕业 … 签了两年的合同 公司说实习期6个月 … 转正5000": a graduate under a labour
# contract on "实习期" is on probation (a student's internship has no contract and no 转正)
_CONTRACT_OR_CONFIRMATION = re.compile(r"签了?[^，,。]{0,6}合同|转正|毕业")


def as_probation(text: str) -> str:
    if "实习期" in text and _CONTRACT_OR_CONFIRMATION.search(text):
        return text.replace("实习期", "试用期")
    return text


def told_texts(tracker: Tracker, count: int) -> list[str]:
    """The worker's last `count` messages before this one, newest first, without the what-ifs
    asked in between (the worker's own contract stays theirs for a later sum)."""
    texts = [
        as_probation(t)
        for t in recent_user_texts(tracker, count + 2)
        if not _WHAT_IF.search(t.strip())
    ]
    # ("试用期一个月只发3千": the pay by the month, not a probation of one month)
    return [_MONTHLY_PAY_SAID.sub("每月", t) for t in texts[:count]]


_MONTHLY_PAY_SAID = re.compile(
    r"一个月(?=\s*(?:只|就|才)?(?:发|给|拿|是|有)?\s*(?:\d{3,}|\d+\s*千|[一二三四五六七八九两]千))"
)


EXCESS_LOOKBACK = 5
# a colleague's or relative's contract asked of ("我同事签的是3年 … 他那个呢")
_OTHERS_CASE = re.compile(
    r"同事|工友|朋友|老公|老婆|爱人|媳妇|我妈|我爸|他那个|她那个|他的|她的"
    r"|表妹|表姐|表弟|表哥|堂妹|堂姐|我姐|我妹|我哥|我弟|妹妹|姐姐|亲戚"
)
_NTH_MONTH = re.compile(r"第[一二三四五六七八九十\d]+个月")
_CORRECTED = re.compile(r"(?:打|说|写|搞|记|看)错了|不对|不是")


def _pay_corrected(tracker: Tracker, text: str) -> str | None:
    """The pay after probation corrected right after the shortfall was worked out: the
    shortfall again, over the months asked before ("前头两个月") or the probation's."""
    if not (_CORRECTED.search(text) and regular_pay(text)) or tracker.get_slot("last_faq") not in (
        PROBATION_PAY,
        PROBATION_OVER,
    ):
        return None
    told = told_texts(tracker, 4)
    pays = probation_pays([text, *told])
    if pays is None:
        return None
    if tracker.get_slot("last_faq") == PROBATION_OVER:
        # "哎呀看错了 合同上转正工资是6500" after the excess and the floor: the floor again
        return probation_pay_text(
            f"试用期工资{format_number(pays[0])} 转正工资{format_number(pays[1])}"
        )
    said = next(filter(None, (_MONTHS_ALONE.search(t) for t in told)), None)
    months = (
        parse_number(said.groupdict().get("n2") or said.group("n"))
        if said
        else probation_months(" ".join(told))
    )
    return shortfall_text(*pays, months) if months else None


# the least the probation may pay, asked ("最少应该拿多少", "起码要给好多")
# (not "重庆最低工资是好多": the local minimum wage, another figure)
_FLOOR_ASKED = re.compile(r"最少|至少|起码|最低(?!工资)|不能低于")


def _floor_asked(tracker: Tracker, text: str) -> str | None:
    """The probation pay's floor from the pay after probation told here or before, when the
    least is asked and no probation pay is told in this message; else None."""
    if not (_FLOOR_ASKED.search(text) and asks_how_much(text)) or monthly_pay(text):
        return None
    if not ABOUT_PROBATION.search(text):
        return None  # ("那最少该拿好多" of another sum)
    earlier = [text, *told_texts(tracker, 3)]
    regular = next(filter(None, map(regular_pay, earlier)), None)
    if regular is None:
        return None
    pays = probation_pays(earlier)
    return probation_floor_text(regular, pays[0] if pays and pays[1] == regular else None)


def probation_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The contract's term and the probation given, told with a question about probation or
    right after a probation answer (one of them told a message before): the cap and the
    excess worked out, under the entry on the excess or the one on the caps."""
    text = as_probation(text)
    daily = probation_daily_reply(tracker, text)
    if daily is not None:  # "说好转正以后一天260 试用期一天只给200" then "上个月我做了22天"
        return daily, PROBATION_PAY
    if "实习期" in text and any("试用期" in t for t in told_texts(tracker, 3)):
        text = text.replace("实习期", "试用期")  # ("那实习期给3500呢" after it was read as one)
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("probation") and previous_action(tracker) == "action_answer_policy"
    # ("我都做了5个月了还没转正 多出来那几个月咋个算" after the probation was told: about it)
    unconfirmed = "转正" in text and any(ABOUT_PROBATION.search(t) for t in told_texts(tracker, 3))
    if not (after or unconfirmed or ABOUT_PROBATION.search(text)) or extends_probation(text):
        return None
    # ("他要是让我试用了半年 超出的那几个月咋个算" after the notice to quit: the excess named)
    excess_named = _EXCESS_NAMED.search(text) is not None and not after
    if _LET_GO_ASKED.search(text) and not _EXCESS_NAMED.search(text):
        return None  # "试用期老板是不是说辞就辞 要给补偿不": a dismissal in probation, asked
    if asks_notice_to_quit(text):
        return None  # "我现在想辞职了 要提前好多天说" after the excess: the notice to quit
    fixed = _pay_corrected(tracker, text) if after else None
    if fixed is not None:  # "哦 打错了 转正工资是5千4 不是5千" after the shortfall
        return fixed, PROBATION_PAY
    # "试用期一个月3000 说转正了是4000 合法不"; "试用期给4千这个算不算低了" with the pay
    # after probation told before
    # (no probation at all for part-time work: "兼职 … 先试用一个月 工资打八折")
    part_time = any(_PART_TIME.search(t) for t in [text, *told_texts(tracker, 3)])
    share = None if part_time else probation_share_text(text)
    if share is not None:  # "试用期工资只给我打了7折 合法不"
        excess = probation_text(text)
        if excess is None:
            return share, PROBATION_PAY
        # "合同签的两年 定了6个月试用期 试用期工资还只发6成": both, the length first
        verdict = [ln for ln in share.split("\n")[1:] if not ln.startswith("依据")]
        lines = [*excess.split("\n")[:-1], *verdict, f"依据：{BOTH_SOURCES}"]
        return "\n".join(lines), PROBATION_OVER
    told_share = next(filter(None, map(share_told, told_texts(tracker, 3))), None)
    if told_share and regular_pay(text) and share_told(text) is None:
        # "我转正工资是5000" after "试用期工资还只发6成": the floor and the shortfall
        short = share_with_pay_text(told_share, regular_pay(text))
        joined = " ".join(told_texts(tracker, 3))
        if _ASKS_THE_EXCESS.search(text) and over_the_cap(joined):
            # "… 我试用期已经做了5个月了 多做的这几个月能找他要啥子": the excess worked, at
            # the pay after probation, then the shortfall
            excess = probation_text(
                joined,
                so_far=months_so_far(text) or months_so_far(joined),
                pay=regular_pay(text),
            )
            if excess is not None:
                verdict = [ln for ln in short.split("\n")[1:] if not ln.startswith("依据")]
                lines = [*excess.split("\n")[:-1], *verdict, f"依据：{BOTH_SOURCES}"]
                return "\n".join(lines), PROBATION_OVER
        return short, PROBATION_PAY
    floor = _floor_asked(tracker, text)
    if floor is not None:  # "那我试用期最少应该拿多少" after the pay after probation was told
        return floor, PROBATION_PAY
    regular_before = next(filter(None, map(regular_pay, told_texts(tracker, 3))), None)
    pay_said = probation_pay_text(text, regular_before if _LOW_ASKED.search(text) else None)
    if pay_said is None and asks_how_much(text) and not _ASKS_THE_EXCESS.search(text):
        # "试用期一共3个月 我总共可以补好多" after the two pays were told: the shortfall
        pays = probation_pays(told_texts(tracker, 3))
        m = _PROBATION_SPAN.search(text) or _MONTHS_ALONE.search(text)
        # ("那我已经做了4个月了 少发的能要回来不": the months worked so far, paid short)
        months = (
            probation_months(text)
            or (months_so_far(text) if _SHORTFALL_ASKED.search(text) else None)
            or (parse_number(m.groupdict().get("n2") or m.group("n")) if m else None)
        )
        # ("那少发的要补给我不 一共差好多": the probation's length told before)
        if months is None and _SHORTFALL_ASKED.search(text):
            months = probation_months(" ".join(told_texts(tracker, 3)))
        if pays and months:
            short = shortfall_text(*pays, months)
            if short:
                return short, PROBATION_PAY
    if pay_said is not None:
        # (the messages before: "试用期一个月4千" here is the pay, not the probation's length)
        joined = " ".join(told_texts(tracker, 3))
        if not over_the_cap(joined) and over_the_cap(text):
            joined = text  # "合同签的2年 试用期签了6个月 试用期工资3千2 转正4千5": all at once
        if over_the_cap(joined):
            # "两年合同 试用期搞了半年 … 上个月才转正" then "试用期一个月4千 转正后是5千": the
            # excess worked at the pay after probation first, then the probation pay's floor
            # ("我已经做满3个月才转正的 试用期工资3200 转正4000": confirmed in this message)
            # ("多的那个月能拿好多": the excess asked for, so worked)
            worked = _CONFIRMED.search(f"{text} {joined}") or (
                _ASKS_THE_EXCESS.search(text) and asks_how_much(text)
            )
            done = probation_months(joined) if worked else None
            excess = probation_text(
                joined,
                so_far=done or months_so_far(text) or months_so_far(joined),
                pay=regular_pay(text),
            )
            if excess is not None:
                verdict = [ln for ln in pay_said.split("\n")[1:] if not ln.startswith("依据")]
                lines = [*excess.split("\n")[:-1], *verdict, f"依据：{BOTH_SOURCES}"]
                return "\n".join(lines), PROBATION_OVER
        return pay_said, PROBATION_PAY
    if (
        (after or excess_named)
        and _EXCESS_NAMED.search(text)
        and _MONTHS_NAMED.search(text)
        # ("我已经干了4个月了 多出来的咋算": how long it has run, read below)
        and months_so_far(text) is None
    ):
        # "那多搞的那4个月试用期 他要赔我不": the months over the cap, from the probation and
        # the pay told before (not a probation of 4 months); the term may be a few messages
        # back ("那多出来的第三个月试用期" after the pay was corrected)
        joined = " ".join(told_texts(tracker, EXCESS_LOOKBACK))
        if over_the_cap(joined):
            # ("第三个月": the probation worked to its end)
            ended = _CONFIRMED.search(f"{text} {joined}") or _NTH_MONTH.search(text)
            done = probation_months(joined) if ended else None
            earlier = [text, *told_texts(tracker, EXCESS_LOOKBACK)]
            pay = next(filter(None, map(regular_pay, earlier)), None) or next(
                filter(None, map(monthly_pay, earlier)), None
            )
            excess = probation_text(joined, so_far=done or months_so_far(joined), pay=pay)
            if excess is not None:
                return excess, PROBATION_OVER
    told = text
    one_told = (contract_months(text) is None) != (probation_months(text) is None)
    # "具体能要好多钱嘛" right after the excess was worked out: that sum again, from the figures
    again = (
        after
        and slug == PROBATION_OVER
        and asks_how_much(text)
        # (not "试用期的工资最低不能低于多少": the probation pay's floor)
        and not re.search(r"工资|最低|低于", text)
    )
    # "那多出来的几个月能赔不" after the worked-out excess: the worker's own figures again
    if (
        probation_text(told) is None
        and (after or unconfirmed or excess_named)
        # ("我都已经做了5个月了还没转正": how long it has run, the excess now worked)
        and (one_told or again or _ASKS_THE_EXCESS.search(text) or months_so_far(text) is not None)
    ):
        # "我签的是三年合同" after "试用期8个月合法不" was answered: both, from two messages
        # (this message first: what it tells wins, "那要是签三年的呢" after a one-year contract)
        # (the months served told after questions between: the contract told further back)
        count = 4 if again or months_so_far(text) is not None else 2
        earlier = told_texts(tracker, count)
        # ("要是她签的半年呢" after the cousin's contract: still hers)
        of_them = _OTHERS_CASE.search(text) or (re.search("[她他]", text) and "我" not in text)
        if not of_them and any(map(_OTHERS_CASE.search, earlier)):
            # ("我已经干了4个月了 …" after a colleague's contract was asked of: one's own
            # figures, from the messages before that one)
            own = [t for t in told_texts(tracker, count + 2) if not _OTHERS_CASE.search(t)]
            earlier = own[:count] or earlier
        told = " ".join([text, *earlier])
    so_far = months_so_far(text)
    if so_far is None and again:
        so_far = next(filter(None, map(months_so_far, told_texts(tracker, 3))), None)
    if so_far is None and _CONFIRMED.search(text):
        # "我已经干满4个月才转正的": the whole probation worked
        so_far = probation_months(told)
    if (
        so_far is None
        and after
        and any(_CONFIRMED.search(t) for t in told_texts(tracker, 2))
        # (not a relative's contract told whole: "我表妹 … 签的2个月合同 也说有1个月试用期")
        and not (_OTHERS_CASE.search(text) and probation_text(text) is not None)
    ):
        # "我3个月试用期满了 …" then "那多试用的那段能赔不 我转正工资3千6": all of it worked
        so_far = probation_months(told)
    earlier = [text, *told_texts(tracker, 3)]
    # the pay after probation ("说转正了是4000"), else any monthly pay told
    pay = next(filter(None, map(regular_pay, earlier)), None) or next(
        filter(None, map(monthly_pay, earlier)), None
    )
    said = probation_text(told, so_far=so_far, pay=pay if so_far is not None else None)
    if said is None and after and slug == PROBATION_CAP:
        cap = cap_text(text)  # "我签的是两年的合同" after the caps: that contract's cap
        return (cap, PROBATION_CAP) if cap else None
    if said is None:
        return None
    return said, PROBATION_OVER if over_the_cap(told) else PROBATION_CAP
