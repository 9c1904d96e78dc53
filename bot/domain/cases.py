"""Mediation cases: the kinds of labour dispute the union's committee mediates."""

from __future__ import annotations

DISPUTE_TYPES = ("拖欠工资", "加班费", "劳动合同", "社会保险", "工伤", "解除劳动合同", "其他")
