#!/usr/bin/env python3
"""Run every test suite of jupyterlab-hub-help and end with `N passed, N failed`.

Called by `make test` after the set-up; each suite's own output is streamed, and
a failing suite does not stop the others.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from xml.etree import ElementTree
from dataclasses import dataclass
from pathlib import Path

from lab_checks import EXTENSION, build_release, enabled_ok, fresh_venv, server_extension_ok, use_system_chromium

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"  # built_wheel(): the release files
RESULTS = BUILD / "test-results"
VENV_BIN = ROOT / ".venv" / "bin"
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


def package_version() -> str:
    """The release version, kept in package.json alone."""
    return json.loads((ROOT / "package.json").read_text())["version"]


@functools.cache
def built_wheel() -> tuple[Path | None, str]:
    """`python -m build` as a release runs it (the sdist from the checkout, then the wheel
    from the sdist), in a copy of the working tree; the wheel, or why there is none."""
    failed = build_release(DIST)
    if failed:
        return None, failed
    wheels = list(DIST.glob("*.whl"))
    if len(wheels) != 1:
        return None, f"expected one wheel, found {wheels}"
    return wheels[0], ""


def clean_environment(name: str, *packages: str) -> Path | None:
    """A new virtual environment build/NAME holding only `packages`, or None when they
    could not be installed."""
    venv = fresh_venv(BUILD / name)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", *packages]
    return venv if run(pip).returncode == 0 else None


def _development_traces(names: list[str], read) -> list[str]:
    """Signs of a development labextension: source maps, and bundles that did not go
    through the minifier (only then does the bundler's runtime keep its full name)."""
    maps = [n for n in names if n.endswith(".map")]
    unminified = [
        n for n in names
        if "/static/" in n and n.endswith(".js") and b"__webpack_require__" in read(n)
    ]
    return [f"source map {n}" for n in maps] + [f"unminified {n}" for n in unminified]


def wheel() -> Outcome:
    """Build the release files from a checkout holding a development build; the wheel must
    hold the production build, and install alone where no Node.js is reachable."""
    wheel_path, why = built_wheel()
    if wheel_path is None:
        return check("wheel", False, why)
    version = package_version()
    if not wheel_path.name.startswith(f"jupyterlab_hub_help-{version}-"):
        return check("wheel", False, f"{wheel_path.name} is not version {version} (package.json)")
    archive = zipfile.ZipFile(wheel_path)
    names = archive.namelist()
    share = f"jupyterlab_hub_help-{version}.data/data/share/jupyter/labextensions/{EXTENSION}/"
    missing = [
        f for f in ("package.json", "install.json", "schemas/jupyterlab-hub-help/plugin.json", "static/style.js")
        if share + f not in names
    ]
    if missing or not any(n.startswith(share + "static/remoteEntry.") for n in names):
        return check("wheel", False, f"wheel lacks {missing or 'remoteEntry'}")
    traces = _development_traces([n for n in names if n.startswith(share)], archive.read)
    if traces:
        return check("wheel", False, f"a development build in the wheel ({len(traces)} signs): {', '.join(traces[:3])}")

    venv = clean_environment("wheel-venv", JUPYTERLAB_PIN, str(wheel_path))
    if venv is None:
        return check("wheel", False, "pip install of the wheel")
    # Only the clean environment on PATH: no Node.js, no development tools.
    listing = run(
        [str(venv / "bin" / "jupyter"), "labextension", "list"],
        env={"PATH": str(venv / "bin"), "JUPYTER_CONFIG_DIR": str(venv / "etc" / "jupyter")},
        capture=True,
    )
    print(listing.stdout)
    if not enabled_ok(listing.stdout, "(python, jupyterlab-hub-help)"):
        return check("wheel", False, "not enabled and OK")
    # The server extension is enabled by the wheel's own configuration file.
    servers = run(
        [str(venv / "bin" / "jupyter"), "server", "extension", "list"],
        env={"PATH": str(venv / "bin"), "JUPYTER_CONFIG_DIR": str(venv / "etc" / "jupyter")},
        capture=True,
    )
    print(servers.stdout)
    return check("wheel", server_extension_ok(servers.stdout), "server extension not enabled and OK")


def budget() -> Outcome:
    """The production build's start-up budget (bench/budget.json) in the `wheel` suite's
    environment: our JavaScript loaded before JupyterLab's restore, and the panel's styles
    arriving with it (bench/budget-check.mjs)."""
    jupyter = BUILD / "wheel-venv" / "bin" / "jupyter"
    if not jupyter.exists():
        wheel()
    return checks_report("budget", "node", str(ROOT / "bench" / "budget-check.mjs"), "--jupyter", str(jupyter))


def checks_report(suite: str, *command: str) -> Outcome:
    """Run a command that writes its checks to `--report FILE`
    ({"checks": [{"ok": ...}, ...]}); each check counts."""
    report = RESULTS / f"{suite}.json"
    report.unlink(missing_ok=True)
    code = run([*command, "--report", str(report)]).returncode
    if not report.exists():
        return check(suite, False, f"no report (exit {code})")
    results = json.loads(report.read_text())["checks"]
    failed = sum(not r["ok"] for r in results)
    if code != 0 and failed == 0:
        failed = 1
    return Outcome(suite, len(results) - failed, failed)


def compat() -> Outcome:
    """The wheel in clean environments with the oldest and the newest JupyterLab claimed
    (scripts/compat.py); each check there counts here."""
    wheel_path, why = built_wheel()
    if wheel_path is None:
        return check("compat", False, why)
    return checks_report("compat", sys.executable, str(ROOT / "scripts" / "compat.py"), str(wheel_path))


def release() -> Outcome:
    """What jupyter-releaser's check-release checks, on the release files the other suites
    use (scripts/release_check.py); each check there counts here."""
    wheel_path, why = built_wheel()
    if wheel_path is None:
        return check("release", False, why)
    return checks_report("release", sys.executable, str(ROOT / "scripts" / "release_check.py"), "--built", str(DIST))


def i18n() -> Outcome:
    """Translations (scripts/i18n.py check): the catalogue matches the code, each language
    translates all of it with its placeholders, and JupyterLab serves it; and the wheel
    ships each language's compiled bundle with the entry point JupyterLab looks for."""
    from i18n import DOMAIN, LANGUAGES

    checks = checks_report("i18n", sys.executable, str(ROOT / "scripts" / "i18n.py"), "check")
    wheel_path, why = built_wheel()
    if wheel_path is None:
        shipped = check("i18n", False, why)
    else:
        archive = zipfile.ZipFile(wheel_path)
        names = archive.namelist()
        missing = [
            name for name in (f"{DOMAIN}/locale/{lang}/LC_MESSAGES/{DOMAIN}.json" for lang in LANGUAGES)
            if name not in names
        ]
        entry_points = "".join(
            archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")
        )
        if f"[jupyterlab.locale]\n{DOMAIN} = {DOMAIN}" not in entry_points:
            missing.append("the jupyterlab.locale entry point")
        shipped = check("i18n", not missing, f"the wheel lacks {', '.join(missing)}")
    spanish = language_pack(wheel_path) if wheel_path else check("i18n", False, why)
    return Outcome(
        "i18n",
        checks.passed + shipped.passed + spanish.passed,
        checks.failed + shipped.failed + spanish.failed,
    )


def language_pack(wheel_path: Path) -> Outcome:
    """The panel in Spanish in a new environment holding only JupyterLab, the wheel and
    JupyterLab's Spanish language pack (the one pyproject's dev extra pins), with the
    language set by the operator's overrides (docs/operators/translations.md)."""
    pack = re.search(r'"(jupyterlab-language-pack-es-ES==[^"]+)"', (ROOT / "pyproject.toml").read_text())
    venv = clean_environment("language-pack-venv", JUPYTERLAB_PIN, str(wheel_path), pack.group(1))
    if venv is None:
        return check("i18n", False, "pip install of the wheel and the Spanish language pack")
    overrides = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True, exist_ok=True)
    overrides.write_text(json.dumps({"@jupyterlab/translation-extension:plugin": {"locale": "es_ES"}}))
    return checks_report(
        "i18n-language-pack",
        "node", str(ROOT / "scripts" / "language-pack-check.mjs"), "--jupyter", str(venv / "bin" / "jupyter"),
    )


