"""How the validator reports: one ``FILE:LINE:COLUMN: json-path: reason``
line per problem (``FILE: json-path: reason`` when the place is not known),
errors first and warnings apart, or the same as JSON for tools."""

from __future__ import annotations

import json
from typing import List, TextIO

from .inputs import Located
from .problems import ERROR, describe_reason


def as_json(found: List[Located]) -> str:
    return json.dumps(
        [
            {
                "file": item.file,
                "source": item.problem.source,
                "path": item.problem.path,
                "code": item.problem.code,
                "severity": item.problem.severity,
                "message": describe_reason(item.problem),
                **({"location": item.location} if item.location else {}),
                **(
                    {"line": item.position.line, "column": item.position.column}
                    if item.position
                    else {}
                ),
            }
            for item in found
        ],
        indent=2,
        ensure_ascii=False,
    )


def line(item: Located) -> str:
    at = item.position
    where = f"{item.file}:{at.line}:{at.column}" if at else item.file
    return f"{where}: {item.problem.path}: {describe_reason(item.problem)}"


def as_text(found: List[Located], files: int, out: TextIO, unreadable: int = 0) -> None:
    errors = [f for f in found if f.problem.severity == ERROR]
    warnings = [f for f in found if f.problem.severity != ERROR]
    locations = sorted({(f.file, f.location) for f in found if f.location})
    for file, location in locations:
        print(f"{file}: hub help settings at {location}", file=out)
    if errors:
        print(f"Errors ({len(errors)}):", file=out)
        for item in errors:
            print(line(item), file=out)
    if warnings:
        if errors:
            print(file=out)
        print(f"Warnings ({len(warnings)}):", file=out)
        for item in warnings:
            print(line(item), file=out)
    if errors or warnings:
        print(file=out)
    summary = (
        f"{_count(len(errors), 'error')}, {_count(len(warnings), 'warning')} "
        f"in {_count(files, 'file')}"
    )
    if unreadable:
        summary += f"; {_count(unreadable, 'file')} could not be read"
    print(summary + ".", file=out)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
