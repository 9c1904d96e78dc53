"""Local figures in answers: the one in force on the day asked, or where to check — never a
number nobody entered. Rendering is pure; the knowledge base reads the rows from a real
database and the day from the injected clock."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.core.clock import Clock
from bot.core.yamlfile import read_yaml
from bot.domain.figure_catalogue import KINDS
from bot.domain.figures import PLACEHOLDER, FigureRow, in_force, render, unknown_keys
from bot.knowledge.datacheck import faq_problems
from bot.knowledge.drafts import Draft, problems
from bot.knowledge.figure_rows import FigureDraft
from bot.knowledge.figure_rows import problems as figure_problems
from bot.knowledge.index import Knowledge
from bot.settings import BotConfig
from bot.store.audit import KNOWLEDGE_VERSION, acting_as
from bot.store.db import Database
from bot.store.models import AuditEntry, FaqEntry, LocalFigure, Meta
from intents import RetrievalOptions
from tests.console.conftest import any_bot  # noqa: F401 - SQLite, then PostgreSQL

ROOT = Path(__file__).resolve().parents[2]
# invented figures and notices, for the tests only (the demo data carries none)
OLD = FigureRow(
    "cq_min_wage_monthly",
    "一档",
    "一档",
    "1800",
    "元/月",
    date(2019, 1, 1),
    None,
    "《旧通知》（测〔2019〕1号）",
)
NEW_1 = FigureRow(
    "cq_min_wage_monthly",
    "一档",
    "一档",
    "2300",
    "元/月",
    date(2026, 4, 1),
    None,
    "《新通知》（测〔2026〕2号）",
)
NEW_2 = FigureRow(
    "cq_min_wage_monthly",
    "二档",
    "二档",
    "2200",
    "元/月",
    date(2026, 4, 1),
    None,
    "《新通知》（测〔2026〕2号）",
)
OLD_3 = FigureRow(
    "cq_min_wage_monthly",
    "三档",
    "三档",
    "1700",
    "元/月",
    date(2019, 1, 1),
    None,
    "《旧通知》（测〔2019〕1号）",
)
ROWS = [OLD, OLD_3, NEW_1, NEW_2]
TEXT = "最低工资由各省定。{{figure:cq_min_wage_monthly}}低于标准的，向劳动保障监察投诉。"
HOTLINES = {"12333", "12393"}


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text)


def test_the_figure_in_force_is_quoted_with_its_date_and_source():
    said = render(TEXT, ROWS, date(2026, 7, 1))
    assert "一档2300元/月" in said and "二档2200元/月" in said
    assert "2026年4月1日起执行" in said and "《新通知》（测〔2026〕2号）" in said
    # the new notice replaced the whole set: the old tiers (and a tier it dropped) are gone
    assert "1800" not in said and "三档" not in said
    assert said.startswith("最低工资由各省定。重庆现行的月最低工资标准：")
    assert said.endswith("低于标准的，向劳动保障监察投诉。")


def test_the_day_before_the_new_notice_the_older_figures_are_quoted():
    said = render(TEXT, ROWS, date(2026, 3, 31))
    assert "一档1800元/月" in said and "三档1700元/月" in said
    assert "2300" not in said and "2019年1月1日起执行" in said
    assert render(TEXT, ROWS, date(2026, 4, 1)) == render(TEXT, ROWS, date(2026, 7, 1))


def test_before_any_figure_or_after_the_last_one_ends_the_answer_says_where_to_check():
    ended = replace(NEW_1, effective_to=date(2026, 12, 31))
    assert in_force([ended], ended.key, date(2026, 12, 31)) == [ended]
    for rows, day in (
        ([], date(2026, 7, 1)),
        (ROWS, date(2018, 12, 31)),
        ([ended], date(2027, 1, 1)),
    ):
        said = render(TEXT, rows, day)
        assert "重庆市人力资源和社会保障局官网" in said and "12333" in said
        assert set(_numbers(said)) <= HOTLINES


def test_no_figure_answer_of_every_faq_entry_adds_no_number_but_a_hotline():
    """The demo's own path: no figure entered, so every local amount is a where-to-check line."""
    entries = read_yaml(ROOT / "data" / "faq.yml")["faq"]
    quoting = [e for e in entries if PLACEHOLDER.search(e["answer"])]
    assert (
        len(quoting) >= 8
    )  # minimum wage, high temperature, maternity, paternity, parental, marriage
    used = {k for e in quoting for k in PLACEHOLDER.findall(e["answer"])}
    assert used == set(KINDS)
    for entry in quoting:
        said = render(entry["answer"], [], date(2026, 7, 1))
        assert "{{" not in said and "12333" in said
        national = _numbers(PLACEHOLDER.sub("", entry["answer"]))
        added = _numbers(said)
        for n in national:  # the national rule text stays as it was
            added.remove(n)
        assert set(added) <= HOTLINES, (entry["id"], added)


def test_placeholders_next_to_each_other_share_one_where_to_check_sentence():
    said = render(
        "{{figure:cq_min_wage_monthly}}{{figure:cq_min_wage_hourly}}", [], date(2026, 7, 1)
    )
    assert said.count("请以") == 1 and said.startswith(
        "重庆现行的月最低工资标准、小时最低工资标准，"
    )
    one = render(
        "{{figure:cq_min_wage_monthly}}{{figure:cq_min_wage_hourly}}", [NEW_1], date(2026, 7, 1)
    )
    assert "一档2300元/月" in one and "小时最低工资标准，请以" in one


