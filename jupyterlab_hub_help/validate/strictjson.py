"""JSON read so that what is kept can always be written back for ``JSON.parse``.

Python's reader accepts what JavaScript cannot round-trip: ``NaN``,
``Infinity``, numbers that overflow a double (``1e400`` becomes ``inf``),
lone surrogates (``"\\ud800"``), and repeated keys (the last one silently
wins). Stored and served again, the first three make the whole document
unreadable for every panel. ``loads`` refuses each of them, naming why and
where, and refuses nesting past a limit before Python's recursion does.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, List, Tuple

from .problems import json_path

_SURROGATE = re.compile("[\ud800-\udfff]")
#: The largest finite double: an integer past it cannot be a JavaScript number.
_MAX_DOUBLE = 1.7976931348623157e308


class StrictJsonError(ValueError):
    """Why a text is not strict JSON, as a sentence that names the place."""


def _constant(name: str) -> Any:
    raise StrictJsonError(f"{name} is not a JSON value")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StrictJsonError(f"the number {text} is too large for JSON readers")
    return value


def _int(text: str) -> int:
    # Python refuses to read integers of thousands of digits at all.
    value = int(text) if len(text) <= 400 else math.inf
    if abs(value) > _MAX_DOUBLE:
        raise StrictJsonError(f"the number {text[:20]}… is too large for JSON readers")
    return value


def _object(pairs: List[Tuple[str, Any]]) -> dict:
    found: dict = {}
    for key, value in pairs:
        if key in found:
            raise StrictJsonError(f"the key {json.dumps(key)[:80]} appears twice in one object")
        found[key] = value
    return found


def _check_tree(root: Any, max_depth: int) -> None:
    """Depth and lone surrogates, walked without recursion."""
    stack: List[Tuple[Any, List[Any]]] = [(root, [])]
    while stack:
        node, keys = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                raise StrictJsonError(f"the text at {json_path(keys)} holds a lone surrogate")
            continue
        if not isinstance(node, (dict, list)):
            continue
        if len(keys) >= max_depth:
            raise StrictJsonError(f"it is nested deeper than {max_depth} levels")
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            if isinstance(key, str) and _SURROGATE.search(key):
                raise StrictJsonError(f"a key at {json_path(keys)} holds a lone surrogate")
            stack.append((child, [*keys, key]))


def loads(data: bytes, max_depth: int) -> Any:
    """The value of UTF-8 JSON ``data``, or ``StrictJsonError`` saying why not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StrictJsonError(f"it is not UTF-8 (byte {error.start})") from None
    try:
        value = json.loads(
            text,
            parse_constant=_constant,
            parse_float=_float,
            parse_int=_int,
            object_pairs_hook=_object,
        )
    except RecursionError:
        raise StrictJsonError(f"it is nested deeper than {max_depth} levels") from None
    except StrictJsonError:
        raise
    except ValueError as error:
        raise StrictJsonError(str(error)) from None
    _check_tree(value, max_depth)
    return value


def dumps(value: Any) -> str:
    """Compact JSON text that ``JSON.parse`` reads back as ``value``."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
