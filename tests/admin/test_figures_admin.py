"""/admin's local figures over real HTTP: an admin adds and edits them with checks, every
change is in the audit log, and the bot's next answer quotes the figure in force on the day
asked (the day held by the injected clock, never the real date)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from sqlalchemy import select

from bot.app import App, create_app
from bot.core.clock import Clock
from bot.settings import Settings
from bot.store.models import AuditEntry, LocalFigure
from tests.support import TLS
from tests.support.demo import demo_db

QUESTION = "重庆最低工资是好多"
# invented for the test: the demo data carries no figure
FORM = {
    "key": "cq_min_wage_monthly",
    "region": "一档：测试一区、测试二区",
    "label": "一档",
    "value": "2300",
    "unit": "元/月",
    "effective_from": "2026-04-01",
    "effective_to": "",
    "source": "《测试用最低工资通知》（测〔2026〕9号）",
    "note": "",
    "save": "保存",
}


class HeldDay(Clock):
    """The union's clock with the date held by the test."""

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def today(self) -> date:
        return self.day


@pytest.fixture
def clock() -> HeldDay:
    return HeldDay(date(2026, 7, 1))


@pytest.fixture
def bot(settings: Settings, clock: HeldDay) -> Iterator[App]:
    demo_db(settings)
    app = create_app(settings, clock=clock)
    yield app
    app.db.dispose()


def _answer(server, sender: str, text: str = QUESTION) -> str:
    body = {"sender": sender, "message": text}
    r = httpx.post(f"{server.url}/webhooks/rest/webhook", json=body, timeout=30, verify=TLS)
    assert r.status_code == 200, r.text
    return "\n".join(m.get("text", "") for m in r.json())


def _caught_up(bot: App) -> None:
    """What each process's version watcher does within a second of the save."""
    watcher = bot.version_watcher()
    watcher.seen = dict(bot.stamps)
    watcher.check()


def _rows(bot: App) -> list[LocalFigure]:
    with bot.db.read() as s:
        return list(s.scalars(select(LocalFigure).order_by(LocalFigure.id)))


def test_an_added_figure_is_quoted_and_an_edit_shows_up_in_the_next_answer(
    bot, server, clients, clock
):
    before = _answer(server, "w1")
    assert "重庆市人力资源和社会保障局官网" in before and "2300" not in before

    root = clients["root"]
    r = root.http.post("/admin/local-figure/create", data={**FORM, "csrf_token": root.csrf})
    assert r.status_code == 302, r.text
    (row,) = _rows(bot)
    _caught_up(bot)
    said = _answer(server, "w2")
    assert "一档（一档：测试一区、测试二区）2300元/月" in said
    assert "2026年4月1日起执行" in said and "测〔2026〕9号" in said

    r = root.http.post(
        f"/admin/local-figure/edit/{row.id}",
        data={**FORM, "value": "2350", "csrf_token": root.csrf},
    )
    assert r.status_code == 302, r.text
    _caught_up(bot)
    said = _answer(server, "w3")
    assert "2350元/月" in said and "2300" not in said

    # the day before it takes effect, the answer says where to check instead
    clock.day = date(2026, 3, 31)
    said = _answer(server, "w4")
    assert "2350" not in said and "12333" in said

    with bot.db.read() as s:
        log = s.scalars(select(AuditEntry).where(AuditEntry.target_type == "local_figure")).all()
    assert [(e.action, e.actor, e.target_id) for e in log] == [
        ("figure_create", "root", row.id),
        ("figure_update", "root", row.id),
    ]
    # the row's page names the placeholder and shows who changed what, newest first
    page = root.get(f"/admin/local-figure/details/{row.id}").text
    assert "{{figure:cq_min_wage_monthly}}" in page
    changes = page.split('id="figure-changes"')[1]
    assert changes.index("修改") < changes.index("新建") and changes.count("root") == 2
    assert "2300元/月" in changes and "2350元/月" in changes


def test_the_list_says_which_row_the_bot_quotes_today(bot, clients, clock):
    root = clients["root"]
    old = {**FORM, "region": "一档", "value": "2100", "effective_from": "2024-01-01"}
    for form in (old, FORM):
        r = root.http.post("/admin/local-figure/create", data={**form, "csrf_token": root.csrf})
        assert r.status_code == 302, r.text
    _caught_up(bot)
    page = root.get("/admin/local-figure/list").text
    assert "地方标准数据" in page
    assert page.count("今天在用") == 1 and page.count("已被新标准取代") == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source": ""}, "请填写来源"),
        ({"source": "  "}, "请填写来源"),
        ({"effective_from": ""}, "生效日期"),
        ({"effective_to": "2026-01-01"}, "失效日期不能早于生效日期"),
        ({"value": "2300元"}, "数值只能填数字"),
        ({"key": "cq_rent"}, "不是有效的选择"),
    ],
)
def test_a_row_without_a_source_or_with_bad_dates_is_refused(bot, clients, change, message):
    root = clients["root"]
    r = root.http.post(
        "/admin/local-figure/create", data={**FORM, **change, "csrf_token": root.csrf}
    )
    assert r.status_code == 400, r.text
    assert message in r.text
    assert _rows(bot) == []


def test_staff_cannot_change_figures(bot, clients):
    alice = clients["alice"]
    r = alice.http.post("/admin/local-figure/create", data={**FORM, "csrf_token": alice.csrf})
    assert r.status_code == 403
    assert _rows(bot) == []
