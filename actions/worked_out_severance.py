"""The compensation worked out from what the worker says (经济补偿 and the 2N of an unlawful
dismissal): right after an answer about leaving a job, with the question, or after a story
of a dismissal or of quitting over a breach told a few messages before; a start told only by
its season gives the range. The other calculators are in actions/worked_out.py and
actions/worked_out_leave.py (bot/domain/severance.py does the arithmetic)."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from rasa_sdk import Tracker

from actions.leaving_told import (
    DISMISSED,
    MAY_THEY,
    NOTHING_GIVEN,
    QUITS_OVER,
    protected_when_let_go,
    quits_after_a_breach,
)
from actions.message import faq_of_last_turn, previous_action, recent_bot_texts, recent_user_texts
from actions.severance_cues import (
    ABOUT_LEAVE,
    GROUNDS,
    HERE_SAID,
    LEAVE_NOT_TAKEN,
    MONEY_CHOSEN,
    NAMED_BY_ITS_N,
    PAY_WITH_EXTRAS,
    PROBATION_FAILED,
    RESIGNATION_PRESSED,
    ROUGHLY,
    SECOND_TERM,
    SEVERANCE_TOPICS,
    SOMEONE_ELSE,
    SUM_ASKED,
    WHAT_IF_WITHIN,
    YEARS_CLAIMED,
    YEARS_RESET,
    probation_asked_instead,
)
from actions.severance_season import by_season
from actions.worked_out_leave import DURATION_ALONE
from bot.domain.employment_dates import (
    employed_span,
    months_since_start,
    since_start_span,
)
from bot.domain.medical_period import years_told
from bot.domain.severance import (
    FORCED_LINE,
    about_a_penalty,
    about_severance,
    about_unlawful,
    asks_how_much,
    length_and_pay_said,
    length_corrected,
    length_said,
    monthly_pay,
    months_worked,
    severance_text,
)
from bot.knowledge.pointed import asks_where_to_turn
from bot.knowledge.pointed_asked import CAP_ASKED, WHEN_PAID
from intents.numbers import format_number

_TWO_N_FIRST = "算：\n违法辞退的赔偿金"  # (a sum of severance_text with the 2N first)
FORCED_TO_LEAVE = "quit_immediate_38"  # leaving because the employer broke the law: no 2N
SEVERANCE = "sev_calc"  # the entry whose rule the worked-out answer applies
LIKEWISE_TURNS = 3  # a compensation shown this many turns back is one another's is likened to


# a subject of its own after the compensation's sums ("以前没交的社保能不能喊他补起")
_MADE_UP = re.compile(  # (and "社保他一直没给我交 能补不")
    r"没交的|没缴的|没买的|补缴|补交|(?:社保|保险|公积金)[^，,。？?]{0,8}(?:没|不)(?:给我|帮我)?(?:交|缴|买)"
)
OTHER_SUBJECT = re.compile(
    r"社保|社会保险|公积金|工伤|年假|加班费|产假|病假|最低工资|降到|降工资|降薪"
    # "过年除夕那天馆子照样营业 我上班算三倍不": a holiday's overtime
    r"|三倍|3倍|两倍工资|除夕|初[一二三四五六七]|国庆|春节|元旦|五一|节假日|加班"
)


# hired by a family, not a firm ("在别个屋头当住家保姆 … 主人家喊我莫来了")
_HOUSEHOLD = re.compile(
    r"主人家|东家|雇主家|住家保姆|(?:屋头|家里|私人家)[^，,。]{0,4}(?:当|做)保姆"
)
_BY_A_FIRM = re.compile(r"(?<!莫得)(?<!没得)(?<!没有)(?<!没)公司")


def forced_to_leave(tracker: Tracker) -> bool:
    """The answer just given is about leaving over unpaid wages or insurance."""
    return tracker.get_slot("last_faq") == FORCED_TO_LEAVE


# (not the job refused: "我不回去上班了 就要钱")
_BACK_TO_WORK = re.compile(
    r"(?<!不)(?<!不想)(?:回去上班|回去干)|继续(?:上班|干|做|履行)|恢复(?:劳动关系|上班)"
)
# the employer's grounds for a dismissal, asked about
_BACK_TO_SEVERANCE = re.compile(
    r"(?:回到|说回|还是说|再说)(?:刚才|之前|前面)?(?:的|那个)?(?:补偿|赔偿|赔钱)"
)
# the pay said to be the same as the one told before
_SAME_PAY = re.compile(
    r"工资(?:也)?(?:(?:跟|和|同)我的?)?(?:一样|差不多|相同)|一样的工资|同样的工资|工资也是这么多"
)
CONTRACT_EXPIRY = "sev_contract_expiry"
_NOTICE_ASKED = re.compile(
    r"提前通知|通知(?:够不够|够吗|够不|期)|提前(?:多久|几天|好久|一个月|30天)(?:通知|说)"
)
_NOT_EXPIRY = re.compile(r"不是(?:合同)?(?:到期|期满)|(?:合同)?(?:还)?没(?:有)?到期")
_NOT_RENEWED = re.compile(
    r"到期[^，,。]{0,12}(?:不续|不签了)|不续签|不续了|不再续|不想续|不愿续|不愿意续"
    # ("合同到期了厂里不跟她续")
    r"|不(?:跟|和|给|同)(?:我|她|他|我们|她们|他们)续"
)
# part-time work by the hour, which either side may end at once without compensation
# (《劳动合同法》第七十一条): the part-time entry's, not a sum
_PART_TIME = re.compile(
    r"钟点工|小时工|非全日制|兼职|按小时(?:算|计|给)|打零工"
    # "一天做4个钟头 一周做5天": hours of part-time work (at most 4 a day)
    r"|(?:一天|每天)(?:只|就)?(?:做|干|上)\s*[1-4一二两三四]\s*个?(?:钟头|小时|钟)"
)


# the compensation itself named, not only "能补好多" (of leave not taken, after its answer)
_COMPENSATION_NAMED = re.compile(r"补偿|赔偿|[nN]\+1|2[nN]|辞退|开除|裁员|遣散")


def severance_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """How long the worker worked, asked about compensation or right after an answer about
    leaving a job: the months of pay worked out (2N first after an unlawful dismissal)."""
    slug = tracker.get_slot("last_faq")
    if previous_action(tracker) != "action_answer_policy":
        # ("我干了2年8个月 一个月5000" right after the answer to a question asked in a form)
        slug = faq_of_last_turn(tracker)
    if str(slug or "").startswith("leave_annual") and not _COMPENSATION_NAMED.search(text):
        # "我参加工作12年了 在这个公司做了3年 月工资6525 能补好多钱" right after the answer on
        # leave not taken when leaving: the leave's pay, not a compensation
        return None
    if YEARS_RESET.search(text):
        return None  # "新公司说工龄从零开始算 对不对": whether the years carry over, asked
    if LEAVE_NOT_TAKEN.search(text) and not _COMPENSATION_NAMED.search(text):
        # "今年一天年假都没休 … 干了3年 一个月4350 能补好多": the leave's pay, not a compensation
        return None
    # ("回到刚才那个补偿 要是…" after a request filed between: that topic, taken up again)
    # ("how much is the 2N exactly?" after the queue was left: the compensation, named)
    named = NAMED_BY_ITS_N.search(text) is not None and asks_how_much(text)
    after = slug in SEVERANCE_TOPICS or _BACK_TO_SEVERANCE.search(text) is not None or named
    # (a contract that ended and was not renewed: the compensation, no dismissal to double)
    expired = (
        (after and slug == CONTRACT_EXPIRY)
        or any(_NOT_RENEWED.search(t) for t in [text, *recent_user_texts(tracker, 4)])
    ) and not _NOT_EXPIRY.search(text)  # ("要是他不是合同到期 是直接把我开了呢": a dismissal)
    expired = expired and not (WHAT_IF_WITHIN.search(text) and DISMISSED.search(text))  # (cues)
    # "哦不对我说错了 是3年8个月" right after the sum: the length corrected, said alone
    corrected_length = (
        length_said(text) if after and months_worked(text) is None and len(text) <= 20 else None
    )
    if corrected_length is None and after and months_worked(text) is None:
        # "2年7个月 一个月5100" right after the answer: the length and the pay, said bare
        corrected_length = length_and_pay_said(text)
    said_length = months_worked(text)
    dated = months_since_start(text, services.today()) if said_length is not None else None
    if corrected_length is None and dated is not None and ROUGHLY.search(text):
        # "做了3年多 2023年3月进去的": the start day is the exact length
        corrected_length = dated
    sev_text = partial(severance_text, expired=expired, worked=corrected_length)
    # "干了3年8个月 每个月6000" right after "老子遭公司开了 一分钱都不给": the figures of a
    # dismissal told a message before
    told_before = (
        months_worked(text) is not None
        and monthly_pay(text) is not None
        and any(about_severance(t) for t in recent_user_texts(tracker, 1))
    )
    # (the dismissal told before the form's answers: "公司说我迟到把我开除了 … 想找工会帮我调解")
    earlier_told = recent_user_texts(tracker, 5)
    # "那我能拿好多" after a story of a dismissal or of quitting over a breach told before, or
    # "要是因为不交社保我辞职 有补偿不 好多" with its own start date: the sum from that story
    story = (
        not after
        and SUM_ASKED.search(text) is not None
        and not ABOUT_LEAVE.search(text)  # ("不休的话能补好多": the leave's pay)
        and (
            any(DISMISSED.search(t) or QUITS_OVER.search(t) for t in earlier_told)
            or QUITS_OVER.search(text) is not None
            # ("要是医疗期满了还没好 厂里把我辞了 补偿好多 我工资3200": the dismissal told now,
            # the years told before)
            or (
                DISMISSED.search(text) is not None
                and monthly_pay(text) is not None
                and any(map(months_worked, earlier_told))
            )
            or quits_after_a_breach(text, earlier_told)
            # "按6年算我能拿好多 我月工资6千5" after a request for the compensation was filed
            or (YEARS_CLAIMED.search(text) is not None and any(map(about_severance, earlier_told)))
        )
    )
    # "合同到期了厂里不跟她续 她做了6年 工资4800": a contract not renewed, told with its figures
    ran_out = (
        _NOT_RENEWED.search(text) is not None
        and months_worked(text) is not None
        and monthly_pay(text) is not None
    )
    # "我老婆也在这个公司 做了2年3个月 工资4200 也没买社保" a turn or two after the worker's
    # own compensation: theirs, on the same grounds
    shown = recent_bot_texts(tracker, LIKEWISE_TURNS)
    likewise = (
        SOMEONE_ELSE.search(text) is not None
        and "也" in text
        and months_worked(text) is not None
        and monthly_pay(text) is not None
        and any("经济补偿约" in t for t in shown)
    )
    if about_a_penalty(text) or not (
        after or about_severance(text) or told_before or story or ran_out or likewise
    ):
        return None
    if probation_asked_instead(text, str(slug or ""), after):
        return None  # "做满了6个月 多出来那4个月他要赔我好多": the probation's excess
    if PROBATION_FAILED.search(text) and monthly_pay(text) is None:
        return None  # "公司说我试用期不合格 喊我走人 有没得补偿": the grounds, the entry's
    if _BACK_TO_WORK.search(text):
        return None  # "我是要回去上班还是要赔偿 可以自己选不": the choice, not the sum
    if _NOTICE_ASKED.search(text) and not SUM_ASKED.search(text):
        return None  # "月底就要走人 这个提前通知够不够哦": the notice asked, not the sum
    if RESIGNATION_PRESSED.search(text) and not SUM_ASKED.search(text):
        return None  # "店长说算我自己辞职的 喊我签个字": whether to sign, its entry
    if GROUNDS.search(text) and not SUM_ASKED.search(text):
        return None  # "他说我迟到了3回 算严重违纪 可以直接开": whether the grounds hold
    if _PART_TIME.search(text) or CAP_ASKED.search(text) or WHEN_PAID.search(text):
        # (the cap asked, "那我们经理一个月3万 补偿有没得封顶": the rule, not a sum)
        return None  # "我老婆做钟点工 老板说随时可以不要她": no compensation for part-time work
    ranged = by_season(services, tracker, text)
    if ranged is not None:
        return ranged
    if _MADE_UP.search(text) and "补偿" not in text:
        return None  # "那之前没交的那几年能补不": the insurance made up, not the compensation
    if (
        OTHER_SUBJECT.search(text)
        and not about_severance(text)
        and not likewise
        and not (after and PAY_WITH_EXTRAS.search(text) and monthly_pay(text))
    ):
        # ("等哈 6200是底薪 加上加班费平均每个月有7000" after the sums: the pay put right,
        # its overtime counted in the average, not the overtime asked)
        return None  # "那以前没交的社保能不能喊他补起" after the sums: another subject
    if _HOUSEHOLD.search(text) and not _BY_A_FIRM.search(text):
        return None  # a family's own nanny: no labour relation, no compensation to work out
    if asks_where_to_turn(text) and months_worked(text) is None:
        return None  # "万一他就是不赔呢": what to do when it is refused, not the sum again
    # right after such an answer, the time worked alone ("我干了两年零三个月") asks it; a longer
    # message with its own question ("干了十年了 是不是该签无固定期限") does not
    # ("我在这里干了5年 一个月四千五": the time worked and the pay, nothing else)
    told = len(re.sub(r"\s", "", text))
    alone = (after or told_before) and told <= DURATION_ALONE * (2 if monthly_pay(text) else 1)
    alone = alone or corrected_length is not None or ran_out or likewise
    # ("我在厂里踩了3年8个月缝纫机 前面12个月平均6千2一个月" right after such an answer: the
    # figures it needs, told at length)
    alone = alone or (after and months_worked(text) is not None and monthly_pay(text) is not None)
    # "公司无缘无故把我辞了 干了3年 工资5000": a dismissal told with its figures, the sum given
    alone = alone or (
        DISMISSED.search(text) is not None
        and months_worked(text) is not None
        and monthly_pay(text) is not None
    )
    # (the 2N put first in the sum just shown: "6200是底薪 … 平均7000" puts its pay right)
    unlawful = after and (slug == "sev_unlawful_2x" or any(_TWO_N_FIRST in t for t in shown[:1]))
    forced = (after and forced_to_leave(tracker)) or (
        story and (QUITS_OVER.search(text) is not None or quits_after_a_breach(text, earlier_told))
    )
    # (the worker left over the employer's breach: so does the one told of "也")
    forced = forced or (likewise and any(FORCED_LINE in t for t in shown))
    if story and not forced and about_unlawful(text) and not MAY_THEY.search(text):
        # "他喊我走的时候啥子理由都没说 这个还有补偿没得": no reason given, 2N
        unlawful = True
    protected = not forced and protected_when_let_go([text, *earlier_told])
    if protected and (story or any(map(DISMISSED.search, [text, *earlier_told]))):
        # dismissed while ill or pregnant ("住院 … 老板喊我不用来了"): unlawful, 2N or the job
        unlawful = protected = True
    # "我们车间还有个才来4个月的 他有没得": a colleague's time, asked of the same rule
    colleague = after and SOMEONE_ELSE.search(text) is not None and months_worked(text) is not None
    said = sev_text(text, unlawful, alone or colleague, forced=forced, protected=protected)
    if said is None and months_worked(text) is None and asks_how_much(text):
        # "店月底关门 喊我们都走 我2019年3月进的 一个月平均6千5 能拿好多补偿": the start day
        # and the pay told with the question
        span = since_start_span(text, services.today())
        if span is not None and monthly_pay(text) is not None:
            said = sev_text(
                text,
                unlawful=unlawful,
                asked=True,
                forced=forced,
                worked=span[0],
                extra_days=span[1],
            )
    pay = monthly_pay(text)
    if said is not None and pay is None and not SOMEONE_ELSE.search(text):
        # "我不想干了 可以找他要补偿不 我在这干了两年零三个月" after "每个月4800" was told: the
        # worker's own pay, told a message or two before
        told_pay = next(filter(None, map(monthly_pay, recent_user_texts(tracker, 3))), None)
        if told_pay:
            said = sev_text(text, unlawful=unlawful, asked=alone, forced=forced, pay=told_pay)
    if said is not None and pay is None and _SAME_PAY.search(text):
        # "我同事干了3年零4个月 工资一样 他好多": the pay told before, for the other time
        same = next(filter(None, map(monthly_pay, recent_user_texts(tracker, 4))), None)
        if same:
            said = sev_text(text, unlawful=unlawful, asked=True, forced=forced, pay=same)
    # "他就说我年纪大了 手脚慢 没得别的理由" after the sums: no lawful reason, so 2N first
    # (not "他会不会随便就把我开了": whether the employer may, asked)
    # ("那要是他直接喊我明天莫来了 啥子都不给呢": let go with nothing, the 2N)
    nothing = DISMISSED.search(text) is not None and NOTHING_GIVEN.search(text) is not None
    told_unlawful = after and (about_unlawful(text) or nothing) and not MAY_THEY.search(text)
    # "我不想回去了 就要钱" after the 2N was summed: the money chosen, that sum again
    told_unlawful = told_unlawful or (
        after
        and MONEY_CHOSEN.search(text) is not None
        and any("赔偿金约" in t for t in recent_bot_texts(tracker, 1))
    )
    if (
        said is None
        and (after or story)
        and months_worked(text) is None
        and (
            asks_how_much(text)
            or pay
            or told_unlawful
            # "我是2023年3月进厂的 这个月底走" right after such an answer: the start told
            # (not the story of a second fixed term: "先签了两年 后头又签了三年")
            or (
                after
                and months_since_start(text, services.today()) is not None
                and not SECOND_TERM.search(text)
            )
        )
    ):
        unlawful = (unlawful or told_unlawful) and not forced
        # "那他该补我好多嘛" after "我在厂头做了八年了 老板说要把我撵走…": the time worked
        # was told a message ago ("我一个月6000 算下来好多钱", "我工资一个月四千": the pay in
        # this one)
        # ("回到刚才那个补偿 要是…" after a request filed between: the pay told back then)
        back = _BACK_TO_SEVERANCE.search(text) is not None
        earlier_texts = recent_user_texts(tracker, 8 if back else 5 if story or after else 3)
        # (the pay told in a message between: "我工资一个月5500" then "没得别的理由")
        pay = pay or next(filter(None, map(monthly_pay, earlier_texts)), None)

        def over(span: tuple[int, int]) -> str | None:
            """The sum over a span of whole months and days past them."""
            return sev_text(
                text,
                unlawful=unlawful,
                asked=True,
                pay=pay,
                forced=forced,
                worked=span[0],
                extra_days=span[1],
            )

        since = since_start_span(text, services.today())
        if since is not None:
            # "我是2020年3月入职的 每个月5000 能赔好多": from the start date told here (the pay
            # told before: "… 一个月6千5 我想不干了" then "我是2021年3月进去的 那补偿该好多")
            return over(since)
        # "我是23年2月1号进去的 合同上个月30号满的": the first and last day told before
        employed = employed_span(" ".join(reversed([text, *earlier_texts])), services.today())
        if employed is not None and not any(map(months_worked, earlier_texts)):
            return over(employed)
        pays = [monthly_pay(t) for t in earlier_texts]
        for k, earlier in enumerate(earlier_texts):
            fixed = length_corrected(earlier)
            if fixed is not None:
                # "哎说错了 是3年零4个月 不是3年8个月", "等哈 我翻了下合同 是3年5个月" before:
                # the length corrected
                return sev_text(
                    text, unlawful=unlawful, asked=True, pay=pay, forced=forced, worked=fixed
                )
            total, here = years_told(earlier)
            if (
                total is not None
                and here is not None
                and here < total
                and HERE_SAID.search(earlier) is not None
            ):
                # "我一共上了8年班 在这个公司做了2年": the compensation counts this employer's
                return over((round(here * 12), 0))
            if months_worked(earlier) is not None:
                # ("我工资说错了 是5200 那该好多": the pay said now wins over the one in the story,
                # and so does one put right since: "7000是底薪 前12个月平均7800")
                own = monthly_pay(text) or next(filter(None, pays[:k]), None)
                told = f"月工资{format_number(own)} {earlier}" if own else earlier
                return sev_text(told, unlawful=unlawful, asked=True, pay=pay, forced=forced)
            # "我是2021年12月1号进厂的 …" then "每个月4800 … 能给好多": from the start date
            since = since_start_span(earlier, services.today())
            if since is not None:
                return over(since)
    return said