def labextension_list() -> Outcome:
    listing = run(["jupyter", "labextension", "list"], capture=True)
    print(listing.stdout)
    return check("labextension list", enabled_ok(listing.stdout), "not enabled and OK")


def browser_check() -> Outcome:
    """JupyterLab's own start-up check, driving the system Chromium (see scripts/)."""
    app_dir = Path(run(["jupyter", "lab", "path"], capture=True).stdout.split("Application directory:")[1].split()[0])
    env = use_system_chromium(app_dir)
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


SUITES = [lint, jest, pytest, wheel, budget, compat, release, i18n, labextension_list, browser_check, galata, hub]


# Suites that build and install the release files in environments of their own, and touch
# nothing the others use: most of their time goes to waiting on the build and pip, so they run
# in a second process beside the others, and their output is shown when they end.
PACKAGING = [wheel, budget, compat, release, i18n]


def run_suites(suites: list) -> list[tuple[Outcome, float]]:
    done = []
    for suite in suites:
        started = time.monotonic()
        done.append((suite(), time.monotonic() - started))
    return done


def beside(suites: list) -> tuple[subprocess.Popen, Path, Path]:
    """Start `suites` in a second process of this script; its output goes to a file."""
    log, outcomes = RESULTS / "packaging.log", RESULTS / "packaging.json"
    outcomes.unlink(missing_ok=True)
    child = subprocess.Popen(
        [sys.executable, __file__, "--outcomes", str(outcomes), *(s.__name__ for s in suites)],
        stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT,
    )
    return child, log, outcomes


def collect(child: subprocess.Popen, log: Path, outcomes: Path, suites: list) -> list[tuple[Outcome, float]]:
    code = child.wait()
    print(f"\n===== {', '.join(s.__name__ for s in suites)} (run beside the others) =====\n", flush=True)
    print(log.read_text(errors="replace"), flush=True)
    if not outcomes.exists():
        return [(check(s.__name__, False, f"its process ended with {code} and no outcome"), 0.0) for s in suites]
    return [(Outcome(**o), took) for o, took in json.loads(outcomes.read_text())]


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    args = sys.argv[1:]
    if args[:1] == ["--outcomes"]:
        # The second process: run what it was given, and say how each went.
        target, names = Path(args[1]), set(args[2:])
        done = run_suites([s for s in SUITES if s.__name__ in names])
        target.write_text(json.dumps([(vars(o), took) for o, took in done]))
        return 0
    wanted = [s for s in SUITES if not args or s.__name__ in args]
    aside = [s for s in wanted if s in PACKAGING]
    here = [s for s in wanted if s not in PACKAGING]
    if aside and here:
        started = beside(aside)
        done = dict(zip(here, run_suites(here)))
        done.update(zip(aside, collect(*started, aside)))
    else:
        done = dict(zip(wanted, run_suites(wanted)))
    print("\nSummary")
    for suite in wanted:
        o, took = done[suite]
        print(f"  {o.suite:<20} {o.passed:>4} passed {o.failed:>4} failed {took:>7.0f} s")
    passed = sum(o.passed for o, _ in done.values())
    failed = sum(o.failed for o, _ in done.values())
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
