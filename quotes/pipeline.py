"""The stages composed: read → meta → clean → extract → resolve → score.

The CLI, the ingest and the dashboard only call this module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from quotes.model import Article, Quote

BATCH = 32  # articles the CLI takes stage by stage (process_batch)


def content_hash(article: Article) -> str:
    """A stable key of what an article says (title and paragraphs as read), independent of its path."""
    h = hashlib.blake2b(digest_size=16)
    h.update(article.title.encode("utf-8"))
    for p in article.paragraphs:
        h.update(b"\x00")
        h.update(p.encode("utf-8"))
    return h.hexdigest()


def process_batch(articles: Sequence[Article], scored: bool = True) -> list[tuple[Article, list[Quote]]]:
    """Raw articles → each cleaned article (metadata filled) and its attributed quotes, one stage
    over the whole batch before the next: the same results as one article at a time, but each
    stage's code and lexicons stay in the CPU caches, which makes the whole 10-20 % faster
    (benchmarks/bench_articles.py). ``scored=False`` leaves stance and frame out (the benchmark's
    baseline)."""
    from quotes import clean, extract, meta, speakers, stance

    keys = [a.content_hash or content_hash(a) for a in articles]  # of the text as read: known before any work
    filled = [meta.fill(a) for a in articles]
    cleaned = [replace(clean.clean_article(a), content_hash=k) for a, k in zip(filled, keys, strict=True)]
    found = [extract.extract_article(a) for a in cleaned]
    resolved = [speakers.resolve(a, qs) for a, qs in zip(cleaned, found, strict=True)]
    if not scored:
        return list(zip(cleaned, resolved, strict=True))
    return [(a, stance.score(a, qs)) for a, qs in zip(cleaned, resolved, strict=True)]


def process_article(article: Article) -> tuple[Article, list[Quote]]:
    """One raw article → the cleaned article (metadata filled) and its attributed quotes."""
    return process_batch([article])[0]


def warm_up() -> None:
    """Load every stage's lexicons and compiled patterns (cached on first use) by processing one
    short article, so that forked workers inherit them instead of each loading its own."""
    process_article(Article(id="warm-up", source="warm-up", title="", paragraphs=[
        "« Nous voulons le dialogue », a déclaré le ministre, qui a ajouté que la coopération restait possible."]))


def process(paths: Iterable[str], batch: int = BATCH) -> Iterator[tuple[Article, list[Quote]] | Exception]:
    """Every article under ``paths`` processed, or the error of what could not be read, in the
    order read; ``batch`` articles at a time (``process_batch``)."""
    from quotes.read import read_paths

    pending: list[Article | Exception] = []
    for item in read_paths(paths):
        pending.append(item)
        if len(pending) >= batch:
            yield from _flush(pending)
            pending = []
    yield from _flush(pending)


def _flush(items: list[Article | Exception]) -> Iterator[tuple[Article, list[Quote]] | Exception]:
    """``items`` with each article replaced by its processed pair, errors in their place."""
    done = iter(process_batch([a for a in items if isinstance(a, Article)]))
    for item in items:
        yield next(done) if isinstance(item, Article) else item
