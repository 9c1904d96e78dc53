"""WeChat official account (公众号): the callback at /webhooks/wechat and pushes to workers.

Every request is checked before anything is read or stored (wechat_gate.py: signature,
freshness, safe mode; wechat_nonces.py: each signed query once).

WeChat waits five seconds for a reply and then retries (three attempts in all). An answer
ready in time is the passive reply (encrypted in safe mode); a slower one gets `success` at
once and goes out through the customer-service API when ready. Retries never run anything
twice: the engine answers a retried message id from its record, and an answer already sent
through customer service is recorded in `meta`, so its retries only get `success`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.background import BackgroundTask
from wechatpy.crypto import WeChatCrypto
from wechatpy.replies import TextReply

from bot.channels import wechat_text as wx
from bot.channels.base import ChannelPlugin
from bot.channels.wechat_api import SharedTokenClient, make_client
from bot.channels.wechat_gate import FORBIDDEN, CallbackGate, Refusal, Signed
from bot.channels.wechat_nonces import NonceBook
from bot.channels.wechat_push import deliver_push, send_answer, send_texts
from bot.channels.wechat_store import (
    CHANNEL,
    MetaStore,
    OfferedOptions,
    close_conversation,
    conversation_state,
    meta_key,
)
from bot.channels.wechat_wire import describe, event_id, parse, read_limited
from bot.engine.desk import Push
from bot.engine.types import Incoming
from bot.store.models import STATE_WAITING, STATE_WITH_HUMAN

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
SUCCESS = "success"
ASYNC, MORE = "wx:async:", "wx:more:"
RETRY_RECORD_DAYS = 1  # WeChat retries within seconds; older retry records are pruned
GREETING = "/greet"  # what a new follower (or a QR-code scan) says to the bot
HELP = "/help"  # a click on a menu key this version does not know


@dataclass(frozen=True)
class _Callback:
    """How to answer this request: plain or encrypted with the request's nonce."""

    safe: bool
    nonce: str


def _refuse(refusal: Refusal) -> Response:
    return PlainTextResponse(refusal.text, status_code=refusal.status)


