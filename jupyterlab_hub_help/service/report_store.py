"""Where reports live: two tables beside the sections (migration 0005), on
the same engine, and every change to a report recorded as an event with who
and when. Blocking, like ``store.Store``: the handlers run it in the
service's thread pool.

Filing takes the same PostgreSQL advisory lock as section writes, so the
per-person rate, the total bound and the idempotency key are each decided
by one writer at a time across replicas.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import Collection, Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    false,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from .reports import ACTIONS, PASS_ON_DESCRIPTION_CHARS, PASS_ON_DESCRIPTIONS
from .store import Store, iso, metadata, utcnow

reports = Table(
    "reports", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # Set in the transaction that files the report, from its id.
    Column("reference", String(16), nullable=True, unique=True),
    Column("idempotency_key", String(128), nullable=False),
    Column("reporter", String(255), nullable=False),
    Column("reporter_role", String(16), nullable=False),
    Column("category", String(64), nullable=False),
    Column("summary", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("affected", Text, nullable=False),
    Column("diagnostics", Text, nullable=False),
    Column("page_path", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("status", String(16), nullable=False),
    Column("acknowledged_by", String(255), nullable=True),
    Column("acknowledged_at", DateTime, nullable=True),
    Column("resolved_by", String(255), nullable=True),
    Column("resolved_at", DateTime, nullable=True),
    Column("resolution", Text, nullable=True),
    Column("passed_on_by", String(255), nullable=True),
    Column("passed_on_at", DateTime, nullable=True),
    UniqueConstraint("reporter", "idempotency_key", name="uq_reports_reporter_key"),
)
Index("ix_reports_created_at", reports.c.created_at)
Index("ix_reports_category_created_at", reports.c.category, reports.c.created_at)
Index("ix_reports_reporter_created_at", reports.c.reporter, reports.c.created_at)

report_events = Table(
    "report_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", Integer,
           ForeignKey("reports.id", ondelete="CASCADE", name="fk_report_events_report"),
           nullable=False),
    Column("kind", String(16), nullable=False),
    Column("username", String(255), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("note", Text, nullable=True),
    Column("to_reporter", Boolean, nullable=False, server_default=false()),
)
Index("ix_report_events_report_id", report_events.c.report_id, report_events.c.id)

#: References start here, so that the first report is R-1001.
REFERENCE_BASE = 1000
OPEN = ("received", "acknowledged")
#: What makes room when the reports kept reach their bound.
CLOSED = ("resolved", "withdrawn")
#: What withdrawing erases.
ERASED = ("description", "affected", "diagnostics", "page_path")


@dataclass(frozen=True)
class Event:
    kind: str
    user: str
    at: datetime
    note: Optional[str]
    to_reporter: bool

    def to_json(self, for_reporter: bool) -> dict:
        shown = {"kind": self.kind, "by": self.user, "at": iso(self.at), "note": self.note}
        return shown if for_reporter else {**shown, "toReporter": self.to_reporter}


@dataclass(frozen=True)
class Report:
    id: int
    reference: str
    reporter: str
    reporter_role: str
    category: str
    summary: str
    description: str
    affected: str
    diagnostics: str
    page_path: str
    created_at: datetime
    status: str
    acknowledged_by: Optional[str] = None
    acknowledged_at: Optional[datetime] = None
    resolved_by: Optional[str] = None
    resolved_at: Optional[datetime] = None
    resolution: Optional[str] = None
    passed_on_by: Optional[str] = None
    passed_on_at: Optional[datetime] = None
    events: Tuple[Event, ...] = field(default=())

    @property
    def number(self) -> int:
        return self.id + REFERENCE_BASE

    def to_json(self, for_reporter: bool = False) -> dict:
        """The report as its reporter reads it (the notes addressed to them,
        never the internal ones), or as a triager does."""
        def by_at(who, at, **more):
            return {"by": who, "at": iso(at), **more} if at is not None else None

        events = [e.to_json(for_reporter) for e in self.events
                  if e.to_reporter or not for_reporter]
        return {
            "reference": self.reference,
            "status": self.status,
            "category": self.category,
            "summary": self.summary,
            "description": self.description,
            "affected": self.affected,
            "diagnostics": self.diagnostics,
            "pagePath": self.page_path,
            "createdAt": iso(self.created_at),
            "reporter": {"name": self.reporter, "role": self.reporter_role},
            "acknowledged": by_at(self.acknowledged_by, self.acknowledged_at),
            "resolved": by_at(self.resolved_by, self.resolved_at, note=self.resolution),
            "passedOn": by_at(self.passed_on_by, self.passed_on_at),
            "events": events,
        }


_COLUMNS = [f.name for f in fields(Report) if f.name != "events"]


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


class Full(Exception):
    """Every report kept is still open: none makes room."""


class Unknown(Exception):
    """References that name no report the caller may act on."""

    def __init__(self, references: List[str]):
        super().__init__(", ".join(references))
        self.references = references


class WrongStatus(Exception):
    def __init__(self, found: List[Report]):
        super().__init__(", ".join(f"{r.reference} is {r.status}" for r in found))
        self.reports = found


class ReportStore:
    def __init__(self, store: Store):
        self.engine = store.engine

    # Reading

    def _reports(self, conn, query) -> List[Report]:
        rows = conn.execute(query).all()
        ids = [row.id for row in rows]
        events: Dict[int, List[Event]] = {i: [] for i in ids}
        if ids:
            for e in conn.execute(select(report_events).where(report_events.c.report_id.in_(ids))
                                  .order_by(report_events.c.id)):
                events[e.report_id].append(Event(e.kind, e.username, e.at, e.note, e.to_reporter))
        return [Report(**{c: row._mapping[c] for c in _COLUMNS}, events=tuple(events[row.id]))
                for row in rows]

    def _one(self, conn, *where) -> Optional[Report]:
        found = self._reports(conn, select(reports).where(*where))
        return found[0] if found else None

    def _page(self, query, limit: int, before: Optional[int]) -> Tuple[List[Report], Optional[int]]:
        """The newest ``limit`` (below reference number ``before``), and the
        ``before`` of the next page, or None at the oldest."""
        if before is not None:
            query = query.where(reports.c.id < before - REFERENCE_BASE)
        with self.engine.connect() as conn:
            found = self._reports(conn, query.order_by(reports.c.id.desc()).limit(limit + 1))
        more = len(found) > limit
        found = found[:limit]
        return found, (found[-1].number if more else None)

    def mine(self, reporter: str, limit: int, before: Optional[int]):
        return self._page(select(reports).where(reports.c.reporter == reporter), limit, before)

    def inbox(self, roles: Collection[str], limit: int, before: Optional[int], *,
              status: Optional[str] = None, category: Optional[str] = None,
              since: Optional[datetime] = None, until: Optional[datetime] = None):
        query = self._routed(roles)
        if status is not None:
            query = query.where(reports.c.status == status)
        if category is not None:
            query = query.where(reports.c.category == category)
        if since is not None:
            query = query.where(reports.c.created_at >= since)
        if until is not None:
            query = query.where(reports.c.created_at < until)
        return self._page(query, limit, before)

    def export(self, roles: Collection[str]) -> List[Report]:
        with self.engine.connect() as conn:
            return self._reports(conn, self._routed(roles).order_by(reports.c.id))

    @staticmethod
    def _routed_to(roles: Collection[str]) -> tuple:
        """The reports of reporters with these roles; withdrawn ones are no one's to read."""
        return reports.c.reporter_role.in_(list(roles)), reports.c.status != "withdrawn"

    def _routed(self, roles: Collection[str]):
        return select(reports).where(*self._routed_to(roles))

    def others(self, category: str, caller: str, since: datetime):
        """How many people other than ``caller`` reported ``category`` since
        ``since``, and the latest acknowledgement of such a report (by, at)."""
        recent = (reports.c.category == category, reports.c.created_at >= since,
                  reports.c.status != "withdrawn")
        with self.engine.connect() as conn:
            others = conn.execute(select(func.count(func.distinct(reports.c.reporter)))
                                  .where(*recent, reports.c.reporter != caller)).scalar()
            acknowledged = conn.execute(
                select(reports.c.acknowledged_by, reports.c.acknowledged_at)
                .where(*recent, reports.c.acknowledged_at.is_not(None))
                .order_by(reports.c.acknowledged_at.desc()).limit(1)).first()
        return others, (tuple(acknowledged) if acknowledged else None)

    def people(self, windows: Dict[str, timedelta], now: datetime) -> Dict[str, int]:
        """How many people reported each category within its window."""
        if not windows:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(reports.c.category, reports.c.reporter, func.max(reports.c.created_at))
                .where(reports.c.category.in_(list(windows)),
                       reports.c.created_at >= now - max(windows.values()),
                       reports.c.status != "withdrawn")
                .group_by(reports.c.category, reports.c.reporter)).all()
        return dict(Counter(category for category, _, latest in rows
                            if latest >= now - windows[category]))

    # Filing

    def file(self, reporter: str, role: str, key: str, values: Dict[str, str], *,
             per_hour: int, max_stored: int) -> Tuple[Report, bool]:
        """Store a report, or find the one this reporter filed with ``key``;
        says whether it is new. Answers only once the report is committed."""
        mine = (reports.c.reporter == reporter, reports.c.idempotency_key == key)
        try:
            with self.engine.begin() as conn:
                Store._lock(conn)
                found = self._one(conn, *mine)
                if found is not None:
                    return found, False
                now = utcnow()
                self._check_rate(conn, reporter, now, per_hour)
                self._make_room(conn, max_stored)
                report_id = conn.execute(insert(reports).values(
                    idempotency_key=key, reporter=reporter, reporter_role=role, created_at=now,
                    status="received", **values)).inserted_primary_key[0]
                conn.execute(update(reports).where(reports.c.id == report_id)
                             .values(reference=f"R-{report_id + REFERENCE_BASE}"))
                self._event(conn, report_id, "filed", reporter, now, None, True)
                return self._one(conn, reports.c.id == report_id), True
        except IntegrityError:
            # The same key from another process, committed first.
            with self.engine.connect() as conn:
                found = self._one(conn, *mine)
            if found is None:
                raise
            return found, False

    @staticmethod
    def _check_rate(conn, reporter: str, now: datetime, per_hour: int) -> None:
        hour = now - timedelta(hours=1)
        count, oldest = conn.execute(
            select(func.count(), func.min(reports.c.created_at))
            .where(reports.c.reporter == reporter, reports.c.created_at > hour)).one()
        if count >= per_hour:
            raise RateLimited(max(1, int((oldest - hour).total_seconds()) + 1))

    @staticmethod
    def _make_room(conn, max_stored: int) -> None:
        excess = conn.execute(select(func.count()).select_from(reports)).scalar() - max_stored + 1
        if excess <= 0:
            return
        ids = conn.execute(select(reports.c.id).where(reports.c.status.in_(CLOSED))
                           .order_by(reports.c.id).limit(excess)).scalars().all()
        if len(ids) < excess:
            raise Full()
        ReportStore._delete(conn, ids)

    @staticmethod
    def _delete(conn, ids: Sequence[int]) -> None:
        # Events first: SQLite enforces the cascade only where foreign keys are on.
        conn.execute(delete(report_events).where(report_events.c.report_id.in_(ids)))
        conn.execute(delete(reports).where(reports.c.id.in_(ids)))

    @staticmethod
    def _event(conn, report_id: int, kind: str, user: str, at: datetime, note: Optional[str],
               to_reporter: bool) -> None:
        conn.execute(insert(report_events).values(report_id=report_id, kind=kind, username=user,
                                                  at=at, note=note or None,
                                                  to_reporter=to_reporter))

    # Changing

    def act(self, reference: str, roles: Collection[str], action: str, user: str,
            note: str = "", to_reporter: bool = False) -> Report:
        """A triager's action (``reports.ACTIONS``) on a report routed to them."""
        allowed, kind = ACTIONS[action]
        with self.engine.begin() as conn:
            found = self._one(conn, reports.c.reference == reference, *self._routed_to(roles))
            if found is None:
                raise Unknown([reference])
            if found.status not in allowed:
                raise WrongStatus([found])
            now = utcnow()
            values = {
                "acknowledge": dict(status="acknowledged", acknowledged_by=user, acknowledged_at=now),
                "resolve": dict(status="resolved", resolved_by=user, resolved_at=now,
                                resolution=note or None),
                "reopen": dict(status="acknowledged" if found.acknowledged_at else "received",
                               resolved_by=None, resolved_at=None, resolution=None,
                               passed_on_by=None, passed_on_at=None),
                "note": {},
            }[action]
            # Only where the status is still the one read: two triagers at once, one wins.
            if values and conn.execute(update(reports).where(
                    reports.c.id == found.id, reports.c.status == found.status)
                    .values(**values)).rowcount != 1:
                raise WrongStatus([self._one(conn, reports.c.id == found.id)])
            # A resolution's note is the reporter's to read; other notes say.
            self._event(conn, found.id, kind, user, now, note,
                        to_reporter if action == "note" else True)
            return self._one(conn, reports.c.id == found.id)

    def withdraw(self, reference: str, reporter: str) -> Report:
        """The reporter takes their report back: what they wrote is erased,
        the summary and the events stay. Withdrawing again changes nothing."""
        with self.engine.begin() as conn:
            found = self._one(conn, reports.c.reference == reference,
                              reports.c.reporter == reporter)
            if found is None:
                raise Unknown([reference])
            if found.status != "withdrawn":
                conn.execute(update(reports).where(reports.c.id == found.id).values(
                    status="withdrawn", **{column: "" for column in ERASED}))
                self._event(conn, found.id, "withdrawn", reporter, utcnow(), None, True)
            return self._one(conn, reports.c.id == found.id)

    def pass_on(self, references: Sequence[str], roles: Collection[str], user: str) -> dict:
        """Marks open reports passed on to the operator's desk, all or none,
        and sums them up for it: no one's name, the people counted."""
        with self.engine.begin() as conn:
            found = self._reports(conn, self._routed(roles).where(
                reports.c.reference.in_(list(references))).order_by(reports.c.id))
            unknown = sorted(set(references) - {r.reference for r in found})
            if unknown:
                raise Unknown(unknown)
            closed = [r for r in found if r.status not in OPEN]
            if closed:
                raise WrongStatus(closed)
            now = utcnow()
            ids = [r.id for r in found]
            changed = conn.execute(update(reports).where(
                reports.c.id.in_(ids), reports.c.status.in_(OPEN))
                .values(status="passed-on", passed_on_by=user, passed_on_at=now)).rowcount
            if changed != len(ids):
                raise WrongStatus(self._reports(conn, select(reports).where(
                    reports.c.id.in_(ids), reports.c.status.not_in(OPEN))))
            for report_id in ids:
                self._event(conn, report_id, "passed-on", user, now, None, True)
        return aggregate(found)

    # Retention

    def forget(self, older_than: datetime) -> int:
        with self.engine.begin() as conn:
            ids = conn.execute(select(reports.c.id)
                               .where(reports.c.created_at < older_than)).scalars().all()
            if ids:
                self._delete(conn, ids)
        return len(ids)


def aggregate(found: Iterable[Report]) -> dict:
    """What the operator's desk is told of reports passed on to it."""
    found = list(found)
    categories = Counter(r.category for r in found)
    descriptions: List[str] = []
    # One description per category first, the most reported first.
    ranked = sorted(found, key=lambda r: (-categories[r.category], r.id))
    for pass_number in (0, 1):
        seen = set()
        for r in ranked:
            text = r.description.strip()[:PASS_ON_DESCRIPTION_CHARS]
            if (not text or text in descriptions or len(descriptions) >= PASS_ON_DESCRIPTIONS
                    or (pass_number == 0 and r.category in seen)):
                continue
            seen.add(r.category)
            descriptions.append(text)
    times = [r.created_at for r in found]
    return {
        "count": len(found),
        "first": iso(min(times)) if times else None,
        "last": iso(max(times)) if times else None,
        "people": len({r.reporter for r in found}),
        "categories": dict(categories.most_common()),
        "descriptions": descriptions,
    }
