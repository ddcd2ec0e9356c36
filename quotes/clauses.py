"""Stance, step 1 and 2: the lexicon strings of a quote as tokens, its clauses, and the negations
of each clause with their scope (see ``quotes/stance.py`` for the method)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.cues import (
    INSIDE,
    LEX,
    PUNCT,
    SENTENCE_END,
    TRIE,
    WORD_RE,
    Cue,
    Lex,
    fold,
    longest_across,
    split_words,
    structure_words,
)
from quotes.verbs import forms

QUOTE_MARKS = frozenset('«»"“”')
PUNCT_SET = frozenset(PUNCT)
SCOPE = 6  # tokens a negation reaches past its last word
NEGATED = -0.8  # factor of a negated cue
CLOSE_REACH = 5  # tokens between « ne » and its « pas »
MERGE_REACH = 3  # negators this close form one negation (ni … ni, pas … non plus)
DESCRIBED_REACH = 2  # words from a negation to the target it governs (« aucune sanction », « pas de sécurité »)


@dataclass(slots=True)
class Tok:
    """A lexicon string found in a text. Plain words get no Tok, but count in the indices."""

    i: int  # index in the text, in words (a lexicon string counts as one word)
    start: int  # character offsets
    end: int
    lex: Lex
    clause: int
    first: int  # index of the first word of its clause
    cue: Cue | None = None  # the reading in context (noun/adjective or verb)
    sentence: int = 0  # index of its sentence in the text (. ! ? … end one)


def _verbal(t: Tok) -> bool:
    return "verbal" in t.lex.struct or bool(t.lex.targets) or "open" in t.lex.neg


def _reading(lx: Lex, prev: Tok | None, prev2: Tok | None = None) -> Cue | None:
    """A form that is both a noun (or adjective) and a verb is read as a verb after a subject
    (a target, a pronoun), « ne » or an auxiliary: « personne ne menace », « Moscou a proposé »;
    also after the negation that follows an auxiliary: « n'a jamais cherché », « n'a pas proposé »."""
    if lx.verb_cue is None or prev is None:
        return lx.cue
    verbal = _verbal(prev) or "adverb" in prev.lex.neg and prev2 is not None and "verbal" in prev2.lex.struct
    return lx.verb_cue if verbal else lx.cue


def tokenize(text: str) -> list[Tok]:
    """The lexicon strings of ``text`` (longest match) as tokens; plain words only advance the
    word index; punctuation and the clause openers of stance_structure.txt advance the clause."""
    words, starts = split_words(fold(text))
    return tokens_from(starts, words)


def tokens_from(starts: list[int], words: list[str]) -> list[Tok]:
    """The tokens of the folded words ``words`` (``cues.split_words``), which start at ``starts``."""
    toks: list[Tok] = []
    clause = idx = first = after = sentence = 0
    prev: Tok | None = None
    prev2: Tok | None = None
    for i, w in enumerate(words):
        if i < after:  # inside the lexicon string just taken
            continue
        entry = TRIE.get(w)
        if entry is None:  # most words: plain, or punctuation
            prev = None
            if w not in PUNCT_SET:
                idx += 1
            elif w not in QUOTE_MARKS and not (w == "," and _resumed(words, i) and not any(t.lex.neg for t in toks if t.clause == clause)):
                clause, first = clause + 1, idx  # quotation marks end no clause (« des actions agressives » de Moscou), nor
                # « X, c'est Y » (but « X n'est pas A, c'est B »: two clauses)
                sentence += w in SENTENCE_END
            continue
        n, lx, skipped = longest_across(TRIE, words, i, INSIDE) if entry[0] else (1, entry[1], -1)
        if skipped >= 0:  # « ne respecte pas le droit … »: the words stepped over, then the cue around them
            idx = _stepped_over(toks, starts, words, skipped, idx, clause, first, sentence)
        if lx is None:
            if w in PUNCT_SET:
                if w in QUOTE_MARKS:
                    prev = None
                    continue
                clause, first = clause + 1, idx
                if w in SENTENCE_END:
                    sentence += 1
            else:
                idx += 1
            prev = None
            continue
        if lx.struct and "clause" in lx.struct:
            clause, first, prev = clause + 1, idx, None
        tok = Tok(idx, starts[i], starts[i + n - 1] + len(words[i + n - 1]), lx, clause, first,
                  lx.cue if lx.verb_cue is None else _reading(lx, prev, prev2), sentence)
        prev2 = prev  # (not one tuple assignment: mypyc types the pair from tok, and prev may be None)
        prev = tok
        toks.append(tok)
        after, idx = i + n, idx + 1
    return toks


def _resumed(words: list[str], i: int) -> bool:
    """« Lever les sanctions, ce serait une faute »: the comma at ``words[i]`` is followed by a
    resumptive « c'est » (``resumptive``, stance_structure.txt) that makes what comes before it the
    subject of what comes after: one clause."""
    return i + 1 < len(words) and words[i + 1] in _RESUMPTIVE_HEADS and any(
        " ".join(words[i + 1 : i + 1 + n]) in RESUMPTIVE for n in (2, 3))


RESUMPTIVE = frozenset(" ".join(WORD_RE.findall(fold(p))) for p in structure_words("resumptive"))
_RESUMPTIVE_HEADS = frozenset(k.split(" ")[0] for k in RESUMPTIVE)


def _stepped_over(toks: list[Tok], starts: list[int], words: list[str], start: int, idx: int,
                  clause: int, first: int, sentence: int) -> int:
    """Append the words of ``INSIDE`` from ``words[start]`` on (two at most) as tokens; the next word index."""
    for s in range(start, min(start + 2, len(words))):
        if words[s] not in INSIDE:
            break
        toks.append(Tok(idx, starts[s], starts[s] + len(words[s]), LEX[words[s]], clause, first, None, sentence))
        idx += 1
    return idx


def split_clauses(toks: list[Tok]) -> list[list[Tok]]:
    out: dict[int, list[Tok]] = {}
    for t in toks:
        out.setdefault(t.clause, []).append(t)
    return list(out.values())


# ------------------------------------------------------------------------------ negation


def _closed(clause: list[Tok], k: int) -> tuple[int, int] | None:
    """« ne » at ``clause[k]`` with its other half: after it (« ne … pas ») or just before it
    (« personne ne », « rien ne »); None for the restrictive or expletive « ne »."""
    ne = clause[k]
    after = next((u for u in clause[k + 1 :] if u.i <= ne.i + CLOSE_REACH and "close" in u.lex.neg), None)
    if after is not None:
        return ne.i, after.i
    before = next((u for u in clause[:k] if u.i >= ne.i - 3 and "before" in u.lex.neg), None)
    return (before.i, ne.i) if before is not None else None


def denies_a_copula(clause: list[Tok], g: tuple[int, int]) -> bool:
    """A copula between the two ends of the negation ``g`` (« n'est pas », « ne sont plus »)."""
    return any(g[0] < t.i < g[1] and "copula" in t.lex.struct for t in clause)


NI = LEX.get("ni")  # « ni … ni » with no other negation in its clause is a rejection, not a negation


def negation_groups(clause: list[Tok]) -> list[tuple[int, int]]:
    """The negations of a clause, as (first token index, last token index)."""
    groups: list[tuple[int, int]] = []
    rejection = NI is not None and any(t.lex is NI for t in clause) and all(t.lex is NI or not t.lex.neg for t in clause)
    for k, t in enumerate(clause):
        if "open" in t.lex.neg:
            group = _closed(clause, k)
        elif rejection and t.lex is NI:
            continue  # « Ni l'alignement aveugle sur X ni la complaisance envers Y » rejects both: no negation
        elif "alone" in t.lex.neg:
            group = (t.i, t.i)
        else:
            continue
        if group is None:
            continue
        if groups and group[0] <= groups[-1][1] + MERGE_REACH:
            groups[-1] = (min(groups[-1][0], group[0]), max(groups[-1][1], group[1]))
        else:
            groups.append(group)
    return groups


@dataclass
class Scope:
    """The negations of a clause and what ends their scope before ``SCOPE`` does: a
    coordination (« n'a fourni aucune arme et continuera d'appeler au dialogue »), and, for a
    negation of a noun phrase (« sans », « faute de »), the target it governs: what follows that
    target describes it (« sans un dialogue franc »: the dialogue is not said to lack frankness)."""

    groups: list[tuple[int, int]]
    stops: list[int]  # word indices of the coordinations (barrier)
    np: frozenset[int]  # first word index of the groups opened by a noun-phrase negator
    targets: list[int]  # word indices of the clause's mentions
    wide: frozenset[int] = frozenset()  # first word index of the groups followed by que: the clause is theirs
    heads: tuple[int, ...] = ()  # word indices of the evaluative nouns and adjectives (eval cues)
    preps: tuple[int, ...] = ()  # word indices of the prepositions that open a complement (patient, partner)
    cues: frozenset[int] = frozenset()  # wide negators that are cues too (« a tort de »): they negate what follows only
    letting: frozenset[int] = frozenset()  # first word index of the groups around a verb of letting: they negate it only
    requests: frozenset[int] = frozenset()  # first word index of the groups around a verb of request: their scope counts for nothing
    verbs: tuple[int, ...] = ()  # word indices of the finite verbs and copulas: a noun-phrase negation ends before them
    described: frozenset[int] = frozenset()  # evaluative adjectives right after a target: they describe it

    def covers(self, g: tuple[int, int], i: int) -> bool:
        if i == g[0] and i in self.cues or i > g[1] and g[0] in self.letting:
            return False
        reach = g[1] + SCOPE if g[0] not in self.wide else i
        if not g[0] <= i <= reach or any(g[1] < b < i for b in self.stops):
            return False
        if any(g[1] < h < p < i for h in self.heads for p in self.preps):
            return False  # « pas de contradiction entre la fermeté et … »: the negated noun, not its complement
        if g[0] in self.np and any(g[1] < v <= i for v in self.verbs):
            return False  # « accuser X sans la moindre preuve est irresponsable »: « sans » ends with its phrase
        if i in self.described and 0 < i - 1 - g[1] <= DESCRIBED_REACH:
            return False  # « aucune sanction unilatérale »: the negation denies the sanctions, the adjective still judges them
        return g[0] not in self.np or not any(g[1] < m < i for m in self.targets)

    def negated(self, i: int) -> tuple[int, int] | None:
        """The negation whose scope covers token ``i``; an even number of them cancel out."""
        covering = [g for g in self.groups if self.covers(g, i)]
        return covering[-1] if len(covering) % 2 == 1 else None

    def unasked(self, i: int) -> bool:
        """Token ``i`` is in the scope of a negated request (« nous ne demandons pas la levée … »)."""
        return any(g[0] in self.requests and self.covers(g, i) for g in self.groups)


# Verbs of letting: « nous ne laisserons pas Moscou diviser l'Europe » negates the letting only
LETTING = structure_words("letting")
LETTING_CLOSE = structure_words("lettingclose")  # not « ne laisserons personne … »: nobody is let, nobody judged
# Verbs of request, every form: « nous ne demandons pas la levée des sanctions » asks for nothing
REQUEST = frozenset(form for form, lemma in forms().items() if lemma in structure_words("request"))
# What follows a negation that governs a whole que-clause: « nous ne souhaitons pas que … ».
_QUE_NEXT = re.compile(r"\s*qu(?:e\b|['’])", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*(\w+)")  # the word after a negation's last one


def scope_of(clause: list[Tok], mentions: list[Mention], negations: bool = True, rhetorical: bool = False,
             text: str = "") -> Scope:
    """The negations of ``clause`` (none when ``negations`` is off; the whole clause once more when
    it is a rhetorical question) and what ends their scope: ``SCOPE`` words, or the end of the
    clause for a negated verb that governs a que-clause (« je ne pense pas que Moscou soit une
    menace », « nous ne souhaitons pas que ce sommet soit celui de la confrontation »)."""
    groups = negation_groups(clause) if negations else []
    if rhetorical:  # « Comment faire confiance à Moscou ? » asserts the opposite of its cues
        groups.insert(0, (clause[0].i, clause[-1].i))
    np = frozenset(t.i for t in clause if "np" in t.lex.neg)
    scope = Scope(groups, [t.i for t in clause if "barrier" in t.lex.struct], np, [m.tok.i for m in mentions])
    if groups:  # what only a negation needs
        by_i = {t.i: t for t in clause}
        scope.wide = frozenset(g[0] for g in groups if g[1] in by_i and (_QUE_NEXT.match(text, by_i[g[1]].end)
                                                                           or "wide" in by_i[g[1]].lex.neg))
        scope.heads = tuple(t.i for t in clause if t.cue is not None and t.cue.role == "eval")
        scope.preps = tuple(t.i for t in clause if "patient" in t.lex.struct or "partner" in t.lex.struct)
        scope.verbs = tuple(t.i for t in clause if "finite" in t.lex.struct or "copula" in t.lex.struct)
        named = frozenset(scope.targets)
        scope.described = frozenset(t.i for t in clause if t.cue is not None and t.cue.role == "eval" and not t.cue.noun
                                    and not t.cue.participle and t.i - 1 in named)
        scope.cues = frozenset(t.i for t in clause if "wide" in t.lex.neg and t.lex.cue is not None)
        scope.letting = frozenset(g[0] for g in groups if g[0] in by_i and g[1] in by_i and g[0] < g[1]
                                  and LETTING.intersection(text[by_i[g[0]].end : by_i[g[1]].start].lower().split())
                                  and text[by_i[g[1]].start : by_i[g[1]].end].lower() in LETTING_CLOSE)
        scope.requests = frozenset(g[0] for g in groups if g[0] in by_i and g[1] in by_i and _requested(text, by_i[g[0]], by_i[g[1]]))
    return scope


def _requested(text: str, first: Tok, last: Tok) -> bool:
    """A verb of request between the two ends of a negation or right after it (« ne demandons
    pas », « n'avons jamais réclamé »)."""
    words = text[first.end : last.start].lower().split()
    after = _NEXT_WORD.match(text, last.end)
    return bool(REQUEST.intersection(words)) or after is not None and after.group(1).lower() in REQUEST


def modifier_factor(clause: list[Tok], k: int) -> tuple[float, int, int]:
    """Product of the intensifiers and attenuators in the two words before ``clause[k]`` and the
    one right after it (« soutenir pleinement », « une menace réelle »), and the positions in
    ``clause`` of the first and last of them (``k`` when there are none)."""
    at = clause[k].i
    factor, first, last = 1.0, k, k
    for j in range(max(0, k - 2), min(len(clause), k + 2)):
        t = clause[j]
        if j == k or not at - 2 <= t.i <= at + 1 or t.lex.factor == 1.0 or t.cue is not None or t.lex.targets:
            continue
        factor, first, last = factor * t.lex.factor, min(first, j), max(last, j)
    return factor, first, last


@dataclass
class Mention:
    """A target named in a clause: the token that names it and its canonical name."""

    tok: Tok
    name: str
