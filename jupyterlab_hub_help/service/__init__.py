"""The community help service: a JupyterHub service (Tornado) that keeps the
community's part of the help document (people, announcements, a status note)
and lets the hub's admins, the Community Representatives and holders of the
``custom:hub-help:edit`` scope change it.

- ``config``: options (flags and environment variables);
- ``validation``: each section checked with the format's validator;
- ``store``: the database (SQLAlchemy) and its Alembic migrations (``alembic/``);
- ``handlers``: the HTTP API; ``app``: the service itself;
- ``reports`` (the rules), ``report_store``, ``report_handlers`` and ``redact``:
  the reports people file from the panel, kept for the hub's own helpers.
- ``help_handlers``, ``operator`` and ``public``: the help page for the hub's
  own pages (jupyterlab_hub_help/hub_templates), the operator's document it
  shows (``--document``), and what the login page may read (``--public``).

Run it with ``jupyter-hub-help-service`` or ``python -m jupyterlab_hub_help.service``;
see docs/operators/hub-help-service.md.
"""

EDIT_SCOPE = "custom:hub-help:edit"
