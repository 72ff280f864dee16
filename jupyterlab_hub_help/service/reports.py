"""The rules of the reports people file from the Get help panel: what a
report may hold, who reads it, how its status moves, and when a category
has been reported by enough people to tell the triagers.

Who reads a report follows the panel's escalation policy: a user's report
goes to the hub's admins, an admin's to the Community Representatives, and
holders of the edit scope (the operator's own helpers) read them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, FrozenSet, Iterable, Optional

from . import EDIT_SCOPE
from ..validate.catalogue import BUILT_IN_OUTAGE_CATEGORIES

#: The reporter's role when the report was filed.
REPORTER_ROLES = ("user", "admin", "representative")
STATUSES = ("received", "acknowledged", "resolved", "passed-on", "withdrawn")
#: Each triage action: the statuses it applies to, and the event it records.
ACTIONS = {
    "acknowledge": (("received",), "acknowledged"),
    "resolve": (("received", "acknowledged", "passed-on"), "resolved"),
    "reopen": (("resolved", "passed-on"), "reopened"),
    "note": (("received", "acknowledged", "resolved", "passed-on"), "note"),
}
#: Whose reports each role reads (``rights.Rights.roles``).
ROUTED = {"admin": "user", "representative": "admin"}
OUTAGE_CATEGORIES = tuple(category for category, _ in BUILT_IN_OUTAGE_CATEGORIES)

#: The most each field may hold, in UTF-16 units (as the panel counts).
FIELD_LIMITS = {
    "category": 64,
    "summary": 200,
    "description": 10_000,
    "affected": 2_000,
    "diagnostics": 20_000,
    "pagePath": 1_000,
}
REQUIRED = ("category", "summary")
NOTE_MAX = 4_000
#: A report's body: its fields with room for escaping.
BODY_BYTES = 256 * 1024
REPORTS_PER_HOUR = 10
#: Reports kept at most; past it the oldest closed ones make room.
MAX_STORED = 50_000
#: References named by one pass-on.
PASS_ON_MAX = 200
#: The descriptions a pass-on shows, each cut to this length.
PASS_ON_DESCRIPTIONS, PASS_ON_DESCRIPTION_CHARS = 3, 1_000

CATEGORY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: Printable ASCII, as a header carries it.
IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{8,128}$")


class Refused(Exception):
    """A request the rules refuse: the status, error code and message of the
    answer, and what else it says (the field at fault)."""

    def __init__(self, status: int, error: str, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.error, self.message, self.extra = status, error, message, extra


@dataclass(frozen=True)
class Threshold:
    category: str
    count: int
    minutes: int

    @classmethod
    def parse(cls, text: str) -> "Threshold":
        match = re.fullmatch(r"\s*([a-z0-9][a-z0-9-]*)=(\d{1,6})/(\d{1,6})\s*", text)
        if not match or int(match.group(2)) < 1 or int(match.group(3)) < 1:
            raise ValueError(f"{text!r} is not CATEGORY=COUNT/MINUTES (say, slow=3/15)")
        return cls(match.group(1), int(match.group(2)), int(match.group(3)))


def default_thresholds() -> Dict[str, Threshold]:
    return {category: Threshold(category, 3, 15) for category in OUTAGE_CATEGORIES}


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def text_field(value: Any, name: str, limit: int) -> str:
    if not isinstance(value, str):
        raise Refused(400, "bad-request", f"{name} must be a string.", field=name)
    if "\x00" in value:
        # PostgreSQL cannot keep it in text, and no one types it.
        raise Refused(400, "bad-request", f"{name} holds a NUL character (U+0000).", field=name)
    if utf16_length(value) > limit:
        raise Refused(413, "too-large", f"{name} holds more than {limit} characters.",
                      field=name, limit=limit)
    return value


def report_fields(given: Any) -> Dict[str, str]:
    """A report's body, checked: each known field a string within its limit,
    the category an id; anything else is refused, naming the field."""
    if not isinstance(given, dict):
        raise Refused(400, "bad-request", "The body must be a JSON object.")
    for name in given:
        if name not in FIELD_LIMITS:
            raise Refused(400, "bad-request", f"A report has no field {name[:64]!r}.",
                          field=name[:64])
    for name in REQUIRED:
        if not isinstance(given.get(name), str) or not given[name].strip():
            raise Refused(400, "bad-request", f"A report needs a {name}.", field=name)
    fields = {name: text_field(given.get(name, ""), name, limit)
              for name, limit in FIELD_LIMITS.items()}
    if not CATEGORY.match(fields["category"]):
        raise Refused(400, "bad-request",
                      "category is an id: lowercase letters, digits and hyphens.",
                      field="category")
    return fields


def note_text(given: Any, name: str, required: bool) -> str:
    value = given.get(name) if isinstance(given, dict) else None
    if value is None and not required:
        return ""
    if required and (not isinstance(value, str) or not value.strip()):
        raise Refused(400, "bad-request", f"Send the {name}.", field=name)
    return text_field(value, name, NOTE_MAX)


@dataclass(frozen=True)
class ReportRules:
    """The operator's options for reports (``config.py``)."""

    enabled: bool = True
    days: int = 90
    window_minutes: int = 30
    shared: FrozenSet[str] = frozenset(OUTAGE_CATEGORIES)
    thresholds: Optional[Dict[str, Threshold]] = None
    per_hour: int = REPORTS_PER_HOUR

    @classmethod
    def of(cls, options) -> "ReportRules":
        return cls(options.reports, options.reports_days, options.reports_window_minutes,
                   frozenset(OUTAGE_CATEGORIES) | frozenset(options.shared_categories),
                   dict(options.report_thresholds), options.reports_per_hour)

    @staticmethod
    def reporter_role(roles: Iterable[str]) -> str:
        roles = set(roles)
        return "admin" if "admin" in roles else "representative" if roles else "user"

    @staticmethod
    def triages(model: dict, roles: FrozenSet[str]) -> bool:
        """Whether reports are routed to this person at all (with whichever credential)."""
        return bool(roles) or EDIT_SCOPE in (model.get("scopes") or ())

    def me(self, model: dict, roles: FrozenSet[str]) -> dict:
        """What ``api/me`` says of reports, so that the panel shows what applies."""
        return {"enabled": self.enabled, "triage": self.enabled and self.triages(model, roles),
                "shared": sorted(self.shared) if self.enabled else []}

    @staticmethod
    def routed(because: Optional[str], roles: FrozenSet[str]) -> FrozenSet[str]:
        """The reporters' roles whose reports a caller reads, once their
        credential may change things (``because``: ``rights.Decision``)."""
        if because == "scope":
            return frozenset(REPORTER_ROLES)
        if because is None:
            return frozenset()
        return frozenset(ROUTED[role] for role in roles)
