"""English and pinyin messages read as the Chinese they mean, for matching only.

A worker abroad or without a Chinese keyboard writes "how many days of annual leave" or
"nian jia you ji tian". The classifier and the FAQ search are trained on Chinese, so Latin
runs are rewritten before matching: a run that is mostly pinyin of the domain's words
becomes those words (年假 有 几天); otherwise known English phrases become their Chinese
terms. Anything not recognised is left as it is. Offsets are never taken from the result.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from intents.english_asides import ASIDES
from intents.english_claims import CLAIMS
from intents.english_courses import COURSES
from intents.english_days import DAYS, REORDERED
from intents.english_injury import INJURY
from intents.english_leaving import LEAVING, LEAVING_NUMBERED
from intents.english_numbered import NUMBERED
from intents.english_overtime import OVERTIME
from intents.english_sentences import SENTENCES
from intents.english_sentences_more import SENTENCES_MORE
from intents.english_women import WOMEN
from intents.english_words import ENGLISH as _WORDS

ENGLISH = {
    **DAYS,
    **COURSES,
    **_WORDS,
    **CLAIMS,
    **OVERTIME,
    **SENTENCES,
    **SENTENCES_MORE,
    **INJURY,
    **ASIDES,
    **WOMEN,
    **LEAVING,
}

_ENGLISH_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(ENGLISH, key=len, reverse=True)) + r")\b"
)

# the domain's words a pinyin message is read as (pinyin computed by pypinyin)
PINYIN_WORDS = (
    # ("hao bang wo shenqing": 好, a yes; a date's 号 comes after its number, read below)
    "好 几号 哪号 年假 年休假 带薪 休假 几天 多少 多少钱 怎么 怎么算 咋个 什么 是 吗 呢 有 没有 我 你 我的 要 想 能"
    " 加班 加班费 工资 拖欠 欠 发 老板 公司 单位 工伤 受伤 合同 劳动合同 试用期 社保 五险一金 养老保险"
    " 调解 申请 仲裁 劳动仲裁 辞退 开除 赔偿 补偿 经济补偿 最低工资 产假 病假 婚假 退休 周末 节假日"
    " 课程 课 报名 培训 免费 书法 瑜伽 乒乓球 烘焙 插花 八段锦 电工 叉车 在哪里 哪里 时间 几点"
    " 转人工 人工 真人 机器人 你好 谢谢 再见 取消 进度 到哪一步了 查询 帮助 工会 上班 天 年 个月 倍"
    " 学 算了 不等了 不用了 回机器人 还有吗 第一个 第二个 第三个 要钱不 收费"
    " 哪些 有哪些 哪个 星期几 周几 多久 怎么办 好多钱 可以 能不能 课程表 活动"
    " 工地 工厂 厂里 了 不给 给 认定 工伤认定 自己 限制 时间限制 时效 在 上 辞职 提前 通知"
    " 合法 违法 怀孕 不发 没发 扣 押金 还 会 就 被"
    # a complaint and the damages asked in pinyin ("wo xiang tou su ta men", "yao pei chang jin")
    " 投诉 举报 赔偿金 真的 该去 他们"
    " 带 球拍 确认 好的 对 帮我 我叫"
    # a domestic worker's course asked in pinyin ("xiang kao ge yu ying yuan zheng")
    " 育婴员 育婴师 考 考个 证 考证 带娃 保姆 住家 雇主 家里 家政 月嫂 厨师 面点 太极 合唱 摄影 直播 养老 护理"
    " 星期一 星期二 星期三 星期四 星期五 星期六 星期天 有空 没空 先 报 吧 好吧 还能报吗 能报 要上班 上午 下午"
    # a waitress's pregnancy asked in pinyin ("huai yun 3 ge yue le lao ban shuo yao ci tui wo")
    " 餐馆 饭店 服务员 当 说 重庆 放 多 去 做 产检 请假 几 可以吗 怀孕了 休 能休"
    " 一个月 上个月 平时 晚上 下班 下班后 加班了 个小时 小时 该给 国庆节 国庆 号 一天 那 月"
    # a waiter's contract never signed, a courier's fines ("lao ban yi zhi bu gen wo qian he
    # tong", "gong si mei ge yue kou wo 500 kuai fa kuan")
    " 火锅店 火锅 店 签 签合同 跟 跟我 不跟我 一直 这样 合法吗 要求 补发 快递员 快递 每个月 罚款"
    " 一共 总共 扣了 单位是 公司是 有限公司 什么时候 联系 联系我 人 干 要回 想要回 块 经理 钱"
    " 工作 工作了 参加工作 干了 做了"
    # a cleaner's and a rider's words ("wo zai yige xiaoqu zuo baojie", "pao waimai de zhandian")
    " 一个 小区 保洁 物业 物业公司 外卖 跑外卖 站点 合理 证据 需要 没 平台 刚才 那个 这个 这样"
    " 案子 状态 的 说是 跑 扣 现在 以后 查 进度 帮 他们 不是 每个 罚 经常 已经 还没"
    # words whose pinyin the examples also spell otherwise ("jia le" 加了, not 假了)
    " 加了 加过 周六 周日 要钱 不来 电话 全部 错了 两个 补休 没补休"
    # a temporary worker told he does not count ("gongsi shuo wo shi linshigong bu suan")
    " 临时工 不算 算不算"
    # a cook's course asked in pinyin ("wo xiang xue zuo chuan cai you mei you ke")
    " 川菜 做菜 炒菜 厨艺 烹饪 烹调 证书 结业"
    # a wife's May Day told in pinyin ("wo laopo zai chaoshi shangban yuexin 3480 wuyi …")
    " 老婆 老公 超市 月薪 五一 都"
    # a baker's course asked in pinyin ("you mei you jiao zuo mianbao dangao de ke", "zai na
    # dian", "yao jiao qian ma cailiao zenme suan", "zuo hao de keyi dai hui jia ma")
    " 教 教做 面包 蛋糕 几点钟 在哪点 哪点 交钱 要交钱 材料 做好的 带回家 带回去 带回"
    # a parent enrolled in pinyin ("wo ma tui xiu le xiang xue chang ge", "bang ta bao ming ta
    # jiao …": the syllables after 她叫 are her name)
    " 他 她 他叫 她叫 帮他 帮她 我妈 我爸 退休了 唱歌 元旦 那天 上不上"
    # a probation dismissal told in pinyin ("shuo wo bu fuhe luyong tiaojian ke tamen cong lai
    # mei kaohe guo", "neng pei duo shao")
    " 赔 能赔 赔多少 不符合 录用条件 考核 从来 可"
    # a night shift told in pinyin ("wo zai zhusu chang shang ye ban wanshang 8 dian dao
    # zaoshang 8 dian yi ge libai shang 5 tian zheyang heli bu")
    " 注塑厂 注塑 夜班 上夜班 早上 到 礼拜 一个礼拜 钟头 多做 合理不 室友"
    # a beginner's calligraphy class asked in pinyin ("wo yi dian ji chu dou mei you ke yi ma",
    # "yao zi ji dai bi mo ma", "na tian shang ke")
    " 一点 基础 零基础 笔墨 毛笔 哪天 自己带"
    # leave not taken, its pay asked in pinyin ("wo yue gongzi 4350, gai bu wo duoshao")
    " 该补 能补 补我 补多少 补给我"
    # wages of two months claimed in pinyin, the summary handed in ("9 yue he 10 yue", "wo yao
    # ba qian na hui lai", "dui de ti jiao ba")
    " 和 把钱 拿回来 要回来 提交 交上去"
    # wages held back told in pinyin ("gongzi bei laoban tuo le liang ge yue", "gongsi shuo
    # xia ge yue yiqi fa", "wo zai zhe gan le 5 nian")
    " 被老板 被公司 拖 拖了 下个月 一起 一起发 这 在这 这里"
    # a request's details in pinyin ("mingzi … dianhua … gongsi shi … ruanjian youxian gongsi
    # yaoqiu pei 5000")
    " 名字 要求 要求赔 软件 有限公司"
    # insurance after leaving asked in pinyin ("wo xia ge yue lizhi le xin gongzuo hai mei zhao
    # dao shebao zenme ban", "yanglao jiao le 9 nian duan le hui bu hui bai jiao", "gongjijin
    # ne", "yihou qu chengdu gongzuo shebao zenme zhuan")
    " 离职 离职了 新工作 找到 没找到 还没找到 断了 白交 会不会 公积金 成都 怎么转 转移 交了 以后"
    # an enrolment taken back in pinyin ("a bu dui wo zhou wu wan shang yao jia ban 还是qu xiao ba")
    " 啊 不对 还是 周一 周二 周三 周四 周五"
    # a figure changed by a supposition in pinyin ("ru guo shi 4 nian 3 ge yue ne")
    " 如果 如果是 要是"
    # a class swapped for another in pinyin ("deng xia zhou yi wo yao zhi ban, huan cheng yu jia
    # ba", "dui huan ba")
    " 等下 值班 要值班 换 换成 换到 改成 换一个 下周 下周一"
    # an injured worker's time at home asked in pinyin ("zai jia xiuxi zhe duan shijian gongzi
    # zenme suan")
    " 在家 休息 在家休息 这段时间 养伤 停工"
    # a rider's fall on a delivery and a platform that denies it, in pinyin ("song dan lu shang
    # shuai le suan bu suan", "ruguo pingtai bu ren ne"; "zhiye shanghai baozhang")
    " 送单 送外卖 路上 摔 摔了 摔伤 撞了 不认 不承认 职业伤害 保障 算 算不算 听说"
    # probation's pay asked in pinyin, what the employer only gives ("shi yong qi gong zi zhi
    # gei 3000, zhuan zheng hou 4500", "zui shao ying gai na duo shao", "zhi gei N")
    " 只 只给 只有 最少 至少 应该 拿 拿多少 该拿 转正 转正后"
    # a plant's move told in pinyin ("gong si yao ban zou le ba wo men ci le")
    " 搬 搬走 搬走了 搬家 搬迁 把我 把我们 我们 辞了 辞退了"
    # a milk-tea shop's worker called an hourly one, let go, no contract ("laoban shuo wo shi
    # xiaoshigong jiao wo mingtian buyong lai le", "mei tian zuo 6 ge xiaoshi yi zhou 6 tian",
    # "hetong ye mei qian guo")
    " 奶茶 奶茶店 打工 小时工 钟点工 兼职 明天 不用来 不用来了 叫我 每天 一周 零 也没 没签 没签过 签过"
    # a first payday missed in probation, in pinyin ("gang ru zhi jin tian gai fa gong zi le",
    # "shi yong qi bu fa qian", "jia fu pei chang jin neng you duo shao")
    " 刚 刚入职 入职 今天 该发 发工资 不发 不发钱 发钱 加付 赔偿金 有多少 能有多少"
    # a sick child's leave asked in pinyin ("wo er zi fa gao shao zhu yuan le, yao qing jia zhao
    # gu ta", "ta 4 sui, yu er jia you ji tian", "xiu nian jia kou bu kou gong zi")
    " 儿子 女儿 孩子 娃儿 发烧 发高烧 生病 住院 住院了 照顾 岁 育儿假 陪产假 护理假 扣不扣 扣不扣工资 有没有假 假可以休"
).split()
_LATIN_RUN = re.compile(r"[a-z][a-z' ]*[a-z]|[a-z]")
MIN_PINYIN_COVER = 0.7


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, str]:
    """Concatenated toneless pinyin -> word (the first word listed wins a tie)."""
    table: dict[str, str] = {}
    for word in PINYIN_WORDS:
        table.setdefault("".join(lazy_pinyin(word)), word)
    return table


# the Chinese the model was trained on, for words the list above lacks: the commonest run of
# 2 to 4 characters of the training examples with a given pinyin ("dian hua" 电话, "yao qian"
# 要钱); read only for two or more syllables, never for one (a name's syllable stays as typed)
_GENERAL: dict[str, str] = {}
_TABLE_CHANGES = [0]
_MIN_SEEN = 2
_GENERAL_SIZES = (2, 3, 4)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def pinyin_words_of(texts: list[str]) -> dict[str, str]:
    """Concatenated toneless pinyin -> the commonest run of 2 to 4 characters of `texts` that
    reads so (seen at least twice): the table a model keeps for reading pinyin."""
    counts: dict[str, int] = {}
    for text in texts:
        for run in _HAN_RUN.findall(text):
            for size in _GENERAL_SIZES:
                for i in range(len(run) - size + 1):
                    gram = run[i : i + size]
                    counts[gram] = counts.get(gram, 0) + 1
    chars = sorted({c for gram in counts for c in gram})
    sound = dict(zip(chars, lazy_pinyin(chars), strict=True))
    best: dict[str, tuple[int, str]] = {}
    for gram, seen in counts.items():
        if seen < _MIN_SEEN:
            continue
        key = "".join(sound[c] for c in gram)
        if seen > best.get(key, (0, ""))[0]:
            best[key] = (seen, gram)
    return {key: gram for key, (_, gram) in sorted(best.items())}


def use_pinyin_words(table: dict[str, str]) -> None:
    """The model's table of words spelled in pinyin (set by the interpreter it belongs to)."""
    if table != _GENERAL:
        _GENERAL.clear()
        _GENERAL.update(table)
        _TABLE_CHANGES[0] += 1  # (the readings kept were made with the old table)


