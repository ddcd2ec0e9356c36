"""The Streamlit app itself (dashboard.py), run headless with ``streamlit.testing.v1.AppTest``
on a small store built in tmp_path from a few hand-written articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from quotes import ingest, store

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
GAZETTE, VEILLEUR = "La Gazette du Port", "Le Veilleur"
XSS = '<script>window.__x=1</script> <img src=x onerror="window.__y=1">'

ARTICLES = [
    {"id": "a1", "title": "Sommet de Lisbonne : Paris et Rome divisés", "outlet": GAZETTE, "published": "2025-02-03",
     "url": "https://gazette-du-port.example/sommet-lisbonne",
     "text": "Le sommet s'est ouvert lundi à Lisbonne.\n\n« Nous ne céderons rien sur la pêche artisanale », a déclaré "
             "Anne Lefort, ministre de la Mer.\n\nLe commissaire Paolo Mancini a estimé que l'accord restait « à portée "
             "de main ».\n\nLes discussions reprendront mardi."},
    {"id": "a2", "title": "Pêche : Anne Lefort hausse le ton", "outlet": VEILLEUR, "published": "2025-02-04",
     "url": "https://leveilleur.example/peche-lefort",
     "text": "La ministre de la Mer a durci le ton à Lisbonne.\n\n« Nous ne céderons rien sur la pêche artisanale, rien », "
             "a martelé Anne Lefort devant la presse.\n\nSelon Paolo Mancini, les négociations avancent « lentement mais "
             "sûrement ».\n\nUn nouveau cycle est prévu en mars."},
    {"id": "a3", "title": "Lisbonne : un sommet sans accord", "outlet": GAZETTE, "published": "2025-02-05",
     "url": "https://gazette-du-port.example/sans-accord",
     "text": "Le sommet s'est achevé sans accord.\n\n« Le dialogue continue, c'est l'essentiel », a affirmé Paolo "
             f"Mancini.\n\n« {XSS} [lien](https://evil.example/x.png) », a écrit Victor Hublot, un blogueur.\n\n"
             "Les ministres se retrouveront en mars."},
]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    corpus = folder / "small.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "store"
    report = ingest.ingest([str(corpus)], path, jobs=1, progress=False)
    assert report.new == 3 and report.failed == 0
    return path


def _app(monkeypatch: pytest.MonkeyPatch, path: Path, **params: str | list[str]) -> AppTest:
    monkeypatch.setenv("QUOTES_STORE", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _quotes_table(at: AppTest):  # noqa: ANN202 - a pandas frame
    frames = [d.value for d in at.dataframe if "quote" in d.value.columns and "verb" in d.value.columns]
    assert frames, "no quotes table on the page"
    return frames[0]


@pytest.mark.parametrize("view", ["Overview", "Compare outlets", "Speakers", "Quotes"])
def test_every_view_renders(monkeypatch: pytest.MonkeyPatch, small_store: Path, view: str) -> None:
    at = _app(monkeypatch, small_store, view=view)
    assert not at.exception, at.exception
    assert not at.info, [i.value for i in at.info]


def test_overview_counts(monkeypatch: pytest.MonkeyPatch, small_store: Path) -> None:
    at = _app(monkeypatch, small_store)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Articles": "3", "Quotes": str(_count(small_store)), "Speakers": "3", "Outlets": "2"}


def _count(path: Path) -> int:
    return int(store.count_summary(store.connect(path), store.Filters())["quotes"])


def test_speaker_filter_narrows_the_quotes_table(monkeypatch: pytest.MonkeyPatch, small_store: Path) -> None:
    at = _app(monkeypatch, small_store, view="Quotes")
    everyone = _quotes_table(at)
    assert set(everyone["speaker"]) >= {"Anne Lefort", "Paolo Mancini"}
    at.multiselect(key="f_speakers").set_value(["Anne Lefort"]).run()
    assert not at.exception
    only = _quotes_table(at)
    assert 0 < len(only) < len(everyone)
    assert set(only["speaker"]) == {"Anne Lefort"}
    assert at.query_params["speaker"] in ("Anne Lefort", ["Anne Lefort"])


def test_filters_come_back_from_the_url(monkeypatch: pytest.MonkeyPatch, small_store: Path) -> None:
    at = _app(monkeypatch, small_store, view="Quotes", speaker="Paolo Mancini", outlet=GAZETTE, kind="bogus")
    assert at.multiselect(key="f_speakers").value == ["Paolo Mancini"]
    assert at.multiselect(key="f_outlets").value == [GAZETTE]
    assert at.multiselect(key="f_kinds").value == []
    table = _quotes_table(at)
    assert set(table["speaker"]) == {"Paolo Mancini"} and set(table["outlet"]) == {GAZETTE}


def test_compare_outlets_groups_the_same_statement(monkeypatch: pytest.MonkeyPatch, small_store: Path) -> None:
    at = _app(monkeypatch, small_store, view="Compare outlets")
    assert at.multiselect(key="cmp_outlets").value == [GAZETTE, VEILLEUR]
    groups = [d.value for d in at.dataframe if "outlets" in d.value.columns][0]
    row = groups[groups["speaker"] == "Anne Lefort"].iloc[0]
    assert row["outlets"] == 2
    assert row[f"{GAZETTE} · verb"] == "déclaré" and row[f"{VEILLEUR} · verb"] == "martelé"


def test_article_text_is_never_markup(monkeypatch: pytest.MonkeyPatch, small_store: Path) -> None:
    at = _app(monkeypatch, small_store, view="Quotes", q="window")
    table = _quotes_table(at)
    assert len(table) == 1 and "<script>window.__x=1</script>" in table["quote"].iloc[0]
    for el in [*at.markdown, *at.caption, *at.title, *at.header, *at.subheader]:
        assert "<script" not in el.value and "evil.example" not in el.value


def test_empty_store_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store.init(tmp_path / "empty")
    at = _app(monkeypatch, tmp_path / "empty")
    assert not at.exception
    assert "The store is empty" in at.info[0].value
    assert not at.metric and not at.tabs


def test_fresh_machine_builds_the_store_from_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _app(monkeypatch, tmp_path / "fresh")
    assert not at.exception, at.exception
    assert "built one from the sample corpus in data/" in at.success[0].value
    assert (tmp_path / "fresh" / "articles").is_dir()
    assert int(at.metric[1].value.replace(",", "")) > 100
