"""A demand changed at the request's summary, and a look asked before it is handed in
(actions/corrections.py, actions/mediation_text.py)."""

from __future__ import annotations

from actions.corrections import DEMAND_CORRECTION
from actions.mediation_text import SEE_IT_FIRST


def test_written_out_clearly_is_no_new_demand():
    assert DEMAND_CORRECTION.search("要得 就按赔钱来 诉求写清楚 我看一哈") is None
    m = DEMAND_CORRECTION.search("诉求写成支付经济补偿")
    assert m is not None and m.group("value") == "支付经济补偿"


def test_a_look_asked_before_handing_in():
    assert SEE_IT_FIRST.search("行 就按赔偿写 我再看一下")
    assert SEE_IT_FIRST.search("改好了给我看看")
    assert not SEE_IT_FIRST.search("对的 提交")
    assert not SEE_IT_FIRST.search("好的 没问题")
