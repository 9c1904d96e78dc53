"""Messages that ask to enrol in a course (with the worker's details, read as `inform` by the
classifier for the name and phone), and messages that only ask whether one may enrol."""

from __future__ import annotations

import re

# "报名，我叫陈大勇，电话158…": a request to enrol that brings the worker's details along (read
# as `inform` for the name and phone); the course comes from the message or the list in view
YES_FIRST = r"(?:好|好的|好嘛|要得|行|嗯|那|那就|对了|晓得了|知道了|明白了)*[，,。!！\s]*"
# "回到刚才那个蛋糕课 帮我报个名": back to a course talked of before
BACK_TO_COURSE = r"(?:回到|说回|还是说)?(?:刚才|之前|前面)(?:那个|那门|说的|的)?"
# "那个绘本的要钱不 不要钱的话就帮我报一个 我叫…": a question about the course, then the
# enrolment with the details
ENROL_AFTER_ASKING = re.compile(
    r"(?:的话|那就|就)(?:帮我|给我)?(?:报一个|报个名|报个|报名|报上)"
    # "…请不到那么多假 我就报叉车嘛 … 陈德彬 139…": the course chosen instead, after the reason
    # "晓得了 先把八段锦报了嘛 谭国平 177…": the course taken, 把 … 报了
    # (not "把医药费报了", "把工伤报了": a bill or an injury reported, no course)
    r"|(?:先|就|那就|那)?把(?![^，,。]{0,10}?(?:费|钱|票|账|工伤|社保|保险))[\u4e00-\u9fff]{2,10}?(?:课|班)?"
    r"(?:报了|报上|报名)"
    r"|(?:我|那)(?:就|还是|干脆|改)报(?!个?(?:销|警|案|税|仇|道|告|表|价|复|到|社保|工伤))"
    r"(?=[\u4e00-\u9fff]{2,10}?(?:嘛|吧|了|算了|\s|$))"
)
_FAMILY = (
    "妈|爸|老婆|老公|爱人|媳妇|男人|女儿|儿子|孙子|孙女|外孙女|外孙|娃儿|娃|孩子|小孩"
    "|妹妹|弟弟|姐姐|哥哥|侄儿|侄女|外甥女|外甥"
    # ("再帮我妹报一个 杨雪 136…": a sister, a cousin, an in-law)
    "|[大二三四小幺](?:姐|妹|哥|弟)"
    "|表妹|表弟|表姐|表哥|堂妹|堂弟|堂姐|堂哥|嫂子|弟媳|妹|弟|姐|哥|姑姑|小姨|姨妈|舅舅|岳母|丈母娘|婆婆|公公"
)
# "再帮我同事报一个 她叫…": someone else than family
_OTHERS = "同事|工友|朋友|邻居|闺蜜|室友|老乡|师傅|徒弟"
ENROL_WITH_DETAILS = re.compile(
    # "好 那八段锦帮我报个名 我叫…": the course may come before who enrols
    # ("周日带娃儿读绘本那个帮我报一个": the course told by what it is)
    rf"^{YES_FIRST}(?:{BACK_TO_COURSE})?(?:(?!老板|公司|单位|厂|工头)(?:[\u4e00-\u9fff]{{2,8}}?|[\u4e00-\u9fff]{{2,12}}?那个)(?=帮|给))?"
    # ("书法课报一个 我叫…": the class named, then 报)
    r"(?:[\u4e00-\u9fff]{1,8}?(?:课|班)(?=报))?"
    # ("晓得了 叉车还是报一个 冉光明 189…": the course, then 还是/就/也 报)
    r"(?:(?!老板|公司|单位|厂|工头)[\u4e00-\u9fff]{2,6}?(?=(?:还是|就|也)(?:要|想)?报))?"
    # "再帮我报个书法 我叫…": again, or also
    # ("小苗成长营给我外孙女报一个 …": for one of the family)
    rf"(?:再|还|也|先|就)?(?:请)?(?:(?:帮|给)(?:她|他|(?:我(?:家)?)?(?:{_FAMILY}|{_OTHERS})?))?"
    # ("我老婆也想报个瑜伽 她叫…": the one enrolled said first)
    r"(?:我(?:老婆|老公|爱人|媳妇|男人|妈|爸|女儿|儿子)?|(?:老婆|老公|爱人|媳妇))?"
    # ("帮我抱个八段锦": 报 typed by sound)
    # ("那我还是报乒乓球嘛 … 黄志刚 199…": after all, this one)
    # ("那帮她登记个候补嘛 杨芳 135…": the waiting list of the course in view)
    r"(?:再|还是|还|也)?(?:要|想)?(?:报名|报个名|报个|报一个|报这个|报上|报|抱个|抱名"
    r"|(?:登记|排|报)(?:个|一个)?候补|排(?:个|一个)?队)"
    r"(?!个?(?:销|警|案|税|仇|道|告|表|价|复|到|社保|工伤))"
)
# "书法和八段锦我都想报 我叫…": the courses first, then "both" and the wish to enrol
ENROL_COURSES_FIRST = re.compile(
    r"^[\u4e00-\u9fff、]{2,16}?(?:我|两个|两门|这两个|这几个)?(?:都|也)(?:想|要)?(?:报名|报)"
    r"(?!个?(?:销|警|案|税|仇|道|告|表|价|复|到|社保|工伤))"
)


