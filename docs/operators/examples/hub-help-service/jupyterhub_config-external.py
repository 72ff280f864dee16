# The hub help service run by you, not by the hub (an external service; see
# hub-help.service for systemd), registered with the hub. Both sides hold one
# API token: the hub reads it from its environment as HUB_HELP_API_TOKEN, the
# service from its own as JUPYTERHUB_API_TOKEN.
import os

c = get_config()  # noqa: F821

ACCESS = "access:services!service=hub-help"
EDIT = "custom:hub-help:edit"

c.JupyterHub.services = [
    {
        "name": "hub-help",
        # Where the proxy sends /services/hub-help/: the service's --ip and --port.
        "url": "http://127.0.0.1:10101",
        "api_token": os.environ["HUB_HELP_API_TOKEN"],
        "oauth_no_confirm": True,
        "oauth_client_allowed_scopes": [EDIT],
    }
]
c.JupyterHub.custom_scopes = {
    EDIT: {"description": "Edit the community's help: people, announcements, status note, task notes."},
}
c.JupyterHub.load_groups = {"community-representatives": {"users": ["rosa"]}}
c.JupyterHub.load_roles = [
    {"name": "user", "scopes": ["self", ACCESS]},
    {"name": "hub-help-editors", "scopes": [EDIT], "users": ["sam"]},
]
c.Spawner.oauth_client_allowed_scopes = [ACCESS]
