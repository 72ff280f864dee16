"""Schema patterns read as JavaScript reads them.

Ajv compiles ``pattern`` with ``new RegExp(pattern, "u")``. Python's ``re``
differs where it matters for hostile input: ``$`` also matches before a final
newline, ``.`` matches "\\r" and the Unicode line separators, ``\\s`` and
``\\d``/``\\w`` use other character sets. This translates those tokens so the
same strings match; the rest of the syntax the schema uses is shared.
"""

from __future__ import annotations

import re
from functools import lru_cache

_JS_SPACE = (
    "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029"
    "\\u202f\\u205f\\u3000\\ufeff"
)
_IN_CLASS = {"s": _JS_SPACE, "d": "0-9", "w": "A-Za-z0-9_"}
_OUTSIDE = {
    "s": f"[{_JS_SPACE}]",
    "S": f"[^{_JS_SPACE}]",
    "d": "[0-9]",
    "D": "[^0-9]",
    "w": "[A-Za-z0-9_]",
    "W": "[^A-Za-z0-9_]",
}


@lru_cache(maxsize=64)
def compile_js(pattern: str) -> "re.Pattern[str]":
    """A Python expression that matches what the JavaScript one matches
    (searching, not anchored, as ``RegExp.prototype.test``)."""
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if in_class and nxt in _IN_CLASS:
                out.append(_IN_CLASS[nxt])
            elif in_class and nxt in "SDW":
                raise ValueError(f"unsupported class escape in pattern {pattern!r}")
            elif not in_class and nxt in _OUTSIDE:
                out.append(_OUTSIDE[nxt])
            else:
                out.append(c + nxt)
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[":
                c = "\\["
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
        elif c == "$":
            out.append(r"(?!(?s:.))")
        elif c == ".":
            out.append("[^\\n\\r\\u2028\\u2029]")
        else:
            out.append(c)
        i += 1
    return re.compile("".join(out))
