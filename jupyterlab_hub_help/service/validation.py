"""Each section's value checked with the format's own validator before it is stored.

A section is checked as the document the panel will read it in: people and
announcements as themselves, the status note as the first announcement with
the id ``community-status``. Problems name the path in what the client sent
(``$.people[0].name``, ``$.status.text``; under ``$.sections`` for an import).
"""

from __future__ import annotations

from typing import Any, List

from ..shared import FORMAT_VERSION, REPRESENTATIVE_PROBLEMS, SECTIONS, STATUS_ID, TASK_NOTE_KEYS
from ..validate.merge import SourceDocument, defaults_document, merge_problems
from ..validate.parse import parse_document
from ..validate.problems import ERROR, WARNING, Problem, describe_reason, json_path

SOURCE = "community"


def section_document(name: str, value: Any) -> dict:
    """The document a stored value stands for (without ``formatVersion``'s siblings)."""
    if name == "status":
        return {"formatVersion": FORMAT_VERSION, "announcements": [{**value, "id": STATUS_ID}]}
    return {"formatVersion": FORMAT_VERSION, name: value}


def _moved(path: str, name: str, prefix: str) -> str:
    """A path in the section's document, as a path in what the client sent."""
    inner = "$.announcements[0]" if name == "status" else f"$.{name}"
    if path == "$" or path == "$.formatVersion":
        rest = ""
    elif path.startswith(inner):
        rest = path[len(inner):]
    else:
        rest = ""
    return prefix + json_path([name])[1:] + rest


def _problem(path: str, code: str, reason: str, severity: str, params: List[str]) -> dict:
    return {"path": path, "code": code, "reason": reason, "severity": severity, "params": params}


def check_section(name: str, value: Any, prefix: str = "$") -> List[dict]:
    """Every problem of ``value`` as section ``name``; those with severity
    "error" refuse it. ``null`` clears a section and is always accepted."""
    if name not in SECTIONS:
        raise ValueError(f"unknown section {name!r}")
    if value is None:
        return []
    if name == "tasks":
        problems = _task_note_fields(value, prefix)
        if problems:
            return problems
    if name == "status" and not isinstance(value, dict):
        found = Problem(SOURCE, "$", "type", ["object"], ERROR)
        return [_problem(_moved("$", name, prefix), "type", describe_reason(found), ERROR, ["object"])]
    problems: List[dict] = []
    if name == "status" and "id" in value:
        problems.append(_problem(
            prefix + json_path(["status", "id"])[1:], "unknown-field",
            f'is ignored: the status note always has the id "{STATUS_ID}"', WARNING, ["id"],
        ))
    parsed = parse_document(section_document(name, value), SOURCE)
    found: List[Problem] = list(parsed.problems)
    if not any(p.severity == ERROR for p in found) and parsed.document:
        # The checks across entries (repeated ids, unknown roles), as the
        # panel makes them with the built-in catalogue.
        merged = merge_problems(
            [defaults_document(), SourceDocument(SOURCE, parsed.document, parsed.positions)]
        )
        for p in merged:
            if p.source != SOURCE or p.code in REPRESENTATIVE_PROBLEMS:
                continue
            if p.code == "unknown-role":
                # The operator's settings may define roles this service does
                # not know; the panel checks them against the whole document.
                p = Problem(p.source, p.path, p.code, p.params, WARNING)
            found.append(p)
    for p in found:
        problems.append(
            _problem(_moved(p.path, name, prefix), p.code, describe_reason(p), p.severity, list(p.params))
        )
    if name == "announcements" and isinstance(value, list):
        for i, entry in enumerate(value):
            if isinstance(entry, dict) and entry.get("id") == STATUS_ID:
                problems.append(_problem(
                    prefix + json_path(["announcements", i, "id"])[1:], "reserved-id",
                    f'is reserved: "{STATUS_ID}" is the id of the community status note',
                    ERROR, [STATUS_ID],
                ))
    return problems


def _task_note_fields(value: Any, prefix: str) -> List[dict]:
    """Task notes add words to the operator's tasks: an id and ``how.text``,
    nothing that changes who owns a task or what its button runs."""
    problems: List[dict] = []
    if not isinstance(value, list):
        return problems  # The format's check names the type.
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            continue
        for key, inner in entry.items():
            allowed = TASK_NOTE_KEYS.get(key, ())
            if key not in TASK_NOTE_KEYS:
                extra = [[key]]
            elif allowed and isinstance(inner, dict):
                extra = [[key, k] for k in inner if k not in allowed]
            else:
                extra = []
            for keys in extra:
                problems.append(_problem(
                    prefix + json_path(["tasks", i, *keys])[1:], "not-community",
                    "is not part of a task note: a note holds the task's id and how.text",
                    ERROR, ["id, how.text"],
                ))
    return problems


def errors(problems: List[dict]) -> List[dict]:
    return [p for p in problems if p["severity"] == ERROR]
