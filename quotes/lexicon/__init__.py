"""Language knowledge as data: plain text files, one entry a line, ``#`` comments.

Each file is read once (``functools.cache``) and handed to the modules that compile it.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """The non-empty, comment-stripped lines of ``quotes/lexicon/<name>``."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of a one-word-a-line list, lower-cased."""
    return frozenset(line.lower() for line in lines(name))


def table(name: str, min_columns: int = 1) -> list[list[str]]:
    """The whitespace-separated columns of each line; a line with fewer columns is an error."""
    rows = []
    for line in lines(name):
        cols = line.split()
        if len(cols) < min_columns:
            raise ValueError(f"quotes/lexicon/{name}: {line!r} has fewer than {min_columns} columns")
        rows.append(cols)
    return rows


def pairs(name: str, sep: str = "=") -> list[tuple[str, list[str]]]:
    """Lines ``canonical = alias | alias …`` as (canonical, aliases)."""
    out = []
    for line in lines(name):
        head, _, rest = line.partition(sep)
        aliases = [a.strip() for a in rest.split("|") if a.strip()]
        out.append((head.strip(), aliases))
    return out
