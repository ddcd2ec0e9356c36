"""Golden files: the expected quotes of whole articles (speaker, outlet, date), reviewed by hand.

One file per article under ``tests/golden/``; a failure prints a unified diff. After a deliberate
change, ``QUOTES_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` rewrites them, and every rewritten
file is read again by a person before it is committed: a golden file copied from the output
without that reading is not a test.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from quotes.model import Article, Quote
from quotes.pipeline import process
from tests.conftest import DATA, ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("QUOTES_UPDATE_GOLDEN") == "1"


def render(article: Article, quotes: list[Quote], words: bool = True) -> str:
    """One line a quote: paragraph, kind, speaker, mention, cue and its words (``words``: an
    excerpt; else only the offsets, for the shared seeds, whose text the project does not copy)."""
    title = article.title if words else f"({len(article.title)} characters)"
    lines = [f"# {title}", f"# outlet: {article.outlet} | published: {article.published}"]
    for q in quotes:
        who = q.speaker if q.speaker_resolved else f"?{q.speaker}"
        if words:
            text = q.text if len(q.text) <= 90 else q.text[:60] + " … " + q.text[-25:]
            lines.append(f"[{q.paragraph}] {q.kind:<8} {who} <- {q.mention!r} ({q.cue}): {text}")
        else:
            lines.append(f"[{q.paragraph}] {q.kind:<8} {who} <- {q.mention!r} ({q.cue_lemma}): {q.start}-{q.end}")
    return "\n".join(lines) + "\n"


def _articles(paths: list[Path], words: bool = True) -> dict[str, str]:
    out = {}
    for item in process([str(p) for p in paths]):
        assert not isinstance(item, Exception), str(item)
        article, quotes = item
        out[article.source] = render(article, quotes, words)
    return out


def _golden_name(source: str) -> str:
    name = source.replace(str(ROOT) + os.sep, "").replace(str(SEEDS.parent) + os.sep, "shared/")
    return name.replace("/", "__").replace(":", "_") + ".txt"


def _check(source: str, got: str) -> None:
    path = GOLDEN / _golden_name(source)
    if UPDATE:
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with QUOTES_UPDATE_GOLDEN=1, then read it"
    want = path.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "golden", "now"))
        pytest.fail(f"{path.name} differs:\n{diff}")


SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is absent")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_article(path):
    for source, got in _articles([path], words=False).items():
        _check(source, got)


def _sample_sources() -> list[tuple[str, str]]:
    if not any(DATA.glob("articles/**/*")):
        return []
    cwd = Path.cwd()
    os.chdir(ROOT)  # sources are recorded as given: relative to the repository
    try:
        return sorted(_articles([Path("data/articles")]).items())
    finally:
        os.chdir(cwd)


SAMPLES = _sample_sources()


@pytest.mark.parametrize("source, got", SAMPLES, ids=[s for s, _ in SAMPLES])
def test_sample_article(source, got):
    _check(source, got)
