"""An injury the employer denies, told as a mediation request starts (actions/injury_denied.py)."""

from __future__ import annotations

from actions.injury_denied import APPLY, WHAT_COUNTS, injury_denied, recognition_note
from bot.knowledge.index import Answer


class _Knowledge:
    def __init__(self, *slugs: str) -> None:
        self.entries = {
            WHAT_COUNTS: Answer(
                WHAT_COUNTS,
                "哪些情况算工伤？",
                "因工作受伤就算，自己不小心也算。详细。",
                "《工伤保险条例》第十四条",
                "工伤",
            ),
            APPLY: Answer(
                APPLY,
                "工伤认定去哪里申请？",
                "向区县人社局申请；单位30日内，你本人1年内。详细。",
                "《工伤保险条例》第十七条",
                "工伤",
            ),
        }
        self.kept = slugs

    def get(self, slug: str) -> Answer | None:
        return self.entries.get(slug) if slug in self.kept else None


def test_the_employer_s_denial_of_an_injury_is_read():
    assert injury_denied("从架子上摔下来 手摔断了 老板说是我自己不小心 不认工伤")
    assert injury_denied("厂里说不是上班时间不算工伤 我要找工会调解")
    assert injury_denied("被机器夹到手 老板说是我自己不小心")
    # (carelessness with no injury: a tool broken, money docked)
    assert not injury_denied("我不小心把模具弄坏了 老板说是我自己不小心 要扣工资")
    assert not injury_denied("老板欠我两个月工资 工会能帮我不")


def test_who_recognises_it_and_the_limits_are_said_from_the_entries():
    text = "老板说是我自己不小心 不认工伤 手摔断了"
    note = recognition_note(_Knowledge(WHAT_COUNTS, APPLY), text)  # type: ignore[arg-type]
    assert note is not None
    assert "自己不小心也算" in note and "工伤认定向区县人社局申请" in note and "1年" in note
    assert "第十四条" in note and "第十七条" in note
    assert recognition_note(_Knowledge(WHAT_COUNTS, APPLY), "老板欠我工资") is None  # type: ignore[arg-type]
    # (an entry an admin withdrew is left out; both withdrawn: nothing said)
    only = recognition_note(_Knowledge(APPLY), text)  # type: ignore[arg-type]
    assert only is not None and "自己不小心也算" not in only
    assert recognition_note(_Knowledge(), text) is None  # type: ignore[arg-type]
