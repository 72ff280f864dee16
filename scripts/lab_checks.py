"""What scripts/run_tests.py, scripts/compat.py and scripts/release_check.py share: a copy of
the working tree to build from, environments without Node.js, the extension's line in
`jupyter labextension list`, and JupyterLab's browser check made to drive the system Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = "jupyterlab-hub-help"
# Stands in for the playwright package that `python -m jupyterlab.browser_check` would
# install, because this machine cannot download Playwright's browsers.
PLAYWRIGHT_STAND_IN = ROOT / "scripts" / "system-chromium-playwright"
PLAYWRIGHT_CORE = ROOT / "ui-tests" / "node_modules" / "playwright-core"
# Node.js and the package managers that run on it: what a PATH without Node.js leaves out.
NODE_TOOLS = ("node", "nodejs", "npm", "npx", "corepack", "jlpm", "yarn")
NPM_LISTING = "npm-pack.json"  # build_release(): `npm pack --dry-run --json`


def copy_sources(dest: Path) -> None:
    """The working tree's files as git sees them (tracked, and new ones not ignored): what a
    commit of it would hold, without build outputs, caches or installed packages."""
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    for name in files.splitlines():
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def copy_checkout(dest: Path) -> None:
    """The sources as a contributor has them, with the labextension `make setup` built for
    development, and the installed npm packages and yarn's package cache linked: a checkout
    to build from that leaves this one untouched."""
    copy_sources(dest)
    labextension = ROOT / "jupyterlab_hub_help" / "labextension"
    if labextension.is_dir():
        shutil.copytree(labextension, dest / "jupyterlab_hub_help" / "labextension", symlinks=True)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    # The cache beside the packages, wherever they are (a git worktree may link another's).
    (dest / ".yarn").mkdir()
    (dest / ".yarn" / "cache").symlink_to((ROOT / "node_modules").resolve().parent / ".yarn" / "cache")


def python_build(source: Path, outdir: Path, *options: str, env: dict[str, str] | None = None,
                 capture: bool = False) -> subprocess.CompletedProcess:
    """`python -m build` in `source` into `outdir`, with this environment's build requirements
    (--no-isolation); without options, as a release runs it: the sdist, then the wheel from it.
    With `capture`, its output is kept (stdout) as well as shown."""
    cmd = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), *options]
    print(f"\n$ {' '.join(cmd)}", flush=True)
    done = subprocess.run(cmd, cwd=source, env=env, text=True, stdout=subprocess.PIPE if capture else None,
                          stderr=subprocess.STDOUT if capture else None)
    if capture:
        print(done.stdout, end="", flush=True)
    return done


def build_release(dist: Path) -> str:
    """The release files as a release makes them, from a copy of the working tree (see
    copy_checkout), into `dist`: the sdist, the wheel built from it, and NPM_LISTING, what
    `npm pack` packs there after that build; an empty string, or what failed."""
    shutil.rmtree(dist, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="hub-help-checkout-") as checkout:
        copy_checkout(Path(checkout))
        if python_build(Path(checkout), dist).returncode != 0:
            return "python -m build"
        pack = subprocess.run(["npm", "pack", "--dry-run", "--json", "--ignore-scripts"],
                              cwd=checkout, capture_output=True, text=True)
    if pack.returncode != 0:
        return f"npm pack --dry-run: {pack.stderr.strip()[-300:]}"
    (dist / NPM_LISTING).write_text(pack.stdout)
    return ""


def run_shown(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `cmd`, showing it and its output (stdout and stderr together, kept in stdout)."""
    print(f"\n$ {' '.join(cmd)}", flush=True)
    done = subprocess.run(cmd, env=env, cwd=cwd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(done.stdout, end="", flush=True)
    return done


def fresh_venv(path: Path) -> Path:
    """A new virtual environment at `path`, in place of any there."""
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path


def without_node(dest: Path, folder: Path) -> Path:
    """`dest`, made a folder of links to everything in `folder` but NODE_TOOLS: a PATH entry for
    what shares a folder with Node.js (git and the tools its scripts call live in /usr/bin)."""
    dest.mkdir(parents=True)
    for entry in folder.iterdir():
        if entry.name not in NODE_TOOLS:
            (dest / entry.name).symlink_to(entry)
    return dest


def environment(venv: Path, *, node: bool, path: tuple[Path, ...] = ()) -> dict[str, str]:
    """For a virtual environment `venv` (or a scratch folder): nothing from the calling
    environment's Python or Jupyter set-up, user-level Jupyter folders of its own, and on PATH
    `venv`/bin, then `path`, then Node.js only when asked for (when not, `node` must not be
    found there: checked, not assumed)."""
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("JUPYTER", "VIRTUAL_ENV", "PYTHON", "CONDA"))
    }
    dirs = [str(venv / "bin"), *map(str, path)]
    if node:
        dirs += [str(Path(shutil.which(tool)).parent) for tool in ("node", "npx")]
    search = os.pathsep.join(dict.fromkeys(dirs))
    if not node and shutil.which("node", path=search):
        raise RuntimeError(f"node is on the PATH meant to be without Node.js: {search}")
    user = venv / "user"
    env.update(
        PATH=search,
        JUPYTER_CONFIG_DIR=str(user / "config"),
        JUPYTER_DATA_DIR=str(user / "data"),
        JUPYTER_RUNTIME_DIR=str(user / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(user / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(user / "workspaces"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    return env


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
