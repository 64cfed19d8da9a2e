"""GDELT DOC 2.0: query URLs, aligned window slices, artlist JSON parsing and saturation."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.gdelt import (
    GDELT_MAX_RECORDS,
    gdelt_query_url,
    is_saturated,
    parse_gdelt_artlist,
    split_window,
)
from gdwatch.extractors.records import FeedEntry

API = "https://api.gdeltproject.org/api/v2/doc/doc"


def test_query_url_parameters() -> None:
    url = gdelt_query_url(
        API,
        query='"Guangdong" (exports OR imports)',
        start=datetime(2025, 11, 3, 6, tzinfo=UTC),
        end=datetime(2025, 11, 3, 20, tzinfo=timezone(timedelta(hours=8))),
        max_records=100,
    )

    assert url.startswith(API + "?")
    assert parse_qs(urlsplit(url).query) == {
        "query": ['"Guangdong" (exports OR imports)'],
        "mode": ["artlist"],
        "format": ["json"],
        "maxrecords": ["100"],
        "sort": ["datedesc"],
        "startdatetime": ["20251103060000"],
        "enddatetime": ["20251103115959"],
    }
    assert "+" not in url and "%20" in url


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": datetime(2025, 1, 1), "end": datetime(2025, 1, 2, tzinfo=UTC)}, "timezone-aware"),
        ({"start": datetime(2025, 1, 2, tzinfo=UTC), "end": datetime(2025, 1, 1, tzinfo=UTC)}, "after start"),
        (
            {
                "start": datetime(2025, 1, 1, tzinfo=UTC),
                "end": datetime(2025, 1, 2, tzinfo=UTC),
                "max_records": 251,
            },
            "max_records",
        ),
    ],
)
def test_query_url_rejects_bad_arguments(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gdelt_query_url(API, query="Guangdong", **kwargs)


def test_split_window_aligns_to_slice_boundaries() -> None:
    start = datetime(2025, 11, 3, 4, 30, tzinfo=UTC)
    end = datetime(2025, 11, 4, 1, 0, tzinfo=UTC)

    assert split_window(start, end) == [
        (start, datetime(2025, 11, 3, 6, tzinfo=UTC)),
        (datetime(2025, 11, 3, 6, tzinfo=UTC), datetime(2025, 11, 3, 12, tzinfo=UTC)),
        (datetime(2025, 11, 3, 12, tzinfo=UTC), datetime(2025, 11, 3, 18, tzinfo=UTC)),
        (datetime(2025, 11, 3, 18, tzinfo=UTC), datetime(2025, 11, 4, 0, tzinfo=UTC)),
        (datetime(2025, 11, 4, 0, tzinfo=UTC), end),
    ]


def test_split_window_is_idempotent_across_overlapping_runs() -> None:
    day = split_window(datetime(2025, 11, 3, tzinfo=UTC), datetime(2025, 11, 4, tzinfo=UTC))
    two_days = split_window(datetime(2025, 11, 2, tzinfo=UTC), datetime(2025, 11, 4, tzinfo=UTC))
    local = split_window(
        datetime(2025, 11, 3, 8, tzinfo=timezone(timedelta(hours=8))),
        datetime(2025, 11, 4, 8, tzinfo=timezone(timedelta(hours=8))),
    )
    assert len(day) == 4
    assert two_days[4:] == day
    assert local == day
    assert all(lo.tzinfo is UTC for lo, _ in local)


def test_split_window_edge_cases() -> None:
    t = datetime(2025, 11, 3, 6, tzinfo=UTC)
    assert split_window(t, t) == []
    assert split_window(t, t - timedelta(hours=1)) == []
    assert split_window(t, t + timedelta(hours=24), slice_hours=24) == [
        (t, datetime(2025, 11, 4, tzinfo=UTC)),
        (datetime(2025, 11, 4, tzinfo=UTC), t + timedelta(hours=24)),
    ]
    with pytest.raises(ValueError, match="divide 24"):
        split_window(t, t + timedelta(hours=1), slice_hours=5)


@given(
    start=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
    ),
    span=st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=10)),
    slice_hours=st.sampled_from([1, 2, 3, 4, 6, 8, 12, 24]),
)
def test_split_window_is_contiguous_and_aligned(start: datetime, span: timedelta, slice_hours: int) -> None:
    end = start + span
    slices = split_window(start, end, slice_hours=slice_hours)

    assert slices[0][0] == start
    assert slices[-1][1] == end
    for (_, upper), (lower, _) in itertools.pairwise(slices):
        assert upper == lower
    for lower, upper in slices:
        assert lower < upper <= lower + timedelta(hours=slice_hours)
    for _, upper in slices[:-1]:
        assert (upper.hour % slice_hours, upper.minute, upper.second, upper.microsecond) == (0, 0, 0, 0)


ARTLIST = {
    "articles": [
        {
            "url": "https://www.chinadaily.com.cn/a/202511/03/WS1.html",
            "url_mobile": "",
            "title": "Guangdong foreign trade tops 7 trillion yuan ",
            "seendate": "20251103T081500Z",
            "socialimage": "",
            "domain": "chinadaily.com.cn",
            "language": "English",
            "sourcecountry": "China",
        },
        {"url": "https://www.example.hk/news/2", "title": "No date", "seendate": "bad"},
        {"url": "not a url", "title": "skipped"},
        "junk",
    ]
}


def test_parse_artlist() -> None:
    entries = parse_gdelt_artlist(json.dumps(ARTLIST).encode(), request_url=API)

    assert entries == [
        FeedEntry(
            entry_id="https://www.chinadaily.com.cn/a/202511/03/WS1.html",
            url="https://www.chinadaily.com.cn/a/202511/03/WS1.html",
            title="Guangdong foreign trade tops 7 trillion yuan",
            published_at=datetime(2025, 11, 3, 8, 15, tzinfo=UTC),
        ),
        FeedEntry(
            entry_id="https://www.example.hk/news/2", url="https://www.example.hk/news/2", title="No date"
        ),
    ]


def test_parse_artlist_tolerates_raw_control_characters() -> None:
    body = (
        b'{"articles": [{"url": "https://x.example/1", "title": "tab\there", "seendate": "20251103T0000Z"}]}'
    )
    assert [e.title for e in parse_gdelt_artlist(body, request_url=API)] == ["tab\there"]


@pytest.mark.parametrize("body", [b"", b"  \n", b"{}", b'{"articles": []}'])
def test_no_matches_is_empty(body: bytes) -> None:
    assert parse_gdelt_artlist(body, request_url=API) == []


@pytest.mark.parametrize(
    "body",
    [
        b"Please limit requests to one every 5 seconds or contact us for larger queries.",
        b"Your search contained a phrase that was too short.",
        b"<html><body>502 Bad Gateway</body></html>",
        b"[1, 2]",
        b'{"articles": "none"}',
    ],
)
def test_plain_text_errors_raise(body: bytes) -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_gdelt_artlist(body, request_url=API + "?query=x")
    assert caught.value.url == API + "?query=x"


def test_plain_text_error_is_quoted() -> None:
    with pytest.raises(FeedParseError, match="phrase that was too short"):
        parse_gdelt_artlist(b"Your search contained a phrase that was too short.", request_url=API)


def test_saturation() -> None:
    entry = FeedEntry(entry_id="u", url="https://x.example/u")
    assert is_saturated([entry] * GDELT_MAX_RECORDS, GDELT_MAX_RECORDS) is True
    assert is_saturated([entry] * 249, GDELT_MAX_RECORDS) is False
    assert is_saturated([entry] * 10, 10) is True
    assert is_saturated([], 10) is False
