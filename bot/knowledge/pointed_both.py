"""Two things said together that point at one entry, whatever answer came before (split from
bot/knowledge/pointed_asked.py): an injury settled privately, a holiday
worked for time off, no day off at all, a rest day's pay denied, insurance swapped for cash,
dangerous work ordered and the worker leaving over it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.index import Answer, Knowledge


# two things said together that point at one entry, whatever answer came before
@dataclass(frozen=True)
class BothSaid:
    first: re.Pattern[str]
    second: re.Pattern[str]
    entry: str

    def points(self, text: str) -> bool:
        return bool(self.first.search(text) and self.second.search(text))


BOTH_SAID = (
    # "我在厂头切纸机上把手指头压了 老板说给5千块私了 要得不": an injury at work settled with a
    # sum before it is recognised; the recognition comes first
    BothSaid(
        re.compile(r"私了|两清|一次性了断|买断"),
        re.compile(r"压了|压到|砸了|砸到|夹了|夹到|切了|切到|伤了|受伤|骨折|断了|烫伤|摔伤|工伤"),
        "injury_apply_deadline",
    ),
    # "国庆1号2号3号我都在酒店上班 老板说以后给我补休就算了": a statutory holiday worked, time
    # off offered instead of the 300 % (which time off cannot replace)
    BothSaid(
        re.compile(r"国庆|春节|元旦|五一|劳动节|清明|端午|中秋|法定节假日|法定假日"),
        re.compile(r"补休|调休|倒休|换休"),
        "ot_pay_rates",
    ),
    # "元旦我们车队要排我出车 这种工资咋个算": a statutory holiday worked, its pay asked (300 %,
    # 劳动法第四十四条)
    BothSaid(
        re.compile(
            r"(?:国庆|春节|过年|元旦|五一|劳动节|清明|端午|中秋|法定节假日|法定假日)[^。？?]{0,12}"
            r"(?:(?<![不没])(?:上班|出车|加班|干活|开工|出工)|排我|排了我|不放假|不休)"
        ),
        re.compile(r"工资|加班费|钱|咋个?算|怎么算|几倍"),
        "ot_pay_rates",
    ),
    # "每天上12个钟头 一个月一天都没休过 这个合法不": no day off at all asked of, the bigger
    # wrong of the two (劳动法第三十八条: at least one day off a week), whatever the hours
    BothSaid(
        re.compile(
            r"一天都没(?:有)?(?:休|歇|放)|没(?:有)?休(?:息)?过一天|(?:一|1)个月(?:都)?没(?:有)?(?:休|歇)"
            r"|天天(?:都)?(?:上班|要上)[^，,。]{0,4}没(?:有)?(?:休|歇)|一个月(?:上|干|做)满(?:30|31|三十)天"
        ),
        re.compile(r"合法|违法|犯法|可以不|行不行|要得不|对不对|正常不|这样算"),
        "leave_weekly_rest",
    ),
    # "每周要上6天课 星期六也上 学校说当老师就是这样 没得加班费": the rest day worked and its pay
    # denied (a day off in lieu, else 200 %: 劳动法第四十四条)
    BothSaid(
        re.compile(
            r"(?:星期六|周六|礼拜六|星期天|周日|礼拜天|周末)也(?:上|要上|干|做)|(?:每周|一周|一个星期)[^，,。]{0,4}[6六七7]天"
        ),
        re.compile(r"(?:没得|没有|不给|莫得|不算|不发)加班费"),
        "ot_pay_rates",
    ),
    # "站长说不给买社保 每个月多补200块钱 这样合法不": the insurance swapped for cash, whoever
    # employs (a waiver is void: 社会保险法第六十条)
    BothSaid(
        re.compile(
            r"(?:不给|不|没)(?:我们?)?(?:买|交|缴|上)社保|社保[^，,。]{0,3}(?:不买|不交|不缴)"
        ),
        re.compile(
            r"(?:多|另外)(?:补|给|发)[^，,。]{0,4}\d+|折(?:成)?(?:现|钱)|发(?:成)?现金|补贴\d+"
        ),
        "si_waiver_invalid",
    ),
    # "6楼外面搭架子 安全带都不发 不上就滚 我现在想马上走 还要提前一个月说不": work that
    # endangers the worker ordered, and the worker leaving over it: no notice needed
    # (劳动合同法第三十八条第二款; the right to refuse it: 安全生产法第五十四条)
    BothSaid(
        re.compile(
            r"强令|冒险|违章指挥|安全带[^，,。]{0,4}(?:都|也)?(?:不发|没发|没得|没有|不给)"
            r"|(?:没得|没有|不发|不给)[^，,。]{0,4}(?:安全带|安全帽|防护)"
            r"|(?:不上|不去|不干)就(?:滚|走人|开除|不要)|危险[^，,。]{0,6}(?:也要|还要|逼|硬要)"
        ),
        re.compile(
            r"马上走|立马走|直接走|现在走|想走|要走|走人|辞职|辞工|不干了|不做了"
            r"|提前(?:一个|1个|30天|三十天)"
        ),
        "quit_immediate_38",
    ),
)


def both_said_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The entry the first rule of BOTH_SAID that fits points at, or None."""
    rule = next((r for r in BOTH_SAID if r.points(text)), None)
    return None if rule is None else knowledge.get(rule.entry)


INJURY_COUNTS = "injury_what_counts"
# "我在物流园开叉车 上个月把腰扭了", "上班把手压了": hurt at work told, nothing else asked
_HURT = re.compile(
    r"受伤|受了伤|扭了|扭伤|闪了腰|摔了|摔伤|摔断|骨折|压了|压伤|压到|砸了|砸伤|砸到|夹了|夹伤|夹到"
    r"|烫伤|烫到|割伤|割到|划伤|戳伤|伤到"
)
_AT_WORK = re.compile(
    r"上班|干活|做事|做工|开叉车|开车|搬货|搬东西|工地|厂里|厂头|车间|仓库|物流|送货|送外卖|送快递|工作"
    r"|在[^，,。？?]{1,8}(?:做|干|上班|开)"
)
# another thing asked of the hurt: its own entry answers ("病假工资咋算", "能赔好多")
_OTHER_ASKED = re.compile(
    r"病假|产假|工资|补偿|赔|辞退|开除|私了|多少钱|好多钱|报销|医药费|住院"
    # who the worker is decides it (their own entries): dispatched, past retirement, an intern,
    # a contracted job, a gang boss, a rider; and who must apply, asked
    r"|派遣|退休|岁|实习|学生|外包|承包|包工头|包活|接活|骑手|外卖|众包|哪个|谁|找哪|保险"
)


def hurt_at_work_told(knowledge: Knowledge, text: str) -> Answer | None:
    """Hurt at work, told with nothing else asked: what counts as a work injury (and how to
    have it recognised), not a course named by the job (开叉车) nor "没太明白"."""
    if _HURT.search(text) and _AT_WORK.search(text) and not _OTHER_ASKED.search(text):
        return knowledge.get(INJURY_COUNTS)
    return None
