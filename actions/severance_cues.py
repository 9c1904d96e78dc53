"""The words the compensation's calculator reads (split from actions/worked_out_severance.py):
leave not taken, a length said roughly, a second fixed term, the years claimed, the sum asked,
a probation's excess, someone else's time worked."""

from __future__ import annotations

import re

from actions.leaving_told import DISMISSED
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
PROBATION_DISMISSAL = "probation_dismissal"  # let go in probation: unlawful without grounds
_ON_PROBATION = re.compile(r"试用|没转正|不转正|不给转正")


_PAID_SHORT = re.compile(r"少发|少给|少拿|少的|差的|补差|补足")


def probation_asked_instead(text: str, slug: str, after: bool) -> bool:
    """After an answer about probation, the probation's own sum is asked, not a compensation:
    its excess ("做满了6个月 多出来那4个月他要赔我好多") or a worker still on it ("我已经上了5个月班了
    还说我在试用期 转正工资是4500 能赔好多"); not one let go in it ("试用期工资4500 能赔好多" right
    after the answer on a dismissal in probation)."""
    if not slug.startswith("probation"):
        return False
    if PROBATION_EXCESS.search(text) or _PAID_SHORT.search(text):
        return True  # (or its pay's shortfall: "我已经做了1个月了 少给的能补不")
    return (
        _ON_PROBATION.search(text) is not None
        and DISMISSED.search(text) is None
        and not (after and slug == PROBATION_DISMISSAL)
    )


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
# the money chosen over the job back ("我不想回去了 就要钱", "不回去了 要赔偿金")
MONEY_CHOSEN = re.compile(
    r"不想回去|不回去|不想再回去|回不去|就要钱|只要钱|要赔偿金|拿钱走人|要钱走人|要赔钱"
)
# the pay told with what it holds beside the base ("加上加班费平均每个月有7000")
PAY_WITH_EXTRAS = re.compile(
    r"(?:加上|算上|连上|加起|连同|包括|含)[^，,。]{0,4}(?:加班费|提成|奖金|补贴|津贴|绩效)"
)

# the entries after which "干了五年零八个月 能拿好多" asks what the compensation comes to
SEVERANCE_TOPICS = frozenset(
    {
        "sev_calc",
        "sev_unlawful_2x",
        "sev_when_due",
        "sev_contract_expiry",
        # (a layoff's: "我在这个厂做了5年零8个月 前头12个月平均下来5千5左右" after it)
        "quit_mass_layoff",
        "quit_notice_dismissal",
        # a move the worker cannot follow: dismissal under 第四十条 with compensation
        "contract_relocation",
        # leaving at once because of unpaid wages or insurance, with compensation
        "quit_immediate_38",
        "quit_fired_fault",
        # dismissed for ranking last, or without the union told: unlawful, the 2N
        "quit_last_place_ranking",
        "quit_union_not_notified",
        "quit_protected",
        "probation_dismissal",
        "quit_business_slow",
        # pushed to write a resignation: what leaving at the employer's wish is worth
        "quit_resign_pressure",
        # a second fixed-term contract not renewed
        "contract_second_fixed_term",
        # a domestic worker placed by an agency that signed the contract
        "flex_household_domestic",
    }
)
# the grounds given for a dismissal, asked whether they hold ("他说我迟到了3回 算严重违纪";
# "如果他后头补个理由说我不胜任工作呢"): not the sum
GROUNDS = re.compile(
    r"严重违纪|违纪|违反[^，,。]{0,6}制度|旷工|迟到|早退|不胜任|不能胜任|胜任不了|补个理由"
)
# let go in probation as not up to it ("公司说我试用期不合格 喊我走人 有没得补偿"): whether the
# employer can prove the hiring conditions unmet decides it (劳动合同法第三十九条第一项), the
# probation's own entry, not a sum
PROBATION_FAILED = re.compile(
    r"试用期?[^，,。]{0,6}(?:不合格|没通过|没过|不过关|考核不)|不符合录用条件|达不到录用条件"
)

# "那要是他们嫌我年纪大了 直接不要我了呢" after a contract not renewed: a dismissal supposed
# instead, not the expiry
WHAT_IF = re.compile(r"^\s*(?:那|那么)?(?:要是|如果|假如|万一|假设)")
# a what-if anywhere in the message ("干了5年 工资4600 要是公司现在就硬要我走呢")
WHAT_IF_WITHIN = re.compile(r"要是|如果|假如|万一|假设")
# the employer would have the dismissal written as the worker's own leaving ("店长说算我自己辞职的
# 喊我签个字", "让我写个自愿离职"): whether to sign, not the sum again
RESIGNATION_PRESSED = re.compile(
    r"算(?:我|成)?(?:自己|主动)?(?:辞职|离职|自离|自愿离职)|写成(?:我)?(?:自己|主动)?(?:辞职|离职)"
    r"|(?:逼|让|叫|喊|要|劝)我(?:自己)?(?:主动)?(?:写|打|签)个?(?:辞职|辞工|自愿离职|离职申请)"
)
