"""Which messages lean on the last answer, and how they are searched."""

from __future__ import annotations

import pytest

from bot.knowledge.followups import in_context, leans_on_context


@pytest.mark.parametrize(
    "text",
    [
        "那工作满十年的呢",
        "如果是试用期呢",
        "重庆呢",
        "那要是公司不同意嘞",
        "要是周末加班？",
        "换成国庆节",
        "这个期限一般好久",
        "那个补偿咋个算",
        "这种情况我能要求啥子",
        "像我这样的能拿好多",
        # the worker's side of the case just answered
        "可我是打了卡的",
        "我明明跟主管说过",
        # whether the practice just told is right
        "这么搞合不合法嘛",
    ],
)
def test_follow_ups_lean_on_context(text):
    assert leans_on_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "年休假有几天",
        "我想学书法",
        "这个月工资还没发",
        "",
        "老板欠我工资不给，我想申请调解，已经拖了三个月了，怎么办呢，急死了",
        # who the worker is, told: no side of a case
        "我是做保洁的",
        "我是去年进厂的",
    ],
)
def test_full_questions_stand_alone(text):
    assert not leans_on_context(text)


def test_a_follow_up_is_read_against_the_previous_answer(bot):
    knowledge = bot.knowledge
    previous = knowledge.get("leave_annual_days")
    hits = in_context(knowledge, previous, "那工作满十年的呢")
    assert hits[0].answer.slug == "leave_annual_days"
    assert all(h.answer.category == previous.category for h in hits)


@pytest.mark.parametrize(
    ("previous", "text", "expected"),
    [
        # the words name an entry of the same topic: move on to it, not repeat the answer
        ("contract_sign_deadline", "那要是满了一年还是不签呢", "contract_over_1year"),
        ("sev_calc", "要是公司是违法把我开了的呢", "sev_unlawful_2x"),
        # the words alone name no topic: the previous question decides
        ("leave_annual_days", "重庆是好多天", "leave_annual_days"),
        ("leave_annual_days", "那干了二十年的喃", "leave_annual_days"),
        ("leave_annual_days", "我之前在别的厂还做了八年 加起来算不算嘛", "leave_annual_days"),
        ("ot_pay_rates", "那国庆节那天上班呢", "ot_pay_rates"),
        # a detail of the answer just given, in words of no topic: that answer again
        ("leave_paternity", "一般休好多天嘛", "leave_paternity"),
        # words that name a topic elsewhere and nothing of this one: the follow-up moves
        ("leave_paternity", "那怀孕三个月流产了呢", "women_maternity_leave"),
        ("quit_notice_dismissal", "如果是违法辞退呢", "sev_unlawful_2x"),
        # ... or name it clearly ahead of every other entry, though less surely
        ("quit_notice_dismissal", "那要是无故辞退呢", "sev_unlawful_2x"),
        # ... unless they repeat a term of the answer just given (试用期 in the notice answer)
        ("quit_notice_period", "还在试用期嘞", "quit_notice_period"),
        # ... a run with a particle in it is no term (辞退的 is in the notice answer)
        ("quit_notice_dismissal", "那要是公司违法辞退的呢", "sev_unlawful_2x"),
        # weak words that point at another entry of the topic and not at this one
        ("noncomp_who_limit", "公司要给钱不", "noncomp_compensation"),
        ("hours_special_system", "那我能拒绝加班不", "ot_refuse"),
        # ... but not words as weak about anything ("从哪天开始算" after the time limit)
        ("dispute_time_limit", "从哪天开始算", "dispute_time_limit"),
        # the same question for someone else: no new topic, whatever the person's word names
        ("si_retirement_age", "那我老公呢", "si_retirement_age"),
        # a detail the answer states, in words that point elsewhere: that answer
        ("flex_part_time", "老板说不要我了 要给补偿不", "flex_part_time"),
        # what to do when refused: an entry of the topic that says so, before the topic's
        # route (unused leave says 单位不给，可以…投诉或申请劳动仲裁)
        ("leave_annual_days", "公司不安排休假又不给钱咋整", "leave_annual_unused"),
        # the worker agreed to give the right up: the topic's entry on such a waiver
        ("si_must_pay", "可我自己签过字的啊", "si_waiver_invalid"),
        ("si_must_pay", "是我自己答应了的", "si_waiver_invalid"),
        # the spouse's own leave is another entry; any other person asks the same question
        ("women_maternity_leave", "孩子他爸能休几天", "leave_paternity"),
        ("leave_paternity", "那我媳妇呢", "women_maternity_leave"),
        # the words name another topic, though not which entry of it: its first entry
        ("sev_calc", "要是我已经走了 好久之内要去申请仲裁喃", "dispute_time_limit"),
        # dismissed at whim after the notice rule: unlawful, 2N
        ("quit_notice_dismissal", "要是他就是看我不顺眼乱开的呢", "sev_unlawful_2x"),
    ],
)
def test_the_message_chooses_within_the_topic_the_question_names(bot, previous, text, expected):
    knowledge = bot.knowledge
    hits = in_context(knowledge, knowledge.get(previous), text)
    assert hits[0].answer.slug == expected, [(h.answer.slug, h.score) for h in hits]
    assert all(0 <= h.score <= 1 for h in hits)


