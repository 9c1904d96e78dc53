"""Whether a road accident on the way to or from work is 工伤, worked out from the traffic
police's finding: "交警认定的是对方全责" right after the answer on commuting accidents is
answered "应当认定为工伤" with what to do next, as a union lawyer would, instead of the rule
again.

《工伤保险条例》第十四条第（六）项: an accident on the way to or from work that is not mainly
the worker's fault is 工伤 (the other side wholly or mainly at fault, equal fault, or the
worker only secondarily). The fault is the one the traffic police's written finding states
(人社部发〔2013〕34号 第二条); a finding may be reviewed on a written request within three days
of receiving it (《道路交通事故处理程序规定》第七十一条).
"""

from __future__ import annotations

import re

SOURCE = (
    "《工伤保险条例》第十四条、第十七条；"
    "《人力资源社会保障部关于执行〈工伤保险条例〉若干问题的意见》第二条"
)
UNINSURED_SOURCE = SOURCE.replace("第十七条；", "第十七条、第六十二条；")
REVIEW_SOURCE = "《工伤保险条例》第十四条；《道路交通事故处理程序规定》第七十一条"

_FAULT = r"(?:全责|全部责任|主要责任|主责|次要责任|次责|同等责任|无责|没有?责任|没得责任)"
# who bears which share: "对方全责", "判我次要责任", "我们是同等责任", "我没得责任"
_SHARE = re.compile(
    # ("要是我自己全责呢")
    rf"(?P<who>对方|对面|司机|那个人|他|她|我|我们|双方|货车|汽车|轿车|小车|大车|卡车|车主|出租车|公交车)?"
    rf"(?:自己)?(?:是|负|只负|要负|占|被判|认定|判的?|算)*"
    rf"(?:的是)?(?P<fault>{_FAULT})"
)
_NOT_MINE = {"次要责任", "次责", "无责", "没有责任", "没责任", "没得责任"}
_MAIN = {"全责", "全部责任", "主要责任", "主责"}
_OTHERS = {"对方", "对面", "司机", "那个人", "他", "她"}
# "交警认定的货车全责": the other vehicle's driver (not the worker's own 电瓶车 or 摩托)
_OTHERS |= {"货车", "汽车", "轿车", "小车", "大车", "卡车", "车主", "出租车", "公交车"}
# "判我全责": the worker named after the verb
_ME_AFTER = re.compile(rf"(?:判|认定|算)(?:的是)?我(?:是|负)?{_FAULT}")


def mainly_mine(text: str) -> bool | None:
    """True when the finding the message tells puts the main fault on the worker, False when
    it does not, None when the message tells no finding."""
    value = re.sub(r"\s", "", text or "")
    m = _SHARE.search(value)
    if m is None:
        return None
    fault, who = m.group("fault"), m.group("who") or ("我" if _ME_AFTER.search(value) else "")
    if fault == "同等责任":
        return False
    if who in _OTHERS:
        # the other side's share: wholly or mainly theirs leaves the worker's secondary
        return fault not in _MAIN
    if who in ("我", "我们"):
        return fault in _MAIN
    return None


# the employer never insured the worker against injury ("公司说没给我们买工伤保险")
_UNINSURED = re.compile(
    r"(?:没|没有|莫得|不)(?:给我们?|帮我们?)?(?:买|交|缴|上)[^，,。]{0,3}(?:工伤保险|工伤险|社保|保险)"
)


def commute_injury_text(text: str) -> str | None:
    """The finding applied, for a message that tells who the police found at fault, else None."""
    mine = mainly_mine(text)
    if mine is None:
        return None
    if not mine:
        uninsured = _UNINSURED.search(text or "") is not None
        return "\n".join(
            [
                "按您说的责任认定，事故不是您的主要责任，上下班途中发生的（合理时间、合理路线），"
                "应当认定为工伤。",
                "接下来：单位应在受伤之日起30日内申请工伤认定；单位不申请的，您本人1年内可以"
                "去区县人社局申请，带上《道路交通事故认定书》、劳动关系证明（合同、工资流水、"
                "考勤等）和病历。",
                *(
                    [
                        "单位没给您买工伤保险的，照样认定工伤，工伤保险待遇由单位按规定的项目和标准"
                        "支付（《工伤保险条例》第六十二条），不能只叫您去找对方赔。"
                    ]
                    if uninsured
                    else []
                ),
                "对方的交通事故赔偿和工伤保险待遇可以都要，但对方已经赔了的医疗费不重复报。",
                f"依据：{UNINSURED_SOURCE if uninsured else SOURCE}",
            ]
        )
    return "\n".join(
        [
            "按您说的责任认定，您负主要或全部责任，这次上下班途中的事故不能认定为工伤。",
            "对《道路交通事故认定书》有异议的，收到后3日内可以书面向上一级交警部门申请复核；"
            "复核改成不是您主要责任的，就可以申请工伤认定。",
            f"依据：{REVIEW_SOURCE}",
        ]
    )
