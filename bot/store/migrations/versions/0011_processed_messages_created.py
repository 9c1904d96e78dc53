"""processed_messages: an index on created_at, for pruning the old message ids in batches

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 00:20:00

The desk's sweeper deletes the message ids older than `database.processed_messages_days`
a batch at a time, oldest first (bot/store/message_ids.py); without this index every
batch would read the whole table. On PostgreSQL the index is built CONCURRENTLY, so hosts
still running the old code keep writing while a large table is indexed.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX, TABLE = "ix_processed_messages_created", "processed_messages"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        with op.get_context().autocommit_block():
            op.create_index(
                INDEX, TABLE, ["created_at"], postgresql_concurrently=True, if_not_exists=True
            )
        return
    op.create_index(INDEX, TABLE, ["created_at"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
