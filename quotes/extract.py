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
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from quotes import lexicon
from quotes.clean import REGEX_TIMEOUT, Span, pair_quotes, split_sentences, top_level
from quotes.mentions import (
    Mention,
    main_subject,
    mention_of,
    passive_agent,
    speaker_or_none,
    subject_after,
    subject_before,
)
from quotes.model import Article, Quote
from quotes.tokens import (
    AUX_WORDS,
    PLAIN_WORD,
    PUNCT,
    QUOTE_MARK,
    Tok,
    VerbHit,
    first_words,
    group_start,
    is_adverb,
    is_noun_use,
    not_a_report,
    tokens,
    verb_at,
    words,
)
from quotes.verbs import forms, verbs

log = logging.getLogger("quotes")

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
    mention = speaker_or_none(text, mention, hit.cue.start, hit.cue.norm == hit.lemma)
    return Report(kind, a, b, text[hit.cue.start : hit.cue_end], hit.lemma, cls, hit.cue.start, hit.cue_end, mention)


@dataclass
class Sentence:
    text: str  # the whole paragraph
    start: int
    end: int
    spans: list[Span]  # top-level quotations that overlap the sentence
    verbs: bool = False  # whether a word could be a reporting verb (extract_reports tests the paragraph once)

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
        return [m.start() for m in QUOTE_MARK.finditer(self.text, self.start, self.end)]

    def has_mark(self, a: int, b: int) -> bool:
        return bisect.bisect_left(self.marks, a) < bisect.bisect_left(self.marks, b)

    def may_report(self) -> bool:
        """Whether any word could be a reporting verb: most sentences are never tokenised."""
        return self.verbs


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
    return subject_after(s.text, s.toks, hit.j, len(s.toks))