# "我老婆罗芳也要去 她电话199…": a relative coming too, with their details
ALSO_COMES = re.compile(
    rf"^(?:那)?我(?:{_FAMILY}|{_OTHERS})[\u4e00-\u9fff]{{0,3}}?(?:也|还)(?:要|想|可以)?(?:去|来|报|参加|一起)"
    # ("还有个朋友也想去 也帮她排个队嘛 罗娟 138…": someone else, with their details)
    rf"|^(?:还有|另外)?(?:个|一个)(?:{_OTHERS})(?:也|还)(?:要|想)(?:去|来|报|参加)"
    r"(?=.*(?:帮|给)(?:她|他)(?:也)?(?:报|登记|排))"
)


# "还有三妹孙雪莲 173… 满了就帮她排候补嘛": the waiting list asked for someone named before
_WAITLIST_FOR_THEM = re.compile(
    r"1[3-9]\d{9}.*(?:帮|给)(?:她|他)(?:也)?(?:排|登记|报)(?:个|一个)?(?:候补|队)"
    # ("还有我表妹王雪 134… 也帮她报一个": enrolled, with her details before)
    r"|1[3-9]\d{9}.*(?:帮|给)(?:她|他)(?:也)?报(?:个|一个|上|名)(?!.*(?:工伤|社保|销|警|案))"
)


# "书法 我叫陶德兵 139… 我老婆叫余小琴 138… 两个都报", "I am Wang Lei 137…, my friend is Chen
# Jing 185…": several people, each with a number, to enrol (not a group's dispute)
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ENROL_WORD = re.compile(
    r"报名|报(?:我们|两个|三个|几个|上|一个|个|了)|都报|一起报|我报|(?:我|他|她)(?:想|要)?学"
    r"|sign\s*(?:us|me|them)|join"
    r"|enrol|enroll|register|bao\s*ming",
    re.I,
)
_DISPUTE_WORDS = re.compile(r"调解|仲裁|申请|工资|欠|老板|公司|单位|赔|补偿|工伤")


def party_enrols(text: str) -> bool:
    """Two or more different mobile numbers and a word of enrolling, no dispute."""
    return (
        len(set(_MOBILE.findall(text or ""))) >= 2
        and bool(_ENROL_WORD.search(text or ""))
        and not _DISPUTE_WORDS.search(text or "")
    )


