"""Hand the allocator's free memory back to the system after a check (glibc only; elsewhere nothing)."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache


@cache
def _malloc_trim() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    """glibc's ``malloc_trim``, or None (not Linux, another C library, or no C library found)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> None:
    """Return the free pages of every malloc arena to the system (``malloc_trim(0)``).

    A check builds and drops hundreds of megabytes of texts, shingles and rows; glibc keeps most of what
    was freed in its arenas, so without this the run's process stays at the check's peak for the rest of
    the run, and the page workers forked from it afterwards start that much larger. It costs a few
    milliseconds (docs/benchmarks.md, "Trimming the allocator after each check slice").
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
