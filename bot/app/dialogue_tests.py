"""End-to-end conversation tests in the shape of Rasa's E2E test cases, run on the whole bot.

A file holds `test_cases:`, each a `test_case:` name and `steps:`. A `user:` step sends a
message (through `App.handle`, as a channel does); the steps after it check what the bot
answered to that message, until the next `user:` step:

    test_cases:
      - test_case: 年休假之后追问十年
        channel: rest                 # optional; the channel the worker writes on
        steps:
          - user: 年休假有几天
            intent: ask_policy        # optional: the intent the message was parsed as
          - bot_contains: 年休假      # Rasa's `bot:` is exact; ours also take substrings
          - user: 那工作满十年的呢
          - bot_contains: [10天]
          - buttons: [转人工]

A `staff:` step is a union staff member acting in the console on this worker's
conversation: `claim`, `resolve`, `hand_back`, or `{reply: 文本}`; the checks after it apply
to what the worker was sent by that action. On a channel that cannot push (REST) the worker
sees it at the top of the answer to their next message (bot/staff/missed.py): the runner
checks that it is there, and the checks of that `user:` step apply to the rest of the answer.

Checks (each applies to the replies of the latest `user:` or `staff:` step):
- `bot: text`             one reply's text is exactly this (Rasa);
- `bot_contains: x|[..]`  every string is in the replies' text;
- `bot_contains_any: [..]` at least one string is in the replies' text;
- `bot_not_contains: x|[..]` no string is in the replies' text;
- `buttons: [..]`         every title is part of some offered button's title;
- `no_buttons: true`      nothing offered as a button;
- `silent: true`          no reply at all;
- `slot_was_set: [name | {name: value}]` and `slot_was_not_set: [name]` (Rasa);
- `state: bot|waiting_for_human|with_human|closed` the conversation's state afterwards.
"""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from bot.core.messages import Incoming, Reply
from bot.core.yamlfile import parse_rasa_yaml
from bot.staff.accounts import Staff, create_user
from bot.staff.desk import ConsoleDesk
from bot.store.models import EV_USER, Conversation, Event

if TYPE_CHECKING:
    from bot.app import App


@dataclass(frozen=True)
class Case:
    name: str
    steps: list[dict[str, Any]]
    source: str
    channel: str = "rest"


