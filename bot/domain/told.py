"""A worker who tells their situation before asking ("我今年4月1号跳槽到现在这个公司的 之前在
别的厂干了12年 中间没断过"): the message tells facts of the job and asks nothing yet. A person at
the union desk says "您说，我听着" and waits for the question; the facts stay in the conversation
for the sums worked out when it comes."""

from __future__ import annotations

import re

# facts of a job: dates, lengths, pay, a workplace, a pregnancy or a birth
_FACTS = re.compile(
    r"\d|[一二两三四五六七八九十]+\s*(?:年|个月|天|号)|进厂|进的|入职|跳槽|上班|打工|做事|干活"
    r"|工资|每个?月|厂|公司|单位|工地|仓库|店|预产期|怀|生的|产假|合同|社保|老板|主管|领导"
)
# anything asked: a question mark, a question word, or a yes-no ending
_ASKS = re.compile(
    r"[?？吗么呢]|咋|怎么|怎样|如何|好多|多少|几|啥|什么|哪|能不能|可不可以|是不是|有没有|有没得|有莫得"
    r"|对不对|合不合|行不行|要不要|该不该|算不算|合法|违法|可以不|不\s*$|没得?\s*$|办\s*$"
    # "问都没问过我 这样得行哦": 得行 asked back, in doubt
    r"|得行(?:啊|嘛|哦|呀|不|吗)"
    # "生娃儿有好久产假", "这个犯不犯法哦" (A-not-A asks), "这个咋说"
    r"|好久|多久|多长|啥时候|什么时候|何时|([\u4e00-\u9fff])不\1|犯法|咋说|怎么说|咋整|咋弄|咋搞"
    # "回到年假, 那如果累计工作12年": a what-if asks
    r"|(?:^|[\s，,。])(?:那)?(?:如果|要是|假如|万一)"
)
TOLD_MIN_CHARS = 8
TOLD_REPLY = (
    "好的，您说的情况我记下了。想问哪方面，直接问就行（比如补偿、年假、加班费、产假），"
    "我会结合您刚才说的情况来答。"
)


# "具体哪个月记不到了": a date forgotten, not a question; a phone number is details given
_FORGOTTEN = re.compile(r"(?:具体)?哪(?:个月|一年|年|天|号)(?:记不到|记不清|不记得|忘了|搞忘了)")
_PHONE = re.compile(r"1[3-9]\d{9}")


def told_not_asked(text: str | None) -> bool:
    """The message tells facts of the worker's job and asks nothing."""
    value = _FORGOTTEN.sub("", (text or "").strip())
    if _PHONE.search(value):
        return False
    return (
        len(re.sub(r"\s", "", value)) >= TOLD_MIN_CHARS
        and _FACTS.search(value) is not None
        and _ASKS.search(value) is None
    )


# what makes a story a question without a question word: something done to the worker
# ("老板说要把我开了"), a hurt, an illness or a pregnancy
_GRIEVANCE = re.compile(
    r"开了|开除|辞退|炒|不续|不要我|走人|不给|没给|没发|不发|扣|欠|拖|不签|没签|(?:没|不)(?:跟我|和我|给我)签|逼|罚|不让|不准|不批"
    r"|降|调岗|调到|调我|调去|调走|把我调|伤|砸|压|摔|病|住院|关门|倒闭|跑路|裁|搬|开我|辞我|炒我|不合格|不想去"
    # "店长喊我明天不用来了": let go in a word
    r"|不用来|不要来|别来|不用再来|不消来"
    # "人事说新来的头一年莫得年假": a right denied
    r"|莫得|没得|没有|不算|作废|没休|不休|不上|加班"
    # "娃儿8个月还在吃奶 车间主任排我上夜班": a shift put on the worker
    r"|夜班|排我|喊我上|叫我上|让我上"
    # "店长喊我自己写辞职 … 我又不想走": pushed to resign
    r"|写辞职|辞职信|辞职报告|喊我辞|让我辞|叫我辞|不想走"
    # "老板说我在他这才一年多 年假只有5天": the employer's word, which the worker doubts
    r"|只有|只给|才给|就给|(?:老板|公司|单位|厂里|厂头|人事|领导|主管|组长|站长)(?:说|讲|讲的|说的)"
)


def only_told(text: str | None) -> bool:
    """Facts told with no question and nothing done to the worker yet, with a date or a
    figure among them ("合同是2024年1月15号签的 签了三年")."""
    return (
        told_not_asked(text)
        and _GRIEVANCE.search(text or "") is None
        and re.search(r"\d", text or "") is not None
    )
