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

# English phrase -> Chinese, longest phrases first when applied
ENGLISH = {
    "annual leave": "年休假",
    "paid leave": "带薪年假",
    "paid holiday": "带薪年假",
    "days off": "年休假",
    "vacation": "年休假",
    "overtime pay": "加班费",
    "overtime": "加班",
    "work overtime": "加班",
    "working overtime": "加班",
    "overtime work": "加班",
    "get paid": "工资",
    "paid": "工资",
    "minimum wage": "最低工资",
    "unpaid wages": "拖欠工资",
    "unpaid salary": "拖欠工资",
    "not paid": "拖欠工资",
    "didn't pay": "拖欠工资",
    "did not pay": "拖欠工资",
    "hasn't paid": "拖欠工资",
    "owes me": "欠我工资",
    "wages": "工资",
    "wage": "工资",
    "salary": "工资",
    "pay slip": "工资条",
    "work injury": "工伤",
    "injured at work": "工伤",
    "hurt at work": "工伤",
    "injured": "受伤",
    "injury": "工伤",
    "labor contract": "劳动合同",
    "labour contract": "劳动合同",
    "employment contract": "劳动合同",
    "contract": "劳动合同",
    "probation period": "试用期",
    "probation": "试用期",
    "social insurance": "社保",
    "social security": "社保",
    "pension": "养老保险",
    "mediation": "调解",
    "mediate": "调解",
    "dispute": "劳动纠纷",
    "arbitration": "劳动仲裁",
    "fired": "辞退",
    "dismissed": "辞退",
    "laid off": "裁员",
    "severance": "经济补偿",
    "compensation": "经济补偿",
    "maternity leave": "产假",
    "paternity leave": "陪产假",
    # "and what about the father?" after the maternity answer
    "the father": "男方护理假",
    "fathers": "男方护理假",
    "new father": "男方护理假",
    "sick leave": "病假",
    "marriage leave": "婚假",
    "retirement age": "退休年龄",
    "retire": "退休",
    "night shift": "夜班",
    "public holiday": "法定节假日",
    "public holidays": "法定节假日",
    "national holiday": "法定节假日",
    "national holidays": "法定节假日",
    "holidays": "节假日",
    "holiday": "节假日",
    "monday": "周一",
    "tuesday": "周二",
    "wednesday": "周三",
    "thursday": "周四",
    "friday": "周五",
    "saturday": "周六",
    "saturdays": "周六",
    "sunday": "周日",
    "sundays": "周日",
    "weekends": "周末",
    "in the morning": "上午",
    "morning": "上午",
    "in the afternoon": "下午",
    "afternoon": "下午",
    "in the evening": "晚上",
    "evening": "晚上",
    "at night": "晚上",
    "my name is": "我叫",
    "phone number": "电话",
    "phone": "电话",
    "mobile": "手机",
    "weekend": "周末",
    "courses": "课程",
    "course": "课程",
    "classes": "课程",
    "class": "课程",
    "training": "培训",
    "sign up": "报名",
    "sign me up": "报名",
    "enroll": "报名",
    "enrol": "报名",
    "register": "报名",
    "my courses": "我的报名",
    "my classes": "我的报名",
    "what did i sign up for": "我报了哪些课",
    "what have i signed up for": "我报了哪些课",
    "did i sign up": "我报了",
    "my enrolments": "我的报名",
    "my enrollments": "我的报名",
    "my enrolment": "我的报名",
    "my enrollment": "我的报名",
    "enrolment": "报名",
    "enrollment": "报名",
    "calligraphy": "书法",
    "yoga": "瑜伽",
    "table tennis": "乒乓球",
    "ping pong": "乒乓球",
    "baking": "烘焙",
    "photography": "摄影",
    "electrician": "电工",
    "forklift": "叉车",
    "degree": "学历提升",
    "free": "免费",
    "talk to a human": "转人工",
    "real person": "真人",
    "human": "人工",
    "agent": "人工",
    "are you a robot": "你是机器人吗",
    "are you human": "你是真人吗",
    "are you a human": "你是真人吗",
    "are you a real person": "你是真人吗",
    "are you a bot": "你是机器人吗",
    "robot": "机器人",
    "how many days": "几天",
    "how much": "多少钱",
    "hasnt paid me": "不发工资",
    "hasn't paid me": "不发工资",
    "has not paid me": "不发工资",
    "didnt pay me": "不发工资",
    "didn't pay me": "不发工资",
    "what day": "星期几",
    "which day": "星期几",
    "which days": "星期几",
    "what time": "几点",
    "how long": "多久",
    "how many classes": "几次课",
    "how many sessions": "几次课",
    "how many lessons": "几次课",
    "cost": "费用",
    "fee": "费用",
    "how is": "怎么",
    "how do i": "怎么",
    "how to": "怎么",
    "calculated": "算",
    "calculate": "算",
    "where": "在哪里",
    "what can i do": "怎么办",
    "what should i do": "怎么办",
    "cooking": "烹调",
    "cook": "烹调",
    "certificate": "证书",
    "a certificate": "证书",
    "what about": "那",
    "how about": "那",
    "what should i bring": "要带什么",
    "what do i need to bring": "要带什么",
    "bring": "要带什么",
    "when": "什么时候",
    "status": "进度",
    "progress": "进度",
    "my case": "我的调解申请",
    "apply": "申请",
    "cancel": "取消",
    "labour question": "劳动政策问题",
    "labor question": "劳动政策问题",
    "legal question": "劳动政策问题",
    "labour law": "劳动法",
    "labor law": "劳动法",
    "question": "问题",
    "i want to": "我想",
    "i want": "我想",
    "i would like to": "我想",
    "i have": "我有",
    "never mind": "算了",
    "forget it": "算了",
    "back to the bot": "回机器人",
    "back to bot": "回机器人",
    "the first one": "第一个",
    "first one": "第一个",
    "the second one": "第二个",
    "second one": "第二个",
    "the third one": "第三个",
    "third one": "第三个",
    "the last one": "最后一个",
    "any more": "还有吗",
    "anything else": "还有吗",
    "next page": "下一页",
    "hello": "你好",
    "hiya": "你好",
    "hey": "你好",
    "hi": "你好",
    "thank you": "谢谢",
    "thanks": "谢谢",
    "bye": "再见",
    "help": "帮助",
    "union": "工会",
    "boss": "老板",
    "employer": "单位",
    "company": "公司",
    # leaving, dismissal, notice
    "quit my job": "辞职",
    "quit": "辞职",
    "resign": "辞职",
    "resignation": "辞职",
    "leave my job": "辞职",
    "how much notice": "要提前多久",
    "how much advance notice": "要提前多久",
    "how far in advance": "要提前多久",
    "in advance": "提前",
    "days notice": "要提前多久",
    "days' notice": "要提前多久",
    "notice period": "要提前多久",
    "notice": "提前",
    "what compensation": "能拿好多补偿",
    "how much compensation": "能拿好多补偿",
    "how much can i get": "能拿好多",
    "how much should i get": "能拿好多",
    "can i ask for": "能要",
    "ask for": "要",
    "can i get": "能拿",
    "fired without any reason": "无故辞退",
    "fired without reason": "无故辞退",
    "fired for no reason": "无故辞退",
    "dismissed without any reason": "无故辞退",
    "after working there for": "干了",
    "after working for": "干了",
    "working there for": "干了",
    "worked there for": "干了",
    "worked there": "干了",
    "worked for": "干了",
    "without any reason": "无故",
    "without reason": "无故",
    "for no reason": "无故",
    "no reason": "无故",
    "unfair dismissal": "违法辞退",
    "illegal dismissal": "违法辞退",
    "double pay": "双倍工资",
    "double salary": "双倍工资",
    # lawful or not
    "is that legal": "合法吗",
    "is it legal": "合法吗",
    "is this legal": "合法吗",
    "legal": "合法",
    "illegal": "违法",
    "allowed": "允许",
    # social insurance declined for cash
    "agree not to have social insurance": "自愿放弃社保",
    "not to have social insurance": "不买社保",
    "no social insurance": "不买社保",
    "without social insurance": "不买社保",
    "instead of social insurance": "不买社保",
    "give up social insurance": "放弃社保",
    # injury
    "work injury recognition": "工伤认定",
    "injury recognition": "工伤认定",
    "recognition": "认定",
    "recognised": "认定",
    "recognized": "认定",
    "fell off": "摔伤",
    "fell": "摔伤",
    "broke my": "摔伤",
    "accident": "事故",
    "on my way to work": "上下班途中",
    "on the way to work": "上下班途中",
    "on the way home": "上下班途中",
    "commute": "上下班途中",
    "commuting": "上下班途中",
    "time limit": "时效",
    "deadline": "期限",
    # other topics
    "pregnant": "怀孕",
    "pregnancy": "怀孕",
    "part-time": "非全日制",
    "part time": "非全日制",
    "hourly worker": "小时工",
    "dispatch worker": "劳务派遣",
    "agency worker": "劳务派遣",
    "equal pay": "同工同酬",
    "complain": "投诉",
    "complaint": "投诉",
    "report": "投诉",
    "labour inspection": "劳动监察",
    "labor inspection": "劳动监察",
    "charge": "收费",
    "hours a day": "每天几小时",
    "hours a week": "每周几小时",
    "per week": "每周",
    "a week": "每周",
    "per day": "每天",
    "a day": "每天",
    "years": "年",
    "year": "年",
    "months": "个月",
    "month": "个月",
}
_ENGLISH_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(ENGLISH, key=len, reverse=True)) + r")\b"
)

