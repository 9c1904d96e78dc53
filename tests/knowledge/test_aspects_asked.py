"""Two or more things asked of mediation in one message, each answered by its own entry."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.aspects_asked import aspects_asked


@dataclass(frozen=True)
class _Entry:
    slug: str


class _Knowledge:
    def __init__(self, withdrawn: frozenset[str] = frozenset()) -> None:
        self.withdrawn = withdrawn

    def get(self, slug: str) -> _Entry | None:
        return None if slug in self.withdrawn else _Entry(slug)


def slugs(text: str, knowledge: _Knowledge | None = None) -> list[str]:
    return [e.slug for e in aspects_asked(knowledge or _Knowledge(), text)]


def test_cost_and_time_in_the_order_asked():
    assert slugs("工会调解要不要钱 一般要搞好久") == ["mediation_fee", "mediation_duration"]
    assert slugs("调解大概要多久 收钱不") == ["mediation_duration", "mediation_fee"]


def test_what_if_it_fails_and_what_to_bring():
    assert slugs("工会调解收不收钱 调不成又咋办") == ["mediation_fee", "mediation_failed"]
    assert slugs("调解要带啥材料 要等好久") == ["mediation_materials", "mediation_duration"]


def test_one_thing_asked_or_no_mediation_is_left_to_the_usual_answer():
    assert slugs("调解要不要钱") == []
    assert slugs("仲裁要不要钱 要多久") == []


def test_an_entry_an_admin_withdrew_is_skipped():
    knowledge = _Knowledge(frozenset({"mediation_duration"}))
    assert slugs("调解要钱不 要多久 要带啥", knowledge) == ["mediation_fee", "mediation_materials"]


def test_the_fee_asked_with_a_request_is_the_fee_entry():
    from bot.knowledge.aspects_asked import fee_asked_with_the_request

    asked = "我在面馆做了半年 老板欠我两个月工资 想请工会帮忙 要不要交钱"
    assert fee_asked_with_the_request(_Knowledge(), asked) == _Entry("mediation_fee")
    # money claimed from the employer, or the sum owed, is not the fee
    assert fee_asked_with_the_request(_Knowledge(), "想申请调解 找老板要钱不给") is None
    assert fee_asked_with_the_request(_Knowledge(), "想申请调解 能要回多少钱") is None
