"""What a worker typed, checked and cleaned; shared by the forms and by the submit actions."""

from __future__ import annotations

import re
import unicodedata

from actions.dispute_words import DISPUTE_PATTERNS
from bot.domain.cases import DISPUTE_TYPES

NAME_MIN, NAME_MAX = 2, 20
CHINESE_NAME_MAX = 5
EMPLOYER_MIN, EMPLOYER_MAX = 2, 60
DESCRIPTION_MIN, DESCRIPTION_MAX = 8, 2000
DEMAND_MIN, DEMAND_MAX = 2, 500

# how a name is introduced: "我的名字是…", "姓名：…", "我叫…", "他叫…"
_NAME_LEAD = r"我的(?:名字|姓名)(?:是|叫)|(?:名字|姓名)(?:是|叫|[:：])|我叫|我是|他叫|她叫|叫"
_NAME_PREFIX = re.compile(
    rf"^(?:(?:您好|你好)[，,！!\s]*)?(?:(?:那|那么|好|好嘛|要得|嗯)\s*)?(?:{_NAME_LEAD}|姓名"
    # "my name is 陈俊杰", "I am 陈俊杰": the English lead, a Chinese name after it
    r"|(?i:my\s+name\s+is|my\s+name's|i\s+am|i'm|this\s+is|name\s*[:：]?)\s*(?=[\u4e00-\u9fff]))\s*"
)
EDGE_PUNCT = " \t\r\n,.!?;:，。！？；：、\"'“”‘’()（）[]【】<>《》~～"
_CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)*$")
_LATIN_NAME = re.compile(r"^[A-Za-z]+(?:[ .'-][A-Za-z]+)*$")
# words no real name contains, but short answers and questions do
_NOT_A_NAME = tuple(
    "什么 为什么 怎么 多少 哪 啥 谁 不知道 不告诉 不想 干嘛 谢谢 取消 人工 算了 不要 不用 好的"
    " 可以 是的 没有 不是 课程 报名 工资 加班 调解 公司 政策 社保 保险 工伤 年假 请假 仲裁 合同"
    " 辞退 补偿 赔偿 离职 律师 法律 吗 呢 吧 啊 嗯 哦 呀 么 你 嘛 好多 咋个 啥子"
    " 确认 提交 修改 ok OK 对的 对头 对了 要得 好嘛 好了 行的 晓得 没错 就是"
    # who the person is to the worker, not a name: "我是他老婆"
    " 他 她 老婆 老公 媳妇 丈夫 妻子 爱人 家属 男人 婆娘"
    # who the person is at work: "我是代表 叫罗建华"
    " 代表 班长 组长 队长 主管 经理 工头 老板 负责人 领班 厂长"
    # what kind of worker, not a name: "厂里说我是试用期"
    " 试用期 临时工 正式工 合同工 派遣工 学徒 实习生 小时工 钟点工 员工 工人"
    # "名字电话还是刚才的": the details told before, not a name
    " 电话 手机 号码 刚才 一样"
    # "那我报这个" at the name question: the course chosen again, not a name
    " 这个 那个 这门 那门 报这 报那 就报"
    # "申请 火锅店老板扣我2千押金不退": the request's word, not a name
    " 申请 押金 辞职 工厂 火锅".split()
)
# the commonest Chinese surnames (well over nine in ten people carry one of them): a short
# answer at the name question that starts with one is a name, whatever the classifier said
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储栗燕楚鄢劳谌奚皮粟冼蔺楼满闻厉伊仝郜阚权帅屠朴盖练廉禹井祖漆巴丰支卿狄计索宣晋"
    "初云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜逯隆茹诸战慕危亢嵇湛宾戎勾茅"
)
_SHORT_CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+$")
# how a small firm's name often ends without 公司: 重庆龙腾鞋业, 渝北顺达物流, 江北美家装饰
INDUSTRY_WORDS = (
    "鞋业|实业|置业|服饰|服装|制衣|建材|建筑|装饰|装修|家具|纺织|物流|贸易|食品|餐饮|劳务"
    "|快递|汽修|印务|五金|塑胶|包装|制品|商贸|传媒|文化传播|建设"
)
_COMPANY_WORD = re.compile(
    r"公司|集团|工厂|厂$|有限|门店|商店|超市|商场|商城|美容院|养老院|敬老院|诊所|会所|酒店|宾馆|餐厅|饭店|医院|学校|工地|项目部|中心|店$"
    # "飞毛腿配送站", "城南网点": a rider's or courier's station
    r"|物业|科技|电子|机械|工作室|事务所|幼儿园|车间|作坊|餐馆|酒楼|酒家|配送站|站$|网点$|仓库$|"
    # "刘记老火锅", "张姐面馆": a restaurant by its kind
    r"火锅$|火锅店|面馆|饭馆|茶楼|串串|烧烤店|发廊|洗车|"
    # "Chong Qing Jin Yu Can Yin You Xian Gong Si": a registered name written in pinyin
    r"(?i:\byou ?xian (?:ze ?ren )?gong ?si$)|" + INDUSTRY_WORDS
)

