"""What the union's features add to the generic engine, handed in by the composition root.

The engine knows Rasa's semantics and nothing of the FAQ or the staff desk; these ports let
those features take part in a turn without the engine importing them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.orm import Session

# Rasa's ResponseSelector: a ranked FAQ list for a message, computed with the parse
Ranker = Callable[[str, int], list[dict[str, Any]]]


class DeskHooks(Protocol):
    """The staff desk's part of a worker's turn."""

    def take_rating(self, s: Session, conversation_id: int, text: str) -> tuple[dict, str] | None:
        """Store a satisfaction score answering the desk's question: (event data, thanks), or None."""

    def queue_choice(self, text: str) -> tuple[bool, str] | None:
        """A choice offered to a waiting worker: (leaves the queue, reply), or None."""


class NoDesk:
    """An engine without a staff desk: no scores, no queue choices."""

    def take_rating(self, s: Session, conversation_id: int, text: str) -> tuple[dict, str] | None:
        return None

    def queue_choice(self, text: str) -> tuple[bool, str] | None:
        return None
