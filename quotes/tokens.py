"""Words of French text for the extractor: tokens with offsets, and the reporting verbs among them.

A verb form is found by lookup in the generated forms of ``lexicon/verbs.txt``; the context words
(auxiliaries, negation, clitics, determiners, adverbs) come from lexicon files too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

import regex

from quotes import lexicon
from quotes.verbs import forms, verbs


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    norm: str  # lower case, apostrophes folded


@functools.cache
def _token_re() -> re.Pattern[str]:
    # Titles with their period (M. Mme Dr) unless a lower-case letter follows, words with inner
    # hyphens and a final elision apostrophe (l' qu' a-t-il), or one punctuation mark. The plain
    # word splitter of the standard library is a third faster than `regex` on this hot path.
    abbr = "|".join(re.escape(a) for a in sorted(lexicon.lines("abbreviations.txt"), key=len, reverse=True))
    # Initials with their periods are one word too (« la police en C.-B. », « F.L. Copperman »).
    return re.compile(rf"(?:[A-ZÀ-Þ]\.-?){{2,}}|(?:{abbr})\.(?![^\W\d_A-ZÀ-Þ])|\w+(?:[-‐]\w+)*['’]?|[^\w\s]")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The words and punctuation of ``text[start:end]`` with their offsets and lower-case form."""
    end = len(text) if end is None else end
    low = text[start:end].lower().replace("’", "'")
    if len(low) != end - start:  # a letter whose lower case is longer (İ): lower each token
        return [Tok(m.group(), m.start(), m.end(), m.group().lower()) for m in _token_re().finditer(text, start, end)]
    # The words as strings (no match objects) and each one's offset found after the last: only
    # spaces lie between two tokens, so the next occurrence is the token itself.
    new = tuple.__new__  # Tok(...) costs twice as much on this hot path
    out: list[Tok] = []
    pos = start
    for word in _token_re().findall(text, start, end):
        a = text.find(word, pos)
        pos = a + len(word)
        out.append(new(Tok, (word, a, pos, low[a - start : pos - start])))
    return out


# Inverted subject clitic glued to a verb: dit-il, ajoute-t-elle, a-t-il.
_CLITIC = regex.compile(r"^(?P<verb>.+?)-(?:t-)?(?P<clitic>\L<clitics>)$", clitics=lexicon.lines("clitics.txt"))
# Words and quotation marks: no backtracking, so the faster standard `re` and no timeout guard.
PLAIN_WORD = re.compile(r"\w+")
QUOTE_MARK = re.compile(r'[«»"“”‹›]')
PUNCT = frozenset(",;:()[]«»\"“”‹›—–-.!?…")
AUX_PASSIVE = frozenset({"été", "est", "sont", "fut", "furent", "était", "étaient", "sera", "seront"})


def words(name: str) -> frozenset[str]:
    return lexicon.words(name)


# ------------------------------------------------------------------------------ verbs


@dataclass(frozen=True)
class VerbHit:
    i: int  # index of the verb token
    j: int  # index after the verb (multiword verbs take several tokens)
    lemma: str
    clitic: str | None  # inverted subject clitic (dit-il, a-t-il dit)
    clitic_tok: int  # index of the token that holds the clitic, -1 when none
    cue: Tok
    cue_end: int  # end offset of the cue as written (the whole multiword verb)


def split_clitic(norm: str) -> tuple[str, str | None]:
    m = _CLITIC.match(norm)
    if m and (m.group("verb") in forms() or m.group("verb") in AUX_WORDS):
        return m.group("verb"), m.group("clitic")
    return norm, None


AUX_WORDS = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "est",
                        "sont", "était", "étaient", "serait", "sera", "eut", "fut", "va", "vont"})


def verb_at(toks: list[Tok], i: int) -> VerbHit | None:
    norm, clitic = split_clitic(toks[i].norm)
    if norm in AUX_WORDS and clitic is None:
        return None
    two = f"{norm} {toks[i + 1].norm}" if i + 1 < len(toks) else ""
    three = f"{two} {toks[i + 2].norm}" if i + 2 < len(toks) else ""
    for cand, n in ((three, 3), (two, 2), (norm, 1)):
        lemma = forms().get(cand)
        if lemma and (n == 1 or clitic is None):
            clitic_tok = i if clitic else -1
            if clitic is None:  # a-t-il (encore) ajouté: the clitic is on the auxiliary
                clitic, clitic_tok = _clitic_on_aux(toks, i)
            cue_text = toks[i].text.split("-")[0] if toks[i].norm != norm else toks[i].text
            cue = Tok(cue_text, toks[i].start, toks[i].start + len(cue_text), norm)
            return VerbHit(i, i + n, lemma, clitic, clitic_tok, cue, toks[i + n - 1].end if n > 1 else cue.end)
    return None


