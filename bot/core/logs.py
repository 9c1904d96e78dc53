"""Every log line of every process through the mask (bot/core/privacy.py): ours, uvicorn's own
error and access logs, and any library's, whatever handler ends up writing it."""

from __future__ import annotations

import logging
import logging.config
import numbers
from collections.abc import Mapping
from typing import Any

from bot.core.privacy import MaskingFormatter, mask

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
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


def logging_config(level: str = "INFO", root: bool = True) -> dict[str, Any]:
    """A dictConfig (also uvicorn's `log_config`): one masking handler on the root logger,
    uvicorn's loggers without handlers of their own so their records reach it. Without
    `root` the root logger is left as it is (the test suite's)."""
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"masked": {"()": MaskingFormatter, "fmt": FORMAT}},
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


def configure_logging(level: str = "INFO") -> None:
    """This process logs only through the mask."""
    logging.config.dictConfig(logging_config(level))
    logging.setLogRecordFactory(_masked_record)
