"""Where the community's sections live: SQLAlchemy (2.x style) over SQLite or
PostgreSQL, its schema kept by the Alembic migrations shipped beside it.

Every method here blocks; the web handlers run them in the service's small
thread pool (``app.Service.run``). Concurrent edits are settled by the
database, not by this process: a write names the revision it was based on,
and the row is changed only while it still has that revision, so replicas
sharing one PostgreSQL database cannot lose an update. On PostgreSQL writes
also take a transaction-scoped advisory lock, so that checks across sections
(the whole document's size) see every other write.

Values are kept as the JSON text they are served as; a change keeps how to go
back (``diff.revert_of``), not the whole section before and after.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import re
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

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
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from ..validate.strictjson import dumps
from . import diff

#: Alembic's bookkeeping table, named for us so that it never meets another
#: application's in a shared database.
VERSION_TABLE = "hub_help_alembic_version"
MIGRATIONS = Path(__file__).resolve().parent / "alembic"
#: The key of the PostgreSQL advisory locks this service takes ("hubhelp" in ASCII).
LOCK_KEY = 0x68756268656C70

metadata = MetaData()

#: One row per section ever stored; ``value`` is JSON text ("null" = cleared).
sections = Table(
    "sections", metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", String(255), nullable=True),
    # The value's size as the panel measures a document: UTF-8 bytes read,
    # UTF-16 units of the text.
    Column("size_bytes", Integer, nullable=False, server_default="0"),
    Column("size_units", Integer, nullable=False, server_default="0"),
)

#: Every write: who, on which right (``rights.Decision.because``; null for
#: changes stored before it was kept), when, and how to go back (``diff``).
changes = Table(
    "changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("section", String(64), nullable=False),
    Column("username", String(255), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("revert", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("as_right", String(16), nullable=True),
)
Index("ix_changes_section_id", changes.c.section, changes.c.id)

#: A sign-in under way (the OAuth state), so that it may finish on another replica.
oauth_states = Table(
    "oauth_states", metadata,
    Column("id", String(64), primary_key=True),
    Column("state", Text, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

#: The hub tokens this service obtained through its own sign-in (their
#: SHA-256): such a token is the service's sign-in wherever it is presented.
sign_ins = Table(
    "sign_ins", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(255), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

#: The replicas running on this database, and the cookie secret each signs with
#: (a fingerprint, never the secret).
replicas = Table(
    "replicas", metadata,
    Column("id", String(64), primary_key=True),
    Column("host", String(255), nullable=False),
    Column("secret", String(64), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("seen_at", DateTime, nullable=False),
)

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


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_units(value_text: str) -> int:
    """The length of a text in UTF-16 units, as JavaScript counts it."""
    return len(value_text) + len(_ASTRAL.findall(value_text))


def sizes(value_text: str) -> Tuple[int, int]:
    return len(value_text.encode("utf-8")), utf16_units(value_text)


@dataclass(frozen=True)
class SectionState:
    name: str
    #: The value as JSON text; "null" when nothing is stored.
    text: str = "null"
    revision: int = 0
    updated_at: Optional[datetime] = None
    updated_by: Optional[str] = None

    @cached_property
    def value(self) -> Any:
        return json.loads(self.text)

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

    def body(self, **extra: Any) -> bytes:
        """``to_json()`` (with ``extra`` fields) as UTF-8 JSON, without
        parsing the value again."""
        head = dumps({"section": self.name, "revision": self.revision,
                      "updatedBy": self.updated_by, "updatedAt": iso(self.updated_at), **extra})
        return (head[:-1] + ',"value":' + self.text + "}").encode("utf-8")


@dataclass(frozen=True)
class Change:
    id: int
    section: str
    user: str
    at: datetime
    kind: str
    revision: int
    summary: Dict[str, int]
    #: The right the change was made on: "admin", "representative", "scope";
    #: None for changes stored before the service kept it.
    as_right: Optional[str] = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "section": self.section,
            "user": self.user,
            "at": iso(self.at),
            "kind": self.kind,
            "revision": self.revision,
            "summary": self.summary,
            "as": self.as_right,
        }


class Conflict(Exception):
    """The section changed since the revision the write was based on."""

    def __init__(self, current: SectionState):
        super().__init__(f"{current.name} is at revision {current.revision}")
        # Read here, in the database's thread, not where the answer is written.
        current.value  # noqa: B018
        self.current = current


class LaterChanges(Conflict):
    """Undoing a change would also undo the later changes of its section:
    ``count`` of them, the newest of which are ``later``."""

    def __init__(self, current: SectionState, later: List[Change], count: int,
                 only_possible: bool):
        super().__init__(current)
        self.later = later
        self.count = count
        self.only_possible = only_possible


class EntriesChangedLater(Conflict):
    """Undoing only a change's entries is not possible: later changes touched
    them (``labels`` names them), or the section's entries cannot be told
    apart (no labels)."""

    def __init__(self, current: SectionState, labels: List[str]):
        super().__init__(current)
        self.labels = labels


class TooLarge(Exception):
    """The whole document would be larger than the panel reads."""

    def __init__(self, size_bytes: int, size_units: int, limit: "DocumentLimit"):
        super().__init__(f"{size_bytes} bytes, {size_units} UTF-16 units")
        self.size_bytes = size_bytes
        self.size_units = size_units
        self.max_bytes = limit.max_bytes
        self.max_units = limit.max_units


@dataclass(frozen=True)
class Retention:
    """How much history to keep: changes younger than ``days`` (0: any age),
    at most ``count`` per section (0: any number)."""

    days: int = 365
    count: int = 1000


@dataclass(frozen=True)
class DocumentLimit:
    """What the whole document may hold; ``overhead`` covers what the service
    adds around the sections (their keys, the status note's id)."""

    max_bytes: int
    max_units: int
    overhead: int = 256


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
    # A lost server is noticed on the next checkout, and a connection attempt
    # does not hang the worker for long while it is down.
    return create_engine(url, pool_pre_ping=True, future=True,
                         connect_args={"connect_timeout": 5})


def alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # %-signs in a password would be read as interpolation by configparser.
    config.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return config


@contextlib.contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock on a file beside a SQLite database (none in memory)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database's tables to ``revision`` (creating them when new),
    all or nothing, under a lock that replicas starting at once take in turn."""
    from alembic import command

    config = alembic_config(engine)
    with _file_lock(engine), engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # Python's sqlite3 commits table changes as they come; the
            # migration is made one transaction by hand instead.
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
            except BaseException:
                connection.exec_driver_sql("ROLLBACK")
                raise
            connection.exec_driver_sql("COMMIT")
            return
        with connection.begin():
            Store._lock(connection)
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
    def __init__(self, url: str, migrate: bool = True, retention: Retention = Retention(),
                 limit: Optional[DocumentLimit] = None):
        self.url = url
        self.engine = make_engine(url)
        self.retention = retention
        self.limit = limit
        if migrate:
            upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    # Reading

    @staticmethod
    def _state(row) -> SectionState:
        return SectionState(row.name, row.value, row.revision, row.updated_at, row.updated_by)

    def all_sections(self) -> Dict[str, SectionState]:
        with self.engine.connect() as conn:
            return {row.name: self._state(row) for row in conn.execute(select(sections))}

    def revisions(self) -> Dict[str, int]:
        """Each stored section's revision: what a cached copy is checked against."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(sections.c.name, sections.c.revision)).all())

    def section(self, name: str, conn=None) -> SectionState:
        if conn is None:
            with self.engine.connect() as own:
                return self.section(name, own)
        row = conn.execute(select(sections).where(sections.c.name == name)).first()
        return self._state(row) if row else SectionState(name)

    def history(self, section: Optional[str] = None, limit: int = 50,
                names: Optional[Sequence[str]] = None,
                before: Optional[int] = None) -> Tuple[List[Change], Optional[int]]:
        """The newest ``limit`` changes (older than change ``before``), and the
        ``before`` of the next page, or None at the oldest."""
        query = select(changes).order_by(changes.c.id.desc()).limit(limit + 1)
        if section is not None:
            query = query.where(changes.c.section == section)
        elif names is not None:
            query = query.where(changes.c.section.in_(list(names)))
        if before is not None:
            query = query.where(changes.c.id < before)
        with self.engine.connect() as conn:
            found = [self._change(row) for row in conn.execute(query)]
        more = len(found) > limit
        found = found[:limit]
        return found, (found[-1].id if more else None)

    def change(self, change_id: int) -> Optional[Change]:
        with self.engine.connect() as conn:
            row = conn.execute(select(changes).where(changes.c.id == change_id)).first()
        return self._change(row) if row else None

    def change_values(self, change_id: int) -> Optional[Tuple[Change, Any, Any]]:
        """A change with its section's value before and after it."""
        with self.engine.connect() as conn:
            found = self._walk(conn, change_id)
        if found is None:
            return None
        change, _, before, after = found
        return change, before, after

    @staticmethod
    def _change(row) -> Change:
        return Change(row.id, row.section, row.username, row.at, row.kind, row.revision,
                      json.loads(row.summary), row.as_right)

    def _walk(self, conn, change_id: int):
        """A change, its section now, and the section's value before and
        after the change: from the current value back through the reverts of
        the change and every later one, one row at a time. ``Conflict`` when a
        later change is missing from the history (no going back past it)."""
        row = conn.execute(select(changes).where(changes.c.id == change_id)).first()
        if row is None:
            return None
        change = self._change(row)
        current = self.section(change.section, conn)
        rows = conn.execution_options(yield_per=50).execute(
            select(changes.c.revision, changes.c.revert)
            .where(changes.c.section == change.section, changes.c.id >= change_id)
            .order_by(changes.c.id.desc())
        )
        after, expected = current.value, current.revision
        for later in rows:
            if later.revision != expected:
                raise Conflict(current)
            before = diff.apply_revert(json.loads(later.revert), after)
            if later.revision == change.revision:
                return change, current, before, after
            after, expected = before, expected - 1
        raise Conflict(current)

    # Undo

    def plan_undo(self, change_id: int, expected_revision: Optional[int], *,
                  also_undo: Optional[int] = None, only: bool = False) -> Optional[Tuple[Change, SectionState, Any]]:
        """What undoing change ``change_id`` would store: (the change, the
        section now, the value to store). None for an unknown change.

        Without a confirmation, ``expected_revision`` must be the change's own
        revision and no later change may exist (``LaterChanges`` otherwise).
        ``also_undo=N`` undoes the N later changes too and ``only`` reverts
        just this change's entries; both with ``expected_revision`` the
        section's current revision, which the person was shown."""
        with self.engine.connect() as conn:
            found = self._walk(conn, change_id)
            if found is None:
                return None
            change, current, before, after = found
            later_count = current.revision - change.revision
            if also_undo is None and not only:
                if later_count > 0:
                    later = [self._change(r) for r in conn.execute(
                        select(changes).where(changes.c.section == change.section,
                                              changes.c.id > change.id)
                        .order_by(changes.c.id.desc()).limit(20))]
                    raise LaterChanges(current, later, later_count,
                                       diff.can_revert_only(before, after, current.value))
                if expected_revision is not None and expected_revision != change.revision:
                    raise Conflict(current)
                return change, current, before
        # A confirmation names the revision it was shown.
        if expected_revision != current.revision:
            raise Conflict(current)
        if only:
            try:
                value = diff.revert_only(before, after, current.value)
            except diff.EntriesChanged as clash:
                raise EntriesChangedLater(current, clash.labels) from None
            if value is None:
                raise EntriesChangedLater(current, [])
            return change, current, value
        if also_undo != later_count:
            raise Conflict(current)
        return change, current, before

    # Writing

    def write(self, name: str, value: Any, expected_revision: Optional[int], user: str,
              kind: str = "edit", as_right: Optional[str] = None) -> SectionState:
        """Store ``value`` as section ``name`` if it is still at
        ``expected_revision`` (``None``: whatever it is at); record the change,
        made by ``user`` on the right ``as_right``. Raises ``Conflict`` with
        the current state otherwise."""
        try:
            with self.engine.begin() as conn:
                self._lock(conn)
                state = self._write(conn, name, value, expected_revision, user, kind, utcnow(),
                                    as_right)
                self._check_size(conn)
                return state
        except IntegrityError:
            # Another writer created the section first.
            raise Conflict(self.section(name)) from None

    def write_many(self, values: Iterable[Tuple[str, Any]], user: str, kind: str = "import",
                   attempts: int = 3, *, as_right: Optional[str] = None) -> Dict[str, SectionState]:
        """Store several sections in one transaction, one change each."""
        values = list(values)
        for attempt in range(attempts):
            try:
                with self.engine.begin() as conn:
                    self._lock(conn)
                    at = utcnow()
                    states = {
                        name: self._write(conn, name, value, None, user, kind, at, as_right)
                        for name, value in values
                    }
                    self._check_size(conn)
                    return states
            except (IntegrityError, Conflict) as raced:
                # Raced with another writer: read again and retry the whole lot.
                if attempt == attempts - 1:
                    if isinstance(raced, Conflict):
                        raise
                    raise Conflict(self.section(values[0][0])) from None
        raise AssertionError("unreachable")

    @staticmethod
    def _lock(conn) -> None:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})

    def _check_size(self, conn) -> None:
        if self.limit is None:
            return
        total_bytes, total_units = conn.execute(
            select(func.coalesce(func.sum(sections.c.size_bytes), 0),
                   func.coalesce(func.sum(sections.c.size_units), 0))
        ).one()
        total_bytes += self.limit.overhead
        total_units += self.limit.overhead
        if total_bytes > self.limit.max_bytes or total_units > self.limit.max_units:
            raise TooLarge(total_bytes, total_units, self.limit)

    def _write(self, conn, name, value, expected, user, kind, at, as_right=None) -> SectionState:
        if kind not in KINDS:
            raise ValueError(f"unknown change kind {kind!r}")
        current = self.section(name, conn)
        if expected is not None and current.revision != expected:
            raise Conflict(current)
        revision = current.revision + 1
        value_text = dumps(value)
        size_bytes, size_units = sizes(value_text)
        fields = dict(value=value_text, revision=revision, updated_at=at, updated_by=user,
                      size_bytes=size_bytes, size_units=size_units)
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
        before = current.value
        conn.execute(
            insert(changes).values(
                section=name, username=user, at=at, kind=kind, revision=revision,
                as_right=as_right,
                revert=dumps(diff.revert_of(before, value)),
                summary=dumps(diff.summary_of(before, value)),
            )
        )
        self._forget(conn, name, at)
        return SectionState(name, value_text, revision, at, user)

    def _forget(self, conn, name: str, now: datetime) -> None:
        """History past the retention: the oldest changes go first, so every
        change kept can still be walked back to from the current value."""
        keep = self.retention
        if keep.days:
            # By id, never by time alone: clocks of replicas differ, and a
            # later change must never go before an earlier one.
            cutoff = conn.execute(
                select(func.max(changes.c.id)).where(
                    changes.c.section == name, changes.c.at < now - timedelta(days=keep.days))
            ).scalar()
            if cutoff is not None:
                conn.execute(delete(changes).where(changes.c.section == name,
                                                   changes.c.id <= cutoff))
        if keep.count:
            cutoff = conn.execute(
                select(changes.c.id).where(changes.c.section == name)
                .order_by(changes.c.id.desc()).offset(keep.count).limit(1)
            ).scalar()
            if cutoff is not None:
                conn.execute(delete(changes).where(changes.c.section == name,
                                                   changes.c.id <= cutoff))

    # Sign-ins under way

    def put_oauth_state(self, state_id: str, state: dict, ttl: timedelta) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(delete(oauth_states).where(oauth_states.c.expires_at < now))
            conn.execute(insert(oauth_states).values(id=state_id, state=dumps(state),
                                                     expires_at=now + ttl))

    def get_oauth_state(self, state_id: str) -> Optional[dict]:
        with self.engine.connect() as conn:
            row = conn.execute(select(oauth_states.c.state).where(
                oauth_states.c.id == state_id, oauth_states.c.expires_at >= utcnow())).first()
        return json.loads(row.state) if row else None

    def delete_oauth_state(self, state_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(oauth_states).where(oauth_states.c.id == state_id))

    # Sign-ins made

    def record_sign_in(self, token_hash: str, username: str, keep: timedelta) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(delete(sign_ins).where(sign_ins.c.created_at < now - keep))
            conn.execute(delete(sign_ins).where(sign_ins.c.token_hash == token_hash))
            conn.execute(insert(sign_ins).values(token_hash=token_hash, username=username,
                                                 created_at=now))

    def signed_in(self, token_hash: str, keep: timedelta) -> Optional[str]:
        """Who signed in with this token, if it was made by this service's
        sign-in within ``keep``."""
        with self.engine.connect() as conn:
            return conn.execute(select(sign_ins.c.username).where(
                sign_ins.c.token_hash == token_hash,
                sign_ins.c.created_at >= utcnow() - keep)).scalar()

    # Replicas

    def announce(self, replica: str, host: str, secret: str, stale: timedelta) -> List[dict]:
        """The live replicas that sign with another secret; when there are
        none, this replica is recorded among them."""
        now = utcnow()
        with self.engine.begin() as conn:
            self._lock(conn)
            conn.execute(delete(replicas).where(replicas.c.seen_at < now - stale))
            others = [
                {"host": r.host, "started_at": iso(r.started_at)}
                for r in conn.execute(select(replicas).where(replicas.c.secret != secret))
            ]
            if not others:
                conn.execute(insert(replicas).values(id=replica, host=host, secret=secret,
                                                     started_at=now, seen_at=now))
        return others

    def seen(self, replica: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(replicas).where(replicas.c.id == replica).values(seen_at=utcnow()))

    def withdraw(self, replica: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(replicas).where(replicas.c.id == replica))
