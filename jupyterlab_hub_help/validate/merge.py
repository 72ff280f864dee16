"""The checks that need the sources merged, as ``merge.ts``.

Sources apply in order (built-in defaults, settings, metadata URL), each
later one changing what it sets: lists (people, announcements, outage
categories) are replaced whole, roles and tasks are merged by id, field by
field. Only then can references be checked: a role named by a person, a
task, an outage category or another role must exist somewhere. This module
keeps only what those checks need, and reports the same problems as
``mergeSources`` with no live hub data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from ..shared import ROLE_REPRESENTATIVE
from .catalogue import (
    BUILT_IN_OUTAGE_CATEGORIES,
    BUILT_IN_ROLES,
    BUILT_IN_TASKS,
    canonical_role,
)
from .problems import ERROR, WARNING, Problem, json_path
from .parse import Positions


@dataclass
class SourceDocument:
    source: str
    document: dict
    positions: Positions = field(default_factory=dict)


@dataclass
class _Origin:
    source: str
    path: str


@dataclass
class _Person:
    roles: List[str]
    origin: _Origin


@dataclass
class _Task:
    entry: dict
    origin: _Origin


@dataclass
class _Category:
    recipient: Optional[str]
    origin: _Origin


def defaults_document() -> SourceDocument:
    """The built-in catalogue as a source: ids, owners and recipients are
    what the checks read."""
    return SourceDocument(
        "defaults",
        {
            "roles": {role: {} for role in BUILT_IN_ROLES},
            "tasks": [{"id": t, "title": t, "owner": owner} for t, owner in BUILT_IN_TASKS],
            "outageCategories": [
                {"id": c, "label": c, **({"recipient": r} if r else {})}
                for c, r in BUILT_IN_OUTAGE_CATEGORIES
            ],
        },
    )


def _truthy(value: Any) -> bool:
    """JavaScript truthiness for JSON values: "" and 0 are false, [] and {} true."""
    if isinstance(value, (list, dict)):
        return True
    return bool(value)


#: The fields of a role that name other roles.
REFERENCES = ("reachedThrough", "escalatesTo", "acceptsFrom")


class _Accumulator:
    def __init__(self, problems: List[Problem]):
        self.problems = problems
        self.people_source = "settings"
        # Where each reference was written ("role:ID:FIELD", "task:ID:owner"):
        # a later source that changes another field of the entry did not write it.
        self.written: Dict[str, _Origin] = {}
        self.roles: Dict[str, dict] = {}
        self.tasks: Dict[str, _Task] = {}
        self.people: List[_Person] = []
        self.categories: List[_Category] = []

    def apply(self, src: SourceDocument) -> None:
        doc = src.document

        def origin(name: str, index: int) -> _Origin:
            written = src.positions.get(name, [])
            at = written[index] if index < len(written) else index
            return _Origin(src.source, json_path([name, at]))

        if _truthy(doc.get("outageCategories")):
            ids = set()
            self.categories = []
            for i, c in enumerate(doc["outageCategories"]):
                at = origin("outageCategories", i)
                if c["id"] in ids:
                    self._duplicate(at, c["id"])
                    continue
                ids.add(c["id"])
                recipient = c.get("recipient")
                self.categories.append(
                    _Category(canonical_role(recipient) if _truthy(recipient) else None, at)
                )
        if _truthy(doc.get("people")):
            self.people_source = src.source
            self.people = self._people(doc["people"], lambda i: origin("people", i))
        for role_id, entry in (doc.get("roles") or {}).items():
            self._merge_role(canonical_role(role_id), entry)
            for field in REFERENCES:
                if field in entry:
                    self.written[f"role:{canonical_role(role_id)}:{field}"] = _Origin(
                        src.source, json_path(["roles", role_id, field])
                    )
        self._merge_tasks(doc.get("tasks") or [], lambda i: origin("tasks", i))

    def _people(self, entries: List[dict], origin_of) -> List[_Person]:
        seen = set()
        people = []
        for index, entry in enumerate(entries):
            at = origin_of(index)
            usernames = entry.get("usernames") or []
            person_id = entry.get("id")
            if person_id is None:
                person_id = usernames[0] if usernames else entry.get("name")
            if person_id in seen:
                self._duplicate(at, person_id)
                continue
            seen.add(person_id)
            roles = list(dict.fromkeys(canonical_role(r) for r in entry["roles"]))
            people.append(_Person(roles, at))
        return people

    def _merge_role(self, role_id: str, entry: dict) -> None:
        mapped = dict(entry)
        for key in ("reachedThrough", "escalatesTo"):
            if _truthy(entry.get(key)):
                mapped[key] = canonical_role(entry[key])
        if entry.get("acceptsFrom") is not None:
            mapped["acceptsFrom"] = [canonical_role(r) for r in entry["acceptsFrom"]]
        self.roles[role_id] = {**self.roles.get(role_id, {}), **mapped}

    def _merge_tasks(self, entries: List[dict], origin_of) -> None:
        seen = set()
        for index, entry in enumerate(entries):
            at = origin_of(index)
            if entry["id"] in seen:
                self._duplicate(at, entry["id"])
                continue
            seen.add(entry["id"])
            if "owner" in entry:
                self.written[f"task:{entry['id']}:owner"] = _Origin(at.source, f"{at.path}.owner")
            previous = self.tasks.get(entry["id"])
            before = previous.entry if previous else {}
            how = (
                {**(before.get("how") or {}), **entry["how"]}
                if _truthy(entry.get("how"))
                else before.get("how")
            )
            self.tasks[entry["id"]] = _Task({**before, **entry, "how": how}, at)

    def _duplicate(self, at: _Origin, id_: Any) -> None:
        self.problems.append(Problem(at.source, at.path, "duplicate-id", [str(id_)], ERROR))

    def finish_tasks(self) -> List[_Task]:
        """The tasks shown: those complete enough to show; others named."""
        tasks = []
        for task in self.tasks.values():
            entry = task.entry
            if _truthy(entry.get("hidden")):
                continue
            missing = (
                "title" if not _truthy(entry.get("title"))
                else "owner" if not _truthy(entry.get("owner"))
                else None
            )
            if missing:
                self.problems.append(
                    Problem(task.origin.source, task.origin.path, "required", [missing], ERROR)
                )
                continue
            tasks.append(task)
        return tasks


def merge_problems(sources: List[SourceDocument]) -> List[Problem]:
    """The problems ``mergeSources`` reports for these checked documents."""
    problems: List[Problem] = []
    acc = _Accumulator(problems)
    for src in sources:
        acc.apply(src)
    tasks = acc.finish_tasks()
    _check_references(acc, tasks, problems)
    _check_representatives(acc, problems)
    return problems


def _check_references(acc: _Accumulator, tasks: List[_Task], problems: List[Problem]) -> None:
    """Role ids named by people, tasks, outage categories and roles must
    exist. A person keeps the roles that do; a task whose owner does not
    exist is left out; a role's references are dropped with a warning."""
    known = acc.roles.__contains__

    def unknown(origin_source: str, path: str, role: str, severity: str = WARNING) -> None:
        problems.append(Problem(origin_source, path, "unknown-role", [role], severity))

    kept = []
    for person in acc.people:
        valid = [r for r in person.roles if known(r)]
        for role in person.roles:
            if not known(role):
                unknown(person.origin.source, f"{person.origin.path}.roles", role,
                        WARNING if valid else ERROR)
        person.roles = valid
        if valid:
            kept.append(person)
    acc.people = kept

    for task in tasks:
        owner = canonical_role(task.entry["owner"])
        if not known(owner):
            at = acc.written.get(f"task:{task.entry['id']}:owner", task.origin)
            unknown(at.source, at.path, owner, ERROR)

    for category in acc.categories:
        if category.recipient and not known(category.recipient):
            unknown(category.origin.source, f"{category.origin.path}.recipient",
                    category.recipient, ERROR)
            category.recipient = None

    for role_id, role in acc.roles.items():
        def at(field: str) -> _Origin:
            return acc.written.get(
                f"role:{role_id}:{field}", _Origin("settings", json_path(["roles", role_id, field]))
            )
        for key in ("reachedThrough", "escalatesTo"):
            target = role.get(key)
            if _truthy(target) and not known(target):
                unknown(at(key).source, at(key).path, target)
        for r in role.get("acceptsFrom") or []:
            if not known(r):
                unknown(at("acceptsFrom").source, at("acceptsFrom").path, r)


def _check_representatives(acc: _Accumulator, problems: List[Problem]) -> None:
    """The shared responsibility model asks for one or two Community
    Representatives (warnings: the panel still works)."""
    count = sum(1 for p in acc.people if ROLE_REPRESENTATIVE in p.roles)
    if count == 0:
        problems.append(Problem(acc.people_source, "$.people", "no-representative", [], WARNING))
    elif count > 2:
        problems.append(
            Problem(acc.people_source, "$.people", "too-many-representatives", [str(count)], WARNING)
        )
