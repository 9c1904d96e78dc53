"""Elliptical follow-ups to a policy answer: "那工作满十年的呢" right after the annual-leave
answer means annual leave for ten years of service, not whatever else mentions ten years.

The conversation keeps the last FAQ entry answered (slot `last_faq`); a short message that
leans on it (那…/如果…/…呢) is searched together with that entry's question, keeping to
entries of the same topic.
"""

from __future__ import annotations

import re

from bot.knowledge.focus import covers, sentences
from bot.knowledge.index import Answer, Hit, Knowledge
from bot.knowledge.pointed import (
    asks_where_to_turn,
    unlawful_dismissal_told,
    what_now_of_the_answer,
)
from bot.knowledge.pointed_injury import told_of_the_injury
from bot.knowledge.situations import fits_the_situation, in_a_situation

# leans on what was said before: 那…, 如果/要是/假如…, 换成…, …呢/嘞/喃
# whether the practice just told is right: "这样对不对嘛", "这样合不合法", "这么搞行不行"
_JUDGED = re.compile(
    r"^(?:那)?(?:这样|这么|这种)(?:做|搞|弄|算|子)?"
    r"(?:对|合法|合不合法|行|可以|可不可以|正常|合理|犯法|犯不犯法|违法|违不违法)"
)
_LEANS = re.compile(
    r"^(?:那|那么|那如果|那要是|那假如|如果|要是|假如|万一|换成|换做)"
    # ("还有呢"; not "还有我每个月要去做产检 请半天假他要扣我钱": another matter, told whole)
    r"|^(?:还有|另外|然后)(?![^，,。？?]{8,})"
    # "去的话要带些啥子" after what mediation costs: going there, as the answer just said
    r"|^(?:那)?(?:去的话|要去的话|真要去的话|到时候去)"
    # "这个期限一般好久": a part of the answer just given, pointed at
    r"|^(?:这个|这|那个)(?:期限|时限|时间|期|钱|比例|标准|天数|补偿|赔偿|待遇|规定|证明|材料|费用?)"
    # "不用厂头批准也可以走噻" after the notice to quit: a detail of the answer, checked
    r"|^(?:那)?(?:不用|不要|不需要|不经过|没有|没得|莫得)[^，,。？?]{1,8}(?:也|就)(?:可以|能|得行|行)"
    r"[^，,。？?]{0,4}[噻吗嘛不哇][？?]?$"
    # "这种情况我能要求啥子", "像我这样的能拿好多": the case just told, pointed at
    r"|这种情况|这个情况|这样的话|像我这(?:种|样|个)|我这(?:种|样)情况"
    # "这样对不对嘛", "这样合不合法" after a story and its answer: the practice just told
    rf"|{_JUDGED.pattern}"
    # "重庆好多钱一个月" after the high-temperature allowance: the local figure of that answer
    r"|^(?:那)?(?:重庆|我们这里|我们这边|我们这儿|本地|当地)(?:是|的话|这边)?"
    r"(?:一天|一个月|每天|每个月|一年|每年)?(?:好多|多少|几)"
    # "重庆本地还有没得多的" after the maternity leave: more locally than the answer said
    r"|^(?:那)?(?:在)?(?:重庆|我们这里|我们这边|我们这儿|本地|当地)(?:本地|当地|这边|这里)?"
    r"(?:是|的话)?(?:还|会|能|要)?(?:有没得|有没有|多不多|多几天|多点|多些|更多|多的|长点|长些)"
    # "公司给我发的比这个还低咋办" after the minimum wage: compared with what was just said
    r"|比这(?:个|些)?(?:还|都)?(?:低|少|高|多|短|长)|(?:低于|少于|高于|不到)这(?:个|些)"
    # "我是请了假的 只是主管没批" after a dismissal for absence: the worker's side of the case
    # just answered, not a new question ("我明明…", "可是我是…了的")
    # "医生说要休息两个月" after the sick pay: what the doctor said of the worker's case
    r"|^(?:医生|大夫|医院)(?:说|讲|开了?|让|叫|要求|建议)"
    r"|^(?:可是|可|但是|但|不过|其实)?我(?:明明|其实|本来)"
    # "我自己签了字同意的也不行啊": the worker's own part in the case just answered
    r"|^(?:可是|可|但是|但|不过|其实)?(?:是)?我自己"
    r"|^(?:可是|可|但是|但|不过|其实)?我(?:是|有|都)[\u4e00-\u9fff]{1,6}(?:了|过)[\u4e00-\u9fff]{0,3}的"
    r"|(?:呢|嘞|喃|勒|咧)[?？。!！~～]*$"
    # "他还说随时可以喊我走 一分钱都不赔" after the part-time answer: more of what the boss
    # said, in the case just answered
    r"|^(?:那|可是|但是)?(?:他|她|老板|厂头|公司|单位|主管|领导)(?:还|又|也|就|都)(?:说|讲)"
)
MAX_CHARS = 30


