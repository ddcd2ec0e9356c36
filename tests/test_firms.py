"""Organisations named again by a common noun (quotes/firms.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from quotes.firms import firms, named_again


@pytest.mark.parametrize(
    "paragraphs, mention, expected",
    [
        pytest.param(["Le groupe suédois Norrvik Marine a racheté le chantier."], "le groupe", "Norrvik Marine", id="same-noun"),
        pytest.param(["L'enseigne Primavel baisse ses prix."], "l'enseigne", "Primavel", id="elided-article"),
        pytest.param(["Chez Talvane, on se veut serein."], "l'entreprise", "Talvane", id="chez-then-a-generic-noun"),
        pytest.param(["Chez Marvel Distribution, on répond par écrit."], "le groupe", "Marvel Distribution", id="chez-then-a-company-noun"),
        pytest.param(["Chez Talvane, on se veut serein."], "le syndicat", None, id="chez-then-a-union-noun"),
        pytest.param(["L'Association des riverains du canal (ARC) a manifesté."], "l'association", "Association des riverains du canal",
                     id="a-name-that-opens-with-its-noun"),
        pytest.param(["La Fédération des pêcheurs de Loire, alertée, a réagi."], "l'organisation", "Fédération des pêcheurs de Loire",
                     id="all-after-a-titled-organisation"),
        pytest.param(["L'Association des riverains (ARC) et le groupe Norrvik ont signé."], "l'entreprise", "Norrvik",
                     id="any-takes-the-company-only"),
        pytest.param(["Le syndicat Sud-Rail Ouest appelle à la grève."], "la direction", None, id="a-generic-noun-after-a-named-noun"),
        pytest.param(["Le groupe lyonnais Castelmor a doublé ses commandes."], "l'entreprise", "Castelmor",
                     id="an-any-noun-after-another-noun"),
        pytest.param(["Le groupe Castelmor et le groupe Orvix ont signé."], "la société", None, id="an-any-noun-after-two-organisations"),
        pytest.param(["Le conseil s'est réuni à la mairie à Nantes."], "la mairie", None, id="no-organisation-noun"),
        pytest.param(["Les vols de la compagnie à Nantes et à Bordeaux sont annulés."], "la compagnie", None,
                     id="a-preposition-is-no-adjective"),
        pytest.param(["Chez Talvane, on se veut serein. Chez Orvix, on s'inquiète."], "l'entreprise", None,
                     id="two-organisations-and-a-generic-noun"),
        pytest.param(["Le groupe Norrvik Marine a racheté le chantier.", "Sans nouvelles.", "Rien.", "Toujours rien."],
                     "le groupe", None, id="too-far-back"),
    ],
)
def test_named_again(paragraphs: list[str], mention: str, expected: str | None) -> None:
    firm = named_again(mention, len(paragraphs) - 1, 10**6, lambda: firms(paragraphs))
    assert (firm.name if firm else None) == expected
