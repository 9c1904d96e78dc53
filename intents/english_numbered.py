"""English and pinyin with figures in them, read before the runs of letters (which stop at
digits): "worked 10 extra hours" -> 加了10个小时, "5220 yuan a month" -> 每个月5220元,
"october 1st" -> 10月1号 (split from intents/foreign.py)."""

from __future__ import annotations

import re

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
# a month by its name or its short name ("oct", "sept")
_MONTH_OF = {**{m: m for m in _MONTHS}, **{m[:3]: m for m in _MONTHS}, "sept": "september"}
# English with a number in it, read before the runs of letters (which stop at digits):
# "worked 10 extra hours" -> 加了10个小时, "5220 yuan a month" -> 每个月5220元, "october 1st"
NUMBERED = [
    # "I resigned on 2026-09-30", "she also quit on …": the last day, then the leaving
    (
        re.compile(
            r"\b(?:resigned|quit|left|leave|leaving)(?: the job| the company)? on (20\d{2})-(\d{1,2})-(\d{1,2})\b"
        ),
        lambda m: f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}号离职 ",
    ),
    # "after working there exactly 2 years": the time at this employer
    # ("I've been there 2 years and 7 months": the same, with been)
    (
        re.compile(
            r"(?:working|worked|been) (?:there|here)(?: for)?(?: exactly| about| almost| nearly| over)?"
            r" (\d+(?:\.\d+)?) years?(?:,? (?:and )?(\d+) months?)?"
        ),
        lambda m: f"干了{m.group(1)}年{m.group(2) + '个月' if m.group(2) else ''} ",
    ),
    # "my cousin is 17, can he join too?": an age, and whether one may enrol
    (
        re.compile(
            r"\bis (\d{1,2})(?: years old)?,? (?:can|could|may) (?:he|she|they|i) "
            r"(?:join|sign up|enrol|enroll|take (?:it|the course|the class)|come)"
        ),
        r"\1岁了 能报不 ",
    ),
    # "5 years and 8 months", "2 years 9 months": one length, not the years and months apart
    (re.compile(r"\b(\d+) years?,? (?:and )?(\d+) months?\b"), r"\1年\2个月 "),
    # "only 3 years at this company": the years at this employer (the place said after them)
    (
        re.compile(
            r"\b(\d+(?:\.\d+)?) years? (?:at|in|with|for) (?:this|my current|the current|my)"
            r" (?:company|factory|employer|firm|job|workplace|place)\b"
        ),
        r"在这个公司干了\1年 ",
    ),
    # "fired me after 4 years": the years worked there
    (
        re.compile(
            r"\b(?:fired|dismissed|sacked|let go|laid off)( me)? after (\d+(?:\.\d+)?) years?"
        ),
        r"辞退了我 干了\2年 ",
    ),
    # "my son is 9", "he is 9 years old": a child's age
    (
        re.compile(r"\bmy (son|daughter|kid|child|boy|girl) is (\d{1,2})\b(?: years? old)?"),
        lambda m: f"我{'女儿' if m.group(1) in ('daughter', 'girl') else '儿子'}{m.group(2)}岁 ",
    ),
    (re.compile(r"\b(\d{1,2}) years? old\b"), r"\1岁 "),
    # "I'm 19 and I finished junior high school": the worker's own age
    (
        re.compile(r"\bi(?:'m| am) (\d{1,2})\b(?!\s*(?:yuan|rmb|kuai|hours?|days?|months?|%))"),
        r"我\1岁 ",
    ),
    # "the 2N", "N+1": the compensation's names
    (re.compile(r"\b2\s*n\b"), "2N "),
    (re.compile(r"\bn\s*\+\s*1\b"), "N+1 "),
    # ("gong si shuo zhi gei N bu gei na ge +1": the N alone, the compensation by the years)
    (re.compile(r"(?<![a-z'])n(?![a-z'+])"), " N "),
    # "my boss took 1500 out of my salary": a sum docked from the pay
    (
        re.compile(
            r"\b(?:took|takes|deducted|docked|cut)\s+(\d+(?:\.\d+)?)\s*(?:yuan|rmb|kuai)?"
            r"\s+(?:out of|from|off)\s+my\s+(?:salary|wages?|pay)"
        ),
        r"扣了我\1元 ",
    ),
    # "for those 3 days": the days told before, pointed at
    (re.compile(r"\b(?:those|these) (\d+) days?\b"), r"那\1天 "),
    # "no written contract for 5 months": the months worked without one
    (
        re.compile(
            r"\b(no (?:written )?contract|without (?:a )?contract)( for| in)? (\d+) months?"
        ),
        r"\1 干了\3个月 ",
    ),
    # "I work in a furniture factory 4 months already", "been working there 7 months": the
    # months worked (not months owed: "owed 3 months" is read elsewhere)
    (
        re.compile(
            r"\b(?:(?:worked|working|been)(?: there| here)?(?: for)? (\d+) months?"
            r"|(\d+) months? (?:already|so far|now)\b)"
        ),
        lambda m: f"干了{m.group(1) or m.group(2)}个月 ",
    ),
    # "what if I had worked 12 years in total": the years worked in all
    (
        # ("what if i had 20 years in total": had, the years of work)
        re.compile(
            r"\b(?:worked|working|work|had|have|with) (?:for )?(\d+(?:\.\d+)?) years? in total\b"
        ),
        r"累计工作\1年 ",
    ),
    # "3 years of work in total": the years worked in all
    (re.compile(r"(\d+(?:\.\d+)?) years? of (?:work|working)(?: in total)?"), r"累计工作\1年 "),
    # "2026-09-30": the date as the date readers know it
    (
        re.compile(r"\b(20\d{2})-(\d{1,2})-(\d{1,2})\b"),
        lambda m: f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}号 ",
    ),
    # "my boss only pays 20 yuan per hour for all overtime": the employer's rate an hour
    (
        re.compile(
            r"\b(only )?(?:pays?|paid|gives?|gave)(?: me| us)? (\d+(?:\.\d+)?) ?"
            r"(?:yuan|rmb|kuai)? (?:per|an|a|each|every) hour\b"
        ),
        lambda m: f"{'只' if m.group(1) else ''}给{m.group(2)}元一个小时 ",
    ),
    # "40 hours after normal hours on weekdays": weekday overtime after the day's work
    (
        re.compile(
            r"(\d+(?:\.\d+)?) hours? (?:after|beyond|past) (?:normal|regular|working|work|office)"
            r"(?: hours)?(?: on weekdays| on weekday evenings)?"
        ),
        r"工作日下班后加班\1个小时 ",
    ),
    # "for those 40 hours": the hours told before, pointed at
    (re.compile(r"\b(?:those|these) (\d+(?:\.\d+)?) hours?"), r"那\1个小时 "),
    (re.compile(r"(\d+(?:\.\d+)?) (?:extra|overtime) hours?"), r"加了\1个小时 "),
    (re.compile(r"(\d+(?:\.\d+)?) hours? (?:of )?overtime"), r"加了\1个小时 "),
    (re.compile(r"(\d+(?:\.\d+)?) (?:extra|overtime) days?"), r"加了\1天 "),
    (re.compile(r"(\d+(?:\.\d+)?) (?:yuan|rmb|kuai) (?:a|per|each) month"), r"每个月\1元 "),
    # "my salary is 4350 a month", "4 saturdays 8 hours each", "stay 2 hours extra"
    (re.compile(r"(\d{3,6}(?:\.\d+)?) (?:a|per|each) month"), r"每个月\1元 "),
    # "my average over the last 12 months was 7800": the pay averaged (第四十七条's month)
    (
        re.compile(
            r"\b(?:my )?average(?: monthly)?(?: pay| salary| wages?| income)?"
            r"(?: over| for| in)? (?:the )?(?:last|past) (\d+) months? (?:was|is) (?:about )?(\d+)"
        ),
        r"最近\1个月平均是\2 ",
    ),
    (
        re.compile(
            r"\b(?:my )?average(?: monthly)?(?: pay| salary| wages?| income)? (?:was|is) (?:about )?(\d+)"
        ),
        r"平均每个月\1 ",
    ),
    # "7000 is the base": the figure told before is only the basic pay
    (
        re.compile(
            r"(\d+(?:\.\d+)?) (?:yuan )?(?:is|was) (?:just |only )?(?:the|my) base(?: pay| salary)?\b"
        ),
        r"\1是底薪 ",
    ),
    # "for the last 3 months": how many months of it
    (re.compile(r"(?:for )?the (?:last|past) (\d+) months?"), r"最近\1个月 "),
    # "about 4 saturdays a month": the rest days of each month
    (
        re.compile(r"(\d+) (saturdays|sundays) (?:a|per|each|every) month"),
        lambda m: f"一个月{m.group(1)}个{'周六' if m.group(2).startswith('sa') else '周日'} ",
    ),
    (
        re.compile(r"(\d+) (saturdays|sundays)"),
        lambda m: f"{m.group(1)}个{'周六' if m.group(2).startswith('sa') else '周日'} ",
    ),
    # "9 hours a day, 6 days a week", "my shifts are 12 hours": a working week told
    (re.compile(r"(\d+(?:\.\d+)?) hours? (?:a|per|each|every) day"), r"每天\1个小时 "),
    (re.compile(r"\bshifts? (?:are|is) (\d+(?:\.\d+)?) hours?"), r"每天\1个小时 "),
    (re.compile(r"(\d) days? (?:a|per|each|every) week"), r"一周\1天 "),
    # "is 60 hours a month even allowed?": the hours of a month, asked whether lawful
    (re.compile(r"(\d+(?:\.\d+)?) hours? (?:a|per|each|every) month"), r"一个月\1个小时 "),
    (re.compile(r"(\d+(?:\.\d+)?) hours? each"), r"每天\1个小时 "),
    # "I worked on May 1st, the full 8 hours": the day's hours worked
    (re.compile(r"(?:the )?(?:full|whole|entire) (\d+(?:\.\d+)?) hours?"), r"上了\1个小时 "),
    # "my salary is 6525 not 6090": the figure corrected
    (re.compile(r"(\d+(?:\.\d+)?),? not (\d+(?:\.\d+)?)\b"), r"\1 不是\2 "),
    (re.compile(r"(\d+(?:\.\d+)?) hours? extra"), r"加了\1个小时 "),
    (re.compile(r"(\d+(?:\.\d+)?) (?:yuan|rmb|kuai)"), r"\1元 "),
    # a number in pinyin with its unit ("wo gong zuo le 12 nian", "8 ge yue", "3 tian")
    # ("4 nian ban": four and a half years)
    (re.compile(r"(\d+) ?nian ?ban\b"), r"\1年半 "),
    # ("wo gan le 5 nian 8 ge yue": one length, not 5年 and 8个月 apart)
    (re.compile(r"(\d+) ?nian,? ?(?:ling |you )?(\d+) ?ge ?yue\b"), r"\1年\2个月 "),
    (re.compile(r"(\d+(?:\.\d+)?) ?nian\b"), r"\1年 "),
    (re.compile(r"(\d+) ?ge ?yue\b"), r"\1个月 "),
    # "9 yue he 10 yue": months of the year in pinyin
    (re.compile(r"\b(\d{1,2}) ?yue\b"), r"\1月 "),
    (re.compile(r"(\d+) ?tian\b"), r"\1天 "),
    # "wanshang 8 dian dao zaoshang 8 dian", "4 ge zhongtou": the clock and hours in pinyin
    (re.compile(r"(\d{1,2}) ?dian\b"), r"\1点 "),
    (re.compile(r"(\d+) ?ge ?zhong ?tou\b"), r"\1个钟头 "),
    (re.compile(r"(\d+) ?ge ?xiao ?shi\b"), r"\1个小时 "),
    # "wuyi 1 hao 2 hao dou shang le": days of the month in pinyin
    (re.compile(r"(\d{1,2}) ?hao\b"), r"\1号 "),
    # "I started on March 1", "joined on oct 8th": the day the job began
    (
        re.compile(
            rf"\b(?:i )?(?:started|joined)(?: work| working| the job)? on ({'|'.join(_MONTH_OF)})\.? "
            r"(\d{1,2})(?:st|nd|rd|th)?\b"
        ),
        lambda m: f"我是{_MONTHS.index(_MONTH_OF[m.group(1)]) + 1}月{m.group(2)}号入职的 ",
    ),
    # "I only joined this March": the month this year the job began
    (
        re.compile(
            rf"\b(?:only )?(?:joined|started)(?: (?:in|on))? this ({'|'.join(_MONTHS)})\b(?! \d)"
        ),
        lambda m: f"今年{_MONTHS.index(m.group(1)) + 1}月才入职 ",
    ),
    (
        # "oct 1 to 3", "october 1st-3rd": the days of a month, from one to another ("oct 1 to
        # oct 3": the month said again)
        re.compile(
            rf"\b({'|'.join(_MONTH_OF)})\.? (\d{{1,2}})(?:st|nd|rd|th)?"
            r"\s*(?:to|-|through|until|till)\s*(?:\1\.?\s*)?(\d{1,2})(?:st|nd|rd|th)?\b"
        ),
        lambda m: f"{_MONTHS.index(_MONTH_OF[m.group(1)]) + 1}月{m.group(2)}号到{m.group(3)}号 ",
    ),
    (
        # "october 1, 2 and 3": several days of a month, each
        re.compile(
            rf"\b({'|'.join(_MONTH_OF)})\.? (\d{{1,2}})(?:st|nd|rd|th)?"
            r"((?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*)\s*,?\s*and\s*(\d{1,2})(?:st|nd|rd|th)?\b"
        ),
        lambda m: (
            f"{_MONTHS.index(_MONTH_OF[m.group(1)]) + 1}月"
            + "、".join(
                f"{d}号" for d in [m.group(2), *re.findall(r"\d{1,2}", m.group(3)), m.group(4)]
            )
            + " "
        ),
    ),
    (
        re.compile(rf"\b({'|'.join(_MONTHS)}) (\d{{1,2}})(?:st|nd|rd|th)?\b"),
        lambda m: f"{_MONTHS.index(m.group(1)) + 1}月{m.group(2)}号 ",
    ),
    # "didn't get paid for October": the month's pay
    (
        re.compile(rf"\b(?:for|in) ({'|'.join(_MONTHS)})\b(?! \d)"),
        lambda m: f"{_MONTHS.index(m.group(1)) + 1}月 ",
    ),
]
