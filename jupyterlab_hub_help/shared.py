"""What the Python side shares with the panel, read from ``shared.json``.

The panel gets the same values from ``src/generated/shared.ts``, which
``scripts/codegen.js`` writes from the same file, so neither side types them.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Tuple

_SHARED = json.loads((Path(__file__).with_name("shared.json")).read_text("utf-8"))

PLUGIN_ID: str = _SHARED["pluginId"]
FORMAT_VERSION: int = _SHARED["formatVersion"]
#: The name the hub help service runs under unless the operator names another.
COMMUNITY_SERVICE: str = _SHARED["communityService"]
#: Where the server extension answers the panel, under the server's base URL.
SERVER_EXTENSION_PATH: Tuple[str, ...] = tuple(_SHARED["serverExtensionPath"].split("/"))
#: The announcement id the community's status note is shown under.
STATUS_ID: str = _SHARED["statusId"]
SECTIONS: Tuple[str, ...] = tuple(_SHARED["sections"])
#: What a task note may hold: each key with the keys allowed inside it.
TASK_NOTE_KEYS: Mapping[str, frozenset] = MappingProxyType(
    {key: frozenset(inner) for key, inner in _SHARED["taskNote"].items()}
)
ROLE_USER: str = _SHARED["roles"]["user"]
ROLE_ADMINISTRATOR: str = _SHARED["roles"]["hubAdministrator"]
ROLE_REPRESENTATIVE: str = _SHARED["roles"]["communityRepresentative"]
ROLE_SUPPORT: str = _SHARED["roles"]["supportTriager"]
DOCUMENT_MAX_CHARS: int = _SHARED["documentLimits"]["documentMaxChars"]
DOCUMENT_MAX_DEPTH: int = _SHARED["documentLimits"]["documentMaxDepth"]
RESPONSE_MAX_BYTES: int = _SHARED["documentLimits"]["responseMaxBytes"]
CHECK_MAX_ROUNDS: int = _SHARED["documentLimits"]["checkMaxRounds"]
PROBLEM_CODES: Tuple[str, ...] = tuple(_SHARED["problemCodes"])
#: The warnings about how many Community Representatives a document lists.
REPRESENTATIVE_PROBLEMS: Tuple[str, ...] = tuple(_SHARED["representativeProblems"])
