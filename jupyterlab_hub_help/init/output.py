"""What ``init`` writes: a settings overrides file
(``{"jupyterlab-hub-help:plugin": {...}}``), or a zero-to-jupyterhub values
fragment that mounts the same file where JupyterLab reads overrides, as the
README's snippet does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, TextIO

import yaml

from ..validate.load import PLUGIN_ID
from ..validate.schema import load_data_schema

MOUNT_PATH = "/etc/jupyter/labconfig/default_setting_overrides.d/jupyterlab-hub-help.json"
EXTRA_FILE = "hub-help"

#: Each format and the file ending the validator reads it by.
SUFFIXES = {"settings": ".json", "z2jh": ".yaml"}

Z2JH_HEADER = """\
# Hub help (jupyterlab-hub-help) for every user's JupyterLab: mounted as a
# settings overrides file. Add it after the hub's other values files
# (helm upgrade ... -f values.yaml -f this-file.yaml) and check them together:
#   jupyter hub-help validate values.yaml this-file.yaml
"""


def ordered(document: dict) -> dict:
    """Top-level keys in the schema's order, as the Settings Editor lists them."""
    order = list(load_data_schema()["properties"])
    return dict(sorted(document.items(), key=lambda item: order.index(item[0])))


def render(document: dict, format_: str, parent_chart: bool = False) -> str:
    settings = ordered(document)
    if format_ == "settings":
        return json.dumps({PLUGIN_ID: settings}, indent=2, ensure_ascii=False) + "\n"
    values: dict = {
        "singleuser": {
            "extraFiles": {EXTRA_FILE: {"mountPath": MOUNT_PATH, "data": {PLUGIN_ID: settings}}}
        }
    }
    if parent_chart:
        values = {"jupyterhub": values}
    return Z2JH_HEADER + yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=100)


def refuse_overwrite(file: Optional[str], force: bool) -> None:
    """Raise FileExistsError when ``file`` exists and may not be replaced."""
    if file and not force and Path(file).exists():
        raise FileExistsError(_exists(file))


def write(text: str, file: Optional[str], force: bool, out: TextIO) -> None:
    """To ``file`` (only a new one unless ``force``), else to ``out``.
    Raises FileExistsError or OSError."""
    if file is None:
        out.write(text)
        return
    try:
        handle = Path(file).open("w" if force else "x", encoding="utf-8")
    except FileExistsError:
        raise FileExistsError(_exists(file)) from None
    with handle:
        handle.write(text)


def _exists(file: str) -> str:
    return f"{file} exists; use --force to replace it"