_SEPARATORS = re.compile(r"[\s\-—–_()（）.]")
_COUNTRY = re.compile(r"(?:\+86|0086|(?<!\d)86)(?=1[3-9]\d{9}(?!\d))")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

_HAS_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# ("厂是金鑫五金厂", "厂子叫…": the label of a factory's name too)
_EMPLOYER_PREFIX = re.compile(
    r"^(?:用人单位|单位|公司|厂子|厂里|工厂|厂)(?:名称|名字|名)?(?:是|叫|[:：])\s*"
    # "公司重庆筑梦装饰工程有限公司": the label glued to a registered name
    r"|^(?:用人单位|单位|公司)(?=[\u4e00-\u9fff]{4,}(?:有限责任公司|有限公司|股份公司|集团)$)"
    # "我要告重庆顺安保安服务有限公司 …": the company sued
    r"|^(?:我|我们)?(?:要|想|准备)(?:去)?告\s*"
    # "两路那边的顺达物流仓库", "观音桥的渝味佳火锅": where it is, before the company
    r"|^[\u4e00-\u9fff]{2,4}(?:那边|那里|那儿|这边|附近)?的(?=[\u4e00-\u9fff]{3,})"
    # "店是观音桥的渝味佳火锅": the shop's label
    r"|^(?:店|店子|馆子|厂子)(?:名字|名)?(?:是|叫)"
    # "都是重庆鑫源塑料制品有限公司的": a group's one employer, said for all
    r"|^(?:我们|我们两个|我们几个|我俩)?(?:都是|都在|全是|都属于)(?=[\u4e00-\u9fff]{4,}(?:有限责任公司|有限公司|股份公司|集团|厂|公司))"
    # "包工头是重庆建安劳务有限公司的": who the boss works for, the company the party
    r"|^(?:包工头|工头|老板|班组长)(?:是|属于)(?=[\u4e00-\u9fff]{4,}(?:有限责任公司|有限公司|股份公司|集团))"
    # "是跟着鑫宇建筑劳务公司的包工头干的": whose crew the worker was in, the company named
    r"|^(?:我)?(?:是|都是)?(?:跟着|跟到|跟的)(?=[\u4e00-\u9fff]{4,}(?:公司|集团|厂))"
)

_SUPERSEDES = {"解除劳动合同": "劳动合同"}
_CLEARLY_OTHER = {"其他", "其它", "别的", "都不是", "以上都不是", "其他类型", "其它类型"}


def normalise(text: str | None) -> str:
    """Full-width digits and letters become ASCII (workers type on many keyboards)."""
    return unicodedata.normalize("NFKC", text or "").strip()


# "好 我叫吴明", "要得嘛 帮我弄，我叫邓小军": the part that gives the name
_PARTS = re.compile(r"[\s,，。.!！?？;；、~～]+")
_NAMED = re.compile(rf"^(?:那|那么)?(?:{_NAME_LEAD})")
# "我姓谭 叫谭小军", "免贵姓王，王建国": the surname said first, then the whole name
_SURNAME_ONLY = re.compile(r"^(?:我|免贵|本人)?姓[\u4e00-\u9fff]{1,2}$")


# English words a name slot may catch ("school name is wrong")
_NOT_LATIN_NAMES = frozenset(
    {"wrong", "right", "incorrect", "not", "correct", "sure", "yes", "no", "ok", "okay"}
)
# a yes or a no typed in pinyin, said alone ("dui" at the enrolment's summary); as a word of
# a longer name it may be a surname (Shi Lei, Xing Hua)
_PINYIN_YES_NO = frozenset(
    {"dui", "duide", "dui de", "shi", "shide", "shi de", "hao", "haode", "hao de", "xing"}
    | {"keyi", "ke yi", "queren", "que ren", "bu", "budui", "bu dui", "bushi", "bu shi", "en"}
    | {"hao ba", "haoba", "meiwenti", "mei wen ti", "mei wenti", "dui a", "shi a", "xing a"}
)


