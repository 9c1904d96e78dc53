"""Telegram channel: long polling (one process across all hosts, by a database lease) or a secret-checked webhook, and pushes.

Messages become `Incoming("telegram", str(chat.id), text, "tg-<bot>-<update_id>")`; a button
press becomes the button's payload with the key `tg-cb-<bot>-<message>`, so one keyboard is
acted on once however often it is pressed (keys are per chat: the engine keeps them per
conversation). An update already handled is not answered again.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response
from telegram import BotCommand, Update
from telegram.error import InvalidToken
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ExtBot, TypeHandler
from telegram.request import BaseRequest, HTTPXRequest

from bot.channels.base import ChannelPlugin
from bot.channels.telegram_files import file_url_base
from bot.channels.telegram_format import (
    CHANNEL,
    COMMAND_MENU,
    NOTICE_RETRY,
)
from bot.channels.telegram_replies import ReplySender
from bot.channels.telegram_store import TelegramStore
from bot.channels.telegram_updates import UpdateHandler
from bot.channels.tls import client_tls
from bot.core.messages import Push
from bot.settings import ConfigError
from bot.store.leases import LeaseHolder

if TYPE_CHECKING:
    from bot.core.ports import Handle
    from bot.settings import Settings
    from bot.store.db import Database

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ["message", "callback_query"]
POLL_TIMEOUT = 25  # seconds Telegram holds a getUpdates open
POLL_ATTEMPTS = 3  # a polled update is not delivered again: retry the engine before giving up
MAX_UPDATE_BYTES = 1 << 20
LEASE = "telegram-poller"  # bot/store/leases.py: the one process across hosts that polls
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def _https(pool_size: int) -> HTTPXRequest:
    """The Bot API client python-telegram-bot would make (its defaults: 256 connections for
    requests, 1 for getUpdates; HTTP/1.1), on the process's shared TLS context instead of a
    new one for each (bot/channels/tls.py)."""
    return HTTPXRequest(connection_pool_size=pool_size, httpx_kwargs={"verify": client_tls()})


def _rate_limiter() -> AIORateLimiter:
    """Telegram's flood limits; a 429 is waited out (its retry_after) and tried again."""
    return AIORateLimiter(max_retries=3)