def _post_quote(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``« … », a déclaré X`` and ``« A », dit-il, « B »``."""
    sp = _span_before(s, g)
    if sp is None or (sp.close - max(sp.open, s.start)) < 2:
        return None
    mention = _inverted_mention(s, hit)
    if mention is None and hit.clitic is None:
        mention = subject_before(s.text, s.toks, g, _tok_index(s, sp.close) + 1, hit.i)
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
    """``X a déclaré : « … »``, ``X rapporte la vie des officiers : « … »`` (an object of a few
    words before the colon), or a long quotation right after the verb."""
    k, gap = hit.j, 0
    while k < len(s.toks) and s.toks[k].norm not in (":", "«", '"', "“") and gap < COLON_REACH:
        if s.toks[k].norm in PUNCT and s.toks[k].norm != "," or s.toks[k].norm in ("que", "qu'") or forms().get(s.toks[k].norm):
            return None  # a clause of its own (que …) or another verb's quotation (…, avant d'ajouter :)
        k, gap = k + 1, gap + 1
    if k >= len(s.toks) or gap >= 6 and s.toks[k].norm != ":":
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
        mention = main_subject(s.text, s.toks, g)
    else:
        mention = _subject(s, hit, g) if hit.clitic is None else _inverted_mention(s, hit)
    rep = _report(s.text, "direct", (a, b), hit, mention or passive_agent(s.text, s.toks, hit, len(s.toks)))
    if rep:
        rep.open_right = sp.close >= len(s.text)
        rep.subordinate = subordinate
    return rep


COLON_REACH = 14  # words between a verb and the colon that opens its quotation


def _listed(s: Sentence, rep: Report) -> list[Report]:
    """The quotations that follow the first one in a list: ``Les fiches rapportent : « … »,
    « … » et « … »``; each is a report of the same verb and speaker."""
    out: list[Report] = []
    sp = _span_at(s, rep.start)
    while sp is not None:
        i = bisect.bisect_right(s.opens, sp.open)
        if i >= len(s.spans) or s.text[sp.close + 1 : s.spans[i].open].strip() not in (",", "et", ", et", ";"):
            break
        sp = s.spans[i]
        a, b = _quote_content(s.text, sp)
        if a < b:
            out.append(Report("direct", a, b, rep.cue, rep.cue_lemma, rep.cue_class, rep.cue_start, rep.cue_end, rep.mention))
    return out


_GAP_OK = ("à", "au", "aux", "devant", "lors", "auprès", "dans", "pendant", "en", "sur", "ce", "cette", "hier",
           "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "aujourd'hui", ",", "par", "le")


_NEGATION_WORDS = frozenset({"pas", "plus", "jamais", "guère", "point", "rien", "personne", "aucun", "aucune", "nullement"})


def _restrictive_que(toks: list[Tok], verb: int, q: int) -> bool:
    """« ne peuvent être relevés qu'en coopération », « n'a dit qu'une chose »: ne … que means
    only, the que opens no reported clause (« n'a pas dit que » does, and so does « ne puis que
    dire que », whose ne … que closes before the verb)."""
    ne = next((k for k in range(verb - 1, max(-1, verb - 5), -1) if toks[k].norm in ("ne", "n'")), None)
    if ne is None or any(toks[k].norm not in _NE_TO_VERB for k in range(ne + 1, verb)):
        return False  # « ne cesse de répéter que »: the ne belongs to another verb
    return not any(toks[k].norm in _NEGATION_WORDS or toks[k].norm in ("que", "qu'") for k in range(verb + 1, q))


# What may stand between « ne » and the reporting verb it negates: auxiliaries, modals, clitics.
_NE_TO_VERB = AUX_WORDS | {"peut", "peuvent", "pourrait", "pourraient", "doit", "doivent", "devrait", "devraient",
                           "être", "été", "avoir", "l'", "le", "la", "les", "lui", "leur", "y", "en", "se", "s'",
                           "nous", "vous", "me", "m'"}


_OPENING_MARKS = frozenset({"«", "“", '"', "‹"})


def _que_after(s: Sentence, hit: VerbHit) -> int | None:
    """Index of the ``que``/``qu'`` that opens the reported clause, a short adjunct allowed between."""
    k = hit.j
    if k < len(s.toks) and s.toks[k].norm not in ("que", "qu'") and s.toks[k].norm not in _GAP_OK:
        ok = s.toks[k].norm in words("subject_skip.txt") or is_adverb(s.toks[k])
        if not ok or s.toks[k].norm in ("le", "la", "les", "l'"):
            return None
    for k in range(hit.j, min(hit.j + 10, len(s.toks))):
        t = s.toks[k].norm
        if t in ("que", "qu'"):
            return k
        if t in _OPENING_MARKS and k + 1 < len(s.toks) and s.toks[k + 1].norm in ("que", "qu'"):
            return k + 1  # a ajouté « qu'il est nécessaire … »: the quotation opens with que
        verb_here = forms().get(t) and not is_noun_use(s.toks, k)
        if t in PUNCT - {","} or verb_here or t in ("de", "d'") and k == hit.j:
            return None
    return None


def _indirect(s: Sentence, hit: VerbHit, g: int, clause_end: int) -> Report | None:
    """``X a déclaré que …``: the clause after que, to the end of the report."""
    if verbs()[hit.lemma].incise_only:
        return None
    q = _que_after(s, hit)
    if q is None or q + 1 >= len(s.toks) or _restrictive_que(s.toks, hit.i, q):
        return None
    a, b = _trimmed(s.text, s.toks[q].end, _coordinated_predicate(s, q, clause_end))
    sp = _span_at(s, b - 1)
    if sp is not None and a <= sp.open and sp.close >= b and sp.close < s.end:
        b = sp.close + 1  # « que l'objectif « est celui-là, mais dès à présent, … » »: to the closing mark
    quoted = s.toks[q - 1].norm in _OPENING_MARKS
    if quoted:  # « qu'il est nécessaire … »: quoted words, without their closing mark
        a, b = _trimmed(s.text, a, b, _EDGE + "»”\"›")
    if hit.lemma in ("assurer", "garantir") and _subjunctive_clause(s, q):
        return None
    mention = passive_agent(s.text, s.toks, hit, q)
    subordinate = mention is None and _is_participle(s.toks, hit)
    if subordinate:
        mention = main_subject(s.text, s.toks, g)  # …, ajoutant que / en affirmant que
    if mention is None:
        mention = _inverted_mention(s, hit) if hit.clitic else _subject(s, hit, g)
    kind = "mixed" if quoted or s.has_mark(a, b) else "indirect"
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
        if s.toks[k].norm in ("mais", "et", "puis", ",") and s.toks[k + 1].norm in AUX_WORDS | {"n'", "ne"}:
            return s.toks[k].start
    return end


def _subject(s: Sentence, hit: VerbHit, g: int) -> Mention | None:
    """The subject before the verb; for an infinitive (``s'est contentée d'indiquer``,
    ``a tenu à souligner``) the subject of the verb that governs it."""
    toks, i = s.toks, hit.i
    if toks[i].norm == hit.lemma and i >= 2 and toks[i - 1].norm in ("de", "d'", "à") and g == i - 1:
        if is_noun_use(toks, i - 2):
            return None  # une manière de souligner: no speaker
        return subject_before(s.text, toks, group_start(toks, i - 2, 0), 0, i - 2)
    return subject_before(s.text, toks, g, 0, i)


def _is_participle(toks: list[Tok], hit: VerbHit) -> bool:
    """A present participle or gerund (ajoutant, en affirmant) or an infinitive after avant de /
    pour / sans: its subject is the main clause's."""
    prev = toks[hit.i - 1].norm if hit.i else ","
    if toks[hit.i].norm.endswith("ant"):
        return prev in (",", "en", "tout", "et") or _after_auxiliary(toks, hit.i)
    prev2 = toks[hit.i - 2].norm if hit.i > 1 else ""
    # « Et d'ajouter que … »: the narrative infinitive of wire copy continues the previous speaker
    return toks[hit.i].norm == hit.lemma and (prev in ("pour", "sans") or prev in ("de", "d'") and prev2 in ("avant", "afin", "et"))


def _after_auxiliary(toks: list[Tok], i: int) -> bool:
    """A compound verb stands before ``toks[i]``, no comma between: « X s'est baigné à Miami
    affirmant que … » (the participle goes with the main clause; « un communiqué affirmant que … »
    and « …, les gendarmes craignant que … » have their own subject)."""
    for t in reversed(toks[:i]):
        if t.norm in (",", ".", ";", ":", "que", "qu'", "qui", "«", "»", '"'):
            return False
        if t.norm in AUX_WORDS:
            return True
    return False


def _subjunctive_clause(s: Sentence, q: int) -> bool:
    return any(t.norm in words("subjunctive.txt") for t in s.toks[q + 1 : q + 8])


# A wire dateline opening a paragraph: « MOSCOU, 26 janvier (Xinhua) -- ».
_DATELINE_HEAD = regex.compile(r"\p{Lu}[\p{Lu}\s'’-]{2,40},\s+\d{1,2}(?:er)?\s+\p{L}+(?:\s+\d{4})?\s*\([^()]{1,40}\)\s*(?:--|—|–|-)\s*")


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
    if _singular_verb(s.toks[g].norm) and mention.text.split()[0].lower() in _PLURAL_DETERMINERS:
        return None  # a reconnu des erreurs: a plural object, not the subject of a singular verb
    if _name_before(s, g - 1):
        return None  # X, Kaarel Rebane, a dénoncé une provocation: an apposition, not an incise
    a, b = _trimmed(s.text, s.start, s.toks[g - 1].start)
    if (head := _DATELINE_HEAD.match(s.text, a, b)) is not None:
        a = head.end()  # MOSCOU, 26 janvier (Xinhua) -- : the wire's dateline, not the words
    if _words_in(s.text, a, b) < 6:
        return None
    sp = _span_at(s, a + 1)
    if sp is not None and sp.open == a and sp.close < b and _mostly_quoted(s.text, sp, b):
        return _report(s.text, "direct", _quote_content(s.text, sp), hit, mention)  # « … » prises par l'UE, a répété X
    return _report(s.text, "direct", (a, b), hit, mention)


_PLURAL_DETERMINERS = frozenset({"des", "les", "leurs", "plusieurs", "ses", "nos", "vos", "mes", "certains", "certaines"})
_SINGULAR_AUX = frozenset({"a", "avait", "aura", "aurait", "eut", "est", "était", "sera", "serait", "fut"})
_PLURAL_AUX = frozenset({"ont", "avaient", "auront", "auraient", "eurent", "sont", "étaient", "seront", "seraient", "furent"})


def _singular_verb(first: str) -> bool:
    """Whether the verb group that starts with the word ``first`` is third person singular."""
    if first in _SINGULAR_AUX:
        return True
    return first not in _PLURAL_AUX and not first.endswith(("ent", "ont")) and bool(forms().get(first))


def _mostly_quoted(text: str, sp: Span, end: int) -> bool:
    """Whether the quotation ``sp`` holds most of the words up to ``end``: a claim in quotation
    marks with a few words of narration after it, not a quoted term at the head of a claim
    (« « Les sanctions » prises par l'UE sont illégales »)."""
    inside = len(text[sp.open + 1 : sp.close].split())
    return inside >= 2 * len(text[sp.close + 1 : end].split())


def _name_before(s: Sentence, comma: int) -> bool:
    """The comma closes a short capitalised phrase (a name in apposition)."""
    k = comma
    while k > 0 and s.toks[k - 1].norm not in PUNCT and comma - k < 5:
        k -= 1
    return k < comma and k > 0 and s.toks[k - 1].norm == "," and all(t.text[:1].isupper() for t in s.toks[k:comma])


def _verb_hits(s: Sentence) -> Iterator[VerbHit]:
    known = first_words()
    # the quick test: most words are not verb forms (nor carry an inverted clitic, dit-il)
    for i in [i for i, t in enumerate(s.toks) if t.norm in known or "-" in t.norm]:
        hit = verb_at(s.toks, i)
        if hit and not is_noun_use(s.toks, i) and not not_a_report(s.toks, hit):
            yield hit


def _verb_reports(s: Sentence) -> list[Report]:
    if not s.may_report():
        return []
    hits = list(_verb_hits(s))
    reports: list[Report] = []
    seen: set[tuple[int, int]] = set()
    for n, hit in enumerate(hits):
        g = group_start(s.toks, hit.i, 0)
        inside = _span_at(s, hit.cue.start)
        if inside is not None:
            rep = _mid_quote(s, hit, g, inside)
        else:
            nxt = hits[n + 1] if n + 1 < len(hits) else None
            clause_end = _clause_end(s, nxt)
            rep = (_post_quote(s, hit, g) or _pre_quote(s, hit, g) or _indirect(s, hit, g, clause_end)
                   or _unquoted_incise(s, hit, g))
        for r in [rep, *_listed(s, rep)] if rep and rep.kind == "direct" and rep.start > rep.cue_start else [rep]:
            if r and (r.start, r.end) not in seen:
                seen.add((r.start, r.end))
                reports.append(r)
    return reports


def _clause_end(s: Sentence, nxt: VerbHit | None) -> int:
    """A reported clause ends at the sentence end or where the next report begins."""
    if nxt is None:
        return s.end
    g = group_start(s.toks, nxt.i, 0)
    k = g
    while k > max(0, g - 6) and s.toks[k - 1].norm in (",", "et", "puis", "mais", "en", "avant", "après", "sans", "pour", "tout"):
        k -= 1
    if k < len(s.toks) and k > 0 and s.toks[k - 1].norm not in ("que", "qu'") and (
        s.toks[k].norm == "," or s.toks[g - 1].norm in (",", "et") or nxt.clitic
    ):
        return s.toks[k].start
    return s.end




# The words a selon/d'après attribution needs: the quick test before the full pattern.
_SELON_CUE = re.compile(r"(?i)selon|après")  # two words: no timeout guard needed


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
    if not np_words or any(w.strip("'") in words("selon_exclusions.txt") for w in np_words[:3]):
        return False
    if np_words[0] in ("que", "qu'") or np_words[0].startswith("qu'"):
        return False
    before = s.text[max(s.start, m.start() - 40) : m.start()].strip()
    opener = m.start() - s.start <= 40 and _opens_sentence(before)
    set_apart = opener or before[-1:] in ",:—-([«\"" or s.text[m.end() : m.end() + 2].strip()[:1] in ",:;)—.!?"
    return set_apart


def _selon_reports(s: Sentence, taken: list[Report]) -> list[Report]:
    if not _SELON_CUE.search(s.text, s.start, s.end):
        return []  # the quick test: most sentences have neither selon nor d'après
    out = []
    taken = sorted(taken, key=lambda r: r.start)
    covering, cues = _Coverage(taken), sorted(r.cue_start for r in taken)
    for m in _selon_re().finditer(s.text, s.start, s.end, timeout=REGEX_TIMEOUT):
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
    opens = m.start() - s.start <= 40 and _opens_sentence(s.text[s.start : m.start()].strip(" ,—("))
    gap = s.text[after : sp.open].strip() if sp is not None else None
    if sp is not None and (gap in (":", ", :") or gap == "," and opens):  # Selon X : « … »
        a, b = _quote_content(s.text, sp)
    elif opens:
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
    m = _pour_re().match(s.text, s.start, s.end, timeout=REGEX_TIMEOUT)
    if not m:
        return []
    np_text = m.group("np").lower().replace("’", "'")
    first = np_text.split()[0]
    infinitive = m.group("np")[:1].islower() and first.endswith(("er", "ir", "re")) and first not in words("determiners.txt")
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


def _quotations(text: str) -> list[Span]:
    """The outermost quotations of a paragraph."""
    return top_level(pair_quotes(text))


def _sentences(text: str, spans: list[Span]) -> Iterator[Sentence]:
    k = 0
    for a, b in split_sentences(text, spans):
        while k < len(spans) and spans[k].close <= a:
            k += 1
        j = k
        while j < len(spans) and spans[j].open < b:
            j += 1
        yield Sentence(text, a, b, spans[k:j])


# « C'est ce qu'a déclaré X », « C'est ce que X a affirmé »: the sentence before is X's.
_THAT_IS_WHAT = re.compile(r"\s*[cC]['’]est\s+(?:bien\s+|en\s+substance\s+)?ce\s+qu(?:e\b|['’])")


def _that_is_what(prev: Sentence, s: Sentence, done: list[Report]) -> Report | None:
    """The quotation that makes up ``prev`` as a report of the speaker ``s`` names, when ``s`` is
    « C'est ce qu'a déclaré X » and nothing before claimed that quotation."""
    m = _THAT_IS_WHAT.match(s.text, s.start, s.end)
    if m is None or not s.may_report():
        return None
    kind, (a, b) = _said_before(prev)
    if any(r.start < b and a < r.end for r in done) or kind != "direct" and _words_in(s.text, a, b) < 6:
        return None
    hit = next(_verb_hits(s), None)
    if hit is None or verbs()[hit.lemma].cls != "speech" or verbs()[hit.lemma].incise_only:
        return None  # « C'est ce que craignent les diplomates »: a fear, not the words before
    que = _tok_index(s, m.end()) - 1  # the que / qu' token
    g = group_start(s.toks, hit.i, 0)
    if any(t.norm in PUNCT or t.norm in AUX_WORDS or forms().get(t.norm) for t in s.toks[que + 1 : g]) or g - que > 12:
        return None  # « C'est ce qu'il faut retenir …, a commenté X »: the verb is not the que-clause's
    mention = subject_after(s.text, s.toks, hit.j, len(s.toks)) if g <= que + 1 else mention_of(s.text, s.toks, que + 1, g)
    return _report(s.text, kind, (a, b), hit, mention)


def _said_before(prev: Sentence) -> tuple[str, tuple[int, int]]:
    """What « C'est ce qu'a déclaré X » refers to: the quotation that makes up the sentence
    before (direct), else that whole sentence, a paraphrase (indirect, or mixed with quoted words)."""
    a, b = _trimmed(prev.text, prev.start, prev.end)
    sp = prev.spans[0] if prev.spans else None
    if sp is not None and sp.open == a:
        return "direct", _quote_content(prev.text, sp)
    return ("mixed" if prev.has_mark(a, b) else "indirect"), (a, b)


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


def extract_reports(text: str, spans: list[Span] | None = None) -> list[Report]:
    """All reports of one paragraph, in order of their content (``spans``: its outermost
    quotations, when the caller has them)."""
    out: list[Report] = []
    low = text.lower()
    present = first_words().intersection(PLAIN_WORD.findall(low))  # words that may start a verb form
    if not present and "selon" not in low and "après" not in low and "pour" not in low:
        return out  # the quick test: most paragraphs without a report skip the analysis
    sentences = list(_sentences(text, _quotations(text) if spans is None else spans))
    for s in sentences:  # a sentence may report if it holds one of those words (as a substring: a superset)
        s.verbs = bool(present) and (len(sentences) == 1 or any(w in low[s.start : s.end] for w in present))
    for n, s in enumerate(sentences):
        reps = _verb_reports(s)
        if n and (late := _that_is_what(sentences[n - 1], s, out)) is not None:
            reps.append(late)  # « … ». C'est ce qu'a déclaré X[, soulignant que …]: the words before, X's
        reps += _pour_reports(s) if not reps else []
        reps += _selon_reports(s, reps)
        reps.sort(key=lambda r: r.start)
        if reps and out and reps[0].mention is None and reps[0].subordinate:
            reps[0].mention = out[-1].mention  # « … », a déclaré X. Et d'ajouter que …
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


def _opens_unclosed(text: str, spans: list[Span]) -> bool:
    return bool(spans) and spans[-1].close >= len(text) and spans[-1].open >= 0


def _reopens(text: str) -> bool:
    return text.lstrip()[:1] in ("«", '"', "“")


def _chains(paragraphs: list[str], quotations: dict[int, list[Span]]) -> list[list[int]]:
    """Runs of paragraphs that carry one quotation: each reopens with « and only the last closes."""
    chains: list[list[int]] = []
    live = sorted(quotations)
    unclosed = [_opens_unclosed(paragraphs[i], quotations[i]) for i in live]
    for n, i in enumerate(live):
        if chains and chains[-1][-1] == live[n - 1] and unclosed[n - 1] and _reopens(paragraphs[i]):
            chains[-1].append(i)
        elif unclosed[n]:
            chains.append([i])
    return [c for c in chains if len(c) > 1]


def _piece(text: str, spans: list[Span]) -> tuple[int, int]:
    """The quoted piece of a continued paragraph: from its opening mark to its end or closing mark."""
    sp = spans[0] if spans else Span(-1, len(text), 0)
    return _quote_content(text, sp)


def _carry(paragraphs: list[str], quotations: dict[int, list[Span]], chain: list[int], found: dict[int, list[Report]]) -> None:
    """Give every paragraph of a long quotation the attribution found at its start or its end."""
    head = next((r for r in found[chain[0]] if r.open_right), None)
    tail = next((r for r in found[chain[-1]] if r.kind == "direct" and r.start <= _piece(paragraphs[chain[-1]], quotations[chain[-1]])[0] + 1), None)
    attribution = head or tail
    if attribution is None:
        return
    for part in chain:
        if any(r is attribution for r in found[part]):
            continue
        a, b = _piece(paragraphs[part], quotations[part])
        if part == chain[-1] and tail is not None:
            continue
        if b > a:
            rep = Report("direct", a, b, attribution.cue, attribution.cue_lemma, attribution.cue_class, -1, -1, attribution.mention)
            rep.open_left, rep.open_right = part != chain[0], part != chain[-1]
            found[part].append(rep)
            found[part].sort(key=lambda r: r.start)


def _guarded(article: Article, i: int) -> tuple[list[Span], list[Report]]:
    """The quotations and reports of paragraph ``i``; one that makes a pattern time out is
    reported and skipped."""
    try:
        spans = _quotations(article.paragraphs[i])
        return spans, extract_reports(article.paragraphs[i], spans)
    except TimeoutError:
        log.warning("%s: paragraph %d skipped: a pattern timed out after %.0f s", article.source, i, REGEX_TIMEOUT)
        return [], []


def extract_article(article: Article) -> list[Quote]:
    """The quotes of a cleaned article, with its identity, outlet and date on each."""
    done = {i: _guarded(article, i) for i, p in enumerate(article.paragraphs) if p}
    quotations = {i: spans for i, (spans, _) in done.items()}
    found = {i: reports for i, (_, reports) in done.items()}
    for chain in _chains(article.paragraphs, quotations):
        _carry(article.paragraphs, quotations, chain, found)
    quotes: list[Quote] = []
    for i, reps in sorted(found.items()):
        for rep in reps:
            q = to_quote(rep, article.paragraphs[i], i, article.id, article.source)
            q.outlet, q.published, q.title = article.outlet, article.published, article.title
            q.part = int(rep.open_left)
            quotes.append(q)
    return quotes
