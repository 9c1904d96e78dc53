"""WeChat as the bot meets it: a signing, encrypting callback sender and a stand-in API server."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "wxtesttoken"
APPID = "wx1234567890abcdef"
SECRET = "test-app-secret"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters, as WeChat issues them
ACCOUNT = "gh_0123456789ab"


class WeChatAPI:
    """A local stand-in for api.weixin.qq.com that records every call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.custom_errcode = 0  # set to 45015 to refuse customer-service messages
        self.tokens = itertools.count(1)
        self.media: dict[str, tuple[bytes, str]] = {}  # media_id -> (bytes, content type)
        self._lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                found = api.media_get(self.path)
                if found is None:
                    self._answer(api.handle("GET", self.path, None))
                    return
                media_id, data, kind = found
                # media/get answers with the file itself, as api.weixin.qq.com does
                ext = {"image/jpeg": "jpg", "image/png": "png"}.get(kind, "bin")
                self.send_response(200)
                self.send_header("Connection", "close")
                self.send_header("Content-Type", kind)
                self.send_header("Content-disposition", f'attachment; filename="{media_id}.{ext}"')
                self.send_header("Cache-Control", "no-cache, must-revalidate")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                self._answer(api.handle("POST", self.path, body))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cgi-bin/"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def add_media(self, data: bytes, content_type: str = "image/jpeg") -> str:
        """A file WeChat holds for three days after a worker sent it; its MediaId."""
        media_id = f"MEDIA_{len(self.media):04d}_" + "x" * 40
        self.media[media_id] = (data, content_type)
        return media_id

    def media_get(self, path: str) -> tuple[str, bytes, str] | None:
        """media/get of a known file with a valid token (else handle() answers the error)."""
        url = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path != "/cgi-bin/media/get":
            return None
        if not query.get("access_token", "").startswith("ACCESS-TOKEN-"):
            return None
        found = self.media.get(query.get("media_id", ""))
        if found is None:
            return None
        with self._lock:
            self.calls.append({"endpoint": "media/get", "query": query, "body": None})
        return query["media_id"], found[0], found[1]

    def handle(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        url = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        endpoint = url.path.removeprefix("/cgi-bin/")
        with self._lock:
            self.calls.append(
                {"endpoint": endpoint, "query": query, "body": body, "at": time.monotonic()}
            )
        if endpoint == "token":
            if (query.get("appid"), query.get("secret")) != (APPID, SECRET):
                return {"errcode": 40013, "errmsg": "invalid appid"}
            return {"access_token": f"ACCESS-TOKEN-{next(self.tokens)}", "expires_in": 7200}
        if not query.get("access_token", "").startswith("ACCESS-TOKEN-"):
            return {"errcode": 40001, "errmsg": "invalid credential"}
        if endpoint == "message/custom/send" and self.custom_errcode:
            return {"errcode": self.custom_errcode, "errmsg": "response out of time limit"}
        if endpoint in ("message/custom/send", "menu/create"):
            return {"errcode": 0, "errmsg": "ok"}
        if endpoint == "media/get":  # an unknown or expired MediaId
            return {"errcode": 40007, "errmsg": "invalid media_id"}
        if endpoint == "message/template/send":
            return {"errcode": 0, "errmsg": "ok", "msgid": 200228332}
        return {"errcode": 404, "errmsg": "not in the stand-in"}

    def sent(self, endpoint: str = "message/custom/send") -> list[dict[str, Any]]:
        with self._lock:
            return [c for c in self.calls if c["endpoint"] == endpoint]

    def texts(self) -> list[str]:
        return [c["body"]["text"]["content"] for c in self.sent()]

    def wait_for(self, count: int, endpoint: str = "message/custom/send", timeout: float = 10):
        deadline = time.monotonic() + timeout
        while len(self.sent(endpoint)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} calls to {endpoint}: {self.calls}")
            time.sleep(0.02)
        return self.sent(endpoint)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def wechat_api() -> Iterator[WeChatAPI]:
    api = WeChatAPI()
    yield api
    api.stop()


def wechat_env(api: WeChatAPI) -> dict[str, str]:
    return {
        "wechat_token": TOKEN,
        "wechat_appid": APPID,
        "wechat_secret": SECRET,
        "wechat_aes_key": AES_KEY,
        "wechat_api_base_url": api.url,
    }


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path, wechat_api: WeChatAPI) -> Settings:
    """The root fixture's settings with the WeChat channel switched on (overrides it here)."""
    settings = Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
        **wechat_env(wechat_api),
    )
    settings.config.reminders.enabled = False  # as tests/conftest.py: no real-clock reminders
    return settings


