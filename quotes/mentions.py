"""Speaker mentions as written: the subject noun phrase of a reporting verb, before it, after it
(inverted), the agent of a passive, the antecedent of ``qui``, the subject of the main clause.

Every walk is bounded by a few dozen tokens: a mention is a noun phrase, never a page.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from quotes import lexicon
from quotes.tokens import (
    AUX_PASSIVE,
    AUX_WORDS,
    PUNCT,
    QUOTE_MARK,
    Tok,
    VerbHit,
    adverb_word,
    is_adverb,
    is_adverbial,
    is_noun_use,
    skipped_phrase,
    words,
)
from quotes.verbs import INFINITIVE_ENDINGS, forms


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@functools.cache
def _impersonal() -> dict[str, frozenset[str]]:
    """role → words of lexicon/impersonal.txt."""
    out: dict[str, set[str]] = {}
    for role, word in lexicon.table("impersonal.txt", 2):
        out.setdefault(role, set()).add(word.lower())
    return {role: frozenset(ws) for role, ws in out.items()}


def speaker_or_none(text: str, mention: Mention | None, cue_start: int, infinitive: bool) -> Mention | None:
    """``mention`` as a speaker: a conjunction at its front dropped (« comme il »), None when it is
    a complement (« de revenir sur ce point, notons ») or, before an infinitive report, the
    impersonal « il » (« il faut noter que », « il est intéressant de noter que », « faut-il
    rappeler que », « force est de constater que »)."""
    if mention is None:
        return None
    imp = _impersonal()
    first, _, rest = mention.text.partition(" ")
    if first.lower() in imp["drop"]:
        if not rest:
            return None
        mention = Mention(rest, mention.start + len(first) + 1, mention.end)
        first, _, rest = rest.partition(" ")
    second = rest.split(" ", 1)[0]
    if first.lower() in imp["reject"] or first in ("de", "d'") and second.islower() and second.endswith(("er", "ir", "oir")):
        return None  # « de revenir sur ce point » is an infinitive, « de nombreux experts » a subject
    if not rest and first.islower() and adverb_word(first):
        return None  # « notamment », « surtout »: an adverb is nobody
    span = text[mention.start : cue_start].lower().replace("-", " ").replace("’", "'").split() if 0 <= mention.start < cue_start else []
    if span[:1] == ["il"] and len(span) == 3 and span[2] == "été":
        return None  # the impersonal passive: « comme il a été souligné »
    if infinitive and span:
        inverted = len(span) > 1 and span[1] == "il" and span[0] in imp["verb"]  # faut-il
        if span[0] in imp["opener"] or inverted or span[0] == "il" and _impersonal_after_il(span[1:], imp):
            return None
    return mention


def _impersonal_after_il(span: list[str], imp: dict[str, frozenset[str]]) -> bool:
    if any(w in imp["verb"] for w in span):
        return True
    return bool(span) and span[0] in imp["copula"] and span[-1] in ("de", "d'", "à") and len(span) <= 4


def mention_of(text: str, toks: list[Tok], a: int, b: int) -> Mention | None:
    """The tokens ``a``..``b-1`` as written, trimmed of edge punctuation."""
    while a < b and toks[a].norm in PUNCT:
        a += 1
    while b > a and toks[b - 1].norm in PUNCT:
        b -= 1
    if a >= b:
        return None
    return Mention(text[toks[a].start : toks[b - 1].end], toks[a].start, toks[b - 1].end)


def _segment_left(toks: list[Tok], k: int, lo: int) -> int:
    """Start of the phrase that ends before token ``k``: back to punctuation, a clause word or
    another verb; a parenthesis ``(CHMP)`` right before is stepped over."""
    starters = words("clause_starters.txt")
    a = k
    lo = max(lo, k - 40)  # a subject is a phrase, not a page
    while a > lo:
        t = toks[a - 1].norm
        if t == ")":
            opener = next((j for j in range(a - 2, max(lo, a - 30) - 1, -1) if toks[j].norm == "("), None)
            if opener is None:
                break
            a = opener
            continue
        if t in PUNCT or t in starters or (forms().get(t) and a < k and not is_noun_use(toks, a - 1)):
            break
        a -= 1
    return a



def _np_from(text: str, toks: list[Tok], k: int, hi: int) -> Mention | None:
    """The noun phrase that starts at ``k``: a pronoun, a name, or determiner + noun (+ de …)."""
    if k >= hi:
        return None
    if toks[k].norm in words("subject_pronouns.txt"):
        return Mention(toks[k].text, toks[k].start, toks[k].end)
    b = k + 1 if toks[k].norm in words("determiners.txt") else k
    b += 1
    while b < hi and b - k < 10:
        t = toks[b]
        if t.norm in ("de", "du", "des", "d'") and b + 1 < hi:  # … de la diplomatie, du club
            b += 2 if toks[b + 1].norm in ("la", "le", "les", "l'") else 1
            b += 1 if b < hi and not forms().get(toks[b].norm) else 0
        elif t.text[:1].isupper() or t.norm in _nationality_forms() or t.norm in _role_words():
            b += 1  # « le secrétaire général de l'OTAN Jens Stoltenberg », « le ministre russe »
        elif b == k + 2 and t.norm.endswith(_ADJECTIVE_ENDS) and not forms().get(t.norm):
            b += 1  # « l'agence régionale de santé », « la direction générale »: an adjective after the noun
        elif b == k + 2 and toks[k + 1].norm in words("prenominal_adjectives.txt") and t.norm.isalpha() and not forms().get(t.norm):
            b += 1  # « les derniers chiffres », « le nouveau maire »: the noun after an adjective that precedes it
        elif b + 1 < hi and toks[b + 1].norm in AUX_WORDS and t.norm.isalpha() and t.norm not in words("subject_skip.txt"):
            b += 1  # « le ministère ostrien a … »: an adjective right before the auxiliary
            break
        else:
            break
    return mention_of(text, toks, k, b)


def subject_at(text: str, toks: list[Tok], k: int) -> Mention | None:
    """The subject that starts at token ``k`` (a comma skipped) when a verb group follows it:
    « Soulignant que …, le ministère a appelé » gives « le ministère »."""
    while k < len(toks) and toks[k].norm == ",":
        k += 1
    np = _np_from(text, toks, k, min(len(toks), k + 12))
    if np is None:
        return None
    after = next((j for j in range(k, len(toks)) if toks[j].start >= np.end), len(toks))
    return np if after < len(toks) and (toks[after].norm in AUX_WORDS or forms().get(toks[after].norm)) else None


def main_subject(text: str, toks: list[Tok], before: int) -> Mention | None:
    """The subject of the sentence's main clause (for ``…, ajoutant que`` and ``… et affirme que``):
    the noun phrase that opens the sentence, after an opening adverbial set off by a comma."""
    k = 0
    if k < before and (is_adverbial(toks[k]) or toks[k].norm in words("inverted_skip.txt")):  # « Mardi, X … »
        comma = next((j for j in range(k, min(before, 20)) if toks[j].norm == ","), None)
        if comma is None:
            return None
        k = comma + 1
    while k < before and toks[k].norm in ("et", "mais", "or", "puis", "alors", ","):
        k += 1
    if k < before and toks[k].norm.endswith(_LEAD_PARTICIPLE_ENDS) and not forms().get(toks[k].norm) \
            and (comma := next((j for j in range(k + 1, min(before, k + 8)) if toks[j].norm == ","), None)) is not None:
        k = comma + 1  # « Sollicitée, l'ARS indique … et rappelle que », « Contacté par l'AFP, le maire … »
    if k < before and (toks[k].norm in ("de", "d'", "à", "pour") or _capital_a(toks, k, before)):
        nxt = toks[k + 1].norm if k + 1 < before else ""
        if nxt.endswith(INFINITIVE_ENDINGS) and (forms().get(nxt) or not toks[k + 1].text[:1].isupper()):
            return None  # « Et de souligner …, notant que »: an infinitive opens the sentence, no subject
        comma = next((j for j in range(k, min(before, k + 20)) if toks[j].norm == ","), None)
        if comma is None:
            return None
        k = comma + 1  # « De son côté, X … », « D'après nos informations, X … »: an adverbial
    if k < before and toks[k].norm in ("c'", "ce", "cela", "ça"):
        return None  # « C'est ce qu'a déclaré X, soulignant que »: no speaker in « c' »
    return _np_from(text, toks, k, before)



_ADJECTIVE_ENDS = ("al", "ale", "ales", "aux", "ique", "iques", "el", "elle", "els", "elles", "if", "ive", "ifs", "ives",
                   "aire", "aires", "ien", "ienne", "iens", "iennes")  # of an adjective that may follow a subject noun
_LEAD_PARTICIPLE_ENDS = ("é", "ée", "és", "ées", "joint", "jointe", "joints", "jointes")  # a past participle opening a sentence


def _capital_a(toks: list[Tok], k: int, before: int) -> bool:
    """« A la demande de X, … »: the preposition à written without its accent, as a capital."""
    return toks[k].text == "A" and k + 1 < before and toks[k + 1].norm in ("la", "le", "l'", "les")


_COORDINATORS = frozenset({"et", "mais", "puis", "ou", "donc"})

_SUBORDINATORS = frozenset({"que", "qu'", "quand", "lorsque", "lorsqu'", "si", "s'il", "dont", "où", "puisque"})


@functools.cache
def _apposition_preps() -> frozenset[str]:
    """Clause starters that are prepositions too (depuis, pendant …): inside an apposition they
    open a phrase of it (« médecin depuis vingt ans »), not a clause."""
    return words("clause_starters.txt") & words("prepositions.txt")


def _first_conjunct_subject(text: str, toks: list[Tok], conj: int, lo: int) -> Mention | None:
    """The subject of the predicate that « mais a déclaré », « puis a expliqué » (the conjunction
    at ``conj``) goes on from: the antecedent of a relative « X, qui a critiqué … mais a déclaré »,
    else the sentence's subject, unless a subordinate clause stands between (then no guess)."""
    for k in range(conj - 1, max(lo, conj - 40) - 1, -1):
        t = toks[k].norm
        if t == "qui":
            return _antecedent(text, toks, k, lo) if k > lo and toks[k - 1].norm == "," else None
        if t in _SUBORDINATORS:
            return None  # « … quand Jean Dupont a pris la parole, puis a expliqué »: whose predicate?
    return main_subject(text, toks, conj)


