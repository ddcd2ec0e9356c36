"""The store: a Parquet dataset queried with DuckDB.

Layout under the store folder, one Parquet file per ingested batch and table:

    articles/batch-<id>.parquet    the articles of the batch (written last: its presence commits the batch)
    quotes/batch-<id>.parquet      one row per quote (the fields of ``Quote``)
    targets/batch-<id>.parquet     one row per quote × target (label, score, cues): the stance, queryable
    superseded/batch-<id>.parquet  content hashes replaced by this batch (an edited article)

Files are written to a temporary name in the same folder and renamed into place, so a reader (the
dashboard) only ever sees whole files, and the articles file is written after the others: a batch
whose articles file is missing (a run killed midway) is invisible and is done again by the next
run. Batches are the unit of partitioning: a batch holds articles read together, sorted by outlet
and date inside the file so that DuckDB's row-group statistics skip what a filter excludes.

Every dashboard query is a function here, taking ``Filters`` and pushing them down to DuckDB as a
WHERE clause with bound parameters; only small results come back as pandas frames.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from quotes.model import Article, Quote

TABLES = ("articles", "quotes", "targets", "superseded")
EMPTY_FILE = "batch-0-empty.parquet"  # one a table, written by init: every glob has a schema to read

ARTICLE_SCHEMA = pa.schema([
    ("batch", pa.string()), ("content_hash", pa.string()), ("article_id", pa.string()), ("source", pa.string()),
    ("outlet", pa.string()), ("published", pa.date32()), ("title", pa.string()), ("url", pa.string()),
    ("paragraphs", pa.list_(pa.string())),
])
QUOTE_SCHEMA = pa.schema([
    ("quote_id", pa.string()), ("batch", pa.string()), ("content_hash", pa.string()),
    ("article_id", pa.string()), ("source", pa.string()), ("paragraph", pa.int32()), ("start", pa.int32()),
    ("end", pa.int32()), ("kind", pa.string()), ("text", pa.string()), ("cue", pa.string()),
    ("cue_lemma", pa.string()), ("cue_class", pa.string()), ("mention", pa.string()),
    ("mention_start", pa.int32()), ("mention_end", pa.int32()), ("speaker", pa.string()),
    ("speaker_resolved", pa.bool_()), ("outlet", pa.string()), ("published", pa.date32()), ("title", pa.string()),
    ("cue_start", pa.int32()), ("cue_end", pa.int32()), ("part", pa.int32()), ("targets", pa.list_(pa.string())),
    ("stance", pa.string()), ("frame", pa.string()),
    ("stance_keys", pa.list_(pa.string())),  # "target:label" of each stance, filtered without a join
    ("stance_scores", pa.list_(pa.float64())),  # their scores, aggregated without a join
])
TARGET_SCHEMA = pa.schema([
    ("quote_id", pa.string()), ("batch", pa.string()), ("content_hash", pa.string()), ("target", pa.string()),
    ("label", pa.string()), ("score", pa.float64()), ("cues", pa.list_(pa.string())),
])
SUPERSEDED_SCHEMA = pa.schema([("batch", pa.string()), ("content_hash", pa.string()), ("source", pa.string())])
SCHEMAS = {"articles": ARTICLE_SCHEMA, "quotes": QUOTE_SCHEMA, "targets": TARGET_SCHEMA, "superseded": SUPERSEDED_SCHEMA}


def default_store() -> Path:
    """``$QUOTES_STORE`` or ``store/`` beside the package (never a path taken from a web page)."""
    return Path(os.environ.get("QUOTES_STORE") or Path(__file__).resolve().parents[1] / "store")


# ------------------------------------------------------------------------------ writing


def init(store: Path) -> None:
    """The folders, and an empty file per table so that every query has a schema to read."""
    for name, schema in SCHEMAS.items():
        folder = store / name
        folder.mkdir(parents=True, exist_ok=True)
        empty = folder / EMPTY_FILE
        if not empty.exists():
            _write_atomic(pa.Table.from_pylist([], schema=schema), empty)


def _write_atomic(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps with options makes one a call


def quote_row(q: Quote, content_hash: str) -> dict[str, Any]:
    row = q.to_dict()
    row.update(quote_id=f"{content_hash}:{q.paragraph}:{q.start}", content_hash=content_hash,
               published=_date(q.published), stance=_JSON.encode(q.stance),
               stance_keys=[f"{s['target']}:{s['label']}" for s in q.stance],
               stance_scores=[float(s["score"]) for s in q.stance])
    return row


def _rows(results: list[tuple[Article, list[Quote]]]) -> dict[str, list[dict[str, Any]]]:
    """The rows of the three tables, the batch column left out (``_stamped`` fills it)."""
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], "quotes": [], "targets": []}
    for art, quotes in results:  # in any order: _stamped sorts the whole batch
        rows["articles"].append({"content_hash": art.content_hash, "article_id": art.id,
                                 "source": art.source, "outlet": art.outlet, "published": _date(art.published),
                                 "title": art.title, "url": art.url, "paragraphs": art.paragraphs})
        for q in quotes:
            row = quote_row(q, art.content_hash)
            rows["quotes"].append(row)
            rows["targets"] += [{"quote_id": row["quote_id"], "content_hash": art.content_hash,
                                 "target": s["target"], "label": s["label"], "score": float(s["score"]),
                                 "cues": list(s.get("cues", []))} for s in q.stance]
    return rows


Tables = dict[str, pa.Table]  # "articles", "quotes", "targets": one batch's rows, or a part of them


def tables(results: list[tuple[Article, list[Quote]]]) -> Tables:
    """The rows of processed articles as Arrow tables, the batch column left empty. Built where the
    articles were processed (a pool or Dask worker): Arrow tables cross to the writer ten times
    faster than the dataclasses, and the writer of many workers stays idle."""
    rows = _rows(results)
    return {"articles": pa.Table.from_pylist(rows["articles"], schema=ARTICLE_SCHEMA),
            "quotes": pa.Table.from_pylist(rows["quotes"], schema=QUOTE_SCHEMA),
            "targets": pa.Table.from_pylist(rows["targets"], schema=TARGET_SCHEMA)}


_ORDER = [("outlet", "ascending"), ("published", "ascending"), ("content_hash", "ascending")]


def _stamped(parts: list[pa.Table], batch: str) -> pa.Table:
    """Parts of one table as one, sorted by outlet and date (stable: a quote keeps its place in its
    article), the batch column filled."""
    table = pa.concat_tables(parts)
    if "outlet" in table.column_names:
        table = table.take(pc.sort_indices(table, sort_keys=_ORDER))
    return table.set_column(table.schema.get_field_index("batch"), "batch", pa.array([batch] * len(table), pa.string()))


def write_tables(store: Path, parts: list[Tables], superseded: list[tuple[str, str]]) -> str:
    """Write one batch, from the tables of its parts, atomically (the articles file last); returns its id."""
    batch = f"{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%S%f')}-{uuid.uuid4().hex[:8]}"
    name = f"batch-{batch}.parquet"
    for table in ("quotes", "targets"):
        _write_atomic(_stamped([p[table] for p in parts], batch), store / table / name)
    if superseded:
        sup = [{"batch": batch, "content_hash": h, "source": s} for h, s in superseded]
        _write_atomic(pa.Table.from_pylist(sup, schema=SUPERSEDED_SCHEMA), store / "superseded" / name)
    _write_atomic(_stamped([p["articles"] for p in parts], batch), store / "articles" / name)
    return batch


def write_batch(store: Path, results: list[tuple[Article, list[Quote]]], superseded: list[tuple[str, str]]) -> str:
    """Write one batch of processed articles atomically (the articles file last); returns its id."""
    return write_tables(store, [tables(results)], superseded)


# ------------------------------------------------------------------------------ reading


def version(store: Path) -> tuple[int, float]:
    """Changes whenever a batch is committed: the dashboard's cache key."""
    folder = store / "articles"
    if not folder.is_dir():
        return (0, 0.0)
    files = list(folder.glob("*.parquet"))
    return (len(files), max((f.stat().st_mtime for f in files), default=0.0))


