"""Problems: what is wrong, where, and the plain-English reason.

This mirrors ``src/metadata/problems.ts`` (the reference). A problem is
identified by its source, JSON path, code and severity, and the Python and
TypeScript checkers must produce the same ones for the same document (the
hostile corpus checks this case by case), so paths and reasons are built the
same way here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Iterable, List, Sequence, Union

from ..shared import PROBLEM_CODES

#: The problem codes of problems.ts, with the same meaning, and the
#: validator's own, about the files it reads.
CODES = PROBLEM_CODES + ("not-yaml", "no-settings")

ERROR = "error"
WARNING = "warning"


@dataclass
class Problem:
    """One problem: ``severity`` "error" means the entry or field was left
    out, "warning" that it was kept."""

    source: str
    path: str
    code: str
    params: List[str] = field(default_factory=list)
    severity: str = ERROR

    @property
    def message(self) -> str:
        return describe_reason(self)

    def key(self) -> tuple:
        return (self.source, self.path, self.code, self.severity)


#: ``type`` problems name the JSON type expected; each has its sentence.
_TYPE_MESSAGES = {
    "string": "must be text",
    "object": "must be an object",
    "array": "must be a list",
    "boolean": "must be true or false",
    "integer": "must be a whole number",
}
_NUMBER_MESSAGE = "must be a number"

_MESSAGES = {
    "required": 'is missing "%1", which is required',
    "unknown-field": 'has a field "%1" that this format does not know',
    "enum": "must be one of: %1",
    "pattern": 'is not a valid id: use lowercase letters, digits and "-"',
    "empty": "must not be empty",
    "minimum": "must be at least %1",
    "maximum": "must be at most %1",
    "localized": "must be text, or a map from language code to text",
    "keywords": "must be a list of words, or a map from language code to a list of words",
    "announcement": 'must be text, or an object with a "text" field',
    "unsafe-link": (
        "is not an allowed link: use an http, https or mailto URL, "
        'or a path on this hub starting with "/"'
    ),
    "bad-date": "is not an ISO 8601 date and time, such as 2026-01-31T18:00:00Z",
    "bad-email": "is not an email address",
    "repeated-item": "lists a value more than once, so none of it is used",
    "invalid": "is not valid: %1",
    "emptied": "was left out because of the problems inside it",
    "too-many-problems": "has too many problems to check, so none of it is used",
    "unknown-role": 'names the role "%1", which is not defined',
    "duplicate-id": 'repeats the id "%1"; only the first entry with it is used',
    "missing-command": 'names the command "%1", which this JupyterLab does not have',
    "no-representative": "lists no Community Representative",
    "too-many-representatives": (
        "lists %1 Community Representatives; a community has one or two"
    ),
    "not-json": "is not valid JSON: %1",
    "unreadable-settings": "could not be read: %1",
    # The validator reads files and never asks a server: these two have a
    # sentence for each kind of failure in problems.ts; here, the general one.
    "fetch-failed": "could not be fetched: %1",
    "hub-unreachable": "did not answer: %1",
    "too-large": (
        "is too large (%1 characters; at most %2 are read), so none of it is used"
    ),
    "too-deep": "nests lists and objects more than %1 deep, so none of it is used",
    "not-allowed": (
        "is ignored: the metadata URL may set it only when the hub help "
        'settings list "%1" in "metadataUrlMaySet"'
    ),
    "settings-only": "is ignored: only the hub help settings may set it",
    "not-community": "is ignored: the community help service may set only %1",
    "service-access": (
        "cannot be read with this page's token: the operator grants "
        "'access:services!service=%1' to users and in Spawner.oauth_client_allowed_scopes"
    ),
    # Only the validator reads files, so only it reports these two.
    "not-yaml": "is not valid YAML: %1",
    "no-settings": "holds no hub help settings: %1",
    "newer-format": (
        "is written for format version %1, newer than this extension reads (%2): "
        "update jupyterlab-hub-help; the fields it does not know are ignored"
    ),
}


def _substitute(template: str, args: Sequence[str]) -> str:
    """JupyterLab's %1-style substitution: a missing argument stays as is."""

    def replace(match: "re.Match[str]") -> str:
        index = int(match.group(1)) - 1
        return str(args[index]) if 0 <= index < len(args) else match.group(0)

    return re.sub(r"%(\d+)", replace, template)


def describe_reason(problem: Problem) -> str:
    """The reason, in the same plain words as ``describeReason``."""
    if problem.code == "type":
        expected = problem.params[0] if problem.params else ""
        return _TYPE_MESSAGES.get(expected, _NUMBER_MESSAGE)
    template = _MESSAGES.get(problem.code)
    if template is None:
        # As describeReason's default: the second parameter, else the first.
        params = problem.params
        detail = params[1] if len(params) > 1 else params[0] if params else ""
        return _substitute("is not valid: %1", [detail])
    return _substitute(template, problem.params)


_SOURCES = {
    "defaults": "built-in defaults",
    "settings": "hub help settings",
    "metadata-url": "metadata URL",
    "community": "community help service",
    "hub": "JupyterHub API",
}


def describe_source(source: str) -> str:
    return _SOURCES.get(source, source)


# ASCII classes and whole-string matches, as the JavaScript expressions.
_DIGITS = re.compile(r"[0-9]+")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def json_path(keys: Iterable[Union[str, int]]) -> str:
    """``$.people[2].contact.email`` from keys and list indices.

    As ``jsonPath``: numbers and digit-only keys use ``[n]``, identifier-like
    keys ``.key``, anything else ``["key"]`` with the key as JSON.
    """
    path = "$"
    for key in keys:
        if isinstance(key, int) or _DIGITS.fullmatch(key):
            path += f"[{key}]"
        elif _IDENTIFIER.fullmatch(key):
            path += f".{key}"
        else:
            path += "[" + js_string_literal(key) + "]"
    return path


def js_string_literal(text: str) -> str:
    """``JSON.stringify`` of a string: non-ASCII kept, lone surrogates escaped."""
    out = json.dumps(text, ensure_ascii=False)
    # JSON.stringify escapes lone surrogates; json.dumps leaves them raw.
    return re.sub(
        r"[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]",
        lambda m: "\\u%04x" % ord(m.group(0)),
        out,
    )