def _coordination(toks: list[Tok], a: int, g: int) -> int | None:
    """``… et il m'a demandé``: index after the last et/mais/puis of the segment, None if none."""
    for k in range(g - 1, a - 1, -1):
        if toks[k].norm in _COORDINATORS:
            after = toks[k + 1].norm if k + 1 < g else ""
            if k + 1 == g or after in words("subject_pronouns.txt"):
                return k + 1
            return None  # Le maire et son adjoint: one subject
    return None


def subject_before(text: str, toks: list[Tok], g: int, lo: int, fallback: int) -> Mention | None:
    """The subject noun phrase that ends just before the verb group starting at ``g``."""
    if g - 1 > lo and toks[g - 1].norm in _COORDINATORS:
        return _first_conjunct_subject(text, toks, g - 1, lo)  # X a averti l'OTAN, mais a déclaré que: X
    if g > lo and toks[g].norm in _COORDINATORS:
        return _first_conjunct_subject(text, toks, g, lo)  # X est parti, puis a expliqué que: X
    a = _segment_left(toks, g, lo)
    if g - 1 >= lo and toks[g - 1].norm == "qui":
        return _antecedent(text, toks, g - 1, lo)
    if a < g and toks[a].norm == "qui":
        return _antecedent(text, toks, a, lo)
    c = _coordination(toks, a, g)
    if c is not None:
        if c == g:  # … et affirme que: the subject of the first verb
            return main_subject(text, toks, c - 1)
        a = c
    elif a + 1 < g and toks[a].norm in _COORDINATORS and a > lo and toks[a - 1].norm in PUNCT:
        a += 1  # « …, et la direction a confirmé que »: the conjunction opens the clause, not the subject
    pron = _pronoun_in_group(text, toks, g, fallback)
    if pron is not None and (a == g or is_adverbial(toks[a])):
        return pron  # Quand X est mort, nous pensions / avec un peu de volonté vous observerez
    if a == g and g > lo and toks[g - 1].norm == "," and g - 1 > lo:
        rel = relative_before(toks, g - 1, lo)
        if rel is not None:  # X, qui appelle à manifester, dénonce: the antecedent
            return _antecedent(text, toks, rel, lo)
        comma = adjunct_comma(toks, g - 1, lo)
        if comma is not None and (a3 := _segment_left(toks, comma, lo)) < comma:
            return mention_of(text, toks, _strip_adverbial(toks, a3, comma), comma)  # X, lors de …, a annoncé: X
        a2 = _segment_left(toks, g - 1, lo)  # X, secrétaire général, a déclaré: apposition
        while a2 - 1 > lo and toks[a2 - 1].norm in _apposition_preps():
            a2 = _segment_left(toks, a2 - 1, lo)  # X, médecin à Lyon depuis vingt ans, reconnaît: the whole apposition
        adjunct = _participial_adjunct(toks, a2, lo)
        if adjunct is not None:  # X, s'exprimant devant la presse, a estimé: X alone
            a2 = _segment_left(toks, adjunct - 1, lo)
            return mention_of(text, toks, _strip_adverbial(toks, a2, adjunct - 1), adjunct - 1)
        if a2 > lo and toks[a2 - 1].norm == ",":
            end = a2 - 1
            a2 = _segment_left(toks, end, lo)
            if _an_age(toks, a2, end) and a2 - 1 > lo and toks[a2 - 1].norm == ",":
                a2 = _segment_left(toks, a2 - 1, lo)  # « Élodie Carrère, 29 ans, installée depuis …, raconte »: the name first
        return mention_of(text, toks, _strip_adverbial(toks, a2, g - 1), g - 1)
    if a == g:
        return None
    a = _strip_adverbial(toks, a, g)
    if g - a > 14:
        return None  # a whole clause, not a noun phrase
    if g - a == 1 and toks[a].norm in _INFINITIVE_AUXILIARIES:
        return None  # « après avoir constaté que … »: an infinitive has no subject of its own
    if a - 2 > lo and toks[a - 2].norm.endswith(_PARTICIPLE_ENDS) and toks[a - 1].norm in _apposition_preps():
        a2 = _segment_left(toks, a - 1, lo)  # « une touriste venue pour la troisième fois reconnaît »: the whole phrase
        if a2 < a - 2 and toks[a2].norm in words("determiners.txt"):
            a = a2
    return mention_of(text, toks, a, g)


