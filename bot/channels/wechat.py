"""WeChat official account (公众号): the callback at /webhooks/wechat and pushes to workers.

Every request is checked before anything is read or stored (wechat_gate.py: signature,
freshness, safe mode; wechat_nonces.py: each signed query once). WeChat waits five seconds
for a reply and then retries (three attempts in all); the callback answers by a deadline
whatever the database does (wechat_timing.py): an answer ready in time is the passive reply
(encrypted in safe mode); otherwise `success` at once and the answer goes out through the
customer-service API when ready. Retries never run anything twice: the engine answers a
retried message id from its record, and an answer sent through customer service is claimed
in `meta`, so it is sent once and its retries only get `success`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
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
from bot.channels.wechat_gate import CallbackGate, Refusal, Signed, bad_request, forbidden
from bot.channels.wechat_media import fetch_image
from bot.channels.wechat_nonces import NonceBook
from bot.channels.wechat_push import deliver_push, send_answer
from bot.channels.wechat_store import (
    CHANNEL,
    OfferedOptions,
    close_conversation,
    conversation_state,
)
from bot.channels.wechat_timing import QUIET, Answer, LateAnswers, Replayed
from bot.channels.wechat_wire import describe, event_id, parse, read_limited
from bot.core.attachments import Attachment
from bot.core.messages import Incoming, Push, Reply
from bot.store.meta import MetaStore, meta_key
from bot.store.models import STATE_WAITING, STATE_WITH_HUMAN

if TYPE_CHECKING:
    from bot.core.ports import Handle
    from bot.settings import Settings
    from bot.store.db import Database

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
STRONG_TOKEN, MAX_TOKEN = 16, 32  # WeChat takes Tokens of 3 to 32 letters and digits
SUCCESS = "success"
ASYNC, MORE = "wx:async:", "wx:more:"
RETRY_RECORD_DAYS = 1  # WeChat retries within seconds; older retry records are pruned
GREETING = "/greet"  # what a new follower (or a QR-code scan) says to the bot
HELP = "/help"  # a click on a menu key this version does not know


def _key(msg: Any) -> str:
    """The message id retries share: MsgId, or sender + time + event + key for events."""
    return event_id(msg) if msg.type == "event" else str(msg.id)


REPLAYED = forbidden("signed query used before for another request (a replay)")


def _refuse(refusal: Refusal) -> Response:
    (log.warning if refusal.signed else log.info)("WeChat request refused: %s", refusal.reason)
    return PlainTextResponse(refusal.text, status_code=refusal.status)


class WeChatChannel(ChannelPlugin):
    name = CHANNEL
    # seconds to wait for the engine before answering `success` and replying later: WeChat's
    # 5 s also cover the network both ways and a busy host (docs/wechat.md)
    reply_timeout = 3.0

    def __init__(self, handle: Handle, db: Database, settings: Settings) -> None:
        self.handle, self.db, self.settings = handle, db, settings
        env = settings.env
        self.token = env.wechat_token or ""
        if len(self.token) < STRONG_TOKEN:  # one logged callback URL is enough to guess it
            log.warning("WECHAT_TOKEN is short: use %d random letters and digits", MAX_TOKEN)
        self.crypto: WeChatCrypto | None = None
        if env.wechat_aes_key:
            try:
                self.crypto = WeChatCrypto(self.token, env.wechat_aes_key, env.wechat_appid)
            except (AssertionError, ValueError) as exc:
                raise ValueError(
                    "WECHAT_AES_KEY must be the 43-character EncodingAESKey of the account"
                ) from exc
        window = settings.config.wechat.callback_window_seconds
        self.gate = CallbackGate(self.token, self.crypto, window)
        self.nonces = NonceBook(db, window)
        self.late = LateAnswers()
        self.clicks = settings.config.wechat.click_payloads()
        self.meta = MetaStore(db)
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
            self._client = make_client(self.settings, self.db)
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
                return _refuse(REPLAYED)
            return PlainTextResponse(request.query_params.get("echostr", ""))

        @api.post("/webhooks/wechat")
        async def callback(request: Request) -> Response:
            return await self._callback(request)

        return api

    async def _callback(self, request: Request) -> Response:
        deadline = asyncio.get_running_loop().time() + self.reply_timeout
        body = await read_limited(request, MAX_BODY_BYTES)
        if body is None:
            return PlainTextResponse("too large", status_code=413)
        checked = self.gate.message(request.query_params, body)
        if isinstance(checked, Refusal):
            return _refuse(checked)
        msg = parse(checked.xml)
        if msg is None:
            return _refuse(bad_request("not a WeChat message"))
        work = asyncio.ensure_future(self._attempt(msg, checked))
        return await self._in_time(work, msg, checked, deadline)

    def _admit(self, checked: Signed) -> bool:
        return self.nonces.admit(checked.timestamp, checked.nonce, checked.digest)

    async def _attempt(self, msg: Any, checked: Signed) -> Answer:
        """All the work for one delivery, database included: it may outlast the deadline."""
        if not await asyncio.to_thread(self._admit, checked):
            raise Replayed
        if await asyncio.to_thread(self.meta.get, meta_key(ASYNC, _key(msg))) is not None:
            return QUIET  # a retry of an answer sent by customer service
        return await self._dispatch(msg)

    async def _in_time(
        self, work: asyncio.Future[Answer], msg: Any, checked: Signed, deadline: float
    ) -> Response:
        """The passive reply if the work is done by the deadline, else `success` (answer later)."""
        key = _key(msg)
        remaining = max(deadline - asyncio.get_running_loop().time(), 0)
        done, _ = await asyncio.wait({work}, timeout=remaining)
        if done and isinstance(work.exception(), Replayed):
            return _refuse(REPLAYED)
        if not done or key in self.late:
            self.late.begin(key)
            self._spawn(self._answer_later(work, key, msg.source))
            return PlainTextResponse(SUCCESS)
        if (exc := work.exception()) is not None:  # answer 500 so that WeChat retries it
            log.error("WeChat %s message failed: %s", msg.type, describe(exc))
            return PlainTextResponse("error", status_code=500)
        chunks = work.result().chunks
        if not chunks:
            return PlainTextResponse(SUCCESS)
        response = self._passive(msg, chunks[0], checked)
        if len(chunks) > 1:
            response.background = BackgroundTask(self._send_rest, key, msg.source, chunks[1:])
        return response

    # -- messages -------------------------------------------------------------------------
    async def _dispatch(self, msg: Any) -> Answer:
        kind = msg.type
        if kind == "text":
            text = msg.content if isinstance(msg.content, str) else ""
            return await self._converse(msg, text, str(msg.id))
        if kind == "voice":
            heard = msg.recognition.strip() if isinstance(msg.recognition, str) else ""
            if heard:
                return await self._converse(msg, heard, str(msg.id))
            return await self._media(msg, "voice")
        if kind == "event":
            return await self._event(msg)
        if kind == "image" and isinstance(msg.media_id, str) and msg.media_id:
            return await self._image(msg)
        return await self._media(msg, kind)

    async def _image(self, msg: Any) -> Answer:
        """A photo: evidence for the worker's case, fetched from WeChat (while a human holds
        the conversation it is noted for staff as before)."""
        state = await asyncio.to_thread(conversation_state, self.db, msg.source)
        if state in (STATE_WAITING, STATE_WITH_HUMAN):
            return await self._media(msg, "image")
        cap = self.settings.config.evidence.max_bytes

        def fetch() -> Attachment | None:
            return fetch_image(self.client, msg.media_id, cap)

        return await self._converse(msg, "", str(msg.id), fetch)

    async def _event(self, msg: Any) -> Answer:
        event = msg.event
        if event == "unsubscribe":
            await asyncio.to_thread(close_conversation, self.db, msg.source)
            await asyncio.to_thread(self.options.forget, msg.source)
            return QUIET
        if event in ("subscribe", "subscribe_scan", "scan"):
            return await self._converse(msg, GREETING, event_id(msg))
        if event == "click":
            key = msg.key if isinstance(msg.key, str) else ""
            payload = self.clicks.get(key, HELP)
            return await self._converse(msg, payload, event_id(msg))
        return QUIET  # view, location reports, job results: nothing to say

    async def _media(self, msg: Any, kind: str) -> Answer:
        """A kind reply to what the bot cannot read; logged for staff when a human holds it."""
        state = await asyncio.to_thread(conversation_state, self.db, msg.source)
        if state in (STATE_WAITING, STATE_WITH_HUMAN):
            return await self._converse(msg, wx.MEDIA_LOG_TEXT.get(kind, f"[{kind}]"), str(msg.id))
        if kind == "voice":
            return Answer([wx.VOICE_NOT_UNDERSTOOD])
        return Answer([wx.MEDIA_NOT_UNDERSTOOD.get(kind, wx.MEDIA_DEFAULT)])

    async def _converse(
        self,
        msg: Any,
        text: str,
        message_id: str,
        fetch: Callable[[], Attachment | None] | None = None,
    ) -> Answer:
        """Run the engine once for this message id (a retry in this process shares the run);
        `fetch` downloads the file the message carries, inside that one run."""
        openid = msg.source
        offered = await asyncio.to_thread(self.options.offered, openid)
        if text:
            text = wx.pick_option(text, offered) or text
        task = self._inflight.get(message_id)
        if task is None:  # a retry while the first attempt still runs shares its answer
            task = asyncio.ensure_future(self._run(openid, text, message_id, fetch))
            self._inflight[message_id] = task
            task.add_done_callback(lambda _t: self._inflight.pop(message_id, None))
        answer, payloads = wx.render(await task)
        await asyncio.to_thread(self.options.remember, openid, payloads, offered)
        return Answer(wx.split(answer))

    async def _run(
        self,
        openid: str,
        text: str,
        message_id: str,
        fetch: Callable[[], Attachment | None] | None,
    ) -> list[Reply]:
        attachment = None
        if fetch is not None:
            attachment = await asyncio.to_thread(fetch)
            if attachment is None:
                return [{"text": wx.IMAGE_GONE}]
        incoming = Incoming(CHANNEL, openid, text, message_id, attachment=attachment)
        return await self.handle(incoming)

    async def _answer_later(self, work: asyncio.Future[Answer], key: str, openid: str) -> None:
        """After `success`: the answer by customer service once the work is done (once)."""
        try:
            try:
                chunks = (await work).chunks
            except Replayed:
                return
            except Exception as exc:  # noqa: BLE001 - the worker must hear that it did not work
                log.error("WeChat message failed after the passive-reply window: %s", describe(exc))
                chunks = [wx.ASYNC_FAILED]
            if chunks and await asyncio.to_thread(self._claim, meta_key(ASYNC, key)):
                await send_answer(self, openid, chunks)
        except Exception as exc:  # noqa: BLE001 - e.g. the claim failed: nothing sent twice
            log.error("WeChat answer after the window failed: %s", describe(exc))
        finally:
            self.late.end(key)

    async def _send_rest(self, key: str, openid: str, chunks: list[str]) -> None:
        """The pieces of a long answer after its passive first piece (once per message)."""
        try:
            if await asyncio.to_thread(self._claim, meta_key(MORE, key)):
                await send_answer(self, openid, chunks)
        except Exception as exc:  # noqa: BLE001 - after the response: log, never raise
            log.error("WeChat rest of a long answer failed: %s", describe(exc))

    def _passive(self, msg: Any, text: str, checked: Signed) -> Response:
        """The reply in the callback's response: encrypted with the request's nonce if it was."""
        content = text.replace("]]>", "]]]]><![CDATA[>")  # keep the CDATA section intact
        xml = TextReply(content=content, message=msg).render()
        if checked.safe and self.crypto is not None:
            xml = self.crypto.encrypt_message(xml, checked.nonce, str(int(time.time())))
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
