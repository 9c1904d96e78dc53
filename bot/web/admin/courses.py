"""Admin views: the course catalogue (list, form, saving); each course's page with its
enrolments and waiting list is in bot/web/admin/course_pages.py.

Saving a course goes through the bot's own write path (not sqladmin's session), so the
checks, the waiting-list promotion a higher capacity allows and the notices to promoted
workers commit together; the notices are delivered once committed (bot/notify.py).
Lowering the capacity below the places already taken is refused: nobody loses a place
without an admin cancelling it on the course page.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from sqladmin import ModelView
from sqladmin.filters import AllUniqueStringValuesFilter, StaticValuesFilter
from sqladmin.pagination import Pagination
from sqlalchemy import func, select
from starlette.requests import Request
from wtforms import (
    DateField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp

from bot.core.messages import Push
from bot.domain.courses import COURSE_CATEGORIES, promotion_text
from bot.staff import notices as notify
from bot.store import courses as repo
from bot.store.db import Database
from bot.store.models import Course
from bot.transfer.seed import TIMES_OF_DAY, WEEKDAYS
from bot.web.admin.course_pages import STATUS_LABELS, CoursePage, promotion_summary
from bot.web.admin.posting import bot_of, say
from bot.web.admin.theme import ZhForm

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

CODE_PATTERN = r"^[A-Za-z0-9_-]{1,16}$"
TEXT = {"class": "form-control"}
SELECT = {"class": "form-select"}


class CommaListField(StringField):
    """A list of short texts typed as one line, separated by commas (，or ,)."""

    def _value(self) -> str:
        return ", ".join(self.data or [])

    def process_formdata(self, valuelist: list[Any]) -> None:
        raw = valuelist[0] if valuelist else ""
        parts = str(raw).replace("，", ",").replace("、", ",").split(",")
        self.data = [p.strip() for p in parts if p.strip()]


class CourseForm(ZhForm):
    """Every field a worker sees about a course, with the checks the bot relies on."""

    code = StringField(
        "课程编号",
        [
            InputRequired("请填写课程编号"),
            Regexp(CODE_PATTERN, message="课程编号只能用 1–16 个字母、数字、- 或 _"),
        ],
        render_kw=TEXT,
        description="例如 XF01，报名按钮里会用到，建好后尽量不要改",
    )
    name = StringField(
        "课程名称", [InputRequired("请填写课程名称"), Length(max=64)], render_kw=TEXT
    )
    category = SelectField("类别", choices=list(COURSE_CATEGORIES), render_kw=SELECT)
    description = TextAreaField("简介", [Length(max=2000)], render_kw=TEXT)
    start_date = DateField("开始日期", [Optional()], render_kw=TEXT)
    end_date = DateField("结束日期", [Optional()], render_kw=TEXT)
    weekdays = SelectMultipleField(
        "上课日", choices=list(WEEKDAYS), validate_choice=True, render_kw=SELECT
    )
    time_of_day = SelectField(
        "时段", choices=[("", "未指定")] + [(t, t) for t in TIMES_OF_DAY], render_kw=SELECT
    )
    time = StringField("上课时间", [Length(max=32)], render_kw=TEXT, description="例如 19:00-20:30")
    sessions = IntegerField(
        "课次", [Optional(), NumberRange(min=1, message="课次至少 1 次")], render_kw=TEXT
    )
    venue = StringField("地点", [Length(max=128)], render_kw=TEXT)
    capacity = IntegerField(
        "容量",
        [
            InputRequired("请填写容量（0 表示不限人数）"),
            NumberRange(min=0, message="容量不能小于 0（0 表示不限人数）"),
        ],
        render_kw=TEXT,
        description="0 表示不限人数；调高后，候补的职工按顺序自动转为报名并收到通知",
    )
    fee = IntegerField(
        "费用（元）",
        [InputRequired("请填写费用（免费填 0）"), NumberRange(min=0, message="费用不能小于 0")],
        render_kw=TEXT,
        description="0 表示免费",
    )
    status = SelectField("状态", choices=list(STATUS_LABELS.items()), render_kw=SELECT)
    keywords = CommaListField(
        "关键词", render_kw=TEXT, description="职工可能用的说法，用逗号分开，例如：烘焙, 面包"
    )

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        start, end = self.start_date.data, self.end_date.data
        if start and end and end < start:
            self.end_date.errors = [*self.end_date.errors, "结束日期不能早于开始日期"]
            ok = False
        return ok


FIELDS = [
    "code",
    "name",
    "category",
    "description",
    "start_date",
    "end_date",
    "weekdays",
    "time_of_day",
    "time",
    "sessions",
    "venue",
    "capacity",
    "fee",
    "status",
    "keywords",
]


def _values(data: dict[str, Any]) -> dict[str, Any]:
    """Form data as model values (empty optional texts stored as before: None or "")."""
    values = {k: data.get(k) for k in FIELDS}
    values["code"] = (values["code"] or "").strip()
    values["name"] = (values["name"] or "").strip()
    values["time_of_day"] = values["time_of_day"] or None
    values["time"] = (values["time"] or "").strip() or None
    values["description"] = (values["description"] or "").strip()
    values["venue"] = (values["venue"] or "").strip()
    values["weekdays"] = [d for d in WEEKDAYS if d in (values["weekdays"] or [])]
    values["keywords"] = values["keywords"] or []
    return values


def save_course(
    db: Database, course_id: int | None, data: dict[str, Any]
) -> tuple[Course, list[str], list[Push | None]]:
    """Create or update a course; a higher capacity fills places from the waiting list."""
    values = _values(data)
    with db.write_lock(), db.session() as s:
        clash = s.scalar(
            select(Course).where(
                func.upper(Course.code) == values["code"].upper(),
                Course.id != (course_id or 0),
            )
        )
        if clash is not None:
            raise repo.CourseError(
                f"课程编号 {values['code']} 已被「{clash.name}」使用，请换一个。"
            )
        course = Course() if course_id is None else s.get(Course, course_id)
        if course is None:
            raise repo.CourseError("找不到这门课程，可能已被删除。")
        repo.check_capacity(s, course, values["capacity"])
        for key, value in values.items():
            setattr(course, key, value)
        if course_id is None:
            s.add(course)
        s.flush()
        promoted = repo.fill_places(s, course.id) if course_id is not None else []
        pushes = [
            notify.record(s, p.channel, p.sender_id, promotion_text(course)) for p in promoted
        ]
    return course, [p.name for p in promoted], pushes


def _counts(db: Database, ids: list[int]) -> dict[int, tuple[int, int]]:
    with db.read() as s:
        return repo.counts_many(s, ids)


def _places(model: Course, _attr: Any) -> str:
    enrolled, waiting = getattr(model, "admin_counts", (0, 0))
    cap = str(model.capacity) if model.capacity > 0 else "不限"
    return f"{enrolled} / {cap}" + (f" · 候补 {waiting}" if waiting else "")


class CourseAdmin(CoursePage, ModelView, model=Course):
    name = "课程"
    name_plural = "课程"
    icon = "fa-solid fa-chalkboard-user"
    category = "课程与报名"
    form = CourseForm
    form_columns = FIELDS
    can_delete = False  # enrolments refer to courses: close a course instead
    can_export = False  # the roster export is per course (/admin/transfer)
    column_labels = {
        Course.code: "编号",
        Course.name: "名称",
        Course.category: "类别",
        Course.start_date: "开始日期",
        Course.status: "状态",
        Course.capacity: "已报名 / 容量",
    }
    column_list = list(column_labels)
    column_formatters = {
        Course.status: lambda m, a: STATUS_LABELS.get(m.status, m.status),
        Course.capacity: _places,
    }
    column_searchable_list = [Course.code, Course.name]
    column_sortable_list = [Course.code, Course.start_date, Course.status]
    column_default_sort = [(Course.code, False)]
    column_filters = [
        StaticValuesFilter(Course.status, list(STATUS_LABELS.items()), title="状态"),
        AllUniqueStringValuesFilter(Course.category, title="类别"),
    ]

    async def list(self, request: Request) -> Pagination:
        page = await super().list(request)
        counts = await asyncio.to_thread(_counts, bot_of(request).db, [c.id for c in page.rows])
        for c in page.rows:
            c.admin_counts = counts.get(c.id, (0, 0))
        return page

    async def insert_model(self, request: Request, data: dict) -> Any:
        course, _, _ = await asyncio.to_thread(save_course, bot_of(request).db, None, data)
        say(request, f"已新建课程「{course.name}」。")
        return course

    async def update_model(self, request: Request, pk: str, data: dict) -> Any:
        app = bot_of(request)
        course, names, pushes = await asyncio.to_thread(save_course, app.db, int(pk), data)
        outcomes = await notify.deliver_all(app.channels, pushes)
        say(request, f"已保存课程「{course.name}」。" + promotion_summary(names, outcomes))
        return course


def views(deps: AdminDeps) -> list[type]:
    return [CourseAdmin]
