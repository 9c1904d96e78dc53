"""The knowledge base as the bot uses it: database entries, search, parse-time ranking."""

from bot.core.messages import Incoming


def test_search_finds_the_entry_and_ranking_is_reused(bot):
    hits = bot.knowledge.search("年休假有几天", k=3)
    assert hits[0].answer.slug == "leave_annual_days"
    assert "《职工带薪年休假条例》" in hits[0].answer.source
    ranking = bot.knowledge.ranking("年休假有几天", k=3)
    message = {"text": "年休假有几天", "response_selector": {"faq": {"ranking": ranking}}}
    reused = bot.knowledge.hits_for(message, "年休假有几天", k=3)
    assert [(h.answer.slug, h.score) for h in reused] == [(h.answer.slug, h.score) for h in hits]


def test_hits_for_searches_when_the_parse_has_no_ranking(bot):
    message = {"text": "工伤认定去哪里申请"}
    hits = bot.knowledge.hits_for(message, "工伤认定去哪里申请", k=1)
    assert hits[0].answer.slug == "injury_apply_deadline"


def test_the_engine_attaches_the_ranking_to_policy_questions(bot):
    parse = bot.engine._parse("年休假有几天", too_long=False)
    assert parse["intent"]["name"] == "policy_question"
    ranking = parse["response_selector"]["faq"]["ranking"]
    assert ranking[0]["id"] == "leave_annual_days" and 0 < ranking[0]["confidence"] <= 1
    assert "response_selector" not in bot.engine._parse("你好", too_long=False)


def test_disabled_entries_are_not_answered(bot):
    from sqlalchemy import update

    from bot.store.models import FaqEntry

    with bot.db.session() as s:
        s.execute(
            update(FaqEntry).where(FaqEntry.slug == "leave_annual_days").values(enabled=False)
        )
    bot.knowledge.reload()
    assert bot.knowledge.get("leave_annual_days") is None
    replies = bot.engine.handle(Incoming("rest", "kb-1", "年休假有几天"))
    payloads = [b.get("payload", "") for r in replies for b in r.get("buttons") or []]
    assert payloads and not any("leave_annual_days" in p for p in payloads)
    assert "“累计”包括你在以前所有单位的工作时间" not in replies[0]["text"]  # its own words
