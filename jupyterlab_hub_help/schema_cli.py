"""``jupyter hub-help schema``: the format's JSON schema for other tools
(registered as a subcommand by ``jupyterlab_hub_help.cli``)."""

from __future__ import annotations

import argparse
import json
import sys

from . import output_file
from .published_schema import document_schema, overrides_schema, schema_id
from .validate.schema import schema_path

DESCRIPTION = f"""\
Print the JSON schema of the hub help format, built from the schema this
installation ships, for check-jsonschema, an editor or a CI job (-o FILE
writes it to FILE instead).

Without options: the schema of a bare metadata document
({schema_id("metadata")}).
--overrides: the schema of a settings overrides file holding the document
under "jupyterlab-hub-help:plugin" ({schema_id("overrides")}).
--path: where the installed source schema is (JupyterLab's own settings
schema of the extension).

These schemas check structure only; `jupyter hub-help validate` also checks
references between entries, links, limits and unknown fields, as the panel does.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--overrides",
        action="store_true",
        help="the schema of a settings overrides file instead of a bare document",
    )
    what.add_argument(
        "--path", action="store_true", help="print the installed source schema's path"
    )
    output_file.add_arguments(parser)


def run(args: argparse.Namespace, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        output_file.write(_text(args), args.output, args.force, out)
    except (FileNotFoundError, output_file.NotWritten) as error:
        # FileNotFoundError: the schema itself is missing, the package is broken.
        print(f"hub-help schema: {error}", file=err)
        return 2
    return 0


def _text(args: argparse.Namespace) -> str:
    if args.path:
        return f"{schema_path()}\n"
    schema = overrides_schema() if args.overrides else document_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
