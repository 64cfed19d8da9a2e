"""The bundled demo site: English and Chinese news pages with real-world style figures, feeds, a sitemap.

The site has two days. Day 2 corrects one article (a revision) and adds a wire report whose trade total
contradicts day 1 (a conflict), so a demo run shows every stage of the pipeline. All text is written
for gdwatch; figures are realistic in shape, not official statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape

from gdwatch.flows.demo.server import Route


@dataclass(frozen=True)
class DemoArticle:
    path: str
    feed: str  # "en" or "zh": which feed lists it
    title: str
    published: datetime
    paragraphs: tuple[str, ...]
    lang: str = "en"
    encoding: str = "utf-8"
    caption: str = ""


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


TRADE_RECORD = DemoArticle(
    path="/en/2026/01/20/guangdong-foreign-trade-record.html",
    feed="en",
    title="Guangdong's foreign trade hits record high in 2025",
    published=_at("2026-01-20T09:30:00"),
    caption="Containers at Nansha port in Guangzhou. PROVIDED TO CHINA DAILY",
    paragraphs=(
        "GUANGZHOU — Guangdong's foreign trade reached a record RMB9.1 trillion in 2025, up 4.4 percent "
        "year-on-year, the provincial customs authority said on Jan. 19.",
        "Exports rose 6.1 percent to 5.9 trillion yuan ($830 billion), while imports grew 1.2 percent to "
        "3.2 trillion yuan.",
        "Trade with ASEAN, the province's largest trading partner, reached 1.4 trillion yuan. More than "
        "60,000 firms had import and export records last year.",
        "The province now has nine trillion-yuan industrial clusters, and officials aim to lift foreign "
        "trade above 9.5 trillion yuan by the end of 2026.",
    ),
)

ROBOTS = DemoArticle(
    path="/en/2026/02/03/guangdong-robot-output.html",
    feed="en",
    title="Guangdong robot makers ride the automation wave",
    published=_at("2026-02-03T08:00:00"),
    caption="A robotic arm at a factory in Foshan. PROVIDED TO CHINA DAILY",
    paragraphs=(
        "Industrial robot output in Guangdong rose 31.2 percent year-on-year in the first three quarters "
        "of 2025, according to the provincial bureau of statistics.",
        "The province accounted for 36.6 percent of national industrial robot output, and service robot "
        "output grew 28.5 percent over the same period.",
        "Shenzhen alone is home to about 1,200 robotics firms, local officials said.",
    ),
)

ROBOTS_CORRECTED = replace(
    ROBOTS,
    published=_at("2026-02-04T10:00:00"),
    paragraphs=(
        ROBOTS.paragraphs[0],
        ROBOTS.paragraphs[1].replace("36.6 percent", "36.9 percent"),
        ROBOTS.paragraphs[2],
        "Correction: an earlier version of this story misstated Guangdong's share of national output.",
    ),
)

CANTON_FAIR = DemoArticle(
    path="/en/2026/04/20/canton-fair-opens.html",
    feed="en",
    title="139th Canton Fair opens with record exhibitors",
    published=_at("2026-04-20T07:15:00"),
    caption="Visitors at the fair's Phase 1 hall on April 15. PROVIDED TO CHINA DAILY",
    paragraphs=(
        "The 139th China Import and Export Fair, known as the Canton Fair, opened in Guangzhou on April 15 "
        "with more than 31,000 exhibitors, organisers said.",
        "Shenzhen's exports grew 5.2 percent in the first quarter of 2026, while the city's trade with the "
        "European Union rose 3.8 percent.",
        "Scan the QR code to download the app and follow the fair live.",
    ),
)

WIRE_CONFLICT = DemoArticle(
    path="/en/2026/01/22/guangdong-trade-wire.html",
    feed="en",
    title="Guangdong trade tops 9 trillion yuan, wire report says",
    published=_at("2026-01-22T12:00:00"),
    paragraphs=(
        "SHENZHEN — Guangdong's foreign trade reached RMB9.4 trillion in 2025, a wire report said on "
        "Thursday, citing preliminary figures.",
        "Exports were 5.9 trillion yuan, the report said.",
    ),
)

OFF_TOPIC = DemoArticle(
    path="/en/2026/03/01/paris-fashion-week.html",
    feed="en",
    title="Paris fashion week draws record crowds",
    published=_at("2026-03-01T18:00:00"),
    paragraphs=(
        "PARIS — More than 5,000 buyers attended the autumn shows this year, organisers said.",
        "Ticket sales rose 12 percent compared with last season.",
    ),
)

ZH_TRADE_GBK = DemoArticle(
    path="/zh/2026/01/21/waimao.html",
    feed="zh",
    title="2025年广东外贸进出口总值创新高",
    published=_at("2026-01-21T02:00:00"),
    lang="zh",
    encoding="gbk",
    paragraphs=(
        "据海关统计，2025年广东外贸进出口总值9.1万亿元，同比增长4.4%。",
        "其中，出口5.9万亿元，增长6.1%；进口3.2万亿元，增长1.2%。",
        "同期，广东对东盟进出口1.4万亿元，有进出口实绩的企业超过6万家。",
    ),
)

ZH_INDUSTRY = DemoArticle(
    path="/zh/2026/02/10/zhizao.html",
    feed="zh",
    title="广东制造业高质量发展成效显著",
    published=_at("2026-02-10T03:00:00"),
    lang="zh",
    paragraphs=(
        "2025年，广东规模以上工业增加值增长4.5%，先进制造业增加值占规模以上工业增加值比重达56.2%，"
        "高技术制造业增加值占比为29.8%。",
        "全省研发经费投入超过5000亿元，研发投入强度约3.6%。",
        "目前，广东已培育万亿元级产业集群9个，专精特新“小巨人”企业逾1500家。",
        "到2027年，广东力争培育万亿元级产业集群10个。",
    ),
)

DAY1 = (TRADE_RECORD, ROBOTS, CANTON_FAIR, OFF_TOPIC, ZH_TRADE_GBK, ZH_INDUSTRY)
DAY2 = (TRADE_RECORD, ROBOTS_CORRECTED, CANTON_FAIR, OFF_TOPIC, WIRE_CONFLICT, ZH_TRADE_GBK, ZH_INDUSTRY)


def render_article(article: DemoArticle, base_url: str) -> bytes:
    """A news page with the usual furniture around the article: navigation, caption, app promo, footer."""
    url = base_url + article.path
    charset = "gbk" if article.encoding == "gbk" else "utf-8"
    body = "\n".join(f"      <p>{escape(p)}</p>" for p in article.paragraphs)
    caption = (
        f"<figure><figcaption>{escape(article.caption)}</figcaption></figure>" if article.caption else ""
    )
    site = "Demo Daily" if article.lang == "en" else "示例日报"
    html = f"""<!DOCTYPE html>
