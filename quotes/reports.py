"""The reports the extractor finds and the sentences it looks in: ``Report``, ``Sentence``, and
the small helpers on offsets, quotations and tokens that every construction uses (``extract``,
``selon``, ``unquoted``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from quotes.clean import Span
from quotes.mentions import Mention, speaker_or_none, subject_after
from quotes.tokens import QUOTE_MARK, Tok, VerbHit, first_words, is_noun_use, not_a_report, tokens, verb_at
from quotes.verbs import verbs


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


EDGE = ",;:.!?…—–-"


def trimmed(text: str, a: int, b: int, strip_end: str = EDGE) -> tuple[int, int]:
    """Without spaces (any kind) and the given punctuation at the edges."""
    while a < b and (text[a] in EDGE or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in strip_end or text[b - 1].isspace()):
        b -= 1
    return a, b


def quote_content(text: str, span: Span) -> tuple[int, int]:
    a, b = span.inner()
    return trimmed(text, max(a, 0), min(b, len(text)), ",")


def report(text: str, kind: str, ab: tuple[int, int], hit: VerbHit, mention: Mention | None) -> Report | None:
    a, b = ab
    if a >= b:
        return None
    v = verbs()[hit.lemma]
    cls = "cognition" if v.cls == "cognition" else "speech"
    mention = speaker_or_none(text, mention, hit.cue.start, hit.cue.norm == hit.lemma)
    return Report(kind, a, b, text[hit.cue.start : hit.cue_end], hit.lemma, cls, hit.cue.start, hit.cue_end, mention)


@dataclass
class Sentence:
    text: str  # the whole paragraph
    start: int
    end: int
    spans: list[Span]  # top-level quotations that overlap the sentence
    verbs: bool = False  # whether a word could be a reporting verb (extract_reports tests the paragraph once)

    # computed on first use (plain fields, not functools.cached_property: the mypyc build's
    # classes have no __dict__ for it to cache in)
    _toks: list[Tok] | None = None
    _opens: list[int] | None = None
    _closes: list[int] | None = None
    _marks: list[int] | None = None

    def toks(self) -> list[Tok]:
        toks = self._toks  # a method, not a property: mypyc leaked what a property read returned (tests/test_compiled.py)
        if toks is None:
            toks = self._toks = tokens(self.text, self.start, self.end)
        return toks

    def opens(self) -> list[int]:
        opens = self._opens
        if opens is None:
            opens = self._opens = [sp.open for sp in self.spans]
        return opens

    def closes(self) -> list[int]:
        closes = self._closes
        if closes is None:
            closes = self._closes = [sp.close for sp in self.spans]
        return closes

    def marks(self) -> list[int]:
        """Positions of the quotation marks of the sentence (for ``mixed``)."""
        marks = self._marks
        if marks is None:
            marks = self._marks = [m.start() for m in QUOTE_MARK.finditer(self.text, self.start, self.end)]
        return marks

    def has_mark(self, a: int, b: int) -> bool:
        return bisect.bisect_left(self.marks(), a) < bisect.bisect_left(self.marks(), b)

    def may_report(self) -> bool:
        """Whether any word could be a reporting verb: most sentences are never tokenised."""
        return self.verbs


def span_at(s: Sentence, pos: int) -> Span | None:
    """The quotation around ``pos`` (spans are top-level: sorted and disjoint)."""
    i = bisect.bisect_left(s.opens(), pos) - 1
    return s.spans[i] if i >= 0 and s.spans[i].close > pos else None


def words_in(text: str, a: int, b: int, most: int = 16) -> int:
    """How many words ``text[a:b]`` has, counted up to ``most`` (a bounded look at long texts)."""
    return min(len(text[a : min(b, a + 20 * most)].split()), most)


def span_before(s: Sentence, tok_index: int) -> Span | None:
    """The quotation that closes right before token ``tok_index`` (a comma or a dash between, or
    a period before a word in lower case: « … ». a commenté X, a slip for « … », a commenté X)."""
    k = tok_index - 1
    lower = tok_index < len(s.toks()) and s.toks()[tok_index].text[:1].islower()
    while k >= 0 and (s.toks()[k].norm in (",", "—", "–", "-") or lower and s.toks()[k].norm == "."):
        k -= 1
    if k < 0:
        return None
    i = bisect.bisect_left(s.closes(), s.toks()[k].start)
    return s.spans[i] if i < len(s.spans) and s.spans[i].close == s.toks()[k].start else None


def span_after(s: Sentence, pos: int, max_gap: int = 2) -> Span | None:
    """The quotation that opens at ``pos`` or after a colon / comma / space."""
    i = bisect.bisect_left(s.opens(), pos)
    if i < len(s.spans):
        sp = s.spans[i]
        if sp.open - pos <= max_gap + 3 and s.text[pos : sp.open].strip() in ("", ":", ",", ", :", "—"):
            return sp
    return None


def inverted_mention(s: Sentence, hit: VerbHit, quoted: bool = False) -> Mention | None:
    """The subject of an inverted verb: its clitic, or the noun phrase after it. ``quoted``: the
    verb follows a quotation, which makes it an incise for sure, so an adjunct may stand before
    the subject (``subject_after``)."""
    if hit.clitic:
        t = s.toks()[hit.clitic_tok]
        at = t.start + t.norm.rfind(hit.clitic)
        return Mention(s.text[at : at + len(hit.clitic)], at, at + len(hit.clitic))
    if _first_or_second_person(s.toks(), hit.i) or s.toks()[hit.i].norm.endswith("ant"):
        return None  # « …, nous défendrons notre État », « …, appelant les citoyens à »: no subject after these
    return subject_after(s.text, s.toks(), hit.j, len(s.toks()), quoted)


_FIRST_SECOND_AUX = frozenset({"ai", "avons", "avez", "suis", "sommes", "êtes", "as", "es"})


def _first_or_second_person(toks: list[Tok], i: int) -> bool:
    """Whether the verb at ``i`` (or its auxiliary) is in the first or second person: nous/vous
    forms in -ons/-ez, or an auxiliary of je, tu, nous, vous."""
    aux = toks[i - 1].norm if i > 0 else ""
    return toks[i].norm.endswith(("ons", "ez")) or aux in _FIRST_SECOND_AUX


def tok_index(s: Sentence, pos: int) -> int:
    return bisect.bisect_left(s.toks(), pos, key=_tok_start)


def _tok_start(t: Tok) -> int:
    return t.start


def verb_hits(s: Sentence) -> Iterator[VerbHit]:
    known = first_words()
    # the quick test: most words are not verb forms (nor carry an inverted clitic, dit-il)
    for i in [i for i, t in enumerate(s.toks()) if t.norm in known or "-" in t.norm]:
        hit = verb_at(s.toks(), i)
        if hit and not is_noun_use(s.toks(), i) and not not_a_report(s.toks(), hit):
            yield hit


class Coverage:
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
