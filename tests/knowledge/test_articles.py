"""The closest law articles for a question the FAQ has no entry for (bot/knowledge/articles.py)."""

from __future__ import annotations

import pytest

from bot.knowledge.articles import ARTICLE_THRESHOLD, ArticleIndex, article_index
from bot.knowledge.statutes import Statutes


def test_a_labour_question_finds_the_article_that_rules_it() -> None:
    found = article_index().closest("劳务派遣工能不能同工同酬")
    assert found and len(found) <= 3
    assert ("劳动合同法", "第六十三条") in [(a.act, a.number) for a in found]
    assert "同工同酬" in found[0].text
    assert all(a.score >= ARTICLE_THRESHOLD for a in found)


@pytest.mark.parametrize("text", ["你好", "今天天气怎么样", "火锅哪家好吃", "篮球比赛几点开始"])
def test_chit_chat_and_out_of_scope_get_no_article(text: str) -> None:
    assert article_index().closest(text) == []


def test_a_single_shared_character_is_not_enough_however_low_the_threshold() -> None:
    # "你好" scores above the threshold on one article by single characters alone
    index = article_index()
    assert index.search("你好")[0].score >= ARTICLE_THRESHOLD
    assert index.closest("你好", threshold=0.0) == []


def test_the_threshold_decides() -> None:
    index = article_index()
    top = index.search("工会主席能不能随便调岗")[0]
    assert index.closest("工会主席能不能随便调岗", threshold=top.score)
    assert not index.closest("工会主席能不能随便调岗", threshold=top.score + 0.01)


def test_only_the_labour_acts_are_searched() -> None:
    law = Statutes(
        {
            "中华人民共和国劳动法": {"第一条": "劳动者享有平等就业的权利。"},
            "中华人民共和国民法典": {"第一条": "劳动者享有平等就业的权利。"},
        }
    )
    found = ArticleIndex(law).closest("劳动者平等就业", threshold=0.1)
    assert [(a.act, a.number) for a in found] == [("劳动法", "第一条")]
