"""The bot's part of a turn: the rules and forms choose the actions (Rasa's policies); an
error in any of them is undone, logged masked, and answered with one apology."""

from __future__ import annotations

import logging
import traceback

from sqlalchemy.orm import Session

from bot.core.privacy import mask
from bot.engine.forms import extract_slots
from bot.engine.runner import ActionRunner
from bot.engine.turn import Turn
from bot.store import misunderstood
from bot.store.db import NeedsWriteLock
from bot.store.models import EV_SYSTEM, STATE_BOT

log = logging.getLogger(__name__)

PERSONAL_SLOTS = ("name", "phone", "employer", "description", "demand")
_FALLBACK_ACTIONS = frozenset({"action_fallback", "utter_default"})


def respond_safely(runner: ActionRunner, s: Session, turn: Turn) -> None:
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
        respond(runner, turn)
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
        runner.run_action(turn, "utter_error")


def respond(runner: ActionRunner, turn: Turn) -> None:
    intent = (turn.parse.get("intent") or {}).get("name") or "nlu_fallback"
    if turn.attachment is not None:
        # a file answers no question: handled by its rule, then an open form asks again
        form = turn.active_loop
        run_rule(runner, turn, intent)
        requested = turn.slots.get("requested_slot")
        if form and turn.active_loop == form and turn.state == STATE_BOT and requested:
            runner.forms.ask(turn, form, requested)
        return
    candidates = extract_slots(runner, turn)
    if turn.active_loop:
        required = set(runner.domain.forms.get(turn.active_loop, []))
        for k, v in candidates.items():
            if k not in required:
                turn.set_slot(k, v)
        form_candidates = {k: v for k, v in candidates.items() if k in required}
        if runner.forms.continue_(turn, form_candidates):
            return
        form = turn.active_loop
        if intent not in ("affirm", "deny", "inform"):
            run_rule(runner, turn, intent)
        if turn.active_loop == form and turn.state == STATE_BOT:
            requested = turn.slots.get("requested_slot")
            if requested:
                runner.forms.ask(turn, form, requested)
        return
    for k, v in candidates.items():
        turn.set_slot(k, v)
    run_rule(runner, turn, intent)


def run_rule(runner: ActionRunner, turn: Turn, intent: str) -> None:
    actions = runner.rules.for_intent(intent, turn.active_loop)
    if actions is None:
        actions = (
            ("action_fallback",) if "action_fallback" in runner.registry else ("utter_default",)
        )
    if turn.ruled_intent is None:
        turn.ruled_intent = intent
        turn.fell_back = intent in misunderstood.FALLBACK_INTENTS or any(
            a in _FALLBACK_ACTIONS for a in actions
        )
    for name in actions:
        if turn.state != STATE_BOT:
            break
        runner.run_action(turn, name)