def clean_name(text: str | None) -> str | None:
    """A plausible real name with any 我叫/我是 prefix removed, else None; in a longer
    answer, the part that says 我叫… ("好 我叫吴明")."""
    value = normalise(text)
    parts = [p for p in _PARTS.split(value) if p]
    named = [
        p
        for p in parts
        if _NAMED.match(p) and not any(w in _NAME_PREFIX.sub("", p) for w in _NOT_A_NAME)
    ]
    if len(named) > 1:  # "我叫吴明 他叫李四": the one speaking
        named = [p for p in named if p.startswith("我")] or named
    if len(named) == 1 and named[0] != value:
        value = named[0]
    else:
        # "我姓谭 叫谭小军", "报名 我姓赵 赵丽华": the part after the surname said alone
        after = [
            (parts[i][-1], parts[i + 1])
            for i in range(len(parts) - 1)
            if _SURNAME_ONLY.match(parts[i])
        ]
        if len(after) == 1 and (len(parts) == 2 or after[0][1] == parts[-1]):
            surname, rest = after[0]
            if _NAME_PREFIX.sub("", rest).startswith(surname):
                value = rest
    value = _NAME_PREFIX.sub("", value).strip(EDGE_PUNCT)
    value = value.replace("•", "·").replace("・", "·")
    if not NAME_MIN <= len(value) <= NAME_MAX:
        return None
    if _LATIN_NAME.match(value) and not re.search(r"[\u4e00-\u9fff]", value):
        # "Daniel Brooks" (not "ok" in it): a word of the list only as a whole word
        words = set(value.lower().split())
        if " ".join(value.lower().split()) in _PINYIN_YES_NO:
            return None
        return None if words & ({w.lower() for w in _NOT_A_NAME} | _NOT_LATIN_NAMES) else value
    if any(word in value for word in _NOT_A_NAME):
        return None
    if _CHINESE_NAME.match(value):
        # a Chinese name is 2-4 characters (5 with a compound surname); longer ones are
        # written with · (阿卜杜·热依木), else it is a sentence (那他该补我好多嘛)
        return value if "·" in value or len(value) <= CHINESE_NAME_MAX else None
    if _LATIN_NAME.match(value):
        return value
    return None


def looks_like_name(text: str | None) -> str | None:
    """A bare 2-4 character Chinese name, even if the classifier read it as something else."""
    name = clean_name(text)
    return name if name and _SHORT_CHINESE_NAME.match(name) else None


def clean_phone(text: str | None) -> str | None:
    """The one 11-digit mainland mobile number in the text, digits only, else None."""
    compact = _COUNTRY.sub("", _SEPARATORS.sub("", normalise(text)))
    found = set(_MOBILE.findall(compact))
    if not found:
        # "最后两位是46 13618297746": a number glued to other digits once spaces are gone
        for part in normalise(text).split():
            found |= set(_MOBILE.findall(_COUNTRY.sub("", _SEPARATORS.sub("", part))))
    if len(found) == 2:
        # "电话19922345781 诶不对 电话是19922345718": the number said after the correction
        ordered = [m.group(0) for m in _MOBILE.finditer(compact)]
        if len(ordered) >= 2:
            first_end = compact.find(ordered[0]) + len(ordered[0])
            if _PHONE_CORRECTED.search(compact[first_end : compact.rfind(ordered[-1])]):
                return ordered[-1]
    return found.pop() if len(found) == 1 else None


_PHONE_CORRECTED = re.compile(r"不对|错了|打错|输错|写错|改成|改为|应该是|重新")


# "重庆建工第三建设有限公司 包工头叫李老三": the registered name, then more about it
_FULL_NAME_THEN_MORE = re.compile(
    r"^(?P<name>\S{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团))[\s，,。；;]+\S"
)


DISPATCH_LABEL, DISPATCH_SITE_LABEL = "派遣单位：", "；用工单位："


