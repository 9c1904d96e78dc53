"""Is this request from WeChat? Signatures, freshness and safe mode, before anything is stored.

WeChat signs each callback's query: sha1 of the sorted token, timestamp and nonce. In safe
mode (an EncodingAESKey configured) the body is encrypted and signed too (`msg_signature`
over token, timestamp, nonce and the ciphertext); a plain body is then refused, whatever
the query says. The timestamp must be within `wechat.callback_window_seconds` of our clock
(WeChat sends its current time), so a query copied from a log soon stops working; within
the window the nonce book (wechat_nonces.py) lets each signed query in once. Nothing here
touches the database.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from starlette.datastructures import QueryParams
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException

from bot.channels.wechat_wire import has_doctype, signed

_SECONDS = re.compile(r"[0-9]{1,12}")  # ASCII digits only (str.isdigit takes "１２")


@dataclass(frozen=True)
class Refusal:
    """Why a request is not let in: the HTTP status and a short word for the body."""

    status: int
    text: str


FORBIDDEN = Refusal(403, "forbidden")
BAD_REQUEST = Refusal(400, "bad request")


@dataclass(frozen=True)
class Signed:
    """A request WeChat signed: its timestamp and nonce (the replay key) and the body's digest."""

    timestamp: str
    nonce: str
    digest: str
    xml: bytes | str = b""
    safe: bool = False


class CallbackGate:
    """Checks every request on /webhooks/wechat before the channel looks at its content."""

    def __init__(self, token: str, crypto: WeChatCrypto | None, window_seconds: int) -> None:
        self.token = token
        self.crypto = crypto
        self.window = window_seconds

    def fresh(self, timestamp: str, now: float | None = None) -> bool:
        """Whole seconds within the window either side of our clock."""
        if not _SECONDS.fullmatch(timestamp):
            return False
        now = time.time() if now is None else now
        return abs(now - int(timestamp)) <= self.window

    def _query(self, q: QueryParams) -> tuple[str, str] | Refusal:
        timestamp, nonce = q.get("timestamp", ""), q.get("nonce", "")
        if not signed(self.token, q.get("signature"), timestamp, nonce):
            return FORBIDDEN
        if not self.fresh(timestamp):
            return FORBIDDEN
        return timestamp, nonce

    def verification(self, q: QueryParams) -> Signed | Refusal:
        """The GET with which WeChat checks the URL: signed and fresh like any callback."""
        checked = self._query(q)
        if isinstance(checked, Refusal):
            return checked
        echostr = q.get("echostr", "")
        return Signed(*checked, digest=_digest(b"GET " + echostr.encode()))

    def message(self, q: QueryParams, body: bytes) -> Signed | Refusal:
        """A POSTed callback: its XML, decrypted in safe mode (where only that is accepted)."""
        checked = self._query(q)
        if isinstance(checked, Refusal):
            return checked
        timestamp, nonce = checked
        digest = _digest(b"POST " + body)
        encrypted = q.get("encrypt_type") == "aes"
        if self.crypto is None:
            if encrypted:
                return FORBIDDEN  # no key to read it with: not our account's configuration
            return Signed(timestamp, nonce, digest, body)
        if not encrypted:
            return FORBIDDEN  # safe mode: a plain body is anybody's
        if has_doctype(body):
            return BAD_REQUEST
        try:
            xml = self.crypto.decrypt_message(body, q.get("msg_signature", ""), timestamp, nonce)
        except (InvalidSignatureException, InvalidAppIdException):
            return FORBIDDEN
        except Exception:  # noqa: BLE001 - whatever is not a well-formed encrypted message
            return BAD_REQUEST
        return Signed(timestamp, nonce, digest, xml, safe=True)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
