"""Where a subcommand writes what it makes: standard output, or with
``-o/--output FILE`` a file that is replaced only with ``--force``. ``init``
and ``schema`` share it, so that the flags mean the same in both."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Optional, TextIO


class NotWritten(Exception):
    """Why the output was not written, naming where (exit status 2)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    parser.add_argument("--force", action="store_true", help="replace FILE when it exists")


def refuse_overwrite(file: Optional[str], force: bool) -> None:
    """Raise NotWritten when ``file`` exists and may not be replaced: said
    before any work (or question) that would be lost."""
    if file and not force and Path(file).exists():
        raise NotWritten(_exists(file))


def write(text: str, file: Optional[str], force: bool, out: TextIO) -> None:
    """To ``file`` (only a new one unless ``force``), else to ``out``.
    Raises NotWritten."""
    try:
        if file is None:
            out.write(text)
            return
        # "x" refuses a file made since refuse_overwrite looked.
        with Path(file).open("w" if force else "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise NotWritten(_exists(file)) from None
    except OSError as error:
        where = file or "standard output"
        raise NotWritten(f"{where}: could not be written: {error.strerror or error}") from None


def _exists(file: Optional[str]) -> str:
    return f"{file} exists; use --force to replace it"
