"""JSON log lines go through the same mask as text ones: no phone or ID number survives,
in the message, its arguments or a traceback."""

from __future__ import annotations

import io
import json
import logging
import logging.config

import pytest

from bot.core import logs

PHONE, ID_NUMBER = "13812345678", "11010519491231002X"


@pytest.fixture
def json_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonMaskingFormatter())
    logger = logging.getLogger("test.json_logs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    factory = logging.getLogRecordFactory()
    yield logger, stream
    logging.setLogRecordFactory(factory)
    logger.removeHandler(handler)


def test_json_lines_hold_no_phone_or_id_number(json_log):
    logger, stream = json_log
    logger.info("工人 %s 电话 %s", ID_NUMBER, PHONE)
    logger.info(f"inline {PHONE} and {ID_NUMBER}")
    logger.info("dict %r", {"phone": PHONE, "id": ID_NUMBER})
    try:
        raise ValueError(f"bad {PHONE} {ID_NUMBER}")
    except ValueError:
        logger.exception("failed for %s", PHONE)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4
    for line in lines:
        record = json.loads(line)
        assert {"time", "level", "logger", "message"} <= record.keys()
        assert PHONE not in line and ID_NUMBER not in line, line
    assert "ValueError" in json.loads(lines[3])["traceback"]


def test_the_environment_chooses_the_format(monkeypatch):
    monkeypatch.delenv(logs.LOG_FORMAT_ENV, raising=False)
    assert logs.log_format("json") == "json"
    assert logs.log_format() == "text"
    monkeypatch.setenv(logs.LOG_FORMAT_ENV, "JSON")
    assert logs.log_format("text") == "json"
    config = logs.logging_config(root=False)
    assert config["formatters"]["masked"]["()"] is logs.JsonMaskingFormatter
    monkeypatch.setenv(logs.LOG_FORMAT_ENV, "xml")
    with pytest.raises(ValueError, match="WORKERBOT_LOG_FORMAT"):
        logs.log_format()
