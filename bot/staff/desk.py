"""What staff do in the console: claim, reply, note, transfer, resolve, hand back.

Every change is made under the worker's lock (as the engine takes it), and the ones two
people may race for are conditional UPDATEs, so exactly one of them wins.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update

from bot.core.messages import Push, Reply
from bot.staff.accounts import Staff
from bot.staff.handoff import Desk
from bot.store.models import (
    EV_CONSOLE,
    EV_NOTE,
    EV_STAFF,
    EV_STATE,
    EV_USER,
    STATE_CLOSED,
    STATE_WAITING,
    STATE_WITH_HUMAN,
    Conversation,
    Event,
    Rating,
    utcnow,
)
from bot.store.transitions import notice_event, state_change, transition

MAX_TEXT = 2000
CLOSING_TEXT = "感谢您的耐心，本次人工服务已结束。"
RATING_TEXT = "请您为本次服务打分：直接回复 1–5 的数字（5 分最满意）。"
RATING_BUTTONS = [
    {"title": title, "payload": str(score)}
    for score, title in enumerate(("很不满意", "不满意", "一般", "满意", "非常满意"), start=1)
]
SILENCE_TEXT = (
    "由于较长时间没有收到您的消息，本次人工服务已自动结束。"
    "如果还有问题，随时给我们发消息，说“转人工”即可再次联系工作人员。"
)
UNCLAIMED_TEXT = (
    "抱歉，工作人员暂时都在忙，还没能接入您的会话。您可以直接留言说明情况，"
    "工作人员看到后会尽快回复您；也可以先回到小助手继续办理。"
)
UNCLAIMED_BUTTONS = [
    {"title": "留言等待", "payload": "/leave_message"},
    {"title": "回到小助手", "payload": "/back_to_bot"},
]


class Conflict(Exception):
    """The conversation is not in a state that allows this; the message says why (Chinese)."""


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValueError("内容不能为空")
    if len(text) > MAX_TEXT:
        raise ValueError(f"内容不能超过 {MAX_TEXT} 字")
    return text


class ConsoleDesk(Desk):
    """The console's operations on top of the CLI's Desk (queue, say, notify, release)."""

    def _event(self, s, conv: Conversation, type_: str, text: str | None, data: dict) -> None:  # noqa: ANN001
        s.add(Event(conversation_id=conv.id, type=type_, text=text, data=data))

    def _notice(self, s, conv: Conversation, text: str, buttons: list | None = None) -> Push:  # noqa: ANN001
        """A message to the worker from the desk itself (recorded, then delivered)."""
        reply: Reply = {"text": text}
        if buttons:
            reply["buttons"] = buttons
        notice_event(s, conv.id, text, buttons)
        return Push(conv.id, conv.channel, conv.sender_id, reply)

    @staticmethod
    def _require_owner(conv: Conversation, staff: Staff) -> None:
        if conv.state != STATE_WITH_HUMAN:
            raise Conflict("这个会话现在不在人工服务中，请先接入")
        if conv.assigned_to != staff.username:
            raise Conflict(f"这个会话由 {conv.assigned_to} 负责")

    def claim(self, conversation_id: int, staff: Staff, now: datetime | None = None) -> Push:
        """Take a waiting conversation; exactly one of two simultaneous claims succeeds."""
        now = now or utcnow()
        with self._conversation(conversation_id) as (s, conv):
            won = s.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id, Conversation.state == STATE_WAITING)
                .values(
                    state=STATE_WITH_HUMAN,
                    assigned_to=staff.username,
                    claimed_at=now,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            ).rowcount
            if won != 1:
                s.refresh(conv)
                who = f"已被 {conv.assigned_to} 接入" if conv.assigned_to else "已不在等待队列中"
                raise Conflict(f"这个会话{who}")
            # the guarded UPDATE above already moved it: only the log entry is left to write
            self._event(
                s,
                conv,
                EV_STATE,
                None,
                state_change(STATE_WAITING, STATE_WITH_HUMAN, f"claimed by {staff.username}"),
            )
            return self._notice(s, conv, f"工作人员{staff.display_name}已接入，正在为您服务。")

    def reply(self, conversation_id: int, staff: Staff, text: str) -> Push:
        """A staff message to the worker, only from the staff member holding the conversation."""
        text = _text(text)
        with self._conversation(conversation_id) as (s, conv):
            self._require_owner(conv, staff)
            data = {"author": staff.username, "name": staff.display_name}
            self._event(s, conv, EV_STAFF, text, data)
            return Push(conv.id, conv.channel, conv.sender_id, {"text": text})

    def note(self, conversation_id: int, staff: Staff, text: str) -> None:
        """A private note for colleagues; never sent to the worker, never seen by the bot."""
        text = _text(text)
        with self._conversation(conversation_id) as (s, conv):
            self._event(
                s, conv, EV_NOTE, text, {"author": staff.username, "name": staff.display_name}
            )

    def transfer(self, conversation_id: int, staff: Staff, target: Staff) -> Push:
        """Hand a held conversation to a colleague who is online."""
        if target.username == staff.username:
            raise Conflict("不能转给自己")
        with self._conversation(conversation_id) as (s, conv):
            self._require_owner(conv, staff)
            s.execute(
                update(Conversation)
                .where(Conversation.id == conv.id)
                .values(assigned_to=target.username, claimed_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            data = {"action": "transfer", "from": staff.username, "to": target.username}
            self._event(s, conv, EV_CONSOLE, None, data)
            return self._notice(s, conv, f"已为您转给工作人员{target.display_name}继续服务。")

    def resolve(self, conversation_id: int, staff: Staff, text: str | None = None) -> list[Push]:
        """Close with a last message, then ask the worker for a 1-5 satisfaction score."""
        closing = _text(text) if text and text.strip() else CLOSING_TEXT
        with self._conversation(conversation_id) as (s, conv):
            self._require_owner(conv, staff)
            self._event(
                s, conv, EV_STAFF, closing, {"author": staff.username, "name": staff.display_name}
            )
            transition(s, conv, STATE_CLOSED, f"resolved by {staff.username}")
            conv.assigned_to = None
            s.add(Rating(conversation_id=conv.id, staff=staff.username))
            first = Push(conv.id, conv.channel, conv.sender_id, {"text": closing})
            return [first, self._notice(s, conv, RATING_TEXT, RATING_BUTTONS)]

    def hand_back(self, conversation_id: int, staff: Staff) -> Push:
        """Back to the bot: by the holder, by anyone while it waits, or by an admin."""
        with self.db.read() as s:
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise LookupError(f"no conversation {conversation_id}")
            if conv.state not in (STATE_WAITING, STATE_WITH_HUMAN):
                raise Conflict("这个会话已经不在人工服务中")
            if conv.state == STATE_WITH_HUMAN and not staff.is_admin:
                self._require_owner(conv, staff)
        return self.release(conversation_id, author=staff.username)

    # -- the background sweeper ----------------------------------------------------------
    def last_activity(self, conversation_id: int) -> datetime | None:
        """The last worker or staff message, or the claim if nothing was said since."""
        with self.db.read() as s:
            said = s.scalar(
                select(func.max(Event.created_at)).where(
                    Event.conversation_id == conversation_id, Event.type.in_((EV_USER, EV_STAFF))
                )
            )
            claimed = s.scalar(
                select(Conversation.claimed_at).where(Conversation.id == conversation_id)
            )
        stamps = [t for t in (said, claimed) if t is not None]
        return max(stamps) if stamps else None

    def resolve_silent(self, conversation_id: int, idle_since: datetime) -> Push | None:
        """Close a held conversation nobody has written in since `idle_since`; None if not."""
        last = self.last_activity(conversation_id)
        if last is None or last >= idle_since:
            return None
        with self._conversation(conversation_id) as (s, conv):
            if conv.state != STATE_WITH_HUMAN:
                return None
            transition(s, conv, STATE_CLOSED, "silence")
            conv.assigned_to = None
            return self._notice(s, conv, SILENCE_TEXT)

    def tell_unclaimed(self, conversation_id: int, now: datetime | None = None) -> Push | None:
        """Tell a waiting worker nobody has picked up yet, once per handoff."""
        now = now or utcnow()
        with self._conversation(conversation_id) as (s, conv):
            first = s.execute(
                update(Conversation)
                .where(
                    Conversation.id == conversation_id,
                    Conversation.state == STATE_WAITING,
                    (Conversation.unclaimed_notice_at.is_(None))
                    | (Conversation.unclaimed_notice_at < Conversation.handoff_at),
                )
                .values(unclaimed_notice_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount
            if first != 1:
                return None
            return self._notice(s, conv, UNCLAIMED_TEXT, UNCLAIMED_BUTTONS)
