"""GET /metrics: the Prometheus text, for allowed addresses or a bearer token.

The client address is the one the app sees everywhere (`request.client`): the TCP peer's,
unless the peer is one of `server.trusted_proxies`, whose X-Forwarded-For uvicorn believes
(bot/web/proxies.py) — so a client cannot name itself an allowed address. A scrape reads
the database (the staff queue) in a read transaction on a thread, never on the event loop,
and never writes.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Callable, Sequence

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(allowed: Sequence[str]) -> list[IPNetwork]:
    return [ipaddress.ip_network(item, strict=False) for item in allowed]


def address_allowed(host: str | None, allowed: Sequence[IPNetwork]) -> bool:
    """Whether the client address lies in one of the allowed networks (an IPv4 address
    mapped into IPv6, ::ffff:127.0.0.1, counts as the IPv4 one)."""
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # not an address (a Unix socket, a test client's name)
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address.version == net.version and address in net for net in allowed)


def token_given(request: Request, token: str | None) -> bool:
    """The request carries `Authorization: Bearer <token>` with the configured token."""
    if not token:
        return False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


def router(
    render: Callable[[], bytes], content_type: str, allowed: Sequence[str], token: str | None
) -> APIRouter:
    """The /metrics route; `render` builds one scrape's text (it may read the database)."""
    allowed_networks = networks(allowed)
    api = APIRouter()

    @api.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        host = request.client.host if request.client else None
        if not (address_allowed(host, allowed_networks) or token_given(request, token)):
            return PlainTextResponse("forbidden\n", status_code=403)
        body = await run_in_threadpool(render)
        return Response(body, media_type=content_type)

    return api
