"""What a mediator does with a case: accept, ask, schedule, record the outcome, close, note.

Each action is one transaction: the case's new state, its timeline row and the worker's
notice (bot/staff/notices.py) commit together; the caller delivers the returned pushes after
the commit, on the worker's own channel. A case the account may not see is "not found".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.core.attachments import Attachment
from bot.core.clock import Clock, utcnow
from bot.core.messages import Push
from bot.domain import evidence as ev
from bot.domain.evidence import EvidenceDesk
from bot.domain.evidence_check import EMPTY, TOO_BIG
from bot.mediation import texts
from bot.mediation.access import mine
from bot.mediation.deadlines import arbitration_deadline
from bot.settings.sections import MediationConfig
from bot.staff import notices
from bot.staff.accounts import Staff
from bot.store import cases as repo
from bot.store.db import Database
from bot.store.models import (
    KIND_AGREEMENT,
    KIND_NOTE,
    KIND_QUESTION,
    KIND_SESSION,
    SESSION_CONFIRMED,
    SESSION_PROPOSED,
    SESSION_REPLACED,
    CaseQuestion,
    CaseSession,
    CaseUpdate,
    Conversation,
    MediationCase,
    Mediator,
)

TEXT_MAX, PLACE_MAX = 1000, 200
DESK_CHANNEL = "desk"  # evidence rows the mediator uploads (the signed agreement)
ONLY_TYPES = "只能上传图片（JPG、PNG、WebP、HEIC）或 PDF。"
AGREEMENT_REFUSED = {
    TOO_BIG: "文件太大了。",
    EMPTY: "文件是空的。",
}


class DeskError(ValueError):
    """An action the desk refuses; the message is for the mediator."""


class NotYours(DeskError):
    """No such case for this account (it does not exist or is someone else's)."""

    def __init__(self) -> None:
        super().__init__("找不到这个案件。")


@dataclass(frozen=True)
class Done:
    """What the mediator is told, and the worker's notices to deliver after the commit."""

    said: str
    pushes: tuple[Push, ...] = ()


class Desk:
    """The desk's actions for one deployment (database, clock and the mediation config)."""

    def __init__(self, db: Database, clock: Clock, config: MediationConfig) -> None:
        self.db, self.clock, self.config = db, clock, config

    @contextmanager
    def _case(self, staff: Staff, case_id: int) -> Iterator[tuple[Session, MediationCase]]:
        with self.db.write_lock(), self.db.session() as s:
            case = mine(s, staff, case_id, self.config.firm_queue, lock=not self.db.is_sqlite)
            if case is None:
                raise NotYours()
            try:
                yield s, case
            except repo.CaseError as exc:  # a step the case's rules refuse: said to the mediator
                raise DeskError(str(exc)) from exc

    def _row(self, s: Session, case: MediationCase, kind: str, note: str, actor: str) -> None:
        case.updates.append(CaseUpdate(status=case.status, note=note, actor=actor, kind=kind))
        s.flush()

    @staticmethod
    def _tell(
        s: Session, case: MediationCase, text: str, buttons: list | None = None
    ) -> tuple[Push, ...]:
        push = notices.record(s, case.channel, case.sender_id, text, buttons)
        return (push,) if push is not None else ()

    @staticmethod
    def _text(value: str, what: str, limit: int = TEXT_MAX) -> str:
        value = (value or "").strip()
        if not value:
            raise DeskError(f"请填写{what}。")
        if len(value) > limit:
            raise DeskError(f"{what}最多 {limit} 个字。")
        return value

    # -- the actions -------------------------------------------------------------------
    def accept(self, staff: Staff, case_id: int) -> Done:
        """受理; a firm-queue case becomes this mediator's. The 15-day limit ran from filing."""
        with self._case(staff, case_id) as (s, case):
            if case.status != "submitted":
                raise DeskError(f"案件目前是「{repo.label(case.status)}」，不能再受理。")
            mediator = s.get(Mediator, staff.mediator_id)
            if case.mediator_id is None:
                repo.assign_mediator(s, case, mediator, staff.username)
            repo.change_status(s, case, "accepted", f"调解员 {mediator} 受理", staff.username)
            due = self.clock.local(case.created_at).date()
            due += timedelta(days=self.config.limit_days)
            pushes = self._tell(s, case, texts.accepted(case.case_no, str(mediator), due))
            return Done(f"已受理案件 {case.case_no}。", pushes)

    def ask(self, staff: Staff, case_id: int, question: str) -> Done:
        """请补充材料/信息: the question reaches the worker; their next message answers it."""
        question = self._text(question, "要问职工的问题", 500)
        with self._case(staff, case_id) as (s, case):
            self._open(case)
            conversation_id = s.scalar(
                select(Conversation.id).where(
                    Conversation.channel == case.channel, Conversation.sender_id == case.sender_id
                )
            )
            if conversation_id is None:
                raise DeskError("职工没有可以联系的会话，请电话联系。")
            s.add(
                CaseQuestion(
                    case_id=case.id,
                    conversation_id=conversation_id,
                    question=question,
                    asked_by=staff.username,
                )
            )
            self._row(s, case, KIND_QUESTION, question, staff.username)
            pushes = self._tell(s, case, texts.question(case.case_no, question))
            return Done("问题已发给职工，职工回复后会出现在办理记录里。", pushes)

    def schedule(
        self, staff: Staff, case_id: int, day: str, at: str, place: str, by_phone: bool
    ) -> Done:
        """安排调解: the worker is asked to confirm (确认 / 改时间) on their channel."""
        place = self._text(place, "电话号码" if by_phone else "调解地点", PLACE_MAX)
        try:
            local = datetime.fromisoformat(f"{day.strip()}T{at.strip()}").replace(
                tzinfo=self.clock.tz
            )
        except ValueError as exc:
            raise DeskError("请填写正确的日期和时间。") from exc
        starts_at = local.astimezone(UTC).replace(tzinfo=None)
        if starts_at <= utcnow():
            raise DeskError("调解时间已经过去了，请选择以后的时间。")
        with self._case(staff, case_id) as (s, case):
            if case.status not in ("accepted", "mediating"):
                raise DeskError(f"案件目前是「{repo.label(case.status)}」，请先受理再安排调解。")
            if case.status == "accepted":
                repo.change_status(s, case, "mediating", "开始调解", staff.username)
            s.execute(
                update(CaseSession)
                .where(
                    CaseSession.case_id == case.id,
                    CaseSession.status.not_in(("cannot",)),
                    CaseSession.starts_at > utcnow(),
                )
                .values(status=SESSION_REPLACED)
            )
            session = CaseSession(
                case_id=case.id,
                starts_at=starts_at,
                place=place,
                by_phone=by_phone,
                status=SESSION_PROPOSED,
                created_by=staff.username,
            )
            s.add(session)
            s.flush()
            when, where = texts.when_text(local), texts.where_text(place, by_phone)
            self._row(s, case, KIND_SESSION, f"安排调解：{when}，{where}", staff.username)
            buttons = [
                texts.session_button(session.id, texts.CONFIRM),
                texts.session_button(session.id, texts.RESCHEDULE),
            ]
            pushes = self._tell(s, case, texts.scheduled(case.case_no, when, where), buttons)
            return Done(f"已安排调解：{when}，已请职工确认。", pushes)

    def succeed(self, staff: Staff, case_id: int, terms: str) -> Done:
        """调解成功 with the agreement's terms."""
        terms = self._text(terms, "调解协议的内容")
        with self._case(staff, case_id) as (s, case):
            self._step(s, case, "succeeded", f"调解成功。协议内容：{terms}", staff)
            pushes = self._tell(s, case, texts.succeeded(case.case_no, terms))
            return Done(f"已记录：案件 {case.case_no} 调解成功。", pushes)

    def agreement(
        self, staff: Staff, case_id: int, attachment: Attachment, evidence: EvidenceDesk
    ) -> Done:
        """The signed agreement of a successful mediation (a photo or PDF), kept with the
        case's evidence, in the timeline, and the worker told it is on file."""
        with self._case(staff, case_id) as (s, case):
            if case.status != "succeeded":
                raise DeskError("记录调解成功后，才能上传签字的调解协议。")
            kept = evidence.keep_for_case(s, attachment, case, DESK_CHANNEL)
            if kept.kind == ev.REFUSED:
                raise DeskError(
                    f"「{kept.name}」没有收下：{AGREEMENT_REFUSED.get(kept.reason, ONLY_TYPES)}"
                )
            if kept.kind == ev.DUPLICATE:
                raise DeskError("这份协议已经上传过了。")
            self._row(s, case, KIND_AGREEMENT, f"上传签字的调解协议「{kept.name}」", staff.username)
            pushes = self._tell(s, case, texts.agreement_filed(case.case_no))
            return Done(f"已上传调解协议「{kept.name}」，已告知职工。", pushes)

    def fail(self, staff: Staff, case_id: int, reason: str, known_on: str, apply_by: str) -> Done:
        """调解不成 with the reason; next step arbitration, applied for by the date given
        (or one year from the day the worker knew of the infringement)."""
        reason = self._text(reason, "调解不成的原因", 500)
        deadline = self._deadline(known_on, apply_by)
        with self._case(staff, case_id) as (s, case):
            self._step(s, case, "failed", f"调解不成：{reason}", staff)
            case.arbitration_by = deadline
            note = f"建议申请劳动仲裁，申请期限至 {deadline:%Y-%m-%d}"
            repo.change_status(s, case, "arbitration_advised", note, staff.username)
            pushes = self._tell(s, case, texts.failed(case.case_no, reason, deadline))
            return Done(f"已记录：案件 {case.case_no} 调解不成，已告知职工申请仲裁的期限。", pushes)

    def close(self, staff: Staff, case_id: int, note: str) -> Done:
        """结案."""
        note = (note or "").strip() or "感谢您的信任。"
        with self._case(staff, case_id) as (s, case):
            self._step(s, case, "closed", self._text(note, "结案说明", 500), staff)
            pushes = self._tell(s, case, texts.closed(case.case_no, note))
            return Done(f"案件 {case.case_no} 已结案。", pushes)

    def note(self, staff: Staff, case_id: int, text: str) -> Done:
        """A private note: mediators and admins only, never sent to the worker."""
        text = self._text(text, "备注")
        with self._case(staff, case_id) as (s, case):
            self._row(s, case, KIND_NOTE, text, staff.username)
            return Done("备注已保存（只有调解员和管理员能看到）。")

    # -- helpers ----------------------------------------------------------------------------
    @staticmethod
    def _open(case: MediationCase) -> None:
        if case.status in ("closed", "withdrawn"):
            raise DeskError(f"案件目前是「{repo.label(case.status)}」。")

    @staticmethod
    def _step(s: Session, case: MediationCase, status: str, note: str, staff: Staff) -> None:
        if status in ("succeeded", "failed") and case.status != "mediating":
            raise DeskError("请先受理并安排调解，再记录调解结果。")
        try:
            repo.change_status(s, case, status, note, staff.username)
        except repo.CaseError as exc:
            raise DeskError(str(exc)) from exc

    @staticmethod
    def _deadline(known_on: str, apply_by: str) -> date:
        try:
            if (apply_by or "").strip():
                return date.fromisoformat(apply_by.strip())
            if (known_on or "").strip():
                return arbitration_deadline(date.fromisoformat(known_on.strip()))
        except ValueError as exc:
            raise DeskError("请填写正确的日期。") from exc
        raise DeskError("请填写职工知道权利被侵害的日期，或直接填写申请仲裁的截止日期。")


def confirmed_or_proposed() -> tuple[str, ...]:
    """Sessions still to happen as planned (reminders go to these)."""
    return (SESSION_PROPOSED, SESSION_CONFIRMED)
