"""What the built-in defaults contribute to the checks (``defaults.ts``).

The semantic checks need only the ids: which roles exist before any document
adds one, which old role ids are aliases, and which tasks are built in (a
document may change a built-in task without repeating its title and owner).
Labels and texts are the panel's business. ``tests/python/test_catalogue.py``
reads defaults.ts and fails if these ids differ from it.
"""

#: Role ids renamed over time; old ids in operator documents keep working.
ROLE_ALIASES = {
    "hub-engineer": "site-reliability-engineer",
    "support-steward": "support-triager",
    "incident-commander": "incident-responder",
}

#: The built-in roles, in the order the defaults define them.
BUILT_IN_ROLES = (
    "user",
    "community-representative",
    "hub-administrator",
    "support-triager",
    "site-reliability-engineer",
    "incident-responder",
)

#: The built-in tasks and their owners, in order. Every one has a title.
BUILT_IN_TASKS = (
    ("restart-server", "user"),
    ("hub-control-panel", "user"),
    ("restart-kernel", "user"),
    ("install-package", "user"),
    ("request-package", "hub-administrator"),
    ("more-resources", "hub-administrator"),
    ("complex-environment", "site-reliability-engineer"),
    ("share-notebook", "user"),
    ("earlier-version", "user"),
    ("free-space", "user"),
    ("api-token", "user"),
    ("add-user", "hub-administrator"),
    ("remove-user", "hub-administrator"),
    ("help-user-server", "hub-administrator"),
    ("add-admin", "hub-administrator"),
    ("login-problem", "hub-administrator"),
    ("report-outage", "hub-administrator"),
    ("check-status", "user"),
    ("usage-question", "hub-administrator"),
    ("learn-and-teach", "community-representative"),
    ("promote-hub", "community-representative"),
    ("suggest-change", "community-representative"),
    ("contact-operator", "support-triager"),
    ("change-configuration", "site-reliability-engineer"),
    ("new-hub", "site-reliability-engineer"),
    ("upgrade", "site-reliability-engineer"),
    ("software-bug", "site-reliability-engineer"),
    ("infrastructure-incident", "incident-responder"),
)

#: The built-in outage categories and the role each is reported to.
BUILT_IN_OUTAGE_CATEGORIES = (
    ("hub-unavailable", None),
    ("cannot-log-in", None),
    ("servers-not-starting", None),
    ("home-full", None),
    ("slow", None),
    ("infrastructure", "incident-responder"),
)


def canonical_role(role_id: str) -> str:
    """The current id for an old one; any other id as it is."""
    return ROLE_ALIASES.get(role_id, role_id)
