"""`workerbot run --workers 2`: one scrape of /metrics sums the messages every worker process
handled (prometheus-client's multiprocess mode, in a private directory removed at exit)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from prometheus_client.mmap_dict import MmapedDict
from prometheus_client.parser import text_string_to_metric_families

from tests.server.conftest import workerbot_run
from tests.support import TLS

MAX_MESSAGES = 200


def answered(url: str) -> float:
    r = httpx.get(f"{url}/metrics", timeout=10, verify=TLS)
    assert r.status_code == 200, r.text
    for family in text_string_to_metric_families(r.text):
        for s in family.samples:
            if s.name == "workerbot_messages_total" and s.labels == {
                "channel": "rest",
                "outcome": "answered",
            }:
                return s.value
    return 0.0


def metrics_dir(pid: int) -> Path | None:
    """The multiprocess directory a worker process was started with."""
    environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    for item in environ:
        if item.startswith(b"PROMETHEUS_MULTIPROC_DIR="):
            return Path(item.split(b"=", 1)[1].decode())
    return None


def answered_per_process(directory: Path) -> dict[str, float]:
    """Each worker's own count of answered messages, from its file in the directory."""
    counts = {}
    for file in directory.glob("counter_*.db"):
        for key, value, *_ in MmapedDict.read_all_values_from_file(str(file)):
            _name, sample, labels, *_ = json.loads(key)
            if sample == "workerbot_messages_total" and labels.get("outcome") == "answered":
                counts[file.name] = counts.get(file.name, 0.0) + value
    return counts


def test_one_scrape_sums_every_worker_process(tmp_path, model_dir):
    with workerbot_run(tmp_path, model_dir, f"sqlite:///{tmp_path / 'bot.db'}", 2) as served:
        workers = served.pids()[1:]
        directories = {metrics_dir(pid) for pid in workers}
        assert len(directories) == 1 and None not in directories, directories
        directory = directories.pop()
        assert directory.stat().st_mode & 0o777 == 0o700  # private to the server's user
        # a new connection for each message: the workers share the listening socket, so
        # the messages land on both processes (sent until each has answered some)
        sent = 0
        while sent < MAX_MESSAGES:
            body = {"sender": f"w{sent}", "message": "年休假有几天"}
            r = httpx.post(f"{served.url}/webhooks/rest/webhook", json=body, timeout=30, verify=TLS)
            assert r.status_code == 200, r.text
            sent += 1
            per_process = answered_per_process(directory)
            if sent >= 6 and len([v for v in per_process.values() if v > 0]) >= 2:
                break
        assert len([v for v in per_process.values() if v > 0]) >= 2, per_process
        assert sum(per_process.values()) == sent
        # every scrape, whichever worker answers it, counts all the messages
        for _ in range(4):
            assert answered(served.url) == sent
    assert not directory.exists(), "the metrics directory was left behind"