def clean_employer(text: str | None) -> str | None:
    """An employer's name: 2-60 characters with at least one word character (a registered
    name followed by more words is the name alone)."""
    value = (text or "").strip()
    for _ in range(2):  # ("店是观音桥的渝味佳火锅": a label, then where it is)
        value = _EMPLOYER_PREFIX.sub("", value).strip(EDGE_PUNCT)
    if value.startswith(DISPATCH_LABEL) and DISPATCH_SITE_LABEL in value:
        # both parties of a dispatched worker's dispute (actions/told.py), kept whole
        return value if len(value) <= EMPLOYER_MAX else None
    full = _FULL_NAME_THEN_MORE.match(value)
    if full:
        value = full.group("name")
    # "重庆美嘉服装厂的" (我们是…的): the name without the 的 that closes the phrase
    value = re.sub(r"(?<=[厂司店团])的$", "", value)
    if not EMPLOYER_MIN <= len(value) <= EMPLOYER_MAX:
        return None
    return value if _HAS_WORD.search(value) else None


# typed at the employer question but not an employer: a button's words ("确认提交" typed
# early), or the kind of dispute ("加班费")
_NOT_AN_EMPLOYER = re.compile(
    r"提交|交上去|递上去|报上去"
    # ("对的 交嘛", "要得 交了嘛": handing it in)
    r"|(?:^|[\s，,])(?:交|发|弄)(?:嘛|吧|了嘛|了吧|了)$"
    # ("对 确认", "好的 可以": a yes, typed where the company was asked)
    # ("要得 确认", "没得问题 确认": the same in Chongqing words)
    r"|^(?:(?:对|好|是|嗯|行|可以|要得|没问题|没得问题|莫得问题|对头)[的了嘛啊]?[\s，,。]*)*"
    r"(?:确认|修改|取消|好的?|是的?|对的?|行|可以|ok|OK|不知道|没有|无|(?i:yes|yeah|yep|okay|sure))[。！!]?$"
)


# words that make a sentence, not a name ("在公司上班被机器压伤了手在医院")
# ("但是搞不清楚该找哪个公司" asks which company, it names none)
NOT_IN_A_NAME = re.compile(
    r"[了被我你他她说没把给吗呢吧嘛哪啥谁]|什么|怎么|咋个|但是|派遣到|派到|调到"
)
SENTENCE_LEN = 16


LATIN_NAME_WORDS = 8


def not_an_employer(text: str | None) -> str | None:
    """Why an answer at the employer question cannot be the employer: "command" (a button's
    words), "dispute_type" (a bare kind of dispute), "story" (what happened, not who), else
    None."""
    value = normalise(text).strip(EDGE_PUNCT)
    if _NOT_AN_EMPLOYER.search(value):
        return "command"
    if _COMPANY_WORD.search(value):
        return None
    if re.fullmatch(r"[A-Za-z0-9&.,'() -]+", value) and len(value.split()) <= LATIN_NAME_WORDS:
        return None  # "Chongqing Hongtai Electronics": a name in Latin letters, long as it is
    if len(value) <= 6 and clean_dispute_type(value):
        return "dispute_type"
    if len(value) > SENTENCE_LEN or (NOT_IN_A_NAME.search(value) and dispute_types_in(value)):
        return "story"
    if _FIGURES.search(value):
        return "story"  # "月工资5000 做了2年9个月": the worker's figures, not a company
    if _A_DEMAND.search(value):
        return "demand"  # "要他把押金退给我": what the worker wants, not a company
    return None


# what the worker wants the employer to do
_A_DEMAND = re.compile(
    r"^(?:我)?(?:要|想要|想让|让|喊|叫|要求)(?:他|她|他们|公司|老板|厂里|单位)?把|(?:退|还|补|发|赔)给我"
)


# pay or time worked told with numbers
_FIGURES = re.compile(r"(?:工资|月薪|底薪|做了|干了|上了|工作了)\s*\d|\d\s*(?:年|个月|块|元|千|万)")


def looks_like_employer(text: str | None) -> str | None:
    """An answer that is plainly a company's name (ends like 有限公司, 厂, 酒店 …)."""
    employer = clean_employer(text)
    return employer if employer and _COMPANY_WORD.search(employer) else None


# the overtime's own name and the pay told as a figure ("加班工资", "月工资 4350")
_PAY_TOLD = re.compile(r"加班工资|(?:月|底|日|基本)工资(?:是|为|有)?\s*\d[\d.,]*")


