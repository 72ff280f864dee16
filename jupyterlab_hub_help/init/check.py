"""The validator's verdict, for ``init``: on one value before it is used, and
on the text written, read back exactly as ``jupyter hub-help validate``
reads a file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import List, Optional

from ..validate.inputs import settings_units
from ..validate.load import MISSING, build_problems
from ..validate.problems import ERROR, Problem, describe_reason


def errors_in(document: dict) -> List[Problem]:
    """The errors the panel would report for these settings."""
    return [p for p in build_problems(document) if p.severity == ERROR]


def first_error(document: dict, at: str) -> Optional[str]:
    """The reason for the first error at the JSON path ``at`` (or inside it)
    in a document built around one value: why that value is refused. What
    the value alone leaves incomplete around it (an operator's URL without
    its name) is not its fault."""
    for problem in errors_in(document):
        if problem.path == at or problem.path.startswith((at + ".", at + "[")):
            return describe_reason(problem)
    return None


def problems_as_validated(text: str, suffix: str) -> List[Problem]:
    """What ``jupyter hub-help validate`` reports for a file holding ``text``
    (``suffix`` decides, as for any file, whether it is read as YAML)."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / f"hub-help{suffix}"
        file.write_text(text, "utf-8")
        found: List[Problem] = []
        for unit in settings_units([str(file)]):
            found += [located.problem for located in unit.problems]
            if unit.settings is not MISSING:
                found += build_problems(unit.settings)
    return found
