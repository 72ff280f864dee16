"""Changes keep how to go back instead of whole values; sections their size;
sign-ins (under way and made) and the running replicas are shared through
the database.

Values written by earlier releases may hold numbers JSON readers refuse
(``NaN``, ``Infinity``, ``1e400``): they become ``null`` here, and each
place is logged. Going back down keeps the sections but not the content of
the history (each change's values before and after are not kept above).

What this migration does to the data is written out here, not imported:
a migration must do the same thing whatever later releases change.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

import difflib
import json
import logging
import math
import re

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

log = logging.getLogger("alembic.runtime.migration")
BATCH = 100
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _load(text, where):
    """A stored value, with the numbers JSON readers refuse as null."""
    if text is None:
        return None
    found = []

    def refused(token):
        found.append(token)
        return None

    def number(token):
        value = float(token)
        return value if math.isfinite(value) else refused(token)

    value = json.loads(text, parse_constant=refused, parse_float=number)
    if found:
        log.warning("%s held %s, which JSON readers refuse: now null", where, ", ".join(found))
    return value


def _dump(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _texts(entries):
    return [json.dumps(e, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for e in entries]


def _revert(before, after):
    if not (isinstance(before, list) and isinstance(after, list)):
        return {"value": before}
    opcodes = difflib.SequenceMatcher(None, _texts(before), _texts(after), autojunk=False).get_opcodes()
    return {"splices": [[j1, j2 - j1, before[i1:i2]] for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]}


def _summary(before, after):
    if isinstance(before, list) and isinstance(after, list):
        opcodes = difflib.SequenceMatcher(None, _texts(before), _texts(after), autojunk=False).get_opcodes()
        counts = {"added": 0, "removed": 0, "changed": 0}
        for tag, i1, i2, j1, j2 in opcodes:
            common = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            counts["changed"] += common
            counts["removed"] += (i2 - i1) - common
            counts["added"] += (j2 - j1) - common
        return counts
    kind = "added" if before is None else "removed" if after is None else "changed"
    return {"added": 0, "removed": 0, "changed": 0, **({kind: 1} if before != after else {})}


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
        text = _dump(_load(value, f"section {name}"))
        bind.execute(sections.update().where(sections.c.name == name).values(
            value=text, size_bytes=len(text.encode("utf-8")),
            size_units=len(text) + len(_ASTRAL.findall(text))))

    changes = sa.table("changes", sa.column("id", sa.Integer), sa.column("before", sa.Text),
                       sa.column("after", sa.Text), sa.column("revert", sa.Text),
                       sa.column("summary", sa.Text))
    ids = [row[0] for row in bind.execute(sa.select(changes.c.id).order_by(changes.c.id))]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        rows = bind.execute(sa.select(changes.c.id, changes.c.before, changes.c.after)
                            .where(changes.c.id.in_(chunk))).all()
        for change_id, before, after in rows:
            before = _load(before, f"change {change_id} (before)")
            after = _load(after, f"change {change_id} (after)")
            bind.execute(changes.update().where(changes.c.id == change_id).values(
                revert=_dump(_revert(before, after)), summary=_dump(_summary(before, after))))

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
