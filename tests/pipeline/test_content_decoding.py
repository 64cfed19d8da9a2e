"""Bounded decoding of response bodies, chunk by chunk (no network involved)."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterator

import brotli
import pytest

from gdwatch.pipeline.content_decoding import BodyCutShort, BodyNotDecodable, BodyTooLarge, read_body

TEXT = os.urandom(3000) + b"Guangdong exports " * 1000


def _chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def _two_gzip_members(data: bytes) -> bytes:
    return gzip.compress(data[:100]) + gzip.compress(b"") + gzip.compress(data[100:])


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


CODINGS: list[tuple[str | None, Callable[[bytes], bytes]]] = [
    (None, lambda data: data),
    ("identity", lambda data: data),
    ("gzip", gzip.compress),
    ("gzip", _two_gzip_members),
    ("deflate", zlib.compress),
    ("deflate", _raw_deflate),
    ("br", brotli.compress),
]
CODING_IDS = ["none", "identity", "gzip", "gzip-members", "deflate", "raw-deflate", "br"]


@pytest.mark.parametrize("chunk", [1, 2, 7, 65536])
@pytest.mark.parametrize(("coding", "encode"), CODINGS, ids=CODING_IDS)
def test_decodes_whatever_the_chunking(
    coding: str | None, encode: Callable[[bytes], bytes], chunk: int
) -> None:
    raw = encode(TEXT)

    assert read_body(_chunks(raw, chunk), coding, limit=len(TEXT)) == TEXT
    with pytest.raises(BodyTooLarge):
        read_body(_chunks(raw, chunk), coding, limit=len(TEXT) - 1)


@pytest.mark.parametrize(("coding", "encode"), CODINGS, ids=CODING_IDS)
def test_truncate_returns_a_prefix(coding: str | None, encode: Callable[[bytes], bytes]) -> None:
    assert read_body(_chunks(encode(TEXT), 4096), coding, limit=5000, truncate=True) == TEXT[:5000]


def test_bomb_stops_at_the_limit_without_reading_on() -> None:
    bomb = gzip.compress(bytes(64 << 20), compresslevel=9)  # about 65 KB
    consumed: list[int] = []

    def chunks() -> Iterator[bytes]:
        for piece in _chunks(bomb, 1024):
            consumed.append(len(piece))
            yield piece

    with pytest.raises(BodyTooLarge, match="decodes to more than 1000000 bytes"):
        read_body(chunks(), "gzip", limit=1_000_000)
    # 1 KB of this bomb inflates to about 1 MB: reading stops within the first few chunks.
    assert len(consumed) <= 3


@pytest.mark.parametrize(
    ("coding", "message"),
    [
        ("gzip, gzip", "stacked content codings 'gzip, gzip' are refused"),
        ("gzip, identity, br", "stacked content codings 'gzip, identity, br' are refused"),
        ("zstd", "unsupported content coding 'zstd'"),
    ],
)
def test_refused_codings(coding: str, message: str) -> None:
    with pytest.raises(BodyNotDecodable, match=message):
        read_body([b"\x1f\x8b"], coding, limit=100)


def test_identity_next_to_one_coding_is_not_stacking() -> None:
    assert read_body([gzip.compress(b"ok")], "identity, gzip", limit=100) == b"ok"


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_corrupt_data(coding: str) -> None:
    with pytest.raises(BodyNotDecodable, match=f"corrupt {coding} data"):
        read_body([b"\x78\x9c this is not compressed at all"], coding, limit=1000)


@pytest.mark.parametrize(
    ("coding", "encode"), [("gzip", gzip.compress), ("deflate", zlib.compress), ("br", brotli.compress)]
)
def test_stream_cut_short(coding: str, encode: Callable[[bytes], bytes]) -> None:
    with pytest.raises(BodyCutShort):
        read_body([encode(TEXT)[:-20]], coding, limit=len(TEXT))


def test_empty_body_and_trailing_padding() -> None:
    assert read_body([], "gzip", limit=10) == b""
    assert read_body([gzip.compress(b"ab") + b"\0\0\0"], "gzip", limit=100) == b"ab"
