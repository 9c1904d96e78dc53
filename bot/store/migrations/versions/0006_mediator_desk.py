"""mediator desk: mediator accounts, case sessions and questions, timeline kinds, deadlines

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 08:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mediator_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint("uq_staff_users_mediator_id", ["mediator_id"])
        batch_op.create_foreign_key(
            "fk_staff_users_mediator_id", "mediators", ["mediator_id"], ["id"]
        )
    with op.batch_alter_table("mediation_cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("law_firm", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("accepted_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("arbitration_by", sa.Date(), nullable=True))
        batch_op.create_index("ix_mediation_cases_law_firm", ["law_firm"], unique=False)
        batch_op.create_index("ix_mediation_cases_mediator_id", ["mediator_id"], unique=False)
    with op.batch_alter_table("case_updates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="status")
        )
    # cases accepted before this migration: the day of their first 已受理 step
    op.execute(
        "UPDATE mediation_cases SET accepted_at = (SELECT MIN(u.created_at) FROM case_updates u"
        " WHERE u.case_id = mediation_cases.id AND u.status = 'accepted')"
    )
    op.create_table(
        "case_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("by_phone", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("worker_reminded_at", sa.DateTime(), nullable=True),
        sa.Column("mediator_reminded_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("case_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_case_sessions_case_id", ["case_id"], unique=False)
        batch_op.create_index("ix_case_sessions_starts", ["starts_at"], unique=False)
    op.create_table(
        "case_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("asked_by", sa.String(length=64), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("case_questions", schema=None) as batch_op:
        batch_op.create_index("ix_case_questions_case_id", ["case_id"], unique=False)
        batch_op.create_index(
            "ix_case_questions_pending", ["conversation_id", "answered_at"], unique=False
        )


def downgrade() -> None:
    op.drop_table("case_questions")
    op.drop_table("case_sessions")
    with op.batch_alter_table("case_updates", schema=None) as batch_op:
        batch_op.drop_column("kind")
    with op.batch_alter_table("mediation_cases", schema=None) as batch_op:
        batch_op.drop_index("ix_mediation_cases_mediator_id")
        batch_op.drop_index("ix_mediation_cases_law_firm")
        batch_op.drop_column("arbitration_by")
        batch_op.drop_column("accepted_at")
        batch_op.drop_column("law_firm")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_constraint("fk_staff_users_mediator_id", type_="foreignkey")
        batch_op.drop_constraint("uq_staff_users_mediator_id", type_="unique")
        batch_op.drop_column("mediator_id")
