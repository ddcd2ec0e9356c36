"""Ingest: articles → the Parquet store, idempotent, streaming, multi-core, or on Dask.

An article is keyed by the hash of its text as read: one already stored is skipped (unchanged),
one whose source is stored with another hash replaces it (replaced), the rest are new. Articles
are read lazily and processed in batches; each batch is written as soon as it is done (see
``store.write_batch``), so memory does not grow with the corpus and a killed run loses at most the
batches in flight. A lock file makes concurrent ingests into one store wait for each other.
"""

from __future__ import annotations

import argparse
import fcntl
import gc
import multiprocessing.connection
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from quotes import store as st
from quotes.model import Article
from quotes.pipeline import content_hash, process_batch, warm_up
from quotes.read import ReadError, read_paths


@dataclass
class IngestReport:
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.new} new, {self.replaced} replaced, {self.unchanged} unchanged, {self.failed} failed"


@contextmanager
def locked(store: Path) -> Iterator[None]:
    """One writer at a time: a second ingest waits for the first (and says so)."""
    store.mkdir(parents=True, exist_ok=True)
    with open(store / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"quotes ingest: another ingest is writing to {store}; waiting for it", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def _triage(items: Iterable[Article | ReadError], known: dict[str, str], report: IngestReport,
            on_error: Callable[[str], None]) -> Iterator[tuple[Article, str | None]]:
    """New or edited articles, each with the hash it supersedes; errors and unchanged counted."""
    seen = set(known.values())
    for item in items:
        if isinstance(item, ReadError):
            report.failed += 1
            report.errors.append(str(item))
            on_error(str(item))
            continue
        key = content_hash(item)
        if key in seen:
            report.unchanged += 1
            continue
        seen.add(key)
        old = known.get(item.source)
        report.replaced += old is not None
        report.new += old is None
        yield replace(item, content_hash=key), old


def _batches(it: Iterable[tuple[Article, str | None]], size: int) -> Iterator[list[tuple[Article, str | None]]]:
    it = iter(it)
    while batch := list(islice(it, size)):
        yield batch


def _end_with_parent() -> None:
    """Pool worker initializer: the worker exits as soon as the ingest that started it is gone. A
    ``kill -9`` of the ingest would otherwise leave its forked workers waiting for work for ever,
    holding the store's lock (its file descriptor is inherited with the fork), and every later
    ingest into the store would wait for them."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


# The young generation's threshold while articles are processed (Python's default is 700): the
# pipeline allocates many short-lived objects and almost no cycles, and a collection every 700
# allocations cost the workers about a tenth of their time (benchmarks/bench_ingest.py).
YOUNG_THRESHOLD = 50_000


@contextmanager
def long_lived_frozen() -> Iterator[None]:
    """The lexicons loaded (``warm_up``) and moved out of the collector's sight (``gc.freeze``): a
    collection no longer walks them, and workers forked from here share them untouched (the
    recipe of the ``gc.freeze`` documentation). The collector's settings are restored after."""
    warm_up()
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _process_chunk(articles: list[Article], scored: bool = True) -> st.Tables:
    return st.tables(process_batch(articles, scored))


def _write(store: Path, batch: list[tuple[Article, str | None]], parts: list[st.Tables]) -> None:
    superseded = [(old, art.source) for art, old in batch if old]
    st.write_tables(store, parts, superseded)


def _run_local(store: Path, batches: Iterable[list[tuple[Article, str | None]]], jobs: int, progress: Callable[[int], None],
               scored: bool = True) -> None:
    """Batches processed by a pool of ``jobs`` processes, two batches in flight, written in order."""
    batches = iter(batches)
    first = next(batches, None)  # nothing new (a re-ingest): no warm-up
    if first is not None:
        with long_lived_frozen():
            _run_pool(store, chain([first], batches), jobs, progress, scored)


def _run_pool(store: Path, batches: Iterable[list[tuple[Article, str | None]]], jobs: int, progress: Callable[[int], None],
              scored: bool) -> None:
    if jobs <= 1:
        for batch in batches:
            _write(store, batch, [_process_chunk([a for a, _ in batch], scored)])
            progress(len(batch))
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent) as pool:
        pending: deque[tuple[list[tuple[Article, str | None]], list[Future[st.Tables]]]] = deque()
        for batch in batches:
            chunk = max(1, len(batch) // (jobs * 4))
            arts = [a for a, _ in batch]
            pending.append((batch, [pool.submit(_process_chunk, arts[i : i + chunk], scored) for i in range(0, len(arts), chunk)]))
            while len(pending) > 2:
                _drain(store, pending.popleft(), progress)
        while pending:
            _drain(store, pending.popleft(), progress)


def _drain(store: Path, item: tuple[list[tuple[Article, str | None]], list[Future[st.Tables]]], progress: Callable[[int], None]) -> None:
    batch, futures = item
    _write(store, batch, [f.result() for f in futures])
    progress(len(batch))


def ingest(paths: Iterable[str], store: Path | str | None = None, jobs: int | None = None, engine: str = "local",
           scheduler: str | None = None, batch_size: int = 256, progress: bool | None = None,
           on_error: Callable[[str], None] | None = None, items: Iterable[Article | ReadError] | None = None,
           scored: bool = True) -> IngestReport:
    """Process the articles under ``paths`` (or the given ``items``) into ``store``.

    ``scored=False`` leaves stance and frame out (``pipeline.process_batch``): the stages issue 5's
    speed floor names, which ``benchmarks/bench_ingest.py --unscored`` times. Not for a store the
    dashboard reads: its articles count as ingested and are not scored by a later run."""
    store = Path(store) if store else st.default_store()
    jobs = jobs or os.cpu_count() or 1
    report = IngestReport()
    on_error = on_error or (lambda msg: print(f"quotes: {msg}", file=sys.stderr))
    with locked(store):
        st.init(store)
        known = st.known_articles(st.connect(store))
        todo = _triage(items if items is not None else read_paths(paths), known, report, on_error)
        bar = _progress_bar(progress)
        if engine == "dask":
            from quotes.scale import run_dask

            run_dask(store, _batches(todo, batch_size), jobs, scheduler, bar.update, scored=scored)
        else:
            _run_local(store, _batches(todo, batch_size), jobs, bar.update, scored)
        bar.close()
    return report


def _progress_bar(enabled: bool | None):  # noqa: ANN202 - tqdm's type
    from tqdm import tqdm

    show = sys.stderr.isatty() if enabled is None else enabled
    return tqdm(desc="articles", unit=" art", disable=not show, file=sys.stderr, smoothing=0.1)


def add_ingest_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="files or folders (.txt .html .jsonl .csv), or -")
    p.add_argument("--store", type=Path, default=None, help="store folder (default: $QUOTES_STORE or store/)")
    p.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", default=None, help="an existing Dask scheduler, tcp://host:port")
    p.add_argument("--batch-size", type=int, default=256)


def run_ingest(args: argparse.Namespace) -> int:
    report = ingest(args.paths, args.store, args.jobs, args.engine, args.scheduler, args.batch_size)
    print(f"quotes ingest: {report}", file=sys.stderr)
    return 0
