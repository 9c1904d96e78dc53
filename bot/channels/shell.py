"""Chat with the bot in the terminal (like `rasa shell`): buttons become numbered options."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

from bot.core.messages import Incoming, Reply
from bot.core.ports import Handle


def format_replies(replies: list[Reply]) -> tuple[str, list[str]]:
    """Text to print and the payloads that the numbers 1..n stand for."""
    lines: list[str] = []
    payloads: list[str] = []
    for r in replies:
        lines.append(r.get("text", ""))
        for b in r.get("buttons", []):
            payloads.append(b["payload"])
            lines.append(f"  {len(payloads)}. {b['title']}")
    return "\n".join(lines), payloads


def run_shell(
    handle: Handle,
    sender_id: str | None = None,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
) -> None:
    """Read-eval-print loop until /stop, Ctrl-D or Ctrl-C.

    Every message goes through the bot's one door (`App.handle`), so what a turn causes for
    other workers (a waiting-list place, say) is delivered on their channels as on any other.
    """
    with asyncio.Runner() as runner:
        _loop(lambda incoming: runner.run(handle(incoming)), sender_id, read, write)


def _loop(
    turn: Callable[[Incoming], list[Reply]],
    sender_id: str | None,
    read: Callable[[str], str],
    write: Callable[[str], None],
) -> None:
    sender = sender_id or f"shell-{uuid.uuid4().hex[:8]}"
    write("职工服务小助手（输入 /stop 退出，输入选项编号可点选按钮）")
    payloads: list[str] = []
    while True:
        try:
            text = read("您> ").strip()
        except (EOFError, KeyboardInterrupt):
            write("")
            return
        if text in ("/stop", "/exit", "/quit"):
            return
        if text.isdigit() and 1 <= int(text) <= len(payloads):
            text = payloads[int(text) - 1]
        replies = turn(Incoming("shell", sender, text, uuid.uuid4().hex))
        shown, payloads = format_replies(replies)
        if shown:
            write(f"小助手> {shown}")
