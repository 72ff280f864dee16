"""The files a zero-to-jupyterhub user pod sees, rendered from values files.

zero-to-jupyterhub turns each ``singleuser.extraFiles.<name>`` entry into a
file at its ``mountPath``: ``data`` written as JSON or YAML by the mount
path's extension, ``stringData`` as it is, ``binaryData`` decoded from
base64. Only the entries that hold the hub help settings are rendered, found
and merged by the validator's own code (Helm's merge of several ``-f`` files).

As a script, writes those files under a directory that stands for the pod's
root, for a JupyterLab started with that directory's ``etc/jupyter`` on its
config path (the Galata run does so)::

    python tests/python/pod_files.py OUT_DIR VALUES.yaml...
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path, PurePosixPath
from typing import Any, Dict, List

import yaml

from jupyterlab_hub_help.validate.values import find_blocks, helm_merge, load_yaml

FIELDS = ("data", "stringData", "binaryData")


def merged_values(files: List[Path]) -> dict:
    """The values of one Helm release made of ``files``, in order."""
    merged, _ = helm_merge([(str(f), load_yaml(Path(f).read_text("utf-8"))) for f in files])
    return merged


def render_entry(name: str, entry: Dict[str, Any]) -> str:
    """One extraFiles entry's file content, as the chart writes it."""
    given = [field for field in FIELDS if entry.get(field)]
    if not entry.get("mountPath") or len(given) != 1:
        raise ValueError(
            f"extraFiles.{name}: needs a mountPath and exactly one of {', '.join(FIELDS)}"
        )
    field = given[0]
    if field == "stringData":
        return entry["stringData"]
    if field == "binaryData":
        return base64.b64decode(entry["binaryData"]).decode("utf-8")
    suffix = PurePosixPath(entry["mountPath"]).suffix
    if suffix == ".json":
        # Helm's toJson: compact, keys sorted.
        return json.dumps(entry["data"], ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    if suffix in (".yaml", ".yml"):
        return yaml.safe_dump(entry["data"], allow_unicode=True)
    raise ValueError(f"extraFiles.{name}: data for a {suffix or 'nameless'} file is not rendered here")


def pod_files(values: dict) -> Dict[str, str]:
    """Mount path to content, for each extraFiles entry holding our settings."""
    files: Dict[str, str] = {}
    for block in find_blocks(values):
        # block.keys: [jupyterhub,] singleuser, extraFiles, NAME, data|stringData, ...
        at = block.keys.index("extraFiles") + 2
        entry: Any = values
        for key in block.keys[:at]:
            entry = entry[key]
        files[entry["mountPath"]] = render_entry(block.keys[at - 1], entry)
    return files


def write_pod_files(root: Path, values_files: List[Path]) -> Dict[str, Path]:
    """Write the rendered files under ``root``; returns where each went."""
    written = {}
    for mount_path, content in pod_files(merged_values(values_files)).items():
        target = root / PurePosixPath(mount_path).relative_to("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")
        written[mount_path] = target
    return written


def main(argv: List[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    written = write_pod_files(Path(argv[0]), [Path(f) for f in argv[1:]])
    if not written:
        print("no extraFiles entry holds the hub help settings", file=sys.stderr)
        return 1
    for mount_path, target in written.items():
        print(f"{mount_path} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