# "书法 帮我和我女朋友一起报 我叫…": the worker and someone with them
_WITH_SOMEONE = re.compile(
    rf"(?:帮|给)?我(?:和|跟)(?:我的?)?(?:{_FAMILY}|{_OTHERS}|男朋友|女朋友|对象)(?:一起|都|两个)?"
    r"(?:报名|报上|报|登记)(?!个?(?:销|警|案|税|仇|道|告|表|价|复|到|社保|工伤))"
)


def enrols_with(compact: str) -> bool:
    """The message (compact text) asks to enrol: the course may come first, the one enrolled
    may be family, a question about the course may come before it."""
    return bool(
        ENROL_WITH_DETAILS.match(compact)
        or ENROL_AFTER_ASKING.search(compact)
        or ENROL_COURSES_FIRST.match(compact)
        or ALSO_COMES.match(compact)
        or _WAITLIST_FOR_THEM.search(compact)
        or _WITH_SOMEONE.search(compact)
    )


# "我只是高中毕业 专升本能报不": whether one may enrol is a question about the course (its
# requirements), not a request to enrol
CAN_I_ENROL = re.compile(
    r"能报(?:不|吗|么|名吗|名不|得了)|能不能报|可不可以报|可以报(?:吗|不|么)|报得了|报不了"
    # "她能不能跟我一起读那个": whether someone may take the course in view
    r"|能不能(?:跟我|和我)?(?:一起)?(?:读|上|学)(?:那个|这个|那门|这门)"
    r"|够(?:不够)?(?:条件|资格)|符合(?:不符合)?条件"
    # "书法班还报得到不", "合唱团还收人不": whether enrolment is still open ("我还报得有啥子没":
    # what the worker is still enrolled in, not this)
    r"|报得到(?:不|吗|么|没|哇)|报得上(?:不|吗|么|没)|还(?:能|可以)报|还报得(?!有)"
    r"|(?:班|团|课|队)(?:还)?(?:收人|招人|收不收人|要不要人)|还有(?:名额|位置|空位)(?:不|吗|么|没)"
    # "报名要带啥子证件", "报名需要什么条件": what enrolling takes, asked
    r"|报名(?:要|需要|得|时|的时候)(?:带|准备|交|提供|啥|什么|哪些)[^，,。]{0,6}?"
    r"(?:啥|什么|哪些|证件|材料|条件|资料)"
    # "两个娃儿 要报两个名额不", "一家人算几个名额": how many places, asked
    r"|(?:要|得|需要|该)?报(?:几|两|二|三|多少|一)个名额(?:不|吗|么|嘛|哦)?[？?]*$"
    r"|算(?:几|两|一|多少)个名额"
    # "高中文凭 可以报专升本不": the course between the verb and the question word
    r"|(?:能|可以)报[\u4e00-\u9fff]{2,8}?(?:不|吗|么)[？?]*$"
)


# "现在还有哪个报着的", "what are we signed up for": the enrolments asked for
_LISTED_ASKED = re.compile(
    r"(?:还有|现在)[^，,。]{0,4}(?:哪个|哪些|哪几个|啥子|什么)[^，,。]{0,3}(?:报着|报起|报上)的"
    r"|what (?:are|am|is) (?:we|i|us|my \w+) (?:signed up for|enrolled in|registered for)"
    r"|show (?:me|us) what (?:we|i) (?:are|am) (?:signed up for|enrolled in)",
    re.I,
)
# "蔡磊说他不来了 把他去掉": one person's place given up
_STRUCK_OFF = re.compile(r"把(?:他|她)(?:的|那个|的名字)?(?:去掉|划掉|删了|删掉|取消)")


def enrolments_asked(text: str) -> str | None:
    """my_enrolments or cancel_enrolment when the message asks for one in these words."""
    if _LISTED_ASKED.search(text or ""):
        return "my_enrolments"
    if _STRUCK_OFF.search(text or ""):
        return "cancel_enrolment"
    return None
