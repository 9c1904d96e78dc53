"""What the FAQ admin tests share: a demo entry, a new draft, and reading and editing rows."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.knowledge.drafts import Draft
from bot.store.audit import acting_as
from bot.store.models import FaqEntry

SLUG = "ot_pay_rates"  # demo entry: 加班费按几倍算？
NOVEL = "赶工期连轴转给不给夜宵补贴"  # no demo entry is about this
# a new entry as the admin page posts it
FORM = {
    "question": "工地上夜宵补贴有没有规定？",
    "alternates": f"{NOVEL}\n加班夜宵钱\n",
    "answer": "国家没有统一规定夜宵补贴，看单位制度和劳动合同的约定。",
    "category": "工资与福利",
    "source": "《劳动合同法》第四条",
    "effective_date": "2025-01-01",
    "enabled": "y",
    "save": "保存",
}


def draft_of(**changes) -> Draft:
    fields = dict(
        question="工地上夜宵补贴有没有规定？",
        answer="国家没有统一规定夜宵补贴，看单位制度和劳动合同的约定。",
        source="《劳动合同法》第四条",
        category="工资与福利",
        alternates=[NOVEL],
    )
    fields.update(changes)
    return Draft(**fields)


def entry_of(bot, slug: str = SLUG) -> FaqEntry:
    with bot.db.read() as s:
        return s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))


def edit(bot, actor: str, slug: str = SLUG, **values) -> None:
    with bot.db.write_lock(), acting_as(actor), bot.db.session() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))
        for name, value in values.items():
            setattr(entry, name, value)


def count(bot, model) -> int:
    with bot.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))
