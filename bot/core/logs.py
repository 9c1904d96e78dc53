"""Every log line of every process through the mask (bot/core/privacy.py): ours, uvicorn's own
error and access logs, and any library's, whatever handler ends up writing it."""

from __future__ import annotations

import json
import logging
import logging.config
import numbers
import os
from collections.abc import Mapping
from typing import Any

from bot.core.privacy import MaskingFormatter, mask

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FORMATS = ("text", "json")
# the environment names the format for every process (uvicorn's workers included)
LOG_FORMAT_ENV = "WORKERBOT_LOG_FORMAT"
# uvicorn configures these with handlers of its own that write unmasked: they hand their
# records to the root handler instead
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")

_traceback_formatter = logging.Formatter()
_base_factory = logging.getLogRecordFactory()


class _Masked:
    """An argument of a log call whose text is masked however it is formatted (%s or %r)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __str__(self) -> str:
        return mask(str(self.value))

    def __repr__(self) -> str:
        return mask(repr(self.value))


def _arg(value: Any) -> Any:
    if isinstance(value, str):
        return mask(value)
    if value is None or isinstance(value, numbers.Number):
        return value  # %d and %f keep working; numbers are left to the formatter's mask
    return _Masked(value)


def _masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    """Mask a record where it is made, so that a handler with its own formatter (a library's,
    or logging's last resort) has nothing personal left to write."""
    record = _base_factory(*args, **kwargs)
    if isinstance(record.msg, str):
        record.msg = mask(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_arg(a) for a in record.args)
    elif isinstance(record.args, Mapping):
        record.args = {k: _arg(v) for k, v in record.args.items()}
    if record.exc_info and not record.exc_text:
        record.exc_text = mask(_traceback_formatter.formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = mask(record.stack_info)
    return record


class JsonMaskingFormatter(MaskingFormatter):
    """One JSON object a line (time, level, logger, message, traceback), built from the
    masked text: the same mask as the text format, applied to the whole line."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["traceback"] = record.exc_text
        if record.stack_info:
            line["stack"] = record.stack_info
        # mask the values before encoding (JSON escapes would hide a number from the mask)
        # and the encoded line after (for anything the values' mask could not see whole)
        return mask(json.dumps({k: mask(str(v)) for k, v in line.items()}, ensure_ascii=False))


def log_format(configured: str = "text") -> str:
    """The environment's WORKERBOT_LOG_FORMAT, else the configured one (server.log_format)."""
    chosen = os.environ.get(LOG_FORMAT_ENV, "").strip().lower() or configured
    if chosen not in LOG_FORMATS:
        raise ValueError(f"{LOG_FORMAT_ENV}: {chosen!r} is not one of {', '.join(LOG_FORMATS)}")
    return chosen


def logging_config(
    level: str = "INFO", root: bool = True, fmt: str | None = None
) -> dict[str, Any]:
    """A dictConfig (also uvicorn's `log_config`): one masking handler on the root logger,
    uvicorn's loggers without handlers of their own so their records reach it. Without
    `root` the root logger is left as it is (the test suite's). `fmt` is text or json
    (default: the environment's, else text)."""
    formatter: dict[str, Any] = (
        {"()": JsonMaskingFormatter}
        if (fmt or log_format()) == "json"
        else {"()": MaskingFormatter, "fmt": FORMAT}
    )
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"masked": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "masked",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            **{name: {"handlers": [], "propagate": True} for name in UVICORN_LOGGERS},
            # each process checks the schema revision: alembic's INFO lines say nothing new
            "alembic": {"handlers": [], "propagate": True, "level": "WARNING"},
        },
    }
    if root:
        config["root"] = {"handlers": ["stderr"], "level": level}
    return config


def configure_logging(level: str = "INFO", fmt: str | None = None) -> None:
    """This process logs only through the mask, as text or JSON lines."""
    logging.config.dictConfig(logging_config(level, fmt=fmt))
    logging.setLogRecordFactory(_masked_record)
