"""JupyterHub configuration of the demo hub (`make demo`) and of the hub end-to-end tests.

Started by scripts/demo-hub.py, which runs configurable-http-proxy outside the hub
(as zero-to-jupyterhub does) and passes everything through the environment:

  HUB_HELP_STATE             throwaway state directory: database, cookie secret, homes,
                             and failing-users (whose servers fail to start on purpose)
  HUB_HELP_PUBLIC_URL        the proxy's public URL, e.g. http://127.0.0.1:8000
  HUB_HELP_HUB_PORT          the hub's own port (the proxy's default target)
  HUB_HELP_PROXY_API_URL     the proxy's REST API; CONFIGPROXY_AUTH_TOKEN is its token
  HUB_HELP_DEMO_PASSWORD     the password of every demo user
  HUB_HELP_GRANT_LIST_USERS  "1": grant every user list:users + read:users:name, so
                             that the Get help panel can discover the hub's admins
  HUB_HELP_PAGE_SERVICE_SCOPE "0": the page's token may not call the hub help service
  HUB_HELP_SUBDOMAINS        "1": each user's server on a subdomain of its own
                             (the public URL is then http://localhost:PORT)
  HUB_HELP_PENDING_AFTER_SECONDS  after how long the page that waits for a server shows
                             the help box (default 30)
  HUB_HELP_SERVICE_URL       where the hub help service listens (the supervisor runs
                             it as an external service); HUB_HELP_SERVICE_TOKEN is its
                             API token

NEVER use this for a real hub: DummyAuthenticator and SimpleLocalProcessSpawner give
every user the same password and no isolation from each other.
"""

import asyncio
import json
import os
import sys
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner

from jupyterlab_hub_help import hub_templates_path

c = get_config()  # noqa: F821

repo = Path(__file__).resolve().parent.parent.parent
state = Path(os.environ.get("HUB_HELP_STATE", repo / "build" / "demo-hub"))
public_url = os.environ.get("HUB_HELP_PUBLIC_URL", "http://127.0.0.1:8000")
hub_port = int(os.environ.get("HUB_HELP_HUB_PORT", "8081"))
grant_list_users = os.environ.get("HUB_HELP_GRANT_LIST_USERS", "") not in ("", "0")
demo_users = json.loads((Path(__file__).parent / "users.json").read_text())

# Everything on 127.0.0.1; the proxy runs outside the hub process.
c.JupyterHub.bind_url = public_url + "/"
subdomains = os.environ.get("HUB_HELP_SUBDOMAINS") == "1"
if subdomains:
    # zoe's server at http://zoe.localhost:PORT, services at NAME--service.localhost.
    c.JupyterHub.subdomain_host = public_url
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.should_start = False
c.ConfigurableHTTPProxy.api_url = os.environ.get("HUB_HELP_PROXY_API_URL", "http://127.0.0.1:8001")
# The proxy's token comes from CONFIGPROXY_AUTH_TOKEN, shared with the proxy.

# Stopping the hub leaves the user servers (and the external proxy) running; a
# restarted hub finds them again through its database.
c.JupyterHub.cleanup_servers = False
c.JupyterHub.cleanup_proxy = False

c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# Demo users, all with the same password. JupyterHub's own admin list: the panel
# reads the viewer's admin flag from GET /hub/api/user.
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ.get("HUB_HELP_DEMO_PASSWORD", "hub-help-demo")
c.Authenticator.allowed_users = {u["name"] for u in demo_users}
c.Authenticator.admin_users = {u["name"] for u in demo_users if u["admin"]}



class DemoSpawner(SimpleLocalProcessSpawner):
    """The local spawner, except for the users named in HUB_HELP_STATE/failing-users
    (one a line, read at each start; scripts/demo-hub.py writes kai there): their
    server fails to start, on purpose, to show the help on the hub's own pages."""

    async def start(self):
        try:
            failing = (state / "failing-users").read_text().split()
        except OSError:
            failing = []
        if self.user.name in failing:
            # As a real start fails (an image that is not pulled): after a while, so
            # that the hub has sent the person to the page that waits for the server.
            await asyncio.sleep(2)
            error = RuntimeError(f"{self.user.name} is in {state / 'failing-users'}")
            # What JupyterHub shows the person; the fake token shows that reports redact it.
            error.jupyterhub_message = (
                "The demo hub does not start this server, on purpose: the image registry at "
                "https://registry.example.org/pull?token=abc123 did not answer."
            )
            raise error
        return await super().start()