def _clitic_on_aux(toks: list[Tok], i: int) -> tuple[str | None, int]:
    for k in range(i - 1, max(-1, i - 4), -1):
        aux, cl = split_clitic(toks[k].norm)
        if cl and aux in AUX_WORDS:
            return cl, k
        if not is_adverb(toks[k]) and toks[k].norm not in words("subject_skip.txt"):
            break
    return None, -1


def is_noun_use(toks: list[Tok], i: int) -> bool:
    """``la demande``, ``le juge``, ``une note``: a determiner right before the form (not an
    object pronoun: ``il l'affirme``, ``X le répète : « … »``)."""
    return i > 0 and toks[i - 1].norm in words("determiners.txt") and not _object_pronoun(toks, i)


_OBJECT_PRONOUNS = ("le", "la", "les", "l'")
_NOT_SUBJECT_END = AUX_WORDS | {"de", "d'", "du", "des", "voici", "voilà"}  # words a subject never ends with
_COLON_REACH = 4  # words between a verb and the colon of « X le répète sans détour : »


def _object_pronoun(toks: list[Tok], i: int) -> bool:
    """Whether the article-like word before the form at ``i`` is its object pronoun: after a subject
    pronoun or a negation (« elle le dit », « on ne l'affirme »), or before a colon that opens the
    words (« Mme X, 81 ans, l'affirme sans détour : »)."""
    if toks[i - 1].norm not in _OBJECT_PRONOUNS or i < 2:
        return False
    before = toks[i - 2].norm
    if before in words("subject_pronouns.txt") or before in ("ne", "n'"):
        return True
    if before in words("determiners.txt") or before in words("prepositions.txt") or before in _NOT_SUBJECT_END or forms().get(before):
        return False  # « de la demande : », « voici la demande : », « c'est la demande : », « balaie le reproche : »
    return any(t.norm == ":" for t in toks[i + 1 : i + 1 + _COLON_REACH])


def not_a_report(toks: list[Tok], hit: VerbHit) -> bool:
    """``cela veut dire``, ``c'est-à-dire``, ``il faut dire``, ``s'assurer``, ``il se trouve``."""
    prev = toks[hit.i - 1].norm if hit.i > 0 else ""
    prev2 = toks[hit.i - 2].norm if hit.i > 1 else ""
    nxt = toks[hit.j].norm if hit.j < len(toks) else ""
    if "à-dire" in toks[hit.i].norm or hit.lemma == "dire" and prev.startswith(("faut", "fall")):
        return True
    if prev == "à" and toks[hit.i].norm == hit.lemma and prev2 in ("", "est", "reste", "était", "restait", "sera"):
        return True  # il est à noter que, reste à savoir: impersonal
    modal = next((t.norm for t in reversed(toks[max(0, hit.i - 3) : hit.i]) if t.norm not in ("pas", "plus", "jamais", "rien")), "")
    if hit.lemma == "dire" and modal.startswith(("veu", "voul", "voud")) and nxt not in ("à", "au", "aux"):
        return True  # cela (ne) veut (pas) dire que: to mean (je voulais dire à X que is a report)
    if prev == "sans":
        return True  # il va sans dire que, sans dire que
    if hit.clitic is None and (verbs()[hit.lemma].incise_only or prev in ("", ",") and nxt not in ("que", "qu'", ":")) \
            and _bare_participle(toks[hit.i].norm, hit.lemma) and not any(t.norm in AUX_WORDS for t in toks[group_start(toks, hit.i, 0) : hit.i]):
        return True  # « Interrogé sur la réforme, X … », « Condamné en première instance, X … »: a participle, no report
    if verbs()[hit.lemma].not_with_object and (prev in _OBJECT_PRONOUNS or prev in AUX_WORDS and prev2 in _OBJECT_PRONOUNS):
        return True  # on l'appelle « le Baron »: naming
    reflexive = prev in ("se", "s'") or (prev in AUX_WORDS and prev2 in ("se", "s'"))
    if reflexive and verbs()[hit.lemma].not_reflexive and not (hit.lemma == "dire" and QUOTE_MARK.fullmatch(nxt)):
        return True  # s'assurer que, il se dit que, se trouver: not reports (« s'est dit « prêt à … » » is)
    return verbs()[hit.lemma].pronominal and not reflexive and not _reflexive_further(toks, hit.i)


