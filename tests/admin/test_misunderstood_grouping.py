"""Grouping the open misunderstood messages by similarity."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.misunderstood import operations
from bot.misunderstood.groups import GroupCache, Item, group_items, top_guesses
from bot.store import misunderstood as collect
from bot.store.models import MISS_FALLBACK, MISS_FAQ, MISS_NOT_HELPFUL

T0 = datetime(2026, 3, 1, 8, 0)


def items(*texts: str, reason: str = MISS_FALLBACK, start: int = 1) -> list[Item]:
    return [
        Item(start + i, t, reason, None, None, None, "rest", T0 + timedelta(minutes=i))
        for i, t in enumerate(texts)
    ]


def texts_of(groups) -> list[list[str]]:
    return [sorted(i.text for i in g.items) for g in groups]


def test_similar_messages_group_and_different_ones_stay_apart():
    found = group_items(
        items(
            "年假有几天",
            "加班费怎么算",
            "年假有几天？",
            "年休假有几天",
            "我想学吉他",
            "周末加班费怎么算",
            "年假有几天",
            "今天天气怎么样",
        )
    )
    assert texts_of(found) == [
        ["年休假有几天", "年假有几天", "年假有几天", "年假有几天？"],
        ["加班费怎么算", "周末加班费怎么算"],
        ["今天天气怎么样"],  # equal counts: the newest first
        ["我想学吉他"],
    ]
    assert [g.count for g in found] == [4, 2, 1, 1]
    # the most frequent phrasing represents its group
    assert found[0].representative in ("年假有几天", "年假有几天？")


def test_dialect_width_and_script_variants_are_one_phrasing():
    found = group_items(items("加班费咋个算", "加班費怎麼算", "加班费怎么算！", "ＡＢＣ课程"))
    assert [g.count for g in found] == [3, 1]


def test_a_group_reports_reasons_latest_time_and_suggestions():
    group_of = items("年假有几天", "年假有几天", reason=MISS_NOT_HELPFUL)
    group_of[0].faq_slug = group_of[1].faq_slug = "leave_annual_days"
    group_of += items("年假有几天嘛", reason=MISS_FAQ, start=10)
    group_of[-1].intent, group_of[-1].confidence = "policy_question", 0.93
    [group] = group_items(group_of)
    assert dict(group.reasons) == {MISS_NOT_HELPFUL: 2, MISS_FAQ: 1}
    assert group.latest == max(i.created_at for i in group_of)
    assert group.suggested_faq == "leave_annual_days"
    assert group.suggested_intent(0.5) == "policy_question"
    assert group.suggested_intent(0.95) is None
    assert group.ids == [10, 2, 1]  # newest first
    assert group.key == 1


def test_an_unsure_guess_is_never_suggested_for_teaching():
    # a severance question the model guessed, unsure, to be "inform": one click must not
    # teach that guess, so nothing is pre-selected
    [group] = group_items(items("老板叫我明天不用来了 钱咋算", "老板叫我明天不用来了，钱咋算"))
    for item in group.items:
        item.intent, item.confidence = "inform", 0.31
    assert group.suggested_intent(0.5) is None
    assert top_guesses(
        [
            {"name": "nlu_fallback", "confidence": 0.31},
            {"name": "inform", "confidence": 0.31},
            {"name": "policy_question", "confidence": 0.29},
            {"name": "faq_feedback", "confidence": 0.1},
            {"name": "affirm", "confidence": 0.05},
            {"name": "deny", "confidence": 0.01},
        ]
    ) == [("inform", 0.31), ("policy_question", 0.29), ("affirm", 0.05)]


def test_grouping_is_deterministic_whatever_the_order_of_rows():
    base = items(
        "年假有几天", "年休假几天", "加班费怎么算", "加班工资怎么算", "我想学书法", "书法课"
    )
    shuffled = [base[i] for i in (4, 1, 5, 0, 3, 2)]
    assert texts_of(group_items(base)) == texts_of(group_items(shuffled))


def test_a_higher_threshold_splits_more():
    msgs = items("年假有几天", "年休假有几天", "请问年假有多少天")
    loose = group_items(msgs, threshold=0.2)
    strict = group_items(msgs, threshold=0.95)
    assert len(loose) == 1 and len(strict) == 3


def test_nothing_to_group():
    assert group_items([]) == []
    [only] = group_items(items("你好"))
    assert only.count == 1


def test_a_few_thousand_messages_are_grouped(bot):
    phrasings = [f"第{n}号课程什么时候开课" for n in range(60)] + ["年假有几天", "加班费怎么算"]
    rows = [
        collect.miss_row(None, "rest", phrasings[n % len(phrasings)], MISS_FALLBACK)
        for n in range(3000)
    ]
    with bot.db.write_lock(), bot.db.engine.begin() as conn:
        collect.record(conn, rows)
    cache = GroupCache()
    groups = cache.groups(bot.db)
    assert sum(g.count for g in groups) == 3000
    assert {"年假有几天", "加班费怎么算"} <= {g.representative for g in groups}
    assert cache.groups(bot.db) is groups  # unchanged open set: the cached grouping
    operations.ignore(bot.db, groups[-1].ids, "root")
    again = cache.groups(bot.db)
    assert again is not groups and sum(g.count for g in again) == 3000 - groups[-1].count
