# /opt/tljh/config/jupyterhub_config.d/hub-pages.py: help on the hub's own
# pages (docs/operators/hub-pages.md) for The Littlest JupyterHub. The package
# must be in the hub's environment, as for hub-help-service.py:
#   sudo /opt/tljh/hub/bin/pip install 'jupyterlab-hub-help[service]'
# then apply with: sudo tljh-config reload hub
from jupyterlab_hub_help import hub_templates_path

c = get_config()  # noqa: F821

c.JupyterHub.template_paths = [hub_templates_path()]
c.JupyterHub.template_vars.update(
    {
        "hub_help": {
            "fallback": "Questions about this hub? Write to hub-admins@riverbend.example.org.",
        }
    }
)
