"""What the metadata URL's document may set, as ``authority.ts``.

The metadata URL may be served by someone other than the operator: its
document keeps contacts, tasks and announcements current, but redirecting
later fetches, changing admin discovery or adding command buttons needs the
operator's grant in the settings (``metadataUrlMaySet``). What it may not set
is ignored and named (warnings).
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Union

from .parse import ParsedDocument
from .problems import WARNING, Problem, json_path


#: Keys no other source may set.
SETTINGS_ONLY = ("metadataUrlMaySet", "communityService")


def limit_remote_authority(
    parsed: ParsedDocument, granted: Optional[Sequence[str]] = None
) -> ParsedDocument:
    granted = list(granted or [])
    document = dict(parsed.document)
    problems: List[Problem] = []

    def refuse(keys: List[Union[str, int]], needed: str) -> None:
        problems.append(Problem("metadata-url", json_path(keys), "not-allowed", [needed], WARNING))

    # Only the operator's settings grant authority, or say where the hub
    # token may be sent.
    for key in SETTINGS_ONLY:
        if key in document:
            problems.append(Problem("metadata-url", json_path([key]), "settings-only", [], WARNING))
            del document[key]
    for key in ("metadataUrl", "adminDiscovery"):
        if key in document and key not in granted:
            refuse([key], key)
            del document[key]
    tasks = document.get("tasks")
    if tasks and "commands" not in granted:
        positions = parsed.positions.get("tasks", [])
        kept = []
        for i, task in enumerate(tasks):
            how = task.get("how") if isinstance(task, dict) else None
            if not (isinstance(how, dict) and how.get("command")):
                kept.append(task)
                continue
            refuse(["tasks", positions[i] if i < len(positions) else i, "how", "command"], "commands")
            how = {k: v for k, v in how.items() if k != "command"}
            kept.append({**task, "how": how})
        document["tasks"] = kept
    return ParsedDocument(document, parsed.problems + problems, parsed.positions)
