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
    names = ["a1.txt", "a2.txt", "a3-empty.txt", "a4.txt", "a5.txt", "a6.txt"]  # read in this order
    for i, name in enumerate(names):
        data = b"" if "empty" in name else ARTICLE.format(n=i).encode()
        (tmp_path / name).write_bytes(data)
    assert [Path(x.source).name for x in read_paths([str(tmp_path)])] == names
    out = list(process([str(tmp_path)], batch=batch))
    assert [Path(x.source).name if isinstance(x, ReadError) else Path(x[0].source).name for x in out] == names
    assert isinstance(out[2], ReadError) and str(out[2]) == f"{tmp_path / 'a3-empty.txt'}: empty file"
    assert all(x[1] for x in out if not isinstance(x, ReadError))  # every article has its quote
