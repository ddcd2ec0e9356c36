"""Reports named by a preposition, not a verb: ``Selon X, …``, ``…, selon X.``, ``D'après X, …``
and ``Pour X, « … »``. The attribution is the source's (cue class ``selon``); the content is the
sentence, or the quotation the phrase introduces.
"""

from __future__ import annotations

import bisect
import functools
import re

import regex

from quotes import lexicon
from quotes.clean import REGEX_TIMEOUT, Span
from quotes.mentions import Mention
from quotes.reports import Coverage, Report, Sentence, quote_content, span_after, span_at, trimmed, words_in
from quotes.tokens import words
from quotes.verbs import forms

APPOSITION_REACH = 120  # characters of an apposition between « Selon X » and its colon

# The words a selon/d'après attribution needs: the quick test before the full pattern.
SELON_WORDS = ("selon", "après", "yeux", "avis")  # one of them, lower-cased, is in every selon phrase
SELON_CUE = re.compile("(?i)" + "|".join(SELON_WORDS))  # the same test on a sentence: plain words, no timeout guard needed


@functools.cache
def _selon_re() -> regex.Pattern[str]:
    # Selon X / D'après X, set apart by the start of the sentence or punctuation.
    return regex.compile(
        r"""(?P<cue>\b[Ss]elon|\b[Dd]['’]après|\b[Aa]ux\s+yeux\s+de|\b[Dd]e\s+l['’]avis\s+de)\s+
            (?P<np>(?:[^,;:.!?()«»"“”—\s]|\b\p{Lu}\.|\s(?!(?:il|elle|ils|elles|on|nous|je|j'|c'|cela)\b))
                {1,120}?)                      # the source: up to punctuation or a subject pronoun
            (?=\s*(?:[,;:!?()«»"“”—]|(?<!\b\p{Lu})\.|$)|\s+(?:il|elle|ils|elles|on|nous|je|j'|c'|cela)\b)""",
        regex.VERBOSE,
    )


