"""Ingest: idempotent, edits replace, bad files counted, crash-safe, and Dask stores the same."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotes import store as st
from quotes.ingest import YOUNG_THRESHOLD, ingest, long_lived_frozen
from tests.conftest import DATA, ROOT

ARTICLE = "Titre {n}\n\nLe ministre Paul Arnaud{n} a déclaré que la réunion numéro {n} aurait lieu demain.\n\n« Nous serons prêts », a-t-il ajouté."


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(ARTICLE.format(n=i), encoding="utf-8")
    return folder


def _quote_set(store: Path) -> set[tuple]:
    df = st.export_frame(st.connect(store), st.Filters())
    cols = ["id", "source", "paragraph", "start", "end", "kind", "text", "speaker", "outlet", "published", "frame"]
    return {tuple(str(v) for v in row) for row in df[cols].itertuples(index=False)}


def test_reingest_adds_nothing(tmp_path):
    corpus, store = _corpus(tmp_path / "c", 12), tmp_path / "s"
    first = ingest([str(corpus)], store, jobs=1, batch_size=5)
    before = _quote_set(store)
    files = sorted(p.name for p in (store / "quotes").iterdir())
    again = ingest([str(corpus)], store, jobs=2, batch_size=5)
    assert (first.new, first.unchanged) == (12, 0)
    assert (again.new, again.replaced, again.unchanged, again.failed) == (0, 0, 12, 0)
    assert _quote_set(store) == before and len(before) == 24
    assert sorted(p.name for p in (store / "quotes").iterdir()) == files


def test_the_collector_settings_hold_during_the_run_and_are_restored_after():
    import gc

    before = (gc.get_threshold(), gc.get_freeze_count())
    with long_lived_frozen():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert gc.get_freeze_count() > before[1]  # the lexicons, loaded by the warm-up, are frozen
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_edited_article_replaces_its_quotes(tmp_path):
    corpus, store = _corpus(tmp_path / "c", 3), tmp_path / "s"
    ingest([str(corpus)], store, jobs=1)
    (corpus / "a0001.txt").write_text("Titre\n\nLa ministre Jeanne Roux a affirmé que tout était réglé.", encoding="utf-8")
    report = ingest([str(corpus)], store, jobs=1)
    assert (report.new, report.replaced, report.unchanged) == (0, 1, 2)
    speakers = set(st.export_frame(st.connect(store), st.Filters())["speaker"])
    assert "Jeanne Roux" in speakers and "Paul Arnaud1" not in speakers



def test_an_edit_reverted_shows_the_first_version_again(tmp_path):
    corpus, store = _corpus(tmp_path / "c", 2), tmp_path / "s"
    ingest([str(corpus)], store, jobs=1)
    before = _quote_set(store)
    original = (corpus / "a0001.txt").read_text(encoding="utf-8")
    (corpus / "a0001.txt").write_text("Titre\n\nLa ministre Jeanne Roux a affirmé que tout était réglé.", encoding="utf-8")
    ingest([str(corpus)], store, jobs=1)
    (corpus / "a0001.txt").write_text(original, encoding="utf-8")
    report = ingest([str(corpus)], store, jobs=1)
    assert (report.new, report.replaced, report.unchanged) == (0, 1, 1)
    assert _quote_set(store) == before
    assert "Jeanne Roux" not in set(st.export_frame(st.connect(store), st.Filters())["speaker"])

def test_bad_files_are_counted_and_the_rest_lands(tmp_path):
    corpus, store = _corpus(tmp_path / "c", 4), tmp_path / "s"
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "broken.jsonl").write_text('{"text": "Le maire a dit que oui."}\n{broken\n', encoding="utf-8")
    errors: list[str] = []
    report = ingest([str(corpus)], store, jobs=1, on_error=errors.append)
    assert (report.new, report.failed) == (5, 2)
    assert any("empty.txt" in e for e in errors) and any("broken.jsonl:2" in e for e in errors)
    assert st.count_summary(st.connect(store), st.Filters())["articles"] == 5


def test_store_is_readable_while_empty(tmp_path):
    con = st.connect(tmp_path / "new")
    assert st.count_summary(con, st.Filters()) == {"articles": 0, "quotes": 0, "speakers": 0, "outlets": 0}


def test_killed_ingest_leaves_a_readable_store_and_a_rerun_completes(tmp_path):
    corpus, store, reference = _corpus(tmp_path / "c", 400), tmp_path / "s", tmp_path / "ref"
    ingest([str(corpus)], reference, jobs=1, batch_size=10)
    cmd = [sys.executable, "-m", "quotes", "ingest", str(corpus), "--store", str(store), "--jobs", "1", "--batch-size", "10"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and len(list((store / "articles").glob("batch-2*.parquet"))) < 3:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = st.count_summary(st.connect(store), st.Filters())  # readable after kill -9
    assert 0 < partial["articles"] < 400
    report = ingest([str(corpus)], store, jobs=2, batch_size=10)
    assert report.new == 400 - partial["articles"] and report.failed == 0
    assert _quote_set(store) == _quote_set(reference)


@pytest.mark.slow
def test_dask_engine_stores_the_same_quotes(tmp_path):
    local, dask_store = tmp_path / "local", tmp_path / "dask"
    ingest([str(DATA / "articles")], local, jobs=2)
    ingest([str(DATA / "articles")], dask_store, jobs=2, engine="dask", batch_size=8)
    assert _quote_set(dask_store) == _quote_set(local) and len(_quote_set(local)) > 100


def test_unscored_ingest_stores_the_same_quotes_without_stance(tmp_path):
    scored, bare = tmp_path / "scored", tmp_path / "bare"
    ingest([str(DATA / "articles" / "txt")], scored, jobs=2, batch_size=8)
    ingest([str(DATA / "articles" / "txt")], bare, jobs=2, batch_size=8, scored=False)
    full = st.export_frame(st.connect(scored), st.Filters())
    plain = st.export_frame(st.connect(bare), st.Filters())
    cols = ["id", "text", "speaker", "outlet"]
    assert sorted(map(tuple, plain[cols].values.tolist())) == sorted(map(tuple, full[cols].values.tolist()))
    assert full["targets"].map(len).sum() > 50 and full["frame"].notna().all()
    assert plain["targets"].map(len).sum() == 0 and plain["frame"].isna().all()


def test_two_ingests_at_once_serialise_on_the_lock(tmp_path):
    corpus, store, reference = _corpus(tmp_path / "c", 120), tmp_path / "s", tmp_path / "ref"
    ingest([str(corpus)], reference, jobs=1, batch_size=10)
    cmd = [sys.executable, "-m", "quotes", "ingest", str(corpus), "--store", str(store), "--jobs", "1", "--batch-size", "10"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    summaries = [e.strip().splitlines()[-1] for e in errs]
    assert sorted(summaries) == sorted(["quotes ingest: 120 new, 0 replaced, 0 unchanged, 0 failed",
                                        "quotes ingest: 0 new, 0 replaced, 120 unchanged, 0 failed"])
    assert _quote_set(store) == _quote_set(reference)  # no duplicate, nothing lost


def test_disk_full_mid_batch_leaves_the_store_as_before_that_batch(tmp_path, monkeypatch):
    import errno

    from quotes import store as store_module

    corpus, store, reference = _corpus(tmp_path / "c", 30), tmp_path / "s", tmp_path / "ref"
    ingest([str(corpus)], reference, jobs=1, batch_size=10)
    real_write, calls = store_module.pq.write_table, []

    def full_disk(table, where, **kw):  # noqa: ANN001, ANN202 - pyarrow's signature
        if "articles" in Path(where).parent.name and "empty" not in Path(where).name:
            calls.append(where)
        if len(calls) == 2:  # the second batch's articles file: the one that commits it
            Path(where).write_bytes(b"PAR1 half a file")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(table, where, **kw)

    monkeypatch.setattr(store_module.pq, "write_table", full_disk)
    with pytest.raises(OSError, match="No space left"):
        ingest([str(corpus)], store, jobs=1, batch_size=10)
    summary = st.count_summary(st.connect(store), st.Filters())
    assert summary["articles"] == 10  # the first batch, whole; nothing of the second
    assert not [p for p in store.rglob("*.tmp")]  # the half-written file was removed
    monkeypatch.setattr(store_module.pq, "write_table", real_write)
    report = ingest([str(corpus)], store, jobs=1, batch_size=10)
    assert (report.new, report.unchanged, report.failed) == (20, 10, 0)
    assert _quote_set(store) == _quote_set(reference)


def _wait_for(proc: subprocess.Popen, batches, target: int, timeout: float = 120.0) -> None:
    """Poll until batches() reaches target or the process ends, or fail after the timeout."""
    limit = time.perf_counter() + timeout
    while batches() < target and proc.poll() is None:
        assert time.perf_counter() < limit, "the ingest made no progress"
        time.sleep(0.002)


def test_kills_at_random_points_then_a_rerun_give_the_uninterrupted_store(tmp_path):
    """Each run is killed at a random point of its own progress (startup, between batches, mid-write),
    so that the kills cut real work however fast the machine is; a final run finishes the job."""
    import random

    corpus, store, reference = _corpus(tmp_path / "c", 200), tmp_path / "s", tmp_path / "ref"

    def cmd(where: Path) -> list[str]:
        return [sys.executable, "-m", "quotes", "ingest", str(corpus), "--store", str(where), "--jobs", "1", "--batch-size", "10"]

    def batches() -> int:  # the batch files renamed into place so far (20 when all is done)
        return len(list(store.glob("articles/batch-2*.parquet")))

    subprocess.run(cmd(reference), cwd=ROOT, stderr=subprocess.DEVNULL, check=True)
    rng, cut = random.Random(20), 0
    while batches() < 18 and cut < 40:
        proc, target = subprocess.Popen(cmd(store), cwd=ROOT, stderr=subprocess.DEVNULL), batches() + rng.randint(0, 2)
        _wait_for(proc, batches, target)
        time.sleep(rng.uniform(0, 0.02))  # a batch takes 10-20 ms: often killed mid-write
        proc.send_signal(signal.SIGKILL)
        cut += proc.wait() == -signal.SIGKILL
        st.count_summary(st.connect(store), st.Filters())  # readable after every kill
    assert cut >= 5  # runs were cut short, not all finished before the signal
    report = ingest([str(corpus)], store, jobs=1, batch_size=10)
    assert report.failed == 0 and report.new + report.unchanged == 200
    assert _quote_set(store) == _quote_set(reference)


BAD = {  # file → what its error says (file name, and line for corpora)
    "binary.txt": "binary.txt: binary", "empty.txt": "empty.txt: empty", "zipped.txt": "zipped.txt: gzip",
    "nobody.html": "nobody.html: no article text", "corpus.jsonl": "corpus.jsonl:2: not JSON",
    "notext.csv": "notext.csv:1: missing column 'text'",
}


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object, list[str]]:
    """A corpus folder mixing good files (one in cp1252, one cut inside a UTF-8 character) with bad ones."""
    import gzip
    import json

    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.txt").write_text(ARTICLE.format(n=1), encoding="utf-8")
    (folder / "latin.txt").write_bytes(ARTICLE.format(n=2).encode("cp1252"))
    (folder / "truncated.txt").write_bytes(ARTICLE.format(n=3).encode() + "é".encode()[:1])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "zipped.txt").write_bytes(gzip.compress(ARTICLE.format(n=4).encode()))
    (folder / "nobody.html").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    lines = [json.dumps({"text": ARTICLE.format(n=5)}), "{broken", json.dumps({"text": ARTICLE.format(n=6)})]
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notext.csv").write_text("title,body\nA,B\n", encoding="utf-8")
    errors: list[str] = []
    report = ingest([str(folder)], folder.parent / "store", jobs=1, on_error=errors.append)
    return folder.parent / "store", report, errors


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_is_reported_by_name_and_line(mixed_folder, name: str) -> None:
    _, _, errors = mixed_folder
    assert [e for e in errors if BAD[name] in e], errors


def test_every_good_article_of_a_mixed_folder_is_stored_and_the_counts_add_up(mixed_folder) -> None:
    store, report, errors = mixed_folder
    assert (report.new, report.failed, len(errors)) == (5, len(BAD), len(BAD))  # 3 files + 2 good corpus lines
    assert st.count_summary(st.connect(store), st.Filters())["articles"] == 5
    texts = " | ".join(st.export_frame(st.connect(store), st.Filters())["text"])
    assert all(f"la réunion numéro {n} aurait lieu demain" in texts for n in (1, 2, 3, 5, 6)), texts
