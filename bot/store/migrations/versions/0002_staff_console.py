"""staff console: staff accounts, login attempts, canned replies, ratings, leases

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 09:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEED_CANNED = [
    ("hello", "问候", "您好，我是区总工会服务台的工作人员，请问有什么可以帮您？"),
    ("wait", "请稍等", "好的，我查一下，请您稍等一两分钟。"),
    (
        "materials",
        "调解材料",
        "申请劳动争议调解请准备：身份证、劳动合同或工资条/考勤记录等能证明劳动关系的材料，"
        "以及欠薪、加班等情况的证据（聊天记录、转账记录都可以）。",
    ),
    (
        "hotline",
        "维权热线",
        "您也可以拨打职工维权服务热线 12351，工作日 9:00–17:30 有人接听。",
    ),
    ("thanks", "结束语", "不客气！还有其他问题随时联系我们，祝您工作顺利。"),
]


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("unclaimed_notice_at", sa.DateTime(), nullable=True))

    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("session_epoch", sa.Integer(), nullable=False),
        sa.Column("presence", sa.String(length=8), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "login_attempts",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    canned = op.create_table(
        "canned_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shortcut", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("shortcut"),
    )
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ratings_conversation_id"), ["conversation_id"], unique=False
        )
    op.create_table(
        "leases",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=128), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    stamp = datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the models store it
    op.bulk_insert(
        canned,
        [
            {"shortcut": key, "title": title, "text": text, "created_at": stamp}
            for key, title, text in SEED_CANNED
        ],
    )


def downgrade() -> None:
    op.drop_table("leases")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_conversation_id"))
    op.drop_table("ratings")
    op.drop_table("canned_replies")
    op.drop_table("login_attempts")
    op.drop_table("staff_users")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("unclaimed_notice_at")
        batch_op.drop_column("claimed_at")
