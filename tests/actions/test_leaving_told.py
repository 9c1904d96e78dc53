"""A dismissal told, and whether the worker let go was protected (pregnant, ill, nursing)."""

from __future__ import annotations

from actions.leaving_told import DISMISSED, protected_when_let_go
from actions.validators import dispute_types_in


def test_a_wife_let_go_is_a_dismissal_of_a_protected_worker():
    # "我老婆怀起娃儿4个月 公司把她开了 说是经营困难": told by her husband
    told = "我老婆怀起娃儿4个月 公司把她开了 说是经营困难 这个合法不"
    assert DISMISSED.search(told)
    assert protected_when_let_go([told])
    assert dispute_types_in(told) == ["解除劳动合同"]


def test_a_wife_moved_to_another_post_is_no_dismissal():
    assert DISMISSED.search("公司把她调到仓库去了") is None
