# The parts of a jupyterhub_config.py that jupyterlab-hub-help needs, for a hub
# whose spawner starts the servers on this machine (LocalProcessSpawner,
# SystemdSpawner, SudoSpawner). Start the hub with: jupyterhub -f jupyterhub_config.py
c = get_config()  # noqa: F821

# The settings: every user's server reads Jupyter configuration from this
# directory too, so it finds
# /etc/jupyterhub/hub-help/labconfig/default_setting_overrides.d/jupyterlab-hub-help.json
c.Spawner.environment = {"JUPYTER_CONFIG_PATH": "/etc/jupyterhub/hub-help"}

# Optional: lets the Get help panel list the hub's admins itself. Every user's
# browser token may then list all usernames on the hub and see who is an admin.
# A scope reaches that token only when it is granted twice: to the users (their
# role) and to their servers' OAuth clients.
ADMIN_DISCOVERY = ["list:users", "read:users:name"]
c.JupyterHub.load_roles = [{"name": "user", "scopes": ["self", *ADMIN_DISCOVERY]}]
c.Spawner.oauth_client_allowed_scopes = ADMIN_DISCOVERY
