"""Two things told of a claim, pointing at one entry whatever the scores (read in
actions/policy_followups.find_answer):

- many workers in the same case ("我们有12个人都是一样的 都没拿到"): they may claim together and,
  ten or more with a common claim, send representatives (《劳动争议调解仲裁法》第七条) — the
  entry on a group's claim;
- a record the worker holds, asked whether it counts ("都没签合同 只有个记工的本本 这个算数不"):
  without a contract, records of pay, attendance and work prove the relation
  (《关于确立劳动关系有关事项的通知》第二条) — that entry; with a contract, the entry on the
  evidence for a claim."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge

GROUP_CLAIM = "dispute_group"
PROVE_RELATION = "contract_prove_relation"
EVIDENCE = "dispute_evidence"

# how many: "12个人", "十几个工友", "好几个同事"
_MANY = re.compile(
    r"(?:\d+|[两三四五六七八九十百几]+|十几|二十几|好几|几十)\s*(?:个|名|位)?\s*"
    r"(?:人|工友|同事|兄弟|老乡|伙计|师傅|工人|姊妹)"
)
# in the same case: "都是一样的", "也一样", "都没拿到", "都被欠了"
_SAME_CASE = re.compile(
    r"一样|同样|都是这样|都这样|(?:都|也|全部|全都)(?:没|莫|被|还|是)?(?:拿到|发|给钱|结|欠|拖)"
)
# (a sum asked, or a request to file: their own answers)
_NOT_THE_GROUP = re.compile(r"好多钱|多少钱|一共|总共|加起来|我叫|电话|1[3-9]\d{9}")


def group_told(knowledge: Knowledge, text: str) -> Answer | None:
    if _MANY.search(text) and _SAME_CASE.search(text) and not _NOT_THE_GROUP.search(text):
        return knowledge.get(GROUP_CLAIM)
    return None


# a record held: "记工的本本", "考勤卡", "微信聊天记录", "工牌" (an IOU has its own entry)
_RECORD = re.compile(
    r"记工|本本|记账|账本|考勤|打卡|聊天记录|微信记录|工牌|工作证|工资条|转账|流水|录音|照片|工作服"
)
# asked whether it counts
_COUNTS = re.compile(
    r"算数|算不算|作数|作不作数|管用|有用|有没有用|有没得用|有效|能用|可以用|能当|能作为|认不认|认可|得行不|算证据"
)
_NO_CONTRACT = re.compile(
    r"(?:没|没有|没得|莫得|不)(?:签|跟我签|和我签)?[^，,。]{0,2}合同"
    r"|合同(?:都|也)?(?:没|没有|没得|莫得|不)"
)


def record_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if not (_RECORD.search(text) and _COUNTS.search(text)):
        return None
    return knowledge.get(PROVE_RELATION if _NO_CONTRACT.search(text) else EVIDENCE)
