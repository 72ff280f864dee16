# /opt/tljh/config/jupyterhub_config.d/hub-help-service.py: the hub help
# service, run by the hub, for The Littlest JupyterHub. Install it into the
# hub's environment first:
#   sudo /opt/tljh/hub/bin/pip install 'jupyterlab-hub-help[service]'
# then apply with: sudo tljh-config reload hub
#
# This file sets the user role's scopes and the servers' scopes whole. TLJH
# reads the files in jupyterhub_config.d in alphabetical order, and the last
# one that sets them wins: do not keep hub-help.py beside this file, put its
# scopes in ADMIN_DISCOVERY here instead.
import sys

c = get_config()  # noqa: F821

# Optional, as in hub-help.py: ["list:users", "read:users:name"] lets the
# Get help panel list the hub's admins.
ADMIN_DISCOVERY = []
ACCESS = "access:services!service=hub-help"
EDIT = "custom:hub-help:edit"

# TLJH has set its own services already (the idle culler): add to them.
c.JupyterHub.services.append(
    {
        "name": "hub-help",
        "url": "http://127.0.0.1:10101",
        "command": [
            sys.executable, "-m", "jupyterlab_hub_help.service",
            "--db-url", "sqlite:////opt/tljh/state/hub-help.sqlite",
            "--cookie-secret-file", "/opt/tljh/state/hub-help-cookie-secret",
            "--representatives-group", "community-representatives",
        ],
        "oauth_no_confirm": True,
        "oauth_client_allowed_scopes": [EDIT],
    }
)
c.JupyterHub.custom_scopes = {
    EDIT: {"description": "Edit the community's help: people, announcements, status note, task notes."},
}
c.JupyterHub.load_groups = {"community-representatives": {"users": ["jo"]}}
c.JupyterHub.load_roles = [{"name": "user", "scopes": ["self", *ADMIN_DISCOVERY, ACCESS]}]
c.Spawner.oauth_client_allowed_scopes = [*ADMIN_DISCOVERY, ACCESS]
