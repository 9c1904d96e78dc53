"""A fake Telegram Bot API: real JSON shapes, every call recorded, served offline or over HTTP.

`FakeBotApi.respond(method, params)` answers like api.telegram.org; `OfflineRequest` hands it
PTB's requests without a network (handler tests), `FakeTelegramServer` serves it on
127.0.0.1 for PTB's own HTTP client (whole-path tests). `TgUser` builds the updates a
worker's phone would cause.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote

from telegram.request import BaseRequest, RequestData

TOKEN = "123:ABC"
BOT_USER = {
    "id": 123,
    "is_bot": True,
    "first_name": "职工服务小助手",
    "username": "workerbot_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}
_JSON_PARAMS = {"reply_markup", "allowed_updates", "commands"}
_INT_PARAMS = {"chat_id", "message_id", "offset", "limit", "timeout"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int
    at: float = 0.0  # time.monotonic() on arrival (rate-limit tests)
    via: str = ""  # which FakeTelegramServer it came through (one per app host in tests/hosts)


def _error(code: int, description: str, **parameters: Any) -> tuple[int, dict]:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return code, body


class FakeBotApi:
    """The Bot API methods workerbot uses, with queued failures and blocked chats."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.cond = threading.Condition()
        self.updates: list[dict] = []
        self.offset = 0
        self.failures: dict[str, list[tuple[int, dict]]] = {}
        self.blocked: set[int] = set()
        self.messages: dict[tuple[int, int], dict] = {}
        self._message_ids = itertools.count(1000)
        self.network_down = False  # OfflineRequest raises like a dead connection
        self.files: dict[str, tuple[str, str, bytes]] = {}  # file_id -> (unique id, path, bytes)
        self.downloads: list[str] = []  # file paths fetched from the file URL

    def add_file(self, data: bytes, folder: str = "photos", ext: str = "jpg") -> dict[str, Any]:
        """A file as Telegram holds it after a worker sent it: its ids and size."""
        n = len(self.files)
        file_id, unique = f"AgACAgIAAxkBAAIC{n:04d}", f"AQAD{n:04d}"
        self.files[file_id] = (unique, f"{folder}/file_{n}.{ext}", data)
        return {"file_id": file_id, "file_unique_id": unique, "file_size": len(data)}

    def download(self, path: str) -> tuple[int, bytes]:
        """GET /file/bot<token>/<file_path>: the bytes, as api.telegram.org serves them."""
        with self.cond:
            self.downloads.append(path)
            for _unique, file_path, data in self.files.values():
                if file_path == path:
                    return 200, data
        return 404, json.dumps(
            {"ok": False, "error_code": 404, "description": "Not Found"}
        ).encode()

    # -- test controls ---------------------------------------------------------------------
    def fail_next(self, method: str, status: int, description: str, **parameters: Any) -> None:
        self.failures.setdefault(method, []).append(_error(status, description, **parameters))

    def queue_update(self, update: dict) -> None:
        with self.cond:
            self.updates.append(update)
            self.cond.notify_all()

    def calls_to(self, method: str) -> list[Call]:
        with self.cond:
            return [c for c in self.calls if c.method == method]

    def sent(self, chat_id: int | None = None, ok_only: bool = True) -> list[dict]:
        """sendMessage parameters, in order."""
        return [
            c.params
            for c in self.calls_to("sendMessage")
            if (chat_id is None or c.params["chat_id"] == chat_id)
            and (c.status == 200 or not ok_only)
        ]

    # -- the API ---------------------------------------------------------------------------
    def respond(self, method: str, params: dict[str, Any], via: str = "") -> tuple[int, dict]:
        params = {k: _decode(k, v) for k, v in params.items()}
        with self.cond:
            call = Call(method, params, 0, time.monotonic(), via)
            self.calls.append(call)  # recorded on arrival (getUpdates may wait a while)
            queued = self.failures.get(method)
            status, body = queued.pop(0) if queued else self._answer(method, params)
            call.status = status
            self.cond.notify_all()
        return status, body

    def _answer(self, method: str, p: dict[str, Any]) -> tuple[int, dict]:
        now = int(time.time())
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method in ("setWebhook", "deleteWebhook", "setMyCommands", "answerCallbackQuery"):
            return 200, {"ok": True, "result": True}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(p)}
        if method == "getFile":
            found = self.files.get(p.get("file_id", ""))
            if found is None:
                return _error(400, "Bad Request: invalid file_id")
            unique, path, data = found
            if len(data) > 20 * 1024 * 1024:  # bots cannot download more than 20 MB
                return _error(400, "Bad Request: file is too big")
            result = {
                "file_id": p["file_id"],
                "file_unique_id": unique,
                "file_size": len(data),
                "file_path": path,
            }
            return 200, {"ok": True, "result": result}
        if method == "sendMessage":
            chat_id = p["chat_id"]
            if chat_id in self.blocked:
                return _error(403, "Forbidden: bot was blocked by the user")
            if not 1 <= len(p.get("text", "")) <= 4096:
                return _error(400, "Bad Request: message text is empty or too long")
            msg: dict[str, Any] = {
                "message_id": next(self._message_ids),
                "from": BOT_USER,
                "chat": {"id": chat_id, "first_name": "小李", "type": "private"},
                "date": now,
                "text": p["text"],
            }
            markup = p.get("reply_markup")
            if markup and markup.get("inline_keyboard"):
                msg["reply_markup"] = markup
            self.messages[(chat_id, msg["message_id"])] = msg
            return 200, {"ok": True, "result": msg}
        if method in ("editMessageText", "editMessageReplyMarkup"):
            msg = self.messages.get((p.get("chat_id"), p.get("message_id")))
            if msg is None:
                return _error(400, "Bad Request: message to edit not found")
            msg = dict(msg, edit_date=now)
            if "text" in p:
                msg["text"] = p["text"]
            markup = p.get("reply_markup")
            if markup and markup.get("inline_keyboard"):
                msg["reply_markup"] = markup
            else:
                msg.pop("reply_markup", None)
            self.messages[(msg["chat"]["id"], msg["message_id"])] = msg
            return 200, {"ok": True, "result": msg}
        return _error(404, "Not Found: method not found")

    def _get_updates(self, p: dict[str, Any]) -> list[dict]:
        offset = p.get("offset") or 0
        # long polling, shortened so tests stay quick; the lock is held only while waiting
        deadline = time.monotonic() + min(float(p.get("timeout") or 0), 0.3)
        if offset:
            self.offset = max(self.offset, offset)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        while not self.updates and time.monotonic() < deadline:
            self.cond.wait(deadline - time.monotonic())
        return list(self.updates[: p.get("limit") or 100])


