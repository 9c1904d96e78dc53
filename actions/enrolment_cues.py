"""What an enrolment message says besides the course: another course instead, the worker
instead of the one refused, the course in view set aside, several or all courses in view
wanted, a question after the details, a question whether something is needed."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import entity_words, typed_text

# "报错了 改成报面点烘焙那个", "换成书法": another course instead of the one being enrolled in
CHANGE_COURSE = re.compile(
    r"改成|改为|换成|换个|换一个|改报|报错|不报这个|不要这个|不是这个"
    # "等哈 我说错了 我想报的是电工证 不是叉车"
    r"|(?:想|要)?报的是"
)

# "那我自己去学嘛", "那我来报": the same course, for the worker instead of the one refused
FOR_MYSELF = re.compile(r"^(?:那|那么|那就)?\s*(?:我自己|我来|我去|换我|给我自己)")

# the course in view set aside in the same message that names another
SET_ASIDE_IN_VIEW = re.compile(r"先不管|不管了|先不报|不报了|放一边|以后再说|下回再说|算了")

# a question whether something is needed ("要不要带垫子"), not a no
ASKS_WHETHER = re.compile(r"要不要|需不需要|用不用|得不得|要不要得")

# a question about the course after the details ("我叫杨小红 对了 这个学完发证书不")
ASKED_AFTER = re.compile(r"(?:对了|顺便问一?下|顺便|另外问一?下|问一?下)[，,\s]*(?P<q>\S.*)$")

# every course in view wanted ("两个都给我报了", "这两门都报"; not "两个都有周三晚上哦 那我就报
# 直播那个": both said of something else, one chosen)
ALL_IN_VIEW = re.compile(
    r"(?:两个|两门|三个|几个)都(?:给我|帮我)?(?:报|要|想|上|学|去|参加)|都给我报|都报|都要报|一起报"
)

# "我跟我婆娘两个都报", "我们三姐妹都报": the people counted, not courses in view
PEOPLE_BOTH = re.compile(
    r"(?:我跟|我和|我们|咱们|我俩|两口子)[^，,。\d]{0,6}(?:两个|俩|三个|几个)?都"
)

# several courses wanted at once: "两个都要", "合唱和手机摄影", "书法、插花"
# ("大的报寒假营 小的报绘本那个": one course for each child)
SEVERAL = re.compile(
    r"都要|都报|都想|两个|两门|几个都|[和跟、]|还有|以及|另外"
    r"|(?:大的|小的|老大|老二|哥哥|姐姐|弟弟|妹妹)[^，,。]{0,3}报"
)

# a wish to enrol said in an earlier message
ENROLS = re.compile(r"报名|要报|想报|帮我报|报一个|报个")

# "太极拳我喜欢 就报那个嘛": liking or wanting said right after the course named
_NAMED_THEN_WANTED = re.compile(r"^[^，,。？?不没莫]{0,4}(?:喜欢|想学|想报|要报|就报|爱)")


# "我先把做菜那个报了": the course named by its words, then 那个 pointing at it
_NAMED_THEN_THAT = re.compile(r"^(?:的)?那(?:个|门|一个|一门)")


def named_then_wanted(tracker: Tracker, named: str) -> bool:
    """The course named is the one wanted ("太极拳我喜欢 就报那个嘛"), whatever "那个" would
    point at in view."""
    words = entity_words(tracker, "course_name", named) or named
    text = typed_text(tracker)
    at = text.find(words)
    rest = text[at + len(words) :]
    return at >= 0 and bool(_NAMED_THEN_WANTED.search(rest) or _NAMED_THEN_THAT.search(rest))
