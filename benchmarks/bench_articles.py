"""Whole-article speed on one core, from .txt files: read → meta → clean → extract → resolve →
score, against the extractor alone, and what stance and framing add. Prints figures only.

The passes run as the ingest runs them (``ingest.long_lived_frozen``: the lexicons frozen out of the
garbage collector's walks, its young generation larger), each pass interleaved with the others.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from quotes import extract, stance
from quotes.ingest import long_lived_frozen
from quotes.pipeline import BATCH, process_article, process_batch
from quotes.read import read_paths

ROOT = Path(__file__).resolve().parents[1]


def _timed(fns, articles, runs: int = 5) -> list[float]:  # noqa: ANN001
    """For each of ``fns``, the best of ``runs`` calls on ``articles``, the calls of the functions
    interleaved (a, b, c, a, b, c …) so that a slow spell of the machine weighs on all of them
    alike and the ratios between them hold."""
    best = [float("inf")] * len(fns)
    for _ in range(runs):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn(articles)
            best[k] = min(best[k], time.perf_counter() - t0)
    return best


def _batches(articles):  # noqa: ANN001, ANN202
    return (articles[i : i + BATCH] for i in range(0, len(articles), BATCH))


def _upto_resolve(articles):  # noqa: ANN001, ANN202
    return [pair for b in _batches(articles) for pair in process_batch(b, scored=False)]


def _full(articles):  # noqa: ANN001, ANN202
    return [pair for b in _batches(articles) for pair in process_batch(b)]


def _one_at_a_time(articles):  # noqa: ANN001, ANN202
    return [process_article(a) for a in articles]


def _extract_only(articles):  # noqa: ANN001, ANN202
    return [extract.extract_text(p) for a in articles for p in a.paragraphs]


def _stance_only(pairs):  # noqa: ANN001, ANN202
    return [stance.score(a, qs) for a, qs in pairs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "data" / "articles" / "txt")])
    args = ap.parse_args()
    base = [a for a in read_paths(args.paths) if not isinstance(a, Exception)]
    t0 = time.perf_counter()  # a second read, libraries loaded: the cost of reading per article
    for _ in range(5):
        list(read_paths(args.paths))
    read_s = (time.perf_counter() - t0) / max(5 * len(base), 1) * len(base) * args.copies
    articles = [replace(a, id=f"{a.id}-{i}") for i in range(args.copies) for a in base]
    mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    _full(base)  # load lexicons and dateparser's French data: one-time costs of a process
    with long_lived_frozen():  # as the ingest runs: lexicons frozen out of the collector's walks
        resolved = _upto_resolve(articles)  # stance alone scores these, interleaved with the other passes
        t_extract, t_resolve, t_full, t_single, t_stance = _timed(
            [_extract_only, _upto_resolve, _full, _one_at_a_time, lambda _: _stance_only(resolved)], articles, args.runs)
    t_resolve, t_full, t_single = t_resolve + read_s, t_full + read_s, t_single + read_s
    print(f"{len(articles)} articles, {mb:.2f} MB of text, one core, stage by stage in batches of {BATCH}")
    print(f"  extractor alone            {mb / t_extract:6.2f} MB/s")
    print(f"  read+meta+clean+extract+resolve {mb / t_resolve:6.2f} MB/s (ratio to extractor alone {t_extract / t_resolve:.2f})")
    print(f"  end to end with stance     {mb / t_full:6.2f} MB/s (one article at a time: {mb / t_single:.2f} MB/s)")
    print(f"  stance and framing add     {100 * (t_full - t_resolve) / t_resolve:5.1f} % to end-to-end time (floor: <= 30 %)")
    print(f"  stance and framing alone   {100 * t_stance / t_resolve:5.1f} % of it, timed on their own")


if __name__ == "__main__":
    main()
