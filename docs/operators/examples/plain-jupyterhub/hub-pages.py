# Help on the hub's own pages (docs/operators/hub-pages.md): a "Get help" item
# in the navigation bar, and a help box where a server fails or is slow to
# start and on error pages. Load it from jupyterhub_config.py with
#   load_subconfig("/etc/jupyterhub/hub-pages.py")
# after the lines that set template_paths or template_vars, if any.
from jupyterlab_hub_help import hub_templates_path

c = get_config()  # noqa: F821

# First: these templates extend JupyterHub's own, which stay last.
c.JupyterHub.template_paths = [hub_templates_path()]
c.JupyterHub.template_vars.update(
    {
        "hub_help": {
            # Shown in the box as it is, also when the help cannot be loaded.
            "fallback": "Riverbend's hub admins answer at hub-admins@riverbend.example.org.",
            # The box on the start page appears after this long.
            "pending_after_seconds": 60,
            # The box on the login page: needs the service's --public.
            "login_page": False,
        }
    }
)
