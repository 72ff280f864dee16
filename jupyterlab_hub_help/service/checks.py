"""What a request's body says, read strictly and checked with the format's
rules: plain functions of bytes, so that the service runs large bodies in a
process of their own (``Checks``) while the event loop keeps answering.

Each returns an ``Outcome``: the refusal (HTTP status, error code, message,
extra fields), or the value to store, normalized as ``JSON.parse`` would
read it, with the problems that did not refuse it (warnings).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional, Sequence

from ..validate.jsvalues import normalize
from ..shared import DOCUMENT_MAX_DEPTH, FORMAT_VERSION
from ..validate.problems import json_path
from ..validate.strictjson import StrictJsonError, loads
from .validation import ERROR, check_section, errors

#: A body is ``{"value": ...}`` or ``{"formatVersion": 1, "sections": {...}}``
#: around a section: two levels more than a document may nest.
BODY_MAX_DEPTH = DOCUMENT_MAX_DEPTH + 2
#: Bodies up to this size are checked on the event loop: a process hop costs more.
INLINE_BYTES = 64 * 1024


@dataclass
class Outcome:
    #: Set when refused: (status, error code, message, extra fields).
    refusal: Optional[tuple] = None
    value: Any = None
    warnings: List[dict] = field(default_factory=list)


def _bad(reason: str) -> Outcome:
    return Outcome((400, "bad-json", f"The body is not strict JSON: {reason}.", {"reason": reason}))


def _invalid(problems: List[dict]) -> Outcome:
    count = len(errors(problems))
    plural = count != 1
    return Outcome((422, "invalid",
                    f"Nothing was stored: {count} problem{'s' if plural else ''} "
                    f"{'make' if plural else 'makes'} the value invalid.",
                    {"problems": problems}))


def _read(body: bytes) -> Any:
    return loads(body, BODY_MAX_DEPTH)


def section_body(name: str, body: bytes) -> Outcome:
    """``{"value": ...}`` for section ``name``."""
    try:
        given = _read(body)
    except StrictJsonError as error:
        return _bad(str(error))
    if not isinstance(given, dict) or "value" not in given:
        return Outcome((400, "bad-request", 'The body must be {"value": ...}.', {}))
    return checked_value(name, given["value"])


def checked_value(name: str, value: Any, prefix: str = "$") -> Outcome:
    problems = check_section(name, value, prefix=prefix)
    if errors(problems):
        return _invalid(problems)
    return Outcome(value=normalize(value), warnings=[p for p in problems if p["severity"] != ERROR])


def import_body(body: bytes, kept: Sequence[str]) -> Outcome:
    """An export of this service: every section checked before any is stored;
    the value is the list of (name, value) to store."""
    try:
        given = _read(body)
    except StrictJsonError as error:
        return _bad(str(error))
    problems: List[dict] = []

    def refuse(path: str, code: str, reason: str) -> None:
        problems.append({"path": path, "code": code, "reason": reason,
                         "severity": ERROR, "params": []})

    if not isinstance(given, dict):
        refuse("$", "type", "must be an object")
        return _invalid(problems)
    version = given.get("formatVersion")
    # ``True == 1`` in Python: the type is checked too.
    if type(version) is not int or version != FORMAT_VERSION:
        refuse("$.formatVersion", "enum", f"must be {FORMAT_VERSION}")
    sections = given.get("sections")
    if not isinstance(sections, dict):
        refuse("$.sections", "type", "must be an object")
        return _invalid(problems)
    values = []
    for name, value in sections.items():
        if name not in kept:
            refuse("$.sections" + json_path([name])[1:], "not-editable",
                   "is not a section this service keeps")
            continue
        found = checked_value(name, value, prefix="$.sections")
        if found.refusal:
            problems += found.refusal[3]["problems"]
        else:
            values.append((name, found.value))
    if errors(problems):
        return _invalid(problems)
    return Outcome(value=values)


def small_body(body: bytes) -> Outcome:
    """A body of a few fields (undo's confirmation); empty is ``{}``."""
    if not body.strip():
        return Outcome(value={})
    try:
        given = _read(body)
    except StrictJsonError as error:
        return _bad(str(error))
    if not isinstance(given, dict):
        return Outcome((400, "bad-request", "The body must be a JSON object.", {}))
    return Outcome(value=given)


class Checks:
    """Runs these checks: small bodies here, large ones in one worker process
    (started with the service, so that the first large edit does not wait for it)."""

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self._pool.submit(int)

    async def run(self, size: int, fn: Callable[..., Outcome], *args: Any) -> Outcome:
        if size <= INLINE_BYTES:
            return fn(*args)
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

