"""`workerbot run` says where it listens and which pages to open, and those addresses are
the ones that answer (a person starting it reads this line first)."""

from __future__ import annotations

import re

import httpx

from tests.server.conftest import workerbot_run
from tests.support import TLS

LINE = re.compile(
    r"workerbot is starting on (?P<base>http://127\.0\.0\.1:\d+): web chat (?P<chat>\S+),"
    r" staff console (?P<console>\S+), admin (?P<admin>\S+) \(Ctrl\+C stops it\)"
)


def test_the_startup_line_names_the_address_and_the_pages_that_answer(tmp_path, model_dir):
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    with workerbot_run(tmp_path, model_dir, url, workers=1) as served:
        found = LINE.search(served.log())
        assert found, served.log()
        assert found["base"] == served.url
        pages = {name: found[name] for name in ("chat", "console", "admin")}
        assert pages == {name: f"{served.url}/{name}" for name in pages}
        with httpx.Client(timeout=30, verify=TLS) as client:
            chat = client.get(pages["chat"])
            assert chat.status_code == 200 and "<html" in chat.text.lower()
            for name in ("console", "admin"):  # staff and admin pages ask for a login first
                page = client.get(pages[name], follow_redirects=True)
                assert page.status_code == 200, (name, page.status_code)
                assert "login" in str(page.url), (name, page.url)
