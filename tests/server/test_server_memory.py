"""A 200 MB chunked upload does not grow the server's memory: it is cut off at the limit."""

from __future__ import annotations

import re
import select
import socket
import time
from pathlib import Path

from tests.server.conftest import workerbot_run

MB = 1024 * 1024
UPLOAD = 200 * MB
# generous: the limit is 64 KB; reading the whole upload costs 200-400 MB
GROWTH_BOUND = 64 * MB


def peak_rss(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in bytes."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) * 1024


def chunked_upload(port: int, path: str, total: int) -> tuple[int, str]:
    """Stream `total` bytes (or until the server answers); the bytes sent and the status line."""
    chunk = b"x" * (256 * 1024)
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n".encode()
        )
        deadline = time.monotonic() + 120
        while sent < total and time.monotonic() < deadline:
            if select.select([sock], [], [], 0)[0]:
                break  # answered
            try:
                sock.sendall(frame)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        else:
            try:
                sock.sendall(b"0\r\n\r\n")
            except OSError:
                pass
        sock.settimeout(120)
        try:
            status = sock.recv(65536).split(b"\r\n", 1)[0].decode("latin-1")
        except (TimeoutError, ConnectionResetError):
            status = ""
    return sent, status


def test_a_200_mb_chunked_upload_leaves_memory_flat(tmp_path, model_dir):
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    with workerbot_run(tmp_path, model_dir, url, workers=1) as served:
        port = int(served.url.rsplit(":", 1)[1])
        before = {pid: peak_rss(pid) for pid in served.pids()}
        sent, status = chunked_upload(port, "/model/parse", UPLOAD)
        time.sleep(0.5)
        after = {pid: peak_rss(pid) for pid in before}
    growth = max(after[pid] - before[pid] for pid in before)
    assert growth < GROWTH_BOUND, f"peak memory grew by {growth // MB} MB ({sent // MB} MB sent)"
    assert " 413 " in status + " ", status
