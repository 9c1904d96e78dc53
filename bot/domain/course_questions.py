"""Questions about courses a worker has just been shown: which course ("第二个", "那个",
"书法班") and what about it ("在哪里上课", "要交钱不", "报名有啥要求"), or "还有没得别的".

Pure text reading; the actions keep the list in slots (docs/architecture.md, Context).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.course_compare import compared
from bot.store.models import Course
from intents.entities import OWN_JOB_BEFORE

_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
# ("第一次课是好久", "第一节课": the course's first class, no place in a list)
_ORDINAL = re.compile(
    r"第\s*([一二两三四五六七八九十]|\d{1,2})(?!\s*(?:次|回|堂|天|周|期|节))\s*(?:个|门|项|种|条|班)?"
)
_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*(?:号|个)?\s*(?:[,，。]|$|的|在|要|几|多|是|呢)")
_LAST = re.compile(r"最后(?:一|那)?(?:个|门)")
_THAT = re.compile(r"(?:那|这)(?:个|门|一个|一门)|^它|上面那")

# what a worker asks about a course; each aspect is answered from the catalogue
ASPECTS: dict[str, re.Pattern[str]] = {
    "venue": re.compile(
        r"在哪|哪里|哪儿|哪点|哪边|哪个地方|什么地方|啥地方|啥子地方|地点|地址|远不远|咋个走|怎么走"
        # "在那" alone, typed for 在哪
        r"|^在那(?:里|儿)?[？?吗呢嘛哦]*$"
        # "要钱不 在那里": the last of a message's questions
        r"|[\s，,]在那(?:里|儿)[？?吗呢嘛哦]*$"
        # "在那里 几点钟 要钱不": the first of a message's questions
        r"|^在那(?:里|儿)[？?吗呢嘛哦]*[\s，,]"
        r"|几楼|哪层|几层|哪一层|楼层|哪个屋|哪间|哪个教室|哪个房间|哪个厅|哪个室|哪个馆"
        # "在那里打" typed for 在哪里打
        r"|在那里(?:打|上|学|练|搞|考|集合)"
    ),
    "time": re.compile(
        r"几点|时间|什么时候|啥时候|啥子时候|哪个时候|哪天|哪几天|星期几|礼拜几|周几|几号|开课|上几次|几次课"
        r"|好早|多早"
        # "是周末上课不": whether it is on the days asked
        r"|(?:周末|周六|周日|星期[六天日]|礼拜[六天日]|晚上|白天)(?:上课|上|开课)?(?:不|吗|嘛|噻)"
        r"|多久|好久|白天还是晚上|白天上还是|晚上上还是|结束|结课|上完|上到|哪天完|几号完"
        r"|面授|下一期|下期|下一批|再开|开班|好多次|多少次|几次|几回|好多回|多少回|最后一次"
        r"|几节|好多节|多少节|几堂|好多堂|多少堂|课时|次数|节数|上得多|上的多"
        # "是白天吗", "下午还是晚上": when in the day
        r"|是白天|白天吗|白天上课吗|白天上不|是晚上吗|晚上上吗|上午还是|下午还是|早上还是"
        # "周末还是平时": which days of the week
        r"|周末还是|平时还是|工作日还是|礼拜天还是|星期天还是"
        # "元旦那天要上课不": whether a holiday is a class day
        r"|(?:元旦|春节|过年|国庆|五一|清明|端午|中秋|放假)[^，,。]{0,4}(?:上课|上不上|停课|停不停|要上|要去|去不去|用不用去)"
        r"|停课|停不停|上不上课|要上课不|要不要上课"
        # "明天晚上是不是要上课哦", "今天有课没得": whether a day is a class day
        r"|是不是(?:要|有)?上课|有没有课|有没得课|有课(?:吗|不|没)"
        # "是全天还是半天": how much of the day
        r"|全天还是半天|半天还是全天|是全天|是半天|全天吗|半天吗|一整天|管一天|管半天"
        # "中午管饭不 要不要带午饭": whether the hours run over lunch
        r"|管饭|管不管饭|午饭|中饭|中午饭"
        # "下午管不管", "中午要接回来不": whether the hours cover a part of the day
        r"|(?:上午|下午|中午|晚上|全天)(?:也|还)?(?:管不管|管吗|管不|托不托|有没得|有没有|有课不|上不上)"
        # "我白天要上班只能晚上去适合不": whether its hours suit the worker's
        # (a statement, "只有晚上有空", narrows a list instead)
        r"|(?:晚上|周末|白天|下午|上午)(?:去|来|上)?(?:适合|合适|得行|可以|行)(?:不|吗)"
        # "上课要天天去不 我平时要上班": how often, against the worker's own working days
        r"|天天(?:都)?(?:要)?(?:去|上|来)|每天都?要?(?:去|上课|来)|要天天"
        r"|一(?:个)?(?:星期|周|礼拜)(?:要)?(?:去|上)?(?:几次|几天|几回|好多次|好多天)"
        r"|(?:平时|白天|平常)要上班"
        # "开始了没得 现在报还来得及不": whether it has begun
        r"|开始了没|开始没|开了没|开始了吗|开了吗|已经开始|已经开了|开学"
        # "我白班 下午五点半下班 赶得上不": whether the worker gets there in time
        r"|下班[^，,。？?]{0,12}(?:赶得上|赶不赶得上|来得及|来不来得及|赶得到|赶不赶得到)"
    ),
    "fee": re.compile(
        r"钱|收费|免费|费用|学费|交费|缴费|贵不贵|自己出|出好多|出多少|自费|补贴|补助|报销"
        r"|补了|补好多|补多少|材料费|书本费|报名费|资料费|服装费|费不|费吗"
        r"|交好多|交多少|交几千|交几百|出几千|一年好多|每年好多"
        # "那我们两个一共好多": a total asked
        r"|(?:一共|总共|加起来|合计)[^，,。？?]{0,6}?(?:好多|多少)"
        r"(?!\s*(?:次|节|堂|课|回|天|周|星期|个月|月|年|人|个人|小时|钟头|期))"
        # "一年2000还是总共2000": whether the fee is a year's or the whole course's
        r"|(?:一年|每年)\s*\d+[^，,。]{0,3}还是|还是(?:总共|一共|全部)\s*\d+|是一年的还是|一年还是总共"
        # "咋个那么便宜哦 是不是还要另外交": whether more is paid besides
        r"|另外交|另外收|另外出|额外|其他费用|别的费用|还要交|那么便宜|这么便宜|咋便宜|那么贵|这么贵"
        # "我听别个说是600喃": a sum heard elsewhere, checked against the fee
        # ("不是说考证要600吗", "咋个又是300了")
        r"|\d+\s*(?:块|元)|(?:说是|不是说|不是|说的是|咋个是|怎么是|听说|又是|咋又|怎么又)"
        r"[^，,。\d\s]{0,4}\s*\d{2,5}(?![\d岁点号次个人楼天月年])"
    ),
    "requirements": re.compile(
        r"要求|条件|门槛|资格|学历|年龄|能不能报|可不可以报|能报|带什么|带啥|准备什么|准备啥"
        # (not "周六要带娃": looking after a child, no thing to bring)
        r"|材料|自己买|要买|工具|带不带|自己带|要带(?!娃|孩子|小孩|娃娃|宝宝|老人)|要不要带|穿什么|穿啥|穿哪|衣服|鞋子"
        r"|几岁|好多岁|多少岁|多大的|多大年纪|多大可以|多大能|岁数|能去不|能不能去|可以去不|可不可以去|能参加不|能不能参加|可以参加不"
        r"|\d+岁|[一二两三四五六七八九十]+岁|收不收|适合|哪些人|什么人|啥子人|大人陪|家长陪|要陪"
        # "大人要跟到一起去不 我是她奶奶": whether a grown-up comes along
        r"|大人要|家长要|跟到一起|跟着一起|一起去不|陪着去|陪她去|陪他去"
        # "小的那个能一起去成长营不": whether one may come, the course named in between
        r"|(?:能|可以)(?:一起|跟着)?(?:去|上|参加)[^，,。\s]{1,6}(?:不|吗|嘛)"
        r"|考试|要考|考不考|免试|毕业证|学历证"
        # "我屋头没得毛笔": a thing the worker has not got, whether it is provided
        r"|(?:没得|没有|莫得|没)(?:毛笔|笔墨|纸|墨|砚|垫子|瑜伽垫|球拍|拍子|乐器|电脑|相机|运动鞋|工具)"
        # "我只读到小学五年级 得行不": the worker's own schooling, asked against the course
        r"|读到|只读了?|文化程度|没读过书|得行不|行不行"
        # "那有啥子她去得了的嘛" after a course she is too young for
        r"|去得了|报得了|上得了|合适的|适合的|练得不|学得不|能练不|能不能练|可以练不"
    ),
    "seats": re.compile(
        r"名额|满了|满没满|还有位|位置|人多不多|人多不|人多吗|报满|还能报|还可以报|还报得|报不上|抢不到"
        # ("是不是在招合唱团的人": taking people in, the course named in between)
        r"|招[^，,。\s]{1,6}的人|"
        r"收人|招人|还招|还收|好多人|多少人|几个人|人数|一个班|来得及|来不来得及|赶得上|赶不赶得上"
        # "我和她妈两个都去行不": how many of a family may come
        r"|(?:两个|俩|都|一家人?)(?:都|一起)?(?:去|来|陪)(?:行不|可以不|得行不|能不能|行吗|可以吗|要得不)"
        # "这期能不能插进来": joining a class under way
        r"|插班|插进来|插进去|插得进|中途加入|中途进"
    ),
    # what a learner gets and whether they can keep up: answered from the description
    "certificate": re.compile(
        r"证书|发证|拿证|有证|结业证|考得到证|考到证|拿得到证|拿到证|发不发证|考证|啥子文凭|什么文凭|啥文凭|认不认|承不承认|国家认|国家承认"
        # "上完了发啥子证": which certificate it gives
        r"|(?:发|给|拿|考)(?:个|的|得到)?(?:啥子|什么|啥|哪种|哪个)证|(?:啥子|什么|啥)证"
    ),
    "length": re.compile(
        r"(?<!没)(?<!未)毕业(?!证)|学制|读几年|几年读完|要读好久|要读多久|读多久|读好久"
        r"|读好多年|读多少年|毕得了业|毕得到业|几年才毕|几年毕|读得完|读完"
    ),
    "level": re.compile(
        r"跟得上|跟不上|零基础|没基础|没得基础|基础差|基础不好|学得会|学不会|难不难|难不|水平|打得撇|撇得很"
        r"|新手|有基础|有点基础|学过|会一点|打得还可以|打得还行|初学|提高班"
    ),
    # "学完帮忙找工作不": what the course leads to, from the description
    "job": re.compile(
        r"找工作|推荐工作|推荐就业|包分配|介绍工作|安排工作|帮忙找|介绍活路|找活路|找得到工作|好找工作"
        r"|就业|上岗|工作好找"
    ),
    "description": re.compile(
        r"学些?什么|学些?啥|讲些?什么|讲些?啥|教些?什么|教些?啥|内容|介绍|详细|详情|具体|怎么样|咋样"
        r"|带什么|带啥|准备什么|准备啥"
    ),
}
_MORE = re.compile(
    r"^(?:那|嗯|哦)?\s*(?:还有(?:吗|么|没有|没得|没|别的|其他|其它|呢|啥|什么)|别的呢|其他的?呢|"
    r"下一页|更多|再来几个|再看看|换一批|继续|后面的?)"
)
_NARROW = re.compile(
    r"^(?:那|嗯)?\s*(?:再|还|然后|另外)?\s*(?:只要|就要|只看|只想要?|我只要|要)(.{1,12})的[吧呢嘛哦]?[。!！]?$"
)
SHORT = 30


def ordinal(text: str) -> int | None:
    """1-based position a worker points at ("第二个", "2号", "最后一个" = -1), or None."""
    value = text or ""
    m = _ORDINAL.search(value)
    if m:
        word = m.group(1)
        return int(word) if word.isdigit() else _NUMERALS[word]
    m = _NUMBERED.search(value)
    if m:
        return int(m.group(1))
    if _LAST.search(value):
        return -1
    return None


def points_back(text: str) -> bool:
    """ "那个在哪里", "我要报这个": about the course just talked about."""
    value = (text or "").strip()
    return len(value) <= 12 and _THAT.search(value) is not None


def aspects(text: str) -> list[str]:
    """Which parts of a course the message asks about, in the catalogue's order."""
    asked = ABOUT_ME.sub(" ", text or "")  # "我本科毕业的" tells, it does not ask how long
    found = [name for name, pattern in ASPECTS.items() if pattern.search(asked)]
    if "seats" in found and _IN_TIME_AFTER_WORK.search(asked):
        found.remove("seats")  # "下班 赶得上不": in time for the class, not a place left
    return found


