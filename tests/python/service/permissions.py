"""Who may do what with the hub help service: the one table that the permission
tests (test_permissions.py) prove, row by row, against a real hub, and that the
operators' page (docs/operators/hub-help-service.md, "Who may do what") shows.
test_recipes.py checks that the page's table is this one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Row:
    #: Who calls, for the tests (test_permissions.CALLERS).
    key: str
    #: The caller, as the docs name it (Markdown).
    caller: str
    #: What reading (`document`, `me`, `sections`) answers: "yes", "401" or "403".
    read: str
    #: What editing (`PUT`, undo, import, history, export) answers: "yes", "401" or "403".
    edit: str
    #: With "yes": why (`because` in `api/me`); with 401/403: the error code.
    detail: Optional[str] = None

    def cells(self) -> list:
        edit = self.edit
        if self.edit == "yes" and self.detail:
            edit = f'yes (`because: "{self.detail}"`)'
        elif self.detail:
            edit = f"{self.edit} (`{self.detail}`)"
        return [self.caller, self.read, edit]


MATRIX = (
    Row("anonymous", "no credentials", "401", "401", "unauthorized"),
    Row("no-access", "a token without `access:services!service=hub-help`", "403", "403", "forbidden"),
    Row("user-token", "an ordinary user's token with that access", "yes", "403", "forbidden"),
    Row("editor-token", "an admin's or representative's token with that access only (the page's token, "
        "or any token a server they visit holds)", "yes", "403", "sign-in-required"),
    Row("reader-service", "another service's token with that access only", "yes", "403", "forbidden"),
    Row("scope-token", "a token that carries `custom:hub-help:edit` (a user's or a service's)", "yes", "yes", "scope"),
    Row("admin-sign-in", "the service's own sign-in of a hub admin (`admin: true`)", "yes", "yes", "admin"),
    Row("group-sign-in", "the service's own sign-in of a member of `--representatives-group`", "yes", "yes",
        "representative"),
    Row("seed-sign-in", "the service's own sign-in of a `--representative` seed", "yes", "yes", "representative"),
    Row("scope-sign-in", "the service's own sign-in of a holder of `custom:hub-help:edit`", "yes", "yes", "scope"),
    Row("user-sign-in", "the service's own sign-in of any other user", "yes", "403", "forbidden"),
    Row("no-xsrf", "the service's own sign-in, a change without the `X-XSRFToken` header", "yes", "403", "xsrf"),
    Row("cross-site", "the service's own sign-in, a change from another site", "yes", "403", "cross-site"),
    Row("handed-token", "on a hub with a subdomain for each user: the token the service's "
        "sign-in handed to the user's own server, sent from there (here a representative's)",
        "yes", "yes", "representative"),
    Row("other-subdomain", "on a hub with a subdomain for each user: any credential sent from a "
        "page on another user's server", "403", "403", "cross-origin"),
)

HEADER = ["caller", "read (`document`, `me`, `sections`)",
          "edit (`PUT`, undo, import, history, export)"]


def markdown_rows() -> list:
    """The table's rows as lists of cells, the header first."""
    return [HEADER, *(row.cells() for row in MATRIX)]
