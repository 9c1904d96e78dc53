"""The dashboard in real Chromium: every chart drawn under the strict CSP, downloads work."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bot.stats import dashboard as stats
from tests.admin.test_dashboard import QUERY, seed
from tests.console.conftest import PASSWORD
from tests.webchat.conftest import browser  # noqa: F401 - Debian's Chromium via Playwright

TIMEOUT = 8000  # ms
PAINTED = """() => Array.from(document.querySelectorAll('canvas')).map(c => {
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let inked = 0;
  for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) inked++; }
  return [c.id, c.width > 0 && c.height > 0, inked];
})"""

# what Chart.js drew: per canvas, whether bars run sideways, how many category labels show,
# how many bars there are, and each dataset's colour
CHART_FACTS = """() => Object.fromEntries(Array.from(document.querySelectorAll('canvas')).map(c => {
  const chart = window.Chart.getChart(c);
  const horizontal = chart.options.indexAxis === 'y';
  const axis = horizontal ? chart.scales.y : chart.scales.x;
  return [c.id, {
    horizontal: horizontal,
    ticks: axis ? axis.ticks.length : 0,
    bars: chart.data.labels.length,
    colours: chart.data.datasets.map(d => d.backgroundColor),
  }];
}))"""


def _complain(message, problems: list[str]) -> None:  # noqa: ANN001 - a Playwright message
    """Console errors and warnings (a CSP violation is one), but not the browser's own
    favicon request, which no page asked for."""
    if message.type not in ("error", "warning"):
        return
    if message.location.get("url", "").endswith("/favicon.ico"):
        return
    problems.append(f"{message.text} {message.location}")


def test_an_admin_sees_every_chart_drawn_without_console_errors(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
):
    seed(bot.db)
    ctx = browser.new_context(
        viewport={"width": 1400, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    problems: list[str] = []
    try:
        page = ctx.new_page()
        page.set_default_timeout(TIMEOUT)
        page.on("console", lambda m: _complain(m, problems))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))

        # sign in through the console's form; /admin/ then opens the dashboard by itself
        page.goto(f"{server.url}/admin/")
        assert "/console/login" in page.url
        page.fill("input[name=username]", "root")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.goto(f"{server.url}/admin/")
        page.wait_for_url(f"{server.url}/admin/dashboard")
        page.locator("body[data-charts-drawn]").wait_for(state="attached")

        # the seeded period: every chart has data, so every one must be drawn and inked
        page.goto(f"{server.url}/admin/dashboard?{QUERY}")
        drawn = page.locator("body").get_attribute("data-charts-drawn")
        assert drawn == str(len(stats.STATISTICS))
        canvases = page.evaluate(PAINTED)
        assert [c[0] for c in canvases] == [f"chart-{s.key}" for s in stats.STATISTICS]
        assert all(sized and inked > 500 for _, sized, inked in canvases), canvases
        page.screenshot(path=str(artifacts / "admin-dashboard.png"), full_page=True)
        # every bar of a horizontal chart is labelled; 有帮助 green, 没帮助 red
        drawn_charts = page.evaluate(CHART_FACTS)
        for key, facts in drawn_charts.items():
            if facts["horizontal"]:
                assert facts["ticks"] == facts["bars"], (key, facts)
        assert drawn_charts["chart-faq_feedback"]["colours"] == ["#2fb344", "#d63939"]

        # a chart's 下载 CSV gives the file the server computes for that chart
        with page.expect_download() as info:
            page.locator("#card-rates a.csv-link").click()
        download = info.value
        assert download.suggested_filename == "rates_2026-03-01_2026-03-03.csv"
        lines = Path(download.path()).read_bytes().decode("utf-8-sig").splitlines()
        assert lines[1] == "2026-03-01,3,1,33.3,2,1,50.0"

        # the data table under a chart opens on click
        card = page.locator("#card-top_faq")
        card.locator("summary").click()
        assert card.locator("td", has_text="年休假有几天？").is_visible()

        # choosing other dates reloads the page for them
        page.fill("input[name=start]", "2026-02-20")
        page.fill("input[name=end]", "2026-03-05")
        page.click(".dashboard-range button[type=submit]")
        page.wait_for_url("**/admin/dashboard?start=2026-02-20*")
        query = parse_qs(urlsplit(page.url).query)
        assert query == {"start": ["2026-02-20"], "end": ["2026-03-05"]}
        assert "2026-02-20 至 2026-03-05" in page.locator(".page-pretitle").inner_text()
        assert page.locator("body").get_attribute("data-charts-drawn") == str(len(stats.STATISTICS))
        assert problems == []
    finally:
        ctx.close()