def _bare_participle(form: str, lemma: str) -> bool:
    """Whether ``form`` is the past participle of an -er ``lemma`` (« interrogé », « interrogées »)."""
    return lemma.endswith("er") and form.startswith(lemma[:-2]) and form[len(lemma) - 2 :] in ("é", "ée", "és", "ées")


def _reflexive_further(toks: list[Tok], i: int) -> bool:
    """s'est notamment réjoui, se sont-ils félicités: a reflexive pronoun a few words back."""
    return any(t.norm in ("se", "s'", "me", "m'", "nous", "vous", "te", "t'") for t in toks[max(0, i - 4) : i])


def group_start(toks: list[Tok], i: int, lo: int) -> int:
    """First token of the verb group (auxiliaries, negation, clitics, adverbs) ending at ``i``."""
    skip = words("subject_skip.txt")
    k = i
    lo = max(lo, i - 12)
    while k > lo:
        if toks[k - 1].norm in skip or split_clitic(toks[k - 1].norm)[1] or _between_aux(toks, k - 1, lo) or _restrictive(toks, k - 1, lo):
            k -= 1
            if split_clitic(toks[k].norm)[1]:  # a-t-il: the group starts at the auxiliary
                break
        elif (n := _phrase_after_aux(toks, k, lo)) > 0:
            k -= n  # « a de son côté dénoncé », « a une nouvelle fois démenti »
        else:
            break
    return k


@functools.cache
def _skip_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of ``inverted_phrases.txt`` as the tokenizer cuts them, by first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in lexicon.lines("inverted_phrases.txt"):
        norms = tuple(t.norm for t in tokens(line.lower()))
        out.setdefault(norms[0], []).append(norms)
    return {w: tuple(sorted(ps, key=len, reverse=True)) for w, ps in out.items()}


def skipped_phrase(toks: list[Tok], k: int, hi: int) -> int:
    """The number of words of the phrase of ``inverted_phrases.txt`` at ``k`` (0: none)."""
    for phrase in _skip_phrases().get(toks[k].norm, ()):
        if k + len(phrase) <= hi and all(toks[k + m].norm == w for m, w in enumerate(phrase)):
            return len(phrase)
    return 0


@functools.cache
def _phrase_ends() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The same phrases by last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ps in _skip_phrases().values():
        for phrase in ps:
            out.setdefault(phrase[-1], []).append(phrase)
    return {w: tuple(ps) for w, ps in out.items()}


def _phrase_after_aux(toks: list[Tok], k: int, lo: int) -> int:
    """The number of words of a phrase of ``inverted_phrases.txt`` that ends before ``k`` right
    after an auxiliary (0: none)."""
    for phrase in _phrase_ends().get(toks[k - 1].norm, ()):
        a = k - len(phrase)
        if a > lo and toks[a - 1].norm in AUX_WORDS and all(toks[a + m].norm == w for m, w in enumerate(phrase)):
            return len(phrase)
    return 0


def _restrictive(toks: list[Tok], k: int, lo: int) -> bool:
    """« nous ne pouvons que souhaiter que … »: the « que » of « ne … que » right after a modal."""
    return (toks[k].norm == "que" and k - 1 > lo and toks[k - 1].norm in words("subject_skip.txt")
            and any(t.norm in ("ne", "n'") for t in toks[max(lo, k - 3) : k - 1]))


def _between_aux(toks: list[Tok], k: int, lo: int) -> bool:
    """« a sobrement répondu »: an adverb in -ment right after an auxiliary (not « le
    gouvernement a »)."""
    return k > lo and toks[k - 1].norm in AUX_WORDS and is_adverb(toks[k])


def is_adverbial(tok: Tok) -> bool:
    return tok.norm in words("prepositions.txt") or is_adverb(tok)


def is_adverb(tok: Tok) -> bool:
    """Words in -ment (vraiment, notamment) and the adverbs of the lexicon (``adverb_word``,
    written out here: a hot path)."""
    return (len(tok.norm) > 6 and tok.norm.endswith("ment")) or tok.norm in words("adverbs.txt")


def adverb_word(w: str) -> bool:
    """``is_adverb`` of a lower-case word."""
    return (len(w) > 6 and w.endswith("ment")) or w in words("adverbs.txt")


@functools.cache
def first_words() -> frozenset[str]:
    """The first word of every verb form (``fait`` for ``fait savoir``): the quick test."""
    return frozenset(f.split()[0] for f in forms())
