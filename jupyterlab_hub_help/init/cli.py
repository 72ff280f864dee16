"""``jupyter hub-help init``: start the hub help settings for a hub
(registered as a subcommand by ``jupyterlab_hub_help.cli``).

Exit status, as the other subcommands (``jupyterlab_hub_help.cli``): 0 when
the file was made (things left to fill in are listed on standard error), 1
when (a bug) what was made would not pass the validator, 2 for a usage error
(a refused flag value, an output file that exists or cannot be written) or a
``--from`` file that cannot be read or parsed.
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional, TextIO

from .. import output_file
from ..shared import FORMAT_VERSION
from ..validate.problems import ERROR, WARNING, Problem
from .carry import Carried, FromError, carry_from
from .check import errors_in, problems_as_validated
from .fields import FIELDS
from .output import SUFFIXES, render
from .people import SPEC_FORMAT, PersonError, Spec, parse_spec, people_list
from .prompts import Prompter, ask_fields, ask_representatives, complete_people
from .report import report

DESCRIPTION = f"""\
Write a starting hub help settings file: a JupyterLab settings overrides file
({{"jupyterlab-hub-help:plugin": {{...}}}}), or with --as z2jh a
zero-to-jupyterhub values fragment that mounts it for every user.

Values come from the flags, and from questions when run at a terminal (not
with --no-input). With --from, zero-to-jupyterhub values files (merged as Helm
merges them) give the hub homepage's custom.homepage.templateVars (org,
operated_by, funded_by, designed_by, announcements) and the admin usernames of
hub.config.Authenticator.admin_users, also under a parent chart's
"jupyterhub:". Admins are listed as Hub Administrators without contacts, and
what is left to fill in is listed on standard error. The file passes
jupyter hub-help validate.

A person (--representative) is written {SPEC_FORMAT}, for example
"amara:Amara Okafor <amara.okafor@riverbend.example.org>".
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="as_",
        choices=tuple(SUFFIXES),
        default="settings",
        help="write a settings overrides file (default) or a zero-to-jupyterhub values fragment",
    )
    output_file.add_arguments(parser)
    parser.add_argument(
        "--from",
        dest="from_",
        nargs="+",
        default=[],
        metavar="VALUES",
        help="zero-to-jupyterhub values files to take the homepage templateVars and admins from",
    )
    parser.add_argument(
        "--no-input", action="store_true", help="never ask questions, even at a terminal"
    )
    for field in FIELDS:
        parser.add_argument(f"--{field.flag}", metavar=field.metavar, help=field.help)
    parser.add_argument(
        "--representative",
        action="append",
        default=[],
        metavar="PERSON",
        help=f"a Community Representative, as {SPEC_FORMAT} (repeat for each)",
    )
    parser.add_argument(
        "--admin",
        action="append",
        default=[],
        metavar="USERNAME",
        help="a Hub Administrator's username, listed without contacts (repeat for each)",
    )
    parser.add_argument(
        "--exclude-admin",
        action="append",
        default=[],
        metavar="USERNAME",
        help="an admin never listed, such as operator staff who are admins on every hub",
    )
    parser.add_argument(
        "--parent-chart",
        action="store_true",
        help='with --as z2jh: nest the fragment under "jupyterhub:" (implied when '
        "the --from values do so)",
    )


class UsageError(Exception):
    """A flag or file name init cannot use (exit status 2)."""


def run(
    args: argparse.Namespace,
    out: Optional[TextIO] = None,
    err: Optional[TextIO] = None,
    stdin: Optional[TextIO] = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    stdin = stdin or sys.stdin
    prompter = Prompter(stdin, err) if not args.no_input and stdin.isatty() else None
    try:
        representatives = _checked_flags(args)
        carried = carry_from(args.from_) if args.from_ else None
        document = _settings(args, carried, representatives, prompter)
        text = render(document, args.as_, args.parent_chart or bool(carried and carried.parent_chart))
        problems = problems_as_validated(text, SUFFIXES[args.as_])
        if any(p.severity == ERROR for p in problems):
            _own_output_refused(problems, err)
            return 1
        output_file.write(text, args.output, args.force, out)
    except (UsageError, output_file.NotWritten, FromError) as error:
        print(f"hub-help init: {error}", file=err)
        return 2
    warnings = [p for p in problems if p.severity == WARNING]
    report(err, document, warnings, carried, args.from_, args.output)
    return 0


def _checked_flags(args: argparse.Namespace) -> List[Spec]:
    """Refuse what the flags cannot give, before anything is read or asked;
    the representatives, read."""
    output_file.refuse_overwrite(args.output, args.force)
    for field in FIELDS:
        value = getattr(args, field.dest)
        reason = field.error(value) if value is not None else None
        if reason:
            raise UsageError(f"--{field.flag} {value!r} {reason}")
    representatives = []
    for text in args.representative:
        try:
            representatives.append(parse_spec(text))
        except PersonError as error:
            raise UsageError(f"--representative {text!r}: {error}") from None
    return representatives


def _settings(
    args: argparse.Namespace,
    carried: Optional[Carried],
    representatives: List[Spec],
    prompter: Optional[Prompter],
) -> dict:
    """The settings: carried from the values, then the flags (which win),
    then the answers for what is still missing."""
    document: dict = {"formatVersion": FORMAT_VERSION, **(carried.document if carried else {})}
    for field in FIELDS:
        value = getattr(args, field.dest)
        if value is not None:
            field.place(document, value)
    if prompter:
        ask_fields(prompter, document)
        representatives = representatives or ask_representatives(prompter)
    admins = (carried.admins if carried else []) + args.admin
    people = people_list(representatives, admins, args.exclude_admin)
    clash = errors_in({"people": people})
    if clash:
        raise UsageError(
            f"{clash[0].path[2:]}: {clash[0].message}. Give each person their own username."
        )
    if prompter:
        complete_people(prompter, people)
    if people:
        document["people"] = people
    if args.exclude_admin:
        document["adminDiscovery"] = {"exclude": list(dict.fromkeys(args.exclude_admin))}
    return document


def _own_output_refused(problems: List[Problem], err: TextIO) -> None:
    print(
        "hub-help init: what was made does not pass jupyter hub-help validate, so nothing "
        "was written. This is a bug in jupyterlab-hub-help; please report it with:",
        file=err,
    )
    for problem in problems:
        if problem.severity == ERROR:
            print(f"  {problem.path}: {problem.message}", file=err)
