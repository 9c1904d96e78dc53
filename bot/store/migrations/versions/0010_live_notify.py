"""Live updates on PostgreSQL: a change to a conversation or its log sends NOTIFY

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 12:50:00

The trigger is the one place every writer goes through (ORM sessions, Core statements, other
processes, a hand-run UPDATE), and NOTIFY is delivered only when the change commits. The
payload is "c:<conversation id>", never personal data (bot/store/live.py reads it). SQLite
has no NOTIFY: its streams keep polling.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# one function per table: PL/pgSQL resolves NEW's fields when it plans a statement
FUNCTIONS = {
    "conversations": "id",
    "events": "conversation_id",
}
FUNCTION = """
CREATE OR REPLACE FUNCTION workerbot_live_{table}() RETURNS trigger AS $$
BEGIN
    -- identical payloads within one transaction are delivered once, at commit
    PERFORM pg_notify('workerbot_live', 'c:' || NEW.{column});
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in FUNCTIONS.items():
        op.execute(FUNCTION.format(table=table, column=column))
        op.execute(
            f"CREATE TRIGGER workerbot_live AFTER INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION workerbot_live_{table}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in FUNCTIONS:
        op.execute(f"DROP TRIGGER IF EXISTS workerbot_live ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS workerbot_live_{table}()")
