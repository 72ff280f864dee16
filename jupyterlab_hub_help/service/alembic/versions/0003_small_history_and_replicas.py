"""Changes keep how to go back instead of whole values; sections their size;
sign-ins (under way and made) and the running replicas are shared through
the database.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

import json

import sqlalchemy as sa
from alembic import op

from jupyterlab_hub_help.service.diff import revert_of, summary_of
from jupyterlab_hub_help.service.store import sizes
from jupyterlab_hub_help.validate.strictjson import dumps

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _load(text):
    return None if text is None else json.loads(text)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("sections") as batch:
        batch.add_column(sa.Column("size_bytes", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("size_units", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("revert", sa.Text, nullable=True))
        batch.add_column(sa.Column("summary", sa.Text, nullable=True))

    sections = sa.table("sections", sa.column("name", sa.String), sa.column("value", sa.Text),
                        sa.column("size_bytes", sa.Integer), sa.column("size_units", sa.Integer))
    for name, value in bind.execute(sa.select(sections.c.name, sections.c.value)).all():
        size_bytes, size_units = sizes(value)
        bind.execute(sections.update().where(sections.c.name == name)
                     .values(size_bytes=size_bytes, size_units=size_units))

    changes = sa.table("changes", sa.column("id", sa.Integer), sa.column("before", sa.Text),
                       sa.column("after", sa.Text), sa.column("revert", sa.Text),
                       sa.column("summary", sa.Text))
    rows = bind.execute(sa.select(changes.c.id, changes.c.before, changes.c.after)).all()
    for change_id, before, after in rows:
        before, after = _load(before), _load(after)
        bind.execute(changes.update().where(changes.c.id == change_id).values(
            revert=dumps(revert_of(before, after)), summary=dumps(summary_of(before, after))))

    with op.batch_alter_table("changes") as batch:
        batch.alter_column("revert", existing_type=sa.Text, nullable=False)
        batch.alter_column("summary", existing_type=sa.Text, nullable=False)
        batch.drop_column("before")
        batch.drop_column("after")

    op.create_table(
        "oauth_states",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sign_ins",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "replicas",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("secret", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("replicas")
    op.drop_table("sign_ins")
    op.drop_table("oauth_states")
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("before", sa.Text, nullable=True))
        batch.add_column(sa.Column("after", sa.Text, nullable=True))
        batch.drop_column("summary")
        batch.drop_column("revert")
    with op.batch_alter_table("sections") as batch:
        batch.drop_column("size_units")
        batch.drop_column("size_bytes")