_IN_TIME_AFTER_WORK = re.compile(r"下班[^，,。？?]{0,12}(?:赶得上|赶不赶得上|来得及|来不来得及)")


def asks_more(text: str) -> bool:
    """ "还有没得别的", "下一页": the rest of the last list."""
    value = (text or "").strip()
    return len(value) <= SHORT and _MORE.search(value) is not None


_KIND_FILLER = re.compile(
    r"别的|别|其他|其它|方面|类型?|这种|那种|之类|相关|的|课程?|班|培训|呢|吗|嘛|哦|么|没得|没有|[?？。!！\s]"
)


def kind_asked(text: str) -> str:
    """The kind in "还有没得养老方面的" ("养老"), "" in a bare "还有没得别的"."""
    value = (text or "").strip()
    m = _MORE.search(value)
    return _KIND_FILLER.sub("", value[m.end() :]) if m else ""


# "周末上的是哪几个", "免费的有哪些": which of the list meet a condition
_WHICH_OF = re.compile(
    r"^(?:那|嗯)?\s*(.{1,8})的(?:是|有)?哪(?:几个|几门|些|个|门)[呢嘛哦]?[?？。]?$"
)


# "哪些是不要钱的", "哪几个是周末的": the same, asked the other way round
_WHICH_ARE = re.compile(
    r"^(?:那|嗯)?\s*哪(?:几个|几门|些|个|门)(?:是|有)(.{1,8})的[呢嘛哦]?[?？。]?$"
)


