"""One TLS context for the process's outgoing HTTPS clients (Telegram's Bot API, Rasa, callbacks).

httpx builds a new `ssl.SSLContext` for every client it makes, loading the whole CA bundle into
it: about 30 ms of CPU each time (docs/benchmarks.md, "Test suite wall time"). The channels make
clients at each start and, for a Rasa push or an unstarted callback, for each message. They all
verify servers the same way (httpx's default: the CA bundle of SSL_CERT_FILE / SSL_CERT_DIR or
certifi's) and speak HTTP/1.1 only (httpcore sets the context's ALPN protocols for each
connection, the same list for every one of them), so one context made at first use serves all.
"""

from __future__ import annotations

import ssl
import threading

import httpx

_made: list[ssl.SSLContext] = []
_lock = threading.Lock()


def client_tls() -> ssl.SSLContext:
    """The process's context for verifying HTTPS servers (`verify=` of an httpx client)."""
    if not _made:
        with _lock:
            if not _made:
                _made.append(httpx.create_ssl_context())
    return _made[0]
