"""What ``init`` tells the operator on standard error once the file is made:
what came from the values files and what did not, where the file went, and
what is left to fill in (the validator's warnings among it)."""

from __future__ import annotations

from typing import List, Optional, TextIO

from ..validate.problems import Problem
from .carry import Carried
from .fields import not_set
from .people import unfinished


def left_to_fill_in(document: dict, warnings: List[Problem]) -> List[str]:
    return (
        not_set(document)
        + unfinished(document.get("people") or [])
        + [f"{p.path}: {p.message}" for p in warnings]
    )


def report(
    err: TextIO,
    document: dict,
    warnings: List[Problem],
    carried: Optional[Carried],
    from_files: List[str],
    output: Optional[str],
) -> None:
    if carried is not None:
        print(f"Carried over from {', '.join(from_files)}: {carried.summary()}.", file=err)
        _section(err, "Not carried over, or to look at", carried.notes)
    if output:
        print(f"Wrote {output}.", file=err)
    _section(err, "Left to fill in", left_to_fill_in(document, warnings))
    if output:
        print(f"Check it again after editing: jupyter hub-help validate {output}", file=err)


def _section(err: TextIO, title: str, lines: List[str]) -> None:
    if lines:
        print(f"{title} ({len(lines)}):", file=err)
        for line in lines:
            print(f"  {line}", file=err)