def dispute_types_in(text: str | None) -> list[str]:
    """Every dispute type the worker's words point to, in the canonical order."""
    value = normalise(text)
    if value in DISPUTE_TYPES:
        return [value]
    if value.strip(EDGE_PUNCT) in _CLEARLY_OTHER:
        return ["其他"]
    found = [t for t, pattern in DISPUTE_PATTERNS.items() if pattern.search(value)]
    for specific, general in _SUPERSEDES.items():
        if specific in found and general in found:
            found.remove(general)
    if "加班费" in found and "拖欠工资" in found and "工资" not in _PAY_TOLD.sub("", value):
        # "加班费一分没给": what is unpaid is the overtime pay, no wages are named (the pay's
        # figure, "月工资4350", names none either)
        found.remove("拖欠工资")
    return [t for t in DISPUTE_TYPES if t in found]


def first_told(text: str, kinds: list[str]) -> str:
    """Of several kinds of dispute, the one the words name first."""
    value = normalise(text)

    def at(kind: str) -> int:
        found = DISPUTE_PATTERNS[kind].search(value)
        return found.start() if found else len(value)

    return min(kinds, key=at)


# a dispute of no listed kind, told plainly ("站长扣了我1500块押金不退", "不给开离职证明"): 其他
# ("入职的时候人事说要押着毕业证 现在离职了还不还": papers kept by the employer)
CERTIFICATES = (
    "毕业证",
    "身份证",
    "证件",
    "资格证",
    "健康证",
    "学位证",
    "驾驶证",
    "驾照",
    "技能证",
)
_CERTS = "(?:" + "|".join(CERTIFICATES) + ")"
_OTHER_KIND = re.compile(
    r"押金|保证金|离职证明|罚款|培训费|服装费|工装费"
    # "今年年假一天都没让休": leave refused
    r"|(?:年假|年休假|带薪假|婚假|产假|陪产假|护理假)[^，,。]{0,8}(?:不让休|没让休|不给休|不准休|不批|休不了|没休成|不让请)"
    # "去年10天年假没休 要补6000块", "一天都没让我休 也没折钱给我": leave not taken, not paid
    r"|(?:年假|年休假)[^，,。]{0,4}(?:没休|没有休)|(?:没|不)让我休|(?:没|不)(?:给我)?折(?:成)?钱"
    # ("they refuse to give me any annual leave" read as 不给我 年休假)
    r"|(?:不给|不让|没给)(?:我)?[^，,。]{0,4}(?:年假|年休假|带薪假|婚假|产假|陪产假|护理假)"
    rf"|(?:扣|押|压|拿|退还|归还|还给?我)[^，,。]{{0,8}}{_CERTS}|{_CERTS}[^，,。]{{0,12}}(?:不还|不退|不给|没还|没退|还我|退还)"
)


def other_kind_in(text: str | None) -> str | None:
    """ "其他" when the words tell a dispute of no listed kind and of no listed kind as well."""
    value = normalise(text)
    return "其他" if _OTHER_KIND.search(value) and not dispute_types_in(value) else None


def clean_dispute_type(text: str | None) -> str | None:
    """The one dispute type meant, or None when unclear (then the worker picks a button)."""
    found = dispute_types_in(text)
    return found[0] if len(found) == 1 else None


def clean_text(text: str | None, min_len: int, max_len: int) -> str | None:
    """Free text within length bounds (whitespace trimmed), else None."""
    value = (text or "").strip()
    return value if min_len <= len(value) <= max_len else None


def clean_description(text: str | None) -> str | None:
    return clean_text(text, DESCRIPTION_MIN, DESCRIPTION_MAX)


# "哦 单位名字说错了 应该是…有限公司 事情是我进厂一年多了…": what happened, told after
# something else (a correction): the part after its marker
STORY_AFTER = re.compile(
    r"(?:事情是|情况是|经过是|是这样的|事情经过是?)[：:，,\s]*(?P<story>.{6,})$"
)
# "8到10月每个月只发了3000 … 哦对了公司名字打错了 是…": what happened, before a correction
STORY_BEFORE_FIX = re.compile(
    r"^(?P<story>.{6,}?)[\s，,。]*(?:哦|哎呀|唉|嗯)?[\s，,]*(?:对了|还有|另外)?[\s，,]*"
    r"(?:公司|单位|厂|用人单位)(?:的)?(?:名字|名称|全称|名)?(?:打错|写错|弄错|搞错|填错|错)了?"
)
