"""Decompression bombs: small bodies that inflate to gigabytes of zeros, built in a second or two.

A deflate stream of zeros flushed with Z_FULL_FLUSH repeats the same 1,037 bytes for every MiB, so a bomb
of any size is that block repeated, with the real header and checksum around it: each bomb is a valid
stream that decodes completely to its stated size. Stacking one coding on another ("gzip, gzip") shrinks
the body again, to about 2 KB for 2.3 GB.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

import brotli

MIB = 1 << 20
_ZEROS = bytes(MIB)


@dataclass(frozen=True)
class Bomb:
    name: str
    content_encoding: str
    body: bytes
    inflated: int
    """Bytes the body decodes to, all codings undone."""


def _deflate_zeros(mib: int) -> tuple[bytes, int]:
    """A raw deflate stream of `mib` MiB of zeros, and its length."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(_ZEROS) + compressor.flush(zlib.Z_FULL_FLUSH)
    # NOTE: the full flush resets the dictionary, so every further MiB compresses to the same bytes.
    return block * mib + compressor.flush(), mib * MIB


def _crc32_of_zeros(size: int) -> int:
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(_ZEROS, crc)
    return crc


def _adler32_of_zeros(size: int) -> int:
    adler = 1
    for _ in range(size // MIB):
        adler = zlib.adler32(_ZEROS, adler)
    return adler


def gzip_zeros(mib: int) -> bytes:
    """A gzip member (RFC 1952) of `mib` MiB of zeros."""
    stream, size = _deflate_zeros(mib)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + stream + struct.pack("<II", _crc32_of_zeros(size), size & 0xFFFFFFFF)


def zlib_zeros(mib: int) -> bytes:
    """A zlib stream (RFC 1950, what HTTP calls deflate) of `mib` MiB of zeros."""
    stream, size = _deflate_zeros(mib)
    return b"\x78\xda" + stream + struct.pack(">I", _adler32_of_zeros(size))


def brotli_zeros(mib: int) -> bytes:
    """A brotli stream of `mib` MiB of zeros (quality 5: about 0.8 s per 256 MiB)."""
    compressor = brotli.Compressor(quality=5)
    parts = [compressor.process(_ZEROS) for _ in range(mib)]
    return b"".join(parts) + compressor.finish()


def gzip_bytes(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return compressor.compress(data) + compressor.flush()


def build(name: str, mib: int) -> Bomb:
    """One bomb by name: "gzip", "deflate", "br" or "gzip-gzip" (stacked codings)."""
    if name == "gzip":
        return Bomb(name, "gzip", gzip_zeros(mib), mib * MIB)
    if name == "deflate":
        return Bomb(name, "deflate", zlib_zeros(mib), mib * MIB)
    if name == "br":
        return Bomb(name, "br", brotli_zeros(mib), mib * MIB)
    if name == "gzip-gzip":
        return Bomb(name, "gzip, gzip", gzip_bytes(gzip_zeros(mib)), mib * MIB)
    raise ValueError(f"unknown bomb {name!r}")


NAMES = ("gzip", "deflate", "br", "gzip-gzip")
