# A JupyterHub service that serves the metadata document on the hub's own
# address: https://riverbend.hub.example.org/services/hub-help/hub-help.json.
# The proxy passes the whole path on, so the file lives at
# /srv/hub-help/public/services/hub-help/hub-help.json. Anyone who can reach
# the hub can read it, signed in or not: publish only what may be public.
import sys

c = get_config()  # noqa: F821

c.JupyterHub.services = [
    {
        "name": "hub-help",
        "url": "http://127.0.0.1:10101",
        "command": [
            sys.executable, "-m", "http.server", "10101",
            "--bind", "127.0.0.1", "--directory", "/srv/hub-help/public",
        ],
    }
]
