#!/usr/bin/env python3
"""What jupyter-releaser's check-release makes sure of before a release, checked here.

    python scripts/release_check.py [--built DIST] [--report FILE]

The release files are built from a copy of the working tree (scripts/lab_checks.py
build_release), or, with --built, taken from DIST, where scripts/run_tests.py built them.
Then: twine and check-wheel-contents accept them; the npm package holds what it should and
nothing for development; the wheel installs beside the pinned JupyterLab where no Node.js is
reachable and works there; a checkout without Node.js cannot build a wheel, while the unpacked
sdist builds one with the same labextension; and the repository's pre-commit hook installs
and checks files without Node.js. Each check counts; ends with `N passed, N failed`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from lab_checks import (
    EXTENSION, NPM_LISTING, ROOT, build_release, copy_sources, enabled_ok, environment, fresh_venv,
    python_build, run_shown, without_node,
)
from run_tests import JUPYTERLAB_PIN, package_version

WORK = ROOT / "build" / "release"
HOOK_ID = "jupyterlab-hub-help-validate"
PLUGIN = "jupyterlab-hub-help:plugin"
Z2JH = ROOT / "docs" / "operators" / "examples" / "zero-to-jupyterhub"
GOOD_SETTINGS = ROOT / "docs" / "operators" / "examples" / "plain-jupyterhub" / "jupyterlab-hub-help.json"
# The npm package: what it must hold (package.json "files", and what npm always adds), and
# what only development uses.
NPM_NEEDED = ("lib/index.js", "lib/index.d.ts", "style/index.css", "schema/plugin.json", "package.json",
              "README.md", "LICENSE")
NPM_UNWANTED = ("ui-tests/", "tests/", "node_modules/", ".venv/", "build/", "/__tests__/", ".spec.")


class Checks:
    def __init__(self) -> None:
        self.results: list[dict] = []

    def record(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        self.results.append({"name": name, "ok": ok, "detail": detail})
        return ok


def labextension_files(wheel: Path) -> dict[str, str]:
    """The wheel's labextension, file by file (path below it: sha256)."""
    archive = zipfile.ZipFile(wheel)
    marker = f"/share/jupyter/labextensions/{EXTENSION}/"
    return {
        name.split(marker, 1)[1]: hashlib.sha256(archive.read(name)).hexdigest()
        for name in archive.namelist() if marker in name
    }


def check_metadata(checks: Checks, sdist: Path, wheel: Path) -> None:
    twine = run_shown([sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)])
    checks.record("twine check --strict", twine.returncode == 0)
    contents = run_shown([sys.executable, "-m", "check_wheel_contents", "--config", str(ROOT / "pyproject.toml"), str(wheel)])
    checks.record("check-wheel-contents", contents.returncode == 0)


#: What the help service serves and the template pack adds, which the wheel must carry.
SERVICE_FILES = ("jupyterlab_hub_help/service/static/help.js",
                 "jupyterlab_hub_help/service/static/hub-pages.js",
                 "jupyterlab_hub_help/hub_templates/page.html")


