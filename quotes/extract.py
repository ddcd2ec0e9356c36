"""Find who is reported as saying what in French text: quotations, reported speech, selon X.

One paragraph at a time (``extract_paragraph``), one sentence at a time inside it. The
language knowledge (verb forms, clitics, determiners, stop words) comes from
``quotes/lexicon``; this module only knows the constructions:

* post-quote incise ``« … », a déclaré X`` / ``« … » a-t-il ajouté``;
* mid-quote incise ``« A, a-t-il dit, B »`` and the two-part ``« A », dit-il, « B »``;
* verb before a quotation ``X a déclaré : « … »``;
* indirect and mixed ``X a déclaré (mercredi) que …``, ``…, ajoutant que …``;
* unquoted incise ``La situation est grave, a déclaré le ministre.``;
* ``Selon X, …``, ``…, selon X.``, ``D'après X, …``, ``Pour X, « … »``.

Every search is bounded by the sentence and by small token windows, so the time is linear in
the length of the text whatever it holds.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import regex

from quotes import lexicon
from quotes.clean import Span, pair_quotes, split_sentences, top_level
from quotes.model import Article, Quote
from quotes.verbs import forms, verbs

# ------------------------------------------------------------------------------ tokens


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    norm: str  # lower case, apostrophes folded


@functools.cache
def _token_re() -> regex.Pattern[str]:
    # Titles with their period (M. Mme Dr), words with inner hyphens and a final elision
    # apostrophe (l' qu' a-t-il), or one punctuation mark.
    return regex.compile(
        r"(?:\L<abbr>)\.(?!\p{Ll})|\w+(?:[-‐]\w+)*['’]?|[^\w\s]",
        abbr=sorted(lexicon.lines("abbreviations.txt"), key=len, reverse=True),
    )


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The words and punctuation of ``text[start:end]`` with their offsets and lower-case form."""
    end = len(text) if end is None else end
    low = text[start:end].lower().replace("’", "'")
    if len(low) != end - start:  # a letter whose lower case is longer (İ): lower each token
        return [Tok(m.group(), m.start(), m.end(), m.group().lower()) for m in _token_re().finditer(text, start, end)]
    new = tuple.__new__  # Tok(...) costs twice as much on this hot path
    return [new(Tok, (text[a:b], a, b, low[a - start : b - start])) for a, b in map(_span, _token_re().finditer(text, start, end))]


def _span(m: regex.Match[str]) -> tuple[int, int]:
    return m.span()


# Inverted subject clitic glued to a verb: dit-il, ajoute-t-elle, a-t-il.
_CLITIC = regex.compile(r"^(?P<verb>.+?)-(?:t-)?(?P<clitic>\L<clitics>)$", clitics=lexicon.lines("clitics.txt"))
_PLAIN_WORD = regex.compile(r"\w+")
_QUOTE_MARK = regex.compile(r'[«»"“”‹›]')
_PUNCT_BOUNDARY = frozenset(",;:()[]«»\"“”‹›—–-.!?…")
_AUX_PASSIVE = frozenset({"été", "est", "sont", "fut", "furent", "était", "étaient", "sera", "seront"})


def _words(name: str) -> frozenset[str]:
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


def _split_clitic(norm: str) -> tuple[str, str | None]:
    m = _CLITIC.match(norm)
    if m and (m.group("verb") in forms() or m.group("verb") in _AUX_WORDS):
        return m.group("verb"), m.group("clitic")
    return norm, None


_AUX_WORDS = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "est",
                        "sont", "était", "étaient", "serait", "sera", "eut", "fut", "va", "vont"})


def _verb_at(toks: list[Tok], i: int) -> VerbHit | None:
    norm, clitic = _split_clitic(toks[i].norm)
    if norm in _AUX_WORDS and clitic is None:
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
        aux, cl = _split_clitic(toks[k].norm)
        if cl and aux in _AUX_WORDS:
            return cl, k
        if not _is_adverb(toks[k]) and toks[k].norm not in _words("subject_skip.txt"):
            break
    return None, -1


def _is_noun_use(toks: list[Tok], i: int) -> bool:
    """``la demande``, ``le juge``, ``une note``: a determiner right before the form."""
    return i > 0 and toks[i - 1].norm in _words("determiners.txt")


def _not_a_report(toks: list[Tok], hit: VerbHit) -> bool:
    """``cela veut dire``, ``c'est-à-dire``, ``il faut dire``, ``s'assurer``, ``il se trouve``."""
    prev = toks[hit.i - 1].norm if hit.i > 0 else ""
    prev2 = toks[hit.i - 2].norm if hit.i > 1 else ""
    nxt = toks[hit.j].norm if hit.j < len(toks) else ""
    if "à-dire" in toks[hit.i].norm or hit.lemma == "dire" and prev.startswith(("faut", "fall")):
        return True
    if prev == "à" and toks[hit.i].norm == hit.lemma:
        return True  # il est à noter que, reste à savoir: impersonal
    modal = next((t.norm for t in reversed(toks[max(0, hit.i - 3) : hit.i]) if t.norm not in ("pas", "plus", "jamais", "rien")), "")
    if hit.lemma == "dire" and modal.startswith(("veu", "voul", "voud")) and nxt not in ("à", "au", "aux"):
        return True  # cela (ne) veut (pas) dire que: to mean (je voulais dire à X que is a report)
    if prev == "sans":
        return True  # il va sans dire que, sans dire que
    reflexive = prev in ("se", "s'") or (prev in _AUX_WORDS and prev2 in ("se", "s'"))
    if reflexive and verbs()[hit.lemma].not_reflexive:
        return True  # s'assurer que, il se dit que, se trouver: not reports
    return verbs()[hit.lemma].pronominal and not reflexive and not _reflexive_further(toks, hit.i)


