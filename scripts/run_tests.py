#!/usr/bin/env python3
"""Run every test suite of jupyterlab-hub-help and end with `N passed, N failed`.

Called by `make test` after the set-up; each suite's own output is streamed, and
a failing suite does not stop the others.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import zipfile
from xml.etree import ElementTree
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
RESULTS = BUILD / "test-results"
VENV_BIN = ROOT / ".venv" / "bin"
EXTENSION = "jupyterlab-hub-help"
JUPYTERLAB_PIN = "jupyterlab==4.6.4"


@dataclass
class Outcome:
    suite: str
    passed: int
    failed: int


def run(cmd: list[str], cwd: Path = ROOT, env: dict | None = None, capture: bool = False):
    print(f"\n$ {' '.join(cmd)}", flush=True)
    return subprocess.run(
        cmd, cwd=cwd, env={**os.environ, **(env or {})}, text=True,
        stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None,
    )


def check(suite: str, ok: bool, why: str = "") -> Outcome:
    if not ok:
        print(f"FAILED {suite}: {why}", flush=True)
    return Outcome(suite, int(ok), int(not ok))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lint() -> Outcome:
    return check("lint", run(["jlpm", "lint:check"]).returncode == 0, "jlpm lint:check")


def jest() -> Outcome:
    report = RESULTS / "jest.json"
    report.unlink(missing_ok=True)
    code = run(["jlpm", "test", "--json", f"--outputFile={report}"]).returncode
    if not report.exists():
        return check("jest", False, f"no report (exit {code})")
    data = json.loads(report.read_text())
    failed = data["numFailedTests"] + data.get("numRuntimeErrorTestSuites", 0)
    if code != 0 and failed == 0:
        failed = 1  # coverage or configuration error
    return Outcome("jest", data["numPassedTests"], failed)


def pytest() -> Outcome:
    """The Python package: the validator, and the hostile corpus it shares with jest."""
    report = RESULTS / "pytest.xml"
    report.unlink(missing_ok=True)
    code = run([sys.executable, "-m", "pytest", "tests/python", "-q", "-p", "no:cacheprovider",
                f"--junitxml={report}"]).returncode
    if not report.exists():
        return check("pytest", False, f"no report (exit {code})")
    suite = ElementTree.parse(report).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, skipped = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    if code != 0 and failed == 0:
        failed = 1
    return Outcome("pytest", total - skipped - failed, failed)


def wheel() -> Outcome:
    """Build the production wheel and install it alone where no Node.js is reachable."""
    dist = BUILD / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    if run(["jlpm", "build:prod"]).returncode != 0:
        return check("wheel", False, "jlpm build:prod")
    if run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)]).returncode != 0:
        return check("wheel", False, "python -m build")
    wheels = list(dist.glob("*.whl"))
    if len(wheels) != 1:
        return check("wheel", False, f"expected one wheel, found {wheels}")
    names = zipfile.ZipFile(wheels[0]).namelist()
    share = f"jupyterlab_hub_help-0.1.0.data/data/share/jupyter/labextensions/{EXTENSION}/"
    missing = [
        f for f in ("package.json", "install.json", "schemas/jupyterlab-hub-help/plugin.json", "static/style.js")
        if share + f not in names
    ]
    if missing or not any(n.startswith(share + "static/remoteEntry.") for n in names):
        return check("wheel", False, f"wheel lacks {missing or 'remoteEntry'}")

    venv = BUILD / "wheel-venv"
    shutil.rmtree(venv, ignore_errors=True)
    if run([sys.executable, "-m", "venv", str(venv)]).returncode != 0:
        return check("wheel", False, "venv")
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", JUPYTERLAB_PIN, str(wheels[0])]
    if run(pip).returncode != 0:
        return check("wheel", False, "pip install of the wheel")
    # Only the clean environment on PATH: no Node.js, no development tools.
    listing = run(
        [str(venv / "bin" / "jupyter"), "labextension", "list"],
        env={"PATH": str(venv / "bin"), "JUPYTER_CONFIG_DIR": str(venv / "etc" / "jupyter")},
        capture=True,
    )
    print(listing.stdout)
    return check("wheel", _enabled_ok(listing.stdout, "(python, jupyterlab-hub-help)"), "not enabled and OK")


def _enabled_ok(listing: str, also: str = "") -> bool:
    plain = listing.replace("\x1b[32m", "").replace("\x1b[0m", "")
    return any(
        line.strip().startswith(f"{EXTENSION} v") and "enabled OK" in line and also in line
        for line in plain.splitlines()
    )


def labextension_list() -> Outcome:
    listing = run(["jupyter", "labextension", "list"], capture=True)
    print(listing.stdout)
    return check("labextension list", _enabled_ok(listing.stdout), "not enabled and OK")


def browser_check() -> Outcome:
    """JupyterLab's own start-up check, driving the system Chromium (see scripts/)."""
    app_dir = Path(run(["jupyter", "lab", "path"], capture=True).stdout.split("Application directory:")[1].split()[0])
    target = app_dir / "browser_test" / "node_modules" / "playwright"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "scripts" / "system-chromium-playwright", target)
    bin_dir = target.parent / ".bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "playwright").unlink(missing_ok=True)
    (bin_dir / "playwright").symlink_to(target / "cli.js")
    env = {"HUB_HELP_PLAYWRIGHT_CORE": str(ROOT / "ui-tests" / "node_modules" / "playwright-core")}
    code = run([sys.executable, "-m", "jupyterlab.browser_check", "--allow-root"], env=env).returncode
    return check("browser_check", code == 0, f"exit {code}")


