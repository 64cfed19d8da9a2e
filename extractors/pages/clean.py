"""Clean decoded HTML with trafilatura into an Article: text, metadata, language and publication date."""

from __future__ import annotations

import functools
import re
from configparser import ConfigParser
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document, use_config
from trafilatura.utils import load_html

from gdwatch.extractors.listing.urls import canonical_url, is_http_url, url_date
from gdwatch.extractors.pages.language import classify as classify_language
from gdwatch.extractors.pages.metadata import page_metadata
from gdwatch.extractors.pages.substance import verdict
from gdwatch.extractors.records import Article, DateSource

CLEANER_VERSION = "clean-1.2.0"
"""Labels the article versions this cleaner produces; bump it when its output changes.

clean-1.1.1 parses a page once; a timestamp written only in an HTML comment (a build stamp) is no longer
taken as the page's date. On the shared corpus the articles are otherwise identical to clean-1.1.0's.
clean-1.2.0 extracts fast first and runs trafilatura's fallbacks only when that finds little
(`FAST_PASS_MIN_CHARS`): of the 62 Chinese news pages of the shared corpus one text changes.
"""

# --- cleaning -------------------------------------------------------------------------------------------

# Lines trafilatura keeps that are not article text (DOMAIN.md "Boilerplate"). Each pattern must match the
# whole stripped line, so a sentence that merely mentions a photo or a QR code survives.
_BOILERPLATE = [
    # picture credits and captions ending in one: "PROVIDED TO CHINA DAILY", "... [Photo/Xinhua]"
    re.compile(r"(?:photo\s+)?provided\s+to\s+china\s+daily\.?", re.I),
    re.compile(r".{0,300}\[(?:photo|photos|file photo|image)\b[^\]]{0,80}\]", re.I),
    re.compile(r"[\w .,'-]{1,60}\s*/\s*(?:for\s+)?china\s+daily", re.I),
    re.compile(r"(?:图|图片|摄影|图片来源|视觉中国)\s*[:：/].{0,40}"),
    # app and account promotions
    re.compile(r"(?:scan\s+the\s+qr\s+code|download\s+the\s+.{0,40}\s+app)\b.{0,150}", re.I),
    re.compile(r"(?:扫描|扫码|长按|识别)\S{0,6}二维码.{0,60}|扫码.{0,40}"),
    # comment widgets
    re.compile(r"(?:\d+\s+)?comments?|(?:我要|发表|网友|查看)?评论(?:\s*\d+)?", re.I),
    # bylines, datelines and editor credits
    re.compile(
        r"by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*"
        r"(?:\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?(?:\s*\|.{0,80})?"
    ),
    re.compile(r".{0,80}\|\s*updated\s*:?\s*\d{4}-\d{2}-\d{2}.{0,20}", re.I),
    re.compile(
        r"[（(]?\s*(?:本报记者|记者|通讯员|责任编辑|编辑|责编|校对|审核|监制|作者|来源)"
        r"(?:\s*[:：|｜\s]\s*[^。！？]{0,40})?[）)]?"
    ),
    # contact lines: a short line carrying an e-mail address
    re.compile(r"(?=.{0,160}$)(?:\S+\s+){0,15}[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?(?:\s+\S+){0,5}", re.I),
]
_MAX_BOILERPLATE_LINE = 300
# Page clocks and feeds run ahead a little; a date-only value may be "tomorrow" east of UTC.
_CLOCK_SKEW = timedelta(minutes=10)
_DAY_AHEAD = timedelta(hours=14)
_MIN_YEAR = 1995


@dataclass(frozen=True)
class CleanedPage:
    """The article cleaned from a page, or the reason there is none ("empty body", "not an article", ...)."""

    article: Article | None
    reason: str | None


@dataclass(frozen=True)
class _DateCandidate:
    source: DateSource
    value: datetime
    precise: bool
    """False when only the day is known (a URL date, or a page date without time zone)."""


