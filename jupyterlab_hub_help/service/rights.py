"""Who may edit: decided from what the hub says of the caller and of the
credential they called with, never from what the service stores.

Editing needs a credential that no single-user server holds. Any server a
person visits (a shared server, an admin opening someone's server) receives
a token for them that may carry the service's access scope; such a token
only reads. What edits is the service's own sign-in (its cookie, set by its
OAuth callback, sent with the XSRF header from the same site), or a token
that carries the edit scope, which the operator grants on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import FrozenSet, Iterable, Optional

from . import EDIT_SCOPE

#: The two kinds of credential a request can carry.
TOKEN, SIGN_IN = "token", "sign-in"


@dataclass(frozen=True)
class Decision:
    #: Whether this credential may edit, and why ("admin", "representative", "scope").
    because: Optional[str]
    #: Whether its user would edit with the service's own sign-in.
    sign_in_to_edit: bool = False

    @property
    def can_edit(self) -> bool:
        return self.because is not None


@dataclass(frozen=True)
class Rights:
    #: The hub groups whose members are Community Representatives.
    groups: FrozenSet[str] = frozenset()
    #: Hub usernames that are representatives whatever the groups say.
    seeds: FrozenSet[str] = frozenset()

    @classmethod
    def of(cls, groups: Iterable[str], seeds: Iterable[str]) -> "Rights":
        return cls(frozenset(groups), frozenset(seeds))

    def decide(self, model: dict, credential: str) -> Decision:
        """What the hub's ``model`` of the caller (``GET /hub/api/user`` with
        their credential) lets that credential do."""
        if EDIT_SCOPE in (model.get("scopes") or ()):
            return Decision("scope")
        if model.get("kind", "user") != "user":
            return Decision(None)
        role = self._role(model)
        if role is None:
            return Decision(None)
        if credential == SIGN_IN:
            return Decision(role)
        return Decision(None, sign_in_to_edit=True)

    def roles(self, model: dict) -> FrozenSet[str]:
        """Every role the hub's answer gives its user here ("admin",
        "representative"): one person may be both."""
        if model.get("kind", "user") != "user":
            return frozenset()
        found = set()
        if model.get("admin") is True:
            found.add("admin")
        groups = model.get("groups") or ()
        if model.get("name") in self.seeds or self.groups.intersection(groups):
            found.add("representative")
        return frozenset(found)

    def _role(self, model: dict) -> Optional[str]:
        roles = self.roles(model)
        return "admin" if "admin" in roles else next(iter(roles), None)
