"""What the test suites look at in a JupyterLab installation, for scripts/run_tests.py and
scripts/compat.py: the extension's line in `jupyter labextension list`, and JupyterLab's
browser check made to drive the system Chromium."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = "jupyterlab-hub-help"
# Stands in for the playwright package that `python -m jupyterlab.browser_check` would
# install, because this machine cannot download Playwright's browsers.
PLAYWRIGHT_STAND_IN = ROOT / "scripts" / "system-chromium-playwright"
PLAYWRIGHT_CORE = ROOT / "ui-tests" / "node_modules" / "playwright-core"


def enabled_ok(listing: str, also: str = "") -> bool:
    """Whether `jupyter labextension list` shows the extension enabled and OK (and `also`)."""
    plain = listing.replace("\x1b[32m", "").replace("\x1b[0m", "")
    return any(
        line.strip().startswith(f"{EXTENSION} v") and "enabled OK" in line and also in line
        for line in plain.splitlines()
    )


def server_extension_ok(listing: str) -> bool:
    """Whether `jupyter server extension list` shows ours enabled and OK."""
    plain = listing.replace("\x1b[32m", "").replace("\x1b[0m", "")
    return bool(
        re.search(r"^\s*jupyterlab_hub_help enabled$", plain, re.M)
        and re.search(r"^\s*jupyterlab_hub_help \S+ OK$", plain, re.M)
    )


def use_system_chromium(app_dir: Path) -> dict[str, str]:
    """Put the stand-in where the browser check of the JupyterLab whose application
    directory is `app_dir` looks for Playwright; returns the environment the check needs."""
    target = app_dir / "browser_test" / "node_modules" / "playwright"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(PLAYWRIGHT_STAND_IN, target)
    bin_dir = target.parent / ".bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "playwright").unlink(missing_ok=True)
    (bin_dir / "playwright").symlink_to(target / "cli.js")
    return {"HUB_HELP_PLAYWRIGHT_CORE": str(PLAYWRIGHT_CORE)}