@pytest.fixture
def channel(bot):  # noqa: ANN001, ANN201
    (found,) = [p for p in bot.channels.plugins() if p.name == "wechat"]
    return found


def sign(token: str, *parts: str) -> str:
    return hashlib.sha1("".join(sorted((token, *parts))).encode()).hexdigest()


class WeChatServer:
    """Sends callbacks exactly as WeChat does: signed query, XML body, AES in safe mode."""

    _msg_ids = itertools.count(24_000_000_000_000_001)
    _nonces = itertools.count(100_000)

    def __init__(self, http: httpx.Client, safe: bool = True) -> None:
        self.http = http
        self.safe = safe
        self.crypto = WeChatCrypto(TOKEN, AES_KEY, APPID)
        self.clock = int(time.time())

    def xml(self, openid: str, msg_type: str, **fields: Any) -> str:
        self.clock += 1
        body = {
            "ToUserName": ACCOUNT,
            "FromUserName": openid,
            "CreateTime": self.clock,
            "MsgType": msg_type,
            **fields,
        }
        if msg_type != "event" and "MsgId" not in body:
            body["MsgId"] = next(self._msg_ids)
        return xmltodict.unparse({"xml": body}, full_document=False)

    def seal(
        self,
        xml: str | bytes,
        safe: bool | None = None,
        timestamp: str | None = None,
        nonce: str | None = None,
        **query: str,
    ) -> tuple[dict[str, str], str | bytes]:
        """The query and body of one delivery, signed (and encrypted) as WeChat does."""
        safe = self.safe if safe is None else safe
        timestamp = timestamp or str(int(time.time()))
        nonce = nonce or str(next(self._nonces))
        params = {"signature": sign(TOKEN, timestamp, nonce), "timestamp": timestamp}
        params.update(nonce=nonce, openid="ignored")
        body: str | bytes = xml
        if safe:
            envelope = xmltodict.parse(self.crypto.encrypt_message(xml, nonce, timestamp))["xml"]
            params.update(encrypt_type="aes", msg_signature=envelope["MsgSignature"])
            body = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>"
        params.update(query)
        return params, body

    def post(self, xml: str | bytes, safe: bool | None = None, **query: str) -> httpx.Response:
        """One delivery of a callback, freshly signed (call again with the same xml for a
        retry; `send` repeats a sealed delivery byte for byte, query included)."""
        return self.send(*self.seal(xml, safe, **query))

    def send(self, params: dict[str, str], body: str | bytes) -> httpx.Response:
        return self.http.post("/webhooks/wechat", params=params, content=body)

    def reply(self, response: httpx.Response) -> dict[str, Any] | None:
        """The passive reply WeChat would show (decrypted, signature checked); None for success."""
        assert response.status_code == 200, response.text
        if response.text in ("success", ""):
            return None
        outer = xmltodict.parse(response.text)["xml"]
        if "Encrypt" in outer:
            plain = self.crypto.decrypt_message(
                response.text, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"]
            )
            return xmltodict.parse(plain)["xml"]
        return outer

    def say(self, openid: str, text: str) -> str | None:
        """A text message; the text of the passive reply."""
        found = self.reply(self.post(self.xml(openid, "text", Content=text)))
        if found is not None:
            assert found["ToUserName"] == openid and found["FromUserName"] == ACCOUNT
            assert len(found["Content"].encode()) <= 2048
        return None if found is None else found["Content"]

    def event(self, openid: str, event: str, key: str | None = None) -> str | None:
        fields: dict[str, Any] = {"Event": event}
        if key is not None:
            fields["EventKey"] = key
        found = self.reply(self.post(self.xml(openid, "event", **fields)))
        return None if found is None else found["Content"]


@pytest.fixture
def wechat(http: httpx.Client) -> WeChatServer:
    return WeChatServer(http)


def option(reply: str, title_part: str) -> str:
    """The number WeChat users type for the option whose title contains `title_part`."""
    for n, title in re.findall(r"^回复 (\d+) (.+)$", reply, flags=re.M):
        if title_part in title:
            return n
    raise AssertionError(f"no option with {title_part!r} in {reply!r}")
