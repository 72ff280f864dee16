"""The reports API: people file reports and read their own with any
credential that reaches the service; those the escalation policy routes
reports to (``reports.ReportRules.routed``) read and act on them with a
credential that may change things, as ``rights.py`` decides for edits.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, FrozenSet, List, Optional

from . import EDIT_SCOPE, checks
from .handlers import ApiError, BodyHandler, paging, refused
from .redact import redact
from .report_store import Full, RateLimited, Report, ReportStore, Unknown, WrongStatus
from .reports import (
    BODY_BYTES,
    IDEMPOTENCY_KEY,
    MAX_STORED,
    PASS_ON_MAX,
    STATUSES,
    ReportRules,
    Refused,
    note_text,
    report_fields,
)
from .store import iso, utcnow

#: The body's fields and the columns that keep them.
COLUMNS = {"category": "category", "summary": "summary", "description": "description",
           "affected": "affected", "diagnostics": "diagnostics", "pagePath": "page_path"}
CSV_COLUMNS = ("reference", "created_at", "status", "category", "reporter", "reporter_role",
               "summary", "description", "affected", "diagnostics", "page_path",
               "acknowledged_by", "acknowledged_at", "resolved_by", "resolved_at", "resolution",
               "passed_on_by", "passed_on_at")


def checked(fn: Callable, *args: Any) -> Any:
    try:
        return fn(*args)
    except Refused as e:
        raise ApiError(e.status, e.error, e.message, **e.extra) from None


class ReportHandler(BodyHandler):
    def body_limit(self) -> int:
        return BODY_BYTES

    async def prepare(self) -> None:
        if not self.rules.enabled:
            raise ApiError(404, "reports-off",
                           "This hub help service keeps no reports: its operator turned them "
                           "off (--no-reports).")
        await super().prepare()

    @property
    def rules(self) -> ReportRules:
        return self.service.reports

    @property
    def kept(self) -> ReportStore:
        return self.service.report_store

    def json_body(self) -> dict:
        outcome = checks.small_body(self.body)
        if outcome.refusal:
            raise refused(outcome)
        return outcome.value

    def require_person(self) -> str:
        if self.current_user.get("kind", "user") != "user":
            raise ApiError(403, "forbidden", "Reports are filed by people, not by services.")
        return self.user_name

    def routed(self) -> FrozenSet[str]:
        """The reporters' roles whose reports this caller triages; refused
        to those reports are not routed to, or who call with a credential
        that may not change things (the edit rule of ``rights.py``)."""
        roles = self.service.rights.roles(self.current_user)
        if not self.rules.triages(self.current_user, roles):
            raise ApiError(
                403, "forbidden",
                "Reports go to the hub's admins (users' reports), the Community "
                f"Representatives (admins' reports) and holders of {EDIT_SCOPE} (all).",
            )
        self.require_editor()
        return self.rules.routed(self.decision.because, roles)

    def redacted(self, text: str) -> str:
        return redact(text, [self.token] if self.token else [])

    async def db(self, fn: Callable, *args: Any, **kwargs: Any) -> Any:
        try:
            return await self.service.db(fn, *args, **kwargs)
        except Unknown as e:
            raise ApiError(404, "not-found",
                           f"No report for you to act on is named {', '.join(e.references)}.",
                           references=e.references) from None
        except WrongStatus as e:
            raise ApiError(
                409, "wrong-status",
                "Nothing was changed: " + "; ".join(f"{r.reference} is {r.status}"
                                                    for r in e.reports) + ".",
                reports=[r.to_json() for r in e.reports],
            ) from None

    def moment(self, name: str) -> Optional[datetime]:
        """An ISO 8601 date or time from the query (UTC when it names no offset)."""
        raw = self.get_argument(name, None)
        if raw is None:
            return None
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            raise ApiError(400, "bad-request", f"{name} must be an ISO 8601 date or time.",
                           field=name) from None
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value


class ReportsHandler(ReportHandler):
    asks_credential = True

    async def post(self) -> None:
        """Files a report, once for each idempotency key."""
        reporter = self.require_person()
        key = self.request.headers.get("Idempotency-Key", "")
        if not IDEMPOTENCY_KEY.match(key):
            raise ApiError(400, "bad-request",
                           "Send an Idempotency-Key header of 8 to 128 printable ASCII "
                           "characters, the same for each retry of one report.",
                           field="Idempotency-Key")
        fields = checked(report_fields, self.json_body())
        values = {column: self.redacted(fields[name]) for name, column in COLUMNS.items()}
        role = self.rules.reporter_role(self.service.rights.roles(self.current_user))
        try:
            report, new = await self.db(self.kept.file, reporter, role, key, values,
                                        per_hour=self.rules.per_hour, max_stored=MAX_STORED)
        except RateLimited as e:
            raise ApiError(429, "too-many-reports",
                           f"At most {self.rules.per_hour} reports an hour are taken from one "
                           "person; try again later.",
                           headers={"Retry-After": str(e.retry_after)}) from None
        except Full:
            raise ApiError(507, "reports-full",
                           f"The service keeps {MAX_STORED} reports and every one is still "
                           "open; nothing was stored. Tell the hub's admins another way.") from None
        self.write_json({"report": report.to_json(for_reporter=True)}, 201 if new else 200)

    async def get(self) -> None:
        """The inbox: the reports routed to the caller, newest first."""
        roles = self.routed()
        status = self.get_argument("status", None)
        if status is not None and (status not in STATUSES or status == "withdrawn"):
            raise ApiError(400, "bad-request",
                           f"status is one of {', '.join(s for s in STATUSES if s != 'withdrawn')}.",
                           field="status")
        limit, before = paging(self)
        found, following = await self.db(
            self.kept.inbox, roles, limit, before, status=status,
            category=self.get_argument("category", None), since=self.moment("since"),
            until=self.moment("until"))
        self.write_json({"reports": [r.to_json() for r in found], "next": following,
                         "alerts": await self.alerts()})

    async def alerts(self) -> List[dict]:
        """The categories that as many people as their threshold reported
        within its window: counts only, whoever the reports are routed to."""
        thresholds = self.rules.thresholds or {}
        people = await self.db(
            self.kept.people,
            {c: timedelta(minutes=t.minutes) for c, t in thresholds.items()}, utcnow())
        return [{"category": c, "people": people[c], "threshold": t.count, "minutes": t.minutes}
                for c, t in sorted(thresholds.items()) if people.get(c, 0) >= t.count]


class MineHandler(ReportHandler):
    async def get(self) -> None:
        reporter = self.require_person()
        limit, before = paging(self)
        found, following = await self.db(self.kept.mine, reporter, limit, before)
        self.write_json({"reports": [r.to_json(for_reporter=True) for r in found],
                         "next": following})


class SummaryHandler(ReportHandler):
    async def get(self) -> None:
        """'Is it just me': how many others reported a shared category lately;
        counts only, never who."""
        category = self.get_argument("category", "")
        if category not in self.rules.shared:
            raise ApiError(400, "bad-request",
                           "Counts are shown for the outage categories and those the operator "
                           f"shares only: {', '.join(sorted(self.rules.shared))}.",
                           field="category")
        minutes = self.rules.window_minutes
        others, acknowledged = await self.db(self.kept.others, category, self.user_name,
                                             utcnow() - timedelta(minutes=minutes))
        self.write_json({
            "category": category,
            "others": others,
            "acknowledged": ({"by": acknowledged[0], "at": iso(acknowledged[1])}
                             if acknowledged else None),
            "windowMinutes": minutes,
        })


class ReportExportHandler(ReportHandler):
    asks_credential = True

    async def get(self) -> None:
        roles = self.routed()
        form = self.get_argument("format", "json")
        if form not in ("json", "csv"):
            raise ApiError(400, "bad-request", "format is json or csv.", field="format")
        found = await self.db(self.kept.export, roles)
        self.set_header("Content-Disposition", f'attachment; filename="hub-help-reports.{form}"')
        if form == "json":
            self.write_json({"reports": [r.to_json() for r in found],
                             "exportedAt": iso(datetime.now(timezone.utc))})
            return
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.finish(csv_text(found))


def csv_text(found: List[Report]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for report in found:
        writer.writerow([_cell(getattr(report, column)) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return iso(value)
    text = str(value)
    # A spreadsheet would run a cell that starts like a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class PassOnHandler(ReportHandler):
    async def post(self) -> None:
        roles = self.routed()
        references = self.json_body().get("references")
        if (not isinstance(references, list) or not references
                or not all(isinstance(r, str) and len(r) <= 16 for r in references)
                or len(references) > PASS_ON_MAX):
            raise ApiError(400, "bad-request",
                           f'Send {{"references": ["R-1042", ...]}}, 1 to {PASS_ON_MAX} of them.',
                           field="references")
        summed = await self.db(self.kept.pass_on, sorted(set(references)), roles, self.user_name)
        self.write_json(summed)


class ReportActionHandler(ReportHandler):
    async def post(self, reference: str, action: str) -> None:
        given = self.json_body()
        if action == "withdraw":
            report = await self.db(self.kept.withdraw, reference, self.require_person())
            self.write_json({"report": report.to_json(for_reporter=True)})
            return
        roles = self.routed()
        to_reporter = given.get("toReporter", False)
        if type(to_reporter) is not bool:
            raise ApiError(400, "bad-request", "toReporter is true or false.", field="toReporter")
        if action == "note":
            note = checked(note_text, given, "text", True)
        else:
            note = checked(note_text, given, "note", False) if action == "resolve" else ""
        report = await self.db(self.kept.act, reference, roles, action, self.user_name,
                               self.redacted(note), to_reporter)
        self.write_json({"report": report.to_json()})


ROUTES = (
    ("api/reports", ReportsHandler),
    ("api/reports/mine", MineHandler),
    ("api/reports/summary", SummaryHandler),
    ("api/reports/export", ReportExportHandler),
    ("api/reports/pass-on", PassOnHandler),
    (r"api/reports/(R-[0-9]{1,10})/(acknowledge|resolve|reopen|note|withdraw)",
     ReportActionHandler),
)
