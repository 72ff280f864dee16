"""Where the community's sections live: SQLAlchemy (2.x style) over SQLite or
PostgreSQL, its schema kept by the Alembic migrations shipped beside it.

Every method here blocks; the web handlers run them in the service's small
thread pool (``app.Service.run``). Concurrent edits are settled by the
database, not by this process: a write names the revision it was based on,
and the row is changed only while it still has that revision, so two
service processes sharing one PostgreSQL database cannot lose an update.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

#: Alembic's bookkeeping table, named for us so that it never meets another
#: application's in a shared database.
VERSION_TABLE = "hub_help_alembic_version"
MIGRATIONS = Path(__file__).resolve().parent / "alembic"

metadata = MetaData()

#: One row per section ever stored; ``value`` is JSON text ("null" = cleared).
sections = Table(
    "sections",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", String(255), nullable=True),
)

#: Every write, with the value before and after it.
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("section", String(64), nullable=False),
    Column("username", String(255), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("revision", Integer, nullable=False),
)
Index("ix_changes_section_id", changes.c.section, changes.c.id)

KINDS = ("edit", "undo", "import")


def utcnow() -> datetime:
    """Now in UTC, without tzinfo: that is how the columns hold it on both databases."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def iso(moment: Optional[datetime]) -> Optional[str]:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="milliseconds") + "Z"


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def load(text: Optional[str]) -> Any:
    return None if text is None else json.loads(text)


@dataclass(frozen=True)
class SectionState:
    name: str
    value: Any = None
    revision: int = 0
    updated_at: Optional[datetime] = None
    updated_by: Optional[str] = None

    @property
    def etag(self) -> str:
        return f'"{self.name}-{self.revision}"'

    def to_json(self) -> dict:
        return {
            "section": self.name,
            "value": self.value,
            "revision": self.revision,
            "updatedBy": self.updated_by,
            "updatedAt": iso(self.updated_at),
        }


@dataclass(frozen=True)
class Change:
    id: int
    section: str
    user: str
    at: datetime
    kind: str
    before: Any
    after: Any
    revision: int

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "section": self.section,
            "user": self.user,
            "at": iso(self.at),
            "kind": self.kind,
            "before": self.before,
            "after": self.after,
            "revision": self.revision,
        }


class Conflict(Exception):
    """The section changed since the revision the write was based on."""

    def __init__(self, current: SectionState):
        super().__init__(f"{current.name} is at revision {current.revision}")
        self.current = current


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # The pool's connections are used from the service's worker threads;
        # a writer waits for another process's lock rather than failing.
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, future=True
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, future=True)


def alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # %-signs in a password would be read as interpolation by configparser.
    config.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database's tables to ``revision`` (creating them when new)."""
    from alembic import command

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> Optional[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"version_table": VERSION_TABLE}
        )
        return context.get_current_revision()


class Store:
    def __init__(self, url: str, migrate: bool = True):
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # Reading

    @staticmethod
    def _state(row) -> SectionState:
        return SectionState(row.name, load(row.value), row.revision, row.updated_at, row.updated_by)

    def all_sections(self) -> Dict[str, SectionState]:
        with self.engine.connect() as conn:
            return {row.name: self._state(row) for row in conn.execute(select(sections))}

    def section(self, name: str, conn=None) -> SectionState:
        if conn is None:
            with self.engine.connect() as own:
                return self.section(name, own)
        row = conn.execute(select(sections).where(sections.c.name == name)).first()
        return self._state(row) if row else SectionState(name)

    def history(self, section: Optional[str] = None, limit: int = 50,
                names: Optional[Sequence[str]] = None) -> List[Change]:
        query = select(changes).order_by(changes.c.id.desc()).limit(limit)
        if section is not None:
            query = query.where(changes.c.section == section)
        elif names is not None:
            query = query.where(changes.c.section.in_(list(names)))
        with self.engine.connect() as conn:
            return [self._change(row) for row in conn.execute(query)]

    def change(self, change_id: int) -> Optional[Change]:
        with self.engine.connect() as conn:
            row = conn.execute(select(changes).where(changes.c.id == change_id)).first()
        return self._change(row) if row else None

    @staticmethod
    def _change(row) -> Change:
        return Change(row.id, row.section, row.username, row.at, row.kind,
                      load(row.before), load(row.after), row.revision)

    # Writing

    def write(self, name: str, value: Any, expected_revision: Optional[int], user: str,
              kind: str = "edit") -> SectionState:
        """Store ``value`` as section ``name`` if it is still at
        ``expected_revision`` (``None``: whatever it is at); record the change.
        Raises ``Conflict`` with the current state otherwise."""
        try:
            with self.engine.begin() as conn:
                return self._write(conn, name, value, expected_revision, user, kind, utcnow())
        except IntegrityError:
            # Another writer created the section first.
            raise Conflict(self.section(name)) from None

    def write_many(self, values: Iterable[Tuple[str, Any]], user: str, kind: str = "import",
                   attempts: int = 3) -> Dict[str, SectionState]:
        """Store several sections in one transaction, one change each."""
        values = list(values)
        for attempt in range(attempts):
            try:
                with self.engine.begin() as conn:
                    at = utcnow()
                    return {
                        name: self._write(conn, name, value, None, user, kind, at)
                        for name, value in values
                    }
            except (IntegrityError, Conflict):
                # Raced with another writer: read again and retry the whole lot.
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    def _write(self, conn, name, value, expected, user, kind, at) -> SectionState:
        if kind not in KINDS:
            raise ValueError(f"unknown change kind {kind!r}")
        current = self.section(name, conn)
        if expected is not None and current.revision != expected:
            raise Conflict(current)
        revision = current.revision + 1
        text = dump(value)
        fields = dict(value=text, revision=revision, updated_at=at, updated_by=user)
        if current.revision == 0:
            conn.execute(insert(sections).values(name=name, **fields))
        else:
            done = conn.execute(
                update(sections)
                .where(sections.c.name == name, sections.c.revision == current.revision)
                .values(**fields)
            )
            if done.rowcount != 1:
                raise Conflict(self.section(name, conn))
        conn.execute(
            insert(changes).values(
                section=name, username=user, at=at, kind=kind,
                before=dump(current.value), after=text, revision=revision,
            )
        )
        return SectionState(name, value, revision, at, user)
