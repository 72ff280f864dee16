"""What one change did to a section, kept small enough to keep many of them.

A change record does not hold the section before and after the change (four
edits of a 1.6 MB people list would be 13 MB of history): it holds how to
go back, its ``revert``. For a list, the runs of entries the change replaced
(``[start, count, entries]``: put ``entries`` back in place of the ``count``
entries at ``start``), found by ``difflib`` over the entries' JSON; for
anything else, the whole value before. Going back from the current value
through each later change's revert gives any change's before and after, which
is what undo and the history's details need.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence

Splice = List[Any]  # [start, count, entries]


def _texts(entries: Sequence[Any]) -> List[str]:
    return [json.dumps(e, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for e in entries]


def revert_of(before: Any, after: Any) -> dict:
    """How to get ``before`` back from ``after``."""
    if not (isinstance(before, list) and isinstance(after, list)):
        return {"value": before}
    matcher = difflib.SequenceMatcher(None, _texts(before), _texts(after), autojunk=False)
    splices = [
        [j1, j2 - j1, before[i1:i2]]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
    return {"splices": splices}


def apply_revert(revert: dict, after: Any) -> Any:
    """The value before the change, from the value after it."""
    if "value" in revert:
        return revert["value"]
    result = list(after)
    # From the end, so that earlier starts stay where they were.
    for start, count, entries in sorted(revert["splices"], key=lambda s: s[0], reverse=True):
        result[start:start + count] = entries
    return result


def summary_of(before: Any, after: Any) -> Dict[str, int]:
    """How many entries a change added, removed and changed (a value that is
    not a list counts as one entry)."""
    if not (isinstance(before, list) and isinstance(after, list)):
        if before == after:
            return {"added": 0, "removed": 0, "changed": 0}
        if before is None:
            return {"added": 1, "removed": 0, "changed": 0}
        if after is None:
            return {"added": 0, "removed": 1, "changed": 0}
        return {"added": 0, "removed": 0, "changed": 1}
    old, new = _keyed(before), _keyed(after)
    if old is None or new is None:
        matcher = difflib.SequenceMatcher(None, _texts(before), _texts(after), autojunk=False)
        added = removed = changed = 0
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            common = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            changed += common
            removed += (i2 - i1) - common
            added += (j2 - j1) - common
        return {"added": added, "removed": removed, "changed": changed}
    return {
        "added": sum(1 for k in new if k not in old),
        "removed": sum(1 for k in old if k not in new),
        "changed": sum(1 for k in new if k in old and old[k] != new[k]),
    }


# Reverting one change alone, where later changes touched other entries


def entry_key(entry: Any) -> str:
    """What identifies an entry: its id where it has one, else its whole text."""
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]:
        return "id:" + entry["id"]
    return "value:" + json.dumps(entry, ensure_ascii=False, sort_keys=True)


def _keyed(entries: Sequence[Any]) -> Optional[Dict[str, Any]]:
    """Entries by key, or None when two share a key (then they cannot be told apart)."""
    keys = [entry_key(e) for e in entries]
    if any(count > 1 for count in Counter(keys).values()):
        return None
    return dict(zip(keys, entries))


def label_of(entry: Any) -> str:
    """A few words that name an entry for a person: its name, id or text."""
    if isinstance(entry, dict):
        for field in ("name", "id", "text"):
            value = entry.get(field)
            if isinstance(value, str) and value:
                return value[:80]
            if isinstance(value, dict) and value:
                first = next(iter(value.values()))
                if isinstance(first, str):
                    return first[:80]
    if isinstance(entry, str):
        return entry[:80]
    return json.dumps(entry, ensure_ascii=False)[:80]


class EntriesChanged(Exception):
    """Later changes touched entries that the change to revert touched too."""

    def __init__(self, labels: List[str]):
        super().__init__(", ".join(labels))
        self.labels = labels


def revert_only(before: Any, after: Any, current: Any) -> Optional[list]:
    """``current`` with only the change ``before`` → ``after`` undone, keeping
    what later changes did to other entries. None when the section is not a
    list of entries that can be told apart, or the change only reordered
    them; ``EntriesChanged`` naming the entries when a later change touched
    one that this change touched."""
    if not all(isinstance(v, list) for v in (before, after, current)):
        return None
    old, new, now = _keyed(before), _keyed(after), _keyed(current)
    if old is None or new is None or now is None:
        return None
    touched = {k for k in set(old) | set(new) if old.get(k, _MISSING) != new.get(k, _MISSING)}
    if not touched:
        return None
    clashes = [k for k in touched if now.get(k, _MISSING) != new.get(k, _MISSING)]
    if clashes:
        raise EntriesChanged(sorted(label_of(new.get(k, old.get(k))) for k in clashes))
    # Entries the change added go; those it changed are as they were before.
    result = [(k, old[k] if k in touched else e) for k, e in now.items()
              if k not in touched or k in old]
    # Entries the change removed go back after the entry they followed.
    position = {k: i for i, (k, _) in enumerate(result)}
    placed: Dict[int, list] = {}
    follows = -1
    for key, entry in old.items():
        if key in position:
            follows = position[key]
        elif key in touched:
            placed.setdefault(follows, []).append((key, entry))
    ordered = placed.get(-1, [])
    for i, item in enumerate(result):
        ordered.append(item)
        ordered.extend(placed.get(i, []))
    return [entry for _, entry in ordered]


def can_revert_only(before: Any, after: Any, current: Any) -> bool:
    try:
        return revert_only(before, after, current) is not None
    except EntriesChanged:
        return False


_MISSING = object()