def _reflexive_further(toks: list[Tok], i: int) -> bool:
    """s'est notamment réjoui, se sont-ils félicités: a reflexive pronoun a few words back."""
    return any(t.norm in ("se", "s'", "me", "m'", "nous", "vous", "te", "t'") for t in toks[max(0, i - 4) : i])


def _group_start(toks: list[Tok], i: int, lo: int) -> int:
    """First token of the verb group (auxiliaries, negation, clitics, adverbs) ending at ``i``."""
    skip = _words("subject_skip.txt")
    k = i
    lo = max(lo, i - 12)
    while k > lo and (toks[k - 1].norm in skip or _split_clitic(toks[k - 1].norm)[1]):
        k -= 1
        if _split_clitic(toks[k].norm)[1]:  # a-t-il: the group starts at the auxiliary
            break
    return k


# ------------------------------------------------------------------------------ mentions


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


def _mention(text: str, toks: list[Tok], a: int, b: int) -> Mention | None:
    """The tokens ``a``..``b-1`` as written, trimmed of edge punctuation."""
    while a < b and toks[a].norm in _PUNCT_BOUNDARY:
        a += 1
    while b > a and toks[b - 1].norm in _PUNCT_BOUNDARY:
        b -= 1
    if a >= b:
        return None
    return Mention(text[toks[a].start : toks[b - 1].end], toks[a].start, toks[b - 1].end)


def _segment_left(toks: list[Tok], k: int, lo: int) -> int:
    """Start of the phrase that ends before token ``k``: back to punctuation, a clause word or
    another verb; a parenthesis ``(CHMP)`` right before is stepped over."""
    starters = _words("clause_starters.txt")
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
        if t in _PUNCT_BOUNDARY or t in starters or (forms().get(t) and a < k and not _is_noun_use(toks, a - 1)):
            break
        a -= 1
    return a


def _is_adverbial(tok: Tok) -> bool:
    return tok.norm in _words("prepositions.txt") or _is_adverb(tok)


def _is_adverb(tok: Tok) -> bool:
    """Words in -ment (vraiment, notamment) and the adverbs of the lexicon."""
    return (len(tok.norm) > 6 and tok.norm.endswith("ment")) or tok.norm in _words("adverbs.txt")


def _np_from(text: str, toks: list[Tok], k: int, hi: int) -> Mention | None:
    """The noun phrase that starts at ``k``: a pronoun, a name, or determiner + noun (+ de …)."""
    if k >= hi:
        return None
    if toks[k].norm in _words("subject_pronouns.txt"):
        return Mention(toks[k].text, toks[k].start, toks[k].end)
    b = k + 1 if toks[k].norm in _words("determiners.txt") else k
    b += 1
    while b < hi and b - k < 8:
        t = toks[b]
        if t.text[:1].isupper() or t.norm in ("de", "du", "des", "d'") and b + 1 < hi and not forms().get(toks[b + 1].norm):
            b += 1
        elif t.norm in ("la", "le", "les", "l'") and toks[b - 1].norm in ("de", "d'"):
            b += 1
        else:
            break
    return _mention(text, toks, k, b)


def _main_subject(text: str, toks: list[Tok], before: int) -> Mention | None:
    """The subject of the sentence's main clause (for ``…, ajoutant que`` and ``… et affirme que``):
    the noun phrase that opens the sentence, after an opening adverbial set off by a comma."""
    k = 0
    if k < before and _is_adverbial(toks[k]):
        comma = next((j for j in range(k, min(before, 20)) if toks[j].norm == ","), None)
        if comma is None:
            return None
        k = comma + 1
    while k < before and toks[k].norm in ("et", "mais", "or", "puis", "alors", ","):
        k += 1
    return _np_from(text, toks, k, before)


def _coordination(toks: list[Tok], a: int, g: int) -> int | None:
    """``… et il m'a demandé``: index after the last et/mais/puis of the segment, None if none."""
    for k in range(g - 1, a - 1, -1):
        if toks[k].norm in ("et", "mais", "puis", "ou", "donc"):
            after = toks[k + 1].norm if k + 1 < g else ""
            if k + 1 == g or after in _words("subject_pronouns.txt"):
                return k + 1
            return None  # Le maire et son adjoint: one subject
    return None


