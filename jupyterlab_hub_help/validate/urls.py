"""``new URL(value, base)`` for the link checker, through ``ada-url``.

links.ts hands every link to the browser's URL parser and reads three of
its getters: ``protocol`` (the scheme with its ":"), ``host`` (empty when
there is none) and ``origin`` ("null" when it is opaque). ada implements the
WHATWG URL Standard, which browsers implement too, so this module parses
nothing itself: it only gives ada a string the way JavaScript would and
turns ada's ``ValueError`` into None, where ``new URL`` throws.

JavaScript strings are UTF-16 and may hold surrogates that pair with
nothing. The URL constructor's arguments are USVStrings, so before parsing
each such surrogate becomes U+FFFD and each well-formed pair one code
point; ``_usv`` does the same with a Python string (which can hold either),
so that ada, which takes UTF-8, sees what the browser's parser sees.

Where the Standard has changed, so have ada's releases. Since June 2026 its
domain parser keeps a host that is all ASCII (lowercased, and still without
forbidden code points) even when UTS #46 would refuse it, as with the broken
punycode of "xn--zz.example". ada 4 does so (ada-url 4.0.0, hence the lower
bound in pyproject.toml); ada 2 and 3 refuse that host. Node 20, which runs
the TypeScript side in tests/python/test_typescript_agreement.py, bundles
ada 2.9: it refuses that host too, and lets through some hosts that fail the
bidi rule, such as "1\u05d0.example", which ada 4 refuses as the Standard
does. No link in tests/corpus is one of these (ada and Node give every one
the same protocol, host and origin), so the agreement test holds;
tests/python/test_links.py checks both kinds against the Standard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import ada_url


@dataclass(frozen=True)
class Url:
    """The getters of a parsed URL that links.ts reads."""

    protocol: str
    host: str
    origin: str


def _usv(text: str) -> str:
    """``text`` as the USVString conversion leaves it."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def parse(value: str, base: Optional[str] = None) -> Optional[Url]:
    """The URL ``new URL(value, base)`` makes, or None where it throws."""
    try:
        url = ada_url.URL(_usv(value), None if base is None else _usv(base))
    except ValueError:
        return None
    return Url(url.protocol, url.host, url.origin)
