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
    """A request not let in: the HTTP status, a short word for the body, and why (for the
    log: fixed wording, never anything from the request but a clock difference)."""

    status: int
    text: str
    reason: str

    @property
    def signed(self) -> bool:
        """Refused although its query was signed with our token: a clock or setup problem,
        or somebody replaying WeChat's requests (worth a warning; unsigned noise is not)."""
        return self.reason != UNSIGNED


UNSIGNED = "query signature does not match WECHAT_TOKEN"


def forbidden(reason: str) -> Refusal:
    return Refusal(403, "forbidden", reason)


def bad_request(reason: str) -> Refusal:
    return Refusal(400, "bad request", reason)


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
            return forbidden(UNSIGNED)
        if not _SECONDS.fullmatch(timestamp):
            return forbidden("timestamp is not whole seconds")
        if not self.fresh(timestamp):
            ahead = int(timestamp) - int(time.time())
            where = f"{ahead} s ahead of" if ahead > 0 else f"{-ahead} s behind"
            return forbidden(f"timestamp {where} this server's clock (window {self.window} s)")
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
            if encrypted:  # no key to read it with
                return forbidden("encrypted message but WECHAT_AES_KEY is not set")
            return Signed(timestamp, nonce, digest, body)
        if not encrypted:  # safe mode: a plain body is anybody's
            return forbidden("plain message but WECHAT_AES_KEY is set (safe mode)")
        if has_doctype(body):
            return bad_request("XML with a DTD")
        try:
            xml = self.crypto.decrypt_message(body, q.get("msg_signature", ""), timestamp, nonce)
        except InvalidSignatureException:
            return forbidden("msg_signature does not match")
        except InvalidAppIdException:
            return forbidden("encrypted for another AppID")
        except Exception:  # noqa: BLE001 - whatever is not a well-formed encrypted message
            return bad_request("encrypted message does not decrypt")
        return Signed(timestamp, nonce, digest, xml, safe=True)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