def _subject_before(text: str, toks: list[Tok], g: int, lo: int, fallback: int) -> Mention | None:
    """The subject noun phrase that ends just before the verb group starting at ``g``."""
    a = _segment_left(toks, g, lo)
    if g - 1 >= lo and toks[g - 1].norm == "qui":
        return _antecedent(text, toks, g - 1, lo)
    if a < g and toks[a].norm == "qui":
        return _antecedent(text, toks, a, lo)
    c = _coordination(toks, a, g)
    if c is not None:
        if c == g:  # … et affirme que: the subject of the first verb
            return _main_subject(text, toks, c - 1)
        a = c
    pron = _pronoun_in_group(text, toks, g, fallback)
    if pron is not None and (a == g or _is_adverbial(toks[a])):
        return pron  # Quand X est mort, nous pensions / avec un peu de volonté vous observerez
    if a == g and g > lo and toks[g - 1].norm == "," and g - 1 > lo:
        a2 = _segment_left(toks, g - 1, lo)  # X, secrétaire général, a déclaré: apposition
        if a2 > lo and toks[a2 - 1].norm == ",":
            a2 = _segment_left(toks, a2 - 1, lo)
        return _mention(text, toks, _strip_adverbial(toks, a2, g - 1), g - 1)
    if a == g:
        return None
    a = _strip_adverbial(toks, a, g)
    if g - a > 14:
        return None  # a whole clause, not a noun phrase
    return _mention(text, toks, a, g)


def _strip_adverbial(toks: list[Tok], a: int, b: int) -> int:
    """``Lors de la réunion de mardi Paul Martin`` → ``Paul Martin``: skip a leading phrase."""
    preps = _words("prepositions.txt")
    if a >= b or toks[a].norm not in preps:
        return a
    for k in range(b - 1, a, -1):
        if toks[k].text[:1].isupper() and toks[k - 1].norm in ("de", "d'", "du", "des", "la", "le", "l'"):
            continue
        if toks[k].norm in _words("determiners.txt") or toks[k].text[:1].isupper():
            start = k
            while start > a + 1 and toks[start - 1].text[:1].isupper():
                start -= 1
            return start
    return a


def _antecedent(text: str, toks: list[Tok], qui: int, lo: int) -> Mention | None:
    """``X, qui a déclaré``: the noun phrase before ``qui``, without a leading preposition."""
    end = qui - 1 if qui > lo and toks[qui - 1].norm == "," else qui
    a = _segment_left(toks, end, lo)
    dets = [k for k in range(a, end) if toks[k].norm in _words("determiners.txt") and toks[k].norm not in ("du", "des")
            and (k == 0 or toks[k - 1].norm not in ("de", "d'"))]
    if dets:
        a = dets[-1]
    while a < end and toks[a].norm in _words("prepositions.txt") | {"aux", "au"} and toks[a].norm not in ("de", "d'"):
        a += 1
    if end - a > 10:
        a = end - 10
    return _mention(text, toks, a, end)


def _pronoun_in_group(text: str, toks: list[Tok], g: int, fallback: int) -> Mention | None:
    """``Nous pensons``: the pronoun that the walk took for an object clitic is the subject."""
    for k in range(g, fallback):
        if toks[k].norm in _words("subject_pronouns.txt"):
            return Mention(toks[k].text, toks[k].start, toks[k].end)
    return None


def _subject_after(text: str, toks: list[Tok], j: int, hi: int) -> Mention | None:
    """The inverted subject after the verb: ``… », a déclaré mercredi le ministre allemand.``"""
    k = j
    skip = _words("inverted_skip.txt")
    while k < hi and toks[k].norm in skip and k < j + 6:
        k += 1
    if k >= hi or toks[k].norm in _PUNCT_BOUNDARY or toks[k].norm in ("que", "qu'"):
        return None
    k = _skip_complement(toks, k, hi)
    if k >= hi:
        return None
    if forms().get(toks[k].norm) or not (toks[k].text[:1].isupper() or toks[k].norm in _words("determiners.txt")):
        return None
    stops = _words("np_stops.txt")
    b = k + 1
    hi = min(hi, k + 30)
    while b < hi and toks[b].norm not in _PUNCT_BOUNDARY and toks[b].norm not in stops:
        b += 1
    if b + 1 < hi and toks[b].norm == "," and (toks[b + 1].norm in _words("determiners.txt") or toks[b + 1].text[:1].isupper()):
        b += 2  # apposition: Joe Martin, le président du club
        while b < hi and toks[b].norm not in _PUNCT_BOUNDARY and toks[b].norm not in stops - {"de", "du"}:
            b += 1
    return _mention(text, toks, k, min(b, k + 14))


def _skip_complement(toks: list[Tok], k: int, hi: int) -> int:
    """``a déclaré à l'AFP l'avocat``: step over an indirect object before the inverted subject."""
    if k >= hi or toks[k].norm not in ("à", "au", "aux", "devant", "auprès"):
        return k
    j = k + 1
    if j < hi and toks[j].norm in _words("determiners.txt") | {"l'"}:
        j += 1
    j += 1
    while j < hi and toks[j].text[:1].isupper():
        j += 1
    if j < hi and (toks[j].norm in _words("determiners.txt") or toks[j].text[:1].isupper()):
        return j
    return k


