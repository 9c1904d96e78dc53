"""数据看板: the dashboard page (charts drawn by a vendored Chart.js) and each chart's CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqladmin import BaseView, expose
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.stats import dashboard as stats
from bot.web.admin.posting import bot_of

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

DEFAULT_DAYS = 30
QUICK_RANGES = ((7, "近 7 天"), (30, "近 30 天"), (90, "近 90 天"), (365, "近一年"))
BAD_DATE = "日期格式不对，请用“年-月-日”，例如 2026-03-01。"
REVERSED = "开始日期不能晚于结束日期。"
TOO_LONG = f"一次最多查看 {stats.MAX_DAYS} 天，请缩短日期范围。"
# spreadsheet programs run a cell that starts like a formula; such text gets a leading '
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Chart:
    """How a statistic's table is drawn: which column labels the points, which are series."""

    kind: str  # bar | line | doughnut
    label: str
    series: tuple[str, ...] = ()  # empty: every column after the label but 合计
    stacked: bool = False
    horizontal: bool = False
    percent: bool = False
    y_max: int | None = None
    note: str = ""


CHARTS = {
    "messages": Chart("bar", "日期", stacked=True, note="工人发来的消息，按所在渠道"),
    "intents": Chart("bar", "意图", ("消息数",), horizontal=True),
    "rates": Chart(
        "line",
        "日期",
        ("未理解率(%)", "转人工率(%)"),
        percent=True,
        note="未理解：没听懂或超出范围的消息占当日消息；转人工：转给人工的会话占当日会话",
    ),
    "faq_feedback": Chart("bar", "问题", ("有帮助", "没帮助"), stacked=True, horizontal=True),
    "top_faq": Chart("bar", "问题", ("回答次数",), horizontal=True),
    "case_status": Chart("bar", "状态", ("案件数",), note="所选期间提交的案件，按当前状态"),
    "case_type": Chart("doughnut", "纠纷类型", ("案件数",), note="所选期间提交的案件"),
    "courses": Chart(
        "bar",
        "课程",
        ("报名率(%)",),
        horizontal=True,
        percent=True,
        note="当前开放报名的课程（不受日期范围影响）；候补人数见数据表",
    ),
    "rating_scores": Chart("bar", "评分", ("次数",), note="工作人员结束会话后工人给出的 1–5 分"),
    "rating_daily": Chart("line", "日期", ("平均分",), y_max=5, note="没有评分的日子不画点"),
}


def parse_period(params: Any, tz: str, today: date) -> tuple[stats.Period, str | None]:
    """The period asked for in ?start=&end=, or the last 30 days with a message saying why."""
    default = stats.last_days(today, tz, DEFAULT_DAYS)
    start_raw, end_raw = params.get("start") or "", params.get("end") or ""
    if not start_raw and not end_raw:
        return default, None
    try:
        end = date.fromisoformat(end_raw) if end_raw else today
        start = date.fromisoformat(start_raw) if start_raw else end - timedelta(DEFAULT_DAYS - 1)
    except ValueError:
        return default, BAD_DATE
    if start > end:
        return default, REVERSED
    if (end - start).days + 1 > stats.MAX_DAYS:
        return default, TOO_LONG
    return stats.Period(start, end, tz), None


# series whose colour means something: good green, bad red (the palette would draw 没帮助
# green and 有帮助 blue)
SERIES_COLOURS = {"有帮助": "#2fb344", "没帮助": "#d63939"}


def chart_data(key: str, table: stats.Table) -> dict[str, Any]:
    """What dashboard.js needs to draw one chart (no markup, only numbers and names)."""
    chart = CHARTS[key]
    at = table.columns.index(chart.label)
    # no series named: every column after the label but the total (the total alone if
    # that is all there is, e.g. no messages on any channel)
    series = chart.series or tuple(c for c in table.columns[at + 1 :] if c != "合计")
    series = series or tuple(c for c in table.columns if c == "合计")
    return {
        "key": key,
        "kind": chart.kind,
        "stacked": chart.stacked,
        "horizontal": chart.horizontal,
        "percent": chart.percent,
        "yMax": chart.y_max,
        "labels": [str(row[at]) for row in table.rows],
        "datasets": [
            {
                "label": name,
                "data": [row[table.columns.index(name)] for row in table.rows],
                **({"colour": SERIES_COLOURS[name]} if name in SERIES_COLOURS else {}),
            }
            for name in series
        ],
    }


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(table: stats.Table) -> bytes:
    """The table as CSV, UTF-8 with a byte-order mark so Excel shows the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([_cell(v) for v in row] for row in table.rows)
    return out.getvalue().encode("utf-8-sig")


def _read(
    app: AdminDeps, keys: list[str], period: stats.Period, today: date
) -> dict[str, stats.Table]:
    with app.db.read() as s:
        return stats.compute(s, keys, period, today)


class DashboardView(BaseView):
    name = "数据看板"
    icon = "fa-solid fa-chart-line"

    # the page is declared first: sqladmin's menu links to the first exposed route
    @expose("/dashboard", methods=["GET"], identity="dashboard")
    async def page(self, request: Request) -> Response:
        app = bot_of(request)
        tz, today = app.clock.zone, app.clock.today()
        period, error = parse_period(request.query_params, tz, today)
        keys = [stat.key for stat in stats.STATISTICS]
        tables = await run_in_threadpool(_read, app, keys, period, today)
        query = f"start={period.start.isoformat()}&end={period.end.isoformat()}"
        cards = [
            {
                "key": stat.key,
                "title": stat.title,
                "note": CHARTS[stat.key].note,
                "table": tables[stat.key],
                "csv": f"{request.url_for('admin:view-dashboard-csv', key=stat.key)}?{query}",
            }
            for stat in stats.STATISTICS
        ]
        quick = [(label, stats.last_days(today, tz, n)) for n, label in QUICK_RANGES]
        context = {
            "title": "数据看板",
            "period": period,
            "error": error,
            "cards": cards,
            "quick": quick,
            "charts": [chart_data(stat.key, tables[stat.key]) for stat in stats.STATISTICS],
        }
        status = 400 if error else 200
        return await self.templates.TemplateResponse(
            request, "admin/dashboard.html", context, status_code=status
        )

    @expose("/dashboard/csv/{key}", methods=["GET"], identity="dashboard-csv")
    async def download(self, request: Request) -> Response:
        key = request.path_params["key"]
        if key not in stats.BY_KEY:
            return PlainTextResponse("没有这张图表。", status_code=404)
        app = bot_of(request)
        tz, today = app.clock.zone, app.clock.today()
        period, error = parse_period(request.query_params, tz, today)
        if error:
            return PlainTextResponse(error, status_code=400)
        table = (await run_in_threadpool(_read, app, [key], period, today))[key]
        name = f"{key}_{period.start.isoformat()}_{period.end.isoformat()}.csv"
        return Response(
            csv_bytes(table),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


def views(deps: AdminDeps) -> list[type]:
    return [DashboardView]
