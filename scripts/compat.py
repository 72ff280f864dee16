#!/usr/bin/env python3
"""The built wheel with the oldest and the newest JupyterLab the extension claims.

    python scripts/compat.py WHEEL [--jupyterlab VERSION ...] [--report FILE]

The claim is package.json's range for @jupyterlab/application (`^4.0.0`: JupyterLab 4.0
up to, not including, 5). Without --jupyterlab, PyPI is asked for the latest patch of the
oldest minor and for the newest release of that major; when it cannot answer, the pins
below are used and said so. Each version gets a new virtual environment in build/compat/
holding `jupyterlab==VERSION` and the wheel, installed with no Node.js on PATH (pip's
cache keeps repeated runs short). In each one, `jupyter labextension list` must show the
extension enabled and OK, `jupyter server extension list` its server extension (the
same-origin Hub API reads of hubs with subdomains) enabled and OK, and
`python -m jupyterlab.browser_check` must pass; that check
alone is given Node.js, which it needs to drive Chromium. Ends with `N passed, N failed`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from lab_checks import (
    EXTENSION, ROOT, enabled_ok, environment, fresh_venv, run_shown, server_extension_ok, use_system_chromium,
)

ENVIRONMENTS = ROOT / "build" / "compat"
CLAIM_PACKAGE = "@jupyterlab/application"
# For runs where PyPI cannot be asked (offline, from pip's cache). The 4.0 line ended
# with 4.0.13; 4.6.6 was the newest 4.x when this was written.
PINNED = {(4, 0): "4.0.13", (4,): "4.6.6"}
CHECKS = ("install", "labextension list", "server extension list", "browser_check")


def claimed_range() -> tuple[int, int]:
    """(major, oldest minor) from package.json's caret range for @jupyterlab/application."""
    spec = json.loads((ROOT / "package.json").read_text())["dependencies"][CLAIM_PACKAGE]
    parts = spec.removeprefix("^").split(".")
    if not spec.startswith("^") or not all(p.isdigit() for p in parts[:2]):
        raise SystemExit(f"package.json: {CLAIM_PACKAGE} is {spec!r}; compat.py reads a caret range like ^4.0.0")
    return int(parts[0]), int(parts[1])


def released_versions() -> list[tuple[int, ...]] | None:
    """JupyterLab's final releases on the package index, or None when it cannot be asked."""
    answer = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", "jupyterlab"],
        capture_output=True, text=True,
    )
    line = next((l for l in answer.stdout.splitlines() if l.startswith("Available versions:")), None)
    if answer.returncode != 0 or line is None:
        return None
    found = [v.strip() for v in line.split(":", 1)[1].split(",")]
    return [tuple(int(p) for p in v.split(".")) for v in found if all(p.isdigit() for p in v.split("."))]


def versions_to_test() -> list[str]:
    """The latest patch of the oldest claimed minor, and the newest release of the major."""
    major, minor = claimed_range()
    series = [(major, minor), (major,)]
    released = released_versions()
    if released is None:
        pinned = [PINNED[s] for s in series]
        print(f"PyPI did not answer `pip index versions jupyterlab`: using the pins {', '.join(pinned)}")
        return pinned
    chosen = []
    for prefix in series:
        matching = [v for v in released if v[: len(prefix)] == prefix]
        if not matching:
            raise SystemExit(f"no JupyterLab {'.'.join(map(str, prefix))}.x on the package index")
        chosen.append(".".join(map(str, max(matching))))
    return chosen


def test_version(version: str, wheel: Path) -> list[dict]:
    """Install, list and start JupyterLab `version` with the wheel; one result per check."""
    venv = ENVIRONMENTS / f"jupyterlab-{version}"
    results = []

    def record(check: str, ok: bool, detail: str = "") -> None:
        print(f"{'PASS' if ok else 'FAIL'} JupyterLab {version}: {check}{': ' + detail if detail else ''}", flush=True)
        results.append({"jupyterlab": version, "check": check, "ok": ok, "detail": detail})

    fresh_venv(venv)
    python = str(venv / "bin" / "python")
    without_node = environment(venv, node=False)
    install = run_shown([python, "-m", "pip", "install", "-q", f"jupyterlab=={version}", str(wheel)], without_node, venv)
    record("install", install.returncode == 0, "" if install.returncode == 0 else f"pip exit {install.returncode}")
    if install.returncode != 0:
        for check in CHECKS[1:]:
            record(check, False, "not run: the install failed")
        return results

    listing = run_shown([str(venv / "bin" / "jupyter"), "labextension", "list"], without_node, venv)
    # The wheel's file name holds its version: name-version-tags.whl.
    expected = f"{EXTENSION} v{wheel.name.split('-')[1]} "
    listed = enabled_ok(listing.stdout, expected)
    record("labextension list", listed, "" if listed else f"no line '{expected}... enabled OK'")
    servers = run_shown([str(venv / "bin" / "jupyter"), "server", "extension", "list"], without_node, venv)
    loaded = server_extension_ok(servers.stdout)
    record("server extension list", loaded, "" if loaded else "jupyterlab_hub_help not enabled and OK")

    if not (shutil.which("node") and shutil.which("npx")):
        record("browser_check", False, "not run: Node.js (node, npx) is not on PATH")
        return results
    app_dir = venv / "share" / "jupyter" / "lab"
    with_node = {**environment(venv, node=True), **use_system_chromium(app_dir)}
    check = run_shown([python, "-m", "jupyterlab.browser_check", "--allow-root"], with_node, venv)
    record("browser_check", check.returncode == 0, "" if check.returncode == 0 else f"exit {check.returncode}")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--jupyterlab", action="append", metavar="VERSION",
                        help="a JupyterLab version to test (repeatable); default: the claimed range's ends")
    parser.add_argument("--report", type=Path, help="write the results as JSON here")
    args = parser.parse_args()
    if not args.wheel.is_file():
        parser.error(f"{args.wheel}: no such wheel")

    versions = args.jupyterlab or versions_to_test()
    print(f"JupyterLab versions: {', '.join(versions)}", flush=True)
    results = [r for version in versions for r in test_version(version, args.wheel.resolve())]
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps({"jupyterlab": versions, "checks": results}, indent=2))
    failed = sum(not r["ok"] for r in results)
    print(f"\n{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
