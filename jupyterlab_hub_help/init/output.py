"""What ``init`` writes: a settings overrides file
(``{"jupyterlab-hub-help:plugin": {...}}``), or a zero-to-jupyterhub values
fragment that mounts the same file where JupyterLab reads overrides, as the
README's snippet does."""

from __future__ import annotations

import json

import yaml

from ..validate.load import PLUGIN_ID
from ..validate.schema import load_data_schema

MOUNT_PATH = "/etc/jupyter/labconfig/default_setting_overrides.d/jupyterlab-hub-help.json"
EXTRA_FILE = "hub-help"

#: Each kind of file (``--as``) and the file ending the validator reads it by.
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


def render(document: dict, kind: str, parent_chart: bool = False) -> str:
    settings = ordered(document)
    if kind == "settings":
        return json.dumps({PLUGIN_ID: settings}, indent=2, ensure_ascii=False) + "\n"
    values: dict = {
        "singleuser": {
            "extraFiles": {EXTRA_FILE: {"mountPath": MOUNT_PATH, "data": {PLUGIN_ID: settings}}}
        }
    }
    if parent_chart:
        values = {"jupyterhub": values}
    return Z2JH_HEADER + yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=100)
