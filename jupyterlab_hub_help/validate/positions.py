"""Where each value of a file starts, so that a problem can be reported as
``FILE:LINE:COLUMN``, the form editors and CI logs link to.

The readers record it while they parse (``inputs`` for JSON, ``values`` for
YAML) as a map from the keys that reach a value to its start. Lines and
columns are 1-based and count characters (code points, as the text was
written: an escape such as ``\\u00e9`` counts six), which is how yamllint
and PyYAML's own error marks count.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import deque
from dataclasses import dataclass
from typing import Callable, Deque, Dict, List, Optional, Sequence, Tuple

import yaml

Keys = Tuple[str, ...]


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class Positions:
    """The start of each value of one file, by its keys from the root
    (object keys, and list indexes written as text, as ``path_keys`` gives
    them)."""

    def __init__(self, starts: Optional[Dict[Keys, Position]] = None):
        self._starts = starts or {}

    def at(self, keys: Sequence[str]) -> Optional[Position]:
        """The start of the value at ``keys``, or when the keys name
        something missing, of the nearest value around it that exists; None
        when nothing of the file is known."""
        for end in range(len(keys), -1, -1):
            found = self._starts.get(tuple(keys[:end]))
            if found is not None:
                return found
        return None


_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_ATOM = re.compile(r"[^ \t\n\r,\]}]+")


def of_json(text: str) -> Positions:
    """Positions in JSON that ``json.loads`` has read: the scan trusts the
    text to be well formed, so it only finds where each value starts. A key
    repeated in one object counts where it was last written, the one
    ``json.loads`` keeps. It runs without recursion, as deep as the parser
    went."""
    offsets: Dict[Keys, int] = {}
    # Each open container: its keys, and the next index (None for objects).
    open_: List[list] = []
    keys: Keys = ()
    at = _SPACE.match(text).end()
    while True:
        offsets[keys] = at
        first = text[at]
        if first in "{[":
            at = _SPACE.match(text, at + 1).end()
            if text[at] not in "}]":
                open_.append([keys, 0 if first == "[" else None])
                keys, at = _member(text, at, open_[-1])
                continue
            at += 1
        else:
            at = (_STRING if first == '"' else _ATOM).match(text, at).end()
        # A value ended: go on to the next member, or close containers.
        while open_:
            at = _SPACE.match(text, at).end()
            if text[at] == ",":
                keys, at = _member(text, _SPACE.match(text, at + 1).end(), open_[-1])
                break
            open_.pop()
            at += 1
        else:
            break
    lines = _LineStarts(text)
    return Positions({k: lines.position(offset) for k, offset in offsets.items()})


def _member(text: str, at: int, container: list) -> Tuple[Keys, int]:
    """The keys of the member starting at ``at``, and where its value starts."""
    parent, index = container
    if index is not None:
        container[1] += 1
        return parent + (str(index),), at
    end = _STRING.match(text, at).end()
    key = json.loads(text[at:end])
    colon = _SPACE.match(text, end).end()
    return parent + (key,), _SPACE.match(text, colon + 1).end()


class _LineStarts:
    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1)


def of_yaml(root: Optional[yaml.Node], key_text: Callable[[yaml.Node], str]) -> Positions:
    """Positions in a composed YAML tree whose value has been constructed
    (so that merge keys are already in place), ``key_text`` giving each key
    as the constructed value has it. Later duplicates win, as in the value;
    an alias counts where its anchor is."""
    starts: Dict[Keys, Position] = {}
    queue: Deque[Tuple[Keys, yaml.Node]] = deque([((), root)] if root is not None else [])
    while queue:
        keys, node = queue.popleft()
        starts[keys] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            queue.extend((keys + (key_text(k),), v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            queue.extend((keys + (str(i),), v) for i, v in enumerate(node.value))
    return Positions(starts)
