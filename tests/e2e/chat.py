"""A worker talking to the bot over the real REST webhook."""

from __future__ import annotations

import itertools

import httpx

_ids = itertools.count(1)


class Worker:
    def __init__(self, http: httpx.Client, sender: str) -> None:
        self.http, self.sender = http, sender
        self.last: list[dict] = []

    def say(self, message: str, message_id: str | None = None) -> list[dict]:
        body = {"sender": self.sender, "message": message}
        if message_id is not None:
            body["message_id"] = message_id
        r = self.http.post("/webhooks/rest/webhook", json=body)
        assert r.status_code == 200, r.text
        self.last = r.json()
        for item in self.last:
            assert item["recipient_id"] == self.sender
        return self.last

    @property
    def text(self) -> str:
        return "\n".join(m.get("text", "") for m in self.last)

    @property
    def buttons(self) -> list[dict]:
        return [b for m in self.last for b in m.get("buttons", [])]

    def press(self, title_part: str) -> list[dict]:
        """Press the first button whose title contains `title_part` (sends its payload)."""
        for b in self.buttons:
            if title_part in b["title"]:
                return self.say(b["payload"])
        raise AssertionError(f"no button with {title_part!r} in {self.buttons}")