@dataclass
class Outcome:
    case: Case
    failures: list[str] = field(default_factory=list)
    transcript: list[tuple[str, str]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Seen:
    id: int | None
    state: str | None
    intent: str | None
    slots: dict[str, Any]


class CaseFormatError(ValueError):
    """A test file that does not say what it means (wrong key, no user step …)."""


USER_KEYS = {"user", "intent"}
STAFF_ACTIONS = ("claim", "resolve", "hand_back")
STAFF_NAME = "e2e-staff"


def load_cases(paths: Iterable[Path]) -> list[Case]:
    """Every test case of the given files and of the *.yml files in the given folders."""
    cases: list[Case] = []
    for path in _files(paths):
        # (as Rasa reads test stories: "- user: yes" is the word typed, not a boolean)
        document = parse_rasa_yaml(path.read_text(encoding="utf-8")) or {}
        if not isinstance(document, dict) or not isinstance(document.get("test_cases"), list):
            raise CaseFormatError(f"{path}: expected a top-level `test_cases:` list")
        for raw in document["test_cases"]:
            cases.append(_case(raw, path))
    return cases


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.yml")) if path.is_dir() else [path])
    return found


def _case(raw: Any, path: Path) -> Case:
    if not isinstance(raw, dict) or "test_case" not in raw or "steps" not in raw:
        raise CaseFormatError(f"{path}: each test case needs `test_case:` and `steps:`")
    name = str(raw["test_case"])
    steps = raw["steps"]
    if not steps or "user" not in steps[0]:
        raise CaseFormatError(f"{path}: {name!r} must start with a `user:` step")
    for step in steps:
        keys = set(step) if isinstance(step, dict) else set()
        unknown = keys - USER_KEYS - {"staff"} - set(CHECKS)
        if not keys or unknown:
            raise CaseFormatError(f"{path}: {name!r} has a step with unknown keys {unknown}")
        if ("user" in keys and keys - USER_KEYS) or ("staff" in keys and len(keys) > 1):
            raise CaseFormatError(
                f"{path}: {name!r}: put checks in steps of their own after `user:` or `staff:`"
            )
        action = step.get("staff")
        if (
            "staff" in keys
            and action not in STAFF_ACTIONS
            and not (isinstance(action, dict) and set(action) == {"reply"})
        ):
            raise CaseFormatError(
                f"{path}: {name!r}: staff step {action!r} is not one of "
                f"{STAFF_ACTIONS} or {{reply: 文本}}"
            )
    return Case(name, steps, path.name, str(raw.get("channel", "rest")))


class DialogueRunner:
    """Runs test cases on one App, each as a new worker on its own sender id."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._staff: Staff | None = None

    def staff_member(self) -> Staff:
        """The staff account the `staff:` steps act as (made on first use)."""
        if self._staff is None:
            self._staff = create_user(
                self.app.db, STAFF_NAME, secrets.token_urlsafe(16), "staff", "测试工作人员"
            )
        return self._staff

    def act_as_staff(self, channel: str, sender: str, action: Any) -> list[Reply]:
        """One console action on the worker's conversation: what the worker was sent."""
        desk, staff = ConsoleDesk(self.app.db), self.staff_member()
        conversation_id = self.conversation(channel, sender).id
        if isinstance(action, dict):
            return [desk.reply(conversation_id, staff, str(action["reply"])).reply]
        if action == "claim":
            return [desk.claim(conversation_id, staff).reply]
        if action == "resolve":
            return [push.reply for push in desk.resolve(conversation_id, staff)]
        return [desk.hand_back(conversation_id, staff).reply]

    def run(self, case: Case) -> Outcome:
        return asyncio.run(self._run(case))

    def run_all(self, cases: list[Case]) -> list[Outcome]:
        async def every() -> list[Outcome]:
            return [await self._run(case) for case in cases]

        return asyncio.run(every())

    async def _run(self, case: Case) -> Outcome:
        outcome = Outcome(case)
        sender = f"e2e-{uuid.uuid4().hex[:12]}"
        replies: list[Reply] = []
        # what staff steps sent since the worker's last message: a channel that cannot push
        # shows it first in the answer to the next one
        sent_by_staff: list[Reply] = []
        stored_only = self.app.channels.stores_only(case.channel)
        for number, step in enumerate(case.steps, start=1):
            if "user" in step:
                text = str(step["user"])
                outcome.transcript.append(("user", text))
                incoming = Incoming(case.channel, sender, text, f"{sender}-{number}")
                replies = await self.app.handle(incoming)
                if stored_only and sent_by_staff:
                    shown = replies[: len(sent_by_staff)]
                    if [_shown(r) for r in shown] != [_shown(r) for r in sent_by_staff]:
                        outcome.failures.append(
                            f"step {number}: the answer does not start with what staff sent "
                            f"({[_shown(r) for r in sent_by_staff]!r})"
                        )
                    else:
                        replies = replies[len(sent_by_staff) :]
                        for reply in shown:
                            outcome.transcript.append(("staff, shown now", _shown(reply)))
                sent_by_staff = []
                for reply in replies:
                    outcome.transcript.append(("bot", _shown(reply)))
                if "intent" in step:
                    got = self.conversation(case.channel, sender).intent
                    if got != step["intent"]:
                        outcome.failures.append(
                            f"step {number}: {text!r} parsed as {got!r}, not {step['intent']!r}"
                        )
                continue
            if "staff" in step:
                replies = self.act_as_staff(case.channel, sender, step["staff"])
                sent_by_staff += replies
                outcome.transcript.append(("staff", str(step["staff"])))
                for reply in replies:
                    outcome.transcript.append(("bot", _shown(reply)))
                continue
            for key, expected in step.items():
                problem = CHECKS[key](self, case.channel, sender, replies, expected)
                if problem:
                    outcome.failures.append(f"step {number} ({key}): {problem}")
        return outcome

    def conversation(self, channel: str, sender: str) -> Seen:
        """The worker's conversation as stored after the latest step."""
        with self.app.db.read() as s:
            row = s.execute(
                select(Conversation.id, Conversation.state, Conversation.slots).where(
                    Conversation.channel == channel, Conversation.sender_id == sender
                )
            ).first()
            if row is None:
                return Seen(None, None, None, {})
            data = s.scalars(
                select(Event.data)
                .where(Event.conversation_id == row.id, Event.type == EV_USER)
                .order_by(Event.id.desc())
                .limit(1)
            ).first()
        intent = ((data or {}).get("parse") or {}).get("intent", {}).get("name")
        return Seen(row.id, row.state, intent, dict(row.slots or {}))


def _shown(reply: Reply) -> str:
    titles = [b["title"] for b in reply.get("buttons") or []]
    return reply.get("text", "") + (f"  {titles}" if titles else "")


def _strings(expected: Any) -> list[str]:
    return [str(x) for x in expected] if isinstance(expected, list) else [str(expected)]


def _text(replies: list[Reply]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def _titles(replies: list[Reply]) -> list[str]:
    return [b["title"] for r in replies for b in r.get("buttons") or []]


Check = Callable[[DialogueRunner, str, str, list[Reply], Any], str | None]


def _bot(_r: DialogueRunner, _c: str, _s: str, replies: list[Reply], expected: Any) -> str | None:
    texts = [r.get("text", "") for r in replies]
    return None if str(expected) in texts else f"no reply is exactly {expected!r}; got {texts!r}"


def _contains(_r: DialogueRunner, _c: str, _s: str, replies: list[Reply], expected: Any):  # noqa: ANN202
    text = _text(replies)
    missing = [x for x in _strings(expected) if x not in text]
    return f"{missing!r} not in {text!r}" if missing else None


def _contains_any(_r: DialogueRunner, _c: str, _s: str, replies: list[Reply], expected: Any):  # noqa: ANN202
    text = _text(replies)
    wanted = _strings(expected)
    return None if any(x in text for x in wanted) else f"none of {wanted!r} in {text!r}"


def _not_contains(_r: DialogueRunner, _c: str, _s: str, replies: list[Reply], expected: Any):  # noqa: ANN202
    text = _text(replies)
    found = [x for x in _strings(expected) if x in text]
    return f"{found!r} should not be in {text!r}" if found else None


def _buttons(_r: DialogueRunner, _c: str, _s: str, replies: list[Reply], expected: Any):  # noqa: ANN202
    titles = _titles(replies)
    missing = [x for x in _strings(expected) if not any(x in t for t in titles)]
    return f"no button {missing!r} among {titles!r}" if missing else None


def _no_buttons(_r: DialogueRunner, _c: str, _s: str, replies: list[Reply], expected: Any):  # noqa: ANN202
    titles = _titles(replies)
    return f"unexpected buttons {titles!r}" if expected and titles else None


def _silent(_r: DialogueRunner, _c: str, _s: str, replies: list[Reply], expected: Any):  # noqa: ANN202
    if expected and replies:
        return f"expected no reply, got {_text(replies)!r}"
    if not expected and not replies:
        return "expected a reply, got none"
    return None


def _slot_was_set(runner: DialogueRunner, channel: str, sender: str, _r: list[Reply], expected):  # noqa: ANN001, ANN202
    slots = runner.conversation(channel, sender).slots
    problems = []
    for item in expected if isinstance(expected, list) else [expected]:
        pairs = item.items() if isinstance(item, dict) else [(item, ...)]
        for name, value in pairs:
            if slots.get(name) is None:
                problems.append(f"slot {name!r} is not set")
            elif value is not ... and slots[name] != value:
                problems.append(f"slot {name!r} is {slots[name]!r}, not {value!r}")
    return "; ".join(problems) or None


def _slot_was_not_set(runner: DialogueRunner, channel: str, sender: str, _r, expected):  # noqa: ANN001, ANN202
    slots = runner.conversation(channel, sender).slots
    set_ = [n for n in _strings(expected) if slots.get(n) is not None]
    return f"slots {set_!r} are set" if set_ else None


def _state(runner: DialogueRunner, channel: str, sender: str, _r: list[Reply], expected: Any):  # noqa: ANN202
    state = runner.conversation(channel, sender).state
    return None if state == expected else f"state is {state!r}, not {expected!r}"


CHECKS: dict[str, Check] = {
    "bot": _bot,
    "bot_contains": _contains,
    "bot_contains_any": _contains_any,
    "bot_not_contains": _not_contains,
    "buttons": _buttons,
    "no_buttons": _no_buttons,
    "silent": _silent,
    "slot_was_set": _slot_was_set,
    "slot_was_not_set": _slot_was_not_set,
    "state": _state,
}


def report(outcomes: list[Outcome]) -> str:
    """A readable account of the failures and the count of conversations fully right."""
    lines: list[str] = []
    for outcome in outcomes:
        if outcome.passed:
            continue
        lines.append(f"✗ {outcome.case.source}: {outcome.case.name}")
        lines.extend(f"    {who}: {text}" for who, text in outcome.transcript)
        lines.extend(f"  ! {failure}" for failure in outcome.failures)
    right = sum(o.passed for o in outcomes)
    share = right / len(outcomes) if outcomes else 0.0
    lines.append(f"{right} of {len(outcomes)} conversations fully right ({share:.1%})")
    return "\n".join(lines)
