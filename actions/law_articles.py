"""No FAQ entry close: the closest articles of the labour laws, with a human offered.

The worker sees at most three articles (act, article number, a short excerpt; 查看全文 for a
long one), a plain note that this is the law's text and not advice on their own case, and
the handoff button. Only articles reasonably close are shown (bot/knowledge/articles.py);
otherwise the bot says honestly that it found nothing.
"""

from __future__ import annotations

from actions.buttons import button, buttons
from bot.knowledge.articles import SEARCHED_ACTS, Article, article_index
from bot.knowledge.statutes import article_name
from intents.numbers import parse_number

INTRO = "这个问题我没有找到现成的解答。\n下面是可能相关的法律条文："
NOTE = "以上是法律条文原文，不是对您具体情况的意见；\n您的情况怎么适用，建议转人工咨询工作人员。"
EXCERPT = 80  # characters of an article shown inline; a longer one gets 查看全文


def article_ref(article: Article) -> str | None:
    """ "2-23" for 劳动合同法 第二十三条 (short enough for a button's payload), or None."""
    if article.act not in SEARCHED_ACTS:
        return None
    number = parse_number(article.number.removeprefix("第").removesuffix("条"))
    if number is None:
        return None
    return f"{SEARCHED_ACTS.index(article.act)}-{int(number)}"


def article_from_ref(ref: str) -> tuple[str, str, str] | None:
    """(act, article, text) for a payload's "2-23", or None when it names nothing held."""
    act_index, _, number = ref.partition("-")
    if not (act_index.isdigit() and number.isdigit()):
        return None
    if int(act_index) >= len(SEARCHED_ACTS):
        return None
    act = SEARCHED_ACTS[int(act_index)]
    name = article_name(int(number))
    text = article_index().law.article(act, name)
    return (act, name, text) if text else None


def _excerpt(text: str) -> str:
    flat = text.replace("\n", "")
    return flat if len(flat) <= EXCERPT else flat[:EXCERPT] + "……"


def articles_reply(text: str) -> tuple[str, list[dict[str, str]]] | None:
    """The reply showing the articles close to the question, or None when none is."""
    found = article_index().closest(text)
    if not found:
        return None
    parts = [INTRO]
    full: list[dict[str, str] | None] = []
    for article in found:
        parts.append(f"《{article.act}》{article.number}：{_excerpt(article.text)}")
        ref = article_ref(article)
        if ref and len(article.text.replace("\n", "")) > EXCERPT:
            full.append(
                button(f"查看全文：{article.act}{article.number}", "law_text", law_article=ref)
            )
    parts.append(NOTE)
    return "\n\n".join(parts), buttons(
        *full, button("转人工", "human_handoff"), button("还有别的问题", "help")
    )


def article_text(ref: str) -> str | None:
    """One article's whole text with the note, for 查看全文."""
    found = article_from_ref(ref)
    if found is None:
        return None
    act, name, text = found
    return f"《{act}》{name}：\n{text}\n\n{NOTE}"