def clean_article(html: str, *, url: str, feed_published: datetime | None, now: datetime) -> CleanedPage:
    """Extract the article of a decoded page: main text without boilerplate, metadata, language and date.

    The text comes from trafilatura (no comments, tables kept), minus the lines in `_BOILERPLATE` and a first
    line repeating the title. The URL is rel=canonical, else og:url, else the fetched URL, put in canonical
    form. The language is py3langid's guess on the text. The date is triangulated (see `_pick_date`).
    Pure function: nothing is fetched.

    Args:
        html: the decoded page (see decode_html).
        url: the URL the page was fetched from (after redirects).
        feed_published: the date the feed/sitemap/GDELT claimed for the entry, if any.
        now: the run's clock; dates after it are rejected.

    Returns:
        CleanedPage(article, None), or CleanedPage(None, reason) with reason "empty body", "not HTML",
        "not an article" (nothing extracted), "not an article (no complete sentence)" (menus, error and
        video pages) or "list page" (a channel of headlines); see `substance`.
    """
    if not html.strip():
        return CleanedPage(None, "empty body")
    # NOTE: the page is parsed once, by trafilatura's own loader (its parser settings extract better than
    # lxml's defaults); the URL, the metadata and the date are read from that tree before the extraction
    # works on a copy of it.
    tree = load_html(html)
    if tree is None:
        return CleanedPage(None, "not HTML")
    page_url = _page_url(tree, url)
    metadata = page_metadata(tree, url)
    page_date = _metadata_date(tree)
    document = _extract(tree, url)
    # NOTE: bare_extraction returns a dict only when asked (as_dict=True); None means nothing was extracted
    if not isinstance(document, Document):
        return CleanedPage(None, "not an article")
    extracted = document.text or ""
    if not extracted.strip():
        return CleanedPage(None, "not an article")
    title = _clean_title(metadata.title)
    text = _strip_boilerplate(extracted, title)
    refusal = verdict(text)
    if refusal is not None:
        return CleanedPage(None, refusal if refusal == "list page" else f"not an article ({refusal})")
    language = _language(text)
    published, source = _pick_date(
        page=_page_date(page_date),
        feed=feed_published,
        from_url=url_date(page_url) or url_date(url),
        now=now,
    )
    article = Article(
        url=page_url,
        title=title,
        author=(metadata.author or "").strip() or None,
        site_name=(metadata.site_name or "").strip() or None,
        text=text,
        language=language,
        published_at=published,
        date_source=source,
    )
    return CleanedPage(article, None)


FAST_PASS_MIN_CHARS = 1000
"""A fast extraction at least this long is kept; a shorter one (or none) is redone with the fallbacks.

trafilatura's full pass also runs readability and jusText on every page and compares their text with its
own; that comparison rescues pages where the main extraction finds little, and costs about a fifth of the
cleaning time on every other page. On the 181-page extraction benchmark, fast first with this threshold
scores a token F1 of 0.965 against 0.962 for the full pass on every page, at 21.0 against 23.1 ms a page;
fast alone (0.963) loses one article there and two of the 62 Chinese news pages (docs/benchmarks.md).
"""


def _extract(tree: HtmlElement, url: str | None) -> Document | None:
    """trafilatura's extraction of the parsed page: fast first, the full pass when that finds little.

    Both passes work on copies of ``tree`` (trafilatura copies before it prunes), so the second one reads
    the page as the first did.
    """
    options: dict[str, Any] = {
        "url": url,
        "with_metadata": False,
        "include_comments": False,
        "include_tables": True,
        "config": _trafilatura_config(),
    }
    fast = trafilatura.bare_extraction(tree, fast=True, **options)
    if isinstance(fast, Document) and len(fast.text or "") >= FAST_PASS_MIN_CHARS:
        return fast
    full = trafilatura.bare_extraction(tree, **options)
    return full if isinstance(full, Document) else None


@functools.cache
def _trafilatura_config() -> ConfigParser:
    """trafilatura's defaults, except the size under which it distrusts its own extraction.

    NOTE: below MIN_EXTRACTED_SIZE (250 characters) trafilatura falls back to a baseline that joins all
    paragraphs into one line, or takes the navigation with it; short news items (a two-sentence customs
    flash, a one-sentence 快讯 of 25 characters) then lose their boundaries or gain a menu. Whether the
    text is an article is decided afterwards (`substance.verdict`), in words and CJK characters.
    """
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "25")
    return config


def _clean_title(title: str | None) -> str | None:
    return " ".join(title.split()) if title and title.strip() else None


def _strip_boilerplate(text: str, title: str | None) -> str:
    """Drop boilerplate lines and a leading repeat of the title; collapse blank lines."""
    lines = [line.strip() for line in text.splitlines()]
    kept = [
        line
        for line in lines
        if line and not (len(line) <= _MAX_BOILERPLATE_LINE and any(p.fullmatch(line) for p in _BOILERPLATE))
    ]
    if kept and title and " ".join(kept[0].split()) == title:
        kept = kept[1:]
    return "\n".join(kept)


