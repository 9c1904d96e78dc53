"""Staff messages and desk notices for a worker whose channel cannot push (the REST channel).

A REST client only hears the answer to its own request, so a staff reply, a claim, a
hand-back or a case notice written while the worker was silent would never reach them. Their
next message shows what was written since their last one, before the bot's answer — as the
actions do for a worker on a Rasa server's rest channel (actions/handoff_rasa.py), so both
servers answer the same.

Read by one query in the transaction that stores the worker's next message, before it is
stored (the engine asks through its desk hooks): what staff wrote after the worker's previous
message is shown now; what they write later comes after this message in the log and is shown
with the next. A retry answered from the processed-message table shows nothing again.
"""

from __future__ import annotations

from sqlalchemy import Connection, Row, func, select

from bot.core.messages import Reply
from bot.store.models import EV_STAFF, EV_SYSTEM, EV_USER, Event

# events read back from the end of a conversation before reading all since the last message
TAIL = 20


def shown_to_worker(event: Event | Row) -> Reply | None:
    """A staff message or a desk notice (claim, transfer, hand-back, resolve), as a reply
    (`event`: the stored event, or a row of its type, text and data)."""
    if event.type == EV_STAFF or (event.type == EV_SYSTEM and (event.data or {}).get("notice")):
        reply: Reply = {"text": event.text or ""}
        buttons = (event.data or {}).get("buttons")
        if buttons:
            reply["buttons"] = buttons
        return reply
    return None


def missed(conn: Connection, conversation_id: int) -> list[Reply]:
    """What staff and the desk wrote to the worker since their latest stored message.

    Read backwards from the conversation's end (its index) up to that message: most turns
    find a bot reply or the message itself first and read no more."""
    tail = conn.execute(
        select(Event.id, Event.type)
        .where(Event.conversation_id == conversation_id)
        .order_by(Event.id.desc())
        .limit(TAIL)
    ).all()
    ids: list[int] = []
    for event_id, kind in tail:
        if kind == EV_USER:
            break
        if kind in (EV_STAFF, EV_SYSTEM):
            ids.append(event_id)
    else:
        if len(tail) == TAIL:  # more written since than the tail holds: read them all
            return _since_latest_message(conn, conversation_id)
    if not ids:
        return []
    rows = conn.execute(
        select(Event.type, Event.text, Event.data).where(Event.id.in_(ids)).order_by(Event.id)
    ).all()
    return [r for r in map(shown_to_worker, rows) if r is not None]


def _since_latest_message(conn: Connection, conversation_id: int) -> list[Reply]:
    latest = (
        select(func.coalesce(func.max(Event.id), 0))
        .where(Event.conversation_id == conversation_id, Event.type == EV_USER)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(Event.type, Event.text, Event.data)
        .where(
            Event.conversation_id == conversation_id,
            Event.id > latest,
            Event.type.in_((EV_STAFF, EV_SYSTEM)),
        )
        .order_by(Event.id)
    ).all()
    return [r for r in map(shown_to_worker, rows) if r is not None]
