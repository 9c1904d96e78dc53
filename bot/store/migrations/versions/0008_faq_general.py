"""FAQ entries: the general rule of a category (answered first in a near-tie)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 12:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("faq_entries") as batch:
        batch.add_column(
            sa.Column("general", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("faq_entries") as batch:
        batch.drop_column("general")
