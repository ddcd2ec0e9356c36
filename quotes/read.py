"""Readers: one per input kind, all yielding ``Article``s one at a time (never the whole corpus).

``.txt`` (first non-empty line = title), folders (recursive, sorted, stable ids), ``.html``/``.htm``
through trafilatura, ``.jsonl`` and ``.csv`` corpora (column ``text`` plus any of ``title``,
``url``, ``outlet``, ``published``, ``id``), and ``-`` for standard input. What cannot be read
becomes a ``ReadError`` naming the file (and line); the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotes.clean import split_paragraphs
from quotes.model import Article

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
COLUMNS = ("text", "title", "url", "outlet", "published", "id")


@dataclass
class ReadError(Exception):
    """A file, or one line of it, that could not be read."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


def _id(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def decode(data: bytes, source: str) -> str:
    """UTF-8 (BOM stripped), else the encoding charset-normalizer finds; binary is an error."""
    if not data.strip():
        raise ReadError(source, None, "empty file")
    if data[:2] == b"\x1f\x8b":
        raise ReadError(source, None, "gzip-compressed file: decompress it first")
    if b"\x00" in data[:4096]:
        raise ReadError(source, None, "binary or unreadable file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.end == len(data):
            # a UTF-8 file cut inside its last character (a truncated download): keep what is whole
            return data[: err.start].decode("utf-8-sig")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(source, None, "binary or unreadable file (no text encoding fits)")
    return str(best)


def _article(text: str, source: str, art_id: str, title: str | None = None, **meta: str | None) -> Article:
    paragraphs = split_paragraphs(text)
    if title is None:
        title, paragraphs = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
    return Article(id=art_id, source=source, title=title.strip(), paragraphs=paragraphs,
                   outlet=meta.get("outlet") or None, published=meta.get("published") or None,
                   url=meta.get("url") or None)


def read_txt(data: bytes, source: str, key: str) -> Iterator[Article | ReadError]:
    text = decode(data, source)
    art = _article(text, source, _id(key))
    if not art.paragraphs:
        raise ReadError(source, None, "no article text after the title")
    yield art


def read_html(data: bytes, source: str, key: str) -> Iterator[Article | ReadError]:
    import trafilatura

    doc = trafilatura.bare_extraction(decode(data, source), with_metadata=True, include_comments=False,
                                      favor_precision=True)
    if doc is None:
        raise ReadError(source, None, "no article text found in the page")
    get = doc.get if isinstance(doc, dict) else (lambda k, d=None: getattr(doc, k, d))
    text = get("text") or ""
    if len(text.split()) < 8:  # a menu or a button left: no article
        raise ReadError(source, None, "no article text found in the page")
    yield _article(text, source, _id(key), title=get("title") or "", outlet=get("sitename"),
                   published=get("date"), url=get("url"))


def _record(rec: object, source: str, line: int, key: str) -> Article:
    if not isinstance(rec, dict):
        raise ReadError(source, line, "not a JSON object")
    if not isinstance(rec.get("text"), str) or not rec["text"].strip():
        missing = "missing column 'text'" if "text" not in rec else "empty 'text'"
        raise ReadError(source, line, missing)
    meta = {k: str(rec[k]) for k in ("outlet", "published", "url") if rec.get(k) not in (None, "")}
    art_id = str(rec.get("id") or _id(key, str(line)))
    title = str(rec["title"]) if rec.get("title") else None
    return _article(rec["text"], f"{source}#{line}", art_id, title=title, **meta)


def read_jsonl(data: bytes, source: str, key: str) -> Iterator[Article | ReadError]:
    text = decode(data, source)
    for n, line in enumerate(io.StringIO(text), 1):
        if not line.strip():
            continue
        try:
            yield _record(json.loads(line), source, n, key)
        except json.JSONDecodeError as exc:
            yield ReadError(source, n, f"not JSON: {exc.msg}")
        except ReadError as err:
            yield err


def read_csv(data: bytes, source: str, key: str) -> Iterator[Article | ReadError]:
    csv.field_size_limit(64 * 1024 * 1024)
    reader = csv.DictReader(io.StringIO(decode(data, source), newline=""))
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        cols = ", ".join(reader.fieldnames or [])
        raise ReadError(source, 1, f"missing column 'text' (columns: {cols})")
    try:
        for row in reader:
            try:
                yield _record(row, source, reader.line_num, key)
            except ReadError as err:
                yield err
    except csv.Error as exc:
        yield ReadError(source, reader.line_num, f"malformed CSV: {exc}")


READERS = {".txt": read_txt, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl, ".csv": read_csv}


def read_bytes(data: bytes, name: str, key: str | None = None) -> Iterator[Article | ReadError]:
    """Articles from the bytes of one file; ``name`` is a label (its suffix picks the reader),
    never opened as a path."""
    reader = READERS.get(Path(name).suffix.lower())
    if reader is None:
        yield ReadError(name, None, f"unsupported file type (expected one of {', '.join(SUFFIXES)})")
        return
    try:
        yield from reader(data, name, key or name)
    except ReadError as err:
        yield err
    except Exception as exc:  # a reader library failing on odd input: reported, never fatal
        yield ReadError(name, None, f"{type(exc).__name__}: {exc}")


def read_file(path: Path, source: str, key: str | None = None) -> Iterator[Article | ReadError]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(source, None, exc.strerror or str(exc))
        return
    yield from read_bytes(data, source, key or source)


def _files(root: Path) -> Iterator[Path]:
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if p.is_file() and p.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in rel.parts):
            yield p


def read_paths(paths: Iterable[str]) -> Iterator[Article | ReadError]:
    """Every article under ``paths`` (files, folders, ``-``), in a stable order."""
    for given in paths:
        if given == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "stdin.txt", "-")
            continue
        path = Path(given)
        if path.is_dir():
            for f in _files(path):
                rel = f.relative_to(path).as_posix()
                yield from read_file(f, f"{given.rstrip('/')}/{rel}", key=rel)
        elif path.exists() and path.suffix.lower() not in SUFFIXES:
            yield ReadError(given, None, f"unsupported file type (expected one of {', '.join(SUFFIXES)})")
        else:
            yield from read_file(path, given, key=path.name)
