"""An unlawful dismissal's damages, on their own: twice the compensation (2N), in place of the
compensation and of the month's pay in lieu of notice, never added to them.

When the grounds the employer gave are a pretext ("其实根本没撤岗位 就是找个借口开我"), the
dismissal is unlawful: the worker may ask for the job back or, not going back, for damages of
twice the compensation by the years worked (《劳动合同法》第四十八条、第八十七条); the employer
bears the proof that its grounds are true. So is letting go, on no fault of hers or his, a
worker who is pregnant, nursing or within the medical period (第四十二条): "工资4200 要是他硬要
辞退我呢" is answered with the job back or the 2N worked out. Damages paid, no compensation is paid on top
(《劳动合同法实施条例》第二十五条): "赔偿金跟经济补偿能一起拿不" is answered no.
"""

from __future__ import annotations

from bot.domain.severance import Severance
from intents.numbers import format_number

SOURCE = "《劳动合同法》第四十八条、第八十七条；《劳动合同法实施条例》第二十五条"
NOT_BOTH = (
    "不能同时拿，只能二选一：单位合法解除的，给经济补偿（N）；违法解除的，给经济补偿2倍的赔偿金"
    "（2N），拿了赔偿金就不再另拿经济补偿，也不另加代通知金。"
)


def _sums(months_worked: int, pay: float) -> tuple[float, float]:
    n = Severance(months_worked).months_pay
    return n, n * pay


_PRETEXT_LEAD = "理由是假的、找借口辞退，属于违法解除"
# "他也没说啥子原因 就说我不适合": no ground the law names
_NO_REASON_LEAD = (
    "单位辞退要有法律规定的理由（如严重违纪、不能胜任且培训或调岗后仍不能胜任），"
    "不说理由、只说“不适合”的，一般属于违法解除"
)


def pretext_text(months_worked: int, pay: float, no_reason: bool = False) -> str:
    """The grounds a pretext (or none given): unlawful, the job back or the 2N worked out."""
    n, compensation = _sums(months_worked, pay)
    worked = Severance(months_worked).worked_text()
    lead = _NO_REASON_LEAD if no_reason else _PRETEXT_LEAD
    return "\n".join(
        [
            f"{lead}：你可以要求回去上班；不想回去的，要经济补偿2倍的赔偿金（2N）。",
            f"按您说的（干了{worked}，月工资{format_number(pay)}元）：赔偿金"
            f"{format_number(n)}个月×{format_number(pay)}×2={format_number(2 * compensation)}元。",
            "赔偿金不再另加经济补偿和代通知金。"
            + (
                "解除理由合不合法由单位举证；留好辞退的聊天记录、录音或通知。"
                if no_reason
                else "岗位是不是真的撤了、解除理由合不合法，由单位举证；"
                "留好辞退通知、聊天记录，看看你原来的岗位有没有另外招人。"
            ),
            f"依据：{SOURCE}",
        ]
    )


PROTECTED_SOURCE = (
    "《劳动合同法》第四十二条、第四十八条、第八十七条；《劳动合同法实施条例》第二十五条"
)
_PROTECTED_LEAD = "孕期、产期、哺乳期或医疗期内，你没有严重违纪等过错，单位硬要辞退你就属于违法解除"


def protected_text(months_worked: int, pay: float) -> str:
    """Let go anyway while pregnant, nursing or ill: unlawful, the job back or the 2N."""
    n, compensation = _sums(months_worked, pay)
    worked = Severance(months_worked).worked_text()
    return "\n".join(
        [
            f"{_PROTECTED_LEAD}：你可以要求继续履行合同、回去上班；不想回去的，要经济补偿2倍的赔偿金（2N）。",
            f"按您说的（在本单位干了{worked}，月工资{format_number(pay)}元）：赔偿金"
            f"{format_number(n)}个月×{format_number(pay)}×2={format_number(2 * compensation)}元。",
            "赔偿金不再另加经济补偿和代通知金。留好辞退通知、聊天记录和病历或孕检材料；"
            "单位不给的，可以申请工会调解或劳动仲裁，仲裁要在1年内申请。",
            f"依据：{PROTECTED_SOURCE}",
        ]
    )


def both_asked_text(months_worked: int | None, pay: float | None) -> str:
    """Whether the damages and the compensation are both had: no, with the sums when known."""
    lines = [NOT_BOTH]
    if months_worked is not None and pay is not None:
        _, compensation = _sums(months_worked, pay)
        lines.append(
            f"按您说的算：违法解除拿赔偿金{format_number(2 * compensation)}元，"
            f"合法解除拿经济补偿{format_number(compensation)}元，不是两笔加起来。"
        )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
