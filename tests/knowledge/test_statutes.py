"""FAQ citations checked against the statute text (bot/knowledge/statutes.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.app.datacheck import validate
from bot.knowledge.datacheck import citation_report
from bot.knowledge.statutes import Citation, article_name, citations, statutes
from intents.numbers import parse_number

ROOT = Path(__file__).resolve().parents[2]


def test_citations_are_read_as_the_faq_writes_them():
    source = "《劳动法》第四十四条；《劳动合同法》第六十八条至第七十条、第八十二条；《工会法》"
    assert list(citations(source)) == [
        Citation("劳动法", ("第四十四条",)),
        Citation("劳动合同法", ("第六十八条", "第六十九条", "第七十条", "第八十二条")),
        Citation("工会法", ()),
    ]
    assert list(citations("《刑法》第二百七十六条之一")) == [
        Citation("刑法", ("第二百七十六条之一",))
    ]


def test_every_article_name_in_the_data_is_spelt_as_the_citations_are():
    for articles in statutes().acts.values():
        for name in articles:
            m = re.fullmatch(r"第(.+)条(之.+)?", name)
            assert m, name
            assert article_name(int(parse_number(m.group(1))), m.group(2) or "") == name


def test_a_citation_is_checked_against_the_current_text():
    law = statutes()
    good = law.check("《劳动法》第四十四条；《社会保险法》第八十六条；《工会法》")
    assert (good.wrong, good.unchecked, good.checked) == ([], [], 3)
    bad = law.check("《劳动合同法》第九百三十八条；《劳动法》")
    assert bad.wrong == ["《劳动合同法》第九百三十八条 does not exist"]
    # a regulation has no text in the data: listed as unchecked, never passed as checked
    regulation = law.check("《工伤保险条例》第十四条")
    assert (regulation.unchecked, regulation.checked) == (["《工伤保险条例》"], 0)
    assert "按日加收万分之五的滞纳金" in law.article("社会保险法", "第八十六条")


def test_every_checkable_citation_of_the_faq_holds():
    problems, checked, unchecked = citation_report(ROOT / "data")
    assert problems == []
    assert checked >= 150
    assert "《工伤保险条例》" in unchecked and "《劳动合同法》" not in unchecked


@pytest.fixture
def data_copy(tmp_path):
    for name in ("domain.yml", "nlu.yml", "rules.yml", "faq.yml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    return tmp_path


def test_data_validate_fails_on_an_article_that_does_not_exist(data_copy):
    faq = data_copy / "faq.yml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("《劳动法》第四十四条", "《劳动法》第四百四十四条", 1), "utf-8")
    messages = [str(p) for p in validate(data_copy)]
    assert any("《劳动法》第四百四十四条 does not exist" in m for m in messages), messages
