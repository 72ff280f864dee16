"""Just enough of the WHATWG URL parser to decide what links.ts decides.

links.ts asks the browser's ``URL`` whether a link parses, which host it
names and whether a path stays on the hub. Links holding spaces or control
characters are refused before parsing, so only the authority part can make a
parse fail or change the origin: this module parses that part as the URL
Standard does (backslash is a slash in http(s) URLs, slashes after the
scheme are skipped, the host is percent-decoded, mapped to ASCII and checked,
IPv4 and IPv6 hosts are read as numbers). Hosts outside ASCII are mapped
with Python's IDNA codec, a close approximation of UTS #46 (see
``_domain_to_ascii``).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from encodings import idna as _idna
from typing import Optional, Tuple
from urllib.parse import unquote_to_bytes

# Code points that may not appear in a host (URL Standard, "forbidden host
# code point"), and those also forbidden in a domain.
_FORBIDDEN_HOST = set("\x00\t\n\r #/:<>?@[\\]^|")
_FORBIDDEN_DOMAIN = _FORBIDDEN_HOST | {chr(c) for c in range(0x20)} | {"%", "\x7f"}

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21}


class Failure(Exception):
    """The URL parser returns failure: ``new URL`` throws."""


def special_authority(rest: str, scheme: str) -> Tuple[str, Optional[int]]:
    """Host and port of an http(s) URL from what follows ``scheme:``.

    Any run of "/" and "\\" after the scheme is skipped, and the authority
    ends at the next "/", "\\", "?" or "#".
    """
    i = 0
    while i < len(rest) and rest[i] in "/\\":
        i += 1
    end = i
    while end < len(rest) and rest[end] not in "/\\?#":
        end += 1
    return _authority(rest[i:end], special=True, scheme=scheme)


def opaque_authority(rest: str) -> Optional[Tuple[str, Optional[int]]]:
    """Host and port of a non-special URL when it has an authority
    (``scheme://...``), else None. Only "/", "?" and "#" end it."""
    if not rest.startswith("//"):
        return None
    body = rest[2:]
    end = 0
    while end < len(body) and body[end] not in "/?#":
        end += 1
    return _authority(body[:end], special=False, scheme="")


def _authority(text: str, special: bool, scheme: str) -> Tuple[str, Optional[int]]:
    at = text.rfind("@")
    if at >= 0:
        text = text[at + 1 :]
        if not text:
            raise Failure("host missing after credentials")
    host_text, port_text = _split_port(text)
    if special and not host_text:
        raise Failure("empty host")
    host = parse_host(host_text, special)
    port = None
    if port_text:
        if not port_text.isascii() or not port_text.isdigit():
            raise Failure("invalid port")
        port = int(port_text)
        if port > 65535:
            raise Failure("port out of range")
        if _DEFAULT_PORTS.get(scheme) == port:
            port = None
    return host, port


def _split_port(text: str) -> Tuple[str, Optional[str]]:
    """Split at the first ":" outside brackets, as the host state does."""
    inside = False
    for i, c in enumerate(text):
        if c == "[":
            inside = True
        elif c == "]":
            inside = False
        elif c == ":" and not inside:
            if i == 0:
                raise Failure("host missing before port")
            return text[:i], text[i + 1 :]
    return text, None


def parse_host(text: str, special: bool) -> str:
    """The URL Standard's host parser; raises Failure."""
    if text.startswith("["):
        if not text.endswith("]"):
            raise Failure("unclosed IPv6 address")
        return "[" + _ipv6(text[1:-1]) + "]"
    if not special:
        if any(c in _FORBIDDEN_HOST for c in text):
            raise Failure("forbidden host code point")
        return text
    domain = unquote_to_bytes(text).decode("utf-8", errors="replace")
    ascii_domain = _domain_to_ascii(domain)
    if not ascii_domain or any(c in _FORBIDDEN_DOMAIN for c in ascii_domain):
        raise Failure("forbidden domain code point")
    if _ends_in_number(ascii_domain):
        return _ipv4(ascii_domain)
    return ascii_domain


def _domain_to_ascii(domain: str) -> str:
    labels = domain.split(".")
    if domain.isascii() and not any(l.lower().startswith("xn--") for l in labels):
        return domain.lower()
    # UTS #46 maps full-width and ideographic dots to ".", then each label.
    domain = re.sub("[\u3002\uff0e\uff61]", ".", domain)
    out = []
    for label in domain.split("."):
        if label.isascii():
            lower = label.lower()
            if lower.startswith("xn--"):
                try:
                    decoded = lower[4:].encode("ascii").decode("punycode")
                except (UnicodeError, ValueError) as error:
                    raise Failure("invalid punycode") from error
                if not decoded or decoded.isascii():
                    raise Failure("invalid punycode")
            out.append(lower)
            continue
        _check_joiners(label)
        try:
            mapped = _idna.nameprep(label)
        except UnicodeError as error:
            raise Failure("invalid domain") from error
        mapped = unicodedata.normalize("NFC", mapped)
        if not mapped:
            out.append("")
        elif mapped.isascii():
            out.append(mapped.lower())
        else:
            # No length check: the URL Standard does not verify DNS lengths.
            out.append("xn--" + mapped.encode("punycode").decode("ascii"))
    return ".".join(out)


def _check_joiners(label: str) -> None:
    """UTS #46 CheckJoiners keeps zero-width joiners (IDNA 2003 dropped
    them) and allows one only after a virama; the rule for a non-joiner
    between joining letters is not modelled."""
    for i, c in enumerate(label):
        if c in "\u200c\u200d":
            if i == 0 or unicodedata.combining(label[i - 1]) != 9:
                raise Failure("zero-width joiner out of context")


def _ends_in_number(domain: str) -> bool:
    parts = domain.split(".")
    if parts[-1] == "":
        if len(parts) == 1:
            return False
        parts.pop()
    last = parts[-1]
    if last and last.isascii() and last.isdigit():
        return True
    return _ipv4_number(last) is not None


def _ipv4_number(part: str) -> Optional[int]:
    if part == "":
        return None
    radix = 10
    if len(part) >= 2 and part[:2] in ("0x", "0X"):
        part, radix = part[2:], 16
    elif len(part) >= 2 and part[0] == "0":
        part, radix = part[1:], 8
    if part == "":
        return 0
    digits = {10: "0123456789", 8: "01234567", 16: "0123456789abcdefABCDEF"}[radix]
    if any(c not in digits for c in part):
        return None
    return int(part, radix)


def _ipv4(domain: str) -> str:
    parts = domain.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        raise Failure("IPv4 address with too many parts")
    numbers = []
    for part in parts:
        number = _ipv4_number(part)
        if number is None:
            raise Failure("invalid IPv4 address")
        numbers.append(number)
    if any(n > 255 for n in numbers[:-1]):
        raise Failure("IPv4 part out of range")
    if numbers[-1] >= 256 ** (5 - len(numbers)):
        raise Failure("IPv4 address out of range")
    value = numbers[-1]
    for i, n in enumerate(numbers[:-1]):
        value += n * 256 ** (3 - i)
    return str(ipaddress.IPv4Address(value))


def _ipv6(text: str) -> str:
    # Zone ids are not part of the URL Standard's IPv6 syntax.
    if "%" in text or not text.isascii():
        raise Failure("invalid IPv6 address")
    try:
        return ipaddress.IPv6Address(text).compressed
    except ValueError as error:
        raise Failure("invalid IPv6 address") from error
