"""Mediation cases: the kinds of labour dispute the union's committee mediates."""

from __future__ import annotations

from bot.store.models import CASE_STATUS_LABELS

DISPUTE_TYPES = ("拖欠工资", "加班费", "劳动合同", "社会保险", "工伤", "解除劳动合同", "其他")


def case_status_text(case_no: str, status: str, note: str) -> str:
    """A case moved to a new status; the admin's note goes with it."""
    label = CASE_STATUS_LABELS.get(status, status)
    return f"您的调解申请 {case_no} 状态更新为「{label}」：{note}"
