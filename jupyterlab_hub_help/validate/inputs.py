"""What the validator is given, turned into sources to check.

A file is a settings overrides file (``{"jupyterlab-hub-help:plugin": ...}``,
possibly next to other plugins' settings), a bare metadata document, or
zero-to-jupyterhub values (YAML). Values files given together are one Helm
release: they are merged first, and each problem names the file that set the
value it is about. A file that cannot be read at all is an ``InputError``;
one that is not valid JSON or YAML is a problem like any other, because the
server would skip it too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, List, Optional

from .load import MISSING, PLUGIN_ID
from ..shared import DOCUMENT_MAX_DEPTH
from .problems import Problem, json_path
from .values import Origins, ValuesError, find_blocks, helm_merge, is_values, load_yaml

YAML_SUFFIXES = (".yaml", ".yml")


class InputError(Exception):
    """A file that could not be read (missing, unreadable, not UTF-8)."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: could not be read: {reason}")
        self.file = file
        self.reason = reason


@dataclass
class Located:
    """A problem and the file (and place in it) it is about."""

    file: str
    problem: Problem
    location: str = ""


@dataclass
class Unit:
    """Sources checked together (as ``buildMetadata``), and how to name the
    file for each problem. ``problems`` holds what was found while reading."""

    settings: Any = MISSING
    remote: Any = MISSING
    name_file: Callable[[Problem], str] = lambda p: ""
    location: str = ""
    problems: List[Located] = field(default_factory=list)


def read_text(file: str) -> str:
    try:
        return Path(file).read_text("utf-8")
    except UnicodeDecodeError:
        raise InputError(file, "it is not UTF-8 text") from None
    except OSError as error:
        raise InputError(file, error.strerror or str(error)) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def parse_json(text: str) -> Any:
    """JSON as JavaScript's ``JSON.parse`` reads it (no NaN or Infinity)."""
    return json.loads(text, parse_constant=_reject_constant)


@dataclass
class Loaded:
    file: str
    value: Any = None
    error: Optional[Problem] = None
    yaml: bool = False


def load(file: str) -> Loaded:
    """A file's value: YAML for .yaml and .yml files, strict JSON for .json
    files (the server reads them so), and for any other name JSON, or YAML
    when the text is not JSON but YAML reads it as a map."""
    text = read_text(file)
    is_yaml = file.lower().endswith(YAML_SUFFIXES)
    if not is_yaml:
        try:
            return Loaded(file, parse_json(text))
        except RecursionError:
            return Loaded(file, error=_too_deep())
        except ValueError as error:
            json_error = str(error)
        if file.lower().endswith(".json"):
            return Loaded(file, error=Problem("settings", "$", "not-json", [json_error]))
        try:
            value = load_yaml(text)
        except ValuesError:
            value = None
        if not isinstance(value, dict):
            return Loaded(file, error=Problem("settings", "$", "not-json", [json_error]))
        return Loaded(file, value, yaml=True)
    try:
        return Loaded(file, load_yaml(text), yaml=True)
    except ValuesError as error:
        return Loaded(file, error=Problem("settings", "$", "not-yaml", [str(error)]))


def _too_deep() -> Problem:
    """Python's JSON reader gives up near 1,000 levels, far past the limit."""
    return Problem("settings", "$", "too-deep", [str(DOCUMENT_MAX_DEPTH)])


def settings_document(value: Any) -> Any:
    """The settings in an overrides file, or the value itself when it is a
    bare document; MISSING when it is an overrides file for other plugins."""
    if isinstance(value, dict) and PLUGIN_ID in value:
        return value[PLUGIN_ID]
    if isinstance(value, dict) and value and all(_PLUGIN_KEY.fullmatch(k) for k in value):
        return MISSING
    return value


_PLUGIN_KEY = re.compile(r"@?[\w.-]+(/[\w.-]+)?:[\w.-]+")


def _no_settings(file: str, where: str) -> Located:
    return Located(file, Problem("settings", "$", "no-settings", [where]))


_TOKEN = re.compile(r'\.([A-Za-z_][A-Za-z0-9_-]*)|\[([0-9]+)\]|\[("(?:[^"\\]|\\.)*")\]')


def path_keys(path: str) -> List[str]:
    """The keys of a JSON path written by ``json_path``."""
    keys = []
    for match in _TOKEN.finditer(path, 1):
        name, index, quoted = match.groups()
        keys.append(name if name is not None else index if index is not None else json.loads(quoted))
    return keys


def settings_units(files: List[str], unreadable: Optional[List[InputError]] = None) -> List[Unit]:
    """One unit per JSON file; all values files together as one. Files that
    cannot be read are added to ``unreadable`` (raised when it is None)."""
    units: List[Unit] = []
    values_files: List[Loaded] = []
    for file in files:
        try:
            loaded = load(file)
        except InputError as error:
            if unreadable is None:
                raise
            unreadable.append(error)
            continue
        if loaded.error:
            units.append(Unit(problems=[Located(file, loaded.error)]))
        elif loaded.yaml and is_values(loaded.value):
            values_files.append(loaded)
        else:
            document = settings_document(loaded.value)
            if document is MISSING:
                units.append(Unit(problems=[_no_settings(file, f'no "{PLUGIN_ID}" key')]))
            else:
                units.append(Unit(settings=document, name_file=lambda p, f=file: f))
    if values_files:
        units += values_units(values_files)
    return units


def values_units(loaded: List[Loaded]) -> List[Unit]:
    """The settings blocks of values files merged as one Helm release."""
    names = [l.file for l in loaded]
    try:
        merged, origins = helm_merge([(l.file, l.value) for l in loaded])
    except ValuesError as error:
        return [Unit(problems=[Located(names[0], Problem("settings", "$", "not-yaml", [str(error)]))])]
    blocks = find_blocks(merged)
    if not blocks:
        where = 'no "singleuser.extraFiles.*.data" holds "' + PLUGIN_ID + '"'
        return [Unit(problems=[_no_settings(" + ".join(names), where)])]
    units = []
    for block in blocks:
        location = values_location(block.keys)
        if block.error is not None:
            file = origins.file_at(block.keys)
            units.append(
                Unit(problems=[Located(file, Problem("settings", "$", "not-json", [block.error]), location)])
            )
            continue
        units.append(
            Unit(
                settings=block.document,
                name_file=_namer(origins, block.keys),
                location=location,
            )
        )
    return units


def _namer(origins: Origins, prefix: List[str]) -> Callable[[Problem], str]:
    def name(problem: Problem) -> str:
        return origins.file_at(prefix + path_keys(problem.path))

    return name


def values_location(keys: List[str]) -> str:
    """Where in the values a block is, as a path without the ``$``."""
    return json_path(keys)[2:] if keys else ""


def metadata_url_unit(file: str, settings_file: Optional[str]) -> Unit:
    """A metadata URL's document, checked with the settings that grant it
    authority when they are given."""
    loaded = load(file)
    if loaded.error:
        loaded.error.source = "metadata-url"
        return Unit(problems=[Located(file, loaded.error)])
    unit = Unit(remote=loaded.value)
    name_settings: Callable[[Problem], str] = lambda p: file
    if settings_file:
        settings = settings_units([settings_file])[0]
        if settings.problems:
            return Unit(problems=settings.problems)
        unit.settings = settings.settings
        unit.location = settings.location
        name_settings = settings.name_file

    def name(problem: Problem) -> str:
        return file if problem.source == "metadata-url" else name_settings(problem)

    unit.name_file = name
    return unit
