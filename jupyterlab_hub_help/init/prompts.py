"""Questions ``init`` asks when a person is at the terminal: only for what
no flag and no values file gave, each answer judged at once (and asked
again, with the reason, when the panel would refuse it). An empty answer
leaves the value out; the end of input stops the questions. Questions go to
standard error, so that standard output holds only the settings."""

from __future__ import annotations

from typing import Callable, List, Optional, TextIO

from .fields import FIELDS
from .people import SPEC_FORMAT, PersonError, Spec, lacks_contact, lacks_name, parse_spec, set_contact

Check = Callable[[str], Optional[str]]


class Prompter:
    def __init__(self, stdin: TextIO, err: TextIO):
        self.stdin = stdin
        self.err = err
        self.closed = False

    def ask(self, question: str, check: Optional[Check] = None) -> Optional[str]:
        """The answer, or None for an empty one or the end of input."""
        while not self.closed:
            print(f"{question}: ", end="", file=self.err, flush=True)
            line = self.stdin.readline()
            if not line:
                self.closed = True
                print(file=self.err)
                break
            answer = line.strip()
            if not answer:
                return None
            reason = check(answer) if check else None
            if reason is None:
                return answer
            print(f"  {reason}", file=self.err)
        return None


def ask_fields(prompter: Prompter, document: dict) -> None:
    for field in FIELDS:
        if not field.present(document):
            answer = prompter.ask(f"{field.prompt} (empty to skip)", field.error)
            if answer is not None:
                field.place(document, answer)


def ask_representatives(prompter: Prompter) -> List[Spec]:
    specs: List[Spec] = []
    while True:
        answer = prompter.ask(
            f"Community Representative, as {SPEC_FORMAT} (empty when done)", _spec_error
        )
        if answer is None:
            return specs
        specs.append(parse_spec(answer))


def _spec_error(text: str) -> Optional[str]:
    try:
        parse_spec(text)
    except PersonError as error:
        return str(error)
    return None


def complete_people(prompter: Prompter, people: List[dict]) -> None:
    """Ask for the name and email address of each person who lacks them."""
    for person in people:
        if lacks_name(person):
            name = prompter.ask(f'Name of Hub Administrator "{person["name"]}" (empty to fill in later)')
            if name is not None:
                person["name"] = name
        if lacks_contact(person):
            prompter.ask(
                f"Email address of {person['name']} (empty to fill in later)",
                lambda email, p=person: set_contact(p, email),
            )