def is_short(text: str) -> bool:
    """Short enough to be a follow-up rather than a question of its own."""
    return 0 < len((text or "").strip()) <= MAX_CHARS


def asks_a_judgement(text: str) -> bool:
    """ "这样对不对嘛": whether what was just told is lawful, asked of the answer just given."""
    return _JUDGED.search((text or "").strip()) is not None


def leans_on_context(text: str) -> bool:
    """A short message that only makes sense after what was said before."""
    value = (text or "").strip()
    return 0 < len(value) <= MAX_CHARS and _LEANS.search(value) is not None


_COST_ASKED = re.compile(r"交钱|要钱|收费|收不收|花钱|要不要钱|出钱|费用")
_COST_SAID = re.compile(r"收费|免费|不要钱|费用由")
ROUTE_SCORE = 0.5
# where a worker turns when a right of this topic is refused: the labour inspectorate for
# wages and hours, the social-insurance office, the injury recognition, and for disputes
# about the contract itself mediation or arbitration (seed entries; when an admin withdrew
# one, the words decide as for any other topic)
ROUTE_BY_TOPIC = {
    "工资报酬": "wage_arrears_complain",
    "工时与加班": "wage_arrears_complain",
    "休息休假": "wage_arrears_complain",
    "社会保险": "si_not_paid_complain",
    "工伤": "injury_apply_deadline",
    "经济补偿": "dispute_routes",
    "离职与解除": "dispute_routes",
    "劳动合同": "dispute_routes",
    "试用期": "dispute_routes",
    "病假医疗期": "wage_arrears_complain",
    "女职工保护": "dispute_routes",
    "竞业限制与培训": "dispute_routes",
    "劳务派遣与灵活用工": "dispute_routes",
}
# what the employer refuses ("不给", "不让休", "不发"), and a sentence saying what to do then
_REFUSAL = re.compile(r"不(?:给|发|付|赔|补|交|缴|让|准|批|安排)")
_REMEDY = re.compile(r"投诉|仲裁|12333|监察")
_NOT_LET = frozenset({"不让", "不准", "不批", "不安排"})


def _remedy_in_topic(hits: list[Hit], previous: Answer, text: str) -> Answer | None:
    """Among the first hits, another entry of the previous topic with a sentence about what
    the message says is refused and where to turn then."""
    refused = set(_REFUSAL.findall(text))
    if not refused:
        return None
    if refused & _NOT_LET:
        # "不让休" is what an answer words as 不安排 / 不批 / 不给 (休)
        refused |= _NOT_LET | {"不给"}

    def says_the_remedy(entry: Answer) -> bool:
        return any(
            any(r in sentence for r in refused) and _REMEDY.search(sentence)
            for sentence in sentences(entry.answer)
        )

    if says_the_remedy(previous):
        return None  # the answer just given says it ("长期不让休息，可以打12333…")
    found = [
        h.answer
        for h in hits
        if h.answer.slug != previous.slug
        and h.answer.category == previous.category
        and says_the_remedy(h.answer)
    ]
    # the one about the same thing as the answer just given ("不让休" after the annual-leave
    # days: unused annual leave, not the weekly day of rest), else the first found
    return max(
        found, key=lambda e: len(_grams(e.question) & _grams(previous.question)), default=None
    )


def _grams(text: str) -> set[str]:
    """The question's subject as character pairs: not its question words (几天, 多少 …)."""
    words = re.sub(r"[^\u4e00-\u9fff]", "", text)
    pairs = {words[i : i + 2] for i in range(len(words) - 1)}
    return pairs - _QUESTION_PAIRS


_QUESTION_PAIRS = frozenset(
    "几天 有几 多少 好多 要给 给钱 怎么 咋个 可以 能不 不能 合法 单位 公司 要不 是不 有没".split()
)