_PARTICIPLE_ENDS = ("é", "ée", "és", "ées", "ue", "ues", "venu", "venus")  # of a participle that a preposition follows


_INFINITIVE_AUXILIARIES = frozenset({"avoir", "être"})


def _an_age(toks: list[Tok], a: int, b: int) -> bool:
    """« 29 ans »: the words ``toks[a:b]`` are an age in apposition."""
    return b - a == 2 and toks[a].norm.isdigit() and toks[a + 1].norm == "ans"


_PARTICIPLE_LEAD = ("s'", "se", "en", "tout", "n'", "ne")


def _participial_adjunct(toks: list[Tok], a: int, lo: int) -> int | None:
    """Start of a participial adjunct set off by commas (« , s'exprimant devant la presse, »,
    « , tout en reconnaissant … , ») whose first word is at or just after ``a``, or None (a
    reporting participle ends a segment: the adjunct may start one word before ``a``)."""
    if a > lo and toks[a - 1].norm.endswith("ant") and forms().get(toks[a - 1].norm):
        a -= 1
    k = a
    while k < len(toks) and toks[k].norm in _PARTICIPLE_LEAD:
        k += 1
    w = toks[k].norm if k < len(toks) else ""
    if len(w) < 5 or not w.endswith("ant") or w in words("not_participles.txt"):
        return None
    start = a
    while start > lo and toks[start - 1].norm in _PARTICIPLE_LEAD:
        start -= 1
    return start if start > lo + 1 and toks[start - 1].norm == "," else None