# "免费的呢" after one course's fee: the free ones of the list, not that course's fee again
_FREE_ONES = re.compile(
    r"^(?:那|嗯)?\s*(?:有没得|有没有)?(免费|不要钱|不收钱|不收费)的(?:呢|有没得|有没有|有哪些|是哪些)?[?？。]?$"
)


# "便宜点的呢" after a course's fee: the ones of the list that cost less
_CHEAPER = re.compile(
    r"^(?:那|嗯)?\s*(?:有没得|有没有|有莫得|还有没得)?(?:更|再)?便宜(?:点|一点|些|一些)?的"
    r"(?:呢|有没得|有没有|有哪些|是哪些|嘛)?[?？。]?$"
)
CHEAPER = "便宜"


_NEARER = re.compile(r"^(?:那|嗯)?\s*(?:近点|近一点|近些|离我近|离家近)的?(?:呢|有没得|有没有)")


def narrowing(text: str) -> str | None:
    """ "只要免费的" / "周末上的是哪几个" -> "免费" / "周末": a condition on the last list
    rather than a new search."""
    value = (text or "").strip()
    free = _FREE_ONES.match(value)
    if free:
        return "免费"
    if _CHEAPER.match(value):
        return CHEAPER
    if _NEARER.search(value):
        return value  # "近点的呢 我住文化宫旁边": the place said with it is the condition
    m = _NARROW.match(value) or _WHICH_ARE.match(value)
    if m and re.search(r"[不吗么][\s，,]", m.group(1)):
        # ("要自己带材料不 面粉啥子的": a question, then what it is about)
        return None
    if m:
        return m.group(1).strip()
    m = _WHICH_OF.match(value)
    condition = m.group(1).strip() if m else ""
    condition = condition.removesuffix("上课")
    if condition.endswith("上") and len(condition) > 2:  # 周末上的 -> 周末, 晚上的 stays
        condition = condition[:-1]
    # "你是哪个" (who are you) names no condition
    return condition if len(condition) >= 2 and condition[0] not in "你我他她它这那" else None