def _general_table() -> dict[str, str]:
    return _GENERAL


# "wo jiao zhao lei": the syllables after "jiao" (叫) that spell no word are the name, kept
# as typed
_NAME_SYLLABLES = 3
# what each reading of a span of syllables costs: the cheapest reading of the whole run wins
# (a word of the list before a run of the examples, a word of several syllables before one of
# one: "zhong cai yao qian ma" is 仲裁 要钱 吗, not 仲裁要 欠 吗)
_COST_LISTED = 1.0
_COST_LISTED_SYLLABLE = 1.2
_COST_EXAMPLES = 1.5
_COST_NAME = 0.5
_COST_UNREAD = 5.0
# letters a single typed token needs before it is read as a run of the examples' characters
_JOINED_SYLLABLES = 5


def _inside(letters: str, table: dict[str, str], longest: int) -> tuple[list[str], int]:
    """The words a run of letters spells, longest first, and how many letters they cover."""
    out: list[str] = []
    covered = i = 0
    while i < len(letters):
        for size in range(min(longest, len(letters) - i), 0, -1):
            word = table.get(letters[i : i + size])
            if word is not None:
                out.append(word)
                covered += size
                i += size
                break
        else:
            i += 1
    return out, covered


def _from_pinyin(run: str) -> str | None:
    """The Chinese a Latin run spells in pinyin, when most of it does; else None. Typed
    spaces are word boundaries ("wo zai jiangbei" is 我 在 …, never 再见): whole syllables
    joined across them ("lao ban" 老板), never a word that starts or ends inside one. The run
    is read the cheapest way (the costs above)."""
    tokens = [t for t in run.replace("'", "").split(" ") if t]
    letters = "".join(tokens)
    if not letters:
        return None
    table = _pinyin_table()
    general = _general_table()
    longest = max(map(len, table))
    n = len(tokens)
    # best[i]: (cost, letters covered, words) of reading tokens[:i]
    best: list[tuple[float, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, [])
    for i in range(n):
        if best[i] is None:
            continue
        cost, covered, out = best[i]  # type: ignore[misc]
        options: list[tuple[int, float, int, str]] = []
        for j in range(i + 1, n + 1):
            key = "".join(tokens[i:j])
            if key in table:
                each = _COST_LISTED_SYLLABLE if j - i == 1 else _COST_LISTED
                options.append((j, each, len(key), table[key]))
            # (a token of two syllables or more typed together counts too: "zhouliu" 周六)
            if (j - i >= 2 or len(key) >= _JOINED_SYLLABLES) and key in general:
                options.append((j, _COST_EXAMPLES, len(key), general[key]))
        if i and tokens[i - 1] == "jiao":  # (我叫, 她叫: the name follows)
            # "wo jiao zhao lei dian hua …": the name's syllables, up to a known word
            for j in range(i + 1, min(n, i + _NAME_SYLLABLES) + 1):
                if any(t in table for t in tokens[i:j]):
                    break
                name = " " + " ".join(tokens[i:j]) + " "
                options.append((j, _COST_NAME, sum(map(len, tokens[i:j])), name))
        words, inside = _inside(tokens[i], table, longest)
        options.append((i + 1, _COST_UNREAD, inside, "".join(words)))
        for j, each, more, word in options:
            candidate = (cost + each, covered + more, [*out, word])
            held = best[j]
            if held is None or (candidate[1], -candidate[0]) > (held[1], -held[0]):
                best[j] = candidate
    _, covered, out = best[n]  # type: ignore[misc]
    if covered / len(letters) < MIN_PINYIN_COVER:
        return None
    return "".join(out)


# English words that carry nothing once the phrases around them are read as Chinese
# ("hi i work in a factory …": the greeting run into the question with no comma)
_ASKS_SOMETHING = re.compile(
    r"[吗呢么]|什么|哪|多少|好多|几|怎么|咋|啥|该|能|有没有|可以|想|要|帮|课程|报名|调解|合法"
)
_GREETING_FIRST = re.compile(r"^\s*你好(?:\s*[,，.。!！]+\s*|\s+)")
_STOPWORDS = frozenset(
    "a an the to of for in on at is are am be do does did i me my you your we our it this"
    " that there please can could would will just about any some with from get got so and"
    " or if what which who after was were been already still has have had they them but".split()
)


def _from_english(run: str) -> str:
    read = _ENGLISH_RE.sub(lambda m: f" {ENGLISH[m.group(0)]} ", run)
    if read == run:
        return run  # no English it knows: leave the run as it is
    words = [w for w in read.split() if w not in _STOPWORDS]
    return " ".join(words)


# the readings of texts up to this length are kept (a pure function of the text and the
# model's table): a turn reads the worker's earlier messages again for each action
_KEPT_CHARS = 300


def read_foreign(text: str) -> str:
    """`text` (already lowercased) with English phrases and pinyin runs in Chinese."""
    if not _LATIN_PAIR.search(text):
        return text
    if len(text) > _KEPT_CHARS:
        return _read(text)
    return _read_kept(text, _TABLE_CHANGES[0])


_LATIN_PAIR = re.compile(r"[a-z]{2}")


@lru_cache(maxsize=4096)
def _read_kept(text: str, table_version: int) -> str:
    return _read(text)


def _read(text: str) -> str:
    for pattern, chinese in [*REORDERED, *LEAVING_NUMBERED, *NUMBERED]:
        text = pattern.sub(chinese, text)  # type: ignore[arg-type]

    untouched: list[str] = []
    translated: list[str] = []

    def rewrite(m: re.Match[str]) -> str:
        run = m.group(0)
        # ("… 3480 wuyi 1 hao …": a listed word of four letters alone between figures)
        spelled = " " in run or len(run) > 4 or (len(run) == 4 and run in _pinyin_table())
        pinyin = _from_pinyin(run) if spelled else None
        read = pinyin if pinyin is not None else _from_english(run)
        (untouched if read == run else translated).append(run)
        return read

    read = _LATIN_RUN.sub(rewrite, text)
    if untouched and translated:
        # "… on weekends? i work in a canteen.": English the reading has no word for says
        # nothing the model knows; left in, it only drowns what was understood
        read = _LATIN_RUN.sub(lambda m: "" if m.group(0) in untouched else m.group(0), read)
    # "Hi, is there any cooking class…": a greeting before a request is no greeting
    rest = _GREETING_FIRST.sub("", read, count=1)
    # ("Hello, do you speak English? I work in a factory here.": a greeting, then only who
    # the worker is; the greeting stays)
    asks = _ASKS_SOMETHING.search(rest) is not None
    return rest if rest != read and re.search(r"[\u4e00-\u9fff]", rest) and asks else read
