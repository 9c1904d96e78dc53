"""Nothing a worker wrote reaches the server's log in the clear, whichever logger writes it
(uvicorn's own error log included), in `workerbot run` with several worker processes."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.server.conftest import workerbot_run
from tests.support import TLS

NAME, PHONE, ID_NUMBER = "李小红", "13812345678", "11010519491231002X"
TEXT = f"我叫{NAME}，电话{PHONE}，身份证{ID_NUMBER}，公司欠我工资"

# the database refuses every new event: each message fails after the engine has thought,
# with the worker's text among the statement's parameters
REFUSE_SQLITE = (
    "CREATE TRIGGER refuse_events BEFORE INSERT ON events "
    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
)
REFUSE_POSTGRES = [
    "CREATE FUNCTION refuse_events() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
    "CREATE TRIGGER refuse_events BEFORE INSERT ON events "
    "FOR EACH ROW EXECUTE FUNCTION refuse_events()",
]


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_failing_requests_leave_no_personal_data_in_the_log(
    tmp_path, model_dir, database_url, log_format
):
    env = {"WORKERBOT_LOG_FORMAT": log_format}
    with workerbot_run(tmp_path, model_dir, database_url, extra_env=env) as served:
        with served.db.engine.begin() as conn:
            for statement in [REFUSE_SQLITE] if served.db.is_sqlite else REFUSE_POSTGRES:
                conn.exec_driver_sql(statement)
        statuses = []
        for i, text in enumerate([TEXT, TEXT + "\x00", PHONE, ID_NUMBER]):
            body = {"sender": f"log-{i}", "message": text, "metadata": {"display_name": NAME}}
            url = f"{served.url}/webhooks/rest/webhook"
            try:  # a new connection each time: a failed request may close its connection
                statuses.append(httpx.post(url, json=body, timeout=30, verify=TLS).status_code)
            except httpx.TransportError:
                statuses.append(0)
        assert 500 in statuses  # the requests did fail, and something was logged
    # read once the server has stopped: uvicorn logs a failed request's traceback after the
    # 500 went out, so a log read before may end in the middle of that line
    log = served.log()
    assert "refused by the test" in log or "Traceback" in log, log
    for secret in (NAME, PHONE, ID_NUMBER):
        assert secret not in log, f"{secret} is in the server log:\n{log}"
    if log_format == "json":
        # every line uvicorn and the app logged is one JSON object (the startup line that
        # `workerbot run` prints for people is the only plain one)
        lines = [ln for ln in log.splitlines() if ln.strip().startswith("{")]
        assert lines, log
        for line in lines:
            assert {"time", "level", "logger", "message"} <= json.loads(line).keys()
