"""The format's schema: found where the extension ships it, prepared as the
extension prepares it.

``schema/plugin.json`` is the single source of truth. An installed package
ships it inside the labextension (``share/jupyter/labextensions/
jupyterlab-hub-help/schemas/jupyterlab-hub-help/plugin.json``, or the
package's ``labextension`` folder in a development install); a source checkout
has it at ``schema/plugin.json``, which the build copies. In a checkout the
source file wins: the built copy is an artifact that lags behind until the
next ``jlpm build``, and the TypeScript checks are compiled from the source.

The TypeScript validator is compiled from the schema by ``scripts/codegen.js``
with two changes, made here too: annotations are dropped, and every object
schema with ``properties`` and no ``additionalProperties`` is closed, so that
an unknown key is named (as a warning); conditions (``if``/``then``/``else``)
stay open. JupyterLab's own view of the schema stays open.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, List, Optional

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SCHEMA_IN_LABEXTENSION = Path("schemas", "jupyterlab-hub-help", "plugin.json")
LABEXTENSION_NAME = "jupyterlab-hub-help"


def source_schema() -> Optional[Path]:
    """``schema/plugin.json`` when the package runs from a source checkout."""
    root = PACKAGE_DIR.parent
    candidate = root / "schema" / "plugin.json"
    if candidate.is_file() and (root / "package.json").is_file():
        try:
            name = json.loads((root / "package.json").read_text("utf-8")).get("name")
        except (OSError, ValueError):
            return None
        if name == LABEXTENSION_NAME:
            return candidate
    return None


def _data_dirs() -> Iterator[Path]:
    """Where the wheel's shared data lands (``share/jupyter``), most specific
    first, then Jupyter's own data path when jupyter_core is importable."""
    seen = set()
    roots: List[str] = [sys.prefix, sysconfig.get_path("data")]
    for scheme in ("posix_user", "nt_user", "osx_framework_user"):
        try:
            roots.append(sysconfig.get_path("data", scheme))
        except KeyError:
            pass
    dirs = [Path(root, "share", "jupyter") for root in roots if root]
    try:
        from jupyter_core.paths import jupyter_path

        dirs += [Path(p) for p in jupyter_path()]
    except Exception:  # noqa: BLE001 - jupyter_core is optional here
        pass
    env = os.environ.get("JUPYTER_PATH")
    if env:
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    for directory in dirs:
        if directory not in seen:
            seen.add(directory)
            yield directory


def packaged_schema() -> Optional[Path]:
    """The copy inside the installed labextension, if any."""
    candidates = [PACKAGE_DIR / "labextension" / SCHEMA_IN_LABEXTENSION]
    candidates += [
        d / "labextensions" / LABEXTENSION_NAME / SCHEMA_IN_LABEXTENSION
        for d in _data_dirs()
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def schema_path() -> Path:
    """The schema file the validator applies."""
    found = source_schema() or packaged_schema()
    if found is None:
        raise FileNotFoundError(
            "schema/plugin.json of jupyterlab-hub-help was not found: the package "
            "holds no built labextension (reinstall jupyterlab-hub-help)"
        )
    return found


_ANNOTATIONS = {"title", "description", "default"}
_CONDITIONS = {"if", "then", "else"}


def without_annotations(value: Any) -> Any:
    """Drop ``title``, ``description`` and ``default`` where they are not
    objects (as JavaScript's ``typeof``, so ``null`` stays)."""
    if isinstance(value, list):
        return [without_annotations(v) for v in value]
    if isinstance(value, dict):
        return {
            key: without_annotations(v)
            for key, v in value.items()
            if not (key in _ANNOTATIONS and not isinstance(v, (dict, list)) and v is not None)
        }
    return value


def closed(value: Any, open_: bool = False) -> Any:
    """Close every object schema that lists ``properties`` and says nothing
    of ``additionalProperties``, except under conditions."""
    if isinstance(value, list):
        return [closed(v, open_) for v in value]
    if isinstance(value, dict):
        copy = {key: closed(v, open_ or key in _CONDITIONS) for key, v in value.items()}
        if not open_ and copy.get("properties") and "additionalProperties" not in copy:
            copy["additionalProperties"] = False
        return copy
    return value


def data_schema(plugin_schema: dict) -> dict:
    """The data format alone: JupyterLab's own keys (menus, icons) are not
    data; annotations dropped and objects closed, as codegen.js does."""
    return closed(
        without_annotations(
            {
                "type": "object",
                "properties": plugin_schema.get("properties", {}),
                "definitions": plugin_schema.get("definitions", {}),
            }
        )
    )


@lru_cache(maxsize=4)
def load_data_schema(path: Optional[str] = None) -> dict:
    """The prepared schema from ``path``, or from where it ships."""
    file = Path(path) if path else schema_path()
    return data_schema(json.loads(file.read_text("utf-8")))
