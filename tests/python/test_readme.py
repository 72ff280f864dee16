"""The README's compatibility table names the versions the suites run, read
from where the suites take them, so neither can change without the other."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import compat  # noqa: E402
import run_tests  # noqa: E402


def table_row(part: str) -> str:
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Requirements and compatibility", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in table.splitlines() if r.startswith(f"| {part} ")]
    assert len(rows) == 1, f"one row for {part} in the README's compatibility table"
    return rows[0]


def dev_pin(package: str) -> str:
    pyproject = (ROOT / "pyproject.toml").read_text()
    return re.search(rf'"{re.escape(package)}==([^"]+)"', pyproject).group(1)


def test_jupyterlab_versions_are_those_of_the_suites():
    row = table_row("JupyterLab")
    assert run_tests.JUPYTERLAB_PIN.split("==")[1] in row
    assert dev_pin("jupyterlab") in row
    # The oldest release of the claimed range that compat.py installs when PyPI
    # cannot be asked; the newest is PyPI's at the time, as the row says.
    major, minor = compat.claimed_range()
    assert f"{major}.{minor} and later {major}.x" in row
    assert compat.PINNED[(major, minor)] in row
    assert "newest 4.x on PyPI" in row


def test_notebook_and_jupyterhub_versions_are_the_pinned_ones():
    assert dev_pin("notebook") in table_row("Notebook")
    assert dev_pin("jupyterhub") in table_row("JupyterHub")


def test_python_floor_is_the_declared_one():
    pyproject = (ROOT / "pyproject.toml").read_text()
    floor = re.search(r'requires-python = ">=([0-9.]+)"', pyproject).group(1)
    assert f"{floor} and later" in table_row("Python")
