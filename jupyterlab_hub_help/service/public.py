"""What ``api/public`` tells anyone who reaches the hub (``--public``): the
hub's name, who operates it, the community's status note and the support
desk's own channel, for the hub's login page.

Only what a hub already shows the world: never a person, never a person's
contact. Names are kept only when they are text (or text by language);
links only when the validator's link check allows them.
"""

from __future__ import annotations

from typing import Any, Optional

from ..shared import ROLE_SUPPORT
from ..validate.catalogue import canonical_role
from ..validate.links import is_safe_handle, is_safe_link


def _text(value: Any) -> Any:
    """A name as the format writes it: text, or a map from language to text."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, dict) and value and all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        return value
    return None


def _link(value: Any) -> Optional[str]:
    return value if is_safe_link(value) else None


def _named(value: Any) -> Optional[dict]:
    if not isinstance(value, dict) or _text(value.get("name")) is None:
        return None
    return {"name": _text(value["name"]), "url": _link(value.get("url"))}


def _channel(channel: Any) -> Optional[dict]:
    """A role's channel that a browser may follow as it is, or None."""
    if not isinstance(channel, dict):
        return None
    kind, address = channel.get("kind"), channel.get("address")
    if kind == "email" and isinstance(address, str) and is_safe_link("mailto:" + address):
        return {"kind": kind, "address": address}
    if kind == "url" and _link(address):
        return {"kind": kind, "url": address}
    if kind == "chat" and is_safe_handle(address):
        return {"kind": kind, "address": address}
    return None


def _desk(document: dict) -> Optional[dict]:
    """The support desk as a role: the first channel the document gives the
    role itself (people's own contacts are never looked at)."""
    roles = document.get("roles")
    if not isinstance(roles, dict):
        return None
    for role_id, role in roles.items():
        if canonical_role(role_id) != ROLE_SUPPORT or not isinstance(role, dict):
            continue
        channels = role.get("channels")
        for channel in channels if isinstance(channels, list) else []:
            found = _channel(channel)
            if found:
                return {"name": _text(role.get("label")), "channel": found}
    return None


def _status(note: Any) -> Optional[dict]:
    """The stored status note, its link dropped unless it is allowed."""
    if not isinstance(note, dict):
        return None
    note = dict(note)
    link = note.get("link")
    if link is not None and not (isinstance(link, dict) and _link(link.get("url"))):
        note.pop("link")
    return note


def public_summary(document: Optional[dict], status: Any) -> dict:
    document = document if isinstance(document, dict) else {}
    hub = document.get("hub") if isinstance(document.get("hub"), dict) else {}
    org = document.get("org") if isinstance(document.get("org"), dict) else {}
    # The 2i2c homepage block names the community as "org" only.
    name = _text(hub.get("name")) or _text(org.get("name"))
    return {
        "hub": {"name": name},
        "operatedBy": _named(document.get("operated_by")),
        "status": _status(status),
        "desk": _desk(document),
    }