def is_followup(text: str) -> bool:
    """A short message that asks about a course already on the screen."""
    value = (text or "").strip()
    if not value or len(value) > SHORT or value.startswith("/"):
        return False
    return bool(
        asks_more(value)
        or narrowing(value)
        or (aspects(value) and (ordinal(value) is not None or points_back(value) or bare(value)))
        or (ordinal(value) is not None and len(value) <= 8)
        or compared(value) is not None  # "哪个便宜", "这两个有啥子区别"
    )


# words that ask about "it" without naming anything: what is left of 在哪里上课 / 要交钱不
_BARE_WORDS = re.compile(
    r"上课|课程|课|些|请问|问一下|问下|一下|一共|开始|报名|可以|能不能|能|要|交|是|的|吗|呢|不|啊|嘛|哦"
    r"|喃|哈|了|得|还|有|没有|没|我|想|问|这|那|个|门|几|多少|在|上|去|啥子|什么|好|多|大概|一般"
    r"|上午|下午|晚上|早上|点钟|点"  # 下午几点: when on the day it was said to be
    r"|排练|练习|训练|活动|学|自己|买"  # 在哪里排练, 材料要自己买不
    r"|工会|你们|都|全部|所有|培训"  # 工会的课是不是都要交钱, 你们的培训收费不
    r"|考试|考证|考"  # 在哪里考 (a certificate course)
    r"|咋个|怎么|那么|这么|是不是|另外"  # 咋个那么便宜 是不是还要另外交
)


