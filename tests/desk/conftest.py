"""Desk fixtures: the demo mediators, two mediator accounts of different firms, a staff
member and an admin, web-chat workers with cases, and browser-like clients."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from sqlalchemy import select

from bot.app import App
from bot.core.messages import Incoming
from bot.staff import accounts
from bot.store import cases as repo
from bot.store.mediators import load_mediators
from bot.store.models import CaseUpdate, Conversation, Event, MediationCase, Mediator
from tests.conftest import LiveServer
from tests.console.conftest import (  # noqa: F401 - fixtures shared with the console tests
    PASSWORD,
    cheap_hashes,
    settings,
)
from tests.support import HTTP_TIMEOUT, TLS

_CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
WORKER = "worker-desk-0123456789ab"
OTHER_WORKER = "worker-desk-other-012345"


def say(bot: App, sender: str, text: str, mid: str, channel: str = "web") -> str:
    """A worker's message through the whole bot; the replies' text."""
    replies = asyncio.run(bot.handle(Incoming(channel, sender, text, f"{sender}:{mid}")))
    return "\n".join(r.get("text", "") for r in replies)


def mediator_id(bot: App, name: str) -> int:
    with bot.db.read() as s:
        return s.scalar(select(Mediator.id).where(Mediator.name == name))


def file_case(
    bot: App,
    sender: str,
    mediator: str | None = None,
    firm: str | None = None,
    channel: str = "web",
    greet: bool = True,
) -> int:
    """A filed case of a worker who has talked to the bot (`greet`: say hello first), assigned
    as asked."""
    if greet:
        say(bot, sender, "你好", f"hello-{sender}", channel)
    with bot.db.write_lock(), bot.db.session() as s:
        case = repo.create_case(
            s,
            repo.CaseRequest(
                "陈小红",
                "13912345678",
                "重庆某某物流有限公司",
                "拖欠工资",
                "公司拖欠我三个月工资共一万二千元",
                "补发工资",
            ),
            channel=channel,
            sender_id=sender,
            today=date(2026, 11, 22),
        )
        if mediator is not None:
            row = s.scalar(select(Mediator).where(Mediator.name == mediator))
            repo.assign_mediator(s, case, row, "root")
        elif firm is not None:
            case.law_firm = firm
        return case.id


def timeline(bot: App, case_id: int) -> list[tuple[str, str, str]]:
    """(kind, actor, note) of each timeline row, oldest first."""
    with bot.db.read() as s:
        rows = s.scalars(
            select(CaseUpdate).where(CaseUpdate.case_id == case_id).order_by(CaseUpdate.id)
        ).all()
        return [(u.kind, u.actor, u.note) for u in rows]


def case_row(bot: App, case_id: int) -> MediationCase:
    with bot.db.read() as s:
        return s.get(MediationCase, case_id)


def notices(bot: App, sender: str, channel: str = "web") -> list[Event]:
    """The notices recorded in the worker's conversation, oldest first."""
    with bot.db.read() as s:
        cid = s.scalar(
            select(Conversation.id).where(
                Conversation.channel == channel, Conversation.sender_id == sender
            )
        )
        rows = s.scalars(
            select(Event).where(Event.conversation_id == cid, Event.type == "system")
        ).all()
        return [e for e in rows if (e.data or {}).get("notice")]


@pytest.fixture
def people(bot: App) -> dict[str, accounts.Staff]:
    """liu (刘芳, 重庆正衡) and wang (王志强, 重庆明理) mediate; alice is staff, root admin."""
    load_mediators(bot.db, bot.settings.data_dir / "mediators.yml")
    return {
        "liu": accounts.create_user(
            bot.db, "liu", PASSWORD, "mediator", "刘芳", mediator_id(bot, "刘芳")
        ),
        "wang": accounts.create_user(
            bot.db, "wang", PASSWORD, "mediator", "王志强", mediator_id(bot, "王志强")
        ),
        "alice": accounts.create_user(bot.db, "alice", PASSWORD, "staff", "王丽"),
        "root": accounts.create_user(bot.db, "root", PASSWORD, "admin", "管理员"),
    }


class DeskClient:
    """A browser-like client: cookies, and the CSRF token the pages carry."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(
            base_url=base_url, timeout=HTTP_TIMEOUT, follow_redirects=False, verify=TLS
        )
        self.csrf = ""

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        form = self.http.get("/console/login")
        token = _CSRF_FIELD.search(form.text).group(1)
        r = self.http.post(
            "/console/login",
            data={"username": username, "password": password, "csrf_token": token},
        )
        assert r.status_code == 303, r.text
        # the token of the signed-in session, from a page's form
        page = self.http.get("/console/login", follow_redirects=True)
        found = _CSRF_FIELD.search(page.text)
        self.csrf = found.group(1) if found else ""
        return r

    def act(self, case_id: int | str, action: str, **fields: str) -> httpx.Response:
        return self.http.post(
            f"/desk/case/{case_id}/{action}", data={"csrf_token": self.csrf, **fields}
        )

    def get(self, path: str) -> httpx.Response:
        return self.http.get(path)

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def desk(server: LiveServer, people: dict) -> Iterator[dict[str, DeskClient]]:
    """Every account signed in over real HTTP."""
    made = {}
    for name in people:
        made[name] = DeskClient(server.url)
        made[name].login(name)
    yield made
    for c in made.values():
        c.close()
