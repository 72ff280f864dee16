"""One source's document checked against the format, as ``parse.ts``.

What is valid is kept; each invalid field or entry is left out alone and
named. The schema is applied in rounds: the errors of a round are turned into
problems (one per place, the most specific reason first), the invalid nodes
are left out, and the rest is checked again, because leaving out a child can
leave its parent empty or incomplete, which is then said ("emptied") rather
than blamed on the parent. List entries keep the index they were written at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Set

from .checker import Checker, SchemaError, get_checker
from .jsvalues import depth_exceeds, js_number, json_length, normalize
from ..shared import CHECK_MAX_ROUNDS, DOCUMENT_MAX_CHARS, DOCUMENT_MAX_DEPTH, FORMAT_VERSION
from .problems import ERROR, WARNING, Problem, json_path

EMAIL_PATTERN = "^[^\\s@]+@[^\\s@]+$"

Positions = Dict[str, List[int]]


@dataclass
class ParsedDocument:
    document: dict
    problems: List[Problem]
    #: For each top-level list, the index as written of each entry kept.
    positions: Positions = field(default_factory=dict)


@dataclass
class Finding:
    at: List[str]
    code: str
    params: List[str]
    remove: List[str]
    severity: str = ERROR


def parse_document(value: Any, source: str, checker: Optional[Checker] = None) -> ParsedDocument:
    """Check ``value`` (already parsed JSON) as the document of ``source``."""
    checker = checker or get_checker()

    def problem(keys: Sequence[str], code: str, params: Sequence[str] = (), severity: str = ERROR) -> Problem:
        return Problem(source, json_path(keys), code, list(params), severity)

    def refused(found: Problem) -> ParsedDocument:
        return ParsedDocument({}, [found], {})

    if not isinstance(value, dict):
        return refused(problem([], "type", ["object"]))
    # Checked before anything recursive reads the document.
    if depth_exceeds(value, DOCUMENT_MAX_DEPTH):
        return refused(problem([], "too-deep", [str(DOCUMENT_MAX_DEPTH)]))
    length = json_length(value)
    if length > DOCUMENT_MAX_CHARS:
        return refused(problem([], "too-large", [str(length), str(DOCUMENT_MAX_CHARS)]))
    document = normalize(value)
    indices = OriginalIndices(document)
    problems: List[Problem] = []
    seen: Set[tuple] = set()
    # Paths with a problem somewhere inside them.
    holds_problem: Set[str] = set()
    for _ in range(CHECK_MAX_ROUNDS):
        errors = checker.errors(document)
        if not errors:
            return ParsedDocument(
                document, problems + check_version(document, problem), indices.top_level(document)
            )
        findings = interpret(errors)
        reported: Set[str] = set()
        for f in findings:
            keys = indices.original(document, f.at)
            path = json_path(keys)
            # One reason per place and round: the first is the most specific.
            if path in reported:
                continue
            reported.add(path)
            found = (
                problem(keys, "emptied")
                if path in holds_problem
                else problem(keys, f.code, f.params, f.severity)
            )
            key = (found.path, found.code)
            if key not in seen:
                seen.add(key)
                problems.append(found)
                for i in range(len(keys)):
                    holds_problem.add(json_path(keys[:i]))
        remove_all(document, [f.remove for f in findings], indices)
    return ParsedDocument({}, problems + [problem([], "too-many-problems")], {})


def check_version(document: dict, problem: Callable[..., Problem]) -> List[Problem]:
    """A document for a newer format is still read; the unknown keys it holds
    are named by the schema check, and this says why they are there."""
    version = document.get("formatVersion")
    if isinstance(version, (int, float)) and not isinstance(version, bool) and version > FORMAT_VERSION:
        return [
            problem(
                ["formatVersion"],
                "newer-format",
                [js_number(version), str(FORMAT_VERSION)],
                WARNING,
            )
        ]
    return []


def _ancestors(path: List[str]) -> List[tuple]:
    """Each strict ancestor's keys, nearest first."""
    return [tuple(path[:i]) for i in range(len(path) - 1, -1, -1)]


def interpret(errors: List[SchemaError]) -> List[Finding]:
    """Turn the schema errors into findings, as parse.ts ``interpret``.

    Alternatives (``oneOf``) report an error per branch: when the value took
    the object branch and something inside it is wrong, that inner error is
    the useful one; a ``oneOf`` of constants is an enumeration.
    """
    # Places are compared as tuples of keys (JSON pointers in parse.ts).
    pointer = tuple
    one_of_paths: Set[tuple] = set()
    consts_at: Dict[tuple, List[str]] = {}
    # Paths under which a specific (not oneOf) error lies.
    deeper: Set[tuple] = set()
    for e in errors:
        here = pointer(e.keys)
        if e.keyword == "oneOf":
            one_of_paths.add(here)
            continue
        if e.keyword == "const":
            consts_at.setdefault(here, []).append(_js_string(e.params.get("allowedValue")))
        if e.keyword == "additionalProperties":
            # An unknown key of a value that took an alternative's object
            # branch: the object is right, and only the key is named.
            deeper.add(here)
        for ancestor in _ancestors(e.keys):
            if ancestor in deeper:
                break
            deeper.add(ancestor)
    findings: List[Finding] = []
    for e in errors:
        here = pointer(e.keys)
        if e.keyword == "if":
            continue
        if e.keyword == "oneOf":
            choices = consts_at.get(here)
            if choices:
                findings.append(_finding(e.keys, "enum", [", ".join(choices)]))
            elif here not in deeper:
                findings.append(_finding(e.keys, _alternatives_code(e.keys), []))
        elif e.keyword == "additionalProperties" or not (here in one_of_paths and e.in_one_of):
            findings.append(explain(e))
    return findings


