"""Economic compensation worked out from how long the worker has worked there: "干了5年零2个月
能拿好多" is answered with 5.5 months' pay (and 11 if the dismissal was unlawful), as a union
lawyer would, instead of the rule alone.

《劳动合同法》第四十七条: one month's pay for each full year worked; a remainder of six months
or more counts as a year, less than six months as half a month. 第八十七条: an unlawful
dismissal pays twice that. The monthly pay is the average of the last twelve months (奖金、
津贴、补贴 included), capped at three times the local average wage, with at most twelve
years counted then (《劳动合同法》第四十七条第二款).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第四十六条、第四十七条、第八十七条"
FORCED_SOURCE = "《劳动合同法》第三十八条、第四十六条、第四十七条"
PROTECTED_SOURCE = "《劳动合同法》第四十二条、第四十六条、第四十七条、第四十八条、第八十七条"
# how long at this employer, said after a verb of working: 干了5年零2个月, 在这做了三年半
# ("当服务员8个月了", "当保安三年了": the job, then how long)
_WORKED = (
    r"(?:干了|做了|工作了|上了|待了|打了|干|做|工作|上班|打工|工龄|入职|当[\u4e00-\u9fff]{1,4}?"
    # ("在厂里踩了3年8个月缝纫机": a trade's own verb)
    r"|踩了|跑了|送了|守了|站了|修了|搬了|扫了|带了|教了|管了"
    # ("我老公在厂头干得久 11年2个月": how long, said after how it compares)
    r"|(?:干|做)得(?:最)?(?:久|长|早)(?:些|点|一些)?"
    # ("在物流园开叉车一年半了": a driver's trade)
    r"|开(?:叉车|货车|大车|车|出租车?|滴滴|网约车|挖机|挖掘机|吊车|塔吊|公交)(?:都)?"
    # ("进厂8个月了老板一直没跟我签合同": since coming in)
    r"|进厂|进公司|进单位|进来|进去|来厂里|来公司"
    # ("还有个才来4个月的": one who came only so long ago)
    r"|才来了?|刚来了?"
    # ("我跟派遣公司签了有2年零4个月": how long with the firm, not a contract's term)
    r"|签了有"
    # ("到那时候我在这里刚好整4年": how long here, said with where)
    r"|在这里|在这儿|在这边)"
    r"(?:快|满|了|都|有|差不多|大概|整整|足足|刚好|刚刚|刚|将近|快要|接近|总共|一共|累计|加起来)*"
)
LENGTH = re.compile(
    # ("工作20多年了": the years said with 多 before 年)
    # ("干满就是4年": the whole term, when it ends)
    rf"{_WORKED}\s*(?:满|够)?(?:就是|刚好|正好|整整|整)?\s*(?:(?P<years>{NUM}|半)\s*(?:多)?年(?:多)?(?:零|又)?"
    # (not "一个月5千": the pay's month, the sum right after it)
    rf"(?:(?P<months>{NUM})\s*个?月|(?P<half>半))?|(?P<only>{NUM})\s*个月(?!\d))"
)
# asks what it comes to
# ("说给我3个月工资打发了 … 这个够不够哦": whether what is offered is enough)
_HOW_MUCH = re.compile(
    # (not 补签, 补缴: a contract signed late, insurance paid up; not 算了; not 前面几个月)
    r"好多|多少|(?<![面头那这后])几个月|能拿|能要|能赔|赔|补(?!签|缴|交|办)|怎么算|咋个算|咋算|算(?!了|错|漏)"
    r"|够不够|够不|够吗|够了吗"
    # "他们只给一个月工资 这个合理不": a sum offered, whether it is right
    # (months of pay offered: not "加班一个小时只给20块 合不合法", an hourly rate)
    r"|(?:只|才|就)(?:给|赔|补)[^。？?]{0,4}?个?月(?:的)?(?:工资)?[^。？?]{0,8}?"
    r"(?:合理|合不合理|对不对|合法|合不合法)"
)
# the compensation is the subject ("能赔好多" after a dismissal answer needs no such word)
_ABOUT_SEVERANCE = re.compile(
    r"补偿|赔偿|赔|[nN]\+1|2[nN]|辞退|开除|裁员|裁掉|裁了|被裁|裁我|要裁|炒|解除"
    # ("公司把她开了": the worker's wife let go, told by him)
    r"|把(?:我|她)(?:裁|开|辞)|(?:开|辞)了(?:我|她)"
    # "公司说要裁掉我们车间 我做了五年零两个月 能补多少": what it comes to, asked
    r"|能补|补好多|补多少|补几个月"
    # "厂里叫我下个月不用来了 我干了4年 … 能拿好多": told not to come back (a dismissal)
    r"|不用来了|不要来了|别来了|不用回来了?|不要回来了?|不要我了|不做了|走人"
    # "厂头想喊我走 说给我3个月工资打发了": sent away with a sum
    r"|(?:喊|叫|让|要|赶)我走|打发"
    # "老子遭公司开了": dismissed, said with 遭/被
    r"|(?:遭|被)[^，,。\s]{0,4}开了"
)
# an unlawful dismissal: the 2N comes first
_UNLAWFUL = re.compile(
    r"违法|无故|随便|莫名其妙|没得?(?:别的|任何|正当)?理由|没有(?:别的|任何|正当)?理由|硬开|直接开"
    r"|说开就开|2[nN]|双倍|乱开|看我不顺眼|年纪大了?"
    # "要是他啥子理由都不给 直接把我开了呢"
    r"|(?:啥子|啥|什么|任何)理由都?(?:不给|没给|不说|没说|没有|莫得)|直接把我开|直接(?:开除|辞退)"
)
MAX_YEARS = 60
# the monthly pay said with it ("我干了两年 月工资五千"): the sums worked out too
_PAY = re.compile(
    # ("工资条上应发是5800": the payslip's gross)
    # ("税前应该是6千1": the gross said alone)
    # ("我月新3480": 月薪 typed by its sound)
    rf"(?:月工资|月薪|月新|每个?月|一个月|工资条上|工资|底薪|应发工资|应发|税前)"
    # ("一个月才发1800": what is paid)
    rf"(?:是|有|才|拿|大概|差不多|就|只有|税前|到手|一直|都|也|还是|只|应发|写的|平均|平均下来|平时|应该|发"
    # ("试用期工资跟转正一样4000": the same as another's, then the sum)
    rf"|(?:跟|和|同)[\u4e00-\u9fff]{{1,4}}?一样)*\s*"
    # (not a count of months: "工资一个月四千" is 4000 a month, not 一)
    # ("6千 年底了": a word after a space is no unit of the sum)
    rf"(?P<pay>{NUM})(?!\s*个|年|天)\s*(?:块|元|块钱)?"
)
# "4千一个月": the sum first
_PAY_FIRST = re.compile(
    rf"(?P<pay>{NUM})\s*(?:块钱|块|元)?\s*(?:一个月|每个月|每月|一月)(?!\S*[天号日])"
)
# "这个月涨到5800了": the pay after a raise is the pay now
_PAY_RAISED = re.compile(
    rf"(?:涨到|涨成|调到|调成|加到|提到|升到)了?\s*(?P<pay>{NUM})\s*(?:块|元)?(?!\s*个|年|天)"
)
# "前头12个月平均下来5千5左右": the average over the last months
_PAY_AVERAGE = re.compile(
    rf"平均(?:下来|算下来|算)?(?:一个月|每个?月)?(?:是|有|大概|差不多|在)?\s*(?P<pay>{NUM})\s*(?:块|元)?(?:左右)?(?!\s*个|年|天)"
)
MIN_PAY, MAX_PAY = 500, 200_000


# "那7天按3000算": the pay to reckon with, said as what to count by
_PAY_AS = re.compile(rf"按\s*(?P<pay>{NUM})\s*(?:块|元)?\s*(?:一个月|每月|的工资)?\s*算")


# "工资说错了 是5220", "工资我说错了 是4785": the pay said wrong, then said again
_PAY_SAID_AGAIN = re.compile(
    rf"(?:月工资|工资|月薪|底薪)(?:我|刚才|刚刚)*(?:说|打|写|记|搞)错了[\s，,]*(?:应该|其实)?是\s*(?P<pay>{NUM})(?!\s*个|年|天)"
)


# "最近12个月我一共拿了69600": the year's pay, the month's its twelfth (第四十七条's average)
_YEAR_TOTAL = re.compile(
    rf"(?:最近|前|过去|近)\s*(?:12|十二)\s*个月[^，,。\d]{{0,6}}?(?:拿了|挣了|发了|收入|到手)"
    rf"\s*(?P<pay>{NUM})"
)

# "发了去年的年终奖12000 其他月都是6000": a year-end bonus paid in the last twelve months is part
# of their average (实施条例第二十七条: 奖金 included), a twelfth of it on each month's pay
_BONUS = re.compile(rf"(?:年终奖|年底奖|年终奖金|年底双薪)[^，,。\d]{{0,4}}?(?P<bonus>{NUM})")
_OTHER_MONTHS = re.compile(
    rf"(?:其他月|其余月|别的月|其他几个月|平时每个?月)[^，,。\d]{{0,4}}?(?P<pay>{NUM})"
)


def monthly_pay(text: str) -> float | None:
    """The monthly pay a message states, in yuan, or None."""
    year = _YEAR_TOTAL.search(text or "")
    total = parse_number(year.group("pay")) if year else None
    if total is not None and MIN_PAY <= total / 12 <= MAX_PAY:
        return round(total / 12, 2)
    bonus, month = _BONUS.search(text or ""), _OTHER_MONTHS.search(text or "")
    if bonus and month:
        pay, extra = parse_number(month.group("pay")), parse_number(bonus.group("bonus"))
        if pay and extra and MIN_PAY <= pay <= MAX_PAY:
            return round(pay + extra / 12, 2)
    found = [_PAY_SAID_AGAIN, _PAY_RAISED, _PAY, _PAY_AS, _PAY_FIRST, _PAY_AVERAGE]
    for m in (m for pattern in found for m in pattern.finditer(text or "")):
        value = parse_number(m.group("pay"))
        if value is not None and MIN_PAY <= value <= MAX_PAY:
            return value
    return None


@dataclass(frozen=True)
class Severance:
    months_worked: int
    # days beyond the whole months, when the first and last day are told ("1年零9天")
    extra_days: int = 0

    @property
    def months_pay(self) -> float:
        """Economic compensation in months of pay (第四十七条): a remainder under six months,
        days included, is half a month."""
        years, rest = divmod(self.months_worked, 12)
        return years + (1.0 if rest >= 6 else 0.5 if rest > 0 or self.extra_days > 0 else 0.0)

    def worked_text(self) -> str:
        years, rest = divmod(self.months_worked, 12)
        if years and rest:
            text = f"{years}年{rest}个月"
        else:
            text = f"{years}年" if years else f"{rest}个月"
        if self.extra_days and rest < 6:
            # (the days matter only while the months left over are under six)
            text += f"零{self.extra_days}天" if not (years and rest) else f"{self.extra_days}天"
        return text


# "试用期第二个月就把我开了": let go in the Nth month (whole months before it count)
_IN_MONTH = re.compile(rf"第\s*(?P<n>{NUM})\s*个月[^，,。]{{0,10}}?(?:开|辞|炒|解除|不要)")


_TERM_ENDED = re.compile(
    rf"签的?\s*(?P<n>{NUM})\s*年(?:的)?(?:劳动)?合同[^，,。]{{0,8}}?(?:到期|满了|期满)"
)


def months_worked(text: str) -> int | None:
    """How many months the worker says they have worked there, or None."""
    m = LENGTH.search(text or "")
    if m is None and (term := _TERM_ENDED.search(text or "")):
        # "签的两年合同这个月到期了": the whole term worked
        years = parse_number(term.group("n"))
        return int(years * 12) if years and 0 < years <= 10 else None
    if m is None:
        within = _IN_MONTH.search(text or "")
        n = parse_number(within.group("n")) if within else None
        return int(n) - 1 if n and 1 <= n <= 12 else None
    # "干了2年5个月 工资4200 等哈 我说错了 是2年8个月": put right in the same message
    right = _PUTS_RIGHT.search(text, m.end())
    fixed = length_said(text[right.end() :]) if right else None
    return fixed if fixed is not None else _months_of(m)


# a length of time said alone ("哦不对我说错了 是3年8个月" right after a sum)
BARE_LENGTH = re.compile(
    rf"(?:^|[是\s，,])\s*(?:(?P<years>{NUM}|半)\s*年(?:多)?(?:零|又)?\s*"
    rf"(?:(?P<months>{NUM})\s*个?月|(?P<half>半))?|(?P<only>{NUM})\s*个月)(?:[了的呢啊哦嘛]*)\s*$"
)


_ASKED_AFTER = re.compile(
    r"[\s，,]+(?:那|那么)?(?:是|能拿|该拿|该|能补|补)?(?:好多|多少)(?:钱)?[呢嘛哦啊喃？?]*$"
)


def length_and_pay_said(text: str) -> int | None:
    """The months of a message that tells only a length and the pay, without a verb of working
    ("2年7个月 一个月5100", "一个月5100 2年7个月"), or None."""
    if monthly_pay(text) is None:
        return None
    rest = text
    for pattern in (_PAY_FIRST, _PAY):
        rest = pattern.sub(" ", rest)
    return length_said(rest) if len(re.sub(r"[\s，,。]", "", rest)) <= _SAID_ALONE else None


def length_said(text: str) -> int | None:
    """The months of a length of time the message ends with, said without a verb of
    working ("是3年8个月"), or None ("是3年零4个月 不是3年8个月": the one said to be right)."""
    value = re.sub(r"[\s，,]*不是[^，,。]*$", "", (text or "").strip())
    # ("是4年零3个月 那是好多": the sum asked after it)
    value = _ASKED_AFTER.sub("", value)
    m = BARE_LENGTH.search(value)
    return _months_of(m) if m else None


# a length said again to put it right ("等哈 我翻了下合同 是3年5个月", "哎说错了 是3年零4个月")
# (not 不是: "做了10年多点 不是6年呢" says which length is wrong)
_PUTS_RIGHT = re.compile(
    r"说错|搞错|记错|算错|不对|等哈|等一下|等下|再算|算了下|翻了下|看了下|查了下|其实"
)
_SAID_ALONE = 12  # characters: a message this short that ends with a length says only that


def length_corrected(text: str) -> int | None:
    """The months of a length said without a verb of working to put an earlier one right
    ("等哈 我再算哈 是9年8个月"), or said alone ("3年5个月"); else None."""
    short = len(re.sub(r"\s", "", text or "")) <= _SAID_ALONE
    return length_said(text) if short or _PUTS_RIGHT.search(text or "") else None


def _months_of(m: re.Match[str]) -> int | None:
    if m.group("only"):
        months = parse_number(m.group("only"))
        return int(months) if months and 0 < months < MAX_YEARS * 12 else None
    raw = m.group("years")
    years = 0.5 if raw == "半" else parse_number(raw)
    if years is None or not 0 < years <= MAX_YEARS:
        return None
    total = round(years * 12)
    if m.group("months"):
        extra = parse_number(m.group("months"))
        if extra is None or not 0 <= extra < 12:
            return None
        total += int(extra)
    elif m.group("half"):
        total += 6
    return total


# leaving over the employer's breach: said under the sum (and read by the action to keep the
# conversation on it)
FORCED_LINE = (
    "单位欠薪、不缴社保等，你可以随时书面通知单位解除合同，不用提前30天，单位要给这笔经济补偿；"
    "解除通知要写明单位的违法事实。"
)


# dismissed while pregnant, ill or injured (《劳动合同法》第四十二条): unlawful, and the worker
# chooses between the job and 2N (第四十八条、第八十七条)
PROTECTED_LINE = (
    "孕期、产期、哺乳期或医疗期内，你没有严重违纪等过错，单位辞退你就属于违法解除：你可以"
    "要求继续履行劳动合同、回去上班；不愿回去或已经不能继续履行的，再要赔偿金。"
)


def severance_text(
    text: str,
    unlawful: bool = False,
    asked: bool = False,
    pay: float | None = None,
    forced: bool = False,
    worked: int | None = None,
    expired: bool = False,
    extra_days: int = 0,
    protected: bool = False,
) -> str | None:
    """The compensation worked out for a message that says how long the worker worked and
    asks what it comes to (`asked`: the conversation already asks it), else None; `pay`: the
    monthly pay told in another message; `forced`: the worker leaves because the employer
    broke the law (unpaid wages or insurance), which earns the compensation but no 2N;
    `protected`: dismissed while pregnant, ill or injured, the job may be kept instead."""
    worked = months_worked(text) if worked is None else worked
    if worked is None or not (asked or _HOW_MUCH.search(text)):
        return None
    s = Severance(worked, extra_days)
    n = s.months_pay
    unlawful = unlawful or _UNLAWFUL.search(text) is not None
    normal = (
        f"经济补偿：{format_number(n)}个月工资（每满1年给1个月；剩下不满1年的，"
        "满6个月按1年算，不满6个月给半个月）。"
    )
    doubled = f"违法辞退的赔偿金是经济补偿的2倍：{format_number(2 * n)}个月工资。"
    lines = [f"按您在本单位干了{s.worked_text()}算："]
    # (a contract ended and not renewed: the compensation, no dismissal to double)
    forced = forced or expired
    unlawful = unlawful and not forced
    lines += [doubled, normal] if unlawful else [normal] if forced else [normal, doubled]
    pay = monthly_pay(text) or pay
    if pay is not None:
        sums = [f"赔偿金约{format_number(2 * n * pay)}元", f"经济补偿约{format_number(n * pay)}元"]
        if forced:
            sums = sums[1:]
        lines.append(
            f"按月工资{format_number(pay)}元算："
            + "；".join(sums if unlawful else sums[::-1])
            + "。"
        )
    lines.append(
        "月工资按离职前12个月的平均应得工资算，奖金、津贴、补贴都算在内；月工资高于当地上年度"
        "职工月平均工资3倍的，按3倍算，年限最多算12年。"
    )
    lines.append(
        "合同到期单位不续签的，要给这笔经济补偿；单位维持或者提高原来的条件续签、你自己不愿续的，"
        "才不给（降低条件续签你不同意的，照样要给）。"
        if expired
        else FORCED_LINE
        if forced
        else PROTECTED_LINE
        if protected and unlawful
        else "能不能拿要看怎么离职的：单位提出协商解除、裁员、合同到期单位不续签、单位欠薪或不缴社保"
        "你被迫辞职等要给；你自己主动辞职一般没有。"
    )
    lines.append(
        "单位不给的，可以申请工会调解或劳动仲裁，都不收费，仲裁要在1年内申请；"
        "想请工会调解，说“申请调解”就行。"
    )
    source = PROTECTED_SOURCE if protected and unlawful and not expired else SOURCE
    lines.append(f"依据：{FORCED_SOURCE if forced and not expired else source}")
    return "\n".join(lines)


def about_unlawful(text: str) -> bool:
    """The message says the dismissal had no lawful reason ("没得别的理由", "看我不顺眼")."""
    return _UNLAWFUL.search(text or "") is not None


def about_severance(text: str) -> bool:
    return _ABOUT_SEVERANCE.search(text or "") is not None


# what the worker owes the employer, not what the employer owes: a training bond's or a
# non-compete's penalty ("签了五年服务期 我干了三年要走 要赔好多")
_PENALTY = re.compile(r"服务期|培训费|违约金|竞业")


def about_a_penalty(text: str) -> bool:
    return _PENALTY.search(text or "") is not None


def asks_how_much(text: str) -> bool:
    """The message asks what something comes to ("该补我好多", "能赔几个月")."""
    return _HOW_MUCH.search(text or "") is not None
