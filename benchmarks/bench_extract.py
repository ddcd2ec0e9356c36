"""Speed of the extractor alone: sentences/s and MB/s on the shared dev set and on a corpus made
by repeating it to at least 20 MB, with the peak RSS. Prints figures; asserts nothing.

    python benchmarks/bench_extract.py [--gold ../shared/eval/ud_fr_quotes.dev.jsonl] [--mb 20]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from quotes.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(texts: list[str], label: str) -> None:
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    n_quotes = sum(len(extract_text(t)) for t in texts)
    dt = time.perf_counter() - t0
    print(f"{label:>28}: {len(texts):>8} sentences {size / 1e6:7.2f} MB in {dt:6.2f} s  "
          f"{len(texts) / dt:9.0f} sentences/s  {size / 1e6 / dt:6.2f} MB/s  {n_quotes} quotes  peak RSS {_rss_mb():.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "eval" / "ud_fr_quotes.dev.jsonl"))
    ap.add_argument("--mb", type=float, default=20.0)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.gold, encoding="utf-8")]
    extract_text(texts[0])  # load the lexicon once before timing
    run(texts, "dev set")
    size = sum(len(t.encode("utf-8")) for t in texts)
    reps = max(1, int(args.mb * 1e6 / size) + 1)
    run(texts * reps, f"dev set x{reps} (streamed)")


if __name__ == "__main__":
    main()
