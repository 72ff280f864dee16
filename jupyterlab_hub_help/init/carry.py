"""What ``init --from`` takes from zero-to-jupyterhub values.

The files are read and merged as the validator reads them (one Helm
release). Two things are carried over: the hub homepage's
``custom.homepage.templateVars`` (its ``org``, ``operated_by``,
``funded_by``, ``designed_by`` and ``announcements`` have the same shape in
our settings) and ``hub.config.Authenticator.admin_users`` (listed as Hub
Administrators). Whatever is not carried over is named with the file and
place it came from and why: a key with no place in our settings, one only
the homepage uses, or a value the panel would refuse.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, List, Tuple

from ..validate.inputs import InputError, load, path_keys, values_location
from ..validate.parse import parse_document
from ..validate.problems import ERROR, describe_reason
from ..validate.values import CHART_ROOTS, Origins, ValuesError, find_blocks, helm_merge

TEMPLATE_VARS = ["custom", "homepage", "templateVars"]
ADMIN_USERS = ["hub", "config", "Authenticator", "admin_users"]

#: templateVars keys with the same meaning and shape in our settings.
CARRIED = ("org", "operated_by", "funded_by", "designed_by", "announcements")
#: templateVars keys our schema accepts but the panel does not use.
HOMEPAGE_ONLY = ("redirect_to", "learn_more", "enabled")

_HTML_TAG = re.compile(r"<[A-Za-z/!][^>]*>")


class FromError(Exception):
    """A ``--from`` file that cannot be read or is not values (the message
    names the file and why)."""


@dataclass
class Carried:
    document: dict = field(default_factory=dict)
    admins: List[str] = field(default_factory=list)
    #: ``file: place: why``, for what was left out or needs a look.
    notes: List[str] = field(default_factory=list)
    #: The values are a parent chart's (zero-to-jupyterhub under ``jupyterhub:``).
    parent_chart: bool = False

    def summary(self) -> str:
        parts = [k for k in CARRIED if k in self.document and k != "announcements"]
        count = len(self.document.get("announcements") or [])
        if count:
            parts.append(f"{count} announcement{'s' if count != 1 else ''}")
        if self.admins:
            parts.append(f"{len(self.admins)} admin username{'s' if len(self.admins) != 1 else ''}")
        return ", ".join(parts) or "nothing"


def read_values(files: List[str]) -> Tuple[dict, Origins]:
    """The files merged as one Helm release; raises FromError."""
    loaded = []
    for file in files:
        try:
            item = load(file)
        except InputError as error:
            raise FromError(str(error)) from None
        if item.error:
            raise FromError(f"{file}: {describe_reason(item.error)}")
        loaded.append((file, item.value))
    try:
        return helm_merge(loaded)
    except ValuesError as error:
        raise FromError(str(error)) from None


def carry_from(files: List[str]) -> Carried:
    values, origins = read_values(files)
    carried = Carried(parent_chart=isinstance(values.get("jupyterhub"), dict))

    def note(keys: List[str], reason: str) -> None:
        carried.notes.append(f"{origins.file_at(keys)}: {values_location(keys)}: {reason}")

    for root in CHART_ROOTS:
        template_vars = _at(values, root + TEMPLATE_VARS)
        if template_vars is not None:
            carried.document.update(_template_vars(template_vars, root + TEMPLATE_VARS, note))
        admins = _at(values, root + ADMIN_USERS)
        if admins is not None:
            _admins(admins, root + ADMIN_USERS, carried.admins, note)
    for block in find_blocks(values):
        note(block.keys, "already holds hub help settings, which init does not read: "
             "check them together with this file using jupyter hub-help validate")
    return carried


def _at(tree: Any, keys: List[str]) -> Any:
    for key in keys:
        tree = tree.get(key) if isinstance(tree, dict) else None
    return tree


def _template_vars(value: Any, keys: List[str], note) -> dict:
    if not isinstance(value, dict):
        note(keys, "is not a map; nothing was taken from it")
        return {}
    block = {}
    for key, item in value.items():
        if key in CARRIED:
            block[key] = item
        elif key in HOMEPAGE_ONLY:
            note(keys + [key], "is used by the hub homepage only; not carried over")
        else:
            note(keys + [key], "has no place in the hub help settings; not carried over")
    for index, text in enumerate(block.get("announcements") or []):
        if isinstance(text, str) and _HTML_TAG.search(text):
            note(
                keys + ["announcements", str(index)],
                "holds HTML markup, which the panel shows as plain text: rewrite it as text",
            )
    return _accepted(block, keys, note)


def _accepted(block: dict, keys: List[str], note) -> dict:
    """The block as the panel would use it: fields it does not know and
    values it would refuse are left out, each named."""
    unknown = [p for p in parse_document(block, "settings").problems if p.code == "unknown-field"]
    known = copy.deepcopy(block)
    for problem in unknown:
        at = path_keys(problem.path)
        _parent(known, at).pop(at[-1], None)
        note(keys + at, "has no place in the hub help settings; not carried over")
    parsed = parse_document(known, "settings")
    for problem in parsed.problems:
        if problem.severity == ERROR:
            note(keys + path_keys(problem.path), f"not carried over: {describe_reason(problem)}")
    return {k: v for k, v in parsed.document.items() if v not in ({}, [])}


def _parent(tree: Any, keys: List[str]) -> Any:
    for key in keys[:-1]:
        tree = tree[int(key)] if isinstance(tree, list) else tree[key]
    return tree


def _admins(value: Any, keys: List[str], admins: List[str], note) -> None:
    if not isinstance(value, list):
        note(keys, "is not a list of usernames; no admins were taken from it")
        return
    for index, name in enumerate(value):
        if isinstance(name, str) and name.strip():
            if name not in admins:
                admins.append(name)
        else:
            note(keys + [str(index)], "is not a username; left out")
