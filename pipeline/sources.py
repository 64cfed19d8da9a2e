"""Which sources a command reads: the enabled ones, ad-hoc feed URLs, or the archive sources of a backfill.

Checked before any flow starts, so a bad name or URL is a usage error (exit 2), not a failed run.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import Config
from gdwatch.config.models import SourceDefinition


def select_sources(config: Config, feeds: list[str] | None) -> list[SourceDefinition]:
    """The enabled sources, or ad-hoc rss sources for the given feed URLs (`gdwatch run --feed URL`)."""
    if not feeds:
        sources = list(config.sources.enabled())
        if not sources:
            raise ConfigError(str(config.directory / "sources.toml"), "sources", "no enabled source")
        return sources
    selected = []
    for url in feeds:
        known = [s for s in config.sources.sources if str(s.url) == url]
        if known:
            selected.append(known[0])
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError("--feed", url, "not an http(s) URL")
        name = "adhoc-" + "".join(
            c if c.isalnum() else "-" for c in (parts.netloc + parts.path).lower()
        ).strip("-")
        selected.append(
            SourceDefinition.model_validate({"name": name[:80], "kind": "rss", "url": url, "language": "any"})
        )
    return selected


def archive_sources(config: Config, names: Sequence[str] | None) -> list[SourceDefinition]:
    """The sources a backfill may read: the named ones (which must keep an archive) or all archive sources."""
    path = str(config.directory / "sources.toml")
    if names:
        selected = []
        for name in names:
            try:
                source = config.sources.by_name(name)
            except KeyError:
                known = ", ".join(s.name for s in config.sources.sources)
                raise ConfigError(path, f"--source {name}", f"no such source (known: {known})") from None
            if not source.archive or source.kind not in ("sitemap", "gdelt"):
                raise ConfigError(
                    path, f"sources[{name}]", "not an archive source (sitemap or gdelt with archive = true)"
                )
            selected.append(source)
        return selected
    return [s for s in config.sources.enabled() if s.archive and s.kind in ("sitemap", "gdelt")]
