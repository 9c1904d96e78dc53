"""WeChat's five seconds: what one attempt has to say, and which messages are answered later.

WeChat waits five seconds for a callback's answer, then drops the connection and tries again
(three attempts in all); it stops at the first answer it hears in time. So the callback
answers by a deadline whatever the database does: the work for an attempt (checking the
nonce, running the engine, remembering the options) runs as a task, and an attempt whose
task is not done by the deadline answers `success` and is answered *later*, by the
customer-service API, once the task is done and the message is claimed in the database
(one claim per message id, so one customer-service answer across all processes).

Within a process, once one attempt of a message has gone late, no later attempt of it gives
a passive reply (they go late too): WeChat may not have heard the first `success`, and a
passive reply heard by WeChat plus the customer-service answer would tell the worker twice.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field


class Replayed(Exception):  # noqa: N818 - a verdict, not an error condition
    """The signed query was used before for something else: not from WeChat."""


@dataclass(frozen=True)
class Answer:
    """The answer to one message in WeChat-sized pieces (none: nothing to say, `success`)."""

    chunks: list[str] = field(default_factory=list)


QUIET = Answer()


class LateAnswers:
    """Message ids this process answered `success` to and will answer by customer service.

    A mark lasts while its answer is on the way and `memory` seconds after, by which time
    the customer-service claim in the database speaks for it to every process.
    """

    def __init__(self, memory: float = 60.0) -> None:
        self.memory = memory
        self._pending: Counter[str] = Counter()
        self._until: dict[str, float] = {}

    def begin(self, key: str) -> None:
        self._pending[key] += 1

    def end(self, key: str) -> None:
        self._pending[key] -= 1
        if self._pending[key] <= 0:
            del self._pending[key]
        now = time.monotonic()
        self._until[key] = now + self.memory
        if len(self._until) > 1000:
            self._until = {k: t for k, t in self._until.items() if t > now}

    def __contains__(self, key: object) -> bool:
        if key in self._pending:
            return True
        until = self._until.get(key)  # type: ignore[call-overload]
        return until is not None and until > time.monotonic()
