# The hub help service run by the hub itself (a hub-managed service), for a
# hub configured by one jupyterhub_config.py. Install the service into the
# hub's environment first: pip install 'jupyterlab-hub-help[service]'
import sys

c = get_config()  # noqa: F821

ACCESS = "access:services!service=hub-help"  # read: every user, and the page's token
EDIT = "custom:hub-help:edit"  # edit: granted on purpose, by a role

c.JupyterHub.services = [
    {
        "name": "hub-help",
        "url": "http://127.0.0.1:10101",
        "command": [
            sys.executable, "-m", "jupyterlab_hub_help.service",
            "--db-url", "sqlite:////srv/jupyterhub/hub-help.sqlite",
            "--cookie-secret-file", "/srv/jupyterhub/hub-help-cookie-secret",
            # Members of this hub group are the Community Representatives.
            "--representatives-group", "community-representatives",
        ],
        # The panel signs editors in to the service in a hidden frame, where
        # no confirmation page can be answered.
        "oauth_no_confirm": True,
        # The sign-in's token carries the edit scope for those who hold it.
        "oauth_client_allowed_scopes": [EDIT],
    }
]
c.JupyterHub.custom_scopes = {
    EDIT: {"description": "Edit the community's help: people, announcements, status note, task notes."},
}
# Creates the group and adds these users at each start; it never removes
# anyone: take people out of the group on the admin page or with the REST API.
c.JupyterHub.load_groups = {"community-representatives": {"users": ["rosa"]}}
c.JupyterHub.load_roles = [
    {"name": "user", "scopes": ["self", ACCESS]},
    # Optional: people who edit without being admins or representatives.
    {"name": "hub-help-editors", "scopes": [EDIT], "users": ["sam"]},
]
# The page's token may call the service (it reads, it never edits).
c.Spawner.oauth_client_allowed_scopes = [ACCESS]
