"""Server configuration for the end-to-end tests.

Never use this configuration in production: it disables authentication and
exposes JupyterLab's JavaScript objects on the window for Galata.
"""

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821
c.ServerApp.ip = "127.0.0.1"  # noqa: F821
# CI machines run the suite as root.
c.ServerApp.allow_root = True  # noqa: F821