def _language(text: str) -> str | None:
    """py3langid's ISO 639-1 code for the text ("zh", "en", ...), None for empty text."""
    if not text.strip():
        return None
    return classify_language(text[:5000])


def _page_url(tree: HtmlElement, fetched: str) -> str:
    """rel=canonical, else og:url, else the fetched URL; canonical form.

    A canonical that points at the site's root while the page is deeper is a template mistake (one URL for
    every article) and is ignored.
    """
    candidates = tree.xpath(
        "//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', 'canonical')), ' '),"
        " ' canonical ')]/@href"
        " | //meta[translate(@property, 'OGURL', 'ogurl')='og:url']/@content"
    )
    fetched_path = urlsplit(fetched).path.strip("/")
    for href in candidates:
        resolved = urljoin(fetched, str(href).strip())
        if not is_http_url(resolved):
            continue
        if fetched_path and not urlsplit(resolved).path.strip("/"):
            continue
        return canonical_url(resolved)
    return canonical_url(fetched)


def _metadata_date(tree: HtmlElement) -> str | None:
    """The publication date the page's markup declares (meta tags, JSON-LD, <time>), via htmldate.

    No URL is given (the URL is separate evidence) and no free-text search is made (a footer's
    "Copyright 1995" is no publication date). The date bounds are explicit so that htmldate never consults
    the system clock; future dates are rejected by `_pick_date` against the run's clock instead.
    """
    return htmldate.find_date(
        tree,
        extensive_search=False,
        original_date=True,
        outputformat="%Y-%m-%dT%H:%M:%S%z",
        url=None,
        min_date=datetime(_MIN_YEAR, 1, 1),
        max_date=datetime(2100, 1, 1),
    )


def _page_date(value: str | None) -> _DateCandidate | None:
    """trafilatura/htmldate's date ("%Y-%m-%dT%H:%M:%S%z"); without an offset only its day counts."""
    if not value:
        return None
    try:
        parsed = datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
        return _DateCandidate("page", parsed.astimezone(UTC), precise=True)
    except ValueError:
        pass
    try:
        day = datetime.strptime(value[:10], "%Y-%m-%d")
    except ValueError:
        return None
    return _DateCandidate("page", day.replace(tzinfo=UTC), precise=False)


def _pick_date(
    *, page: _DateCandidate | None, feed: datetime | None, from_url: date | None, now: datetime
) -> tuple[datetime | None, DateSource | None]:
    """Triangulate the publication time from the page, the feed and the URL.

    1. Candidates after `now` (plus 10 minutes of clock skew; 14 hours for a day-only value, which may be
       "tomorrow" east of UTC) or before 1995 are rejected.
    2. Preference: the page's own metadata, then the feed's date, then the URL's date. The page knows its
       article best; feeds may carry re-publication or "seen" times (Google News, GDELT).
    3. A date in the URL is set when the article is published and never changes, so a page or feed date
       more than a day away from it is passed over (htmldate may have caught an update or a sidebar date).
    4. When the chosen page date has no time zone (only its day is sure) and the feed's timestamp falls
       within a day of it, the feed's timestamp is used, since it has an exact time.
    """
    candidates = []
    if page is not None:
        candidates.append(page)
    if feed is not None:
        aware = feed if feed.tzinfo is not None else feed.replace(tzinfo=UTC)
        candidates.append(_DateCandidate("feed", aware.astimezone(UTC), precise=True))
    if from_url is not None:
        candidates.append(
            _DateCandidate("url", datetime(*from_url.timetuple()[:3], tzinfo=UTC), precise=False)
        )
    now = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    plausible = [c for c in candidates if _plausible(c, now)]
    url_day = next((c.value for c in plausible if c.source == "url"), None)
    for candidate in plausible:
        if url_day is not None and candidate.source != "url" and not _near(candidate.value, url_day):
            continue
        if candidate.source == "page" and not candidate.precise:
            feed_candidate = next((c for c in plausible if c.source == "feed"), None)
            if feed_candidate is not None and _near(feed_candidate.value, candidate.value):
                return feed_candidate.value, "feed"
        return candidate.value, candidate.source
    return None, None


def _near(first: datetime, second: datetime) -> bool:
    """Whether two UTC instants fall on calendar days at most one apart (time zones shift the day by one)."""
    return abs((first.date() - second.date()).days) <= 1


def _plausible(candidate: _DateCandidate, now: datetime) -> bool:
    limit = now + (_CLOCK_SKEW if candidate.precise else _DAY_AHEAD)
    return candidate.value.year >= _MIN_YEAR and candidate.value <= limit