# entries that answer where to turn (their questions ask it)
_ROUTE_ENTRY = re.compile(r"投诉|举报|找谁|找哪|去哪|哪里申请|向哪|解决办法")


# how much the message's own words weigh against the search with the previous question
OWN_WEIGHT = 2.0
# ... and the score the message alone must reach for a follow-up to leave the previous entry
# for another (below it the words are not a topic of their own: "重庆是好多天")
OWN_TOPIC = 0.2
# ... and the score the words alone must reach on an entry of another topic to move there
OWN_ESCAPE = 0.27
# ... or, from OWN_TOPIC up, this far ahead of the next entry ("那要是属于违法辞退的呢" after
# the notice answer: 0.265, the next 0.146), where a near tie ("重庆是好多天": 0.236 / 0.205)
# names no topic
OWN_CLEAR = 0.1
# ... or, from OWN_TOPIC up, the first TOPIC_RUN hits all of one other topic
TOPIC_RUN = 3
# ... and, below OWN_TOPIC, the score the words must give another entry of the same topic,
# this far ahead of the entry just answered, to move to it (no move: "从哪天开始算" gives the
# ways to settle a dispute 0.167 after the time limit, "重庆是好多天" 婚丧假 0.151 against
# 0.081 for annual leave)
OWN_POINTS = 0.18
OWN_POINTS_AHEAD = 0.02
# ("我可以不去加班不" after the special working-hours systems: refusing overtime 0.19, the
# systems 0.162)
# ... the others then kept as related, below it
AFTER_POINTED = 0.7


_PARTICLES = frozenset("的了呢吗吧嘛啊呀是在就也都还和与嘞喃哦")


def _shares_a_term(text: str, answer: str, size: int = 3) -> bool:
    """Whether the message repeats a term of the answer just given ("还在试用期嘞" after an
    answer that says what holds in 试用期): then it qualifies that answer, not a new topic."""
    value = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    terms = (value[i : i + size] for i in range(len(value) - size + 1))
    # a run with a particle in it is no term ("辞退的" in "如果公司是违法辞退的呢")
    return any(t in answer and not _PARTICLES.intersection(t) for t in terms)


# "那我老公呢" after the retirement age: the same question for someone else, no new topic
_SOMEONE_ELSE = re.compile(
    r"^(?:那|那么)?(?:我|我的|我家|我们家)?(?:老公|老婆|爱人|丈夫|妻子|媳妇|男人|婆娘|娃儿|孩子"
    r"|儿子|女儿|妈|爸|我妈|我爸|父母|同事|工友|朋友|亲戚|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹)"
    r"(?:呢|嘞|喃|咧)?[?？。!！~～]*$"
)


# "那我老公呢 他有假没得" after the maternity leave: the spouse's own leave is another entry
# (seed entries; when an admin withdrew one, the words decide as for any other follow-up)
_HUSBAND = re.compile(r"老公|丈夫|男人|爱人|孩子他爸|娃儿他爸|男的")
_WIFE = re.compile(r"老婆|妻子|媳妇|婆娘|爱人|孩子他妈|娃儿他妈|女的")
SPOUSE_COUNTERPARTS = {
    "women_maternity_leave": ("leave_paternity", _HUSBAND),
    "leave_paternity": ("women_maternity_leave", _WIFE),
}
SPOUSE_MAX_CHARS = 16


