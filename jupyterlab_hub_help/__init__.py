"""jupyterlab-hub-help: a Get help panel for community JupyterHubs."""

try:
    from ._version import __version__
except ImportError:
    # Fallback when using the package in dev mode without installing in editable mode
    # with pip. It is highly recommended to install the package from a stable release
    # or in editable mode: https://pip.pypa.io/en/stable/topics/local-project-installs/#editable-installs
    import warnings

    warnings.warn("Importing 'jupyterlab_hub_help' outside a proper installation.")
    __version__ = "dev"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-hub-help"}]


def _jupyter_server_extension_points():
    return [{"module": "jupyterlab_hub_help"}]


def _load_jupyter_server_extension(server_app):
    """Same-origin Hub API reads for the panel (``hub_api``): what it needs
    where each user's server has an origin of its own."""
    from .hub_api import setup_route_handlers

    setup_route_handlers(server_app.web_app)


def hub_templates_path() -> str:
    """The folder of templates that adds help to JupyterHub's own pages, for
    ``c.JupyterHub.template_paths`` (docs/operators/hub-pages.md)."""
    from pathlib import Path

    return str(Path(__file__).with_name("hub_templates"))
