"""English of a worker leaving a job ("do I have to tell my boss 30 days before?", "I'm still in
probation", "they only pay 3600 during probation", "when must they pay my last salary"), merged
with intents/english_words.py's table by intents/foreign.py; the notice with its days and the
pay in probation are read with their figures first (LEAVING_NUMBERED). Read as 提前30天通知,
试用期 and 最后的工资 they bring the entries on the notice to quit (《劳动合同法》第三十七条),
the probation pay (第二十条) and the last wages (《工资支付暂行规定》第九条)."""

from __future__ import annotations

import re

LEAVING = {
    "quit my job": "辞职",
    # "can I get any compensation? I quit by myself": one's own resignation
    "i quit by myself": "我自己辞职",
    "i quit on my own": "我自己辞职",
    "quit by myself": "自己辞职",
    "resigned by myself": "自己辞职",
    "i resigned myself": "我自己辞职",
    "quit the job": "辞职",
    "resign": "辞职",
    "still in probation": "还在试用期",
    "still on probation": "还在试用期",
    "in probation": "在试用期",
    "on probation": "在试用期",
    "probation period": "试用期",
    "i will leave": "我要离职",
    "last salary": "最后的工资",
    "last paycheck": "最后的工资",
    "final salary": "最后的工资",
    "final pay": "最后的工资",
    "when must they pay": "什么时候要发",
    "when do they have to pay": "什么时候要发",
    "when should they pay": "什么时候要发",
    # "can I still get unemployment benefits even though I quit myself?": the unemployment
    # benefit (《社会保险法》第四十五条), and how long it is paid ("how long can I get it")
    "unemployment benefits": "失业保险金",
    "unemployment benefit": "失业保险金",
    "unemployment money": "失业保险金",
    "unemployment pay": "失业保险金",
    "unemployment insurance": "失业保险",
    "paid unemployment insurance": "交了失业保险",
    "can i still get": "还能领",
    "even though i quit myself": "虽然是我自己辞职",
    "even though i quit": "虽然是我辞职",
    "how long can i get it": "能领多久",
    "how long can i get": "能领多久",
    "how many months can i get": "能领几个月",
    # "he won't give me any paper saying I left": the certificate of leaving (第五十条)
    "any paper saying i left": "离职证明",
    "a paper saying i left": "离职证明",
    "paper saying i left": "离职证明",
    "proof that i left": "离职证明",
    "proof of leaving": "离职证明",
    "leaving certificate": "离职证明",
    "separation certificate": "离职证明",
    "termination certificate": "离职证明",
    "resignation certificate": "离职证明",
    "certificate of resignation": "离职证明",
    # "will they pay me for the days i already worked this month": the last wages, paid in one
    # go when the job ends (《工资支付暂行规定》第九条)
    "pay me for the days i already worked": "离职时已经干了的工资要结清吗",
    "pay me for the days i worked": "离职时已经干了的工资要结清吗",
    "pay for the days i already worked": "离职时已经干了的工资要结清吗",
    "pay for the days i worked": "离职时已经干了的工资要结清吗",
    "the days i already worked": "已经干了的工资",
    "the days i worked": "已经干了的工资",
    # "do they have to pay me severance because I'm leaving?": one's own resignation
    "have to pay me severance": "要给我经济补偿吗",
    "have to pay severance": "要给经济补偿吗",
    "pay me severance": "给我经济补偿",
    "because i'm leaving": "我自己辞职",
    "because i am leaving": "我自己辞职",
    "because i quit": "我自己辞职",
    "because i resign": "我自己辞职",
    # "the company says no money because we quit ourselves, is that right?": paid for the leave
    # not taken whoever ended the contract
    "because we quit ourselves": "我们自己辞职",
    "because we quit": "我们自己辞职",
    "says no money": "说不给钱",
    "is that right": "对不对",
    "if i quit": "我自己辞职",
    "if i resign": "我自己辞职",
}

# "tell my boss 30 days before", "give 30 days notice": the notice to quit, its days said
_NOTICE = re.compile(
    r"\b(?:do i (?:have|need) to |must i |should i )?(?:tell|inform|notify) (?:my |the )?"
    r"(?:boss|employer|company|manager)(?: about it)? (\d{1,2}) days? (?:before|in advance|ahead)\b"
    r"|\b(?:give|giving) (\d{1,2}) days?'? notice\b"
)
# "my salary in contract is 4800 a month but they only pay 3600 during probation"
_PROBATION_PAY = re.compile(
    r"\b(?:my )?(?:salary|pay|wage) (?:in|on) (?:the |my )?contract is (\d{3,6})(?: yuan)?(?: a month| per month| monthly)?"
    r",? but (?:they |the company |my boss )?(?:only )?(?:pay|give)s?(?: me)? (\d{3,6})(?: yuan)?"
    r" (?:during|in|on) (?:the )?probation\b"
)
# "started 2 months ago": how long the worker has been in the job
_STARTED = re.compile(
    r"\b(?:i )?started(?: (?:work|working|the job))? (\d{1,2}) (month|week|day)s? ago\b"
)
# "I paid unemployment insurance for 3 years": the years of contributions (交了3年)
_PAID_FOR = re.compile(
    r"\b(?:i (?:have )?)?(?:paid|paying) (unemployment insurance|social insurance|insurance|pension)"
    r" for (\d{1,2}) years?\b"
)
_PAID_WHAT = {
    "unemployment insurance": "失业保险",
    "social insurance": "社保",
    "insurance": "保险",
    "pension": "养老保险",
}
_UNIT = {"month": "个月", "week": "个星期", "day": "天"}
# "how much compensation should I get for 3 years?": the years worked, with the sum asked
_FOR_YEARS = re.compile(
    r"\b(?P<ask>(?:compensation|severance|get|receive)\b[^.?!]{0,20}?)\s+(?:for|after) (?P<n>\d{1,2}) years?\b"
)
LEAVING_NUMBERED = [
    (_STARTED, lambda m: f"上班{m.group(1)}{_UNIT[m.group(2)]}了 "),
    (_PAID_FOR, lambda m: f"{_PAID_WHAT[m.group(1)]}交了{m.group(2)}年 "),
    (_FOR_YEARS, lambda m: f"{m.group('ask')} 干了{m.group('n')}年 "),
    (_NOTICE, lambda m: f"要不要提前{m.group(1) or m.group(2)}天通知老板 "),
    (_PROBATION_PAY, lambda m: f"合同工资{m.group(1)} 试用期只发{m.group(2)} "),
]