def _spouse_counterpart(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    slug, spouse = SPOUSE_COUNTERPARTS.get(previous.slug, ("", None))
    compact = re.sub(r"\s", "", text)
    if spouse is None or len(compact) > SPOUSE_MAX_CHARS or not spouse.search(compact):
        return None
    return knowledge.get(slug)


# "我自己签了字同意的也不行啊" after the social-insurance duty: the worker agreed to give the
# right up; the entry of the topic about such a waiver answers whether that counts
_CONSENTED = re.compile(
    r"签了?字|签过字|签了(?:协议|承诺|声明|同意书|放弃)|写了(?:承诺|声明)|"
    r"我(?:自己)?(?:也)?(?:同意|答应)(?:了|的|过)|自愿的|我自己(?:说|要求|提)的?不要"
)
_WAIVER_ENTRY = re.compile(r"自愿|放弃")


def _waiver_in_topic(hits: list[Hit], previous: Answer, text: str) -> Answer | None:
    if not _CONSENTED.search(text) or _WAIVER_ENTRY.search(previous.question):
        return None
    return next(
        (
            h.answer
            for h in hits
            if h.answer.category == previous.category
            and h.answer.slug != previous.slug
            and _WAIVER_ENTRY.search(h.answer.question)
        ),
        None,
    )


def _named_own(knowledge: Knowledge, previous: Answer, text: str, k: int) -> list[Hit]:
    """The message's own hits when its words surely name an entry other than the answer just
    given, clearly ahead of the rest; else []."""
    own = knowledge.search(text, k)
    if not own or own[0].answer.slug == previous.slug or own[0].score < OWN_ESCAPE:
        return []
    second = own[1].score if len(own) > 1 else 0.0
    return own if own[0].score - second >= OWN_CLEAR else []


def _one_topic_ahead(own_hits: list[Hit]) -> bool:
    """The message's own hits name one topic, though not one entry of it: the first three of
    the same topic, from OWN_TOPIC up and half OWN_CLEAR ahead of any other topic ("要是我已经
    走了 好久之内要去申请仲裁喃": the time limit 0.217, then three more entries on disputes,
    the first of another topic 0.144)."""
    if len(own_hits) < TOPIC_RUN or own_hits[0].score < OWN_TOPIC:
        return False
    topic = own_hits[0].answer.category
    if any(h.answer.category != topic for h in own_hits[:TOPIC_RUN]):
        return False
    other = next((h.score for h in own_hits if h.answer.category != topic), 0.0)
    return own_hits[0].score - other >= OWN_CLEAR / 2


def in_context(knowledge: Knowledge, previous: Answer, text: str, k: int = 5) -> list[Hit]:
    """Hits for `text` read as a follow-up to `previous`: entries of the same topic when there
    are any (a follow-up rarely changes the subject), each scored by the search with the
    previous question and, weighted more, by the message's own words.

    The previous question says what the topic is; the message says which entry of it: so
    "那要是满了一年还是不签呢" after "入职多久必须签劳动合同" moves on to the entry about a
    year without a contract instead of repeating the answer just given, while "那工作满十年的呢"
    after the annual-leave answer stays with it. When the words alone name no topic
    ("重庆是好多天", "那干了二十年的喃"), the search with the previous question decides alone.
    Scores stay in 0..1 (a weighted mean)."""
    pool = max(k, 20)
    hits = knowledge.search(f"{previous.question} {text}", pool)
    pointed = (
        _waiver_in_topic(hits, previous, text)
        or _spouse_counterpart(knowledge, previous, text)
        or told_of_the_injury(knowledge, previous, text)
        or unlawful_dismissal_told(knowledge, previous, text)
        or what_now_of_the_answer(previous, text)
    )
    if pointed is not None:
        rest = [h for h in hits if h.answer.slug != pointed.slug][: k - 1]
        return [Hit(pointed, ROUTE_SCORE), *(Hit(h.answer, h.score * AFTER_POINTED) for h in rest)]
    if _SOMEONE_ELSE.match(text.strip()):
        top = max((h.score for h in hits), default=1.0)
        rest = [h for h in hits if h.answer.slug != previous.slug]
        return [Hit(previous, top), *rest][:k]
    if (
        asks_where_to_turn(text)
        and not asks_where_to_turn(previous.question)
        # "公司不批咋办" after the resignation notice, which says no approval is needed
        and not covers(previous.answer, text, previous.question)
    ):
        # "那他不给我开离职证明咋办" after the notice: the words name the entry on what is
        # refused, surely and ahead of the rest; that entry says what to do
        own = _named_own(knowledge, previous, text, k)
        if own:
            return own
        # "公司不让休也不给钱咋办" after the annual-leave days: an entry of the topic that says
        # what to do when that is refused (unused leave: 单位不给，可以…投诉或申请劳动仲裁)
        remedy = _remedy_in_topic(hits[:5], previous, text)
        if remedy is not None:
            rest = [h for h in hits if h.answer.slug != remedy.slug][: k - 1]
            return [
                Hit(remedy, ROUTE_SCORE),
                *(Hit(h.answer, h.score * AFTER_POINTED) for h in rest),
            ]
        # "那我该找哪个反映" after the sick-pay answer: where to complain, about that topic
        routes = [h for h in hits if _ROUTE_ENTRY.search(h.answer.question)][:k]
        # ("那前头8个月莫得交的社保还补得到不 找哪个" after the compensation: the words name
        # another topic, whose route it is)
        own_run = knowledge.search(text, TOPIC_RUN)
        topic = previous.category
        if (
            len(own_run) == TOPIC_RUN
            and own_run[0].score >= OWN_TOPIC
            and len({h.answer.category for h in own_run}) == 1
        ):
            topic = own_run[0].answer.category
        preferred = knowledge.get(ROUTE_BY_TOPIC.get(topic, ""))
        if preferred is not None and preferred.slug != previous.slug:
            others = [h for h in routes if h.answer.slug != preferred.slug]
            return [Hit(preferred, ROUTE_SCORE)] + [
                Hit(h.answer, ROUTE_SCORE * 0.8 * h.score / (others[0].score or 1.0))
                for h in others[: k - 1]
            ]
        if routes:
            # chosen by rule, not by the words' weak overlap: the best route is put at
            # ROUTE_SCORE, the others in proportion (a close second still shows as related)
            top = routes[0].score or 1.0
            return [Hit(h.answer, ROUTE_SCORE * h.score / top) for h in routes]
    same = [h for h in hits if h.answer.category == previous.category]
    if not same:
        return hits[:k]
    # (an entry of a situation the words do not name falls back: "病假最多能请好久" after the
    # annual leave is not the entry on sick leave's effect on the annual leave)
    own_hits = knowledge.search(text, pool)
    if not in_a_situation(previous):
        own_hits = fits_the_situation(own_hits, text, previous.question)
    own = {h.answer.slug: h.score for h in own_hits}
    best_same = max((own.get(h.answer.slug, 0.0) for h in same), default=0.0)
    second = own_hits[1].score if len(own_hits) > 1 else 0.0
    named = bool(own_hits) and (
        own_hits[0].score >= OWN_ESCAPE
        or (own_hits[0].score >= OWN_TOPIC and own_hits[0].score - second >= OWN_CLEAR)
    )
    # one other topic named, and the words point at nothing of the entry just given (not
    # "这种工伤该找哪个" after who answers for a dispatched worker's injury): a term the two
    # share ("申请仲裁" in "…再申请仲裁要补偿") does not hold the follow-up back
    topic = _one_topic_ahead(own_hits) and own.get(previous.slug, 0.0) < OWN_TOPIC / 2
    # ("要是去劳动仲裁的话 要交钱不" after the overtime rates, which name 劳动仲裁 but no fee:
    # what it costs is asked of the other topic)
    cost_elsewhere = bool(_COST_ASKED.search(text)) and not _COST_SAID.search(previous.answer)
    if (
        (topic or (named and (cost_elsewhere or not _shares_a_term(text, previous.answer))))
        and own_hits[0].answer.category != previous.category
        and best_same < OWN_TOPIC
        and not covers(previous.answer, text, previous.question)
    ):
        # "那怀孕三个月流产了呢" after the paternity answer: the words name a topic of their
        # own, elsewhere, and nothing of the previous topic: the follow-up moves there
        return own_hits[:k]
    if best_same < OWN_TOPIC:
        # the words alone name no topic ("重庆是好多天", "从哪天开始算"): the question decides,
        # and a detail of the answer just given is asked of that answer first; unless the
        # words, weak as they are, point at another entry of the topic and not at this one
        # ("公司要给钱不" after who a non-compete binds: its compensation, 0.19 against 0)
        kept = own.get(previous.slug, 0.0)
        pointed = max(same, key=lambda h: own.get(h.answer.slug, 0.0))
        if (
            pointed.answer.slug != previous.slug
            and own.get(pointed.answer.slug, 0.0) >= OWN_POINTS
            and own.get(pointed.answer.slug, 0.0) - kept >= OWN_POINTS_AHEAD
        ):
            top = max(h.score for h in same)
            others = [Hit(h.answer, h.score * AFTER_POINTED) for h in same if h is not pointed]
            return [Hit(pointed.answer, top), *others][:k]
        first = [h for h in same if h.answer.slug == previous.slug]
        rest = [h for h in same if h.answer.slug != previous.slug]
        if first:
            first = [Hit(first[0].answer, max(h.score for h in same))]
        return (first + rest)[:k]
    fused = [
        Hit(h.answer, (h.score + OWN_WEIGHT * own.get(h.answer.slug, 0.0)) / (1 + OWN_WEIGHT))
        for h in same
    ]
    fused.sort(key=lambda h: -h.score)
    return fused[:k]
