"""Telling decoded text from binary data (`gdwatch extract` refuses an image or an archive in one line)."""

from __future__ import annotations

import random

from gdwatch.extractors.pages.decode import decode_html, looks_like_text


def test_looks_like_text_tells_text_from_binary_data() -> None:
    assert looks_like_text("广东外贸进出口9.1万亿元。\nGuangdong's trade\tgrew 4.4%.")
    assert looks_like_text("")
    rng = random.Random(5)
    noise = bytes(rng.randrange(256) for _ in range(3000))
    assert not looks_like_text(decode_html(noise, "text/plain")[0])
    assert not looks_like_text("a\x00b\x00c\x00d")