ADJUNCT_COMMA_REACH = 16  # words of an adjunct set off by commas between a subject and its verb


def adjunct_comma(toks: list[Tok], comma: int, lo: int, participle_only: bool = False) -> int | None:
    """The comma that opens an adjunct set off by commas and ending at ``comma``, when a
    preposition starts it (« , lors d'une conférence de presse, », « , sous couvert d'anonymat, »):
    the subject stands before it. None when no such adjunct ends there; « par » opens none
    (« L'Otan, par la voix de sa porte-parole X, a affirmé »: X speaks), but a participle and its
    agent do (« Le ministre, soutenu par la Hongrie, estime »), the only kind ``participle_only``
    looks for."""
    for k in range(comma - 1, max(lo, comma - ADJUNCT_COMMA_REACH), -1):
        if toks[k].norm in PUNCT:
            ok = toks[k].norm == "," and k + 1 < comma and k > lo
            opener = toks[k + 1].norm in words("prepositions.txt") and toks[k + 1].norm != "par"
            passive = k + 2 < comma and toks[k + 2].norm == "par"  # « , soutenu par la Hongrie, »
            return k if ok and (opener and not participle_only or passive) else None
    return None


def relative_before(toks: list[Tok], comma: int, lo: int) -> int | None:
    """The ``qui`` of a relative clause set off by commas that ends at ``comma``."""
    for k in range(comma - 1, max(lo, comma - 30), -1):
        if toks[k].norm == ",":
            return None
        if toks[k].norm == "qui" and k > lo and toks[k - 1].norm == ",":
            return k
    return None


