"""Readers: every input kind, and bad input reported by file (and line) while the rest goes on."""

from __future__ import annotations

import gzip
import json

import pytest

from quotes.model import Article
from quotes.read import ReadError, read_bytes, read_paths
from tests.conftest import HTML

PAGE = """<html><head><title>Le maire promet une piscine</title>
<meta property="og:site_name" content="Le Courrier du Val">
<meta property="og:url" content="https://courrier-du-val.example/piscine">
<meta property="article:published_time" content="2024-05-03T08:00:00+02:00"></head>
<body><nav><a href="/">Accueil</a> | <a href="/sports">Sports</a></nav>
<article><h1>Le maire promet une piscine</h1>
<p>Le maire de la commune, Paul Arnaud, a annoncé mardi que la piscine rouvrirait en juin, après deux ans de travaux.</p>
<p>« Nous tiendrons les délais, même si le chantier a pris du retard », a-t-il assuré devant le conseil municipal réuni en séance publique.</p>
<p>L'opposition a estimé que le budget de la rénovation avait été largement dépassé et demande un audit.</p>
</article><footer>Partager sur Facebook</footer></body></html>""".encode()


def _one(data: bytes, name: str) -> Article | ReadError:
    items = list(read_bytes(data, name))
    assert len(items) == 1, items
    return items[0]


def test_txt_title_and_paragraphs():
    art = _one(b"\n\nLe titre\n\nPremier paragraphe.\nSuite du premier\n\nSecond.", "a.txt")
    assert isinstance(art, Article)
    assert art.title == "Le titre"
    assert art.paragraphs == ["Premier paragraphe.", "Suite du premier", "Second."] or art.paragraphs == [
        "Premier paragraphe. Suite du premier", "Second."]


def test_cp1252_is_decoded():
    art = _one("Titre\n\n« Le café coûte cher », a-t-il déploré.".encode("cp1252"), "b.txt")
    assert isinstance(art, Article) and "café coûte" in art.paragraphs[0]


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "empty.txt", "empty file"),
        (b"   \n  ", "blank.txt", "empty file"),
        (b"\x00\x01\x02binary\x00", "bin.txt", "binary"),
        (gzip.compress(b"Titre\n\nTexte."), "archive.txt", "gzip"),
        (b"Titre seulement", "title-only.txt", "no article text"),
        (b"<html><body><nav>menu</nav></body></html>", "nobody.html", "no article text"),
        (b"id,title\n1,Sans texte\n", "no-text.csv", "missing column 'text'"),
        (b"whatever", "notes.docx", "unsupported file type"),
    ],
)
def test_bad_input_is_one_error_naming_the_file(data, name, message):
    err = _one(data, name)
    assert isinstance(err, ReadError), err
    assert message in str(err) and name in str(err)


def test_jsonl_broken_line_named_and_others_read():
    lines = [
        json.dumps({"id": "a1", "title": "Un", "text": "Le maire a dit que tout allait bien.", "outlet": "Le Val"}),
        "{not json",
        json.dumps({"title": "Sans texte"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Deuxième article.\n\nAvec deux paragraphes.", "published": "2024-02-03"}),
    ]
    items = list(read_bytes("\n".join(lines).encode(), "corpus.jsonl"))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [str(i) for i in items if isinstance(i, ReadError)]
    assert [a.id for a in arts][0] == "a1" and len(arts) == 2
    assert arts[0].outlet == "Le Val" and arts[1].published == "2024-02-03"
    assert errs == ["corpus.jsonl:2: not JSON: Expecting property name enclosed in double quotes",
                    "corpus.jsonl:3: missing column 'text'", "corpus.jsonl:4: not a JSON object"]


def test_csv_rows_with_multiline_text():
    data = 'id,title,text,outlet\n1,Un,"Le maire a dit ""oui"".\n\nFin.",Le Val\n2,Deux,,Le Val\n3,Trois,Texte.,\n'
    items = list(read_bytes(data.encode(), "c.csv"))
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    assert items[0].paragraphs == ['Le maire a dit "oui".', "Fin."]
    assert "c.csv:" in str(items[1]) and "empty 'text'" in str(items[1])


def test_html_through_trafilatura():
    art = _one(PAGE, "page.html")
    assert isinstance(art, Article)
    assert art.title == "Le maire promet une piscine"
    assert art.outlet == "Le Courrier du Val"
    assert art.published.startswith("2024-05-03")
    assert art.url == "https://courrier-du-val.example/piscine"
    assert any("Nous tiendrons les délais" in p for p in art.paragraphs)
    assert not any("Accueil" in p or "Partager" in p for p in art.paragraphs)


def test_folder_recursive_sorted_stable_ids(tmp_path):
    for rel in ["b/2.txt", "a/1.txt", "a/.hidden.txt", "notes.md"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Titre\n\nTexte du corps.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    items = list(read_paths([str(tmp_path)]))
    sources = [i.source for i in items]
    assert sources == [f"{tmp_path}/a/1.txt", f"{tmp_path}/b/2.txt", f"{tmp_path}/bad.txt"]
    again = list(read_paths([str(tmp_path)]))
    assert [i.id for i in items[:2]] == [i.id for i in again[:2]]
    assert isinstance(items[2], ReadError)


def test_missing_file_is_an_error(tmp_path):
    items = list(read_paths([str(tmp_path / "absent.txt")]))
    assert len(items) == 1 and isinstance(items[0], ReadError) and "absent.txt" in str(items[0])


@pytest.mark.skipif(not HTML.is_dir(), reason="../shared/html is absent")
@pytest.mark.parametrize("name, title_word, year", [("franceculture.fr.idees.html", "parole", "2020"),
                                                    ("laviedesidees.fr.evaluation.html", "évaluation", "2009")])
def test_shared_pages(name, title_word, year):
    art = _one((HTML / name).read_bytes(), name)
    assert isinstance(art, Article)
    assert title_word in art.title.lower()
    assert art.published.startswith(year)
    assert len(art.paragraphs) > 5
