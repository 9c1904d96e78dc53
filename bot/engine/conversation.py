"""The engine: one worker message in, replies out, everything persisted in one transaction."""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from bot.core.messages import Incoming, Reply
from bot.core.privacy import mask
from bot.engine.domain import Domain
from bot.engine.forms import FormLoop, extract_slots
from bot.engine.hooks import (
    OUTCOME_ANSWERED,
    OUTCOME_ERROR,
    OUTCOME_FALLBACK,
    OUTCOME_HANDOFF,
    OUTCOME_HELD,
    CaseHooks,
    DeskHooks,
    NoCases,
    NoDesk,
    NoObserver,
    Ranker,
    TurnObserver,
)
from bot.engine.persistence import compact, persist
from bot.engine.registry import ActionRegistry
from bot.engine.requests import request_of, separate
from bot.engine.review import review_item
from bot.engine.rules import RuleBook
from bot.engine.turn import Turn, to_rasa_event
from bot.settings import BotConfig
from bot.store import conversations, misunderstood
from bot.store.conversations import ConversationRow
from bot.store.db import Database, NeedsWriteLock
from bot.store.models import (
    CASE_REPLY,
    EV_RATING,
    EV_STATE,
    EV_SYSTEM,
    EV_USER,
    HELD_REPLY,
    STATE_BOT,
    STATE_CLOSED,
    STATE_WAITING,
    STATE_WITH_HUMAN,
)
from bot.store.transitions import state_change

log = logging.getLogger(__name__)

PERSONAL_SLOTS = ("name", "phone", "employer", "description", "demand")
MAX_FOLLOWUPS = 5
RETRIEVAL_INTENTS = frozenset({"policy_question", "nlu_fallback"})
RETRIEVAL_RANKING = 5
_STD_MESSAGE_KEYS = {
    "text",
    "buttons",
    "elements",
    "custom",
    "template",
    "response",
    "image",
    "attachment",
    "faq",  # the FAQ entry a message answers (actions/knowledge.py)
    "faq_miss",  # the FAQ had no sure answer: "" or the nearest entry
}
_FALLBACK_ACTIONS = frozenset({"action_fallback", "utter_default"})


ATTACHMENT_INTENT = "send_evidence"


def attachment_parse(text: str) -> dict[str, Any]:
    """A message carrying a file, as the NLU would give it: its own intent, sure."""
    return {
        "text": text,
        "intent": {"name": ATTACHMENT_INTENT, "confidence": 1.0},
        "intent_ranking": [{"name": ATTACHMENT_INTENT, "confidence": 1.0}],
        "entities": [],
    }


def outcome_of(turn: Turn) -> str:
    """What became of the message (bot/engine/hooks.py): an action failed, the worker was
    handed to staff, the bot had no answer, the message went to staff holding the
    conversation, or the bot answered."""
    if turn.failed:
        return OUTCOME_ERROR
    if turn.handoff_reason is not None:
        return OUTCOME_HANDOFF
    if turn.ruled_intent is None and turn.state in (STATE_WAITING, STATE_WITH_HUMAN):
        return OUTCOME_HELD
    if not turn.faq and (turn.fell_back or turn.faq_missed):
        return OUTCOME_FALLBACK
    return OUTCOME_ANSWERED