def connect(store: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with views over the committed batches of ``store``."""
    store = Path(store) if store else default_store()
    init(store)
    con = duckdb.connect()
    glob = {t: (store / t / "*.parquet").as_posix().replace("'", "''") for t in TABLES}
    # A replacement counts once its batch is committed (a batch cut short by a kill or a full disk
    # hides nothing) and hides only the copies stored before it (an edit reverted shows again): per
    # content hash, the last committed batch that replaced it; a row stays when it is not older.
    # (A hash join on that small table: a correlated NOT EXISTS was four times slower.)
    con.execute(f"CREATE VIEW committed AS SELECT DISTINCT batch FROM read_parquet('{glob['articles']}')")
    con.execute(f"""CREATE VIEW superseded AS SELECT content_hash, max(batch) AS until
                    FROM read_parquet('{glob['superseded']}') WHERE batch IN (SELECT batch FROM committed)
                    GROUP BY content_hash""")
    # A store where no article was ever replaced needs no join (the views are made again with each
    # connection, and the dashboard connects anew whenever a batch is committed: store.version).
    replaced = any(p.name != EMPTY_FILE for p in (store / "superseded").glob("*.parquet"))
    join = "LEFT JOIN superseded s ON s.content_hash = r.content_hash" if replaced else ""
    kept = "(s.until IS NULL OR r.batch >= s.until)" if replaced else "TRUE"
    con.execute(f"CREATE VIEW articles AS SELECT r.* FROM read_parquet('{glob['articles']}') r {join} WHERE {kept}")
    for t in ("quotes", "targets"):
        con.execute(f"""CREATE VIEW {t} AS SELECT r.* FROM read_parquet('{glob[t]}') r {join}
                        WHERE r.batch IN (SELECT batch FROM committed) AND {kept}""")
    # the stance rows as stored, for joins with the (already filtered) quotes view
    con.execute(f"CREATE VIEW stance_rows AS SELECT quote_id, target, label, score, cues FROM read_parquet('{glob['targets']}')")
    return con


def known_articles(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """source → content hash of every article in the store (what an ingest compares against)."""
    return dict(con.execute("SELECT source, content_hash FROM articles").fetchall())


# ------------------------------------------------------------------------------ queries


@dataclass
class Filters:
    speakers: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None
    kinds: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    frames: list[str] = field(default_factory=list)
    text: str | None = None


def where(f: Filters, alias: str = "q") -> tuple[str, list[Any]]:
    """The WHERE clause of ``f`` over the quotes view, with its parameters (never formatted in)."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    for column, values in (("speaker", f.speakers), ("outlet", f.outlets), ("kind", f.kinds), ("frame", f.frames)):
        if values:
            clauses.append(f"{alias}.{column} IN ({', '.join('?' * len(values))})")
            params += list(values)
    if f.since:
        clauses.append(f"{alias}.published >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"{alias}.published <= ?")
        params.append(f.until)
    if f.text:
        clauses.append(f"{alias}.text ILIKE ?")
        params.append(f"%{f.text}%")
    if f.targets and f.stances:  # a stance toward one of the targets: "target:label" keys
        clauses.append(f"list_has_any({alias}.stance_keys, ?)")
        params.append([f"{t}:{lab}" for t in f.targets for lab in f.stances])
    elif f.targets:
        clauses.append(f"list_has_any({alias}.targets, ?)")
        params.append(list(f.targets))
    elif f.stances:
        clauses.append(f"list_has_any(list_transform({alias}.stance_keys, k -> split_part(k, ':', 2)), ?)")
        params.append(list(f.stances))
    return " AND ".join(clauses), params


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> pd.DataFrame:
    return con.execute(sql, params).df()


QUOTE_COLUMNS = ("quote_id, content_hash, article_id, source, outlet, published, title, speaker, speaker_resolved, "
                 "mention, kind, cue, cue_lemma, cue_class, frame, text, paragraph, start, \"end\", targets, stance")


def quotes(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = 500, offset: int = 0) -> pd.DataFrame:
    w, p = where(f)
    return _df(con, f"SELECT {QUOTE_COLUMNS} FROM quotes q WHERE {w} ORDER BY published DESC NULLS LAST, quote_id "
                    "LIMIT ? OFFSET ?", [*p, limit, offset])


def count_summary(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, int]:
    """Articles, quotes, speakers and outlets under the filters. Articles are all the stored
    articles of the outlets and dates chosen, or, once a filter bears on quotes, those quoted."""
    w, p = where(f)
    row = con.execute(f"SELECT count(DISTINCT content_hash), count(*), count(DISTINCT speaker), count(DISTINCT outlet) "
                      f"FROM quotes q WHERE {w}", p).fetchone() or (0, 0, 0, 0)
    counts = dict(zip(("articles", "quotes", "speakers", "outlets"), (int(x) for x in row), strict=True))
    if not (f.speakers or f.kinds or f.targets or f.stances or f.frames or f.text):
        aw, ap = where(Filters(outlets=f.outlets, since=f.since, until=f.until), alias="a")
        counts["articles"] = int((con.execute(f"SELECT count(*) FROM articles a WHERE {aw}", ap).fetchone() or (0,))[0])
    return counts


def speaker_counts(con: duckdb.DuckDBPyConnection, f: Filters, limit: int = 50) -> pd.DataFrame:
    w, p = where(f)
    return _df(con, f"SELECT speaker, count(*) AS quotes FROM quotes q WHERE {w} AND speaker IS NOT NULL "
                    "GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT ?", [*p, limit])


def speaker_outlet_counts(con: duckdb.DuckDBPyConnection, f: Filters, top: int = 15) -> pd.DataFrame:
    """Quotes per speaker × outlet, for the ``top`` most quoted speakers."""
    w, p = where(f)
    return _df(con, f"""WITH f AS (SELECT speaker, outlet FROM quotes q WHERE {w} AND speaker IS NOT NULL),
        top AS (SELECT speaker FROM f GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT ?)
        SELECT speaker, coalesce(outlet, '(unknown)') AS outlet, count(*) AS quotes FROM f
        WHERE speaker IN (SELECT speaker FROM top) GROUP BY ALL ORDER BY quotes DESC, speaker, outlet""", [*p, top])


def day_outlet_counts(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    w, p = where(f)
    return _df(con, f"SELECT published AS day, coalesce(outlet, '(unknown)') AS outlet, count(*) AS quotes "
                    f"FROM quotes q WHERE {w} AND published IS NOT NULL GROUP BY ALL ORDER BY day, outlet", p)


def kind_outlet_counts(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    w, p = where(f)
    return _df(con, f"""SELECT coalesce(outlet, '(unknown)') AS outlet, kind, count(*) AS quotes,
        count(*) / sum(count(*)) OVER (PARTITION BY coalesce(outlet, '(unknown)')) AS share
        FROM quotes q WHERE {w} GROUP BY 1, 2 ORDER BY outlet, kind""", p)


def frame_outlet_counts(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    w, p = where(f)
    return _df(con, f"""SELECT coalesce(outlet, '(unknown)') AS outlet, coalesce(frame, 'neutral') AS frame,
        count(*) AS quotes, count(*) / sum(count(*)) OVER (PARTITION BY coalesce(outlet, '(unknown)')) AS share
        FROM quotes q WHERE {w} GROUP BY 1, 2 ORDER BY outlet, quotes DESC""", p)


def stance_by_outlet_target(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Mean stance score and label counts per outlet × target (the stance lists unnested, no join)."""
    w, p = where(f)
    return _df(con, f"""WITH s AS (SELECT coalesce(outlet, '(unknown)') AS outlet, unnest(stance_keys) AS k,
            unnest(stance_scores) AS score FROM quotes q WHERE {w})
        SELECT outlet, split_part(k, ':', 1) AS target, avg(score) AS mean_score, count(*) AS quotes,
        count(*) FILTER (WHERE split_part(k, ':', 2) = 'favorable') AS favorable,
        count(*) FILTER (WHERE split_part(k, ':', 2) = 'opposed') AS opposed,
        count(*) FILTER (WHERE split_part(k, ':', 2) = 'neutral') AS neutral
        FROM s GROUP BY 1, 2 ORDER BY outlet, target""", p)


def speaker_quotes(con: duckdb.DuckDBPyConnection, speaker: str, f: Filters, limit: int = 500) -> pd.DataFrame:
    """One speaker's quotes across outlets (the other filters still apply)."""
    g = Filters(**{**f.__dict__, "speakers": [speaker]})
    return quotes(con, g, limit=limit)


def paragraph(con: duckdb.DuckDBPyConnection, content_hash: str, index: int) -> str | None:
    row = con.execute("SELECT paragraphs[?] FROM articles WHERE content_hash = ? LIMIT 1",
                      [index + 1, content_hash]).fetchone()
    return row[0] if row else None


def article(con: duckdb.DuckDBPyConnection, content_hash: str) -> dict[str, Any] | None:
    cur = con.execute("SELECT content_hash, article_id, source, outlet, published, title, url FROM articles "
                      "WHERE content_hash = ? LIMIT 1", [content_hash])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def options(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the filter widgets offer: speakers by number of quotes, outlets, kinds, targets, frames, dates.
    One grouped scan of the quotes (the store's files are opened once, not once per widget)."""
    groups = con.execute("SELECT speaker, outlet, kind, frame, count(*), min(published), max(published) "
                         "FROM quotes GROUP BY ALL").fetchall()
    per_speaker: dict[str, int] = {}
    for speaker, *_, n, _, _ in groups:
        if speaker is not None:
            per_speaker[speaker] = per_speaker.get(speaker, 0) + n
    firsts = [g[5] for g in groups if g[5] is not None]
    lasts = [g[6] for g in groups if g[6] is not None]
    targets = [r[0] for r in con.execute("SELECT DISTINCT target FROM stance_rows ORDER BY 1").fetchall()]
    return {"speakers": sorted(per_speaker, key=lambda sp: (-per_speaker[sp], sp)),
            "outlets": _distinct(g[1] for g in groups), "kinds": _distinct(g[2] for g in groups),
            "targets": targets, "frames": _distinct(g[3] for g in groups),
            "since": min(firsts, default=None), "until": max(lasts, default=None)}


def _distinct(values: Iterable[str | None]) -> list[str]:
    return sorted({v for v in values if v is not None})


# ------------------------------------------------------------------------------ export


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix with ')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_frame(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """The filtered quotes with the fields of ``quotes extract`` (and the paragraph text)."""
    w, p = where(f)
    cols = ", ".join(f'q."{c}"' for c in QUOTE_SCHEMA.names if c not in ("batch", "quote_id", "stance_keys", "stance_scores"))
    df = _df(con, f"""SELECT q.quote_id AS id, {cols}, a.paragraphs[q.paragraph + 1] AS paragraph_text
        FROM quotes q JOIN articles a USING (content_hash) WHERE {w} ORDER BY q.published, q.quote_id""", p)
    df["stance"] = df["stance"].map(json.loads)
    df["published"] = df["published"].map(lambda d: d.isoformat() if pd.notna(d) else None)
    return df


def write_export(df: pd.DataFrame, out: Any, fmt: str) -> None:
    if fmt == "parquet":
        df.to_parquet(out, index=False)
    elif fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in df.to_dict("records"))
        out.write(text.encode("utf-8") if "b" in getattr(out, "mode", "") else text)
    else:
        safe = df.map(lambda v: safe_cell(json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v))
        safe.to_csv(out, index=False)


def add_export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, default=None, help="store folder (default: $QUOTES_STORE or store/)")
    p.add_argument("-o", "--output", default="-")
    p.add_argument("--format", choices=("csv", "parquet", "jsonl"), default="csv")
    p.add_argument("--speaker", action="append", default=[])
    p.add_argument("--outlet", action="append", default=[])
    p.add_argument("--kind", action="append", default=[])
    p.add_argument("--target", action="append", default=[])
    p.add_argument("--since", type=dt.date.fromisoformat)
    p.add_argument("--until", type=dt.date.fromisoformat)


def run_export(args: argparse.Namespace) -> int:
    f = Filters(speakers=args.speaker, outlets=args.outlet, kinds=args.kind, targets=args.target,
                since=args.since, until=args.until)
    df = export_frame(connect(args.store), f)
    if args.output == "-":
        if args.format == "parquet":
            print("quotes export: Parquet needs -o FILE", file=sys.stderr)
            return 2
        write_export(df, sys.stdout, args.format)
    else:
        with open(args.output, "wb" if args.format == "parquet" else "w", encoding=None if args.format == "parquet" else "utf-8", newline=None if args.format == "parquet" else "") as fh:
            write_export(df, fh, args.format)
    print(f"quotes export: {len(df)} quotes", file=sys.stderr)
    return 0
