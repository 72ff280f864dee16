# One jupyterhub_config.py for a hub that uses both the admin discovery of
# plain-jupyterhub/jupyterhub_config.py and the hub help service of
# hub-help-service/jupyterhub_config.py. Both set the user role's scopes and
# the servers' scopes whole, so whichever is read last would drop the other's:
# here each list holds both sets.
import sys

c = get_config()  # noqa: F821

# The settings, as in plain-jupyterhub/jupyterhub_config.py.
c.Spawner.environment = {"JUPYTER_CONFIG_PATH": "/etc/jupyterhub/hub-help"}

ADMIN_DISCOVERY = ["list:users", "read:users:name"]
ACCESS = "access:services!service=hub-help"
EDIT = "custom:hub-help:edit"

c.JupyterHub.services = [
    {
        "name": "hub-help",
        "url": "http://127.0.0.1:10101",
        "command": [
            sys.executable, "-m", "jupyterlab_hub_help.service",
            "--db-url", "sqlite:////srv/jupyterhub/hub-help.sqlite",
            "--cookie-secret-file", "/srv/jupyterhub/hub-help-cookie-secret",
            "--representatives-group", "community-representatives",
        ],
        "oauth_no_confirm": True,
        "oauth_client_allowed_scopes": [EDIT],
    }
]
c.JupyterHub.custom_scopes = {
    EDIT: {"description": "Edit the community's help: people, announcements, status note, task notes."},
}
c.JupyterHub.load_groups = {"community-representatives": {"users": ["iduarte"]}}
c.JupyterHub.load_roles = [
    {"name": "user", "scopes": ["self", *ADMIN_DISCOVERY, ACCESS]},
    {"name": "hub-help-editors", "scopes": [EDIT], "users": ["mnowak"]},
]
c.Spawner.oauth_client_allowed_scopes = [*ADMIN_DISCOVERY, ACCESS]
