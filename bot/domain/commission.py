"""What a platform worker keeps of the takings after the platform's commission: "上个月流水9000
平台抽了百分之20 我到手该好多" is 9000×(1-20%)=7200元, and "等哈 我说错了 是抽的百分之25" after
it is the same takings at the new share (6750元).

The share itself is the platform's and the worker's agreement (its rules, published to the
drivers and riders), not a figure of the law; the law asks that the pay for work under the
platform's management is not below the local minimum wage (《关于维护新就业形态劳动者劳动保障
权益的指导意见》, 人社部发〔2021〕56号, 第（四）、（六）条)."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

# "流水9000", "跑了9000的流水", "一个月收入8千"
_TAKINGS = re.compile(
    rf"(?:流水|营业额|车费|跑了|收入|挣了|进账)(?:有|是|一共|总共)?\s*(?P<n>{NUM})\s*(?:块|元)?"
    rf"|(?P<n2>{NUM})\s*(?:块|元)?(?:的)?流水"
)
# "抽了百分之20", "抽成25%", "抽两成", "扣了20%的服务费"
_SHARE = re.compile(
    r"(?:抽|扣|提)(?:了|走|的|成|取)?(?:是|有)?(?:百分之)?\s*"
    rf"(?:百分之(?P<cn>{NUM})|(?P<pct>{NUM})\s*(?:%|％|个点)|(?P<tenths>[一二两三四五\d])\s*成)"
)
SOURCE = "《关于维护新就业形态劳动者劳动保障权益的指导意见》"
_MIN_TAKINGS, _MAX_TAKINGS = 100, 1_000_000


def takings_told(text: str) -> float | None:
    """The takings a message tells, in yuan, or None."""
    for m in _TAKINGS.finditer(text or ""):
        value = parse_number(m.group("n") or m.group("n2"))
        if value is not None and _MIN_TAKINGS <= value <= _MAX_TAKINGS:
            return value
    return None


def share_told(text: str) -> float | None:
    """The platform's share a message tells, as a percentage (20 for 百分之20 or 两成)."""
    m = _SHARE.search(text or "")
    if m is None:
        return None
    if m.group("tenths"):
        tenths = parse_number(m.group("tenths"))
        value = tenths * 10 if tenths is not None else None
    else:
        value = parse_number(m.group("cn") or m.group("pct"))
    return value if value is not None and 0 < value < 100 else None


def take_home_text(takings: float, share: float, corrected: bool = False) -> str:
    """The takings less the platform's share, and what the law asks of such pay."""
    kept = round(takings * (100 - share) / 100, 2)
    lead = "按您改过的比例算" if corrected else "按您说的算"
    return "\n".join(
        [
            f"{lead}：流水{format_number(takings)}元，平台抽{format_number(share)}%，"
            f"到手{format_number(takings)}×(1-{format_number(share)}%)={format_number(kept)}元"
            "（油费、车辆等开支另算）。",
            "抽成比例由平台规则和你们的协议定，平台制定、修改抽成规则要听取劳动者意见并公示；受平台"
            "劳动管理的，扣除必要的工作时间后，报酬不得低于当地最低工资标准。觉得抽得不合理、算得不对，"
            "可以先在平台申诉，也可以找工会（12351）帮忙协调。",
            f"依据：{SOURCE}",
        ]
    )
