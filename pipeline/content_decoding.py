"""Reading a response body under a size limit that holds after decompression.

httpx inflates a compressed body a whole network chunk at a time and decodes stacked encodings one inside
the other, so a 2 KB body sent as ``Content-Encoding: gzip, gzip`` becomes gigabytes before any size check
runs. Here the raw bytes are inflated step by step with an output bound (zlib's ``max_length``, brotli's
``output_buffer_limit``), so memory stays within the limit plus one step, whatever the compression ratio.
At most one content coding is accepted (gzip, deflate or br): stacked codings are refused.

Errors (plain exceptions; the fetcher turns them into FetchError):

    BodyTooLarge       raw or decoded bytes past the limit
    BodyNotDecodable   a stacked or unknown coding, or corrupt compressed data
    BodyCutShort       the compressed stream ended before its end marker
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

import brotli

ACCEPT_ENCODING = "gzip, deflate, br"
"""What the fetcher asks for: exactly the codings `read_body` can decode."""

_STEP = 64 * 1024
"""Most bytes inflated per step."""
_GZIP_MAGIC = b"\x1f\x8b"


class BodyTooLarge(Exception):
    """The body passed the limit; the message says whether before or after decoding."""


class BodyNotDecodable(Exception):
    """The body's content coding is refused, or its compressed data is corrupt."""


class BodyCutShort(Exception):
    """The connection ended inside a compressed stream."""


class _Identity:
    """No content coding: bytes pass through."""

    def __init__(self) -> None:
        self._pending = b""

    def feed(self, data: bytes) -> None:
        self._pending += data

    def take(self, most: int) -> bytes:
        piece, self._pending = self._pending[:most], self._pending[most:]
        return piece

    def finished(self) -> bool:
        return True


class _Zlib:
    """gzip (RFC 1952, several members allowed) or deflate (zlib-wrapped, or raw as some servers send)."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._pending = b""
        self._inflater: zlib._Decompress | None = None
        self._seen_input = False

    def feed(self, data: bytes) -> None:
        self._pending += data
        self._seen_input = self._seen_input or bool(data)

    def take(self, most: int) -> bytes:
        while True:
            if self._inflater is None:
                if len(self._pending) < 2:
                    return b""
                self._inflater = zlib.decompressobj(self._window_bits(self._pending))
            elif self._inflater.eof and not self._next_member():
                return b""
            try:
                piece = self._inflater.decompress(self._pending, most)
            except zlib.error as exc:
                raise BodyNotDecodable(f"corrupt {self._coding} data ({exc})") from None
            self._pending = self._inflater.unconsumed_tail
            if self._inflater.eof:
                self._pending = self._inflater.unused_data + self._pending
            if piece or not self._inflater.eof or not self._pending:
                return piece

    def _next_member(self) -> bool:
        """After a stream's end: start the next gzip member if one follows (RFC 1952 allows several)."""
        if self._coding == "gzip" and _GZIP_MAGIC.startswith(self._pending):
            return False  # nothing more yet, or half a magic number: wait for the next chunk
        if self._coding != "gzip" or not self._pending.startswith(_GZIP_MAGIC):
            self._pending = b""  # trailing bytes after the stream (padding) are ignored, as browsers do
            return False
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        return True

    def finished(self) -> bool:
        if not self._seen_input:
            return True  # an empty body (HEAD, 204) carries no stream
        return self._inflater is not None and self._inflater.eof

    def _window_bits(self, start: bytes) -> int:
        if self._coding == "gzip":
            return zlib.MAX_WBITS | 16
        # RFC 9110 says zlib-wrapped; some servers send raw deflate. A zlib header is 0x?8 with a checksum.
        zlib_wrapped = start[0] & 0x0F == 8 and ((start[0] << 8) | start[1]) % 31 == 0
        return zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS


class _Brotli:
    def __init__(self) -> None:
        self._pending = b""
        self._inflater = brotli.Decompressor()

    def feed(self, data: bytes) -> None:
        self._pending += data

    def take(self, most: int) -> bytes:
        try:
            # NOTE: after a call that filled the output bound, brotli takes only empty input until it has
            # handed out everything it holds (can_accept_more_data).
            if not self._inflater.can_accept_more_data():
                return self._inflater.process(b"", output_buffer_limit=most)
            data, self._pending = self._pending, b""
            return self._inflater.process(data, output_buffer_limit=most) if data else b""
        except brotli.error as exc:
            raise BodyNotDecodable(f"corrupt br data ({exc})") from None

    def finished(self) -> bool:
        return bool(self._inflater.is_finished())


_Decoder = _Identity | _Zlib | _Brotli


def decoder_for(content_encoding: str | None) -> _Decoder:
    """The decoder for a Content-Encoding header value.

    Raises:
        BodyNotDecodable: more than one coding, or one gdwatch does not ask for.
    """
    codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > 1:
        raise BodyNotDecodable(
            f"stacked content codings {content_encoding!r} are refused (one of {ACCEPT_ENCODING} is accepted)"
        )
    if not codings:
        return _Identity()
    coding = {"x-gzip": "gzip"}.get(codings[0], codings[0])
    if coding in ("gzip", "deflate"):
        return _Zlib(coding)
    if coding == "br":
        return _Brotli()
    raise BodyNotDecodable(f"unsupported content coding {codings[0]!r} (gdwatch asks for {ACCEPT_ENCODING})")


def read_body(
    chunks: Iterable[bytes], content_encoding: str | None, *, limit: int, truncate: bool = False
) -> bytes:
    """Decode a raw body as it arrives, stopping as soon as it passes `limit` bytes.

    Args:
        chunks: the raw (still encoded) body, chunk by chunk, e.g. httpx's `Response.iter_raw()`.
        content_encoding: the Content-Encoding header, if any.
        limit: the most bytes accepted, raw and decoded.
        truncate: return the first `limit` decoded bytes instead of refusing a longer body (robots.txt).

    Returns:
        The decoded body.

    Raises:
        BodyTooLarge: more than `limit` bytes, raw or decoded (never with `truncate`).
        BodyNotDecodable: a refused coding or corrupt data.
        BodyCutShort: the body ended inside a compressed stream.
    """
    decoder = decoder_for(content_encoding)
    pieces: list[bytes] = []
    size = raw_size = 0
    for chunk in chunks:
        raw_size += len(chunk)
        if raw_size > limit and not truncate:
            raise BodyTooLarge(f"body exceeds {limit} bytes (stopped reading)")
        decoder.feed(chunk)
        while piece := decoder.take(min(_STEP, limit + 1 - size)):
            pieces.append(piece)
            size += len(piece)
            if size > limit and not truncate:
                raise BodyTooLarge(f"body decodes to more than {limit} bytes (stopped inflating)")
            if size > limit:
                break
        if truncate and (size > limit or raw_size > limit):
            return b"".join(pieces)[:limit]
    if not decoder.finished():
        raise BodyCutShort("the compressed body ended before its end marker")
    return b"".join(pieces)