class WeChatChannel(ChannelPlugin):
    name = CHANNEL
    # seconds to wait for the engine before answering `success` and replying later
    reply_timeout = 4.5

    def __init__(self, app: App) -> None:
        self.app = app
        env = app.settings.env
        self.token = env.wechat_token or ""
        self.crypto: WeChatCrypto | None = None
        if env.wechat_aes_key:
            try:
                self.crypto = WeChatCrypto(self.token, env.wechat_aes_key, env.wechat_appid)
            except (AssertionError, ValueError) as exc:
                raise ValueError(
                    "WECHAT_AES_KEY must be the 43-character EncodingAESKey of the account"
                ) from exc
        window = app.settings.config.wechat.callback_window_seconds
        self.gate = CallbackGate(self.token, self.crypto, window)
        self.nonces = NonceBook(app.db, window)
        self.clicks = app.settings.config.wechat.click_payloads()
        self.meta = MetaStore(app.db)
        self.options = OfferedOptions(self.meta)
        self._client: SharedTokenClient | None = None
        self._inflight: dict[str, asyncio.Future[Any]] = {}
        self._background: set[asyncio.Task[Any]] = set()
        self._claims = 0

    # -- lifecycle ----------------------------------------------------------------------
    @property
    def client(self) -> SharedTokenClient:
        """The API client, made on first use (so pushes work where start() never ran)."""
        if self._client is None:
            self._client = make_client(self.app.settings, self.app.db)
        return self._client

    async def start(self) -> None:
        await asyncio.to_thread(self._prune)

    async def stop(self) -> None:
        """Let answers still on their way through customer service finish."""
        if self._background:
            await asyncio.wait(set(self._background), timeout=15)

    def _prune(self) -> None:
        try:
            for prefix in (ASYNC, MORE):
                self.meta.prune(prefix, timedelta(days=RETRY_RECORD_DAYS))
        except Exception:  # noqa: BLE001 - housekeeping never stops the server
            log.exception("pruning WeChat retry records failed")

    # -- HTTP -----------------------------------------------------------------------------
    def router(self) -> APIRouter:
        api = APIRouter()

        @api.get("/webhooks/wechat")
        async def verify(request: Request) -> Response:
            checked = self.gate.verification(request.query_params)
            if isinstance(checked, Refusal):
                return _refuse(checked)
            if not await asyncio.to_thread(self._admit, checked):
                return _refuse(FORBIDDEN)
            return PlainTextResponse(request.query_params.get("echostr", ""))

        @api.post("/webhooks/wechat")
        async def callback(request: Request) -> Response:
            return await self._callback(request)

        return api

    async def _callback(self, request: Request) -> Response:
        body = await read_limited(request, MAX_BODY_BYTES)
        if body is None:
            return PlainTextResponse("too large", status_code=413)
        checked = self.gate.message(request.query_params, body)
        if isinstance(checked, Refusal):
            return _refuse(checked)
        msg = parse(checked.xml)
        if msg is None:
            return PlainTextResponse("bad request", status_code=400)
        try:
            if not await asyncio.to_thread(self._admit, checked):
                return _refuse(FORBIDDEN)
            return await self._dispatch(msg, _Callback(checked.safe, checked.nonce))
        except Exception as exc:  # noqa: BLE001 - answer 500 so that WeChat retries the message
            log.error("WeChat %s message failed: %s", msg.type, describe(exc))
            return PlainTextResponse("error", status_code=500)

    def _admit(self, checked: Signed) -> bool:
        return self.nonces.admit(checked.timestamp, checked.nonce, checked.digest)

    # -- messages -------------------------------------------------------------------------
    async def _dispatch(self, msg: Any, cb: _Callback) -> Response:
        kind = msg.type
        if kind == "text":
            text = msg.content if isinstance(msg.content, str) else ""
            return await self._converse(msg, text, str(msg.id), cb)
        if kind == "voice":
            heard = msg.recognition.strip() if isinstance(msg.recognition, str) else ""
            if heard:
                return await self._converse(msg, heard, str(msg.id), cb)
            return await self._media(msg, "voice", cb)
        if kind == "event":
            return await self._event(msg, cb)
        return await self._media(msg, kind, cb)

    async def _event(self, msg: Any, cb: _Callback) -> Response:
        event = msg.event
        if event == "unsubscribe":
            await asyncio.to_thread(close_conversation, self.app.db, msg.source)
            await asyncio.to_thread(self.options.forget, msg.source)
            return PlainTextResponse(SUCCESS)
        if event in ("subscribe", "subscribe_scan", "scan"):
            return await self._converse(msg, GREETING, event_id(msg), cb)
        if event == "click":
            key = msg.key if isinstance(msg.key, str) else ""
            payload = self.clicks.get(key, HELP)
            return await self._converse(msg, payload, event_id(msg), cb)
        return PlainTextResponse(SUCCESS)  # view, location reports, job results: nothing to say

    async def _media(self, msg: Any, kind: str, cb: _Callback) -> Response:
        """A kind reply to what the bot cannot read; logged for staff when a human holds it."""
        state = await asyncio.to_thread(conversation_state, self.app.db, msg.source)
        if state in (STATE_WAITING, STATE_WITH_HUMAN):
            return await self._converse(
                msg, wx.MEDIA_LOG_TEXT.get(kind, f"[{kind}]"), str(msg.id), cb
            )
        if kind == "voice":
            return self._passive(msg, wx.VOICE_NOT_UNDERSTOOD, cb)
        return self._passive(msg, wx.MEDIA_NOT_UNDERSTOOD.get(kind, wx.MEDIA_DEFAULT), cb)

    async def _converse(self, msg: Any, text: str, message_id: str, cb: _Callback) -> Response:
        """Run the engine once for this message id; answer passively or later by customer service."""
        openid = msg.source
        async_key = meta_key(ASYNC, message_id)
        if await asyncio.to_thread(self.meta.get, async_key) is not None:
            return PlainTextResponse(SUCCESS)  # a retry of an answer sent by customer service
        offered = await asyncio.to_thread(self.options.offered, openid)
        text = wx.pick_option(text, offered) or text
        task = self._inflight.get(message_id)
        if task is None:  # a retry while the first attempt still runs shares its answer
            task = asyncio.ensure_future(
                self.app.handle(Incoming(CHANNEL, openid, text, message_id))
            )
            self._inflight[message_id] = task
            task.add_done_callback(lambda _t: self._inflight.pop(message_id, None))
        done, _ = await asyncio.wait({task}, timeout=self.reply_timeout)
        if not done:
            if await asyncio.to_thread(self._claim, async_key):
                self._spawn(self._answer_later(task, openid, offered))
            return PlainTextResponse(SUCCESS)
        answer, payloads = wx.render(task.result())
        await asyncio.to_thread(self.options.remember, openid, payloads, offered)
        chunks = wx.split(answer)
        if not chunks:
            return PlainTextResponse(SUCCESS)
        response = self._passive(msg, chunks[0], cb)
        if len(chunks) > 1 and await asyncio.to_thread(self._claim, meta_key(MORE, message_id)):
            response.background = BackgroundTask(send_answer, self, openid, chunks[1:])
        return response

    async def _answer_later(
        self, task: asyncio.Future[Any], openid: str, offered: list[str]
    ) -> None:
        try:
            replies = await task
        except Exception as exc:  # noqa: BLE001 - the worker must hear that it did not work
            log.error("WeChat message failed after the passive-reply window: %s", describe(exc))
            await send_texts(self, openid, [wx.ASYNC_FAILED])
            return
        answer, payloads = wx.render(replies)
        await asyncio.to_thread(self.options.remember, openid, payloads, offered)
        await send_answer(self, openid, wx.split(answer))

    def _passive(self, msg: Any, text: str, cb: _Callback) -> Response:
        content = text.replace("]]>", "]]]]><![CDATA[>")  # keep the CDATA section intact
        xml = TextReply(content=content, message=msg).render()
        if cb.safe and self.crypto is not None:
            xml = self.crypto.encrypt_message(xml, cb.nonce, str(int(time.time())))
        return Response(xml, media_type="application/xml")

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _claim(self, key: str) -> bool:
        self._claims += 1
        if self._claims % 500 == 0:
            self._prune()
        return self.meta.claim(key, str(int(time.time())))

    # -- sending ------------------------------------------------------------------------------
    async def send(self, push: Push) -> bool:
        """A staff reply or case notice: customer service within 48 h, else a template if set."""
        return await deliver_push(self, push)
