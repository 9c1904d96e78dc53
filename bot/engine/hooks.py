"""What the union's features add to the generic engine, handed in by the composition root.

The engine knows Rasa's semantics and nothing of the FAQ or the staff desk; these ports let
those features take part in a turn without the engine importing them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from bot.core.messages import Reply

# Rasa's ResponseSelector: a ranked FAQ list for a message, computed with the parse
Ranker = Callable[[str, int], list[dict[str, Any]]]


class DeskHooks(Protocol):
    """The staff desk's part of a worker's turn."""

    def take_rating(self, s: Session, conversation_id: int, text: str) -> tuple[dict, str] | None:
        """Store a satisfaction score answering the desk's question: (event data, thanks), or None."""

    def while_held(
        self, s: Session, conversation_id: int, state: str, text: str
    ) -> tuple[bool, Reply | None]:
        """A worker's message while waiting for staff or talking with them: whether it takes
        the worker back to the bot, and what the bot says (None: silent, staff answer)."""

    def rest_after_leaving(self, text: str) -> str | None:
        """The words after the worker's giving up ("算了不用了 瑜伽课多少钱"), to be answered."""

    def answers_meanwhile(self, text: str, state: str) -> Reply | None:
        """A question the bot can answer ("叉车证要好多钱"), from a worker who stays in the
        queue: what the bot says before answering it, or None when staff answer."""

    def missed(self, conn: Connection, conversation_id: int) -> list[Reply]:
        """For a channel that cannot push: what staff and the desk wrote since the worker's
        latest stored message, shown before the answer to the next (read before it is stored)."""


class NoDesk:
    """An engine without a staff desk: no scores; a held worker is back with the bot at once."""

    def take_rating(self, s: Session, conversation_id: int, text: str) -> tuple[dict, str] | None:
        return None

    def while_held(
        self, s: Session, conversation_id: int, state: str, text: str
    ) -> tuple[bool, Reply | None]:
        return True, None

    def rest_after_leaving(self, text: str) -> str | None:
        return None

    def answers_meanwhile(self, text: str, state: str) -> Reply | None:
        return None

    def missed(self, conn: Connection, conversation_id: int) -> list[Reply]:
        return []


class CaseHooks(Protocol):
    """The mediation desk's part of a worker's turn (bot/mediation/replies.py)."""

    def may_answer(
        self, s: Session, conversation_id: int, text: str, active_loop: str | None
    ) -> bool:
        """Whether the message could answer a mediator: a read, no more, so that the usual
        message (False) costs one query and no savepoint."""

    def take_case_reply(
        self, s: Session, conversation_id: int, text: str, active_loop: str | None
    ) -> str | None:
        """The message answers a mediator (a session button, a pending question): what the
        bot says, with the answer stored; None when the bot answers as usual."""


class NoCases:
    """An engine without the mediation desk."""

    def may_answer(
        self, s: Session, conversation_id: int, text: str, active_loop: str | None
    ) -> bool:
        return False

    def take_case_reply(
        self, s: Session, conversation_id: int, text: str, active_loop: str | None
    ) -> str | None:
        return None


# what became of a worker's message, as the observer is told (docs/deploy.md, "Metrics")
OUTCOME_ANSWERED, OUTCOME_FALLBACK, OUTCOME_HANDOFF, OUTCOME_HELD, OUTCOME_ERROR = (
    "answered",
    "fallback",
    "handoff",
    "held",
    "error",
)


# the stages of a message's turn whose times the observer is told (docs/deploy.md, "Metrics"):
# the NLU parse (with the FAQ ranking), loading the conversation (waiting for its lock, the
# retry check), the policy and its actions, storing the turn (waiting for the write lock,
# the inserts, the commit)
STAGE_PARSE, STAGE_LOAD, STAGE_ACTIONS, STAGE_STORE = "parse", "load", "actions", "store"


class TurnObserver(Protocol):
    """Told about each message the engine handles (the composition root counts them)."""

    def stage(self, name: str, seconds: float) -> None:
        """One stage of a message's turn (STAGE_*) took `seconds`: the parse as soon as it
        is done, the others once the turn is stored (a retry answered from the store has
        none of those)."""

    def handled(self, channel: str, outcome: str) -> None:
        """A message was handled and stored with this outcome (a retry answered from the
        store is not told)."""


class NoObserver:
    def stage(self, name: str, seconds: float) -> None:
        pass

    def handled(self, channel: str, outcome: str) -> None:
        pass


class Laps:
    """The stages of one turn timed one after the other, told to the observer at the end
    (a turn redone under the write lock times its second try only)."""

    def __init__(self) -> None:
        self.mark = time.perf_counter()
        self.times: list[tuple[str, float]] = []

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.times.append((stage, now - self.mark))
        self.mark = now

    def tell(self, observer: TurnObserver) -> None:
        for stage, seconds in self.times:
            observer.stage(stage, seconds)