def _strip_adverbial(toks: list[Tok], a: int, b: int) -> int:
    """``Lors de la réunion de mardi Paul Martin`` → ``Paul Martin``: skip a leading phrase."""
    preps = words("prepositions.txt")
    if a >= b or toks[a].norm not in preps:
        return a
    for k in range(b - 1, a, -1):
        if toks[k].text[:1].isupper() and toks[k - 1].norm in ("de", "d'", "du", "des", "la", "le", "l'"):
            continue
        if toks[k].norm in words("determiners.txt") or toks[k].text[:1].isupper():
            start = k
            while start > a + 1 and toks[start - 1].text[:1].isupper():
                start -= 1
            return start
    return a


def _antecedent(text: str, toks: list[Tok], qui: int, lo: int) -> Mention | None:
    """``X, qui a déclaré``: the noun phrase before ``qui``, without a leading preposition."""
    end = qui - 1 if qui > lo and toks[qui - 1].norm == "," else qui
    a = _segment_left(toks, end, lo)
    dets = [k for k in range(a, end) if toks[k].norm in words("determiners.txt") and toks[k].norm not in ("du", "des")
            and (k == 0 or toks[k - 1].norm not in ("de", "d'"))]
    if dets:
        a = dets[-1]
    aux = [k for k in range(a, end - 2) if toks[k].norm in AUX_WORDS]
    if aux:
        a = aux[-1] + 2  # « Le ministre a reçu Jean Dupont, qui … »: the object of the verb before
    while a < end and toks[a].norm in words("prepositions.txt") | {"aux", "au"} and toks[a].norm not in ("de", "d'"):
        a += 1
    if end - a > 10:
        a = end - 10
    return mention_of(text, toks, a, end)


def _pronoun_in_group(text: str, toks: list[Tok], g: int, fallback: int) -> Mention | None:
    """``Nous pensons``: the pronoun that the walk took for an object clitic is the subject."""
    for k in range(g, fallback):
        if toks[k].norm in words("subject_pronouns.txt"):
            return Mention(toks[k].text, toks[k].start, toks[k].end)
    return None


