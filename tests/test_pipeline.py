"""The stages composed: a batch taken stage by stage gives what one article at a time gives, and
the streaming ``process`` keeps read errors in their place."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.pipeline import process, process_article, process_batch
from quotes.read import ReadError, read_paths
from tests.conftest import DATA

ARTICLE = "Titre {n}\n\nLa ministre Claire Dombas{n} a affirmé que la coopération avec Kertavi restait « essentielle »."


@pytest.fixture(scope="module")
def sample() -> list:
    return [a for a in read_paths([str(DATA / "articles")]) if not isinstance(a, ReadError)][:120]


def test_a_batch_gives_what_one_article_at_a_time_gives(sample: list) -> None:
    one_by_one = [process_article(a) for a in sample]
    assert process_batch(sample) == one_by_one
    assert sum(len(qs) for _, qs in one_by_one) > 100  # the sample has quotes to compare


def test_unscored_batch_leaves_stance_and_frame_out(sample: list) -> None:
    pairs = process_batch(sample[:10], scored=False)
    quotes = [q for _, qs in pairs for q in qs]
    assert quotes and all(q.stance == [] and q.targets == [] for q in quotes)
    scored = [q for _, qs in process_batch(sample[:10]) for q in qs]
    assert [q.text for q in quotes] == [q.text for q in scored] and any(q.stance for q in scored)


@pytest.mark.parametrize("batch", [1, 2, 3, 32])
def test_process_keeps_read_errors_in_their_place(tmp_path: Path, batch: int) -> None:
    names = ["a1.txt", "a2.txt", "bad.txt", "a3.txt", "a4.txt", "a5.txt"]
    for i, name in enumerate(names):
        data = b"" if name == "bad.txt" else ARTICLE.format(n=i).encode()
        (tmp_path / name).write_bytes(data)
    read = [Path(x.source).name for x in read_paths([str(tmp_path)])]
    out = list(process([str(tmp_path)], batch=batch))
    assert [Path(x.source).name if isinstance(x, ReadError) else Path(x[0].source).name for x in out] == read
    assert sorted(read) == sorted(names)
    assert [str(x) for x in out if isinstance(x, ReadError)] == [f"{tmp_path / 'bad.txt'}: empty file"]
    assert all(qs for x in out if not isinstance(x, ReadError) for qs in [x[1]])