def check_service_files(checks: Checks, wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [f for f in SERVICE_FILES if f not in names]
    checks.record("the wheel carries the help page's scripts and the template pack", not missing,
                  f"lacks {', '.join(missing)}" if missing else "")


def check_npm_files(checks: Checks, listing: Path) -> None:
    """The file list `npm pack --dry-run --json` gave after the release build."""
    files = [f["path"] for f in json.loads(listing.read_text())[0]["files"]]
    missing = [f for f in NPM_NEEDED if f not in files]
    unwanted = [f for f in files if any(f.startswith(u) or u in f for u in NPM_UNWANTED)]
    problems = ([f"lacks {', '.join(missing)}"] if missing else []) + (
        [f"holds {len(unwanted)} development files, such as {', '.join(unwanted[:3])}"] if unwanted else [])
    checks.record("npm package files", not problems, "; ".join(problems) or f"{len(files)} files")


def check_installed(checks: Checks, wheel: Path, version: str) -> None:
    """The wheel beside the pinned JupyterLab, installed and used where no Node.js is reachable."""
    venv = fresh_venv(WORK / "venv")
    env = environment(venv, node=False)
    install = run_shown([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", JUPYTERLAB_PIN, str(wheel)], env, venv)
    if not checks.record(f"install with {JUPYTERLAB_PIN}, without Node.js", install.returncode == 0):
        return
    listing = run_shown([str(venv / "bin" / "jupyter"), "labextension", "list"], env, venv)
    expected = f"{EXTENSION} v{version} "
    listed = enabled_ok(listing.stdout, expected)
    checks.record("jupyter labextension list", listed, "" if listed else f"no line '{expected}... enabled OK'")
    printed = run_shown([str(venv / "bin" / "jupyter"), "hub-help", "--version"], env, venv).stdout.strip()
    wanted = f"jupyter hub-help {version}"
    checks.record("jupyter hub-help --version", printed == wanted, "" if printed == wanted else f"{printed!r}, not {wanted!r}")
    newcomer(checks, venv, env)


def newcomer(checks: Checks, venv: Path, env: dict) -> None:
    """What an operator with only Python does first: `init` from the values a hub already has,
    then `validate` on a values file with a mistake, read with its line and column."""
    jupyter = str(venv / "bin" / "jupyter")
    fragment = WORK / "values-hub-help.yaml"
    fragment.unlink(missing_ok=True)
    init = run_shown([jupyter, "hub-help", "init", "--as", "z2jh", "--no-input", "--hub-name", "Riverbend",
                      "--from", str(Z2JH / "base.yaml"), str(Z2JH / "hub-riverbend.yaml"), "-o", str(fragment)], env, venv)
    written = init.returncode == 0 and fragment.exists()
    checks.record("jupyter hub-help init from values files", written, "" if written else f"exit {init.returncode}")
    if not written:
        return
    broken = WORK / "values-broken.yaml"
    broken.write_text(fragment.read_text().replace("name: Riverbend", "name: 42", 1))
    line = next(i for i, text in enumerate(broken.read_text().splitlines(), 1) if "name: 42" in text)
    found = run_shown([jupyter, "hub-help", "validate", str(broken)], env, venv)
    located = found.returncode == 1 and f"{broken}:{line}:" in found.stdout
    checks.record("jupyter hub-help validate names the line", located,
                  "" if located else f"exit {found.returncode}, no '{broken.name}:{line}:' in its output")


def check_builds_without_node(checks: Checks, sdist: Path, wheel: Path) -> None:
    """Without Node.js a checkout's wheel build stops at the labextension (no wheel without
    it), while the unpacked sdist reuses the labextension it ships (skip-if-exists: PKG-INFO)."""
    with tempfile.TemporaryDirectory(prefix="hub-help-no-node-") as scratch:
        scratch = Path(scratch)
        env = environment(scratch, node=False)
        checkout = scratch / "checkout"
        copy_sources(checkout)
        failed = python_build(checkout, scratch / "from-checkout", "--wheel", env=env, capture=True)
        wheels = list((scratch / "from-checkout").glob("*.whl"))
        loud = failed.returncode != 0 and not wheels and "Could not find cmd (jlpm)" in failed.stdout
        checks.record("a checkout without Node.js builds no wheel", loud,
                      "" if loud else f"exit {failed.returncode}, wheels {[w.name for w in wheels]}")

        with tarfile.open(sdist) as archive:
            archive.extractall(scratch / "sdist", filter="data")
        unpacked = next((scratch / "sdist").iterdir())
        built = python_build(unpacked, scratch / "from-sdist", "--wheel", env=env)
        rebuilt = list((scratch / "from-sdist").glob("*.whl"))
        if not checks.record("the sdist builds a wheel without Node.js", built.returncode == 0 and len(rebuilt) == 1):
            return
        ours, theirs = labextension_files(wheel), labextension_files(rebuilt[0])
        differ = sorted(set(ours) ^ set(theirs)) + sorted(f for f in ours.keys() & theirs.keys() if ours[f] != theirs[f])
        checks.record("that wheel holds the same labextension", bool(ours) and not differ,
                      f"{len(ours)} files" if ours and not differ else f"differs in {differ[:5] or 'everything'}")


def git(cwd: Path, *args: str) -> None:
    identity = ["-c", "user.name=release check", "-c", "user.email=release-check@localhost"]
    subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True)


def check_pre_commit_hook(checks: Checks, version: str) -> None:
    """An operator's repository using this one's hook at a release tag, with pre-commit from
    PyPI, no Node.js, and a pre-commit cache of its own: a good file passes, a bad one fails
    with the validator's message."""
    with tempfile.TemporaryDirectory(prefix="hub-help-pre-commit-") as scratch:
        scratch = Path(scratch)
        hooks_repo, project = scratch / "jupyterlab-hub-help", scratch / "operator"
        copy_sources(hooks_repo)
        git(hooks_repo, "init", "-q")
        git(hooks_repo, "add", "-A")
        git(hooks_repo, "commit", "-q", "-m", "release candidate")
        git(hooks_repo, "tag", f"v{version}")

        (project / "hub-help").mkdir(parents=True)
        shutil.copy(GOOD_SETTINGS, project / "hub-help" / "jupyterlab-hub-help.json")
        config = {"repos": [{"repo": str(hooks_repo), "rev": f"v{version}", "hooks": [{"id": HOOK_ID}]}]}
        (project / ".pre-commit-config.yaml").write_text(json.dumps(config, indent=2))  # JSON is YAML
        git(project, "init", "-q")
        git(project, "add", "-A")

        venv = fresh_venv(WORK / "pre-commit-venv")
        git_folder = Path(shutil.which("git")).parent
        env = environment(venv, node=False, path=(without_node(scratch / "tools", git_folder),))
        env["PRE_COMMIT_HOME"] = str(scratch / "pre-commit-home")
        install = run_shown([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "pre-commit"], env, venv)
        if not checks.record("pre-commit from PyPI", install.returncode == 0):
            return
        pre_commit = [str(venv / "bin" / "pre-commit"), "run", "--all-files"]
        good = run_shown(pre_commit, env, project)
        if good.returncode != 0:
            log = Path(env["PRE_COMMIT_HOME"], "pre-commit.log")
            print(log.read_text() if log.exists() else "(no pre-commit.log)")
        checks.record("pre-commit hook without Node.js: a good file passes", good.returncode == 0,
                      "" if good.returncode == 0 else f"exit {good.returncode}")

        (project / "hub-help" / "broken.json").write_text(json.dumps({PLUGIN: {"statusPage": 42}}))
        git(project, "add", "-A")
        bad = run_shown(pre_commit, env, project)
        named = re.search(r"hub-help/broken\.json:1:\d+: \$\.statusPage: ", bad.stdout) is not None
        checks.record("pre-commit hook without Node.js: a bad file fails, named", bad.returncode == 1 and named,
                      "" if bad.returncode == 1 and named else f"exit {bad.returncode}, problem named: {named}")


def release_files(checks: Checks, dist: Path, version: str) -> tuple[Path, Path] | None:
    sdists, wheels = sorted(dist.glob("*.tar.gz")), sorted(dist.glob("*.whl"))
    names = [p.name for p in sdists + wheels]
    ok = (len(sdists) == len(wheels) == 1 and (dist / NPM_LISTING).exists()
          and all(n.startswith(f"jupyterlab_hub_help-{version}") for n in names))
    checks.record(f"one sdist, one wheel and the npm file list, version {version}", ok, ", ".join(names))
    return (sdists[0], wheels[0]) if ok else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--built", type=Path, metavar="DIST", help="check the release files in DIST instead of building them")
    parser.add_argument("--report", type=Path, help="write the checks as JSON here")
    args = parser.parse_args()

    checks, version = Checks(), package_version()
    dist = (args.built or WORK / "dist").resolve()
    if args.built is None:
        failed = build_release(dist)
        checks.record("python -m build and npm pack from a clean copy", not failed, failed)
    found = release_files(checks, dist, version)
    if found:
        sdist, wheel = found
        check_metadata(checks, sdist, wheel)
        check_service_files(checks, wheel)
        check_npm_files(checks, dist / NPM_LISTING)
        check_installed(checks, wheel, version)
        check_builds_without_node(checks, sdist, wheel)
    check_pre_commit_hook(checks, version)

    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps({"checks": checks.results}, indent=2))
    failed = sum(not r["ok"] for r in checks.results)
    print(f"\n{len(checks.results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
