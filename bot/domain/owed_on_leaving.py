"""What a worker who leaves is owed back, added up: "进去的时候交了800押金 … 辞职了老板不退"
then "还有最后半个月工资2100也没给 总共该退我好多": the deposit and the last wages, 2900 in all.

An employer may take no deposit of any kind and must give it back (《劳动合同法》第九条、第八十四条);
the wages are paid in full when the contract ends (《工资支付暂行规定》第九条); money docked
against the rules is owed back too. Each item is told with its figure; the total adds them.
"""

from __future__ import annotations

import re

from intents.numbers import format_number

SOURCE = "《劳动合同法》第九条、第八十四条；《工资支付暂行规定》第九条"
# "交了800押金", "押金800", "交了1000块的保证金"
_DEPOSIT = re.compile(
    r"(?:交了?|押了?|收了?我?|给了?)\s*(?P<n>\d{2,6})\s*(?:块钱?|元)?\s*(?:的)?(?P<kind>押金|保证金|服装费|培训费|工装费)"
    r"|(?P<kind2>押金|保证金|服装费|工装费)(?:是|交了?|有)?\s*(?P<n2>\d{2,6})\s*(?:块钱?|元)?"
)
# "最后半个月工资2100也没给", "工资还有3000没结", "欠我工资4000", "上个月3800工资也不发"
_WAGES = re.compile(
    r"(?P<what>(?:最后|上个?月|这个?月|剩下|剩的)?[^\s，,。；\d]{0,4}?工资|工钱)(?:还有|还差|是)?\s*(?P<n>\d{3,6})\s*(?:块钱?|元)?"
    r"[^\s，,。；\d]{0,4}?(?:没给|没发|没结|不给|不发|没有给|没有发|没到账)"
    r"|(?:欠|差)(?:了)?我?(?:的)?(?P<what2>工资|工钱)\s*(?P<n2>\d{3,6})"
    # "上个月3800工资也不发": the figure before the wages
    r"|(?P<when3>最后|上个?月|这个?月|剩下|剩的)?(?:的)?\s*(?P<n3>\d{3,6})\s*(?:块钱?|元)?(?:的)?"
    r"(?P<what3>工资|工钱)(?:也|都|还)?(?:没给|没发|没结|不给|不发|没有给|没有发|没到账)"
)
_NOT_TO_BE_TAKEN = ("押金", "保证金", "服装费", "培训费", "工装费")
# "扣了我500", "罚了我300块": money docked
_DOCKED = re.compile(r"(?:扣了?|罚了?)(?:我)?\s*(?P<n>\d{2,6})\s*(?:块钱?|元)")


def owed_items(texts: list[str]) -> list[tuple[str, float]]:
    """Each thing owed back and its figure, in the order told (each kind once, the latest
    figure of it)."""
    found: dict[str, float] = {}
    for text in texts:
        for m in _DEPOSIT.finditer(text):
            found[m.group("kind") or m.group("kind2")] = float(m.group("n") or m.group("n2"))
        for m in _WAGES.finditer(text):
            what = (
                m.group("what") or m.group("what2") or (m.group("when3") or "") + m.group("what3")
            ).strip()
            found["工资" if what in ("工资", "工钱") else what] = float(
                m.group("n") or m.group("n2") or m.group("n3")
            )
        for m in _DOCKED.finditer(text):
            found["扣的钱"] = float(m.group("n"))
    return list(found.items())


def owed_on_leaving_text(items: list[tuple[str, float]]) -> str | None:
    """ "押金800元＋最后半个月工资2100元＝2900元 …" for two or more items; else None."""
    if len(items) < 2:
        return None
    total = sum(n for _, n in items)
    added = "＋".join(f"{what}{format_number(n)}元" for what, n in items)
    deposit = any(what in _NOT_TO_BE_TAKEN for what, _ in items)
    return "\n".join(
        [
            f"加起来一共该给您：{added}＝{format_number(total)}元。",
            ("押金、保证金这类钱单位本来就不能收，必须退还；" if deposit else "")
            + "工资在离职时就应当一次结清，不能拖。",
            "单位不给的，可以打12333向劳动保障监察投诉"
            + ("（收押金的还要按每人500到2000元罚款）" if deposit else "")
            + "，也可以申请工会调解或劳动仲裁，都不收费；想请工会调解，说“申请调解”就行。",
            f"依据：{SOURCE}",
        ]
    )