def subject_after(text: str, toks: list[Tok], j: int, hi: int, adjuncts: bool = False) -> Mention | None:
    """The inverted subject after the verb: ``… », a déclaré mercredi le ministre allemand.``
    ``adjuncts``: an adjunct may stand before it (``_skip_adjunct``), after a quotation only."""
    k = _skip_adjunct(toks, j, hi) if adjuncts and j < hi and toks[j].norm == "," else j  # « témoigne, encore sous le choc, X »
    skip = words("inverted_skip.txt")
    while k < hi and k < j + 6:
        if _possessive_subject(toks, k, hi, skip):
            break  # « a expliqué son avocat » (« a déclaré pour sa part le ministre »: skipped)
        if toks[k].norm in skip or toks[k].norm == "," and _next_to_skipped(toks, k, j, hi, skip):
            k += 1  # « a indiqué, lundi, le Pentagone »: the commas around a skipped word too
        elif n := skipped_phrase(toks, k, hi):
            k += n  # « a confié ce matin la ministre », « affirme depuis des semaines le trésorier »
        elif is_adverb(toks[k]) and toks[k].norm not in PUNCT and not (adjuncts and toks[k].norm in words("prepositions.txt")):
            k += 1  # « répète inlassablement le maire » (« en entrevue » is an adjunct: _skip_adjunct)
        else:
            break
    if adjuncts and k < hi and toks[k].norm == ",":
        k = _skip_adjunct(toks, k, hi)  # « a concédé, interrogé sur la crise, le président »
    if k >= hi or toks[k].norm in PUNCT or toks[k].norm in ("que", "qu'"):
        return None
    k = _skip_complement(toks, k, hi)
    if adjuncts:  # « a annoncé vers 23 heures sur les réseaux sociaux la gendarmerie »: two adjuncts at most
        k = _skip_adjunct(toks, _skip_adjunct(toks, k, hi), hi)
    if k >= hi:
        return None
    if forms().get(toks[k].norm) or not (toks[k].text[:1].isupper() or toks[k].norm in words("determiners.txt")):
        return None
    stops = words("np_stops.txt")
    quoted = _quoted_noun_end(toks, k, hi)
    if quoted is not None and (quoted >= hi or toks[quoted].norm in PUNCT or toks[quoted].norm in stops):
        return Mention(text[toks[k].start : toks[quoted - 1].end], toks[k].start, toks[quoted - 1].end)  # le « diplomate »
    b = k + 1
    hi = min(hi, k + 30)
    while (b < hi and toks[b].norm not in PUNCT and (toks[b].norm not in stops or _names_an_office(toks, b, hi))
           and not (b + 1 < hi and toks[b].norm in words("determiners.txt") and toks[b + 1].norm in stops)):
        b += 1  # « la veille », « ce matin »: a determiner before a stop word ends the phrase too
    if _apposed(toks, after := _past_acronym(toks, b, hi), hi):
        b = after  # « la présidente du syndicat (SPEC-UQTR), Geneviève Pronovost »
    if _apposed(toks, b, hi):
        b += 2  # apposition: Joe Martin, le président du club
        while b < hi and toks[b].norm not in PUNCT and toks[b].norm not in stops - {"de", "du"}:
            b += 1
    return mention_of(text, toks, k, min(b, k + SUBJECT_REACH))


ACRONYM_REACH = 4  # tokens inside the parentheses of an acronym or a short gloss


def _past_acronym(toks: list[Tok], b: int, hi: int) -> int:
    """After a parenthesised acronym or gloss that closes a noun phrase (« … de l'UQTR (SPEC-UQTR) »),
    the index after its closing parenthesis; ``b`` when there is none."""
    if b >= hi or toks[b].norm != "(":
        return b
    close = next((c for c in range(b + 1, min(hi, b + ACRONYM_REACH + 2)) if toks[c].norm == ")"), None)
    return close + 1 if close is not None and close > b + 1 else b


def _apposed(toks: list[Tok], b: int, hi: int) -> bool:
    """Whether an apposition opens at the comma ``b``: a determiner or a capitalised word after it."""
    return b + 1 < hi and toks[b].norm == "," and (toks[b + 1].norm in words("determiners.txt") or toks[b + 1].text[:1].isupper())


def _possessive_subject(toks: list[Tok], k: int, hi: int, skip: frozenset[str]) -> bool:
    """A possessive of inverted_skip.txt (« sa part », « son tour ») that opens a noun phrase
    instead: the word after it is not skipped (« son avocat »)."""
    return toks[k].norm in skip and toks[k].norm in words("determiners.txt") and k + 1 < hi and toks[k + 1].norm not in skip


def _quoted_noun_end(toks: list[Tok], k: int, hi: int) -> int | None:
    """After the determiner at ``k``, one or two words in quotation marks (« a déclaré le
    "diplomate" »): the index after the closing mark, or None."""
    if toks[k].norm not in words("determiners.txt") or k + 1 >= hi or not QUOTE_MARK.fullmatch(toks[k + 1].norm):
        return None
    close = next((c for c in range(k + 3, min(hi, k + 5)) if QUOTE_MARK.fullmatch(toks[c].norm)), None)
    return None if close is None or any(t.norm in PUNCT for t in toks[k + 2 : close]) else close + 1



