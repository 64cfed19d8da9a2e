"""URL helpers: canonical form for de-duplication, dates written in news URLs, Google News link decoding."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import date
from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Query parameters that identify a campaign, a click or a share, never the document. Names are compared in
# lower case; every "utm_*" parameter is tracking as well.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "_ga",
        "_gl",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "cmpid",
        "ocid",
        "smid",
        "share",
        "share_token",
        "sharetype",
        "shareid",
        "from",
        "spm",  # Alibaba-family sites and many Chinese portals
        "scm",
        "tt_from",  # Toutiao
        "wfr",  # Baidu
        "isappinstalled",  # WeChat share links
        "srcid",
        "sharer_sharetime",
        "sharer_shareid",
        "oc",  # Google News ("?oc=5")
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}

# Dates as news sites write them in paths: /2025/11/03/, /2025-11-03/, /2025-11/03/ (Xinhua),
# /202511/03/ (China Daily), /20251103/, t20251103_ (gov.cn), /2025/1103/. Digits on either side
# would make it part of an id, so the match must stand alone.
_URL_DATE = re.compile(
    r"(?<!\d)(?:"
    r"(?P<y1>\d{4})[/_-](?P<m1>\d{1,2})[/_-](?P<d1>\d{1,2})"
    r"|(?P<y2>\d{4})(?P<m2>\d{2})[/_-]?(?P<d2>\d{2})"
    r"|(?P<y3>\d{4})[/_-](?P<m3>\d{2})(?P<d3>\d{2})"
    r")(?!\d)"
)
_MIN_URL_YEAR = 1995
_MAX_URL_YEAR = 2099

_GOOGLE_NEWS_HOSTS = frozenset({"news.google.com"})
_GOOGLE_NEWS_PATH = re.compile(r"/(?:rss/|__i/rss/rd/)?(?:articles|read)/(?P<id>[A-Za-z0-9_-]+)")


def is_http_url(url: str) -> bool:
    """Whether a string is an absolute http(s) URL with a host.

    Args:
        url: any string.

    Returns:
        True for "http://host/..." and "https://host/...", False otherwise (relative, mailto:, ...).
    """
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)
    except ValueError:
        return False


def canonical_url(url: str) -> str:
    """The form of a URL used to recognise the same article behind different links.

    Lower-cases scheme and host, drops the default port, the fragment and tracking parameters (`utm_*` and
    TRACKING_PARAMS), sorts the remaining query parameters (keeping their original encoding), and drops an
    empty query. An empty path becomes "/".

    Args:
        url: an absolute URL.

    Returns:
        The canonical URL; a string that is not a parseable URL is returned stripped but otherwise unchanged.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.netloc.rsplit("@", 1)[0]
        netloc = f"{userinfo}@{netloc}"
    kept = sorted(
        (pair for pair in parts.query.split("&") if pair and not _is_tracking(pair)),
        key=lambda pair: (unquote_plus(pair.split("=", 1)[0]), pair),
    )
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, "&".join(kept), ""))


def _is_tracking(pair: str) -> bool:
    """Whether one raw "name=value" query pair is a tracking parameter."""
    name = unquote_plus(pair.split("=", 1)[0]).strip().lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS


def url_date(url: str) -> date | None:
    """The publication date a news URL spells out, if any.

    Only the path and query are searched (hosts do not carry dates). The first plausible date wins: year
    1995-2099 and a real calendar day.

    Args:
        url: an article URL.

    Returns:
        The date, or None when the URL has no plausible date.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for match in _URL_DATE.finditer(f"{parts.path}?{parts.query}"):
        groups = match.groupdict()
        for suffix in "123":
            if groups[f"y{suffix}"] is None:
                continue
            year, month, day = (int(groups[f"{part}{suffix}"]) for part in "ymd")
            if not _MIN_URL_YEAR <= year <= _MAX_URL_YEAR:
                break
            try:
                return date(year, month, day)
            except ValueError:
                break
    return None


def google_news_target(url: str) -> str | None:
    """The publisher URL hidden in a Google News article link, when it can be decoded offline.

    Old-style ids ("CBMi...") are base64url-encoded protobuf messages whose first string field is the
    publisher URL. Since 2024 most ids instead hold an opaque token ("AU_yqL..."), which only Google can
    resolve: for those the caller follows the redirect.

    Args:
        url: a link such as https://news.google.com/rss/articles/CBMi...?oc=5.

    Returns:
        The publisher's http(s) URL, or None for other links and for ids that do not embed one.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if (parts.hostname or "").lower() not in _GOOGLE_NEWS_HOSTS:
        return None
    match = _GOOGLE_NEWS_PATH.fullmatch(parts.path)
    if match is None:
        return None
    token = match.group("id")
    try:
        payload = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    for field in _protobuf_strings(payload):
        try:
            text = field.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if is_http_url(text):
            return text
    return None


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Decode a protobuf varint at pos; returns (value, next position). Raises IndexError when truncated."""
    value = 0
    shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise IndexError("varint too long")


def _protobuf_strings(data: bytes) -> list[bytes]:
    """The length-delimited fields of a top-level protobuf message, in order; stops at the first bad byte."""
    fields: list[bytes] = []
    pos = 0
    try:
        while pos < len(data):
            key, pos = _read_varint(data, pos)
            wire_type = key & 0x7
            if wire_type == 0:
                _, pos = _read_varint(data, pos)
            elif wire_type == 1:
                pos += 8
            elif wire_type == 5:
                pos += 4
            elif wire_type == 2:
                length, pos = _read_varint(data, pos)
                if pos + length > len(data):
                    break
                fields.append(data[pos : pos + length])
                pos += length
            else:
                break
    except IndexError:
        pass
    return fields
