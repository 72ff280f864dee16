"""The link checker (the schema's custom formats), on the corpus's hostile
links and on the edges of the URL Standard that decide them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jupyterlab_hub_help.validate.links import PLACEHOLDER_ORIGIN, is_date_time, is_safe_handle, is_safe_link
from jupyterlab_hub_help.validate.urls import parse

HOSTILE = json.loads(
    (Path(__file__).resolve().parents[2] / "tests" / "corpus" / "hostile-text.json").read_text("utf-8")
)


@pytest.mark.parametrize("link", HOSTILE["links"])
def test_hostile_links_are_refused(link):
    assert not is_safe_link(link)


@pytest.mark.parametrize("link", HOSTILE["safeLinks"])
def test_safe_links_are_accepted(link):
    assert is_safe_link(link)


@pytest.mark.parametrize(
    "link",
    [
        "http:example.org",  # slashes after an http scheme are optional
        "https:\\\\example.org\\x",  # backslashes count as slashes
        "https://user:pass@example.org",
        "https://@example.org",  # empty credentials
        "https://example.org:",  # an empty port is the default
        "http://0x7f.1/",  # IPv4 in hex and short form
        "https://[::ffff:1.2.3.4]/",
        "//hub.invalid/path",  # resolves to the hub's own origin
        "//HUB.INVALID:443/x",
        "mailto:?to=desk@example.org",
        # A host all in ASCII is kept, lowercased, even where its punycode is
        # broken: the Standard's domain parser since June 2026, ada 4 and
        # Chromium (Node 20's ada 2.9 still refuses it).
        "https://xn--zz.example/",
        "https://XN--ZZ.example/",
    ],
)
def test_links_the_url_standard_reads(link):
    assert is_safe_link(link)


@pytest.mark.parametrize(
    "link",
    [
        "https://",
        "https://:443",
        "https://example.org:65536",
        "https://example.org:8o",
        "http://999.1.1.1/",
        "http://1.2.3.4.5/",
        "https://[::1",
        "https://[fe80::1%25eth0]/",
        "https://a%2fb.example/",
        "https://exa<mple.org",
        "https://a\u200dc.example/",  # a joiner out of context
        "https://xn--zz\u00e9.example/",  # not all ASCII: broken punycode fails
        # Fails the bidi rule (a digit before a Hebrew letter); Node 20's
        # ada 2.9 accepts it.
        "https://1\u05d0.example/",
        "/\\evil.example",
        "//hub.invalid.evil.example/",
        "https://example.org/\u2028",
        "mailto:desk",
        "mailto:@example.org",
        "mailto://a@[x",
    ],
)
def test_links_the_url_standard_refuses(link):
    assert not is_safe_link(link)


@pytest.mark.parametrize(
    "value, host",
    [
        ("https://a.example/\ud800", "a.example"),  # a lone surrogate becomes U+FFFD
        ("https://\ud83d\ude00.example/", "xn--e28h.example"),  # a pair is one code point
        ("https://\ud800.example/", None),  # U+FFFD is no domain code point
        ("/x\udc00", "hub.invalid"),
    ],
)
def test_urls_are_read_as_usv_strings(value, host):
    """The URL constructor's arguments are USVStrings; Python strings may
    hold any surrogates, which must not make a parse fail or raise."""
    url = parse(value, PLACEHOLDER_ORIGIN)
    assert (url and url.host) == host


@pytest.mark.parametrize(
    "handle, ok",
    [
        ("@ann:matrix.example.org", True),
        ("#help", True),
        ("  @ann", True),
        ("ann:matrix.example.org", False),  # shaped like a link: must be one
        ("/\\evil.example", False),
        (" https://example.org", False),
        ("https://chat.example.org/#/room/help", True),
        ("@ann\u0085", False),
        ("", False),
    ],
)
def test_contact_handles(handle, ok):
    assert is_safe_handle(handle) is ok


@pytest.mark.parametrize(
    "value, ok",
    [
        ("2026-01-31T18:00:00Z", True),
        ("2026-01-31", True),
        ("2026-01-31 18:00", True),
        ("2026-01-31T18:00:00.123+01:00", True),
        ("2026-01-31T18:00+0100", True),
        ("2026-02-30T10:00Z", True),  # JavaScript rolls it over to March
        ("2026-01-31T24:00", True),
        ("2026-01-31T24:01", False),
        ("2026-13-01", False),
        ("2026-01-32", False),
        ("2026-01-31T18:60", False),
        ("2026-01-31T18:00+24:00", False),
        ("2026-01-31\n", False),
        ("31/01/2026", False),
        ("２０２６-01-31", False),
    ],
)
def test_dates(value, ok):
    assert is_date_time(value) is ok
