"""After a dismissal answer: the union never told (《劳动合同法》第四十三条), and a bare "那我咋办"
asked of an answer that says where to turn (bot/knowledge/pointed.py)."""

from bot.knowledge.index import Answer
from bot.knowledge.pointed import (
    UNION_NOT_NOTIFIED,
    unlawful_dismissal_told,
    what_now_of_the_answer,
)
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def _answer(slug: str, category: str, answer: str = "") -> Answer:
    return Answer(slug=slug, question="", answer=answer, source="", category=category)


def test_the_union_never_told_of_a_dismissal() -> None:
    previous = _answer("sev_calc", "经济补偿")
    told = unlawful_dismissal_told(_Knowledge(), previous, "辞退我那天工会也不知道 这样算不算数")
    assert told == UNION_NOT_NOTIFIED
    assert (
        unlawful_dismissal_told(_Knowledge(), previous, "工会能帮我打官司不") != UNION_NOT_NOTIFIED
    )


def test_a_bare_what_now_asks_the_answer_that_says_where_to_turn() -> None:
    remedy = _answer("x", "劳动合同", "不合法。被拒的，可以打12333投诉，也可以起诉。")
    assert what_now_of_the_answer(remedy, "那我现在该咋办") is remedy
    assert what_now_of_the_answer(remedy, "老板不给咋办") is None
    assert what_now_of_the_answer(_answer("y", "工时与加班", "每天8小时。"), "那我咋办") is None
