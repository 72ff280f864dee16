# /opt/tljh/config/jupyterhub_config.d/hub-help.py, read by The Littlest
# JupyterHub after its own configuration; apply with: sudo tljh-config reload hub
#
# Optional: lets the Get help panel list the hub's admins itself. Every user's
# browser token may then list all usernames on the hub and see who is an admin.
# A scope reaches that token only when it is granted twice: to the users (their
# role) and to their servers' OAuth clients.
c = get_config()  # noqa: F821

ADMIN_DISCOVERY = ["list:users", "read:users:name"]
c.JupyterHub.load_roles = [{"name": "user", "scopes": ["self", *ADMIN_DISCOVERY]}]
c.Spawner.oauth_client_allowed_scopes = ADMIN_DISCOVERY