# One JupyterLab per user, from this virtual environment (which has the extension),
# with a home directory in the state directory.
c.JupyterHub.spawner_class = DemoSpawner
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "home" / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.getuid() == 0 else []
if os.environ.get("HUB_HELP_EXPOSE_APP") == "1":
    # The end-to-end tests wait on JupyterLab's own readiness (window.jupyterapp).
    c.Spawner.args.append("--LabApp.expose_app_in_browser=True")
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# The sample community settings, applied the way operators apply them: a settings
# overrides file in a Jupyter config directory of every single-user server.
c.Spawner.environment = {"JUPYTER_CONFIG_PATH": str(repo / "demo" / "config")}

# Help on the hub's own pages (docs/operators/hub-pages.md): a Get help item in the
# navigation bar, and a help box where a server fails or is slow to start, on error
# pages and on the login page (which reads the service's api/public: --public).
c.JupyterHub.template_paths = [hub_templates_path()]
c.JupyterHub.template_vars = {
    "hub_help": {
        "fallback": "CloudHost Cooperative runs this hub for Riverbend: support@cloudhost.example.com",
        "pending_after_seconds": int(os.environ.get("HUB_HELP_PENDING_AFTER_SECONDS") or 30),
        "login_page": True,
    }
}

# The hub help service (python -m jupyterlab_hub_help.service), where Community
# Representatives and admins keep people and announcements current. It runs as an
# external service, supervised by scripts/demo-hub.py, so that it can be stopped on its
# own; docs/operators/hub-help-service.md shows the hub-managed form.
service_url = os.environ.get("HUB_HELP_SERVICE_URL")
SERVICE_SCOPES = ["access:services!service=hub-help"] if service_url else []
if service_url:
    c.JupyterHub.services = [
        {
            "name": "hub-help",
            "url": service_url,
            "api_token": os.environ["HUB_HELP_SERVICE_TOKEN"],
            "oauth_no_confirm": True,
            # As the service says it (JUPYTERHUB_OAUTH_CALLBACK_URL): the hub compares them.
            "oauth_redirect_uri": (public_url.replace("://", "://hub-help--service.") if subdomains else "")
            + "/services/hub-help/oauth_callback",
            # Signing in to the service gives holders of the edit scope a token with it.
            "oauth_client_allowed_scopes": ["custom:hub-help:edit"],
        }
    ]
    c.JupyterHub.custom_scopes = {
        "custom:hub-help:edit": {"description": "Edit the community's part of the hub help."}
    }
    # The Community Representatives, as the hub knows them: the service lets the
    # members of this group edit once they are signed in to it.
    c.JupyterHub.load_groups = {
        "community-representatives": {"users": [u["name"] for u in demo_users if u.get("representative")]}
    }

# The page's token reaches what JupyterHub grants it twice: to the users (the "user"
# role) and to the single-user servers' OAuth clients. JupyterHub always adds the
# access scope of the server itself (access:servers!server=NAME/) to the latter.
# HUB_HELP_PAGE_SERVICE_SCOPE=0 leaves the service's scope out of the second grant, as
# an operator may: the panel then asks editors to sign in to the service once.
USER_SCOPES = list(SERVICE_SCOPES)
PAGE_SCOPES = [] if os.environ.get("HUB_HELP_PAGE_SERVICE_SCOPE") == "0" else list(SERVICE_SCOPES)
if grant_list_users:
    # Let the panel discover the hub's admins itself. read:users:name is enough for
    # the admin flag: the user model's "admin" field comes with read:users:name
    # (jupyterhub/apihandlers/base.py).
    USER_SCOPES += ["list:users", "read:users:name"]
    PAGE_SCOPES += ["list:users", "read:users:name"]
ROLES = []
if USER_SCOPES:
    ROLES.append({"name": "user", "scopes": ["self", *USER_SCOPES]})
if service_url:
    # The operator's engineer keeps the help current with the custom scope.
    ROLES.append({
        "name": "hub-help-editors",
        "scopes": ["custom:hub-help:edit"],
        "users": [u["name"] for u in demo_users if u.get("edit_scope")],
    })
if ROLES:
    c.JupyterHub.load_roles = ROLES
if PAGE_SCOPES:
    c.Spawner.oauth_client_allowed_scopes = PAGE_SCOPES
