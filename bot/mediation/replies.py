"""The worker's side of the desk, inside their own turn (the engine's CaseHooks port):

- a session button (确认 / 改时间 / 去不了, or the same words typed while a session is coming
  up) moves the session and lands in the case's timeline;
- while a mediator's question waits (`case_questions` rows of this conversation without an
  answer, asked within `mediation.question_days`), the worker's next free-text message is
  the answer: stored in the timeline, and the bot says it went to the mediator.

A form in progress (the worker is enrolling in a course) is never interrupted: the question
stays pending until a message outside the form. A payload only counts for a session of the
worker's own case.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.clock import Clock, utcnow
from bot.mediation import texts
from bot.settings.sections import MediationConfig
from bot.store.models import (
    KIND_ANSWER,
    KIND_SESSION_REPLY,
    SESSION_CANNOT,
    SESSION_CONFIRMED,
    SESSION_LABELS,
    SESSION_PROPOSED,
    SESSION_RESCHEDULE,
    CaseQuestion,
    CaseSession,
    CaseUpdate,
    Conversation,
    MediationCase,
)

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_WORDS = {
    texts.CONFIRM: re.compile(
        r"^(?:确认|确认参加|确定|能参加|可以参加|会参加|准时参加|我会去|能去)了?$"
    ),
    texts.RESCHEDULE: re.compile(
        r"^(?:改时间|改个时间|换个时间|换时间|能不能改时间|可以改时间吗?)$"
    ),
    texts.CANNOT: re.compile(r"^(?:去不了|来不了|参加不了|没空去|不能参加|我去不了)了?$"),
}
_STATUS_OF = {
    texts.CONFIRM: SESSION_CONFIRMED,
    texts.RESCHEDULE: SESSION_RESCHEDULE,
    texts.CANNOT: SESSION_CANNOT,
}
_OPEN_CASE = ("accepted", "mediating")


def typed_answer(text: str) -> str | None:
    """确认 / 改时间 / 去不了 typed as words, else None."""
    words = _NOISE.sub("", text or "")
    return next((a for a, pattern in _WORDS.items() if pattern.match(words)), None)


class CaseReplies:
    """The mediation desk's CaseHooks for the engine."""

    def __init__(self, clock: Clock, config: MediationConfig) -> None:
        self.clock, self.config = clock, config

    def may_answer(
        self, s: Session, conversation_id: int, text: str, active_loop: str | None
    ) -> bool:
        """A session button, 确认 / 改时间 / 去不了 typed outside a form, or free text while a
        mediator's question waits: take_case_reply decides. Anything else is the bot's."""
        if texts.read_session_payload(text) is not None:
            return True
        if active_loop:
            return False
        if typed_answer(text) is not None:
            return True
        words = text.strip()
        if not words or words.startswith("/"):
            return False
        return (
            s.scalar(self._pending(conversation_id).with_only_columns(CaseQuestion.id).limit(1))
            is not None
        )

    def _pending(self, conversation_id: int):  # noqa: ANN202 - a Select of CaseQuestion
        """The conversation's questions still waiting for the worker's answer."""
        since = utcnow() - timedelta(days=self.config.question_days)
        return (
            select(CaseQuestion)
            .where(
                CaseQuestion.conversation_id == conversation_id,
                CaseQuestion.answered_at.is_(None),
                CaseQuestion.asked_at >= since,
            )
            .order_by(CaseQuestion.id)
        )

    def take_case_reply(
        self, s: Session, conversation_id: int, text: str, active_loop: str | None
    ) -> str | None:
        """What the bot says when the message answers the desk, else None (the bot answers)."""
        conv = s.get(Conversation, conversation_id)
        if conv is None:
            return None
        payload = texts.read_session_payload(text)
        if payload is not None:
            return self._session_answer(s, conv, *payload)
        if active_loop:
            return None
        answer = typed_answer(text)
        if answer is not None:
            session_id = self._coming_session(s, conv)
            if session_id is not None:
                return self._session_answer(s, conv, session_id, answer)
        if text.strip().startswith("/"):
            return None  # another button: the bot's own
        return self._question_answer(s, conv, text.strip())

    # -- sessions -------------------------------------------------------------------------
    def _coming_session(self, s: Session, conv: Conversation) -> int | None:
        return s.scalar(
            select(CaseSession.id)
            .join(MediationCase, MediationCase.id == CaseSession.case_id)
            .where(
                MediationCase.channel == conv.channel,
                MediationCase.sender_id == conv.sender_id,
                MediationCase.status.in_(_OPEN_CASE),
                CaseSession.status.in_((SESSION_PROPOSED, SESSION_CONFIRMED)),
                CaseSession.starts_at > utcnow(),
            )
            .order_by(CaseSession.starts_at)
            .limit(1)
        )

    def _session_answer(self, s: Session, conv: Conversation, session_id: int, answer: str) -> str:
        row = s.execute(
            select(CaseSession, MediationCase)
            .join(MediationCase, MediationCase.id == CaseSession.case_id)
            .where(
                CaseSession.id == session_id,
                MediationCase.channel == conv.channel,
                MediationCase.sender_id == conv.sender_id,
            )
        ).first()
        if row is None:
            return texts.SESSION_GONE
        session, case = row
        if (
            case.status not in _OPEN_CASE
            or session.status not in (SESSION_PROPOSED, SESSION_CONFIRMED)
            or session.starts_at <= utcnow()
        ):
            return texts.SESSION_GONE
        session.status = _STATUS_OF[answer]
        when = texts.when_text(self.clock.local(session.starts_at))
        note = f"{when} 的调解：{SESSION_LABELS[session.status]}"
        s.add(
            CaseUpdate(
                case_id=case.id,
                status=case.status,
                note=note,
                actor="worker",
                kind=KIND_SESSION_REPLY,
            )
        )
        if answer == texts.CONFIRM:
            s.flush()
            return texts.CONFIRMED.format(when=when)
        # the worker's next message says when or why: forwarded like a mediator's question
        s.add(
            CaseQuestion(
                case_id=case.id,
                conversation_id=conv.id,
                question=texts.FOLLOW_UP[answer],
                asked_by="system",
            )
        )
        s.flush()
        return texts.RESCHEDULE_ASKED if answer == texts.RESCHEDULE else texts.CANNOT_TOLD

    # -- questions ------------------------------------------------------------------------
    def _question_answer(self, s: Session, conv: Conversation, text: str) -> str | None:
        if not text:
            return None
        pending = s.scalars(self._pending(conv.id)).all()
        if not pending:
            return None
        now, case_nos = utcnow(), []
        for question in pending:
            question.answer, question.answered_at = text, now
            case = s.get(MediationCase, question.case_id)
            if case is None or question.case_id in [
                q.case_id for q in pending[: pending.index(question)]
            ]:
                continue
            s.add(
                CaseUpdate(
                    case_id=case.id,
                    status=case.status,
                    note=text,
                    actor="worker",
                    kind=KIND_ANSWER,
                )
            )
            case_nos.append(case.case_no)
        s.flush()
        return texts.FORWARDED.format(case_no="、".join(case_nos))
