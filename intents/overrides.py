"""Messages that bypass the classifier: button payloads and must-not-miss keyword rules."""

from __future__ import annotations

import json
import re

# Rasa's payload syntax: /intent, /intent{"entity": "value"}, /intent@0.8{...}
PAYLOAD = re.compile(
    r"^/(?P<intent>[A-Za-z_][\w.-]*)(?:@(?P<confidence>[0-9.]+))?\s*(?P<entities>\{.*)?$",
    re.DOTALL,
)

_CLAUSE_BREAK = re.compile(r"[,.!?;:，。！？；：、~…]")
_NOT_NEGATION = re.compile(r"能不能|可不可以|可以不|是不是|行不行|要不要|得不得|会不会")
_NEGATION = re.compile(r"[不别莫甭勿没]")
HANDOFF = re.compile(
    r"(?:转(?:个|一下|接|给)?(?:人工|真人)|人工(?:客服|服务|坐席|台)|真人客服"
    r"|(?:找|要|换|接)(?:个|一个)?(?:真人|人工)|找(?:个|一个)?(?:工作人员|客服)"
    r"|(?:我要|我想要|我需要)(?:人工|真人))"
)
HANDOFF_WHOLE = re.compile(r"^(?:人工|真人|客服|human|agent)[!?.。！？~，,]*$")
CANCEL = re.compile(
    r"^(?:那|那就|还是|我)?(?:取消|算了|不办了|退出|不填了|不弄了|不整了|不搞了|cancel|quit|exit)"
    r"(?:算了)?[吧了啦嘛哈]*[\s!?.。！？~，,…]*$"
)


def parse_payload(text: str) -> tuple[str, float | None, list[dict]] | None:
    """Split `/intent@conf{json}` into (intent, confidence or None, entities); None if not one."""
    m = PAYLOAD.match(text.strip())
    if m is None:
        return None
    confidence = None
    if m.group("confidence"):
        try:
            confidence = max(0.0, min(1.0, float(m.group("confidence"))))
        except ValueError:
            confidence = None
    entities: list[dict] = []
    raw = m.group("entities")
    if raw:
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if isinstance(data, dict):
            end = len(text)
            for key, value in data.items():
                for item in value if isinstance(value, list) else [value]:
                    entities.append(
                        {
                            "entity": str(key),
                            "value": item,
                            "start": 0,
                            "end": end,
                            "extractor": "payload",
                        }
                    )
    return m.group("intent"), confidence, entities


def rule_intent(text: str) -> str | None:
    """`human_handoff` or `cancel` when the (normalised, space-free) text clearly asks for it."""
    compact = text.replace(" ", "")
    if not compact:
        return None
    if HANDOFF_WHOLE.match(compact):
        return "human_handoff"
    for m in HANDOFF.finditer(compact):
        if not _negated(compact, m.start()):
            return "human_handoff"
    if CANCEL.match(compact):
        return "cancel"
    return None


def _negated(text: str, start: int) -> bool:
    """True when the few characters before `start`, in the same clause, negate it (不要转人工)."""
    window = _CLAUSE_BREAK.split(text[max(0, start - 4) : start])[-1]
    return bool(_NEGATION.search(_NOT_NEGATION.sub("", window)[-2:]))
