"""The dashboard over HTTP: the page, the downloads, who may see them, and real conversations
counted as the engine stores them (the numbers themselves: tests/admin/test_dashboard.py)."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import httpx

from bot.core.clock import Clock
from bot.stats import dashboard as stats
from bot.web.admin.dashboard import BAD_DATE, REVERSED
from tests.admin.test_dashboard import EXPECTED, QUERY, seed
from tests.support import TLS


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_each_download_gives_exactly_its_charts_numbers(bot, clients):
    seed(bot.db)
    root = clients["root"]
    for key, table in EXPECTED.items():
        r = root.get(f"/admin/dashboard/csv/{key}?{QUERY}")
        assert r.status_code == 200, key
        assert r.headers["content-type"].startswith("text/csv")
        assert f'filename="{key}_2026-03-01_2026-03-03.csv"' in r.headers["content-disposition"]
        assert r.content.startswith("\ufeff".encode())
        expected = [[str(c) for c in table.columns]] + [
            ["" if v is None else str(v) for v in row] for row in table.rows
        ]
        assert _rows(r.content.decode("utf-8-sig")) == expected, key


def test_the_page_shows_every_chart_with_its_download_link(bot, clients):
    seed(bot.db)
    page = clients["root"].get(f"/admin/dashboard?{QUERY}")
    assert page.status_code == 200
    html = page.text
    assert "数据看板" in html and "2026-03-01 至 2026-03-03" in html
    for stat in stats.STATISTICS:
        assert stat.title in html
        assert f"/admin/dashboard/csv/{stat.key}?{QUERY.replace('&', '&amp;')}" in html
        assert f'id="chart-{stat.key}"' in html
    assert "<td>年休假有几天？</td>" in html  # the data table under each chart
    assert 'type="application/json" id="dashboard-data"' in html
    assert "/static/vendor/chart.js/chart.umd.min.js" in html
    assert "<script>" not in html.split('id="dashboard-data"')[1]  # nothing inline of ours


def test_the_admin_home_opens_the_dashboard(clients):
    home = clients["root"].get("/admin/")
    assert home.status_code == 200
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', home.text)
    assert refresh and urlsplit(refresh.group(1)).path == "/admin/dashboard"
    # and the menu's first entry is the dashboard
    menu = re.findall(r'class="nav-link[^"]*" href="([^"]+)"', home.text)
    assert menu and urlsplit(menu[0]).path == "/admin/dashboard"


def test_a_bad_range_is_explained_politely(clients):
    r = clients["root"].get("/admin/dashboard?start=昨天&end=2026-03-03")
    assert r.status_code == 400 and BAD_DATE in r.text and "最近 30 天" in r.text
    r = clients["root"].get("/admin/dashboard/csv/rates?start=2026-03-04&end=2026-03-03")
    assert r.status_code == 400 and r.text == REVERSED
    r = clients["root"].get("/admin/dashboard/csv/nothing")
    assert r.status_code == 404 and "没有这张图表" in r.text


def test_staff_and_strangers_cannot_see_the_numbers(server, clients):
    alice = clients["alice"]
    for path in ("/admin/dashboard", f"/admin/dashboard/csv/rates?{QUERY}"):
        r = alice.get(path)
        assert r.status_code == 403 and "年休假" not in r.text, path
    with httpx.Client(base_url=server.url, follow_redirects=False, verify=TLS) as anonymous:
        r = anonymous.get(f"/admin/dashboard/csv/rates?{QUERY}")
        assert r.status_code == 303 and r.headers["location"].startswith("/console/login")


def test_real_conversations_are_counted_as_the_engine_stores_them(bot, http):
    """Through the REST channel: the stored parse and handoff shapes are what the SQL reads."""
    for n, text in enumerate(["你好", "转人工"]):
        r = http.post("/webhooks/rest/webhook", json={"sender": "d1", "message": text})
        assert r.status_code == 200, n
    tz = bot.settings.config.console.timezone
    today = Clock(tz).today()
    period = stats.Period(today - timedelta(1), today, tz)  # a message just before midnight
    with bot.db.read() as s:
        got = stats.compute(s, ["messages", "intents", "rates"], period, today)
    assert got["messages"].columns == ["日期", "REST", "合计"]
    assert sum(row[-1] for row in got["messages"].rows) == 2
    assert sorted(row[1] for row in got["intents"].rows) == ["greet", "human_handoff"]
    assert sum(row[5] for row in got["rates"].rows) == 1  # one conversation handed over
