"""The engine: one worker message in, replies out, everything persisted in one transaction."""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from bot.core.messages import Incoming, Reply
from bot.core.privacy import mask
from bot.engine.domain import Domain
from bot.engine.hooks import (
    STAGE_ACTIONS,
    STAGE_LOAD,
    STAGE_PARSE,
    STAGE_STORE,
    CaseHooks,
    DeskHooks,
    Laps,
    NoCases,
    NoDesk,
    NoObserver,
    Ranker,
    TurnObserver,
)
from bot.engine.outcomes import attachment_parse, outcome_of
from bot.engine.persistence import compact, persist
from bot.engine.registry import ActionRegistry
from bot.engine.requests import request_of, separate
from bot.engine.respond import PERSONAL_SLOTS, respond_safely
from bot.engine.review import review_item
from bot.engine.rules import RuleBook
from bot.engine.runner import ActionRunner, set_state
from bot.engine.turn import Turn
from bot.settings import BotConfig
from bot.store import conversations
from bot.store.conversations import ConversationRow
from bot.store.db import Database, NeedsWriteLock
from bot.store.models import (
    CASE_REPLY,
    EV_RATING,
    EV_USER,
    HELD_REPLY,
    STATE_BOT,
    STATE_CLOSED,
    STATE_WAITING,
    STATE_WITH_HUMAN,
)

log = logging.getLogger(__name__)

