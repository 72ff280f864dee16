"""``jupyter hub-help validate``: check hub help settings before they ship
(registered as a subcommand by ``jupyterlab_hub_help.cli``).

Exit status: 0 when nothing is wrong (warnings allowed), 1 when any error
was found, 2 for a usage error or a file that could not be read (named on
standard error).
"""

from __future__ import annotations

import argparse
import sys
from typing import List

from ..shared import REPRESENTATIVE_PROBLEMS
from .inputs import InputError, Located, Unit, metadata_url_unit, settings_units
from .checker import get_checker
from .load import MISSING, build_problems
from .problems import ERROR
from .report import as_json, as_text


DESCRIPTION = """\
Check hub help settings as the extension will read them: the schema it ships
and the same checks on references, links, limits and unknown fields.

FILE is a settings overrides file ({"jupyterlab-hub-help:plugin": {...}}), a
bare metadata document (JSON), or zero-to-jupyterhub values (YAML). Values
files given together are merged as Helm merges them (maps deeply, lists
replaced, later files win), and the settings are found wherever
singleuser.extraFiles mounts them, also under a parent chart's "jupyterhub:".
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    parser.add_argument(
        "--as",
        dest="as_",
        choices=("settings", "metadata-url"),
        default="settings",
        help="check the files as the hub help settings (default) or as documents "
        "served at the metadata URL, which may set less unless the settings allow it",
    )
    parser.add_argument(
        "--settings",
        metavar="FILE",
        help="with --as metadata-url: the settings (overrides or values file) that "
        "go with the documents, for what they grant and the roles they define",
    )
    parser.add_argument(
        "--output-format",
        choices=("text", "json"),
        default="text",
        help="report each problem as a FILE:LINE:COLUMN: line (default) or as JSON for tools",
    )


def run(args: argparse.Namespace, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if args.settings and args.as_ != "metadata-url":
        print("hub-help validate: --settings goes with --as metadata-url", file=err)
        return 2
    found: List[Located] = []
    unreadable: List[InputError] = []
    units: List[Unit] = []
    try:
        get_checker()
        if args.as_ == "metadata-url":
            for file in args.files:
                try:
                    units.append(metadata_url_unit(file, args.settings))
                except InputError as error:
                    unreadable.append(error)
        else:
            units = settings_units(args.files, unreadable)
    except FileNotFoundError as error:
        # The schema itself is missing: the package is broken.
        print(f"hub-help validate: {error}", file=err)
        return 2
    for error in unreadable:
        print(error, file=err)
    for unit in units:
        found += unit.problems
        if unit.settings is MISSING and unit.remote is MISSING:
            continue
        for problem in build_problems(unit.settings, unit.remote):
            if problem.code in REPRESENTATIVE_PROBLEMS and (
                (problem.source == "settings" and unit.settings is MISSING)
                or (problem.source == "metadata-url" and unit.remote is MISSING)
            ):
                continue
            file, position = unit.place(problem)
            location = unit.location if problem.source == "settings" else ""
            found.append(Located(file, problem, location, position))
    if args.output_format == "json":
        print(as_json(found), file=out)
    else:
        as_text(found, len(args.files) - len(unreadable), out, len(unreadable))
    if unreadable:
        return 2
    return 1 if any(f.problem.severity == ERROR for f in found) else 0

