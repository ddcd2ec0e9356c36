"""Whole-article speed on one core, from .txt files: read → meta → clean → extract → resolve →
score, against the extractor alone, and what stance and framing add. Prints figures only.

    python benchmarks/bench_articles.py [--copies 40]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from quotes import clean, extract, meta, speakers, stance
from quotes.pipeline import content_hash
from quotes.read import read_paths

ROOT = Path(__file__).resolve().parents[1]


def _timed(fns, articles, runs: int = 5) -> list[float]:  # noqa: ANN001
    """For each of ``fns``, the best of ``runs`` passes over ``articles``, the passes of the
    functions interleaved (a, b, c, a, b, c …) so that a slow spell of the machine weighs on all
    of them alike and the ratios between them hold."""
    best = [float("inf")] * len(fns)
    for _ in range(runs):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            for a in articles:
                fn(a)
            best[k] = min(best[k], time.perf_counter() - t0)
    return best


def _upto_resolve(a):  # noqa: ANN001, ANN202
    a = clean.clean_article(meta.fill(replace(a, content_hash=content_hash(a))))
    return a, speakers.resolve(a, extract.extract_article(a))


def _full(a):  # noqa: ANN001, ANN202
    a, qs = _upto_resolve(a)
    return stance.score(a, qs)


def _extract_only(a):  # noqa: ANN001, ANN202
    return [extract.extract_text(p) for p in a.paragraphs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "data" / "articles" / "txt")])
    args = ap.parse_args()
    base = [a for a in read_paths(args.paths) if not isinstance(a, Exception)]
    t0 = time.perf_counter()  # a second read, libraries loaded: the cost of reading per article
    for _ in range(5):
        list(read_paths(args.paths))
    read_s = (time.perf_counter() - t0) / max(5 * len(base), 1)
    articles = [replace(a, id=f"{a.id}-{i}") for i in range(args.copies) for a in base]
    mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    for a in base:  # load lexicons and dateparser's French data: one-time costs of a process
        _full(a)
    t_extract, t_resolve, t_full = _timed([_extract_only, _upto_resolve, _full], articles)
    t_full += read_s * len(articles)
    print(f"{len(articles)} articles, {mb:.2f} MB of text, one core")
    print(f"  extractor alone            {mb / t_extract:6.2f} MB/s")
    print(f"  read+meta+clean+extract+resolve {mb / (t_resolve + read_s * len(articles)):6.2f} MB/s "
          f"(ratio to extractor alone {t_extract / (t_resolve + read_s * len(articles)):.2f})")
    print(f"  end to end with stance     {mb / t_full:6.2f} MB/s")
    print(f"  stance and framing add     {100 * (t_full - t_resolve - read_s * len(articles)) / (t_resolve + read_s * len(articles)):5.1f} % "
          "to end-to-end time (floor: <= 30 %)")


if __name__ == "__main__":
    main()