# the domain's words a pinyin message is read as (pinyin computed by pypinyin)
PINYIN_WORDS = (
    "年假 年休假 带薪 休假 几天 多少 多少钱 怎么 怎么算 咋个 什么 是 吗 呢 有 没有 我 你 我的 要 想 能"
    " 加班 加班费 工资 拖欠 欠 发 老板 公司 单位 工伤 受伤 合同 劳动合同 试用期 社保 五险一金 养老保险"
    " 调解 申请 仲裁 劳动仲裁 辞退 开除 赔偿 补偿 经济补偿 最低工资 产假 病假 婚假 退休 周末 节假日"
    " 课程 课 报名 培训 免费 书法 瑜伽 乒乓球 烘焙 插花 八段锦 电工 叉车 在哪里 哪里 时间 几点"
    " 转人工 人工 真人 机器人 你好 谢谢 再见 取消 进度 到哪一步了 查询 帮助 工会 上班 天 年 个月 倍"
    " 学 算了 不等了 不用了 回机器人 还有吗 第一个 第二个 第三个 要钱不 收费"
    " 哪些 有哪些 哪个 星期几 周几 多久 怎么办 好多钱 可以 能不能 课程表 活动"
    " 工地 工厂 厂里 了 不给 给 认定 工伤认定 自己 限制 时间限制 时效 在 上 辞职 提前 通知"
    " 合法 违法 怀孕 不发 没发 扣 押金 还 会 就 被"
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


def _from_pinyin(run: str) -> str | None:
    """The Chinese a Latin run spells in pinyin, when most of it does; else None."""
    letters = run.replace(" ", "").replace("'", "")
    table = _pinyin_table()
    longest = max(map(len, table))
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
    if not letters or covered / len(letters) < MIN_PINYIN_COVER:
        return None
    return "".join(out)


# English words that carry nothing once the phrases around them are read as Chinese
_GREETING_FIRST = re.compile(r"^\s*你好\s*[,，.。!！]+\s*")
_STOPWORDS = frozenset(
    "a an the to of for in on at is are am be do does did i me my you your we our it this"
    " that there please can could would will just about any some with from get got so and"
    " or if what which who".split()
)


def _from_english(run: str) -> str:
    read = _ENGLISH_RE.sub(lambda m: f" {ENGLISH[m.group(0)]} ", run)
    if read == run:
        return run  # no English it knows: leave the run as it is
    words = [w for w in read.split() if w not in _STOPWORDS]
    return " ".join(words)


def read_foreign(text: str) -> str:
    """`text` (already lowercased) with English phrases and pinyin runs in Chinese."""
    if not re.search(r"[a-z]{2}", text):
        return text

    untouched: list[str] = []
    translated: list[str] = []

    def rewrite(m: re.Match[str]) -> str:
        run = m.group(0)
        pinyin = _from_pinyin(run) if " " in run or len(run) > 4 else None
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
    return rest if rest != read and re.search(r"[\u4e00-\u9fff]", rest) else read