def bare(text: str) -> bool:
    """An aspect asked with nothing else named ("在哪里上课", "要交钱不"), unlike
    "试用期最长多久" or "工伤认定要多久", which ask about something else."""
    rest = text
    for pattern in ASPECTS.values():
        rest = pattern.sub("", rest)
    rest = _BARE_WORDS.sub("", rest)
    # English left over from a translated question ("星期几 课程 again") names nothing
    return len(re.sub(r"[^\u4e00-\u9fff]", "", rest)) <= 1


def pick(courses: Sequence[Course], position: int) -> Course | None:
    if position == -1:
        return courses[-1] if courses else None
    return courses[position - 1] if 1 <= position <= len(courses) else None


# the worker speaking of themself or of the one they ask for ("我大专还没毕业", "我读书的时候",
# "我老公已经是大专了 他想读个本科")
ABOUT_ME = re.compile(
    r"(?:我|他|她)(?:老公|老婆|爱人|媳妇|男人|儿子|女儿|娃儿|孩子|同事|朋友|工友|老乡)?(?:的)?"
    r"(?:已经|都|早就)?(?:是|有)?"
    r"(?:(?:大专|本科|高中|中专|初中)(?:还没|没|已经)?(?:毕业|学历|文凭)?"
    r"|学历|文凭|读书|上学|(?:还没|没|已经)?毕业)"
    # "我在超市当收银员 大专毕业的 想读个本科": a schooling finished, whoever's it is
    r"|(?:大专|本科|高中|中专|初中)(?:已经|都|才|刚)?毕业"
    # "我屋头那个在读专科 明年7月毕业": a schooling being done now
    r"|(?:在读|正在读|还在读|读的是)(?:大专|专科|本科|高中|中专|职高)"
)


def about_me(text: str, words: str) -> bool:
    """`words` (a course's keyword in the message) are the worker's own schooling: "我大专毕业的
    想读个本科" speaks of 大专 as what the worker has, not the course they want."""
    if not words:
        return False
    if any(words in m.group(0) for m in ABOUT_ME.finditer(text or "")):
        return True
    # "我在火锅店当钟点工": the worker's own job, not a course wanted ("想当保姆", "转行做家政"
    # want one)
    job = OWN_JOB_BEFORE + re.escape(words)
    return re.search(job, text or "") is not None


# a worker's word for what a description says in its own ("练了要去演出不": 汇演)
DESCRIBED_AS = {
    "演出": "汇演",
    "表演": "汇演",
    "上台": "汇演",
    "垫子": "垫",
    "拍子": "球拍",
    "拿回": "带回",
    "带走": "带回",
    "成考": "成人高考",
}
# characters no term of a description is made of, and terms every description may hold
_NO_TERM = frozenset("的了吗呢吧嘛啊呀是不要能去有在我你他她们这那个些么哦喃噻还也都就和")
_COMMON_TERMS = frozenset(
    {"可以", "职工", "工会", "上课", "适合", "参加", "学习", "一起", "报名", "现场", "课程", "培训"}
)


def described(course: Course, text: str) -> bool:
    """Whether the message asks about something the course's description speaks of ("做出来
    的包子能拿回去不" after 面点烘焙, whose description says what is made and taken home), by a
    term of two characters it shares with it (not the course's own name) or a worker's word
    for one."""
    description = course.description or ""
    if not description or not text:
        return False
    if any(w in text and d in description for w, d in DESCRIBED_AS.items()):
        return True
    chars = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    terms = {chars[i : i + 2] for i in range(len(chars) - 1)}
    return any(
        t in description
        and not _NO_TERM.intersection(t)
        and t not in _COMMON_TERMS
        and t not in course.name
        for t in terms
    )


# "跟直播不撞的有哪些": courses that do not clash with one (not "冲不冲", "撞不撞", "错不错得开":
# whether two clash, asked)
NO_CLASH = re.compile(
    r"(?<!撞)不撞|(?<!冲)不冲突?|不重叠|不打架|(?<!错不)错得开|错开|撞不到|冲不到|不矛盾|不重(?:合|复)?的"
)


def asks_no_clash(text: str) -> bool:
    return NO_CLASH.search(text or "") is not None
