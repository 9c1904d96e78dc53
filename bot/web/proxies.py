"""Which peers may say who the client is: uvicorn's proxy-header options from config.

uvicorn believes X-Forwarded-For / X-Forwarded-Proto from 127.0.0.1 unless told otherwise
(and from whatever FORWARDED_ALLOW_IPS names). The login limits count per client address, so
the address the app sees must be the TCP peer's unless that peer is a proxy named in
`server.trusted_proxies`. Every way this project starts uvicorn passes these options.
"""

from __future__ import annotations

from typing import Any


def uvicorn_proxy_options(trusted_proxies: list[str]) -> dict[str, Any]:
    """uvicorn.run / uvicorn.Config keyword arguments: proxy headers off unless proxies are
    configured, and then believed from those peers only (never from the environment)."""
    if not trusted_proxies:
        return {"proxy_headers": False, "forwarded_allow_ips": ""}
    return {"proxy_headers": True, "forwarded_allow_ips": ",".join(trusted_proxies)}