# A person's name: two capitalised words or more, particles between (« Jean-Yves Le Goff », « Anne de Villiers »).
_NAME_WORD = r"\p{Lu}[\p{L}'’-]+"
_PERSON = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|du|d['’]|le|la)){{0,3}}?\s+{_NAME_WORD}"

_LEMMAS = {"selon": "selon", "d'après": "d'après", "d’après": "d'après", "aux": "aux yeux de", "de": "de l'avis de"}


def _opens_sentence(before: str) -> bool:
    """Nothing, or one conjunction or adverb, stands before the phrase (Mais selon X, Toujours selon X)."""
    words = before.split()
    return not words or (len(words) == 1 and words[0].strip(",").isalpha())


def _selon_ok(s: Sentence, m: regex.Match[str]) -> bool:
    np_words = m.group("np").lower().replace("’", "'").split()
    if not np_words or any(w.strip("'").rsplit("'", 1)[-1] in words("selon_exclusions.txt") for w in np_words[:3]):  # l'âge: âge
        return False
    if np_words[0] in ("que", "qu'") or np_words[0].startswith("qu'"):
        return False
    before = s.text[max(s.start, m.start() - 40) : m.start()].strip()
    if _after_variation(before):
        return False
    opener = m.start() - s.start <= 40 and _opens_sentence(before)
    if m.group("cue").lower().split()[0] in ("aux", "de"):  # « aux yeux de », « de l'avis de »: also a manner
        return opener or before[-1:] in ",:—("  # (« il a agi de l'avis de son médecin »): only set apart before
    return opener or before[-1:] in ",:—-([«\"" or s.text[m.end() : m.end() + 2].strip()[:1] in ",:;)—.!?"


@functools.cache
def _variation_stems() -> tuple[str, ...]:
    return tuple(lexicon.lines("selon_variation.txt"))


def _after_variation(before: str) -> bool:
    """« varient fortement selon les quartiers »: a word of variation (``selon_variation.txt``)
    right before the phrase, or before an adverb in -ment right before it; then selon means
    "depending on"."""
    if before[-1:] in ",:;—–-()«»\"“”":
        return False  # set apart: « les chiffres ont évolué, selon la police »
    last = before.lower().replace("’", "'").split()[-2:]
    if len(last) == 2 and last[1].endswith("ment") and len(last[1]) > 6:
        last = last[:1]
    return bool(last) and last[-1].startswith(_variation_stems())


def selon_reports(s: Sentence, taken: list[Report]) -> list[Report]:
    if not SELON_CUE.search(s.text, s.start, s.end):
        return []  # the quick test: most sentences have neither selon nor d'après
    out = []
    taken = sorted(taken, key=lambda r: r.start)
    covering, cues = Coverage(taken), sorted(r.cue_start for r in taken)
    for m in _selon_re().finditer(s.text, s.start, s.end, timeout=REGEX_TIMEOUT):
        if not _selon_ok(s, m) or _quoted_phrase(s, m.start()):
            continue
        np_a, np_b = m.span("np")
        np_b = _apposed_name_end(s, np_b)  # « Selon la préfète, Catherine Morin, … »
        ab = _selon_content(s, m.start(), np_b)
        if ab is None or covering.covers(m.start()) or bisect.bisect_left(cues, ab[0]) < bisect.bisect_left(cues, ab[1]):
            continue
        kind = "direct" if span_at(s, ab[0] - 1) or span_at(s, ab[0]) else ("mixed" if s.has_mark(*ab) else "indirect")
        cue = m.group("cue")
        lemma = _LEMMAS.get(cue.lower().split()[0], "selon")
        out.append(Report(kind, ab[0], ab[1], cue, lemma, "selon", m.start("cue"), m.end("cue"), Mention(s.text[np_a:np_b], np_a, np_b)))
    return out


def _after_apposition(s: Sentence, after: int) -> Span | None:
    """The quotation after a colon that closes an apposition to the source (« , ministre d'État,
    porte-parole du gouvernement : « … » »), or None."""
    if not s.text.startswith(",", after):
        return None
    colon = s.text.find(":", after, min(s.end, after + APPOSITION_REACH))
    if colon < 0 or any(c in s.text[after:colon] for c in ".;!?«»\"“”"):
        return None
    return span_after(s, colon + 1, max_gap=2)


def _quoted_phrase(s: Sentence, pos: int) -> bool:
    """« fini de sourcer « selon l'Élysée » »: the phrase quoted as words, a few in marks, not an
    attribution."""
    sp = span_at(s, pos)
    return sp is not None and sp.open >= 0 and words_in(s.text, sp.open + 1, sp.close) <= 5


@functools.cache
def _apposed_name_re() -> regex.Pattern[str]:
    # a person's name in apposition, set apart by commas: « , Catherine Morin, », « , Jean-Yves Le Goff. »
    return regex.compile(rf",\s*{_PERSON}(?=\s*(?:,|\.\s*$|$))")


def _apposed_name_end(s: Sentence, end: int) -> int:
    """Where the source ends when a person's name in apposition follows it (« Selon la préfète,
    Catherine Morin, … »); ``end`` when none does."""
    m = _apposed_name_re().match(s.text, end, s.end, timeout=REGEX_TIMEOUT)
    return m.end() if m else end


def _selon_content(s: Sentence, start: int, after: int) -> tuple[int, int] | None:
    """The words attributed by the phrase that runs from ``start`` to ``after``."""
    sp = span_after(s, after, max_gap=3)
    opens = start - s.start <= 40 and _opens_sentence(s.text[s.start : start].strip(" ,—("))
    gap = s.text[after : sp.open].strip() if sp is not None else None
    if sp is None and opens and (apposed := _after_apposition(s, after)) is not None:
        sp, gap = apposed, ":"  # Selon X, ministre d'État, porte-parole du gouvernement : « … »
    if sp is not None and (gap in (":", ", :") or gap == "," and opens):  # Selon X : « … »
        a, b = quote_content(s.text, sp)
    elif opens:
        a, b = trimmed(s.text, after, s.end)
    elif s.end - after <= 8 and not s.text[after : s.end].strip(" .!?…)"):
        a, b = trimmed(s.text, s.start, start)
    else:
        a, b = trimmed(s.text, s.start, s.end)
    whole = next((sp for sp in s.spans if sp.open == a and sp.close == b - 1), None)
    if whole is not None:  # « … », selon X: the quotation itself
        a, b = quote_content(s.text, whole)
    return (a, b) if words_in(s.text, a, b) >= 3 else None


@functools.cache
def _pour_re() -> regex.Pattern[str]:
    # Pour X, « … » at the start of a sentence (after at most a conjunction); X may have one
    # apposition, a name after a role (« Pour le maire, Jean Roux, ») or a role after a name
    # (« Pour Jean Roux, maire de Lens, »: a noun, not a clause: « Pour Mme Holt, la réunion … »).
    return regex.compile(rf"(?:(?:Mais|Et|Or)\s+)?(?P<cue>[Pp]our)\s+(?P<np>{_PERSON},\s*(?!(?:le|la|les|un|une|des|ce|cette|il|elle|on)\b|l['’])\p{{Ll}}[^,«\"“]{{1,79}}|[^,«\"“]{{2,80}}?(?:,\s*{_PERSON})?)\s*(?:,\s*)?(?=[«\"“])")


# The words a sentence that _pour_re matches starts with: the quick test before the pattern.
_POUR_OPENERS = ("Pour", "pour", "Mais", "Et", "Or")


def pour_reports(s: Sentence) -> list[Report]:
    if not s.text.startswith(_POUR_OPENERS, s.start):
        return []
    m = _pour_re().match(s.text, s.start, s.end, timeout=REGEX_TIMEOUT)
    if not m:
        return _pour_clause(s)
    np_text = m.group("np").lower().replace("’", "'")
    first = np_text.split()[0]
    infinitive = m.group("np")[:1].islower() and first.endswith(("er", "ir", "re")) and first not in words("determiners.txt")
    if any(np_text.startswith(x) for x in lexicon.lines("pour_exclusions.txt")) or forms().get(first) or infinitive:
        return []
    sp = span_after(s, m.end(), max_gap=2)
    if sp is None:
        return []
    a, b = quote_content(s.text, sp)
    if words_in(s.text, a, b) < 3:
        return []
    np_a, np_b = m.span("np")
    return [Report("direct", a, b, m.group("cue"), "pour", "selon", m.start("cue"), m.end("cue"), Mention(s.text[np_a:np_b], np_a, np_b))]


def _titles_alternation() -> str:
    """The titles of ``titles.txt`` (« M. », « Mme », « Me » …) as a pattern alternation."""
    return "|".join(regex.escape(row[0]) for row in sorted(lexicon.table("titles.txt", 2), key=lambda r: -len(r[0])))


@functools.cache
def _pour_person_re() -> regex.Pattern[str]:
    # Pour + a person (a name, a pronoun, or a determiner and a noun for a person), then a comma.
    return regex.compile(
        rf"(?:(?:Mais|Et|Or)\s+)?(?P<cue>[Pp]our)\s+(?P<np>(?:(?:{_titles_alternation()})\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
        rf"|lui|elle|eux|elles|(?:le|la|l['’]|ce|cet|cette)\s*(?P<noun>[\p{{Ll}}-]+)[^,«\"“]{{0,60}}?)\s*,\s*"
    )


@functools.cache
def _role_re() -> regex.Pattern[str]:
    """Any role of ``roles.txt``, as whole words."""
    variants = sorted({v for canon, vs in lexicon.pairs("roles.txt") for v in [canon, *vs]}, key=len, reverse=True)
    return regex.compile(r"(?<![\w-])(?:" + "|".join(regex.escape(v) for v in variants) + r")(?![\w-])")


def _names_a_person(np_text: str, noun: str) -> bool:
    """Whether « le/la … » names a person: its noun is in ``person_nouns.txt`` or it holds a role."""
    return noun in lexicon.words("person_nouns.txt") or _role_re().search(np_text.lower(), timeout=REGEX_TIMEOUT) is not None


def _pour_clause(s: Sentence) -> list[Report]:
    """« Pour la magistrate, l'accusé avait « tout à gagner » … », « Pour Anne Roux, il ne faut pas
    « vendre la peau de l'ours » »: « Pour » and a person, then a clause with quoted words, is that
    person's view (mixed). Without quoted words « pour X » may be a purpose or a benefit: no report."""
    m = _pour_person_re().match(s.text, s.start, s.end, timeout=REGEX_TIMEOUT)
    if not m or (m.group("noun") and not _names_a_person(m.group("np"), m.group("noun"))):
        return []
    np_a, np_b = m.span("np")
    start = _after_apposition_of(s, m.end())
    if start > m.end():  # the apposition is part of the source: « la cheffe de la délégation, la vice-ministre X »
        np_b = trimmed(s.text, np_a, start)[1]
    a, b = trimmed(s.text, start, s.end)
    if not s.has_mark(a, b) or words_in(s.text, a, b) < 4:
        return []
    return [Report("mixed", a, b, m.group("cue"), "pour", "selon", m.start("cue"), m.end("cue"), Mention(s.text[np_a:np_b], np_a, np_b))]


APPOSITION_WORDS = 12  # words of an apposition after « Pour X, » (« politologue à l'université de Genève, »)


def _after_apposition_of(s: Sentence, at: int) -> int:
    """Where the clause starts after « Pour X, »: past an apposition to X set off by commas (a role
    or a person noun, « politologue », « la vice-ministre … Daryna Sokil »), else ``at``."""
    comma = s.text.find(",", at, s.end)
    segment = s.text[at:comma] if comma > 0 else ""
    words_ = segment.lower().replace("’", "'").split()
    if not words_ or len(words_) > APPOSITION_WORDS or any(c in segment for c in "«»\"“”:;"):
        return at
    head = words_[1] if words_[0] in ("le", "la", "l'", "un", "une") and len(words_) > 1 else words_[0].removeprefix("l'")
    role = _role_re().search(segment.lower(), timeout=REGEX_TIMEOUT) is not None
    return comma + 1 if head in lexicon.words("person_nouns.txt") or role and len(words_) <= APPOSITION_WORDS else at
