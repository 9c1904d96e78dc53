"""Every route refuses a body over its limit: by Content-Length before reading anything, and
while streaming when there is no Content-Length (chunked), with a polite 413."""

from __future__ import annotations

import select
import socket
import time

import pytest

MB = 1024 * 1024
ANSWER_SECONDS = 10


def _read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """One HTTP response off the socket (the server closes the connection after a 413)."""
    sock.settimeout(ANSWER_SECONDS)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except (TimeoutError, ConnectionResetError):
        if not data:
            raise
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


def _request_head(path: str, content_type: str, extra: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n{extra}\r\n"
    ).encode()


ROUTES = [
    ("/webhooks/rest/webhook", "application/json"),
    ("/chat/api/send", "application/json"),
    ("/model/parse", "application/json"),
    ("/console/login", "application/x-www-form-urlencoded"),
    ("/console/api/conversations/1/reply", "application/json"),
    ("/admin/transfer/check", "multipart/form-data; boundary=x"),
    ("/no/such/route", "application/octet-stream"),
]


@pytest.mark.parametrize(("path", "content_type"), ROUTES)
def test_a_huge_declared_length_is_refused_without_reading(server, path, content_type):
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        # 500 MB announced, not one byte of it sent: the answer must come anyway
        sock.sendall(_request_head(path, content_type, "Content-Length: 500000000\r\n"))
        status, headers, body = _read_response(sock)
    assert status == 413
    text = body.decode("utf-8")
    if content_type == "application/json":
        assert headers["content-type"].startswith("application/json")
        assert '"too_large"' in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text  # a Chinese sentence


@pytest.mark.parametrize(
    ("path", "limit"),
    [("/webhooks/rest/webhook", 64 * 1024), ("/model/parse", 64 * 1024)],
)
def test_a_chunked_body_is_cut_off_while_it_streams(server, path, limit):
    chunk = b"x" * 65536
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(_request_head(path, "application/json", "Transfer-Encoding: chunked\r\n"))
        deadline = time.monotonic() + 60
        answered = False
        while sent < 200 * MB and time.monotonic() < deadline:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                answered = True
                break
            try:
                sock.sendall(frame)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        assert answered or sent < 200 * MB, "the server read 200 MB without answering"
        status, headers, body = _read_response(sock)
    assert status == 413
    assert headers.get("connection") == "close"
    # cut off near the limit: what was sent beyond it sat in socket buffers, not in the app
    assert sent < limit + 32 * MB


def test_bodies_within_the_limits_still_work(http):
    r = http.post("/model/parse", json={"text": "年" * 20_000})  # about 60 KB of JSON
    assert r.status_code == 200
    r = http.post("/webhooks/rest/webhook", json={"sender": "big-1", "message": "好" * 20_000})
    assert r.status_code == 200 and r.json()
