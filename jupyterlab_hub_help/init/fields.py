"""The settings ``init`` takes from a flag or a prompt, each with its place
in the document. A value is judged by the validator's own rules, by checking
a document that holds it alone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from ..shared import ROLE_SUPPORT
from ..validate.problems import json_path
from .check import first_error


@dataclass(frozen=True)
class Field:
    flag: str
    help: str
    prompt: str
    #: Where the value goes, for a plain value.
    keys: Tuple[str, ...] = ()
    #: The kind of channel, for a way to reach the operator's support desk.
    channel: Optional[str] = None
    metavar: str = "URL"
    #: Named as left to fill in when it is not set.
    wanted: bool = False

    @property
    def dest(self) -> str:
        return self.flag.replace("-", "_")

    def place(self, document: dict, value: str) -> None:
        if self.channel:
            channels = (
                document.setdefault("roles", {})
                .setdefault(ROLE_SUPPORT, {})
                .setdefault("channels", [])
            )
            channels[:] = [c for c in channels if c.get("kind") != self.channel]
            channels.append({"kind": self.channel, "address": value})
            return
        node = document
        for key in self.keys[:-1]:
            node = node.setdefault(key, {})
        node[self.keys[-1]] = value

    def present(self, document: dict) -> bool:
        if self.channel:
            return any(c.get("kind") == self.channel for c in support_channels(document))
        node = document
        for key in self.keys:
            if not isinstance(node, dict) or key not in node:
                return False
            node = node[key]
        return True

    @property
    def path(self) -> str:
        return json_path(["roles", ROLE_SUPPORT, "channels"] if self.channel else self.keys)

    def error(self, value: str) -> Optional[str]:
        """Why the panel would refuse this value, or None."""
        document: dict = {}
        self.place(document, value)
        return first_error(document, self.path)


FIELDS = (
    Field("hub-name", "the hub's name", "Hub name", ("hub", "name"), metavar="NAME", wanted=True),
    Field("hub-url", "the hub's public address", "Hub address (https://...)", ("hub", "url"), wanted=True),
    Field("org-name", "the community the hub serves", "Organisation name", ("org", "name"), metavar="NAME"),
    Field("org-url", "the organisation's website", "Organisation website", ("org", "url")),
    Field(
        "operator-name",
        "who runs the hub's infrastructure",
        "Operated by (name)",
        ("operated_by", "name"),
        metavar="NAME",
    ),
    Field("operator-url", "the operator's website", "Operator's website", ("operated_by", "url")),
    Field(
        "support-email",
        "the operator's support desk address (Community Representatives write to it)",
        "Support desk email address",
        channel="email",
        metavar="ADDRESS",
    ),
    Field(
        "support-url",
        "the operator's support desk web page or form",
        "Support desk web page or form",
        channel="url",
    ),
    Field("status-page", "the operator's status page", "Status page", ("statusPage",)),
)


def support_channels(document: dict) -> List[dict]:
    return (document.get("roles") or {}).get(ROLE_SUPPORT, {}).get("channels") or []


def not_set(document: dict) -> List[str]:
    """``$.path: what is missing (flag)`` for what every hub should say."""
    lines = [
        f"{field.path}: not set (--{field.flag})"
        for field in FIELDS
        if field.wanted and not field.present(document)
    ]
    if not support_channels(document):
        lines.append(
            f"{json_path(['roles', ROLE_SUPPORT, 'channels'])}: no way to reach the operator's "
            "support desk (--support-email or --support-url)"
        )
    return lines
