"""Organisations an article names, and the common nouns that name them again: « le groupe
américain Carrington Thermal … », then « le groupe a indiqué » or « la direction du groupe
invoque … »; « Chez Veltrane, on se veut serein », then « a indiqué l'entreprise ». The nouns are
``lexicon/org_nouns.txt``; the generic ones (marked there) stand for any organisation.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import regex

from quotes import lexicon

FIRM_REACH = 2  # paragraphs back where an organisation may be named again by a common noun
_NAME = r"\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|d['’])\s*)?\p{Lu}[\p{L}'’-]*){0,3}"


@dataclass(frozen=True)
class Firm:
    paragraph: int
    offset: int
    noun: str  # the common noun it was introduced with ("" after « Chez »)
    name: str


@functools.cache
def _nouns() -> dict[str, str]:
    """Organisation noun → how generic it is (``org_nouns.txt``): "" (its own organisations only),
    "generic" (also the company named after « Chez »), "any" (also a company named after another
    noun), "all" (also any organisation named before)."""
    return {row[0].lower(): (row[1] if len(row) > 1 else "") for row in lexicon.table("org_nouns.txt")}


@functools.cache
def _firm_re() -> regex.Pattern[str]:
    # « le groupe (américain) Carrington Thermal », « l'enseigne Hyperval », « Chez Veltrane »
    return regex.compile(
        rf"(?:\b[Ll][ea]\s+|\b[Ll]['’]|\b[Dd]u\s+|\b[Aa]u\s+)(?P<noun>\L<nouns>)(?:\s+(?!\L<small>\b)\p{{Ll}}[\p{{L}}-]+)?\s+(?P<name>{_NAME})"
        rf"|\b[Cc]hez\s+(?P<chez>{_NAME})"
        # « l'Association des victimes du Fibralène (AVF) »: a name that opens with the noun, capitalised
        rf"|(?:\b[Ll][ea]\s+|\b[Ll]['’]|\b[Dd]u\s+)(?P<titled>(?P<cap>\L<caps>)(?:\s+[\p{{L}}'’-]+){{1,6}}?)(?=\s*[(,.;:])",
        nouns=sorted(_nouns()), small=sorted(_SMALL_WORDS | lexicon.words("prepositions.txt")),
        caps=sorted(n.capitalize() for n in _nouns()),
    )


# the words that may not be the adjective between the noun and the name (« la compagnie à Nantes »)
_SMALL_WORDS = frozenset({"à", "au", "aux", "de", "du", "des", "et", "ou", "en"})


def firms(paragraphs: list[str]) -> list[Firm]:
    """The organisations each paragraph names after a common noun of the lexicon or « Chez »."""
    out: list[Firm] = []
    for i, text in enumerate(paragraphs):
        if "hez " not in text and not any(n in text for n in _noun_heads()):
            continue  # the quick test: most paragraphs name no organisation this way
        for m in _firm_re().finditer(text):
            name = m.group("name") or m.group("chez") or m.group("titled")
            noun = m.group("noun") or (m.group("cap").lower() if m.group("cap") else "")
            out.append(Firm(i, m.start(), noun, name))
    return out


@functools.cache
def _noun_heads() -> tuple[str, ...]:
    return (*_nouns(), *(n.capitalize() for n in _nouns()))


def named_again(mention: str, paragraph: int, offset: int, known: Callable[[], list[Firm]]) -> Firm | None:
    """The organisation a definite common noun names again (« le groupe », « l'entreprise », « la
    direction du groupe »): the last one introduced with that noun, in the paragraph or the two
    before; for a generic noun, the one organisation named there (``_nouns``). ``known()`` gives
    the article's organisations, asked only for such a noun."""
    words = mention.lower().replace("’", "'").split()
    if not words or len(words) > 4:
        return None
    if words[0].startswith("l'"):
        noun = words[0][2:]
    elif words[0] in ("le", "la", "cette", "ce") and len(words) > 1:
        noun = words[1]
    else:
        return None
    if noun not in _nouns():
        return None
    before = [f for f in known() if (f.paragraph, f.offset) < (paragraph, offset) and f.paragraph >= paragraph - FIRM_REACH]
    same = [f for f in before if f.noun.lower() == noun]
    if same:
        return same[-1]
    # a generic noun: the one company named there after « Chez » (« Chez Veltrane, on se veut serein »,
    # then « l'entreprise »); for « any », after a company noun too (« le groupe bâlois Helvepharm »);
    # for « all », the one organisation named there (« l'Association X », then « l'organisation »)
    kind = _nouns()[noun]
    companies = [f for f in before if not f.noun or _nouns().get(f.noun.lower()) in ("generic", "any")]
    pool = before if kind == "all" else companies if kind == "any" else [f for f in before if not f.noun] if kind else []
    return pool[-1] if len({f.name for f in pool}) == 1 else None
