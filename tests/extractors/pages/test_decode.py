"""Telling decoded text from binary data (`gdwatch extract` refuses an image or an archive in one line)."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

from gdwatch.extractors.pages.decode import decode_html, looks_like_text


def test_looks_like_text_tells_text_from_binary_data() -> None:
    assert looks_like_text("广东外贸进出口9.1万亿元。\nGuangdong's trade\tgrew 4.4%.")
    assert looks_like_text("")
    rng = random.Random(5)
    noise = bytes(rng.randrange(256) for _ in range(3000))
    assert not looks_like_text(decode_html(noise, "text/plain")[0])
    assert not looks_like_text("a\x00b\x00c\x00d")


@pytest.mark.parametrize("content_type", [None, "text/html; charset=utf-8", "text/html; charset=gbk"])
def test_the_text_is_the_decoding_with_the_codec_named(corpus_dir: Path, content_type: str | None) -> None:
    # the declared codecs' trial decodings are what is returned: no second decoding, the same text
    for path in sorted((corpus_dir / "news-html").rglob("*.html*")):
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        text, codec = decode_html(raw, content_type)
        assert text == raw.decode(codec, errors="replace"), path
