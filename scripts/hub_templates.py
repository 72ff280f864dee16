#!/usr/bin/env python3
"""JupyterHub's own templates, from the wheels of the releases the template pack
(jupyterlab_hub_help/hub_templates) is checked against: the oldest we support and
the newest of each later major version.

    python scripts/hub_templates.py     fetch any that are missing (make setup does)

Each wheel is downloaded once into build/jupyterhub/VERSION/ and its templates
(share/jupyterhub/templates in the wheel's data) unpacked beside it; a second run
costs nothing. tests/python/test_hub_templates.py renders our templates over them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "jupyterhub"
VERSIONS = ("4.1.6", "5.5.4", "6.1.1")
DATA_TEMPLATES = ".data/data/share/jupyterhub/templates/"


def templates(version: str) -> Path:
    """The templates of JupyterHub ``version``, fetched when missing; raises
    when they cannot be had."""
    folder = CACHE / version / "templates"
    if (folder / "page.html").exists():
        return folder
    wheels = CACHE / version / "wheel"
    if not list(wheels.glob("jupyterhub-*.whl")):
        # The project's constraints may pin the installed JupyterHub; these are other releases.
        env = {**os.environ, "PIP_CONSTRAINT": ""}
        subprocess.run([sys.executable, "-m", "pip", "download", f"jupyterhub=={version}",
                        "--no-deps", "--only-binary=:all:", "-q", "-d", str(wheels)],
                       check=True, env=env)
    wheel = next(wheels.glob("jupyterhub-*.whl"))
    partial = folder.with_name("templates.partial")
    shutil.rmtree(partial, ignore_errors=True)
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if DATA_TEMPLATES in name and not name.endswith("/"):
                target = partial / name.split(DATA_TEMPLATES, 1)[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    if not (partial / "page.html").exists():
        raise RuntimeError(f"{wheel.name} holds no templates under {DATA_TEMPLATES}")
    partial.rename(folder)
    return folder


def main() -> int:
    for version in VERSIONS:
        print(f"JupyterHub {version}: {templates(version).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
