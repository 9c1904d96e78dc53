"""Whom a worker enrols when it is not themselves."""

from __future__ import annotations

from bot.domain.people import enrolled_for


def test_whom_a_worker_enrols_when_it_is_not_themselves():
    assert enrolled_for("帮我妈报个八段锦") == "您妈妈"
    assert enrolled_for("替我老汉报名太极") == "您爸爸"
    assert enrolled_for("给我女儿报个乒乓球") == "您女儿"
    assert enrolled_for("给娃儿报个亲子绘本") == "孩子"
    assert enrolled_for("我想报书法") is None
    assert enrolled_for("帮我报个名") is None
    # the children as the family calls them, and a child spoken of just before
    assert enrolled_for("给姐姐报一个") == "姐姐"
    assert enrolled_for("给我姐姐报个太极") == "您姐姐"
    assert enrolled_for("那给他报一个嘛") == "他"
    assert enrolled_for("给他们报个名") is None


def test_the_worker_giving_their_own_name():
    from bot.domain.people import said_as_own

    assert said_as_own(["要得 给娃儿报一个 我叫周丽 电话13983321475"], "周丽")
    assert not said_as_own(["周丽 13983321475"], "周丽")
    assert not said_as_own(["我叫周丽"], None)
