"""The one link checker, as ``src/metadata/links.ts``.

Links from operator text are allowed only with a known-safe scheme (http and
https with a host, mailto with an address) or as a path on this hub; all else
(javascript:, data:, protocol-relative URLs, paths a browser would send to
another host) is refused wherever it appears. These are also the schema's
custom formats ``hub-link``, ``contact-handle`` and ``date-time``.
"""

from __future__ import annotations

import re
from datetime import date

from .urls import parse

#: A path is on the hub when, resolved against the hub's origin, it keeps that
#: origin; without a hub address the validator uses the same placeholder.
PLACEHOLDER_ORIGIN = "https://hub.invalid"
SAFE_SCHEMES = ("http:", "https:", "mailto:")

# JavaScript's \s: what browsers strip or trim in URLs, refused anywhere.
JS_SPACE = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_CONTROL_OR_SPACE = re.compile("[\x00-\x20\x7f-\x9f" + JS_SPACE + "]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_MAILTO = re.compile(r"mailto:[^@]+@[^@]+", re.IGNORECASE)
_LEADING_SLASH = re.compile(r"[/\\]")


def is_safe_link(value: object) -> bool:
    """Whether ``value`` is an allowed link (``checkLink`` is not null):
    a path that, resolved against the hub's origin, keeps that origin, or a
    link with a safe scheme (http and https need a host, mailto an address)."""
    if not isinstance(value, str) or not value or _CONTROL_OR_SPACE.search(value):
        return False
    if value.startswith("/"):
        url, hub = parse(value, PLACEHOLDER_ORIGIN), parse(PLACEHOLDER_ORIGIN)
        return url is not None and hub is not None and url.origin == hub.origin
    if not _SCHEME.match(value):
        return False
    url = parse(value)
    if url is None or url.protocol not in SAFE_SCHEMES:
        return False
    if url.protocol == "mailto:":
        return bool(_MAILTO.match(value))
    return bool(url.host)


def is_document_url(value: object) -> bool:
    """Where a metadata document may be fetched from: an allowed link that is
    not mailto:, or nothing (empty)."""
    return value == "" or (is_safe_link(value) and not str(value).lower().startswith("mailto:"))


def is_safe_handle(value: object) -> bool:
    """A contact handle ("@ann:matrix.org", "#help") is text; anything shaped
    like a link or a path must be an allowed link."""
    if not isinstance(value, str) or not value:
        return False
    if _CONTROL.search(value):
        return False
    trimmed = js_trim(value)
    if _SCHEME.match(trimmed) or _LEADING_SLASH.match(trimmed):
        return is_safe_link(value)
    return True


def js_trim(text: str) -> str:
    """``String.prototype.trim``: JavaScript's white space and line ends."""
    return text.strip(
        "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    )


_DATE_TIME = re.compile(
    r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})"
    r"(?:(?P<sep>[T ])(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})"
    r"(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]+))?)?"
    r"(?P<tz>Z|[+-](?P<th>[0-9]{2}):?(?P<tm>[0-9]{2}))?)?"
)


def is_date_time(value: object) -> bool:
    """An ISO 8601 date and time that JavaScript's ``Date.parse`` reads.

    The shape is links.ts's expression; the ranges are those V8 accepts:
    months 1-12, days 1-31 (V8 rolls 31 February over to March, so does
    this), hours to 24 only as 24:00, minutes and seconds to 59, offsets
    to 23:59.
    """
    if not isinstance(value, str):
        return False
    m = _DATE_TIME.fullmatch(value)
    if not m:
        return False
    month, day = int(m["mo"]), int(m["d"])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return False
    if m["h"] is not None:
        hour, minute = int(m["h"]), int(m["mi"])
        second = int(m["s"] or 0)
        fraction = int(m["f"] or 0)
        if minute > 59 or second > 59:
            return False
        if hour > 24 or (hour == 24 and (minute or second or fraction)):
            return False
        if m["th"] is not None and (int(m["th"]) > 23 or int(m["tm"]) > 59):
            return False
    date(int(m["y"]) or 1, 1, 1)
    return True