def _decode(name: str, value: Any) -> Any:
    if name in _JSON_PARAMS and isinstance(value, str):
        return json.loads(value)
    if name in _INT_PARAMS and isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return value


class OfflineRequest(BaseRequest):
    """PTB's transport replaced by a direct call into the fake API: no socket is opened."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **_: Any
    ) -> tuple[int, bytes]:
        if self.api.network_down:
            raise OSError("network is unreachable")
        file_prefix = f"/file/bot{TOKEN}/"
        if file_prefix in unquote(url):  # a file download (File.download_*)
            return self.api.download(unquote(url).split(file_prefix, 1)[1])
        method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        if method == "getUpdates":  # may wait: keep the event loop free
            status, body = await asyncio.to_thread(self.api.respond, method, params)
        else:
            status, body = self.api.respond(method, params)
        return status, json.dumps(body).encode()


class FakeTelegramServer:
    """The fake API over HTTP on a free local port; PTB reaches it through base_url. Several
    servers may share one API, each naming the calls it passed on (`via`)."""

    def __init__(self, api: FakeBotApi, via: str = "") -> None:
        self.api = api
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                prefix, path = f"/file/bot{TOKEN}/", unquote(self.path)  # PTB quotes the ":"
                if path.startswith(prefix):
                    status, data = fake.api.download(path[len(prefix) :])
                    kind = "application/octet-stream" if status == 200 else "application/json"
                else:
                    status, data, kind = 404, b"", "text/plain"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                prefix, _, method = self.path.rpartition("/")
                if prefix != f"/bot{TOKEN}":
                    status, body = _error(401, "Unauthorized")
                else:
                    if self.headers.get("Content-Type", "").startswith("application/json"):
                        params = json.loads(raw or "{}")
                    else:
                        params = dict(parse_qsl(raw, keep_blank_values=True))
                    status, body = fake.api.respond(method, params, via)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot stopped polling and hung up

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/bot"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


_update_ids = itertools.count(700_000)
_user_message_ids = itertools.count(1)


class TgUser:
    """A worker's Telegram client: the updates their taps and messages produce."""

    def __init__(self, api: FakeBotApi, chat_id: int, first_name: str = "小李") -> None:
        self.api, self.chat_id, self.first_name = api, chat_id, first_name
        self.user = {
            "id": chat_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": "zh-hans",
        }
        self.chat = {"id": chat_id, "first_name": first_name, "type": "private"}

    def message(self, **content: Any) -> dict:
        msg = {
            "message_id": next(_user_message_ids),
            "from": self.user,
            "chat": self.chat,
            "date": int(time.time()),
            **content,
        }
        return {"update_id": next(_update_ids), "message": msg}

    def text(self, text: str) -> dict:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self.message(**content)

    def sticker(self) -> dict:
        return self.message(
            sticker={
                "file_id": "CAACAgIAAxkBAAEC",
                "file_unique_id": "AgADbQADwDZPEw",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": "👍",
            }
        )

    def voice(self) -> dict:
        return self.message(
            voice={"file_id": "AwACAgIAAxkBAAEC", "file_unique_id": "AgADvQ", "duration": 3}
        )

    def photo(self, data: bytes, caption: str | None = None) -> dict:
        """A photo as Telegram delivers it: several sizes (the largest is the one sent)."""
        big = self.api.add_file(data)
        small = self.api.add_file(data[: len(data) // 4] or data)
        sizes = [dict(small, width=90, height=67), dict(big, width=1280, height=960)]
        content: dict[str, Any] = {"photo": sizes}
        if caption:
            content["caption"] = caption
        return self.message(**content)

    def document(
        self, data: bytes, file_name: str, mime_type: str, size: int | None = None
    ) -> dict:
        """A file sent as a document; `size` as Telegram states it (defaults to the real one)."""
        ext = file_name.rpartition(".")[2] or "bin"
        held = self.api.add_file(data, "documents", ext)
        if size is not None:
            held["file_size"] = size
        return self.message(document=dict(held, file_name=file_name, mime_type=mime_type))

    def keyboard_message(self, title_part: str) -> tuple[dict, str]:
        """The newest bot message to this chat with a button whose title contains title_part."""
        for (chat_id, _), msg in sorted(self.api.messages.items(), key=lambda kv: -kv[0][1]):
            if chat_id != self.chat_id:
                continue
            for row in (msg.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if title_part in button["text"]:
                        return msg, button["callback_data"]
        raise AssertionError(f"no live button with {title_part!r} for chat {self.chat_id}")

    def press(self, title_part: str) -> dict:
        msg, data = self.keyboard_message(title_part)
        return self.press_on(msg, data)

    def press_on(self, msg: dict, data: str) -> dict:
        query = {
            "id": str(next(_update_ids) * 7),
            "from": self.user,
            "message": msg,
            "chat_instance": "-5523876112345678901",
            "data": data,
        }
        return {"update_id": next(_update_ids), "callback_query": query}
