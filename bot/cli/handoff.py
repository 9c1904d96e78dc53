"""`workerbot handoff list / say / release`: conversations held for a human, from the terminal."""

from __future__ import annotations

import asyncio
from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, built_app, load_settings, migrated_db

handoff_app = typer.Typer(help="Conversations held for a human, from the terminal.")


@handoff_app.command("list")
def handoff_list(config: Path | None = ConfigOpt) -> None:
    """Conversations waiting for or held by a human."""
    from bot.staff.handoff import Desk

    items = Desk(migrated_db(load_settings(config))).queue()
    if not items:
        typer.echo("no conversation is waiting for a human")
    for it in items:
        typer.echo(
            f"#{it.conversation_id}\t{it.channel}\t{it.state}\t{it.reason or '-'}\t{it.waiting_since}"
        )


@handoff_app.command("say")
def handoff_say(conversation_id: int, text: str, config: Path | None = ConfigOpt) -> None:
    """Send a staff message to the worker (delivered by the worker's channel)."""
    bot = built_app(config)
    push = bot.desk.say(conversation_id, text)
    delivered = asyncio.run(bot.channels.deliver(push))
    typer.echo(
        "delivered"
        if delivered
        else "not delivered (see the log); it is recorded in the conversation"
    )


@handoff_app.command("release")
def handoff_release(conversation_id: int, config: Path | None = ConfigOpt) -> None:
    """Hand a conversation back to the bot."""
    bot = built_app(config)
    push = bot.desk.release(conversation_id)
    asyncio.run(bot.channels.deliver(push))
    typer.echo(f"conversation #{conversation_id} is back with the bot")