RETRIEVAL_INTENTS = frozenset({"policy_question", "nlu_fallback"})
RETRIEVAL_RANKING = 5
# leaving the staff queue ("算了 不等了") is no request; anything else the message asks is
_NOT_ASKED_ON_LEAVING = frozenset({None, "cancel", "human_handoff"})
# ... and what the rest of a message that leaves the queue may say, answered all the same
# ("算了 等不到 你先帮我看下嘛 我4月1号进的厂 …": a story told, kept for the question after it)
_SAID_ON_LEAVING = frozenset(
    {"out_of_scope", "bot_challenge", "help", "thanks", "goodbye", "inform"}
)
# what the bot answers for a worker who stays in the queue: questions, never a form
_ANSWERED_MEANWHILE = frozenset(
    # ("我那个调解现在到哪一步了" while waiting: the case's progress, looked up)
    {"course_search", "course_followup", "policy_question", "mediation_status", "my_enrolments"}
)


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
        stores_only: Callable[[str], bool] | None = None,
    ) -> None:
        self.db, self.nlu, self.domain, self.rules = db, nlu, domain, rules
        self.rank_faq = rank_faq
        self.desk: DeskHooks = desk or NoDesk()
        self.cases: CaseHooks = cases or NoCases()
        self.observer: TurnObserver = observer or NoObserver()
        # channels that cannot push: their worker hears what staff wrote with the next answer
        self.stores_only: Callable[[str], bool] = stores_only or (lambda channel: False)
        self.registry, self.config, self.today = registry, config, today
        self.runner = ActionRunner(domain, rules, registry, config)
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
                self._names_course,
            )
            if parts:
                return parts
        return [incoming]

    def _request_of(self, text: str, parse: dict | None = None) -> str | None:
        """A part of a message as a request of its own (bot/engine/requests.py); a policy
        question the classifier is unsure of counts when the FAQ's best entry is sure."""
        ranking = self.rank_faq(text, 1) if self.rank_faq is not None else None
        if parse is None:
            parse = self.nlu.parse(text, today=self.today())
        return request_of(parse, ranking, self.config.retrieval.answer_threshold)

    def _names_course(self, text: str) -> bool:
        parse = self.nlu.parse(text, today=self.today())
        return any(e.get("entity") == "course_name" for e in parse.get("entities") or [])

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
            read_as = (incoming.metadata or {}).get("read_as")
            if read_as:  # a part of a split message, read in the light of the others
                parse = {**parse, "intent": {"name": read_as, "confidence": 1.0}}
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
        laps = Laps()
        with self.db.read_phase() as s:
            conn = s.connection()
            conv = conversations.lock(conn, incoming.channel, incoming.sender_id, False)
            if conv is None:
                raise NeedsWriteLock("first message of a worker")
            if incoming.message_id:
                done = conversations.processed_replies(conn, conv.id, incoming.message_id)
                if done is not None:
                    return done if incoming.replay else []
            laps.lap(STAGE_LOAD)
            turn = self._turn(s, conv, incoming, text, too_long, parse)
        laps.lap(STAGE_ACTIONS)
        with self.db.write_lock(), self.db.engine.begin() as conn:
            shown = self._missed(conn, incoming, turn)
            persist(conn, turn, incoming)
        laps.lap(STAGE_STORE)
        return shown + self._handled(incoming, turn, laps)

    def _handle_locked(
        self, incoming: Incoming, text: str, too_long: bool, parse: dict[str, Any]
    ) -> list[Reply]:
        laps = Laps()
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
            laps.lap(STAGE_LOAD)
            turn = self._turn(s, conv, incoming, text, too_long, parse)
            laps.lap(STAGE_ACTIONS)
            shown = self._missed(conn, incoming, turn)
            persist(conn, turn, incoming)
        laps.lap(STAGE_STORE)  # the commit included
        return shown + self._handled(incoming, turn, laps)

    def _missed(self, conn: Connection, incoming: Incoming, turn: Turn) -> list[Reply]:
        """What staff wrote since the worker's last message, for a channel that cannot push
        (read in the transaction that stores this message, before it is stored)."""
        if not self.stores_only(incoming.channel):
            return []
        return self.desk.missed(conn, turn.conversation.id)

    def _handled(self, incoming: Incoming, turn: Turn, laps: Laps) -> list[Reply]:
        """The stored turn's replies, its outcome and stage times told to the observer."""
        laps.tell(self.observer)
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
        turn.split_part = (incoming.metadata or {}).get("split_part")
        turn.record(EV_USER, text, {"parse": compact(parse)})
        if turn.state == STATE_CLOSED:
            rated = self.desk.take_rating(s, turn.conversation.id, text)
            if rated is not None:  # the satisfaction score asked for when staff resolved it
                data, thanks = rated
                turn.record(EV_RATING, None, data)
                turn.say({"text": thanks})
                return turn
            set_state(turn, STATE_BOT, "worker came back")
        if turn.state in (STATE_WAITING, STATE_WITH_HUMAN):
            # stored for staff; the desk says whether the worker goes back to the bot and
            # what the bot says meanwhile (an acknowledgement now and then, never a dead end)
            leaves, reply = self.desk.while_held(s, turn.conversation.id, turn.state, text)
            if leaves:
                set_state(turn, STATE_BOT, "worker left the queue")
            # ("我自己能去报不" after a fall told: unsure words, a question the FAQ knows)
            request = self._request_of(text, turn.parse)
            said = ((turn.parse or {}).get("intent") or {}).get("name")
            if request is None and said == "policy_question" and turn.slots.get("last_faq"):
                # ... or a question after a policy answer given meanwhile, read against it
                request = said
            elif request is None and said == "course_followup" and turn.slots.get("course_focus"):
                # ... or about the course shown meanwhile ("是晚上上课的噻 几点 要钱不")
                request = said
            rest = self.desk.rest_after_leaving(text) if leaves else None
            if rest:
                # "算了不用了 瑜伽课多少钱": read as 算了; the question after it is answered
                # ("人工好久回我 你先帮我申请调解嘛": the request, not the complaint before it)
                again = self._parse(rest, False)
                said = (again.get("intent") or {}).get("name")
                asked = self._request_of(rest, again)
                if (
                    asked is None
                    and said == "course_followup"
                    and not turn.slots.get("course_focus")
                ):
                    # ("… back to you. how much exactly is the extra for my 7 months?": a sum
                    # asked with no course in view is no course's fee)
                    said = "policy_question"
                if asked is None and said in ("policy_question", "mediation_request"):
                    # "算了等不起 先问你 我怀起4个月了 老板喊我…": back with the bot, which
                    # answers as best it can (a guess, or its choices), never only "left"
                    # (a story read, unsure, as a request to file is asked as a question: a form
                    # is started only when the worker surely asks for one)
                    asked = "policy_question"
                    sure = (again.get("intent") or {}).get("confidence") or 0.0
                    again = {**again, "intent": {"name": asked, "confidence": sure}}
                if asked not in _NOT_ASKED_ON_LEAVING:
                    turn.parse, request = again, asked
                elif said in _SAID_ON_LEAVING:
                    # "算了不用了 明天重庆下雨不": back with the bot, which says it cannot
                    turn.parse, request = again, said
            # ("你到底是真人还是机器人嘛" while waiting: a question about the bot, answered)
            asked_of_bot = ((turn.parse or {}).get("intent") or {}).get("name") == "bot_challenge"
            meanwhile = (
                self.desk.answers_meanwhile(text, turn.state)
                if not leaves and (request in _ANSWERED_MEANWHILE or asked_of_bot)
                else None
            )
            if meanwhile is not None:
                reply = meanwhile  # said instead of the acknowledgement
            if reply is not None:
                turn.say(reply, kind=HELD_REPLY)
            if leaves and request not in _NOT_ASKED_ON_LEAVING:
                # "不等了 我自己问机器人 年假咋个算": back with the bot, and answered
                respond_safely(self.runner, s, turn)
            elif meanwhile is not None:
                # "叉车证要好多钱" while waiting: a question answered, the place in the queue
                # kept (a form is never started here: its next answer would be held for staff)
                held, turn.state = turn.state, STATE_BOT
                try:
                    respond_safely(self.runner, s, turn)
                finally:
                    if turn.state == STATE_BOT:
                        turn.state = held
        elif not text:
            self.runner.run_action(turn, "utter_empty_message")
        elif too_long:
            self.runner.run_action(turn, "utter_message_too_long")
        elif (answered := self._case_reply(s, turn, text)) is not None:
            # an answer to the mediation desk (a session button, a mediator's question)
            turn.say({"text": answered}, kind=CASE_REPLY)
        else:
            respond_safely(self.runner, s, turn)
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
        self.observer.stage(STAGE_PARSE, time.perf_counter() - started)
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
