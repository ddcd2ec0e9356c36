import re

import pytest

from quotes import lexicon
from quotes.clean import clean_paragraphs, is_boilerplate, normalize, pair_quotes, split_paragraphs, split_sentences

# A group that holds an unbounded quantifier and is repeated without bound: « (a+)+ », « (\w*)* ».
NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("l’OTAN", "l'OTAN"),
        ("«\u00a0Oui\u202f»", "« Oui »"),
        ("“Oui”", "«Oui»"),
        ("„Ja“", "«Ja«"),
        ("2015–2018 — fin", "2015—2018 — fin"),
        ("a\x07b", "a b"),
    ],
)
def test_normalize_folds_one_for_one(raw, expected):
    out = normalize(raw)
    assert out == expected
    assert len(out) == len(raw)


def _contents(text):
    return [text[max(s.open + 1, 0) : s.close] for s in pair_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il a dit « oui » et « non ».", [" oui ", " non "]),
        ('Il a dit "oui" puis "non".', ["oui", "non"]),
        ("« Il a parlé de ‹ paix › hier »", [" Il a parlé de ‹ paix › hier ", " paix "]),
        ("fin de la phrase », a-t-il dit.", ["fin de la phrase "]),
        ("« Rien ne se ferme", [" Rien ne se ferme"]),
        ("“Oui”, dit-elle.", ["Oui"]),
        ('Le mot "paix", écrit-il, "est usé".', ["paix", "est usé"]),
        ("Aucune marque ici.", []),
        # an opening mark typed for the closing one, glued to the word before it
        ("Il l'a traité de “grand naïf“. « Rien ne change », a-t-il dit.", ["grand naïf", " Rien ne change "]),
        ("Il l'a traité de « grand naïf«, puis s'est tu.", [" grand naïf"]),
        ("Un mot d'«expert» et un autre.", ["expert"]),
        ("„Wir schaffen das“, a-t-elle dit.", ["Wir schaffen das"]),
    ],
)
def test_pair_quotes(text, expected):
    assert _contents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il part. Elle reste.", ["Il part.", "Elle reste."]),
        ("« Nous partons. Vous restez. » Il a dit cela.", ["« Nous partons. Vous restez. »", "Il a dit cela."]),
        ("M. Dupré est venu. Mme Roux aussi.", ["M. Dupré est venu.", "Mme Roux aussi."]),
        ("J. Martin a signé. Le texte suit.", ["J. Martin a signé.", "Le texte suit."]),
        ("« Une phrase. Une autre. Et une autre.", ["« Une phrase. Une autre. Et une autre."]),
    ],
)
def test_split_sentences_never_inside_a_quotation(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_split_paragraphs_one_a_line_and_wrapped_lines_glued():
    text = "Titre du jour\n\nLe ministre a dit\nque tout va bien.\nS'abonner\n\n« Oui », a-t-il dit."
    assert split_paragraphs(text) == ["Titre du jour", "Le ministre a dit que tout va bien.", "S'abonner",
                                      "« Oui », a-t-il dit."]


def test_clean_drops_boilerplate_and_keeps_indices():
    paragraphs = [
        "URL courte", "Le ministre Paul Arnaud a déclaré que la paix était possible.", "S'abonner",
        "Lire aussi :", "Un titre sans point", "Un autre titre", "« Nous avancerons », a-t-il ajouté.",
        "Tags: paix, diplomatie", "© Jeanne Roux Source: Agence Imaginaire", "0102030405060708",
    ]
    out = clean_paragraphs("Un titre", paragraphs)
    assert len(out) == len(paragraphs)
    assert [i for i, p in enumerate(out) if p] == [1, 6]


@pytest.mark.parametrize("pattern", lexicon.lines("boilerplate.txt"))
def test_boilerplate_patterns_never_nest_unbounded_quantifiers(pattern):
    # they run with no timeout guard (is_boilerplate), so none may backtrack without end
    re.compile(pattern)
    assert not NESTED.search(pattern)


def test_nested_quantifier_check_catches_one():
    assert NESTED.search(r"^(\w+\s?)+$") and NESTED.search(r"(a*)*b") and not NESTED.search(r"(\s\S+){0,3}$")


@pytest.mark.parametrize("text", ["Ключевые слова", "12/03/2025 - 14:20", "新华社"])
def test_a_paragraph_without_latin_letters_is_boilerplate(text):
    assert is_boilerplate(text)
    assert not is_boilerplate("Le ministre a parlé.")


def test_clean_drops_a_block_printed_twice():
    body = ["Le maire a dit que la route rouvrira.", "« Nous ferons vite », a-t-il ajouté.", "Fin"]
    out = clean_paragraphs("La route rouvre", ["La route rouvre"] + body + ["La route rouvre"] + body)
    assert [p for p in out if p] == body[:2]


def test_clean_drops_a_caption_repeated_under_its_credit():
    out = clean_paragraphs("T", ["Paul Arnaud et Jeanne Roux © Luc Ferrand Source: Agence Imaginaire",
                                 "Paul Arnaud et Jeanne Roux", "Le texte commence ici, enfin."])
    assert [p for p in out if p] == ["Le texte commence ici, enfin."]


LEDE = ("Le conseil municipal de Portval a voté jeudi soir la fermeture du pont pour travaux, "
        "malgré l'opposition des commerçants du centre-ville.")


@pytest.mark.parametrize(
    "second, kept",
    [
        (LEDE.replace("jeudi soir", "jeudi"), False),  # the lede printed again, a word changed
        (LEDE, False),  # printed again as it was
        ("Le conseil municipal de Saint-Aubin a voté vendredi l'ouverture d'une crèche pour l'été, "
         "avec le soutien des parents d'élèves.", True),  # a paragraph of the same shape, other words
        ("Les commerçants ont voté jeudi.", True),  # short paragraphs are never compared
    ],
)
def test_a_paragraph_printed_again_with_a_word_changed_is_dropped(second, kept):
    out = clean_paragraphs("Un titre", [LEDE, "Un paragraphe entre les deux, sans rapport.", second])
    assert out[0] == LEDE and (out[2] != "") == kept


def test_list_bullets_are_folded_to_spaces():
    assert normalize("▪️ La Russie, selon lui, résiste.") == "   La Russie, selon lui, résiste."
    assert clean_paragraphs("T", ["• Premier point du relevé de décisions."]) == ["Premier point du relevé de décisions."]
