"""How a job ended, as a worker tells it (split from actions/worked_out_severance.py): let go
(DISMISSED), quitting over the employer's breach (unpaid wages or insurance), let go with
nothing paid, let go while protected (ill, pregnant, nursing), and whether the employer may
(asked, not told). The compensation's calculators read these to choose N, 2N or none."""

from __future__ import annotations

import re

# quitting over the employer's breach, told with it ("要是因为不交社保我辞职")
QUITS_OVER = re.compile(
    r"(?:社保|保险|工资|欠薪|拖欠)[^，,。]{0,8}(?:不交|没交|不买|没买|不发|没发|拖)[^，,。]{0,8}(?:辞职|走|不干)"
    r"|(?:不|没)(?:给我|跟我|帮我|给我们)?(?:交|买|缴)(?:社保|保险)[^，,。]{0,6}"
    r"(?:辞职|走人|不干|不想干|不做|不想做|要走|想走)"
    # "是因为欠薪走的": leaving over wages owed, said as its cause
    r"|因为(?:欠薪|拖欠工资|欠工资|拖工资|不发工资|没发工资)[^，,。]{0,4}(?:走|辞职|不干|离职)"
)
NOTHING_GIVEN = re.compile(r"(?:啥子|什么|一分钱?|一分)(?:都|也)(?:不给|没给|莫得|没得)|啥都不给")

# whether the employer may ("他会不会随便就把我开了"), asked, not a dismissal told
MAY_THEY = re.compile(r"会不会|能不能|可不可以|可以随便|能随便")
# a dismissal told in a story ("前几天主管打电话说我不用回来了")
DISMISSED = re.compile(
    # ("公司把她开了": the worker's wife let go, told by him)
    r"开除|辞退|(?:开|辞)了(?:我|她)|把(?:我|她)(?:开|辞)|不用来了|不要来了|别来了|莫来了|不用回来|不要回来|不要我了|(?:喊|叫|让|赶)我走|裁员|被裁|裁我|把我裁|解除|炒了我"
    # "店要关了 叫我们月底走人": all of them sent away
    r"|(?:喊|叫|让|赶)(?:我们|大家)[^，,。]{0,6}?走人?"
    # "他们硬要辞的话": dismissed, told as what the employer means to do
    r"|硬要辞|硬要开|要辞我|要开我"
    # "厂头现在想让我先走 … 叫我这个月自己写个辞职": pushed out
    r"|(?:喊|叫|让|要|赶)我(?:先|赶紧|马上)?走|(?:喊|叫|让|逼)我[^，,。]{0,6}写[个份]?辞职"
)
# quitting now ("我不想干了 现在走能要补偿不") after wages unpaid were told a few messages before
QUITS_NOW = re.compile(r"不想干了|不干了|不做了|辞职|我要走|现在走|想走")
WAGES_UNPAID = re.compile(
    r"工资[^，,。]{0,6}(?:没发|不发|没给|不给|拖)|(?:没发|拖欠|欠了?我?)[^，,。]{0,6}工资"
    r"|(?:没|莫)(?:给我们?|帮我)?(?:买|交|缴)(?:过|了)?社保"
    # "老板喊我签个自愿放弃社保的承诺书": no insurance paid either
    r"|放弃社保|(?<!会)不(?:给我们?|帮我)?(?:买|交|缴)社保"
    # "社保也没给我买": the insurance named first
    r"|社保[^，,。？?]{0,3}(?:也|都|从来)?(?:没有?|莫得|没得)(?:给我们?|帮我)?(?:买|交|缴)"
)


def quits_after_a_breach(text: str, earlier: list[str]) -> bool:
    """Quitting now after wages or insurance unpaid were told before, or both told in one
    message before ("老板拖了3个月工资没发了 … 我想不干了", then "那补偿该好多")."""
    return (QUITS_NOW.search(text) is not None and any(map(WAGES_UNPAID.search, earlier))) or any(
        QUITS_NOW.search(t) and WAGES_UNPAID.search(t) for t in earlier
    )


# dismissed while protected: ill, in hospital, pregnant, on maternity leave or nursing
PROTECTED = re.compile(r"医疗期|住院|病假|生病|怀孕|怀起|孕期|产假|哺乳")
_PROTECTED_NOT_ILL = re.compile(r"怀孕|怀起|孕期|产假|哺乳")
# "要是医疗期满了我还没好 公司能解除合同不": the illness's protection is over (第四十条第一项:
# let go with notice and compensation, no 2N), a pregnancy's is not
_PERIOD_OVER = re.compile(r"医疗期[^，,。]{0,3}(?:满|过了|完了|结束|到了|到期)")


def protected_when_let_go(texts: list[str]) -> bool:
    """Whether the worker let go was protected (ill, pregnant, nursing) by what `texts` tell."""
    over = any(_PERIOD_OVER.search(t) for t in texts)
    return any((_PROTECTED_NOT_ILL if over else PROTECTED).search(t) for t in texts)
