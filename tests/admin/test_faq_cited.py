"""The FAQ edit page shows the articles the entry cites beside its answer (issue 14)."""

from __future__ import annotations

import html

from sqlalchemy import select

from bot.store.audit import acting_as
from bot.store.models import FaqEntry
from bot.web.admin.cited import cited_articles

SLUG = "ot_pay_rates"  # demo entry: 加班费按几倍算？


def _cite(bot, source: str) -> int:
    with bot.db.write_lock(), acting_as("root"), bot.db.session() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG))
        entry.source = source
        return entry.id


def test_the_edit_page_shows_held_articles_and_names_the_unchecked(bot, clients):
    entry_id = _cite(bot, "《劳动法》第四十四条；《工资支付暂行规定》第十三条；《劳动法》第九百条")
    page = clients["root"].get(f"/admin/faq-entry/edit/{entry_id}")
    assert page.status_code == 200
    text = html.unescape(page.text)
    cited = text[text.index('id="faq-cited"') :]
    assert "《劳动法》第四十四条" in cited
    assert "支付不低于工资的百分之三百的工资报酬" in cited  # the article's own text
    assert "《工资支付暂行规定》" in cited and "未核对" in cited
    assert "《劳动法》第九百条" in cited and "条文不存在" in cited


def test_a_source_without_citations_says_so(bot, clients):
    entry_id = _cite(bot, "重庆市总工会")
    text = html.unescape(clients["root"].get(f"/admin/faq-entry/edit/{entry_id}").text)
    assert "依据里没有可识别的法律条文引用" in text


def test_each_citation_is_held_unchecked_or_missing():
    found = cited_articles("《劳动合同法》第八十二条；《工伤保险条例》第十四条；《工会法》")
    assert [(c.label, c.unchecked, c.missing) for c in found] == [
        ("《劳动合同法》第八十二条", False, False),
        ("《工伤保险条例》", True, False),
        ("《工会法》", False, False),
    ]
    assert found[0].text.startswith(
        "用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同"
    )
