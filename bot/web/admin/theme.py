"""/admin in Chinese: sqladmin's strings from our zh catalogue, WTForms messages in Chinese.

sqladmin ships no Chinese catalogue. `locale/zh.po` (in the repo, readable and reviewable)
is compiled with babel at start-up and registered as sqladmin's only locale, so every page,
button and message of sqladmin speaks Chinese without a language switcher.

Views of the other admin modules use `ZhForm` as `form_base_class` (WTForms' own Chinese
messages, e.g. 此字段必填) and `LABELS_COMMON` for the columns every table has.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from sqladmin import i18n
from sqladmin.i18n import I18nConfig
from starlette.requests import Request
from wtforms import Form

from bot.web.admin.posting import bot_of

LOCALE = "zh"
PO_FILE = Path(__file__).resolve().parent / "locale" / "zh.po"
LABELS_COMMON = {"id": "编号", "created_at": "创建时间", "updated_at": "更新时间"}


def compile_catalogue(po_file: Path = PO_FILE) -> Translations:
    """The .po file as gettext translations (compiled in memory, nothing written to disk)."""
    with po_file.open("rb") as fh:
        catalogue = read_po(fh, locale=LOCALE, domain="admin")
    buffer = BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return Translations(buffer, domain="admin")


def i18n_config() -> I18nConfig:
    """Chinese for every request: registers the catalogue with sqladmin; no switcher, no cookie."""
    i18n.translations[LOCALE] = compile_catalogue()
    return I18nConfig(
        default_locale=LOCALE,
        language_cookie_name=None,
        language_header_name=None,
        language_switcher=None,
    )


class ZhForm(Form):
    """WTForms with its bundled Chinese messages (required, too long, not a date …)."""

    class Meta:
        locales = ["zh"]


def local_time(value: datetime | None, request: Request) -> str:
    """A stored (naive UTC) time in the union's time zone, as 2025-03-01 14:05."""
    return bot_of(request).clock.text(value)


def time_column(name: str) -> Callable[[Any, str, Request], str]:
    """A column formatter showing `name` in local time (for column_formatters)."""

    def formatter(model: Any, _attr: str, request: Request) -> str:
        return local_time(getattr(model, name), request)

    return formatter
