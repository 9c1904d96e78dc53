"""/docs and /openapi.json describe every route: off unless config.yml switches them on."""

from __future__ import annotations

import httpx

from tests.conftest import LiveServer
from tests.support import TLS


def test_api_docs_are_off_by_default(http):
    for path in ("/docs", "/openapi.json", "/redoc", "/docs/oauth2-redirect"):
        assert http.get(path).status_code == 404, path


def test_api_docs_can_be_switched_on(bot):
    bot.settings.config.server.api_docs = True
    live = LiveServer(bot)
    try:
        assert httpx.get(f"{live.url}/docs", verify=TLS).status_code == 200
        r = httpx.get(f"{live.url}/openapi.json", verify=TLS)
        assert r.status_code == 200 and "/webhooks/rest/webhook" in r.json()["paths"]
    finally:
        live.stop()
