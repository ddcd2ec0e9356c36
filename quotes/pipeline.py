"""The stages composed: read → meta → clean → extract → resolve → score.

The CLI, the ingest and the dashboard only call this module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace

from quotes.model import Article, Quote


def content_hash(article: Article) -> str:
    """A stable key of what an article says (title and paragraphs as read), independent of its path."""
    h = hashlib.blake2b(digest_size=16)
    h.update(article.title.encode("utf-8"))
    for p in article.paragraphs:
        h.update(b"\x00")
        h.update(p.encode("utf-8"))
    return h.hexdigest()


def process_article(article: Article) -> tuple[Article, list[Quote]]:
    """One raw article → the cleaned article (metadata filled) and its attributed quotes."""
    from quotes import clean, extract, meta, speakers, stance

    key = article.content_hash or content_hash(article)  # of the text as read: known before any work
    article = meta.fill(article)
    article = clean.clean_article(article)
    article = replace(article, content_hash=key)
    quotes = extract.extract_article(article)
    quotes = speakers.resolve(article, quotes)
    quotes = stance.score(article, quotes)
    return article, quotes


def warm_up() -> None:
    """Load every stage's lexicons and compiled patterns (cached on first use) by processing one
    short article, so that forked workers inherit them instead of each loading its own."""
    process_article(Article(id="warm-up", source="warm-up", title="", paragraphs=[
        "« Nous voulons le dialogue », a déclaré le ministre, qui a ajouté que la coopération restait possible."]))


def process(paths: Iterable[str]) -> Iterator[tuple[Article, list[Quote]] | Exception]:
    """Every article under ``paths`` processed, or the error of what could not be read."""
    from quotes.read import ReadError, read_paths

    for item in read_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        yield process_article(item)