def _alternatives_code(keys: List[str]) -> str:
    """What a value that fits none of its alternatives must be, by where it is."""
    if keys and keys[0] == "announcements" and len(keys) == 2:
        return "announcement"
    if len(keys) == 3 and keys[0] == "tasks" and keys[2] == "keywords":
        return "keywords"
    return "localized"


def _finding(keys: List[str], code: str, params: List[str], severity: str = ERROR) -> Finding:
    return Finding(list(keys), code, params, list(keys), severity)


def _js_string(value: Any) -> str:
    if isinstance(value, (int, float)) or isinstance(value, bool):
        return js_number(value)
    return "null" if value is None else str(value)


def explain(error: SchemaError) -> Finding:
    """One error's finding, as parse.ts ``explain``."""
    keys = error.keys
    params = error.params
    kw = error.keyword

    def at(code: str, *values: str) -> Finding:
        return _finding(keys, code, list(values))

    if kw == "type":
        return at("type", str(params.get("type")))
    if kw == "required":
        return at("required", str(params.get("missingProperty")))
    if kw == "additionalProperties":
        # Ignored, not an error: a newer release's key must not hide the rest.
        name = str(params.get("additionalProperty"))
        return _finding(keys + [name], "unknown-field", [name], WARNING)
    if kw in ("propertyNames", "pattern"):
        name = error.property_name if error.property_name is not None else params.get("propertyName")
        if name is not None:
            return _finding(keys + [str(name)], "pattern", [])
        if params.get("pattern") == EMAIL_PATTERN:
            return at("bad-email")
        return at("pattern")
    if kw == "enum":
        return at("enum", ", ".join(_js_string(v) for v in params.get("allowedValues", [])))
    if kw in ("minLength", "minItems", "minProperties"):
        return at("empty")
    if kw == "minimum":
        return at("minimum", _js_string(params.get("limit")))
    if kw == "maximum":
        return at("maximum", _js_string(params.get("limit")))
    if kw == "format":
        return at("bad-date" if params.get("format") == "date-time" else "unsafe-link")
    if kw == "uniqueItems":
        return at("repeated-item")
    return at("invalid", kw)


def remove_all(document: dict, paths: List[List[str]], indices: "OriginalIndices") -> None:
    """Leave out each node: objects lose keys; each list is filtered once,
    so that thousands of invalid entries cost one pass, not one shift each."""
    from_lists: Dict[int, tuple] = {}
    # Deepest first: a child is removed before its parent might be.
    for path in sorted(paths, key=len, reverse=True):
        if not path:
            document.clear()
            return
        parent: Any = document
        for key in path[:-1]:
            parent = _child(parent, key)
        last = path[-1]
        if isinstance(parent, list):
            entry = from_lists.setdefault(id(parent), (parent, set()))
            entry[1].add(_index(last))
        elif isinstance(parent, dict):
            parent.pop(last, None)
    for lst, removed in from_lists.values():
        indices.removed(lst, removed)
        lst[:] = [item for i, item in enumerate(lst) if i not in removed]


def _index(key: str) -> Optional[int]:
    return int(key) if key.isascii() and key.isdigit() else None


def _child(node: Any, key: str) -> Any:
    """``node?.[key]`` for a JSON value and a key written as text."""
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list):
        i = _index(key)
        return node[i] if i is not None and i < len(node) else None
    return None


class OriginalIndices:
    """Leaving out list entries shifts the ones after them; problems found
    in a later round, and later checks, still name each entry's index in the
    source as written."""

    def __init__(self, document: Any):
        self._map: Dict[int, tuple] = {}
        stack = [document]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                self._map[id(node)] = (node, list(range(len(node))))
                stack.extend(node)
            elif isinstance(node, dict):
                stack.extend(node.values())

    def removed(self, lst: list, removed: Set[Optional[int]]) -> None:
        entry = self._map.get(id(lst))
        if entry:
            self._map[id(lst)] = (lst, [n for i, n in enumerate(entry[1]) if i not in removed])

    def original(self, document: Any, keys: List[str]) -> List[str]:
        """The source's keys for a path in the current document."""
        node = document
        out = []
        for key in keys:
            mapping = self._map.get(id(node))[1] if isinstance(node, list) and id(node) in self._map else None
            node = _child(node, key)
            i = _index(key)
            if mapping is not None and i is not None and i < len(mapping):
                out.append(str(mapping[i]))
            else:
                out.append(key)
        return out

    def top_level(self, document: dict) -> Positions:
        positions: Positions = {}
        for key, value in document.items():
            if isinstance(value, list) and id(value) in self._map:
                positions[key] = self._map[id(value)][1]
        return positions
