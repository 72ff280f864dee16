# A JupyterHub service that serves the metadata document on the hub's own
# address: https://riverbend.hub.example.org/services/hub-help-metadata/hub-help.json.
# The proxy passes the whole path on, so the file lives at
# /srv/hub-help/public/services/hub-help-metadata/hub-help.json. Anyone who can
# reach the hub can read it, signed in or not: publish only what may be public.
# Its name and port are not those of the hub help service (hub-help, 10101),
# so that the two can run on one hub.
import sys

c = get_config()  # noqa: F821

c.JupyterHub.services = [
    {
        "name": "hub-help-metadata",
        "url": "http://127.0.0.1:10102",
        "command": [
            sys.executable, "-m", "http.server", "10102",
            "--bind", "127.0.0.1", "--directory", "/srv/hub-help/public",
        ],
    }
]