def galata() -> Outcome:
    report = ROOT / "ui-tests" / "test-results" / "report.json"
    report.unlink(missing_ok=True)
    code = run(["jlpm", "playwright", "test"], cwd=ROOT / "ui-tests", env={"HUB_HELP_LAB_PORT": str(free_port())}).returncode
    if not report.exists():
        return check("galata", False, f"no report (exit {code})")
    stats = json.loads(report.read_text())["stats"]
    failed = stats["unexpected"] + (1 if code != 0 and stats["unexpected"] == 0 else 0)
    return Outcome("galata", stats["expected"] + stats["flaky"], failed)


def _leftover_hub_processes() -> list[str]:
    """Processes still working in a hub suite's temporary state directory."""
    left = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if "hub-help-e2e-" in os.readlink(proc / "cwd"):
                cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                left.append(f"{proc.name} {cmdline}")
        except OSError:
            continue
    return left


def hub() -> Outcome:
    """End-to-end tests in a real JupyterHub (ui-tests/hub): the harness starts and stops the
    hub, the proxy and the user servers; anything left running afterwards is a failure."""
    report = BUILD / "hub-tests" / "report.json"
    report.unlink(missing_ok=True)
    code = run(["jlpm", "playwright", "test", "-c", "hub/playwright.config.js"], cwd=ROOT / "ui-tests").returncode
    left = _leftover_hub_processes()
    if left:
        print("FAILED hub: processes left running:\n  " + "\n  ".join(left), flush=True)
        for line in left:
            try:
                os.kill(int(line.split()[0]), 9)
            except OSError:
                pass
    if not report.exists():
        return check("hub", False, f"no report (exit {code})")
    stats = json.loads(report.read_text())["stats"]
    failed = stats["unexpected"] + (1 if code != 0 and stats["unexpected"] == 0 else 0) + (1 if left else 0)
    return Outcome("hub", stats["expected"] + stats["flaky"], failed)


SUITES = [lint, jest, pytest, wheel, labextension_list, browser_check, galata, hub]


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    wanted = set(sys.argv[1:])
    outcomes = [suite() for suite in SUITES if not wanted or suite.__name__ in wanted]
    print("\nSummary")
    for o in outcomes:
        print(f"  {o.suite:<20} {o.passed:>4} passed {o.failed:>4} failed")
    passed = sum(o.passed for o in outcomes)
    failed = sum(o.failed for o in outcomes)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
