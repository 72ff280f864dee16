"""JSON values as the extension's JavaScript sees them.

The TypeScript checks run on what ``JSON.parse`` returns, and the problems
they report depend on it: the order of an object's keys (JavaScript lists
integer-like keys first, in numeric order), numbers (all are doubles; NaN and
Infinity do not survive ``JSON.stringify``), and the length of the JSON text
in UTF-16 units. These helpers give Python the same view.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, List

_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")
_MAX_SAFE = 2**53


def _is_array_index(key: str) -> bool:
    return bool(_ARRAY_INDEX.fullmatch(key)) and int(key) < 2**32 - 1


def js_keys(obj: dict) -> List[str]:
    """An object's keys in JavaScript's order."""
    keys = list(obj)
    indices = [k for k in keys if _is_array_index(k)]
    if not indices:
        return keys
    indices.sort(key=int)
    return indices + [k for k in keys if not _is_array_index(k)]


def depth_exceeds(root: Any, limit: int) -> bool:
    """Whether any list or object is nested deeper than ``limit`` (the root
    is depth 1), without recursion: a document nested 10,000 deep must not
    overflow the stack."""
    stack = [(root, 1)]
    seen_at = {}
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, (dict, list)):
            # A recursive structure (a YAML alias to an ancestor) is
            # infinitely deep; this also stops shared nodes from being
            # walked more often than needed.
            if seen_at.get(id(node), 0) >= depth:
                continue
            seen_at[id(node)] = depth
            children = node.values() if isinstance(node, dict) else node
            for child in children:
                if isinstance(child, (dict, list)):
                    stack.append((child, depth + 1))
    return False


def normalize(value: Any) -> Any:
    """``JSON.parse(JSON.stringify(value))``: keys in JavaScript's order,
    non-finite numbers as null, numbers as doubles. Only for values whose
    depth was checked."""
    if isinstance(value, dict):
        return {key: normalize(value[key]) for key in js_keys(value)}
    if isinstance(value, list):
        return [normalize(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value if abs(value) <= _MAX_SAFE else float(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) <= _MAX_SAFE:
            return int(value)
        return value
    return value


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_length(value: Any) -> int:
    """The length of ``JSON.stringify(value)`` in UTF-16 units."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    length = len(text) + len(_ASTRAL.findall(text))
    # JSON.stringify writes a lone surrogate as a six-character escape.
    pairs = len(_PAIR.findall(text))
    lone = len(_SURROGATE.findall(text)) - 2 * pairs
    return length + 5 * lone


def js_number(value: Any) -> str:
    """``String(n)`` for the numbers the checks print."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, int) and abs(value) >= 10**21:
        value = float(value)
    if isinstance(value, float):
        text = repr(value)
        mantissa, _, exponent = text.partition("e")
        if not exponent:
            return text
        exp = int(exponent)
        if -7 < exp < 21:
            return format(value, "f").rstrip("0").rstrip(".")
        return f"{mantissa}e{'+' if exp > 0 else '-'}{abs(exp)}"
    return str(value)
