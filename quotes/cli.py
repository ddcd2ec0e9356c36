"""Command line: ``quotes extract``, ``quotes sentences`` (and later ingest, export)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from quotes.extract import extract_text


def _sentences(args: argparse.Namespace) -> int:
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    with open(args.input, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text, rid = rec["text"], rec["id"]
            except (json.JSONDecodeError, KeyError) as exc:
                print(f"{args.input}:{n}: skipped: {exc}", file=sys.stderr)
                continue
            quotes = [{"content": q.text, "speaker": q.mention, "type": q.kind} for q in extract_text(text)]
            out.write(json.dumps({"id": rid, "quotes": quotes}, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="quotes", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sentences", help="one-sentence articles from JSONL (id, text) → eval predictions")
    s.add_argument("input")
    s.add_argument("-o", "--output")
    s.set_defaults(func=_sentences)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