def test_the_same_entries_reuse_one_built_index_and_a_change_builds_another():
    from bot.knowledge.index import built_index
    from intents import FaqDoc
    from intents.interpreter import RetrievalOptions

    docs = [
        FaqDoc("a", "加班费怎么算", ["加班工资几倍"], "加班"),
        FaqDoc("b", "年假几天", [], "休假"),
    ]
    first = built_index(docs, RetrievalOptions())
    assert built_index(list(docs), RetrievalOptions()) is first
    edited = [docs[0], FaqDoc("b", "年休假有几天", [], "休假")]
    assert built_index(edited, RetrievalOptions()) is not first
    assert built_index(docs, RetrievalOptions(colloquial=False)) is not first


def test_a_comparison_with_what_was_just_said_leans_on_it():
    from bot.knowledge.followups import leans_on_context

    assert leans_on_context("公司给我发的比这个还低咋办")
    assert leans_on_context("我的工资低于这个标准")


def test_where_to_turn_when_refused_goes_to_the_entry_about_the_same_thing():
    from bot.knowledge.followups import _grams

    # the subject of a question, not its question words: 年假 is shared, 几天 is not
    assert "年假" in _grams("年假有几天？") & _grams("年假没休完，单位要给钱吗？")
    assert not _grams("年假有几天？") & _grams("一个星期至少要休息几天？")


def test_the_local_figure_asked_alone_leans_on_the_answer():
    from bot.knowledge.followups import leans_on_context

    assert leans_on_context("重庆好多钱一个月")
    assert leans_on_context("我们这边是好多")


def test_a_message_keeps_the_topic_when_its_words_point_nearly_as_well_at_it(bot):
    from actions.policy_topic import stays_near_the_topic

    knowledge = bot.knowledge
    injury = knowledge.get("injury_what_counts")
    # "no insurance, he won't pay" after what counts as a work injury: the probation entry
    # on insurance comes first, the injury entry on no insurance close behind
    own = knowledge.search("老板说我们没买社保 不得给我报", 5)
    assert own[0].answer.category != injury.category
    assert stays_near_the_topic(own, injury)
    # words that clearly leave the topic do not keep it
    assert not stays_near_the_topic(knowledge.search("年假有几天", 5), injury)


def test_an_entry_of_the_topic_nearly_as_good_is_taken_before_another_topic(bot):
    from actions.policy_topic import keep_the_topic

    knowledge = bot.knowledge
    commute = knowledge.get("injury_commute")
    # "要在好久之内去申请嘛" after a commuting accident: the injury application's deadline,
    # not the arbitration time limit a little ahead of it
    own = knowledge.search("要在好久之内去申请嘛", 5)
    assert own[0].answer.slug == "dispute_time_limit"
    assert keep_the_topic(own, commute)[0].answer.slug == "injury_apply_deadline"
    # words that surely name the other entry keep it first
    sure = knowledge.search("申请劳动仲裁的时效是多久", 5)
    assert keep_the_topic(sure, commute)[0].answer.slug == sure[0].answer.slug


def test_rest_after_a_work_injury_and_a_refusal_as_a_what_if(bot):
    from bot.knowledge.pointed import asks_where_to_turn

    knowledge = bot.knowledge
    injury = knowledge.get("injury_apply_deadline")
    # "医生喊我休息3个月 这3个月工资咋个算" after a work injury: 停工留薪期, not sick leave
    hits = in_context(knowledge, injury, "医生喊我休息3个月 这3个月工资咋个算")
    assert hits[0].answer.slug == "injury_paid_leave"
    # the same words with no injury before them are about sick leave
    sick = knowledge.get("sick_pay")
    assert in_context(knowledge, sick, "医生喊我休息3个月 这3个月工资咋个算")[0].answer.slug != (
        "injury_paid_leave"
    )
    assert asks_where_to_turn("那他要是硬是不给呢")
    assert asks_where_to_turn("厂里拖起不去申报 都一个多月了 咋个办")
    assert not asks_where_to_turn("要是他给了呢")
