"""The words the compensation's calculator reads (split from actions/worked_out_severance.py):
leave not taken, a length said roughly, a second fixed term, the years claimed, the sum asked,
a probation's excess, someone else's time worked."""

from __future__ import annotations

import re

from intents.numbers import NUM

LEAVE_NOT_TAKEN = re.compile(r"年假[^，,。]{0,6}(?:没休|没有休|没得休|不准休|不让休|休不了)")

# a length said roughly ("3年多", "差不多4年"), beside a start day that says it exactly
ROUGHLY = re.compile(r"年多|差不多\s*\d|大概\s*\d|将近|快\s*\d\s*年")

ABOUT_LEAVE = re.compile(r"休|年假|假")
SECOND_TERM = re.compile(r"第二次|两次|又签|再签|续签|续了")
# the years the compensation is claimed for ("按6年算")
YEARS_CLAIMED = re.compile(rf"按\s*(?:{NUM})\s*年")
# what the worker gets asked ("那我能拿好多"), not any sum ("重庆最低工资现在是好多嘛")
SUM_ASKED = re.compile(
    r"能拿|能赔|能补|能要|该给我|该补|该拿|该赔|可以拿|可以要|拿好多|赔好多|赔我好多|补好多|补偿|赔偿|拿得到|要得到"
)
# the months of a probation over the cap, named
PROBATION_EXCESS = re.compile(r"多出来|多出的|超出|超过的|超了的|多搞|多定|多签|多约")
# someone else's time worked ("我同事干了3年"): not the worker's own pay
SOMEONE_ELSE = re.compile(
    r"同事|工友|老婆|老公|爱人|媳妇|我妈|我爸|老汉|朋友|他干|她干|他有|她有|他能|她能|还有个"
)
# the years at this employer said as such ("在这个公司做了2年"), beside the years in all
HERE_SAID = re.compile(
    r"(?:这个|这家|现在这个|现在的|本)(?:公司|厂|单位|店|酒店|医院)(?:头|里)?(?:才|只)?"
    # ("我总共上了15年班 在这个酒店6年": the years said with no verb)
    r"(?:做|干|上)?(?:了)?\s*(?:\d|[一二两三四五六七八九十半])"
)
# the years at a new employer said to start again ("工龄从零开始算", "年限清零")
YEARS_RESET = re.compile(
    r"(?:工龄|年限|工作年限)[^，,。]{0,4}(?:从零|清零|归零|重新算|从头算|不算了|不连续)"
)
# the compensation named by its N ("the 2N", "N+1")
NAMED_BY_ITS_N = re.compile(r"2\s*[nN]|[nN]\s*\+\s*1")
