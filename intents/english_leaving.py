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
_UNIT = {"month": "个月", "week": "个星期", "day": "天"}
# "how much compensation should I get for 3 years?": the years worked, with the sum asked
_FOR_YEARS = re.compile(
    r"\b(?P<ask>(?:compensation|severance|get|receive)\b[^.?!]{0,20}?)\s+(?:for|after) (?P<n>\d{1,2}) years?\b"
)
LEAVING_NUMBERED = [
    (_STARTED, lambda m: f"上班{m.group(1)}{_UNIT[m.group(2)]}了 "),
    (_FOR_YEARS, lambda m: f"{m.group('ask')} 干了{m.group('n')}年 "),
    (_NOTICE, lambda m: f"要不要提前{m.group(1) or m.group(2)}天通知老板 "),
    (_PROBATION_PAY, lambda m: f"合同工资{m.group(1)} 试用期只发{m.group(2)} "),
]