def _passive_agent(text: str, toks: list[Tok], hit: VerbHit, hi: int) -> Mention | None:
    """``a été annoncé par la mairie`` → ``la mairie``."""
    if hit.i == 0 or toks[hit.i - 1].norm not in _AUX_PASSIVE:
        return None
    if hit.j < hi and toks[hit.j].norm == "par":
        return _subject_after(text, toks, hit.j + 1, hi) or _mention(text, toks, hit.j + 1, min(hit.j + 4, hi))
    return None


# ------------------------------------------------------------------------------ reports


@dataclass
class Report:
    kind: str
    start: int  # content offsets in the paragraph
    end: int
    cue: str
    cue_lemma: str
    cue_class: str
    cue_start: int
    cue_end: int
    mention: Mention | None
    open_right: bool = False  # the quotation goes on in the next paragraph
    open_left: bool = False  # the quotation opened in an earlier paragraph
    subordinate: bool = False  # ajoutant que, avant d'ajouter: the speaker of the report before


_EDGE = ",;:.!?…—–-"


def _trimmed(text: str, a: int, b: int, strip_end: str = _EDGE) -> tuple[int, int]:
    """Without spaces (any kind) and the given punctuation at the edges."""
    while a < b and (text[a] in _EDGE or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in strip_end or text[b - 1].isspace()):
        b -= 1
    return a, b


def _quote_content(text: str, span: Span) -> tuple[int, int]:
    a, b = span.inner
    return _trimmed(text, max(a, 0), min(b, len(text)), ",")


def _report(text: str, kind: str, ab: tuple[int, int], hit: VerbHit, mention: Mention | None) -> Report | None:
    a, b = ab
    if a >= b:
        return None
    v = verbs()[hit.lemma]
    cls = "cognition" if v.cls == "cognition" else "speech"
    return Report(kind, a, b, text[hit.cue.start : hit.cue_end], hit.lemma, cls, hit.cue.start, hit.cue_end, mention)


@dataclass
class Sentence:
    text: str  # the whole paragraph
    start: int
    end: int
    spans: list[Span]  # top-level quotations that overlap the sentence

    @functools.cached_property
    def toks(self) -> list[Tok]:
        return tokens(self.text, self.start, self.end)

    @functools.cached_property
    def opens(self) -> list[int]:
        return [sp.open for sp in self.spans]

    @functools.cached_property
    def closes(self) -> list[int]:
        return [sp.close for sp in self.spans]

    @functools.cached_property
    def marks(self) -> list[int]:
        """Positions of the quotation marks of the sentence (for ``mixed``)."""
        return [m.start() for m in _QUOTE_MARK.finditer(self.text, self.start, self.end)]

    def has_mark(self, a: int, b: int) -> bool:
        return bisect.bisect_left(self.marks, a) < bisect.bisect_left(self.marks, b)

    def may_report(self) -> bool:
        """Whether any word could be a reporting verb: most sentences are never tokenised."""
        return not _first_words().isdisjoint(_PLAIN_WORD.findall(self.text[self.start : self.end].lower()))


def _span_at(s: Sentence, pos: int) -> Span | None:
    """The quotation around ``pos`` (spans are top-level: sorted and disjoint)."""
    i = bisect.bisect_left(s.opens, pos) - 1
    return s.spans[i] if i >= 0 and s.spans[i].close > pos else None


def _words_in(text: str, a: int, b: int, most: int = 16) -> int:
    """How many words ``text[a:b]`` has, counted up to ``most`` (a bounded look at long texts)."""
    return min(len(text[a : min(b, a + 20 * most)].split()), most)


def _span_before(s: Sentence, tok_index: int) -> Span | None:
    """The quotation that closes right before token ``tok_index`` (a comma or a dash between)."""
    k = tok_index - 1
    while k >= 0 and s.toks[k].norm in (",", "—", "–", "-"):
        k -= 1
    if k < 0:
        return None
    i = bisect.bisect_left(s.closes, s.toks[k].start)
    return s.spans[i] if i < len(s.spans) and s.spans[i].close == s.toks[k].start else None


def _span_after(s: Sentence, pos: int, max_gap: int = 2) -> Span | None:
    """The quotation that opens at ``pos`` or after a colon / comma / space."""
    i = bisect.bisect_left(s.opens, pos)
    if i < len(s.spans):
        sp = s.spans[i]
        if sp.open - pos <= max_gap + 3 and s.text[pos : sp.open].strip() in ("", ":", ",", ", :", "—"):
            return sp
    return None


def _inverted_mention(s: Sentence, hit: VerbHit) -> Mention | None:
    if hit.clitic:
        t = s.toks[hit.clitic_tok]
        at = t.start + t.norm.rfind(hit.clitic)
        return Mention(s.text[at : at + len(hit.clitic)], at, at + len(hit.clitic))
    return _subject_after(s.text, s.toks, hit.j, len(s.toks))