def _next_to_skipped(toks: list[Tok], k: int, j: int, hi: int, skip: frozenset[str]) -> bool:
    """Whether the comma at ``k`` opens or closes a skipped word (« , lundi, »)."""
    return k + 1 < hi and toks[k + 1].norm in skip or k > j and toks[k - 1].norm in skip


@functools.cache
def _role_words() -> frozenset[str]:
    """The words of the role phrases of ``roles.txt`` but their first (« général », « étrangères »):
    a subject noun phrase runs through them."""
    return frozenset(w for canon, vs in lexicon.pairs("roles.txt") for v in [*vs, canon] for w in v.split()[1:]
                     if w.isalpha() and len(w) > 3)


@functools.cache
def _nationality_forms() -> frozenset[str]:
    """One-word nationality adjectives (russe, allemande …) from ``nationalities.txt``."""
    return frozenset(v for canon, vs in lexicon.pairs("nationalities.txt") for v in [canon, *vs] if " " not in v)


def _names_an_office(toks: list[Tok], b: int, hi: int) -> bool:
    """``au Contrôle des armements``, ``à l'Énergie``: a capitalised office after à, not an adjunct
    (nor « en » inside a role: « metteuse en scène »);
    « l'envoyée spéciale pour la région, la Norvégienne X »: a pour-phrase that runs to a name."""
    if toks[b].norm == "pour":
        return _named_after(toks, b, hi)
    if toks[b].norm == "en":  # « la metteuse en scène X », « le rédacteur en chef »: a role goes on
        return b + 1 < hi and toks[b + 1].norm in _role_words()
    if toks[b].norm not in ("à", "au", "aux"):
        return False
    article = b + 1 < hi and toks[b + 1].norm in ("l'", "la", "le", "les")
    if toks[b].norm == "à" and not article:
        return False  # à Berlin: a place, not an office
    nxt = b + 2 if article else b + 1
    return nxt < hi and toks[nxt].text[:1].isupper() or _named_after(toks, b, hi)


def _named_after(toks: list[Tok], b: int, hi: int) -> bool:
    """« l'adjointe à la voirie, Martine Roux », « le délégué aux sports Marc Léon »: the à-phrase
    of a title that runs, in a few lower-case words, to a person's name (two capitalised words,
    after a comma or not): the title's, not an adjunct (« a répondu le maire aux journalistes »)."""
    for c in range(b + 2, min(hi - 1, b + 7)):
        if toks[c].norm in PUNCT:  # a comma may stand before the name (« , la Norvégienne X Y »), nothing else
            d = c + 2 if c + 3 < hi and toks[c + 1].norm in ("la", "le", "l'") else c + 1
            return toks[c].norm == "," and d + 1 < hi and toks[d].text[:1].isupper() and toks[d + 1].text[:1].isupper()
        if toks[c].text[:1].isupper() and toks[c + 1].text[:1].isupper():
            return True
    return False


_COMPLEMENT_HEADS = ("à", "au", "aux", "devant", "auprès")


def _skip_complement(toks: list[Tok], k: int, hi: int) -> int:
    """``a déclaré à l'AFP l'avocat``, ``a estimé devant les journalistes à Moscou le ministre``:
    step over the indirect objects and places (two at most) before the inverted subject."""
    for _ in range(2):
        j = _one_complement(toks, k, hi)
        if j == k:
            break
        k = j
    return k


SUBJECT_REACH = 20  # words of an inverted subject with its complements and apposition
ADJUNCT_REACH = 10  # words of an adjunct between an inverted verb and its subject


@functools.cache
def _adjunct_words() -> tuple[frozenset[str], frozenset[str]]:
    """The determiners (with « l' ») and the prepositions (with au, aux, de, d') of ``_skip_adjunct``."""
    return words("determiners.txt") | {"l'"}, words("prepositions.txt") | {"au", "aux", "de", "d'"}


