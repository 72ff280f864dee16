"""The report shortcut collides with nothing: JupyterLab's own shortcuts, as
the installed JupyterLab declares them, and the system, browser and keyboard
layout shortcuts listed in fixtures/reserved-shortcuts.json, on each platform."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESERVED = json.loads((Path(__file__).parent / "fixtures" / "reserved-shortcuts.json").read_text())
LAB_SCHEMAS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
PLATFORMS = {"mac": "macKeys", "linux": "linuxKeys", "windows": "winKeys"}
MODIFIERS = ["Alt", "Cmd", "Ctrl", "Shift"]


def normalize(keys: list[str], platform: str) -> str:
    """One chord sequence as a canonical string: Accel resolved for the platform,
    modifiers sorted, the key upper-cased."""
    chords = []
    for chord in keys:
        parts = chord.split()
        accel = "Cmd" if platform == "mac" else "Ctrl"
        parts = [accel if p == "Accel" else p for p in parts]
        mods = sorted({p for p in parts if p in MODIFIERS}, key=MODIFIERS.index)
        key = [p for p in parts if p not in MODIFIERS]
        chords.append(" ".join(mods + [k.upper() if len(k) == 1 else k for k in key]))
    return ", ".join(chords)


def keys_on(shortcut: dict, platform: str) -> list[str]:
    return shortcut.get(PLATFORMS[platform]) or shortcut.get("keys") or []


def ours() -> list[dict]:
    schema = json.loads((ROOT / "schema" / "report.json").read_text())
    return schema["jupyter.lab.shortcuts"]


def jupyterlab_shortcuts() -> list[dict]:
    found = []
    for path in LAB_SCHEMAS.rglob("*.json"):
        try:
            found.extend(json.loads(path.read_text()).get("jupyter.lab.shortcuts", []))
        except ValueError:
            continue
    return [s for s in found if not s.get("disabled")]


def test_jupyterlab_schemas_are_read():
    # Guards the test itself: without JupyterLab's schemas it would pass vacuously.
    assert len(jupyterlab_shortcuts()) > 100


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_report_shortcut_is_free_in_jupyterlab(platform):
    taken = {}
    for shortcut in jupyterlab_shortcuts():
        taken.setdefault(normalize(keys_on(shortcut, platform), platform), []).append(shortcut["command"])
    for shortcut in ours():
        keys = normalize(keys_on(shortcut, platform), platform)
        assert keys not in taken, f"{keys} on {platform} is JupyterLab's {taken[keys]}"


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_report_shortcut_is_free_on_the_system(platform):
    reserved = {normalize([k], platform): who for k, who in RESERVED[platform].items()}
    for shortcut in ours():
        keys = normalize(keys_on(shortcut, platform), platform)
        assert keys not in reserved, f"{keys} on {platform}: {reserved[keys]}"


def test_the_old_shortcut_is_refused_on_mac():
    # Accel Alt H was Cmd+Option+H on macOS, which hides the other applications.
    assert normalize(["Accel Alt H"], "mac") in {normalize([k], "mac") for k in RESERVED["mac"]}
