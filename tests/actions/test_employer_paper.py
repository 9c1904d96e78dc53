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


def test_the_registered_name_first_replaces_a_shop_kept():
    text = "重庆恒丰建材销售有限公司 我11月5号走的 他们提成不给"
    assert full_name_at_summary(_at_summary(text, "江北一家建材店")) == "重庆恒丰建材销售有限公司"
    # (another firm's name first does not replace a registered name kept)
    kept = "重庆宏达建筑劳务有限公司"
    assert full_name_at_summary(_at_summary("重庆建安建设工程有限公司 是总包", kept)) is None


def test_the_story_told_before_the_employer_put_right():
    from actions.validators import STORY_BEFORE_FIX

    told = STORY_BEFORE_FIX.match("加班费三个月没给 一共3600 哦对了单位名字写错了 是…")
    assert told and told.group("story") == "加班费三个月没给 一共3600"
    assert STORY_BEFORE_FIX.match("公司名字打错了 是重庆某某有限公司") is None


def test_the_name_after_the_label_that_says_where_it_goes():
    # "单位就填…": the label is no part of the name
    text = "单位就填重庆渝洲建设集团有限公司 包工头孙志强 我们6个人"
    assert full_name_at_summary(_at_summary(text, "重庆渝洲建设集团")) == "重庆渝洲建设集团有限公司"
    text = "公司就写重庆红星五金有限公司"
    assert full_name_at_summary(_at_summary(text, "红星五金店")) == "重庆红星五金有限公司"
