"""Decode fetched HTML bytes into text, trusting BOM, headers and declarations in a browser's order."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

# GBK and GB2312 pages routinely contain characters only GB18030 (their superset) defines, and Big5 pages
# from Hong Kong use HKSCS additions; ISO-8859-1 labels mean windows-1252 in browsers (WHATWG Encoding).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.+-]{2,40})|<\?xml[^>]{0,100}encoding\s*=\s*["']([a-z0-9_.:+-]{2,40})""",
    re.IGNORECASE,
)
# Declarations sit in <head>, which some portals bloat past the 1024 bytes browsers prescan.
_META_SCAN_BYTES = 100_000
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_SNIFF_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "text/plain"})
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta)\b", re.I | re.S
)


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label (superset-mapped), or None for an unknown label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _charset_param(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def _clean_decoding(raw: bytes, codec: str) -> str | None:
    """raw decoded, if it decodes with at most a handful of bad bytes (real pages often carry one or two)."""
    text = raw.decode(codec, errors="replace")
    return text if text.count("\ufffd") <= max(2, len(raw) // 5000) else None


def decode_html(raw: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode an HTML body, trusting the evidence in this order.

    1. a byte-order mark (it cannot be wrong, so it outranks headers, as in the WHATWG algorithm);
    2. the HTTP Content-Type charset; 3. `<meta charset>` / `http-equiv` / the XML declaration, searched in
    the first 100 kB (not only the first 1024 bytes); 4. UTF-8; 5. charset-normalizer's detection.
    A declared encoding is used only when the bytes decode with it (a handful of bad bytes allowed), since
    Chinese servers often declare one encoding and send another. GBK/GB2312 decode as GB18030 and Big5 as
    Big5-HKSCS (supersets); a meta claim of UTF-16 on an ASCII-compatible page means UTF-8.

    Args:
        raw: the body bytes.
        content_type: the HTTP Content-Type header, if any.

    Returns:
        (text, codec name used). Bad bytes become U+FFFD: this never raises.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace"), codec
    declared = [_codec(_charset_param(content_type))]
    match = _META_CHARSET.search(raw[:_META_SCAN_BYTES])
    meta = _codec((match.group(1) or match.group(2)).decode("ascii")) if match else None
    declared.append("utf-8" if meta and meta.startswith("utf_16") else meta)
    for candidate in [*declared, "utf-8"]:
        if not candidate:
            continue
        text = _clean_decoding(raw, candidate)
        if text is not None:
            return text, candidate
    guess = charset_normalizer.from_bytes(raw[:200_000]).best()
    chosen = _codec(guess.encoding if guess else None) or next((c for c in declared if c), None) or "utf-8"
    return raw.decode(chosen, errors="replace"), chosen


def looks_like_html(content_type: str | None, raw: bytes) -> bool:
    """Whether a response is an HTML page.

    Args:
        content_type: the HTTP Content-Type header, if any.
        raw: the body; sniffed when the type is missing or generic (octet-stream, text/plain).

    Returns:
        True for text/html and application/xhtml+xml, or a generic type whose body starts like HTML.
    """
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type in _HTML_TYPES:
        return True
    if media_type not in _SNIFF_TYPES:
        return False
    head = raw[:2048]
    for bom, _ in _BOMS:
        head = head.removeprefix(bom)
    return bool(_HTML_START.match(head))


_BINARY_SHARE = 0.05
"""A text with more than this share of control characters or undecodable bytes is binary data, not text."""


def looks_like_text(text: str) -> bool:
    """Whether decoded bytes read as text, not as binary data (an image, an archive, random bytes).

    Args:
        text: the decoded bytes (:func:`decode_html`).

    Returns:
        False when NULs, other control characters (tabs and line breaks aside) or U+FFFD make up more
        than 5 % of the characters.
    """
    if not text:
        return True
    bad = sum(1 for char in text if char == "\ufffd" or (char < " " and char not in "\t\n\r\f"))
    return bad <= _BINARY_SHARE * len(text)
