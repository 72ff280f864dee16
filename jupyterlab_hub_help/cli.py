"""``jupyter hub-help`` (also ``python -m jupyterlab_hub_help``): the tools
operators run without a browser. Each subcommand lives in its own module and
registers here with ``add_arguments`` and ``run``."""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from . import __version__, schema_cli
from .init import cli as init_cli
from .validate import cli as validate_cli

SUBCOMMANDS = {
    "validate": (validate_cli, "check settings, metadata documents or values files"),
    "init": (init_cli, "start a settings file or a values fragment, from flags, questions or values"),
    "schema": (schema_cli, "print the format's JSON schema, or where it is installed"),
}


#: What every subcommand's exit status means (argparse itself exits 2 on a
#: usage error, before a subcommand runs).
EXIT_STATUS = """\
exit status:
  0  done, nothing wrong (warnings allowed)
  1  problems found (an error in a checked file, or in what init would write)
  2  a usage error, or input that could not be read
"""


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="jupyter hub-help",
        description="Tools for the jupyterlab-hub-help extension.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"jupyter hub-help {__version__}"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, summary) in SUBCOMMANDS.items():
        command = sub.add_parser(
            name,
            help=summary,
            description=getattr(module, "DESCRIPTION", summary),
            epilog=EXIT_STATUS,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
