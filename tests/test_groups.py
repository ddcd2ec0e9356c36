"""Grouping the same statement quoted by several outlets (quotes/groups.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from quotes.groups import GROUP_COLUMNS, THRESHOLD, group_statements, normalise, similarity, statement_table

AMR, FAN, SXT, VDE, EDC = "Agence Méridienne", "Le Fanal Quotidien", "Sextant Info", "Radio Vent d'Est Info", "L'Écho"


def _q(speaker: str | None, outlet: str | None, text: str, published: str | None = "2025-01-21",
       cue: str = "déclaré", kind: str = "direct") -> dict[str, object]:
    return {"speaker": speaker, "outlet": outlet, "text": text, "published": published, "cue": cue, "kind": kind,
            "id": f"{outlet}:{text[:12]}"}


GENEVA = [
    _q("Mikhaïl Sorokine", AMR, "La sécurité de l'Europe ne peut pas se construire contre la Russie. "
       "Elle ne peut se construire qu'avec elle", "2025-01-21", "a déclaré"),
    _q("Mikhaïl Sorokine", FAN, "La sécurité européenne ne saurait se bâtir contre la Russie ; elle ne peut "
       "se bâtir qu'avec elle.", "2025-01-22", "a martelé"),
    _q("Mikhaïl Sorokine", VDE, "la sécurité de l'Europe ne pouvait pas se construire contre la Russie, mais "
       "seulement avec elle", "2025-01-22", "a déclaré", "indirect"),
    _q("Mikhaïl Sorokine", EDC, "la sécurité de l'Europe «ne peut se construire qu'avec» la Russie, et non contre "
       "elle", "2025-01-24", "a estimé", "mixed"),
]


@pytest.mark.parametrize(("raw", "expected"), [
    ("« L’Otan est une alliance défensive »", "l otan est une alliance defensive"),
    ("Ça  suffit !", "ca suffit"),
    ("", ""),
    (None, ""),
])
def test_normalise(raw: str | None, expected: str) -> None:
    assert normalise(raw) == expected


def test_translations_indirect_and_fragment_form_one_statement() -> None:
    groups = group_statements(pd.DataFrame(GENEVA))
    assert list(groups.columns) == GROUP_COLUMNS
    assert groups["group"].nunique() == 1
    assert set(groups["outlet"]) == {AMR, FAN, VDE, EDC}
    assert (groups["score"] >= THRESHOLD).all()


def test_different_statements_of_one_speaker_stay_apart() -> None:
    rows = [_q("Ingrid Vallgren", AMR, "Personne ne menace la Russie"),
            _q("Ingrid Vallgren", FAN, "L'Otan est une alliance défensive et elle le restera"),
            _q("Ingrid Vallgren", SXT, "L'Alliance ne confondra jamais dialogue et complaisance")]
    assert group_statements(pd.DataFrame(rows)).empty


def test_same_words_from_another_speaker_are_not_grouped() -> None:
    rows = [_q("Mikhaïl Sorokine", AMR, "Nous ne signerons pas ce texte en l'état"),
            _q("Bence Szalai", FAN, "Nous ne signerons pas ce texte en l'état")]
    assert group_statements(pd.DataFrame(rows)).empty


def test_one_outlet_repeating_itself_is_not_a_group() -> None:
    rows = [_q("Maren Holt", FAN, "Nous ne sommes pas venus pour faire des concessions"),
            _q("Maren Holt", FAN, "Nous ne sommes pas venus pour faire des concessions")]
    assert group_statements(pd.DataFrame(rows)).empty


def test_reports_months_apart_are_different_statements() -> None:
    rows = [_q("Solveig Ekdahl", AMR, "C'est en soi un progrès", "2025-01-07"),
            _q("Solveig Ekdahl", FAN, "C'est en soi un progrès", "2025-05-08")]
    assert group_statements(pd.DataFrame(rows)).empty
    assert group_statements(pd.DataFrame(rows), max_days=None)["group"].nunique() == 1


def test_unknown_dates_do_not_prevent_a_match() -> None:
    rows = [_q("Solveig Ekdahl", AMR, "C'est en soi un progrès", None),
            _q("Solveig Ekdahl", FAN, "C'est en soi un progrès", "2025-05-08")]
    assert len(group_statements(pd.DataFrame(rows))) == 2


@pytest.mark.parametrize("short", ["utile", "pas utile", "Non."])
def test_too_short_fragments_are_never_matched(short: str) -> None:
    rows = [_q("Arkadi Veretennikov", AMR, short), _q("Arkadi Veretennikov", FAN, short)]
    assert group_statements(pd.DataFrame(rows)).empty


def test_unresolved_speakers_and_outlets_are_skipped() -> None:
    rows = [_q(None, AMR, "Les ambassadeurs doivent en discuter dès mercredi"),
            _q(None, FAN, "Les ambassadeurs doivent en discuter dès mercredi"),
            _q("Klaus Brenner", None, "Les sanctions ont un coût pour nos entreprises"),
            _q("Klaus Brenner", SXT, "Les sanctions ont un coût pour nos entreprises")]
    assert group_statements(pd.DataFrame(rows)).empty


def test_groups_are_numbered_by_first_publication() -> None:
    later = [_q("Kaarel Rebane", VDE, "Ce n'est pas un accident, c'est un test. Et nous ne tomberons pas dans le piège",
                "2025-03-28"),
             _q("Kaarel Rebane", FAN, "l'incident n'était « pas un accident, mais un test »", "2025-03-30", "selon",
                "mixed")]
    groups = group_statements(pd.DataFrame(later + GENEVA))
    firsts = groups.groupby("group")["published"].min()
    assert firsts.tolist() == sorted(firsts.tolist())
    assert groups.loc[groups["group"] == 0, "speaker"].unique().tolist() == ["Mikhaïl Sorokine"]


def test_empty_input() -> None:
    assert group_statements(pd.DataFrame(columns=["speaker", "outlet", "text"])).empty
    assert statement_table(pd.DataFrame(columns=GROUP_COLUMNS)).empty


def test_statement_table_puts_outlets_side_by_side() -> None:
    table = statement_table(group_statements(pd.DataFrame(GENEVA)), [FAN, VDE])
    assert len(table) == 1
    row = table.iloc[0]
    assert row["outlets"] == 2
    assert row[f"{FAN} · verb"] == "a martelé"
    assert row[f"{VDE} · date"] == "2025-01-22"
    assert row[f"{VDE} · quote"].startswith("la sécurité de l'Europe ne pouvait pas")
    assert f"{AMR} · quote" not in table.columns


def test_statement_table_drops_statements_of_a_single_chosen_outlet() -> None:
    assert statement_table(group_statements(pd.DataFrame(GENEVA)), [AMR, SXT]).empty


def test_statement_table_keeps_the_best_match_of_an_outlet() -> None:
    rows = GENEVA + [_q("Mikhaïl Sorokine", FAN, "la sécurité européenne ne peut se bâtir qu'avec la Russie elle-même",
                        "2025-01-22", "a affirmé")]
    groups = group_statements(pd.DataFrame(rows))
    table = statement_table(groups)
    fan = groups.loc[groups["outlet"] == FAN].sort_values("score", ascending=False).iloc[0]
    assert table.iloc[0][f"{FAN} · quote"] == fan["text"]


def test_similarity_is_symmetric_enough() -> None:
    a, b = normalise(GENEVA[0]["text"]), normalise(GENEVA[2]["text"])  # type: ignore[arg-type]
    assert similarity(a, b) >= THRESHOLD
    assert abs(similarity(a, b) - similarity(b, a)) <= 1


def test_large_block_is_chunked(monkeypatch: pytest.MonkeyPatch) -> None:
    import quotes.groups as groups_module

    monkeypatch.setattr(groups_module, "CHUNK", 2)
    groups = group_statements(pd.DataFrame(GENEVA))
    assert set(groups["outlet"]) == {AMR, FAN, VDE, EDC}


def test_windowed_chunks_find_the_same_groups_as_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import quotes.groups as groups_module

    rng = random.Random(3)
    templates = ["Nous ne céderons rien sur la pêche artisanale", "Le dialogue continue, c'est l'essentiel",
                 "Les sanctions ont un coût pour nos propres entreprises"]
    rows = [_q("Anne Lefort", rng.choice([AMR, FAN, SXT, VDE]), rng.choice(templates) + rng.choice(["", " !", ", rien"]),
               None if rng.random() < 0.1 else f"2025-0{rng.randint(1, 6)}-{rng.randint(10, 28)}")
            for _ in range(80)]
    df = pd.DataFrame(rows).assign(id=[f"q{i}" for i in range(len(rows))])

    def members(chunk: int) -> set[frozenset[str]]:
        monkeypatch.setattr(groups_module, "CHUNK", chunk)
        g = group_statements(df)
        return {frozenset(ids) for ids in g.groupby("group")["id"].agg(list)}

    assert members(3) == members(10_000)
    assert members(10_000)
