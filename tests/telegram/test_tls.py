"""The Telegram channel's Bot API clients share the process's TLS context (bot/channels/tls.py)
and are otherwise the clients python-telegram-bot would make."""

from __future__ import annotations

from pathlib import Path

import httpx
from telegram.request import HTTPXRequest

from bot.channels.telegram import TelegramChannel
from bot.channels.tls import client_tls
from tests.telegram.conftest import build_app, telegram_of, tg_settings


def _kwargs(request: object) -> dict:
    assert isinstance(request, HTTPXRequest)
    return request._client_kwargs  # what the httpx client is (and is again) made with


def test_both_clients_of_each_channel_use_one_context(tmp_path: Path, model_dir: Path) -> None:
    app = build_app(tg_settings(tmp_path, model_dir))
    try:
        channel = telegram_of(app)
        bot = channel.application.bot
        requests = [bot._request[1], bot._request[0]]  # requests, then getUpdates
        fresh = channel._fresh_bot()  # the CLI's own bot
        requests += [fresh._request[1], fresh._request[0]]
        for request, pool in zip(requests, (256, 1, 256, 1), strict=True):
            kwargs = _kwargs(request)
            assert kwargs["verify"] is client_tls()
            assert kwargs["limits"].max_connections == pool  # python-telegram-bot's defaults
            assert kwargs["http1"] and not kwargs["http2"]
        second = TelegramChannel(app.handle, app.db, app.settings)
        assert _kwargs(second.application.bot._request[1])["verify"] is client_tls()
    finally:
        app.db.dispose()


def test_the_context_verifies_servers_as_httpx_does() -> None:
    context, default = client_tls(), httpx.create_ssl_context()
    assert context.verify_mode == default.verify_mode
    assert context.check_hostname and default.check_hostname
    assert len(context.get_ca_certs()) == len(default.get_ca_certs())