class TelegramChannel(ChannelPlugin):
    """The Telegram Bot API channel (python-telegram-bot's Application, with our own webhook route)."""

    name = CHANNEL

    def __init__(
        self,
        handle: Handle,
        db: Database,
        settings: Settings,
        request_factory: Callable[[], BaseRequest] | None = None,
    ) -> None:
        env = settings.env
        if not env.telegram_bot_token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
        self.webhook_url = env.telegram_webhook_url or None
        self._secret = env.telegram_webhook_secret or ""
        if self.webhook_url and not _SECRET.fullmatch(self._secret):
            raise ConfigError(
                "TELEGRAM_WEBHOOK_URL is set, so TELEGRAM_WEBHOOK_SECRET must be set too "
                "(1-256 characters: A-Z a-z 0-9 _ -)"
            )
        self.db, self.settings = db, settings
        self._token = env.telegram_bot_token
        self._base_url = env.telegram_base_url or None
        self._request_factory = request_factory  # tests inject an offline BaseRequest
        self.store = TelegramStore(db)
        self.replies = ReplySender(self.store, self.describe)
        self.application = self._build_application()
        self.updates = UpdateHandler(
            handle,
            self.application,
            self.store,
            self.replies,
            settings.config.evidence.max_bytes,
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._lease = LeaseHolder(db, LEASE, settings.config.telegram.poll_lease_seconds)
        self._ready = False
        self.leader = False  # this process holds the lease: polls / registered the webhook
        self.started = threading.Event()  # set once this process receives and sends
        self.updates_done = 0  # updates finished in this process (for tests and diagnostics)
        # httpx logs every request URL at INFO, and the Bot API URL contains the token
        httpx_log = logging.getLogger("httpx")
        httpx_log.setLevel(max(httpx_log.getEffectiveLevel(), logging.WARNING))

    # -- building ---------------------------------------------------------------------------
    def _build_application(self) -> Application:
        builder = ApplicationBuilder().token(self._token).rate_limiter(_rate_limiter())
        if self._base_url:
            builder = builder.base_url(self._base_url)
            if file_url := file_url_base(self._base_url):
                builder = builder.base_file_url(file_url)
        if self._request_factory is not None:
            builder = builder.request(self._request_factory())
            builder = builder.get_updates_request(self._request_factory())
        else:
            builder = builder.request(_https(256)).get_updates_request(_https(1))
        if self.webhook_url:
            builder = builder.updater(None)
        application = builder.build()
        application.add_handler(TypeHandler(Update, self._on_polled_update))
        application.add_error_handler(self._on_ptb_error)
        return application

    def _fresh_bot(self) -> ExtBot:
        """A bot of its own for a process that never started the channel (the CLI)."""
        kwargs: dict[str, Any] = {"rate_limiter": _rate_limiter()}
        if self._base_url:
            kwargs["base_url"] = self._base_url
            if file_url := file_url_base(self._base_url):
                kwargs["base_file_url"] = file_url
        if self._request_factory is not None:
            kwargs["request"] = self._request_factory()
        else:
            kwargs["request"], kwargs["get_updates_request"] = _https(256), _https(1)
        return ExtBot(self._token, **kwargs)

    def describe(self, exc: BaseException) -> str:
        """An error for the log: its type and message, never the token."""
        return f"{type(exc).__name__}: {exc}".replace(self._token, "<token>")[:300]

    # -- lifecycle --------------------------------------------------------------------------
    async def start(self) -> None:
        """Begin receiving in the background, so a Telegram outage never blocks the web app."""
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.create_task(self._bring_up(), name="telegram-start")

    async def _bring_up(self) -> None:
        delay = 1.0
        while True:
            try:
                await self.application.initialize()
                break
            except InvalidToken:
                log.error("telegram: Telegram rejected TELEGRAM_BOT_TOKEN; the channel is off")
                return
            except Exception as exc:  # noqa: BLE001 - keep trying until Telegram is reachable
                log.warning(
                    "telegram: start-up failed (%s); retrying in %.0f s", self.describe(exc), delay
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 60.0)
        await self._elect_once()  # the leader registers before `started` says it is up
        self._ready = True
        self.started.set()
        log.info("telegram: ready (%s mode)", "webhook" if self.webhook_url else "polling")
        while True:
            await asyncio.sleep(self._lease.seconds / 3)
            await self._elect_once()

    async def _elect_once(self) -> None:
        """Take or renew the lease to poll (Telegram answers 409 to a second poller) or to
        register the webhook: one process across all hosts; another takes over when the
        holder's lease runs out (it died or could not renew)."""
        try:
            won = await asyncio.to_thread(self._lease.acquire)
        except Exception as exc:  # noqa: BLE001 - the database is away: do not poll blind
            log.warning("telegram: poll lease not renewed (%s)", type(exc).__name__)
            won = False
        if won and not self.leader:
            try:
                await self._register()
            except Exception as exc:  # noqa: BLE001 - tried again at the next renewal
                log.warning("telegram: registering failed (%s)", self.describe(exc))
                return
            self.leader = True
            log.info(
                "telegram: this process %s",
                "registered the webhook" if self.webhook_url else "polls",
            )
        elif not won and self.leader:
            log.warning("telegram: the lease went to another process; this one stops polling")
            await self._step_down()

    async def _step_down(self) -> None:
        self.leader = False
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()

    async def _register(self) -> None:
        bot = self.application.bot
        await bot.set_my_commands([BotCommand(c, d) for c, d in COMMAND_MENU])
        if self.webhook_url:
            await bot.set_webhook(
                self.webhook_url, secret_token=self._secret, allowed_updates=ALLOWED_UPDATES
            )
            return
        updater = self.application.updater
        if updater is not None and not updater.running:
            await updater.start_polling(
                timeout=POLL_TIMEOUT,
                allowed_updates=ALLOWED_UPDATES,
                error_callback=self._on_polling_error,
            )
        if not self.application.running:
            await self.application.start()

    async def stop(self) -> None:
        """Stop polling (pending updates are handled first), hand the lease on, close."""
        self._ready = False
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
        application = self.application
        try:
            if application.updater is not None and application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await application.shutdown()
        except Exception as exc:  # noqa: BLE001 - shutting down: log and go on
            log.warning("telegram: stop failed (%s)", self.describe(exc))
        finally:
            if self.leader:
                await asyncio.to_thread(self._lease.release)  # another polls at once
            self.leader = False

    # -- receiving ----------------------------------------------------------------------------
    def router(self) -> APIRouter | None:
        """POST /webhooks/telegram in webhook mode; polling needs no route."""
        if not self.webhook_url:
            return None
        api = APIRouter()
        secret = self._secret.encode()

        @api.post(WEBHOOK_PATH)
        async def telegram_webhook(request: Request) -> Response:
            given = request.headers.get(SECRET_HEADER)
            if given is None or not hmac.compare_digest(given.encode(), secret):
                return Response(status_code=403)
            if not self._ready:
                return Response(status_code=503)  # Telegram delivers it again later
            body = await request.body()
            if len(body) > MAX_UPDATE_BYTES:
                return Response(status_code=413)
            try:
                data = orjson.loads(body)
            except orjson.JSONDecodeError:
                data = None
            if not isinstance(data, dict):  # not from Telegram, which always sends an object
                log.warning("telegram: webhook body is not a JSON object")
                return Response(status_code=400)
            try:
                update = Update.de_json(data, self.application.bot)
            except Exception as exc:  # noqa: BLE001 - a malformed update: never retry it
                number = data.get("update_id")
                log.warning(
                    "telegram: update %s ignored: unreadable (%s)",
                    number if isinstance(number, int) else "?",
                    type(exc).__name__,
                )
                return Response(status_code=200)
            try:
                await self.process_update(update)
            except Exception as exc:  # noqa: BLE001 - 500 makes Telegram deliver it again
                log.error("telegram: update %s failed", update.update_id, exc_info=exc)
                return Response(status_code=500)
            finally:
                self.updates_done += 1
            return Response(status_code=200)

        return api

    async def _on_polled_update(self, update: object, _context: object) -> None:
        """A polled update is confirmed to Telegram when fetched: retry here, never drop silently."""
        if not isinstance(update, Update):
            return
        try:
            for attempt in range(POLL_ATTEMPTS):
                try:
                    await self.process_update(update)
                    return
                except Exception as exc:  # noqa: BLE001 - retried; the engine dedupes
                    log.warning(
                        "telegram: update %s failed (attempt %d)",
                        update.update_id,
                        attempt + 1,
                        exc_info=exc,
                    )
                    if attempt + 1 < POLL_ATTEMPTS:
                        await asyncio.sleep(0.5 * 2**attempt)
            chat = update.effective_chat
            if chat is not None:
                await self.replies.send_text(self.application.bot, chat.id, NOTICE_RETRY)
        finally:
            self.updates_done += 1

    async def _on_ptb_error(self, update: object, context: Any) -> None:
        log.error("telegram: unhandled error (%s)", self.describe(context.error))

    def _on_polling_error(self, exc: Exception) -> None:
        log.warning("telegram: getUpdates failed (%s)", self.describe(exc))

    async def process_update(self, update: Update) -> None:
        """Handle one update once; raises only when the engine could not run (retry it)."""
        await self.updates.process(update)

    async def send(self, push: Push) -> bool:
        """Deliver a staff reply or notice; False (logged) when Telegram cannot take it."""
        try:
            chat_id = int(push.sender_id)
            loop = asyncio.get_running_loop()
            started = self._ready and self._loop is not None
            if started and self._loop is loop:
                return await self.replies.send_reply(self.application.bot, chat_id, push.reply)
            if started and self._loop.is_running():
                # called from another thread (e.g. a test or a sync admin tool): use the
                # running channel's connections and rate limiter
                future = asyncio.run_coroutine_threadsafe(
                    self.replies.send_reply(self.application.bot, chat_id, push.reply),
                    self._loop,
                )
                return await asyncio.wrap_future(future)
            async with self._fresh_bot() as bot:
                return await self.replies.send_reply(bot, chat_id, push.reply)
        except Exception as exc:  # noqa: BLE001 - a push never raises into its caller
            log.warning(
                "telegram: push for conversation %s not delivered (%s)",
                push.conversation_id,
                self.describe(exc),
            )
            return False
