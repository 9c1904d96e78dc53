"""The WeChat API client: one access token for all processes, an overridable API address."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from wechatpy import WeChatClient

from bot.channels.wechat_store import MetaSessionStorage
from bot.settings import Settings, WeChatConfig
from bot.store.db import Database

DEFAULT_API_BASE_URL = WeChatClient.API_BASE_URL
API_TIMEOUT = 10  # seconds for one call to the WeChat API
TOKEN_LOCK_KEY = "wechat:access-token"

# WeChat error codes the channel acts on
OUT_OF_WINDOW = 45015  # the worker has not written in 48 hours: customer-service messages refused


class MissingSecret(RuntimeError):
    """WECHAT_APPID / WECHAT_SECRET are needed to call the WeChat API."""


class SharedTokenClient(WeChatClient):
    """wechatpy's client with the token fetched through API_BASE_URL and shared by processes.

    wechatpy fetches tokens from a fixed address and trusts a cached token without an expiry
    it set itself; here the cache (MetaSessionStorage) expires tokens early, and a fetch first
    looks whether another process refreshed the token meanwhile (WeChat allows 2000 fetches a
    day, and a new token retires the old one five minutes later).
    """

    def __init__(
        self,
        appid: str,
        secret: str,
        session: Any,
        api_base_url: str | None = None,
        token_lock: Callable[[], AbstractContextManager[Any]] | None = None,
        timeout: float = API_TIMEOUT,
    ) -> None:
        super().__init__(appid, secret, session=session, timeout=timeout)
        self.API_BASE_URL = normalise_base_url(api_base_url)
        self._token_lock = token_lock or nullcontext
        self._last_token: str | None = None

    @property
    def access_token(self) -> str:
        token = self.session.get(self.access_token_key)
        if not token:
            self.fetch_access_token()
            token = self.session.get(self.access_token_key)
        self._last_token = token
        return token

    def fetch_access_token(self) -> dict[str, Any]:
        """A new token, unless another process has just stored one we have not tried yet."""
        with self._token_lock():
            cached = self.session.get(self.access_token_key)
            if cached and cached != self._last_token:
                return {"access_token": cached}
            return self._fetch_access_token(
                url=f"{self.API_BASE_URL}token",
                params={
                    "grant_type": "client_credential",
                    "appid": self.appid,
                    "secret": self.secret,
                },
            )


def normalise_base_url(url: str | None) -> str:
    """WECHAT_API_BASE_URL as wechatpy's API_BASE_URL (…/cgi-bin/), with its trailing slash."""
    if not url:
        return DEFAULT_API_BASE_URL
    return url if url.endswith("/") else f"{url}/"


def make_client(settings: Settings, db: Database) -> SharedTokenClient:
    """A client whose token cache lives in this database."""
    env = settings.env
    if not env.wechat_appid or not env.wechat_secret:
        raise MissingSecret("WECHAT_APPID and WECHAT_SECRET must be set to call the WeChat API")
    return SharedTokenClient(
        env.wechat_appid,
        env.wechat_secret,
        session=MetaSessionStorage(db),
        api_base_url=env.wechat_api_base_url,
        token_lock=lambda: db.worker_lock(TOKEN_LOCK_KEY),
    )


def menu_body(config: WeChatConfig) -> dict[str, Any]:
    """The custom menu as WeChat's menu/create expects it (CLICK buttons and groups)."""

    def button(item: Any) -> dict[str, Any]:
        if item.sub_button:
            return {"name": item.name, "sub_button": [button(b) for b in item.sub_button]}
        return {"type": "click", "name": item.name, "key": item.key}

    return {"button": [button(item) for item in config.menu]}
