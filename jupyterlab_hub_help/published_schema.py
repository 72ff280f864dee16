"""The format's schema as published for other tools (check-jsonschema, editors,
an operator's CI): ``schema/plugin.json``, the one source, with a stable
``$id`` and without JupyterLab's own keys.

The ``$id`` names the format version, not the release: it changes only when
``formatVersion`` does, so a tool keyed on it keeps working across releases.
It is an identifier, not a download address; the schema to check against is
the one installed with the extension, which matches what the panel reads.

``plugin.json`` itself carries no ``$id``: JupyterLab's Form settings editor
(rjsf's Ajv validator, in JupyterLab 4.6) registers a root schema under its
``$id`` but rewrites local ``#/definitions/...`` references to a fixed name of
its own, which then no longer resolves: its checks of the fields that use a
definition would fail to compile.

The published schemas stay as open as JupyterLab's view: a key this release
does not know is accepted (the panel and ``jupyter hub-help validate`` name it
as a warning), so a document written for a newer release still passes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional

from .shared import FORMAT_VERSION
from .validate.load import PLUGIN_ID
from .validate.schema import schema_path

#: The project's homepage (``homepage`` in package.json), under which the ids live.
HOMEPAGE = "https://github.com/jupyterlab-hub-help/jupyterlab-hub-help"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def schema_id(kind: str) -> str:
    """``.../schema/v1/metadata.json`` (a bare document) or
    ``.../schema/v1/overrides.json`` (a settings overrides file)."""
    return f"{HOMEPAGE}/schema/v{FORMAT_VERSION}/{kind}.json"


def _plugin_schema(path: Optional[Path]) -> Dict[str, Any]:
    return json.loads((path or schema_path()).read_text("utf-8"))


def document_schema(path: Optional[Path] = None) -> Dict[str, Any]:
    """The schema of a bare metadata document (what a metadata URL serves,
    and the value of ``"jupyterlab-hub-help:plugin"`` in an overrides file)."""
    plugin = _plugin_schema(path)
    return {
        "$schema": DRAFT_07,
        "$id": schema_id("metadata"),
        "title": f"jupyterlab-hub-help metadata document, format version {FORMAT_VERSION}",
        "description": plugin.get("description", ""),
        "type": "object",
        "properties": plugin.get("properties", {}),
        "definitions": plugin.get("definitions", {}),
    }


def overrides_schema(path: Optional[Path] = None) -> Dict[str, Any]:
    """The schema of a settings overrides file holding the document under
    ``"jupyterlab-hub-help:plugin"``, next to other plugins' settings. The
    document's definitions move to the root, where its references point."""
    document = document_schema(path)
    return {
        "$schema": DRAFT_07,
        "$id": schema_id("overrides"),
        "title": (
            f"JupyterLab settings overrides file with jupyterlab-hub-help settings, "
            f"format version {FORMAT_VERSION}"
        ),
        "type": "object",
        "required": [PLUGIN_ID],
        "properties": {
            PLUGIN_ID: {
                "description": document["description"],
                "type": "object",
                "properties": document["properties"],
            }
        },
        "definitions": document["definitions"],
    }
