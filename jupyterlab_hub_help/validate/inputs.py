"""What the validator is given, turned into sources to check.

A file is a settings overrides file (``{"jupyterlab-hub-help:plugin": ...}``,
possibly next to other plugins' settings), a bare metadata document, or
zero-to-jupyterhub values (YAML). Values files given together are one Helm
release: they are merged first, and each problem names the file that set the
value it is about, with the line and column where it was written
(``positions``). A file that cannot be read at all is an ``InputError``;
one that is not valid JSON or YAML is a problem like any other, because the
server would skip it too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from .load import MISSING, PLUGIN_ID
from ..shared import DOCUMENT_MAX_DEPTH
from .positions import Position, Positions, of_json
from .problems import Problem, json_path
from .values import Origins, ValuesError, find_blocks, helm_merge, is_values, read_yaml

YAML_SUFFIXES = (".yaml", ".yml")


class InputError(Exception):
    """A file that could not be read (missing, unreadable, not UTF-8)."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: could not be read: {reason}")
        self.file = file
        self.reason = reason


@dataclass
class Located:
    """A problem and the file it is about: where its settings are in it
    (``location``, for values files) and where the value the problem is
    about starts (``position``, when it is known)."""

    file: str
    problem: Problem
    location: str = ""
    position: Optional[Position] = None


#: The file a problem is about, and where in it.
Place = Tuple[str, Optional[Position]]


@dataclass
class Unit:
    """Sources checked together (as ``buildMetadata``), and how to place
    each problem in its file. ``problems`` holds what was found while reading."""

    settings: Any = MISSING
    remote: Any = MISSING
    place: Callable[[Problem], Place] = lambda p: ("", None)
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
    positions: Positions = field(default_factory=Positions)


def load(file: str) -> Loaded:
    """A file's value: YAML for .yaml and .yml files, strict JSON for .json
    files (the server reads them so), and for any other name JSON, or YAML
    when the text is not JSON but YAML reads it as a map."""
    text = read_text(file)
    is_yaml = file.lower().endswith(YAML_SUFFIXES)
    if not is_yaml:
        try:
            return Loaded(file, parse_json(text), positions=of_json(text))
        except RecursionError:
            return Loaded(file, error=_too_deep())
        except ValueError as error:
            json_error = str(error)
        if file.lower().endswith(".json"):
            return Loaded(file, error=Problem("settings", "$", "not-json", [json_error]))
        try:
            value, positions = read_yaml(text)
        except ValuesError:
            value = None
        if not isinstance(value, dict):
            return Loaded(file, error=Problem("settings", "$", "not-json", [json_error]))
        return Loaded(file, value, yaml=True, positions=positions)
    try:
        value, positions = read_yaml(text)
        return Loaded(file, value, yaml=True, positions=positions)
    except ValuesError as error:
        return Loaded(file, error=Problem("settings", "$", "not-yaml", [str(error)]))


def _too_deep() -> Problem:
    """Python's JSON reader gives up near 1,000 levels, far past the limit."""
    return Problem("settings", "$", "too-deep", [str(DOCUMENT_MAX_DEPTH)])


def settings_keys(value: Any) -> Optional[List[str]]:
    """Where the settings are in a file's value: under the plugin's key in an
    overrides file, the value itself when it is a bare document; None when it
    is an overrides file for other plugins."""
    if isinstance(value, dict) and PLUGIN_ID in value:
        return [PLUGIN_ID]
    if isinstance(value, dict) and value and all(_PLUGIN_KEY.fullmatch(k) for k in value):
        return None
    return []


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
            keys = settings_keys(loaded.value)
            if keys is None:
                units.append(Unit(problems=[_no_settings(file, f'no "{PLUGIN_ID}" key')]))
            else:
                document = loaded.value[PLUGIN_ID] if keys else loaded.value
                units.append(Unit(settings=document, place=_one_file(loaded, keys)))
    if values_files:
        units += values_units(values_files)
    return units


def values_units(loaded: List[Loaded]) -> List[Unit]:
    """The settings blocks of values files merged as one Helm release."""
    names = [l.file for l in loaded]
    positions = {l.file: l.positions for l in loaded}
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
        place = _placer(origins, positions, block.keys)
        if block.error is not None:
            problem = Problem("settings", "$", "not-json", [block.error])
            file, position = place(problem)
            units.append(Unit(problems=[Located(file, problem, location, position)]))
            continue
        units.append(Unit(settings=block.document, place=place, location=location))
    return units


def _placer(origins: Origins, positions: Dict[str, Positions], prefix: List[str]) -> Callable[[Problem], Place]:
    """Problems in the document at ``prefix``: in the file that set the value
    (``origins``), at the value's start in that file."""

    def place(problem: Problem) -> Place:
        keys = prefix + path_keys(problem.path)
        file = origins.file_at(keys)
        return file, positions[file].at(keys)

    return place


def _one_file(loaded: Loaded, prefix: List[str]) -> Callable[[Problem], Place]:
    return _placer(Origins(loaded.file), {loaded.file: loaded.positions}, prefix)


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
    place_remote = place_settings = _one_file(loaded, [])
    if settings_file:
        settings = settings_units([settings_file])[0]
        if settings.problems:
            return Unit(problems=settings.problems)
        unit.settings = settings.settings
        unit.location = settings.location
        place_settings = settings.place

    def place(problem: Problem) -> Place:
        return (place_remote if problem.source == "metadata-url" else place_settings)(problem)

    unit.place = place
    return unit
