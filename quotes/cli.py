"""Command line: ``quotes extract``, ``quotes sentences``, ``quotes ingest``, ``quotes export``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

from quotes.extract import extract_text
from quotes.model import Quote


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if not path or path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        yield fh


def quote_record(q: Quote, paragraph_text: str) -> dict[str, Any]:
    """The fields written per quote by ``quotes extract`` (and ``quotes export``)."""
    rec = q.to_dict()
    rec["id"] = q.id
    rec["paragraph_text"] = paragraph_text
    return rec


def _csv_value(v: Any) -> Any:
    from quotes.store import safe_cell

    if isinstance(v, list | dict):
        v = json.dumps(v, ensure_ascii=False)
    return safe_cell(v) if isinstance(v, str) else v


def _extract(args: argparse.Namespace) -> int:
    from quotes.pipeline import process

    failed = 0
    with _output(args.output) as out:
        writer = None
        for item in process(args.paths):
            if isinstance(item, Exception):
                print(f"quotes: {item}", file=sys.stderr)
                failed += 1
                continue
            article, quotes = item
            for q in quotes:
                rec = quote_record(q, article.paragraphs[q.paragraph])
                if args.format == "csv":
                    if writer is None:
                        writer = csv.DictWriter(out, fieldnames=list(rec))
                        writer.writeheader()
                    writer.writerow({k: _csv_value(v) for k, v in rec.items()})
                else:
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 1 if failed and args.strict else 0


def _sentences(args: argparse.Namespace) -> int:
    with open(args.input, encoding="utf-8") as fh, _output(args.output) as out:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text, rid = rec["text"], rec["id"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                print(f"quotes: {args.input}:{n}: skipped: {exc!r}", file=sys.stderr)
                continue
            quotes = [{"content": q.text, "speaker": q.mention, "type": q.kind} for q in extract_text(text)]
            out.write(json.dumps({"id": rid, "quotes": quotes}, ensure_ascii=False) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="quotes", description="Who said what, in which outlet, and when.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="articles (.txt .html .jsonl .csv, folders, -) → one record per quote")
    e.add_argument("paths", nargs="+")
    e.add_argument("-o", "--output")
    e.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    e.add_argument("--strict", action="store_true", help="exit 1 when a file or line failed")
    e.set_defaults(func=_extract)
    s = sub.add_parser("sentences", help="one-sentence articles from JSONL (id, text) → eval predictions")
    s.add_argument("input")
    s.add_argument("-o", "--output")
    s.set_defaults(func=_sentences)
    _add_store_commands(sub)
    return p


def _add_store_commands(sub: Any) -> None:
    from quotes import ingest, store

    i = sub.add_parser("ingest", help="process articles into the Parquet store (idempotent, multi-core)")
    ingest.add_ingest_args(i)
    i.set_defaults(func=ingest.run_ingest)
    x = sub.add_parser("export", help="the filtered quotes of the store as CSV, Parquet or JSONL")
    store.add_export_args(x)
    x.set_defaults(func=store.run_export)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)
