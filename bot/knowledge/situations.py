"""An entry about a narrower situation is not the answer for a worker who does not say they
are in it: "社保没买合法吗" was answered with the entry on insurance during probation
(试用期公司要给我买社保吗) ahead of the general duty to pay it, because its phrasings share the
words; the worker never said they were on probation."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

# a category whose entries all assume a situation, and the words that say the worker is in it
SITUATIONS = {
    "试用期": re.compile(r"试用|转正|刚入职|新入职|刚进|新进|刚来|才来|才进|入职|实习"),
}
# how far such an entry falls when the situation is not named: behind a general entry of
# nearly the same words, not behind everything
DEMOTED = 0.7


# single entries that assume a situation, and the words that say the worker is in it ("在厂里
# 搬货遭砸伤了脚 算工伤不" is no business trip)
SITUATION_ENTRIES = {
    # (not "厂头喊我回家歇着": going home after a hurt at work is no commute)
    "injury_commute": re.compile(
        r"上下班|上班路|下班路|路上|途中|交通|车祸|撞|骑车|电瓶车|电动车|摩托|开车|公交|地铁|轻轨|走路|过马路"
    ),
    "injury_business_trip": re.compile(r"出差|外出|外地|派我去|派到|办事|见客户|跑业务"),
    "flex_household_domestic": re.compile(r"保姆|家政|主人家|雇主|东家|钟点工|阿姨|月嫂|育儿嫂"),
    # a teacher at a school is no student on a placement; a worker hurt is not past
    # retirement age unless the message says so
    "student_intern_rights": re.compile(r"实习|学生|职高|中专|技校|顶岗|学徒工?.{0,4}学校"),
    # ("退休年龄咋算" asks the age, the worker is not past it)
    "older_past_retirement": re.compile(
        r"退休了|退了休|退的休|已经退休|退休后|退休以后|退休的人|退休人员|退休工人|到了退休|过了退休"
        r"|超龄|养老金|返聘|年纪超|岁数过|[6-9]\d\s*岁|[六七八]十(?:多|几)?岁?|[六七八]十[一二三四五六七八九]"
        # "我今年63了": an age past 60 told without 岁
        r"|(?:今年|都|已经|快)[6-9]\d\s*了"
    ),
    # an older worker's rights: only for one who tells their age ("进公司五个月了还没签合同
    # 这样行不行" is not "五十好几了…这样行不行")
    "older_worker_rights": re.compile(
        r"年纪|岁数|年龄|老了|超龄|[4-6]\d\s*岁|(?:我|今年|都|已经)[4-6]\d了|[四五六]十(?:多|几|好几)?岁?|快退休|退休"
    ),
    # what mediation is like: asked of the mediator or the way it goes, not of its time limit
    "mediation_how": re.compile(
        r"调解员|怎么调|咋个调|咋调|过程|流程|谈|协商|出面|到场|站哪边|偏向|中立|开会"
    ),
    # a stop to the work itself ("平时只给点生活费" of wages held to the year's end is none)
    "wage_shutdown": re.compile(
        r"停产|停工(?!留薪)|停业|放假|放长假|待岗|没订单|没活|关门|歇业|回家等"
    ),
    # annual leave after sick leave: asked of the annual leave ("病假最多能请好久" is not)
    "leave_annual_sick": re.compile(r"年假|年休假|带薪假|休假"),
    # leave not taken and its pay ("休了产假 年假就莫得了" asks whether there is any)
    "leave_annual_unused": re.compile(
        r"钱|补|工资|倍|折算|离职|辞职|走了|没休|未休|休不了|休不完|没休完|作废|清零|不安排|不准|不批|不让|过期"
    ),
    # a training bond ("从来没给我培训也没调岗位" tells no bond)
    "noncomp_training_bond": re.compile(
        r"服务期|违约金|培训费|赔钱|赔培训|协议|出钱(?:送我|让我|给我)?(?:去)?培训|送我去培训|培训了我"
    ),
    # dismissed in probation ("I want to quit … on probation" resigns, nobody dismisses)
    "probation_dismissal": re.compile(
        r"辞退|开除|炒|解除|不要我|开了|开我|把我开|喊我走|叫我走|让我走|不合格|不符合|随便开|辞掉我|辞了我|辞我|走人|录用条件"
    ),
    # the notice of a resignation ("能不能早点退休 最多提前好久" asks about retiring)
    "quit_notice_period": re.compile(
        r"辞职|辞工|离职|不干|不做|不想干|走人|我走|要走|想走|跳槽|解除|辞了|提前(?:好久|多久|几天|一个月|30天)?(?:说|讲|通知|打招呼|报告)"
    ),
    # the non-compete's compensation left unpaid ("我这种小员工也要遵守吗" asks who it binds)
    "noncomp_unpaid_end": re.compile(
        r"没给|没付|没发|不给|不付|不发|没得|莫得|没有补偿|一分|拖着|三个月|3个月"
    ),
    # let go with notice or a month's pay ("试用期还要再加两个月" is no dismissal)
    "quit_notice_dismissal": re.compile(
        r"辞退|解除|开除|炒|不要我|(?:喊|叫|让|要)我[^，,。]{0,4}走|辞了|辞人|走人|不用来|下岗|裁"
        r"|开了|开我|把我开|辞我|不要来|别来了"
        r"|通知|代通知金|多给一个月|一个月工资|N\+1|n\+1"
    ),
    # losing the job for slow business ("工资要推迟到下个月底才发" is about the pay, not this)
    "quit_business_slow": re.compile(
        r"辞退|解除|开除|炒|裁|不要我|喊我走|叫我走|让我走|辞人|走人|不用来|下岗|辞工|赶"
    ),
    # an injury with no insurance ("还有社保也没给我们买 咋个整" tells no injury: the insurance)
    "injury_no_insurance": re.compile(
        r"工伤|伤|出事|出了事|事故|医药费|医疗费|住院|摔|砸|压|骨折|断了|职业病|手术|看病"
    ),
    # contracting, a placement, a platform's outsourcing or a blocked account: the words of
    # the situation ("我是众包 自己在app上注册的" registers no business)
    "contract_fake_self_employed": re.compile(
        r"个体户|个体工商户|营业执照|承包|合作协议|外包协议|不是员工|不算员工"
    ),
    "contract_individual_contractor": re.compile(r"承包|包给|包下|包出去"),
    "student_intern_injury": re.compile(r"实习|学生|职校|职高|中专|技校|顶岗"),
    "student_intern_relation": re.compile(r"实习|学生|毕业|职校|职高|中专|技校|顶岗|在校"),
    "flex_platform_outsourced": re.compile(r"配送公司|外包|合作|加盟|代理|专送|站点"),
    "flex_platform_account_blocked": re.compile(r"封号|封了|账号|停号|冻结|拉黑|停了我|不让我接单"),
    "si_transfer_cities": re.compile(
        r"外地|外省|转|回重庆|回来|换了城市|别的城市|那边交|那边的社保|广东|东莞|深圳|上海|北京|浙江|江苏|福建|成都|贵州"
    ),
}
# entries about a procedure, and the words that say the message asks about losing the job
# instead ("正在等职业病诊断 公司这时候想辞退我" asks about the dismissal, not where to be
# diagnosed): such an entry falls back the same way
_LOSING_THE_JOB = re.compile(r"辞退|解除|开除|炒|不续|不要我|合同到期|让我走|喊我走|叫我走")
# … and words that say the road is the work itself, not the way to it ("送餐路上被车撞了")
NOT_THE_SITUATION = {
    # an injury's or an illness's time off is no stop to the work ("工伤停工期间工资怎么算")
    "wage_shutdown": re.compile(r"工伤|受伤|养伤|留薪|病假|生病|住院"),
    # a maternity leave is no sick leave ("我今年休了产假 人事说今年的年假就莫得了")
    "leave_annual_sick": re.compile(r"产假|生娃|生孩子|坐月子|婚假|丧假|探亲假"),
    "injury_commute": re.compile(
        r"送餐|送外卖|送单|跑单|跑外卖|配送|骑手|快递员|送快递|网约车|跑滴滴"
    ),
    # "厂头是给我买了工伤保险的 那医药费该哪个出": insured, the fund pays (the benefits'
    # entry), not the employer in full; a message that says it was never bought is not this
    "injury_no_insurance": re.compile(
        r"^(?![^。？?！!]*(?:没|莫|未|不|冇|没有)[^，。,？?]{0,4}(?:买|交|缴|上|参|办))"
        r"(?=.*(?:买|交|缴|上|参|办)(?:了|过|得有|的有)?[^，。,？?]{0,3}(?:工伤保险|工伤险|社保|五险))",
        re.S,
    ),
}
ELSEWHERE = {
    "injury_occupational_diagnosis": _LOSING_THE_JOB,
    "injury_occupational_checks": _LOSING_THE_JOB,
}
# entries whose words many other questions share ("学校" of a teacher's school, "受了伤" of any
# injury): unnamed, they fall as far as a procedure does
STRICT_ENTRIES = frozenset(
    {
        "student_intern_rights",
        "older_past_retirement",
        "mediation_how",
        "wage_shutdown",
        "leave_annual_sick",
    }
)
# (a procedure shares many words with the question about the job: it falls further)
DEMOTED_ELSEWHERE = 0.5


# the situations that are who the worker is, and so hold from the answer just given (a student
# on placement, a rider of an outsourced station); not a moment's topic such as leave not taken
# ("还有个事 要是生病了 病假最多能请好久" after unused leave is a question of its own)
HELD = frozenset(
    {
        "contract_fake_self_employed",
        "contract_individual_contractor",
        "student_intern_injury",
        "student_intern_relation",
        "student_intern_rights",
        "flex_platform_outsourced",
        "flex_platform_account_blocked",
    }
)


def fits_the_situation(hits: list[Any], text: str, told: str = "") -> list[Any]:
    """`hits` (index.Hit) with the entries of a situation the message does not name, and the
    procedures of a message about something else, put back; unchanged when none is among
    them. `told`: the question of the answer just given, whose situation still holds for the
    HELD entries ("那我跟厂头算不算劳动关系" after a student's placement pay)."""
    unnamed = {category for category, said in SITUATIONS.items() if said.search(text or "") is None}
    other = {slug for slug, said in ELSEWHERE.items() if said.search(text or "")}
    unnamed_entries = {
        slug
        for slug, said in SITUATION_ENTRIES.items()
        if said.search(text or "") is None and (slug not in HELD or said.search(told) is None)
    } | {slug for slug, said in NOT_THE_SITUATION.items() if said.search(text or "")}

    def demoted(h: Any) -> bool:
        return (
            h.answer.category in unnamed
            or h.answer.slug in other
            or h.answer.slug in unnamed_entries
        )

    hits = _past_the_age(hits, text)
    hits = _pay_cut(_recognition_kept_back(_pregnant(hits, text), text), text)
    hits = _other_leave_taken(_draws_a_pension(hits, text), text)
    if not any(demoted(h) for h in hits):
        return hits
    scored = [
        replace(
            h,
            score=h.score
            * (DEMOTED_ELSEWHERE if h.answer.slug in other | STRICT_ENTRIES else DEMOTED),
        )
        if demoted(h)
        else h
        for h in hits
    ]
    # (the others keep their order: the general entry put first in a near-tie stays first)
    kept = [h for h in scored if not demoted(h)]
    fallen = [h for h in scored if demoted(h)]
    merged: list[Any] = []
    for h in kept:
        while fallen and max(f.score for f in fallen) > h.score:
            top = max(fallen, key=lambda f: f.score)
            fallen.remove(top)
            merged.append(top)
        merged.append(h)
    return merged + sorted(fallen, key=lambda f: f.score, reverse=True)


# "我今年63了 … 老板说我超龄了": an age past every retirement age in force (men's rises from 60
# to 63 by 2040 under the 2025 reform; at 61 in 2026 every worker is past it), so the entry
# for those past it goes before the one for older workers not yet there
_OWN_AGE = re.compile(r"(?:我|本人)?(?:今年|都|已经|快)?(?P<age>[6-9]\d)\s*(?:岁|了)")
PAST_EVERY_RETIREMENT_AGE = 61
PAST_THE_AGE_MARGIN = 0.05
BELOW_THE_AGE, PAST_THE_AGE = "older_worker_rights", "older_past_retirement"


# "我现在怀起4个多月了 … 领导在暗示合同到期就不续了": a pregnant worker's contract runs on to the
# end of the nursing period, so the entry on the three periods goes before the one on a
# contract not renewed when the words point at both nearly as well
# a pregnancy (or a nursing baby) told
PREGNANT = re.compile(r"怀孕|怀起|怀了|怀上|有了身孕|孕期|预产期|产假|哺乳|喂奶")
PREGNANCY_ENTRY = "women_three_periods"
WOMEN_CATEGORY = "女职工保护"
PREGNANCY_MARGIN = 0.05
HARMED_MARGIN = 0.15


# "老板说医药费他出 喊我莫去搞工伤认定": the employer keeping the injury from being recognised,
# so the entry on applying (and the worker's own year to apply) goes before what counts
_RECOGNITION_KEPT_BACK = re.compile(
    r"(?:莫|别|不要|不准|不让|不许|不用)(?:去)?(?:搞|报|申请|做)?(?:工伤)?认定|私了|不给(?:我)?报工伤|不报工伤"
)
APPLY_ENTRY = "injury_apply_deadline"
APPLY_MARGIN = 0.05


def _first_when_close(hits: list[Any], slug: str, margin: float, keep: Any) -> list[Any]:
    """`hits` with `slug` put first (at the first hit's score) when it is within `margin` of
    the first hit and `keep(first hit)` does not say the first hit stays."""
    slugs = [h.answer.slug for h in hits]
    if slug not in slugs or slugs[0] == slug:
        return hits
    at = slugs.index(slug)
    if keep(hits[0]) or hits[0].score - hits[at].score > margin:
        return hits
    first = replace(hits[at], score=hits[0].score)
    return [first, *(h for h in hits if h is not hits[at])]


# "公司说效益不好 下个月起工资从5000降到3500 我没同意也要降吗": the pay cut (a change of the
# contract's terms), not the dismissal the words about business share
_PAY_CUT = re.compile(r"降(?:到|了|成)?[^，,。]{0,6}(?:工资|薪)|工资[^，,。]{0,12}降|降薪|减薪")
CHANGE_OF_TERMS = "contract_change_terms"
PAY_CUT_MARGIN = 0.06


def _pay_cut(hits: list[Any], text: str) -> list[Any]:
    if _PAY_CUT.search(text or "") is None or _LOSING_THE_JOB.search(text or ""):
        return hits
    if PREGNANT.search(text or ""):
        return hits  # (a pregnant worker's pay cut: the three periods' protection)
    return _first_when_close(hits, CHANGE_OF_TERMS, PAY_CUT_MARGIN, lambda h: False)


# "我去年退的休 在领养老金了 现在原来的厂返聘我 … 能不能要双倍工资": drawing a pension, the
# work is a labour service, whatever else the words share with a contract's rules
# ("还要交好多年才能退休领养老金" is not drawing one yet)
DRAWS_A_PENSION = re.compile(
    r"退了休|退的休|已经退休|(?:在|已经)领(?:养老金|退休金)|领(?:了|着)(?:养老金|退休金)|返聘"
    # "我领退休金了 在超市上班", "拿着养老金": drawing one too (not "领养老金了吗")
    r"|领(?:养老金|退休金)了(?![吗没不])|(?:拿|吃)(?:着|了)(?:养老金|退休金)"
)
# (a pensioner asking about a contract, its double wage or its end: whatever the distance)
PENSIONER_MARGIN = 1.0


def _draws_a_pension(hits: list[Any], text: str) -> list[Any]:
    if DRAWS_A_PENSION.search(text or "") is None:
        return hits
    return _first_when_close(hits, PAST_THE_AGE, PENSIONER_MARGIN, lambda h: False)


# "今年休了产假 人事说年假就没得了": another leave taken this year, which does not take the
# annual leave (the entry on the days says so: 实施办法第六条)
_OTHER_LEAVE = re.compile(r"产假|婚假|丧假|探亲假|陪产假|护理假")
_ANNUAL = re.compile(r"年假|年休假")
ANNUAL_DAYS, OTHER_LEAVE_MARGIN = "leave_annual_days", 0.2


def _other_leave_taken(hits: list[Any], text: str) -> list[Any]:
    if not (_OTHER_LEAVE.search(text or "") and _ANNUAL.search(text or "")):
        return hits
    return _first_when_close(hits, ANNUAL_DAYS, OTHER_LEAVE_MARGIN, lambda h: False)


def _recognition_kept_back(hits: list[Any], text: str) -> list[Any]:
    if _RECOGNITION_KEPT_BACK.search(text or "") is None:
        return hits
    return _first_when_close(hits, APPLY_ENTRY, APPLY_MARGIN, lambda h: h.answer.category != "工伤")


def _pregnant(hits: list[Any], text: str) -> list[Any]:
    if PREGNANT.search(text or "") is None:
        return hits
    # ("我怀起4个月了 老板说效益不好要裁人 第一个就喊我走": something done to her for it puts
    # the three periods' protection first from further back)
    margin = HARMED_MARGIN if _HARMED.search(text or "") else PREGNANCY_MARGIN
    return _first_when_close(
        hits, PREGNANCY_ENTRY, margin, lambda h: h.answer.category == "女职工保护"
    )


def _past_the_age(hits: list[Any], text: str) -> list[Any]:
    m = _OWN_AGE.search(text or "")
    if m is None or int(m.group("age")) < PAST_EVERY_RETIREMENT_AGE:
        return hits
    slugs = [h.answer.slug for h in hits]
    if PAST_THE_AGE not in slugs:
        return hits
    past = slugs.index(PAST_THE_AGE)
    if past > 0 and hits[0].score - hits[past].score <= PAST_THE_AGE_MARGIN:
        # ("我今年64了 … 公司说我超龄了 合同不签保险也不买": nearly as close as the first)
        first = replace(hits[past], score=hits[0].score)
        return [first, *(h for h in hits if h is not hits[past])]
    if BELOW_THE_AGE not in slugs:
        return hits
    below = slugs.index(BELOW_THE_AGE)
    if past < below:
        return hits
    swapped = list(hits)
    swapped[below], swapped[past] = (
        replace(hits[past], score=hits[below].score),
        replace(hits[below], score=hits[past].score),
    )
    return swapped


def in_a_situation(entry: Any) -> bool:
    """The entry (index.Answer) is of a category that assumes a situation."""
    return entry.category in SITUATIONS


# what is done to a pregnant worker that the three periods' protection forbids
_HARMED = re.compile(
    r"降|扣|辞退|开除|炒|不要我|劝退|调到|调去|换到|换岗|调岗|不续|解除|逼我|喊我走"
    # "店长喊我自己写辞职": pushed to resign
    r"|写辞职|辞职信|辞职报告|让我辞|喊我辞|叫我辞|自己走"
    # "我老婆怀起娃儿4个月 公司把她开了": let go, said of the worker or of a wife
    r"|把(?:我|她)(?:给)?(?:开|辞|炒)|(?:开|辞|炒)了(?:我|她)"
)


def pregnant_and_harmed(hits: list[Any], text: str) -> bool:
    """The protection of the three periods is the first hit of a message that tells a
    pregnancy (or a nursing baby) and something done to the worker for it: an answer to give,
    not a choice to offer, however many other words the story has."""
    return (
        bool(hits)
        and hits[0].answer.slug == PREGNANCY_ENTRY
        and PREGNANT.search(text or "") is not None
        and _HARMED.search(text or "") is not None
    )


def pregnancy_entry_near(hits: list[Any], text: str, within: int = 3) -> int | None:
    """The place of the three periods' entry among the first hits of a message that tells a
    pregnancy and something done to the worker for it ("怀孕3个多月了 店长喊我自己写辞职"),
    when it is not first; else None."""
    if PREGNANT.search(text or "") is None or _HARMED.search(text or "") is None:
        return None
    if hits and hits[0].answer.category == WOMEN_CATEGORY:
        return None  # (another entry on pregnant workers is first: 产检, night shifts)
    for i, hit in enumerate(hits[:within]):
        if hit.answer.slug == PREGNANCY_ENTRY:
            return i if i > 0 else None
    return None


# an injury at work told ("上个礼拜在厂头搬货把腰闪了 … 医药费一分都不出"): among close hits,
# the entry of the injury topic is the one to give, not a choice to offer
_INJURED = re.compile(
    r"闪了腰|把腰闪|腰闪|扭伤|扭到|摔伤|摔断|摔倒|砸伤|砸到|压伤|割伤|烫伤|受伤|弄伤|骨折|伤到"
)
_AT_WORK = re.compile(r"厂头|厂里|车间|工地|上班|干活|搬货|做事|工作|送货|送餐")
INJURY_CATEGORY = "工伤"


def injured_at_work(hits: list[Any], text: str, within: int = 3) -> int | None:
    """The place among the first hits of the injury topic's entry, when the message tells an
    injury at work; else None."""
    if not (_INJURED.search(text or "") and _AT_WORK.search(text or "")):
        return None
    for i, hit in enumerate(hits[:within]):
        if hit.answer.category == INJURY_CATEGORY:
            return i
    return None
