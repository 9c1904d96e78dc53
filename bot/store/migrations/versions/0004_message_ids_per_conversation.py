"""processed message ids are per conversation (channel and sender), not per channel

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 07:00:00

The key was (channel, message_id): a message id one sender had used answered another sender
with the first one's replies, or dropped their message. It is now (conversation_id,
message_id), and `channel` goes (the conversation has it). The table is rebuilt (SQLite
cannot change a primary key in place) with every existing row. The web chat used to store
"<sender>:<id>"; those ids lose the sender prefix they no longer need.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE, NEW = "processed_messages", "processed_messages_0004"
_SENDER = "(SELECT c.sender_id FROM conversations c WHERE c.id = {t}.conversation_id)"
_CHANNEL = "(SELECT c.channel FROM conversations c WHERE c.id = {t}.conversation_id)"


def _rebuild(key: list[str], key_name: str, with_channel: bool, select: str) -> None:
    """Copy the table into one with the given primary key, then put it in the old one's place."""
    columns = [
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=128), nullable=False),
        sa.Column("replies", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    ]
    if with_channel:
        columns.insert(0, sa.Column("channel", sa.String(length=16), nullable=False))
    op.create_table(
        NEW,
        *columns,
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name="processed_messages_conversation_id_fkey",  # PostgreSQL's own name for it
            ondelete="CASCADE",
        ),
        # a name the old table's key does not have: on PostgreSQL both exist for a moment
        sa.PrimaryKeyConstraint(*key, name=key_name),
    )
    names = ", ".join(c.name for c in columns)
    op.execute(f"INSERT INTO {NEW} ({names}) {select}")
    op.drop_table(TABLE)
    op.rename_table(NEW, TABLE)


def upgrade() -> None:
    sender = _SENDER.format(t=TABLE)
    web_prefixed = (
        f"{_CHANNEL.format(t=TABLE)} = 'web' "
        f"AND substr(message_id, 1, length({sender}) + 1) = {sender} || ':'"
    )
    _rebuild(
        ["conversation_id", "message_id"],
        "pk_processed_messages",
        False,
        "SELECT conversation_id, "
        f"CASE WHEN {web_prefixed} THEN substr(message_id, length({sender}) + 2) "
        "ELSE message_id END, replies, created_at "
        f"FROM {TABLE}",
    )


def _old_id(t: str) -> str:
    """The id as the old key stored it (the web chat's with its sender prefix)."""
    channel, sender = _CHANNEL.format(t=t), _SENDER.format(t=t)
    return (
        f"CASE WHEN {channel} = 'web' THEN {sender} || ':' || {t}.message_id "
        f"ELSE {t}.message_id END"
    )


def downgrade() -> None:
    # the old key allowed one row per (channel, message_id): the oldest of each is kept
    older = (
        f"SELECT 1 FROM {TABLE} q WHERE {_CHANNEL.format(t='q')} = {_CHANNEL.format(t='p')} "
        f"AND {_old_id('q')} = {_old_id('p')} "
        "AND (q.created_at < p.created_at "
        "OR (q.created_at = p.created_at AND q.conversation_id < p.conversation_id))"
    )
    _rebuild(
        ["channel", "message_id"],
        "processed_messages_pkey",  # PostgreSQL's name for the key as 0001 made it
        True,
        f"SELECT {_CHANNEL.format(t='p')}, p.conversation_id, {_old_id('p')}, p.replies, "
        f"p.created_at FROM {TABLE} p WHERE NOT EXISTS ({older})",
    )
