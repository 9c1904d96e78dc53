"""The pointed rules of bot/knowledge/pointed_claims.py and pointed_situations.py added for
blind set 55: each names its entry when the words say so, and none otherwise."""

from __future__ import annotations

from bot.knowledge.pointed_claims import (
    asks_notice_to_quit,
    let_go_on_the_spot_told,
    unpaid_apprentice_told,
    wages_held_on_leaving_told,
)
from bot.knowledge.pointed_situations import moved_to_work_asked


class _Knowledge:
    """Hands back the slug asked for, as the entry."""

    def get(self, slug: str) -> str:
        return slug


K = _Knowledge()


def test_let_go_on_the_spot():
    said = "跟班长吵了一架 经理叫我明天别来了 啥子手续都没有 能这样吗"
    assert let_go_on_the_spot_told(K, said) == "sev_unlawful_2x"
    # (a pregnant worker's and slow business have entries of their own)
    assert let_go_on_the_spot_told(K, "我怀孕了 老板喊我明天不要来了 合法吗") is None
    assert let_go_on_the_spot_told(K, "生意不好 老板叫我下个月不用来了 可以不") is None


def test_a_pay_cut_without_agreement():
    said = "厂里说效益差 工资从4500降到3800 也没跟我们商量"
    assert moved_to_work_asked(K, said) == "contract_change_terms"
    assert moved_to_work_asked(K, "工资从4500降到3800了") is None


def test_last_wages_kept_from_one_who_left():
    said = "我上个月辞职走了 老板说最后半个月的工资不给了"
    assert wages_held_on_leaving_told(K, said) == "quit_wage_withheld"
    assert wages_held_on_leaving_told(K, "老板拖了我三个月工资没发 我想离职") is None


def test_an_unpaid_apprentice():
    said = "在修车铺当学徒 师傅说头两个月白干 只包吃住"
    assert unpaid_apprentice_told(K, said) == "wage_minimum"
    assert unpaid_apprentice_told(K, "学徒工资一个月3000 合法不") is None


def test_the_notice_to_quit_asked():
    assert asks_notice_to_quit("我想辞职了 要提前几天说")
    assert not asks_notice_to_quit("公司叫我走 要提前几天通知我")


def test_wages_owed_long_ago_asked_whether_still_claimable():
    from bot.knowledge.pointed_claims import still_in_time_asked
    from tests.knowledge.fakes import SlugKnowledge

    kb = SlugKnowledge()
    said = "我还在这个厂上班 前年欠我的加班费 现在还要得到不"
    assert still_in_time_asked(kb, said) == "dispute_time_limit"  # type: ignore[arg-type]
    # (nothing asked of whether it is still in time)
    assert still_in_time_asked(kb, "前年欠我的工资 老板说下个月给") is None  # type: ignore[arg-type]


def test_hurt_working_for_a_gang_boss_is_the_uninsured_injury():
    from bot.knowledge.pointed_claims import uninsured_injury_asked

    kb = _Knowledge()
    assert uninsured_injury_asked(kb, "我在工地上摔断了腿 包工头跑了") == "injury_no_insurance"
    assert uninsured_injury_asked(kb, "跟到工头干活 手遭砸伤了 工头不管") == "injury_no_insurance"
    # (wages owed by a gang boss who ran off are no injury)
    assert uninsured_injury_asked(kb, "包工头跑了 欠我们三个月工资") is None
