"""Builders for the feeds and pages the flow tests serve from LocalSite."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape as xml_escape

from gdwatch.flows.demo.site import DemoArticle, render_article

# A closing paragraph without figures: real news items are longer than one sentence, and the cleaner
# rightly refuses pages with too little text (list pages, error pages).
FILLER = {
    "en": "The figures were released at a press conference held by the provincial government, "
    "where officials also outlined measures to help manufacturers find new buyers overseas.",
    "zh": "省政府新闻办举行新闻发布会，有关负责人介绍了支持企业开拓海外市场的相关举措。",
}


def page(
    path: str,
    title: str,
    *paragraphs: str,
    published: str = "2026-01-20T09:00:00",
    lang: str = "en",
    encoding: str = "utf-8",
) -> DemoArticle:
    return DemoArticle(
        path=path,
        feed=lang,
        title=title,
        published=datetime.fromisoformat(published).replace(tzinfo=UTC),
        paragraphs=(*paragraphs, FILLER[lang]),
        lang=lang,
        encoding=encoding,
    )


def html(article: DemoArticle, base_url: str) -> bytes:
    return render_article(article, base_url)


@dataclass(frozen=True)
class Item:
    link: str
    guid: str
    title: str = "item"
    published: str = "2026-01-20T09:00:00"


def rss(items: list[Item], *, title: str = "Test feed") -> bytes:
    body = "\n".join(
        f"<item><title>{xml_escape(i.title)}</title><link>{xml_escape(i.link)}</link>"
        f'<guid isPermaLink="false">{xml_escape(i.guid)}</guid>'
        f"<pubDate>{format_datetime(datetime.fromisoformat(i.published).replace(tzinfo=UTC))}</pubDate></item>"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.invalid/</link><description>d</description>{body}</channel></rss>"
    ).encode()


def serve_articles(site, articles: list[DemoArticle], feed_path: str = "/feed.xml", **feed_kwargs) -> str:
    """Serve the pages and an RSS feed listing them; returns the feed URL."""
    for article in articles:
        charset = "gbk" if article.encoding == "gbk" else "utf-8"
        site.add(article.path, html(article, site.base_url), content_type=f"text/html; charset={charset}")
    items = [
        Item(
            link=site.url(a.path),
            guid=a.path,
            title=a.title,
            published=a.published.replace(tzinfo=None).isoformat(),
        )
        for a in articles
    ]
    site.add(feed_path, rss(items), content_type="application/rss+xml", **feed_kwargs)
    return site.url(feed_path)
