"""The people ``init`` lists: Community Representatives given by the
operator, Hub Administrators known only by their username (from the values'
admin list), and what each still lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Optional

from ..shared import ROLE_ADMINISTRATOR, ROLE_REPRESENTATIVE
from ..validate.problems import json_path
from .check import errors_in

#: ``[USERNAME:]NAME [<EMAIL>]``, as ``--representative`` takes it.
SPEC_FORMAT = "[USERNAME:]NAME [<EMAIL>]"
_SPEC = re.compile(r"(?:(?P<username>[^\s:<>]+)\s*:)?\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?")


class PersonError(ValueError):
    """A person written in a way ``init`` cannot read."""


@dataclass
class Spec:
    name: str
    username: Optional[str] = None
    email: Optional[str] = None


def parse_spec(text: str) -> Spec:
    match = _SPEC.fullmatch(text.strip())
    if not match or not match.group("name"):
        raise PersonError(f"write the person as {SPEC_FORMAT}")
    email = match.group("email")
    spec = Spec(match.group("name"), match.group("username"), email.strip() if email else None)
    reason = _entry_error(entry(spec, [ROLE_REPRESENTATIVE]))
    if reason:
        raise PersonError(reason)
    return spec


def entry(spec: Spec, roles: List[str]) -> dict:
    person: dict = {"name": spec.name}
    if spec.username:
        person["usernames"] = [spec.username]
    person["roles"] = roles
    if spec.email:
        person["contact"] = {"email": spec.email}
    return person


def _entry_error(person: dict) -> Optional[str]:
    errors = errors_in({"people": [person]})
    if not errors:
        return None
    where = errors[0].path[len("$.people[0]") :].lstrip(".")
    return f"{where} {errors[0].message}" if where else errors[0].message


def people_list(
    representatives: Iterable[Spec], admins: Iterable[str], excluded: Iterable[str]
) -> List[dict]:
    """Representatives first (also Hub Administrators when their username is
    an admin's), then the other admins, by username; excluded usernames are
    left out (operator staff who are admins on every hub)."""
    left_out = set(excluded)
    remaining = [a for a in dict.fromkeys(admins) if a not in left_out]
    people = []
    for spec in representatives:
        roles = [ROLE_REPRESENTATIVE]
        if spec.username in remaining:
            roles.append(ROLE_ADMINISTRATOR)
            remaining.remove(spec.username)
        people.append(entry(spec, roles))
    people += [entry(Spec(name, username=name), [ROLE_ADMINISTRATOR]) for name in remaining]
    return people


def set_contact(person: dict, email: str) -> Optional[str]:
    """Give a listed person an email address; the reason it is refused, or None."""
    reason = _entry_error({**person, "contact": {"email": email}})
    if reason is None:
        person["contact"] = {"email": email}
    return reason


def lacks_name(person: dict) -> bool:
    """Known only by a username, as an admin from the values is."""
    return person.get("name") in (person.get("usernames") or [])


def lacks_contact(person: dict) -> bool:
    return not person.get("contact")


def unfinished(people: List[dict]) -> List[str]:
    """``$.people[i] (who): what to add`` for each person still incomplete."""
    lines = []
    for index, person in enumerate(people):
        missing = (["their name"] if lacks_name(person) else []) + (
            ["a contact (email, web page or chat)"] if lacks_contact(person) else []
        )
        if missing:
            lines.append(
                f"{json_path(['people', index])} ({person['name']}): add {' and '.join(missing)}"
            )
    return lines