def test_an_unknown_key_is_refused_by_data_validate_and_by_the_faq_form(tmp_path, bot):
    (tmp_path / "faq.yml").write_text(
        "faq:\n  - id: x\n    question: 最低工资多少\n    answer: 看这里{{figure:cq_min_wage}}。\n"
        "    source: 《最低工资规定》第十二条\n",
        encoding="utf-8",
    )
    assert [p.message for p in faq_problems(tmp_path)] == [
        "x: {{figure:cq_min_wage}} is not a local figure key"
    ]
    assert unknown_keys(TEXT) == []
    draft = Draft.from_mapping(
        {
            "question": "最低工资多少钱一个月啊",
            "answer": "看这里{{figure:cq_min_wage}}。",
            "category": "工资",
            "source": "《劳动法》第四十八条",
        }
    )
    with bot.db.read() as s:
        assert "不是已有的地方数据项" in problems(s, draft)["answer"]
        ok = replace(draft, answer=TEXT)
        assert "answer" not in problems(s, ok)
    # and an unknown key that reached the database anyway renders no number
    assert set(_numbers(render("{{figure:cq_min_wage}}", ROWS, date(2026, 7, 1)))) <= HOTLINES


def _draft(**changes) -> FigureDraft:
    data = {
        "key": "cq_min_wage_monthly",
        "region": "一档",
        "label": "一档",
        "value": "2300",
        "unit": "元/月",
        "effective_from": date(2026, 4, 1),
        "effective_to": None,
        "source": "《新通知》（测〔2026〕2号）",
        "note": "",
    }
    return FigureDraft.from_mapping({**data, **changes})


def test_a_row_needs_a_known_key_a_number_dates_in_order_and_a_source(bot):
    with bot.db.read() as s:
        assert figure_problems(s, _draft()) == {}
        assert "来源" in figure_problems(s, _draft(source="  "))["source"]
        assert "key" in figure_problems(s, _draft(key="cq_rent"))
        assert "数字" in figure_problems(s, _draft(value="2300元"))["value"]
        assert "effective_from" in figure_problems(s, _draft(effective_from=None))
        late = _draft(effective_to=date(2026, 3, 1))
        assert "不能早于" in figure_problems(s, late)["effective_to"]
        months = _draft(key="cq_heat_months", value="6月至9月", unit="")
        assert figure_problems(s, months) == {}
    # a blank name and unit take the catalogue's defaults, a blank region is the whole city
    made = _draft(label="", unit="", region="")
    assert (made.label, made.unit, made.region) == ("月最低工资", "元/月", "全市")


def _add(db: Database, row: FigureRow, actor: str = "root") -> int:
    with db.write_lock(), acting_as(actor), db.session() as s:
        figure = LocalFigure(**row.__dict__)
        s.add(figure)
        s.flush()
        return figure.id


@pytest.fixture
def either_bot(any_bot):  # noqa: F811 - the fixture imported above
    """The whole bot with the demo data on SQLite, then on PostgreSQL."""
    return any_bot


class HeldDay(Clock):
    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def today(self) -> date:
        return self.day


def test_the_bot_answers_with_the_figure_of_the_day_asked(either_bot):
    """The demo FAQ on real SQLite and PostgreSQL; the day comes from the injected clock."""
    bot = either_bot
    clock = HeldDay(date(2026, 3, 31))
    knowledge = Knowledge(bot.db, RetrievalOptions(**BotConfig().retrieval.model_dump()), clock)
    knowledge.reload()
    before = knowledge.search("重庆最低工资是好多")[0].answer
    assert before.slug == "wage_minimum" and "12333" in before.answer and "{{" not in before.answer
    for row in ROWS:
        _add(bot.db, row)
    knowledge.reload()
    assert "一档1800元/月" in knowledge.search("重庆最低工资是好多")[0].answer.answer
    clock.day = date(2026, 4, 1)  # no reload: the day decides
    assert "一档2300元/月" in knowledge.get("wage_minimum").answer
    # the stored entry keeps its placeholder; only the answer given is filled in
    with bot.db.read() as s:
        stored = s.scalar(select(FaqEntry.answer).where(FaqEntry.slug == "wage_minimum"))
    assert "{{figure:cq_min_wage_monthly}}" in stored


def test_every_change_is_in_the_audit_log_and_bumps_the_knowledge_version(either_bot):
    bot = either_bot

    def stamp() -> str | None:
        with bot.db.read() as s:
            return s.scalar(select(Meta.value).where(Meta.key == KNOWLEDGE_VERSION))

    first = stamp()
    row_id = _add(bot.db, NEW_1, actor="root")
    second = stamp()
    with bot.db.write_lock(), acting_as("chen"), bot.db.session() as s:
        s.get(LocalFigure, row_id).value = "2350"
    with bot.db.write_lock(), acting_as("chen"), bot.db.session() as s:
        s.delete(s.get(LocalFigure, row_id))
    assert len({first, second, stamp()}) == 3
    with bot.db.read() as s:
        log = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.target_type == "local_figure")
            .order_by(AuditEntry.id)
        ).all()
    assert [(e.action, e.actor, e.target_id) for e in log] == [
        ("figure_create", "root", row_id),
        ("figure_update", "chen", row_id),
        ("figure_delete", "chen", row_id),
    ]
    assert "2300元/月" in log[1].detail and "2350元/月" in log[1].detail


@pytest.mark.parametrize("key", sorted(KINDS))
def test_every_key_has_a_where_to_check_without_numbers_but_a_hotline(key):
    said = render(f"{{{{figure:{key}}}}}", [], date(2026, 7, 1))
    assert said and set(_numbers(said)) == {"12333"}
