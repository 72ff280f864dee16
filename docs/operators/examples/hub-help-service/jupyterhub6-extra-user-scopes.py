# JupyterHub 6 and later: grant the hub help service's access scope by adding
# to what other configuration files grant, rather than by setting the user
# role and the servers' list whole. It replaces the load_roles "user" entry and
# the c.Spawner.oauth_client_allowed_scopes line of the service's recipe.
# Files that add this way combine in any order; a file that still sets a
# "user" role in load_roles makes JupyterHub ignore extra_user_scopes.
c = get_config()  # noqa: F821

ACCESS = "access:services!service=hub-help"

c.JupyterHub.extra_user_scopes.update([ACCESS])
c.Spawner.oauth_client_allowed_scopes.extend([ACCESS])
