"""Which pages of other origins may call the service, on hubs that give each
user's server a subdomain of its own (``c.JupyterHub.subdomain_host``).

There the Get help panel runs on ``zoe.hub.example.org`` and the service on
``hub-help--service.hub.example.org``, so every call is cross-origin. A page
may read an answer, or make a change, only when it is on the subdomain of the
very user whose credential the request carries: a page on another user's
server, which a person may visit, gets nothing in their name. Preflights
carry no credential and reveal nothing, so they are answered for any user's
subdomain of this hub.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlparse

SERVICE_HOST_MARK = "--service."


def _subdomain_hook():
    try:
        from jupyterhub.utils import subdomain_hook_idna
    except ImportError:  # JupyterHub before 5
        return None
    return subdomain_hook_idna


class Origins:
    def __init__(self, subdomain_host: Optional[str]):
        url = urlparse(subdomain_host or "")
        self.enabled = bool(url.hostname)
        self.scheme = url.scheme or "https"
        self.domain = (url.hostname or "").lower()
        self.port = url.port
        self._hook = _subdomain_hook()
        if self.enabled and self._hook is None:
            raise ValueError("--subdomain-host needs JupyterHub 5 or later, whose servers live on "
                             "USER.DOMAIN and services on NAME--service.DOMAIN")

    @classmethod
    def from_service_url(cls, public_url: Optional[str]) -> Optional[str]:
        """The hub's subdomain host, from the public URL the hub gives a service
        it manages (``NAME--service.DOMAIN``); None without subdomains."""
        url = urlparse(public_url or "")
        host = url.hostname or ""
        if SERVICE_HOST_MARK not in host:
            return None
        domain = host.split(SERVICE_HOST_MARK, 1)[1]
        return f"{url.scheme}://{domain}" + (f":{url.port}" if url.port else "")

    def _origin(self, host: str) -> str:
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme}://{host}{port}"

    def user_origin(self, name: str) -> Optional[str]:
        """Where user ``name``'s server lives, or None without subdomains."""
        if not self.enabled:
            return None
        # Browsers send host names in lowercase.
        return self._origin(self._hook(name, self.domain, "user").lower())

    def is_user_subdomain(self, origin: str) -> bool:
        """Whether ``origin`` is some user's server on this hub."""
        if not self.enabled:
            return False
        url = urlparse(origin)
        label, _, domain = (url.hostname or "").lower().partition(".")
        return (
            url.scheme == self.scheme
            and url.port == self.port
            and domain == self.domain
            and bool(label)
            and not label.endswith("--service")
        )