<html lang="{article.lang}">
<head>
  <meta charset="{charset}">
  <title>{escape(article.title)} - {site}</title>
  <link rel="canonical" href="{url}">
  <meta property="og:url" content="{url}">
  <meta property="og:site_name" content="{site}">
  <meta property="article:published_time" content="{article.published.isoformat()}">
  <meta name="author" content="Demo Desk">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/business">Business</a> | <a href="/world">World</a></nav>
  <main>
    <article>
      <h1>{escape(article.title)}</h1>
      <p class="byline">By Demo Desk | Updated: {article.published:%Y-%m-%d %H:%M}</p>
      {caption}
{body}
    </article>
  </main>
  <aside>Most popular: <a href="/a">Five things to know</a> <a href="/b">Top 10 destinations</a></aside>
  <footer>Copyright 1995-2026. All rights reserved. Tel: 86-10-6499-5000</footer>
</body>
</html>
"""
    return html.encode(article.encoding)


def render_rss(articles: tuple[DemoArticle, ...], base_url: str, title: str) -> bytes:
    items = "\n".join(
        f"""    <item>
      <title>{xml_escape(a.title)}</title>
      <link>{base_url}{a.path}?utm_source=rss&amp;utm_medium=feed</link>
      <guid isPermaLink="false">{a.path}</guid>
      <pubDate>{format_datetime(a.published)}</pubDate>
    </item>"""
        for a in articles
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>{xml_escape(title)}</title>
    <link>{base_url}/</link>
    <description>Demo feed for gdwatch</description>
{items}
  </channel>
</rss>
""".encode()


def render_sitemap(articles: tuple[DemoArticle, ...], base_url: str) -> bytes:
    urls = "\n".join(
        f"""  <url>
    <loc>{base_url}{a.path}</loc>
    <lastmod>{a.published.isoformat()}</lastmod>
    <news:news><news:publication_date>{a.published.isoformat()}</news:publication_date>
      <news:title>{xml_escape(a.title)}</news:title></news:news>
  </url>"""
        for a in articles
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{urls}
</urlset>
""".encode()


def build_site(base_url: str, day: int = 1) -> dict[str, Route]:
    """Every route of the demo site on `day` (1 or 2), with absolute links under `base_url`."""
    articles = DAY1 if day == 1 else DAY2
    routes: dict[str, Route] = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n")}
    for article in articles:
        charset = "gbk" if article.encoding == "gbk" else "utf-8"
        routes[article.path] = (f"text/html; charset={charset}", render_article(article, base_url))
    routes["/en/rss.xml"] = (
        "application/rss+xml",
        render_rss(tuple(a for a in articles if a.feed == "en"), base_url, "Demo Daily — Business"),
    )
    routes["/zh/rss.xml"] = (
        "application/rss+xml",
        render_rss(tuple(a for a in articles if a.feed == "zh"), base_url, "示例日报 — 经济"),
    )
    routes["/sitemap-news.xml"] = ("application/xml", render_sitemap(articles, base_url))
    return routes


def demo_config(base_url: str) -> dict[str, str]:
    """The demo's config directory files (sources point at the local site; no politeness delay needed)."""
    sources = f"""[[sources]]
name = "demo-en"
kind = "rss"
url = "{base_url}/en/rss.xml"
language = "en"

[[sources]]
name = "demo-zh"
kind = "rss"
url = "{base_url}/zh/rss.xml"
language = "zh"

[[sources]]
name = "demo-sitemap"
kind = "sitemap"
url = "{base_url}/sitemap-news.xml"
language = "any"
archive = true
enabled = false
"""
    return {"sources.toml": sources}
