"""An index for a section's history, newest first.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-20
"""

from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_index("ix_changes_section_id", "changes", ["section", "id"])


def downgrade() -> None:
    op.drop_index("ix_changes_section_id", table_name="changes")
