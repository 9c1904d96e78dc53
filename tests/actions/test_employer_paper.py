"""The employer's name said at the summary (actions/employer_paper.py)."""

from __future__ import annotations

from actions.employer_paper import full_name_at_summary
from tests.actions.action_support import make_tracker


def _at_summary(text: str, kept: str):
    slots = {"employer": kept, "requested_slot": "mediation_confirm"}
    return make_tracker(text, "inform", slots=slots, active_loop="mediation_form")


def test_the_kept_name_put_right_replaces_it():
    kept = "重庆宏达建筑劳务有限公司"
    text = "等哈 公司名字是重庆宏达建筑劳务分包有限公司 刚才少打了几个字"
    assert full_name_at_summary(_at_summary(text, kept)) == "重庆宏达建筑劳务分包有限公司"


def test_another_firm_named_at_the_summary_is_no_correction():
    kept = "重庆宏达建筑劳务有限公司"
    assert full_name_at_summary(_at_summary("总包公司是重庆建安建设工程有限公司", kept)) is None
    # (the full name of a shop kept, as before)
    assert (
        full_name_at_summary(_at_summary("单位是重庆巴渝缘餐饮有限公司", "火锅店"))
        == "重庆巴渝缘餐饮有限公司"
    )