def _skip_adjunct(toks: list[Tok], k: int, hi: int) -> int:
    """``a témoigné sur le plateau de TVL Sud la présidente``, ``a reconnu après le match
    l'entraîneur``, ``a concédé, interrogé sur la crise, le président``: step over one adjunct
    before the inverted subject, a prepositional phrase up to the determiner that does not follow
    a preposition, or a phrase set apart by commas; ``k`` when there is none."""
    if k >= hi:
        return k
    dets, preps = _adjunct_words()
    if toks[k].norm == ",":
        c = next((c for c in range(k + 2, min(hi, k + ADJUNCT_REACH)) if toks[c].norm in PUNCT), hi)
        return c + 1 if _subject_after_comma(toks, c, hi) else k
    if toks[k].norm not in preps or toks[k].norm in ("de", "d'"):
        return k  # (« de » heads no adjunct here: « a déclaré de sa voix … »)
    for c in range(k + 2, min(hi, k + ADJUNCT_REACH)):
        if toks[c].norm in PUNCT:  # « a affirmé samedi, lors de l'assemblée, Yannick Le Goff »
            return c + 1 if _subject_after_comma(toks, c, hi) and k > 0 and toks[k - 1].norm == "," else k
        before = toks[c - 1]
        after_a_noun = before.norm not in dets and before.norm not in preps
        starts = toks[c].norm in dets and toks[c].norm not in ("du", "des")  # after a noun, du and des go on with it
        if after_a_noun and (starts or toks[c].text[:1].isupper() and (before.text[:1].islower() or _place_then_given_name(before, toks[c]))):
            return c  # « sur le plateau de Canal Ouest la présidente », « à l'audience Me Garrigaud », « à Berne Martin X »
    return k


def _place_then_given_name(place: Tok, name: Tok) -> bool:
    """« à Berne Martin Oberholzer »: a capitalised word that is no given name (a place), then one that is."""
    return name.norm in _given_names() and place.norm not in _given_names()


@functools.cache
def _given_names() -> frozenset[str]:
    return frozenset(row[0].lower() for row in lexicon.table("first_names.txt", 2))


def _subject_after_comma(toks: list[Tok], c: int, hi: int) -> bool:
    """Whether the comma at ``c`` closes an adjunct before a subject: a determiner or a name of two
    capitalised words (``_apposed``, stricter on names)."""
    return _apposed(toks, c, hi) and (toks[c + 1].text[:1].islower() or c + 2 < hi and toks[c + 2].text[:1].isupper())


def _one_complement(toks: list[Tok], k: int, hi: int) -> int:
    if k >= hi or toks[k].norm not in _COMPLEMENT_HEADS:
        return k
    j = k + 1
    if toks[k].norm == "auprès" and j < hi and toks[j].norm in ("de", "d'", "du", "des"):
        j += 1  # « auprès de l'AFP »
    if j < hi and toks[j].norm in words("determiners.txt") | {"l'"}:
        j += 1
    if j < hi and QUOTE_MARK.fullmatch(toks[j].norm):  # « a précisé à « La Voix du Nord » une source »
        j = next((c + 1 for c in range(j + 2, min(hi, j + 10)) if QUOTE_MARK.fullmatch(toks[c].norm)), k)
        return j if k < j < hi and (toks[j].norm in words("determiners.txt") or toks[j].text[:1].isupper()) else k
    j += 1
    while j < hi and toks[j].text[:1].isupper():
        j += 1
    if j < hi and (toks[j].norm in words("determiners.txt") or toks[j].text[:1].isupper() or toks[j].norm in _COMPLEMENT_HEADS):
        return j
    return k


def passive_agent(text: str, toks: list[Tok], hit: VerbHit, hi: int) -> Mention | None:
    """``a été annoncé par la mairie`` → ``la mairie``."""
    if hit.i == 0 or toks[hit.i - 1].norm not in AUX_PASSIVE:
        return None
    k = hit.j
    while k < hi and (toks[k].norm in words("inverted_skip.txt") or skipped_phrase(toks, k, hi)):
        k += skipped_phrase(toks, k, hi) or 1  # « a été annoncé vendredi par la direction »
    if k < hi and toks[k].norm == "par":
        return subject_after(text, toks, k + 1, hi) or mention_of(text, toks, k + 1, min(k + 4, hi))
    return None