class Engine:
    """Channel-neutral conversation handling (see docs/architecture.md)."""

    def __init__(
        self,
        db: Database,
        nlu: Any,
        domain: Domain,
        rules: RuleBook,
        registry: ActionRegistry,
        config: BotConfig,
        today: Callable[[], date],
        rank_faq: Ranker | None = None,
        desk: DeskHooks | None = None,
        cases: CaseHooks | None = None,
        observer: TurnObserver | None = None,
    ) -> None:
        self.db, self.nlu, self.domain, self.rules = db, nlu, domain, rules
        self.rank_faq = rank_faq
        self.desk: DeskHooks = desk or NoDesk()
        self.cases: CaseHooks = cases or NoCases()
        self.observer: TurnObserver = observer or NoObserver()
        self.registry, self.config, self.today = registry, config, today
        self.forms = FormLoop(self)
        self.review_threshold = config.nlu.review_threshold

    # -- the message path ---------------------------------------------------------------
    def handle(self, incoming: Incoming) -> list[Reply]:
        """Answer one worker message exactly once, persisting it and every reply; several
        requests in one message are answered one after the other (bot/engine/requests.py)."""
        parts = self.requests_in(incoming, lambda: self.conversation_state(incoming))
        return [reply for part in parts for reply in self._handle_one(part)]

    def requests_in(
        self, incoming: Incoming, state: Callable[[], tuple[str, str | None] | None]
    ) -> list[Incoming]:
        """The message as the requests it holds, each to be handled as a message of its own
        (`state`: the conversation's (state, active form), asked only when needed)."""
        text = (incoming.text or "").strip()
        if incoming.attachment is None and len(text) <= self.config.conversation.max_message_chars:
            parts = separate(
                incoming,
                text,
                self._request_of,
                lambda intent: self.rules.opens_form(intent, self.domain.forms),
                state,
            )
            if parts:
                return parts
        return [incoming]

    def _request_of(self, text: str) -> str | None:
        """A part of a message as a request of its own (bot/engine/requests.py)."""
        ranking = self.rank_faq(text, 1) if self.rank_faq is not None else None
        parse = self.nlu.parse(text, today=self.today())
        return request_of(parse, ranking, self.config.retrieval.answer_threshold)

    def conversation_state(self, incoming: Incoming) -> tuple[str, str | None] | None:
        """(state, active form) of the worker's conversation, or None before the first message."""
        with self.db.read() as s:
            conv = conversations.lock(s.connection(), incoming.channel, incoming.sender_id, False)
        return None if conv is None else (conv.state, conv.active_loop)

    def _handle_one(self, incoming: Incoming) -> list[Reply]:
        text = (incoming.text or "").strip()
        too_long = len(text) > self.config.conversation.max_message_chars
        if incoming.attachment is not None:  # a file: its own intent, nothing to classify
            too_long, parse = False, attachment_parse(text)
        else:
            parse = self._parse(text, too_long)
        if not self.db.is_sqlite:  # once more on a new connection if this one was dead
            return self.db.retrying(lambda: self._handle_locked(incoming, text, too_long, parse))
        # SQLite has one writer at a time. Most messages only read while the bot thinks, so
        # think in a read transaction (under this worker's own lock) and take the global
        # write lock just to store the result; a message whose actions write is redone whole
        # under the write lock (nothing was written by the first try).
        with self.db.worker_lock(f"{incoming.channel}:{incoming.sender_id}"):
            try:
                return self._handle_optimistic(incoming, text, too_long, parse)
            except NeedsWriteLock:
                return self._handle_locked(incoming, text, too_long, parse)

    def _handle_optimistic(
        self, incoming: Incoming, text: str, too_long: bool, parse: dict[str, Any]
    ) -> list[Reply]:
        with self.db.read_phase() as s:
            conn = s.connection()
            conv = conversations.lock(conn, incoming.channel, incoming.sender_id, False)
            if conv is None:
                raise NeedsWriteLock("first message of a worker")
            if incoming.message_id:
                done = conversations.processed_replies(conn, conv.id, incoming.message_id)
                if done is not None:
                    return done if incoming.replay else []
            turn = self._turn(s, conv, incoming, text, too_long, parse)
        with self.db.write_lock(), self.db.engine.begin() as conn:
            persist(conn, turn, incoming)
        self.observer.handled(incoming.channel, outcome_of(turn))
        return list(turn.replies)

    def _handle_locked(
        self, incoming: Incoming, text: str, too_long: bool, parse: dict[str, Any]
    ) -> list[Reply]:
        with self.db.write_lock(), self.db.session() as s:
            conn = s.connection()
            row_lock = not self.db.is_sqlite
            conv = conversations.lock(conn, incoming.channel, incoming.sender_id, row_lock)
            if conv is None:
                conv = conversations.create(
                    conn,
                    incoming.channel,
                    incoming.sender_id,
                    incoming.display_name,
                    STATE_BOT,
                    self.domain.initial_slots(),
                    row_lock,
                )
            if incoming.message_id:
                done = conversations.processed_replies(conn, conv.id, incoming.message_id)
                if done is not None:
                    return done if incoming.replay else []
            turn = self._turn(s, conv, incoming, text, too_long, parse)
            persist(conn, turn, incoming)
        self.observer.handled(incoming.channel, outcome_of(turn))
        return list(turn.replies)

    def _turn(
        self,
        s: Session,
        conv: ConversationRow,
        incoming: Incoming,
        text: str,
        too_long: bool,
        parse: dict[str, Any],
        history: list[dict[str, Any]] | None = None,
    ) -> Turn:
        """The bot's whole response to one message, in memory until persisted (`history`:
        the earlier events, when they are not in the database)."""
        turn = self._start_turn(s, conv, parse, incoming.message_id)
        turn.history = history
        turn.attachment = incoming.attachment
        turn.record(EV_USER, text, {"parse": compact(parse)})
        if turn.state == STATE_CLOSED:
            rated = self.desk.take_rating(s, turn.conversation.id, text)
            if rated is not None:  # the satisfaction score asked for when staff resolved it
                data, thanks = rated
                turn.record(EV_RATING, None, data)
                turn.say({"text": thanks})
                return turn
            self._set_state(turn, STATE_BOT, "worker came back")
        if turn.state in (STATE_WAITING, STATE_WITH_HUMAN):
            # stored for staff; the desk says whether the worker goes back to the bot and
            # what the bot says meanwhile (an acknowledgement now and then, never a dead end)
            leaves, reply = self.desk.while_held(s, turn.conversation.id, turn.state, text)
            if leaves:
                self._set_state(turn, STATE_BOT, "worker left the queue")
            if reply is not None:
                turn.say(reply, kind=HELD_REPLY)
        elif not text:
            self.run_action(turn, "utter_empty_message")
        elif too_long:
            self.run_action(turn, "utter_message_too_long")
        elif (answered := self._case_reply(s, turn, text)) is not None:
            # an answer to the mediation desk (a session button, a mediator's question)
            turn.say({"text": answered}, kind=CASE_REPLY)
        else:
            self._respond_safely(s, turn)
            turn.miss = review_item(turn, text, self.review_threshold, PERSONAL_SLOTS)
        return turn

    def _case_reply(self, s: Session, turn: Turn, text: str) -> str | None:
        """The mediation desk's answer to the message, if it answers the desk; a failure there
        is undone and logged (without the message) and the bot answers as usual. The usual
        message, which answers nothing, is told by one read, without a savepoint."""
        try:
            if not self.cases.may_answer(s, turn.conversation.id, text, turn.active_loop):
                return None
        except NeedsWriteLock:
            raise
        except Exception as exc:  # noqa: BLE001 - the conversation must survive a desk bug
            log.error(
                "case reply check failed in conversation %s: %s",
                turn.conversation.id,
                mask("".join(traceback.format_exception(exc)), [text]),
            )
            return None
        savepoint = s.begin_nested()
        try:
            answered = self.cases.take_case_reply(s, turn.conversation.id, text, turn.active_loop)
            savepoint.commit()
            return answered
        except NeedsWriteLock:
            raise  # not an error: the caller redoes the message under the write lock
        except Exception as exc:  # noqa: BLE001 - the conversation must survive a desk bug
            savepoint.rollback()
            log.error(
                "case reply failed in conversation %s: %s",
                turn.conversation.id,
                mask("".join(traceback.format_exception(exc)), [text]),
            )
            return None

    def _parse(self, text: str, too_long: bool) -> dict[str, Any]:
        if not text or too_long:
            return {
                "text": text,
                "intent": {"name": None, "confidence": 0.0},
                "intent_ranking": [],
                "entities": [],
            }
        started = time.perf_counter()
        parse = self.nlu.parse(text, today=self.today())
        if self.rank_faq is not None and parse["intent"]["name"] in RETRIEVAL_INTENTS:
            # Rasa's ResponseSelector: FAQ ranking computed with the parse, outside the lock
            parse["response_selector"] = {
                "faq": {"ranking": self.rank_faq(text, RETRIEVAL_RANKING)}
            }
        self.observer.parsed(time.perf_counter() - started)
        return parse

    def _start_turn(
        self, s: Session, conv: ConversationRow, parse: dict, message_id: str | None
    ) -> Turn:
        slots = self.domain.initial_slots()
        slots.update(conv.slots or {})
        turn = Turn(conv, parse, message_id, slots, conv.active_loop, conv.state)
        turn.history = None  # loaded only when a custom action needs a tracker
        turn._session = s  # type: ignore[attr-defined]
        return turn

    def _respond_safely(self, s: Session, turn: Turn) -> None:
        """Run the bot's part; on any error undo its writes, log masked, apologise once."""
        snapshot = (
            dict(turn.slots),
            turn.active_loop,
            turn.state,
            len(turn.rows),
            len(turn.rasa_events),
            len(turn.replies),
        )
        savepoint = s.begin_nested()
        try:
            self._respond(turn)
            savepoint.commit()
        except NeedsWriteLock:
            raise  # not an error: the caller redoes the message under the write lock
        except Exception as exc:  # noqa: BLE001 - the conversation must survive any action bug
            savepoint.rollback()
            slots, loop, state, n_rows, n_events, n_replies = snapshot
            turn.slots, turn.active_loop, turn.state = slots, loop, state
            del turn.rows[n_rows:], turn.rasa_events[n_events:], turn.replies[n_replies:]
            secrets = [str(turn.slots.get(k) or "") for k in PERSONAL_SLOTS]
            secrets.append(turn.parse.get("text") or "")
            log.error(
                "action failed in conversation %s: %s",
                turn.conversation.id,
                mask("".join(traceback.format_exception(exc)), secrets),
            )
            turn.record(EV_SYSTEM, None, {"error": type(exc).__name__})
            turn.failed = True
            self.run_action(turn, "utter_error")

    def _respond(self, turn: Turn) -> None:
        intent = (turn.parse.get("intent") or {}).get("name") or "nlu_fallback"
        if turn.attachment is not None:
            # a file answers no question: handled by its rule, then an open form asks again
            form = turn.active_loop
            self._run_rule(turn, intent)
            requested = turn.slots.get("requested_slot")
            if form and turn.active_loop == form and turn.state == STATE_BOT and requested:
                self.forms.ask(turn, form, requested)
            return
        candidates = extract_slots(self, turn)
        if turn.active_loop:
            required = set(self.domain.forms.get(turn.active_loop, []))
            for k, v in candidates.items():
                if k not in required:
                    turn.set_slot(k, v)
            form_candidates = {k: v for k, v in candidates.items() if k in required}
            if self.forms.continue_(turn, form_candidates):
                return
            form = turn.active_loop
            if intent not in ("affirm", "deny", "inform"):
                self._run_rule(turn, intent)
            if turn.active_loop == form and turn.state == STATE_BOT:
                requested = turn.slots.get("requested_slot")
                if requested:
                    self.forms.ask(turn, form, requested)
            return
        for k, v in candidates.items():
            turn.set_slot(k, v)
        self._run_rule(turn, intent)

    def _run_rule(self, turn: Turn, intent: str) -> None:
        actions = self.rules.for_intent(intent, turn.active_loop)
        if actions is None:
            actions = (
                ("action_fallback",) if "action_fallback" in self.registry else ("utter_default",)
            )
        if turn.ruled_intent is None:
            turn.ruled_intent = intent
            turn.fell_back = intent in misunderstood.FALLBACK_INTENTS or any(
                a in _FALLBACK_ACTIONS for a in actions
            )
        for name in actions:
            if turn.state != STATE_BOT:
                break
            self.run_action(turn, name)

    # -- actions ------------------------------------------------------------------------
    def run_action(self, turn: Turn, name: str, depth: int = 0) -> None:
        """Run a form, a response or a custom action, then what it asks to follow."""
        if self.domain.is_form(name):
            self.forms.activate(turn, name)
            return
        turn.record("action", None, {"name": name})
        turn.latest_action = name
        if name.startswith("utter_") and self.domain.has_response(name):
            reply = self.domain.render(name, turn.slots)
            if reply:
                turn.say(reply)
            return
        if name not in self.registry:
            raise LookupError(f"action {name!r} is used but not defined")
        messages, events = self.registry.run(name, self.tracker_for(turn), self.domain.as_dict())
        self.emit(turn, messages)
        for follow in self.apply_events(turn, events):
            if depth >= MAX_FOLLOWUPS:
                raise RuntimeError(f"follow-up chain too long after {name}")
            self.run_action(turn, follow, depth + 1)

    def tracker_for(self, turn: Turn, extra_events: list[dict] | None = None):  # noqa: ANN201
        if turn.history is None:
            turn.history = self._history(turn)
        return turn.tracker(extra_events)

    def _history(self, turn: Turn) -> list[dict[str, Any]]:
        s: Session = turn._session  # type: ignore[attr-defined]
        rows = conversations.recent_events(
            s.connection(), turn.conversation.id, self.config.conversation.tracker_events
        )
        events = [to_rasa_event(t, x, d) for t, x, d in rows]
        return [e for e in events if e is not None]

    def emit(self, turn: Turn, messages: list[dict[str, Any]]) -> None:
        """Turn dispatcher messages into replies (responses rendered with slots and kwargs)."""
        for m in messages:
            name = m.get("response") or m.get("template")
            if name:
                variables = dict(turn.slots)
                variables.update({k: v for k, v in m.items() if k not in _STD_MESSAGE_KEYS})
                reply = self.domain.render(name, variables)
                if reply is None:
                    raise LookupError(f"response {name!r} is not in the domain")
            elif m.get("text") or m.get("buttons"):
                reply = {"text": m.get("text") or ""}
                if m.get("buttons"):
                    reply["buttons"] = [
                        {"title": b["title"], "payload": b["payload"]} for b in m["buttons"]
                    ]
            else:
                continue
            if "faq_miss" in m:
                turn.faq_missed, turn.faq_near = True, m["faq_miss"] or None
            turn.say(reply, m.get("faq"))

    def apply_events(self, turn: Turn, events: list[dict[str, Any]]) -> list[str]:
        """Apply rasa_sdk events to the turn; returns follow-up action names."""
        followups: list[str] = []
        activate: str | None = None
        for e in events:
            kind = e.get("event")
            if kind == "slot":
                turn.set_slot(e["name"], e.get("value"))
            elif kind == "active_loop":
                if e.get("name"):
                    activate = e["name"]
                else:
                    turn.set_slot("requested_slot", None)
                    turn.set_loop(None)
            elif kind == "followup":
                followups.append(e["name"])
            elif kind == "pause":
                self._set_state(turn, STATE_WAITING, turn.slots.get("handoff_reason") or "asked")
            elif kind == "resume":
                self._set_state(turn, STATE_BOT, "resumed")
            elif kind in ("reset_slots", "restart"):
                keep = {k: turn.slots.get(k) for k in ("name", "phone")}
                for k, v in self.domain.initial_slots().items():
                    turn.set_slot(k, keep.get(k, v) if kind == "reset_slots" else v)
                turn.set_loop(None)
        if activate:
            self.forms.activate(turn, activate)
        return followups

    def _set_state(self, turn: Turn, state: str, reason: str) -> None:
        if turn.state == state:
            return
        turn.record(EV_STATE, None, state_change(turn.state, state, reason))
        turn.state = state
        if state == STATE_WAITING:
            turn.handoff_reason = reason
