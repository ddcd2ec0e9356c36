"""Outlet and date: metadata first, then signature lines and datelines; unknown stays None."""

from __future__ import annotations

import pytest

from quotes.meta import canonical_outlet, date_from_text, fill, outlet_from_text
from quotes.model import Article
from quotes.read import read_paths
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    "name, expected",
    [("RT", "RT France"), ("rt france", "RT France"), ("Sputnik Afrique", "Sputnik"),
     ("https://fr.sputniknews.africa/20170218/x.html", "Sputnik"), ("french.xinhuanet.com", "Xinhua"),
     ("http://m.ventdest-info.net/a/b", "Radio Vent d'Est Info"), ("L’Echo des Chancelleries", "L'Écho des Chancelleries"),
     ("Le Journal Inconnu", None), ("example.org", None)],
)
def test_canonical_outlet(name, expected):
    assert canonical_outlet(name) == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["Texte.", "© Sputnik 2017"], "Sputnik"),
        (["BRUXELLES, 20 octobre (Xinhua) -- Le texte."], "Xinhua"),
        (["Texte.", "Suivez Sputnik sur Telegram pour ne rien manquer."], "Sputnik"),
        (["Texte.", "237online.com"], "237online"),
        (["X et Y © Thomas Peter Source: Reuters", "Le texte commence ici."], None),  # a credit
        (["Photo : Agence Méridienne", "Texte.", "Sextant Info — sextant-info.net"], "Sextant Info"),
        (["Un article sans signature."], None),
    ],
)
def test_outlet_from_text(paragraphs, expected):
    assert outlet_from_text(paragraphs) == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["French.xinhuanet.com | Publié le 2021-10-21 à 09:50", "Texte."], "2021-10-21"),
        (["GENÈVE, 21 janvier (AMR) -- Le texte.", "© Agence Méridienne 2025"], "2025-01-21"),
        (["GENÈVE, 21 janvier (AMR) -- Le texte sans année."], None),
        (["Analyse | Par Hugo Sarrazin | 24 janvier 2025", "Texte."], "2025-01-24"),
        (["Par Bastien Ollier — 28/03/2025 07:12", "Texte."], "2025-03-28"),
        (["Lors de la conférence du 7 mai, il a parlé."], None),
        (["Lors de la conférence qui a eu lieu le 7 mai, il a parlé.", "© Le Monde 2016"], "2016-05-07"),
    ],
)
def test_date_from_text(paragraphs, expected):
    assert date_from_text(paragraphs) == expected


def test_metadata_wins_and_is_canonical():
    art = fill(Article(id="1", source="s", title="T", paragraphs=["© Sputnik"], outlet="RT", published="2024-03-02T10:00:00Z"))
    assert (art.outlet, art.published) == ("RT France", "2024-03-02")


def test_unknown_metadata_outlet_is_kept_as_given():
    assert fill(Article(id="1", source="s", title="T", paragraphs=[], outlet="Le Journal du Coin")).outlet == "Le Journal du Coin"


SEED_META = {"000": ("RT France", None), "001": ("Sputnik", None), "002": ("237online", None),
             "003": ("Xinhua", "2021-10-21"), "004": ("Sputnik", None)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
@pytest.mark.parametrize("prefix", sorted(SEED_META))
def test_seed_outlet_and_date(prefix):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    art = fill(next(iter(read_paths([str(path)]))))
    assert (art.outlet, art.published) == SEED_META[prefix]
