"""The operator's document (``--document``): the same settings file the
single-user servers read, which the service cannot see otherwise.

It is checked with the package's validator, as ``jupyter hub-help validate``
checks it, and its problems are kept beside it for the help page to show;
a file that is missing, unreadable or not JSON is one more problem, never a
failure of the service. The file is read again when its modification time
changes, looked at no more than once a second.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Tuple

from ..shared import REPRESENTATIVE_PROBLEMS
from ..validate.inputs import InputError, settings_units
from ..validate.load import MISSING, build_problems
from ..validate.problems import describe_reason

log = logging.getLogger("jupyterlab_hub_help.service")
#: How long one look at the file's modification time is trusted.
STAT_EVERY_SECONDS = 1.0


@dataclass(frozen=True)
class Reading:
    """One reading of the file: the document (None when there is none to
    use) and its problems as ``{"where", "message"}``."""

    document: Optional[dict] = None
    problems: List[dict] = field(default_factory=list)
    #: The file's modification time when it was read (None: not read).
    mtime: Optional[float] = None


def read_document(path: str) -> Reading:
    """The document in ``path``: a bare document, or a settings overrides
    file whose ``"jupyterlab-hub-help:plugin"`` key holds it."""
    try:
        mtime = os.stat(path).st_mtime
    except OSError as error:
        return Reading(problems=[_problem(path, f"could not be read: {error.strerror or error}")])
    try:
        units = settings_units([path])
    except InputError as error:
        return Reading(problems=[_problem(path, f"could not be read: {error.reason}")], mtime=mtime)
    problems: List[dict] = []
    document = None
    for unit in units:
        problems += [_located(item.file, item.problem, item.position) for item in unit.problems]
        if unit.settings is MISSING:
            continue
        document = unit.settings if isinstance(unit.settings, dict) else None
        for problem in build_problems(unit.settings):
            # As the validator's command: how many representatives a hub
            # lists is a warning for the community's own copy, not this one.
            if problem.code in REPRESENTATIVE_PROBLEMS:
                continue
            where, position = unit.place(problem)
            problems.append(_located(where or path, problem, position))
    return Reading(document, problems, mtime)


def _problem(where: str, message: str) -> dict:
    return {"where": where, "message": message}


def _located(file: str, problem, position) -> dict:
    at = f"{file}:{position.line}:{position.column}" if position else file
    return _problem(f"{at}: {problem.path}", f"{problem.severity}: {describe_reason(problem)}")


class OperatorDocument:
    """The file's latest reading, taken again when the file changed."""

    def __init__(self, path: Optional[str], clock: Callable[[], float] = time.monotonic):
        self.path = path
        self._clock = clock
        self._reading = Reading()
        self._looked = -float("inf")
        #: Counts the readings, so that what is made from one can be kept.
        self.generation = 0
        if path:
            self._read()

    def _read(self) -> None:
        self._reading = read_document(self.path)
        self.generation += 1
        for problem in self._reading.problems:
            log.warning("The operator's document: %s: %s", problem["where"], problem["message"])

    def current(self) -> Tuple[Optional[dict], List[dict]]:
        if not self.path:
            return None, []
        now = self._clock()
        if now - self._looked >= STAT_EVERY_SECONDS:
            self._looked = now
            try:
                mtime: Optional[float] = os.stat(self.path).st_mtime
            except OSError:
                mtime = None
            if mtime != self._reading.mtime:
                self._read()
        return self._reading.document, self._reading.problems
