"""Reports filed from the Get help panel, and each thing that happened to
them (who, when, and a note, internal or for the reporter).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(16), nullable=True, unique=True),
        sa.Column("idempotency_key", sa.String(128), nullable=False),
        sa.Column("reporter", sa.String(255), nullable=False),
        sa.Column("reporter_role", sa.String(16), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("affected", sa.Text, nullable=False),
        sa.Column("diagnostics", sa.Text, nullable=False),
        sa.Column("page_path", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("acknowledged_by", sa.String(255), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime, nullable=True),
        sa.Column("resolved_by", sa.String(255), nullable=True),
        sa.Column("resolved_at", sa.DateTime, nullable=True),
        sa.Column("resolution", sa.Text, nullable=True),
        sa.Column("passed_on_by", sa.String(255), nullable=True),
        sa.Column("passed_on_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("reporter", "idempotency_key", name="uq_reports_reporter_key"),
    )
    op.create_index("ix_reports_created_at", "reports", ["created_at"])
    op.create_index("ix_reports_category_created_at", "reports", ["category", "created_at"])
    op.create_index("ix_reports_reporter_created_at", "reports", ["reporter", "created_at"])
    op.create_table(
        "report_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.Integer,
                  sa.ForeignKey("reports.id", ondelete="CASCADE", name="fk_report_events_report"),
                  nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("username", sa.String(255), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("to_reporter", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_report_events_report_id", "report_events", ["report_id", "id"])


def downgrade() -> None:
    op.drop_table("report_events")
    op.drop_table("reports")