def _post_quote(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``« … », a déclaré X`` and ``« A », dit-il, « B »``."""
    sp = _span_before(s, g)
    if sp is None or (sp.close - max(sp.open, s.start)) < 2:
        return None
    mention = _inverted_mention(s, hit)
    if mention is None and hit.clitic is None:
        mention = _subject_before(s.text, s.toks, g, _tok_index(s, sp.close) + 1, hit.i)
    if mention is None:
        return None
    a, b = _quote_content(s.text, sp)
    second = _span_after(s, mention.end)
    if second is not None and not _long_unattributed_gap(s, mention.end, second.open):
        b = _quote_content(s.text, second)[1]
    if not _is_speech(s.text, a, b, hit):
        return None
    rep = _report(s.text, "direct", (a, b), hit, mention)
    if rep:
        rep.open_left = sp.open < 0
    return rep


def _long_unattributed_gap(s: Sentence, a: int, b: int) -> bool:
    return bool(s.text[a:b].strip(" ,—-"))


def _tok_index(s: Sentence, pos: int) -> int:
    return bisect.bisect_left(s.toks, pos, key=_tok_start)


def _tok_start(t: Tok) -> int:
    return t.start


def _is_speech(text: str, a: int, b: int, hit: VerbHit) -> bool:
    """A quotation of two words or more (a single word in marks is a term, not speech)."""
    return _words_in(text, a, b) >= 2


def _mid_quote(s: Sentence, hit: VerbHit, g: int, sp: Span) -> Report | None:
    """``« C'est fini, a-t-il dit, pour de bon »``: an inverted incise between commas."""
    if g == 0 or s.toks[g - 1].norm not in (",", "—", "-", "–"):
        return None
    mention = _inverted_mention(s, hit)
    if mention is None:
        return None
    after = mention.end if hit.clitic is None else max(mention.end, hit.cue_end)
    rest = s.text[after : min(sp.close, len(s.text), after + 40)].lstrip()
    if rest[:1] not in (",", "—", "-", "–", ".", "") or _words_in(s.text, s.toks[g].start, after) > 10:
        return None
    return _report(s.text, "direct", _quote_content(s.text, sp), hit, mention)


def _pre_quote(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``X a déclaré : « … »`` (or a long quotation right after the verb)."""
    k, gap = hit.j, 0
    while k < len(s.toks) and s.toks[k].norm not in (":", "«", '"', "“") and gap < 6:
        if s.toks[k].norm in _PUNCT_BOUNDARY and s.toks[k].norm != ",":
            return None
        k, gap = k + 1, gap + 1
    if k >= len(s.toks):
        return None
    sp = _span_after(s, s.toks[k].start if s.toks[k].norm != ":" else s.toks[k].end)
    if sp is None:
        return None
    colon = s.toks[k].norm == ":"
    a, b = _quote_content(s.text, sp)
    if not colon and (_words_in(s.text, a, b) < 4 or gap > 0):
        return None
    if not _is_speech(s.text, a, b, hit):
        return None
    subordinate = hit.clitic is None and _is_participle(s.toks, hit)
    if subordinate:
        mention = _main_subject(s.text, s.toks, g)
    else:
        mention = _subject_before(s.text, s.toks, g, 0, hit.i) if hit.clitic is None else _inverted_mention(s, hit)
    rep = _report(s.text, "direct", (a, b), hit, mention or _passive_agent(s.text, s.toks, hit, len(s.toks)))
    if rep:
        rep.open_right = sp.close >= len(s.text)
        rep.subordinate = subordinate
    return rep


_GAP_OK = ("à", "au", "aux", "devant", "lors", "auprès", "dans", "pendant", "en", "sur", "ce", "cette", "hier",
           "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "aujourd'hui", ",", "par", "le")


def _que_after(s: Sentence, hit: VerbHit) -> int | None:
    """Index of the ``que``/``qu'`` that opens the reported clause, a short adjunct allowed between."""
    k = hit.j
    if k < len(s.toks) and s.toks[k].norm not in ("que", "qu'") and s.toks[k].norm not in _GAP_OK:
        ok = s.toks[k].norm in _words("subject_skip.txt") or _is_adverb(s.toks[k])
        if not ok or s.toks[k].norm in ("le", "la", "les", "l'"):
            return None
    for k in range(hit.j, min(hit.j + 10, len(s.toks))):
        t = s.toks[k].norm
        if t in ("que", "qu'"):
            return k
        verb_here = forms().get(t) and not _is_noun_use(s.toks, k)
        if t in _PUNCT_BOUNDARY - {","} or verb_here or t in ("de", "d'") and k == hit.j:
            return None
    return None


def _indirect(s: Sentence, hit: VerbHit, g: int, clause_end: int) -> Report | None:
    """``X a déclaré que …``: the clause after que, to the end of the report."""
    if verbs()[hit.lemma].incise_only:
        return None
    q = _que_after(s, hit)
    if q is None or q + 1 >= len(s.toks):
        return None
    a, b = _trimmed(s.text, s.toks[q].end, _coordinated_predicate(s, q, clause_end))
    if hit.lemma in ("assurer", "garantir") and _subjunctive_clause(s, q):
        return None
    mention = _passive_agent(s.text, s.toks, hit, q)
    subordinate = mention is None and _is_participle(s.toks, hit)
    if subordinate:
        mention = _main_subject(s.text, s.toks, g)  # …, ajoutant que / en affirmant que
    if mention is None:
        mention = _inverted_mention(s, hit) if hit.clitic else _subject_before(s.text, s.toks, g, 0, hit.i)
    kind = "mixed" if s.has_mark(a, b) else "indirect"
    rep = _report(s.text, kind, (a, b), hit, mention)
    if rep:
        rep.subordinate = subordinate
    return rep


def _coordinated_predicate(s: Sentence, q: int, end: int) -> int:
    """``… que c'était légal mais a refusé de …``: a conjunction and an auxiliary start a second
    predicate of the main subject, which ends the reported clause."""
    for k in range(q + 2, min(len(s.toks) - 1, q + 80)):  # a bounded look
        if s.toks[k].start >= end:
            break
        if s.toks[k].norm in ("mais", "et", "puis", ",") and s.toks[k + 1].norm in _AUX_WORDS | {"n'", "ne"}:
            return s.toks[k].start
    return end


def _is_participle(toks: list[Tok], hit: VerbHit) -> bool:
    """A present participle or gerund (ajoutant, en affirmant) or an infinitive after avant de /
    pour / sans: its subject is the main clause's."""
    prev = toks[hit.i - 1].norm if hit.i else ","
    if toks[hit.i].norm.endswith("ant"):
        return prev in (",", "en", "tout", "et")
    prev2 = toks[hit.i - 2].norm if hit.i > 1 else ""
    return toks[hit.i].norm == hit.lemma and (prev in ("pour", "sans") or prev in ("de", "d'") and prev2 in ("avant", "afin"))


def _subjunctive_clause(s: Sentence, q: int) -> bool:
    return any(t.norm in _words("subjunctive.txt") for t in s.toks[q + 1 : q + 8])


def _unquoted_incise(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``La situation est grave, a déclaré le ministre.``: inverted, at the end of the sentence."""
    if g < 2 or s.toks[g - 1].norm != ",":
        return None
    mention = _inverted_mention(s, hit)
    if mention is None:
        return None
    tail = s.text[mention.end : min(s.end, mention.end + 8)].strip()
    v = verbs()[hit.lemma]
    if tail not in ("", ".", "!", "?", "…") or v.cls == "cognition" or v.incise_only:
        return None
    if mention.text.split()[0].lower() in ("ce", "cet", "cette", "ces"):
        return None  # dément ces allégations: an object, not an inverted subject
    a, b = _trimmed(s.text, s.start, s.toks[g - 1].start)
    if _words_in(s.text, a, b) < 6:
        return None
    return _report(s.text, "direct", (a, b), hit, mention)


@functools.cache
def _first_words() -> frozenset[str]:
    """The first word of every verb form (``fait`` for ``fait savoir``): the quick test."""
    return frozenset(f.split()[0] for f in forms())


def _verb_hits(s: Sentence) -> Iterator[VerbHit]:
    known = _first_words()
    for i, t in enumerate(s.toks):
        if t.norm not in known and "-" not in t.norm:
            continue  # the quick test: most words are not verb forms
        hit = _verb_at(s.toks, i)
        if hit and not _is_noun_use(s.toks, i) and not _not_a_report(s.toks, hit):
            yield hit


def _verb_reports(s: Sentence) -> list[Report]:
    if not s.may_report():
        return []
    hits = list(_verb_hits(s))
    reports: list[Report] = []
    seen: set[tuple[int, int]] = set()
    for n, hit in enumerate(hits):
        g = _group_start(s.toks, hit.i, 0)
        inside = _span_at(s, hit.cue.start)
        if inside is not None:
            rep = _mid_quote(s, hit, g, inside)
        else:
            nxt = hits[n + 1] if n + 1 < len(hits) else None
            clause_end = _clause_end(s, nxt)
            rep = (_post_quote(s, hit, g) or _pre_quote(s, hit, g) or _indirect(s, hit, g, clause_end)
                   or _unquoted_incise(s, hit, g))
        if rep and (rep.start, rep.end) not in seen:
            seen.add((rep.start, rep.end))
            reports.append(rep)
    return reports


def _clause_end(s: Sentence, nxt: VerbHit | None) -> int:
    """A reported clause ends at the sentence end or where the next report begins."""
    if nxt is None:
        return s.end
    g = _group_start(s.toks, nxt.i, 0)
    k = g
    while k > max(0, g - 6) and s.toks[k - 1].norm in (",", "et", "puis", "mais", "en", "avant", "après", "sans", "pour", "tout"):
        k -= 1
    if k < len(s.toks) and k > 0 and s.toks[k - 1].norm not in ("que", "qu'") and (
        s.toks[k].norm == "," or s.toks[g - 1].norm in (",", "et") or nxt.clitic
    ):
        return s.toks[k].start
    return s.end


# ------------------------------------------------------------------------------ selon, pour


@functools.cache
def _selon_re() -> regex.Pattern[str]:
    # Selon X / D'après X, set apart by the start of the sentence or punctuation.
    return regex.compile(
        r"""(?P<cue>\b[Ss]elon|\b[Dd]['’]après)\s+
            (?P<np>(?:[^,;:.!?()«»"“”—\s]|\b\p{Lu}\.|\s(?!(?:il|elle|ils|elles|on|nous|je|j')\b))
                {1,120}?)                      # the source: up to punctuation or a subject pronoun
            (?=\s*(?:[,;:!?()«»"“”—]|(?<!\b\p{Lu})\.|$)|\s+(?:il|elle|ils|elles|on|nous|je|j')\b)""",
        regex.VERBOSE,
    )


def _opens_sentence(before: str) -> bool:
    """Nothing, or one conjunction or adverb, stands before the phrase (Mais selon X, Toujours selon X)."""
    words = before.split()
    return not words or (len(words) == 1 and words[0].strip(",").isalpha())


def _selon_ok(s: Sentence, m: regex.Match[str]) -> bool:
    np_words = m.group("np").lower().replace("’", "'").split()
    if not np_words or any(w.strip("'") in _words("selon_exclusions.txt") for w in np_words[:3]):
        return False
    if np_words[0] in ("que", "qu'") or np_words[0].startswith("qu'"):
        return False
    before = s.text[max(s.start, m.start() - 40) : m.start()].strip()
    opener = m.start() - s.start <= 40 and _opens_sentence(before)
    set_apart = opener or before[-1:] in ",:—-([«\"" or s.text[m.end() : m.end() + 2].strip()[:1] in ",:;)—.!?"
    return set_apart


def _selon_reports(s: Sentence, taken: list[Report]) -> list[Report]:
    out = []
    taken = sorted(taken, key=lambda r: r.start)
    covering, cues = _Coverage(taken), sorted(r.cue_start for r in taken)
    for m in _selon_re().finditer(s.text, s.start, s.end):
        if not _selon_ok(s, m):
            continue
        ab = _selon_content(s, m)
        if ab is None or covering.covers(m.start()) or bisect.bisect_left(cues, ab[0]) < bisect.bisect_left(cues, ab[1]):
            continue
        np_a, np_b = m.span("np")
        kind = "direct" if _span_at(s, ab[0] - 1) or _span_at(s, ab[0]) else ("mixed" if s.has_mark(*ab) else "indirect")
        cue = m.group("cue")
        lemma = "selon" if cue.lower() == "selon" else "d'après"
        out.append(Report(kind, ab[0], ab[1], cue, lemma, "selon", m.start("cue"), m.end("cue"), Mention(s.text[np_a:np_b], np_a, np_b)))
    return out


def _selon_content(s: Sentence, m: regex.Match[str]) -> tuple[int, int] | None:
    after = m.end()
    sp = _span_after(s, after, max_gap=3)
    if sp is not None and s.text[after : sp.open].strip() in (":", ",", ", :"):
        a, b = _quote_content(s.text, sp)
    elif m.start() - s.start <= 40 and _opens_sentence(s.text[s.start : m.start()].strip(" ,—(")):
        a, b = _trimmed(s.text, after, s.end)
    elif s.end - after <= 8 and not s.text[after : s.end].strip(" .!?…)"):
        a, b = _trimmed(s.text, s.start, m.start())
    else:
        a, b = _trimmed(s.text, s.start, s.end)
    whole = next((sp for sp in s.spans if sp.open == a and sp.close == b - 1), None)
    if whole is not None:  # « … », selon X: the quotation itself
        a, b = _quote_content(s.text, whole)
    return (a, b) if _words_in(s.text, a, b) >= 3 else None


@functools.cache
def _pour_re() -> regex.Pattern[str]:
    # Pour X, « … » at the start of a sentence (after at most a conjunction).
    return regex.compile(r"(?:(?:Mais|Et|Or)\s+)?(?P<cue>[Pp]our)\s+(?P<np>[^,«\"“]{2,80}?)\s*(?:,\s*)?(?=[«\"“])")


def _pour_reports(s: Sentence) -> list[Report]:
    m = _pour_re().match(s.text, s.start, s.end)
    if not m:
        return []
    np_text = m.group("np").lower().replace("’", "'")
    first = np_text.split()[0]
    infinitive = m.group("np")[:1].islower() and first.endswith(("er", "ir", "re")) and first not in _words("determiners.txt")
    if any(np_text.startswith(x) for x in lexicon.lines("pour_exclusions.txt")) or forms().get(first) or infinitive:
        return []
    sp = _span_after(s, m.end(), max_gap=2)
    if sp is None:
        return []
    a, b = _quote_content(s.text, sp)
    if _words_in(s.text, a, b) < 3:
        return []
    np_a, np_b = m.span("np")
    return [Report("direct", a, b, m.group("cue"), "pour", "selon", m.start("cue"), m.end("cue"), Mention(s.text[np_a:np_b], np_a, np_b))]


# ------------------------------------------------------------------------------ driver


def _sentences(text: str) -> Iterator[Sentence]:
    spans = top_level(pair_quotes(text))
    k = 0
    for a, b in split_sentences(text, spans):
        while k < len(spans) and spans[k].close <= a:
            k += 1
        j = k
        while j < len(spans) and spans[j].open < b:
            j += 1
        yield Sentence(text, a, b, spans[k:j])


def _participle_speaker(reports: list[Report], s: Sentence) -> None:
    """``…, ajoutant que …``: a report with no subject takes the previous report's speaker."""
    for prev, rep in zip(reports, reports[1:], strict=False):
        if (rep.mention is None or rep.subordinate) and prev.mention is not None:
            rep.mention = prev.mention


def _outermost(reports: list[Report]) -> list[Report]:
    """Drop a report whose verb lies inside another report's content (X a dit que Y pense que …):
    the outer report already carries those words. ``reports`` are sorted by start."""
    covering = _Coverage(reports)
    return [r for r in reports if not covering.covers(r.cue_start, but=r)]


class _Coverage:
    """Which report contents cover a position: the largest two ends of the contents that start
    before it (two, so that a report can be left out of its own test). Linear to build."""

    def __init__(self, reports: list[Report]) -> None:
        self.starts = [r.start for r in reports]
        self.best: list[tuple[tuple[int, int], tuple[int, int]]] = []
        top = ((-1, -1), (-1, -1))
        for n, r in enumerate(reports):
            cand = (r.end, n)
            top = (cand, top[0]) if cand > top[0] else (top[0], max(top[1], cand))
            self.best.append(top)
        self.reports = reports

    def covers(self, pos: int, but: Report | None = None) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return False
        for end, n in self.best[i]:
            if n >= 0 and end > pos and self.reports[n] is not but:
                return True
        return False


def extract_reports(text: str) -> list[Report]:
    """All reports of one paragraph, in order of their content."""
    out: list[Report] = []
    for s in _sentences(text):
        reps = _verb_reports(s)
        reps += _pour_reports(s) if not reps else []
        reps += _selon_reports(s, reps)
        reps.sort(key=lambda r: r.start)
        _participle_speaker(reps, s)
        out.extend(_outermost(reps))
    return out


def to_quote(rep: Report, paragraph_text: str, paragraph: int = 0, article_id: str = "", source: str = "") -> Quote:
    mention = rep.mention.text if rep.mention else None
    return Quote(
        article_id=article_id, source=source, paragraph=paragraph, start=rep.start, end=rep.end,
        kind=rep.kind, text=paragraph_text[rep.start : rep.end], cue=rep.cue, cue_lemma=rep.cue_lemma,
        cue_class=rep.cue_class, mention=mention, speaker=mention, cue_start=rep.cue_start, cue_end=rep.cue_end,
        mention_start=rep.mention.start if rep.mention and rep.cue_start >= 0 else -1,
        mention_end=rep.mention.end if rep.mention and rep.cue_start >= 0 else -1,
    )


def extract_text(text: str) -> list[Quote]:
    """The quotes of one paragraph of French, as ``Quote``s with offsets into ``text``."""
    return [to_quote(r, text) for r in extract_reports(text)]


# ------------------------------------------------------------------------------ articles


def _opens_unclosed(text: str) -> bool:
    spans = top_level(pair_quotes(text))
    return bool(spans) and spans[-1].close >= len(text) and spans[-1].open >= 0


def _reopens(text: str) -> bool:
    return text.lstrip()[:1] in ("«", '"', "“")


def _chains(paragraphs: list[str]) -> list[list[int]]:
    """Runs of paragraphs that carry one quotation: each reopens with « and only the last closes."""
    chains: list[list[int]] = []
    live = [i for i, p in enumerate(paragraphs) if p]
    for n, i in enumerate(live):
        if chains and chains[-1][-1] == live[n - 1] and _opens_unclosed(paragraphs[live[n - 1]]) and _reopens(paragraphs[i]):
            chains[-1].append(i)
        elif _opens_unclosed(paragraphs[i]):
            chains.append([i])
    return [c for c in chains if len(c) > 1]


def _piece(text: str) -> tuple[int, int]:
    """The quoted piece of a continued paragraph: from its opening mark to its end or closing mark."""
    spans = top_level(pair_quotes(text))
    sp = spans[0] if spans else Span(-1, len(text), 0)
    return _quote_content(text, sp)


def _carry(paragraphs: list[str], chain: list[int], found: dict[int, list[Report]]) -> None:
    """Give every paragraph of a long quotation the attribution found at its start or its end."""
    head = next((r for r in found[chain[0]] if r.open_right), None)
    tail = next((r for r in found[chain[-1]] if r.kind == "direct" and r.start <= _piece(paragraphs[chain[-1]])[0] + 1), None)
    attribution = head or tail
    if attribution is None:
        return
    for part in chain:
        if any(r is attribution for r in found[part]):
            continue
        a, b = _piece(paragraphs[part])
        if part == chain[-1] and tail is not None:
            continue
        if b > a:
            rep = Report("direct", a, b, attribution.cue, attribution.cue_lemma, attribution.cue_class, -1, -1, attribution.mention)
            rep.open_left, rep.open_right = part != chain[0], part != chain[-1]
            found[part].append(rep)
            found[part].sort(key=lambda r: r.start)


def extract_article(article: Article) -> list[Quote]:
    """The quotes of a cleaned article, with its identity, outlet and date on each."""
    found = {i: extract_reports(p) for i, p in enumerate(article.paragraphs) if p}
    for chain in _chains(article.paragraphs):
        _carry(article.paragraphs, chain, found)
    quotes: list[Quote] = []
    for i, reps in sorted(found.items()):
        for rep in reps:
            q = to_quote(rep, article.paragraphs[i], i, article.id, article.source)
            q.outlet, q.published, q.title = article.outlet, article.published, article.title
            q.part = int(rep.open_left)
            quotes.append(q)
    return quotes
