"""Ingest speed, scaling and memory, and the dashboard's queries on a large store. Prints figures.

    python benchmarks/bench_ingest.py --n 2000              # corpus of N articles varied from data/
    python benchmarks/bench_ingest.py --n 100000 --skip-one # the floor run (all cores only)
    python benchmarks/bench_ingest.py --queries 1000000     # query times on a synthetic store of 1M quotes
    python benchmarks/bench_ingest.py --n 100000 --skip-one --unscored  # also without stance and frame

``--unscored`` runs the all-cores ingest a second time without stance and frame: the stages issue
5's speed floor names (read, clean, extract, resolve, write), and what stance adds to the ingest.

It times the ``quotes`` it imports, and says which build that is: the floor figures are those of the
compiled build (``QUOTES_COMPILE=1 pip install .``, see setup.py), from a folder where ``quotes/``
is not the current directory.

The corpus is made by varying the sample articles (numbers and names changed, paragraphs
shuffled) so that every article has its own content hash; it is written as JSONL files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from quotes import store as st
from quotes.ingest import ingest
from quotes.pipeline import warm_up
from quotes.read import read_paths

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(folder: Path, n: int, per_file: int = 1000) -> float:
    """N varied articles as JSONL files; returns the MB of text."""
    base = [a for a in read_paths([str(ROOT / "data" / "articles")]) if not isinstance(a, Exception)]
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    size, out = 0, None
    for i in range(n):
        if i % per_file == 0:
            out = open(folder / f"part-{i // per_file:05d}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        a = base[i % len(base)]
        paras = list(a.paragraphs)
        head, body = paras[:1], paras[1:]
        rng.shuffle(body)
        text = "\n\n".join(head + body + [f"Dépêche n° {i}, mise à jour {rng.randint(1, 9999)}."])
        rec = {"id": f"b{i}", "title": f"{a.title} ({i})", "text": text, "outlet": a.outlet,
               "published": a.published, "url": a.url}
        size += len(text.encode("utf-8"))
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if i % per_file == per_file - 1 or i == n - 1:
            out.close()
    return size / 1e6


def _build() -> str:
    """Which build of quotes runs: the mypyc one (``QUOTES_COMPILE=1``, setup.py) or pure Python."""
    from quotes import extract

    return f"{'compiled (mypyc)' if extract.__file__.endswith(('.so', '.pyd')) else 'pure Python'} build at {Path(extract.__file__).parent}"


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_ingest(corpus: Path, store: Path, jobs: int, n: int, mb: float, scored: bool = True) -> float:
    shutil.rmtree(store, ignore_errors=True)
    t0 = time.perf_counter()
    report = ingest([str(corpus)], store, jobs=jobs, progress=False, scored=scored)
    dt_s = time.perf_counter() - t0
    print(f"  --jobs {jobs}{'' if scored else ', unscored'}: {report}; {dt_s:7.1f} s  {n / dt_s:7.0f} articles/s  {mb / dt_s:5.2f} MB/s "
          f"({mb / dt_s / jobs:4.2f} MB/s per core)  peak RSS {_peak_rss_mb():.0f} MB")
    return dt_s


def synthetic_store(store: Path, n_quotes: int) -> None:
    """A store of ``n_quotes`` quote rows with realistic spreads (200 speakers, 12 outlets, 2 years)."""
    rng = random.Random(1)
    speakers = [f"Personne {i}" for i in range(200)]
    weights = [1 / (i + 1) for i in range(200)]
    outlets = [f"Outlet {i}" for i in range(12)]
    st.init(store)
    per_batch = 100_000
    for b in range(0, n_quotes, per_batch):
        rows, targets, arts = [], [], []
        for i in range(b, min(b + per_batch, n_quotes)):
            h = f"h{i // 8}"
            if i % 8 == 0:
                day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
                outlet = rng.choice(outlets)
                arts.append({"batch": f"s{b}", "content_hash": h, "article_id": h, "source": f"{h}.txt",
                             "outlet": outlet, "published": day, "title": f"Titre {h}", "url": None,
                             "paragraphs": ["Un paragraphe."] * 8})
            qid = f"{h}:{i % 8}:0"
            stance = [{"target": rng.choice(["OTAN", "Russie", "dialogue"]), "label": rng.choice(["favorable", "opposed", "neutral"]), "score": rng.uniform(-1, 1), "cues": []}]
            rows.append({"quote_id": qid, "batch": f"s{b}", "content_hash": h, "article_id": h, "source": f"{h}.txt",
                         "paragraph": i % 8, "start": 0, "end": 10, "kind": rng.choice(["direct", "indirect", "mixed"]),
                         "text": f"Citation numéro {i} sur la {rng.choice(['sécurité', 'paix', 'coopération', 'défense'])}", "cue": "déclaré", "cue_lemma": "déclarer",
                         "cue_class": "speech", "mention": None, "mention_start": -1, "mention_end": -1,
                         "speaker": rng.choices(speakers, weights)[0], "speaker_resolved": True, "outlet": outlet,
                         "published": day, "title": "", "cue_start": 0, "cue_end": 1, "part": 0,
                         "targets": [stance[0]["target"]], "stance": json.dumps(stance),
                         "frame": rng.choice(["neutral", "assertive", "emphatic", "distancing", "accusatory"]),
                         "stance_keys": [f"{stance[0]['target']}:{stance[0]['label']}"],
                         "stance_scores": [stance[0]["score"]]})
            targets.append({"quote_id": qid, "batch": f"s{b}", "content_hash": h, **stance[0]})
        name = f"batch-s{b}.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=st.QUOTE_SCHEMA), store / "quotes" / name)
        pq.write_table(pa.Table.from_pylist(targets, schema=st.TARGET_SCHEMA), store / "targets" / name)
        pq.write_table(pa.Table.from_pylist(arts, schema=st.ARTICLE_SCHEMA), store / "articles" / name)


def time_queries(store: Path) -> None:
    con = st.connect(store)
    opts = st.options(con)
    top = opts["speakers"][0] if opts["speakers"] else "x"
    f_all, f_some = st.Filters(), st.Filters(speakers=[top], outlets=opts["outlets"][:3], since=opts["since"])
    f_target = st.Filters(targets=["OTAN"], stances=["opposed"], text="sécurité")
    queries = {
        "options": lambda: st.options(con),
        "count_summary (all)": lambda: st.count_summary(con, f_all),
        "count_summary (filtered)": lambda: st.count_summary(con, f_some),
        "quotes page (filtered)": lambda: st.quotes(con, f_some, limit=200),
        "quotes page (target+stance+text)": lambda: st.quotes(con, f_target, limit=200),
        "speaker_counts": lambda: st.speaker_counts(con, f_all),
        "speaker_outlet_counts": lambda: st.speaker_outlet_counts(con, f_all),
        "day_outlet_counts": lambda: st.day_outlet_counts(con, f_all),
        "kind_outlet_counts": lambda: st.kind_outlet_counts(con, f_all),
        "frame_outlet_counts": lambda: st.frame_outlet_counts(con, f_all),
        "stance_by_outlet_target": lambda: st.stance_by_outlet_target(con, f_all),
        "speaker_quotes": lambda: st.speaker_quotes(con, top, f_all),
    }
    n = st.count_summary(con, f_all)["quotes"]
    print(f"queries on a store of {n:,} quotes (best of 3, floor: < 300 ms each)")
    for name, q in queries.items():
        best = min(_timed(q) for _ in range(3))
        print(f"  {name:<34} {best * 1000:7.1f} ms {'ok' if best < 0.3 else 'SLOW'}")


def _timed(fn) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--queries", type=int, default=1_000_000, help="quotes in the synthetic store (0: skip)")
    ap.add_argument("--skip-one", action="store_true", help="skip the --jobs 1 run")
    ap.add_argument("--unscored", action="store_true", help="also ingest without stance and frame (all cores)")
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="quotes-bench-"))
    if args.n:
        mb = build_corpus(work / "corpus", args.n)
        cores = os.cpu_count() or 1
        print(f"ingest of {args.n} articles, {mb:.1f} MB of text, on {cores} cores; {_build()}")
        warm_up()  # every lexicon loaded before the first timed run, as before the others
        one = None if args.skip_one else run_ingest(work / "corpus", work / "store1", 1, args.n, mb)
        many = run_ingest(work / "corpus", work / "store", cores, args.n, mb)
        if one:
            print(f"  speed-up of --jobs {cores} over --jobs 1: {one / many:.2f}x (floor: 1.6x)")
        if args.unscored:
            bare = run_ingest(work / "corpus", work / "store_unscored", cores, args.n, mb, scored=False)
            print(f"  stance and framing add {100 * (many - bare) / bare:.1f} % to the ingest's time")
            shutil.rmtree(work / "store_unscored")
        before = st.export_frame(st.connect(work / "store"), st.Filters())
        again = ingest([str(work / "corpus")], work / "store", progress=False)
        after = st.export_frame(st.connect(work / "store"), st.Filters())
        same = before.sort_values("id").reset_index(drop=True).equals(after.sort_values("id").reset_index(drop=True))
        print(f"  re-ingest: {again}; same set of quotes: {same}")
        time_queries(work / "store")
    if args.queries:
        synthetic_store(work / "big", args.queries)
        time_queries(work / "big")
    print(f"(work folder: {work})")


if __name__ == "__main__":
    main()
