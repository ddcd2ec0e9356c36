"""What a quote speaks of: the targets it names (aliases, metonyms, nationality adjectives after
an evaluative noun) and the ones its pronouns and set-apart subjects stand for.

Read by ``quotes.stance``, which scores each target these passes find (see its docstring for the
rules). All the words come from ``quotes/lexicon`` (targets.txt, nationalities.txt and the roles
of stance_structure.txt).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from quotes import lexicon
from quotes.clauses import Mention, Tok, denies_a_copula, negation_groups
from quotes.cues import (
    DEFAULTED,
    KINDS,
    LEX,
    PUNCT,
    TARGET_TRIE,
    WORD_RE,
    Lex,
    alternation,
    fold,
    longest,
    opener,
    structure_words,
)
from quotes.model import Quote
from quotes.ties import (
    is_place,
)
from quotes.verbs import INFINITIVE_ENDINGS

SUBJECT_REACH = 2  # a pronoun opens its clause within this many tokens


DISLOCATION_REACH = 5  # words of a dislocated subject (« La Russie, elle, … »)


def _target_names(text: str) -> Iterator[str]:
    """The targets ``text`` names through an unambiguous alias (longest alias first): a lighter
    pass than ``tokenize``, for whole articles."""
    words = WORD_RE.findall(fold(text))
    i = 0
    while i < len(words):
        n, lx = longest(TARGET_TRIE, words, i) if words[i] in TARGET_TRIE else (1, None)
        if lx is not None and len(lx.targets) == 1 and not lx.capital:
            yield lx.targets[0]
        i += n


class Context:
    """What the article tells about its targets: how often it names each one through an
    unambiguous alias (title and paragraphs). Counted lazily, on the first question: most
    quotes name their targets plainly and never need it."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._texts = list(texts)
        self._counts: Counter[str] | None = None

    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter()
            for text in self._texts:
                self._counts.update(_target_names(text))
        return self._counts

    def resolve(self, names: tuple[str, ...]) -> str | None:
        """The target an alias stands for; an ambiguous one goes to the candidate the article
        names strictly more often, else nowhere; to its default reading (targets.txt: **) when
        the article names none of them."""
        if len(names) == 1:
            return names[0]
        ranked = sorted(((self.counts()[n], n) for n in names), reverse=True)
        if ranked[0][0] > ranked[1][0]:
            return ranked[0][1]
        return names[0] if ranked[0][0] == 0 and names in DEFAULTED else None

    def main_actor(self) -> str | None:
        """The actor the article names most often, strictly; None on a tie."""
        ranked = [(c, n) for n, c in self.counts().most_common() if KINDS.get(n) == "actor"]
        if not ranked or len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return ranked[0][1]


def clause_mentions(clause: list[Tok], ctx: Context) -> list[Mention]:
    out = []
    for t in clause:
        if t.lex.targets:
            name = ctx.resolve(t.lex.targets)
            if name is not None:
                out.append(Mention(t, name))
    return out


def nationalities(clause: list[Tok], mentions: list[Mention], text: str) -> None:
    """« l'agresseur russe », « le dumping chinois »: a nationality adjective right after an
    evaluative noun names its country (nationalities.txt), as « de la Russie » would."""
    taken = {m.tok.i for m in mentions}
    for t in clause:
        if t.cue is None or t.cue.role != "eval" or t.i + 1 in taken or fold(text[t.start : t.end]).split()[-1] in _SITUATIONS \
                or _HEARSAY.search(text, max(0, t.start - 20), t.start):
            continue  # « la crise ukrainienne » is a place; « la soi-disant « menace chinoise » » not the speaker's
        after = _NEXT_WORD.match(text, t.end)
        names = nation_targets().get(fold(after.group(1)), frozenset()) if after else frozenset()
        if after is not None and len(names) == 1:
            name = next(iter(names))
            stand_in = Tok(t.i + 1, after.start(1), after.end(1), Lex(targets=(name,)), t.clause, t.first, None, t.sentence)
            mentions.append(Mention(stand_in, name))
    mentions.sort(key=lambda m: m.tok.i)


def adjectival(clauses: list[list[Tok]], per_clause: list[list[Mention]], starts: list[int], words: list[str], text: str) -> None:
    """« le pétrole russe », « les paysans ukrainiens »: a nationality adjective (nationalities.txt,
    written in lower case) after a plain noun names its country in its clause, as « de la Russie »
    would; not where the clause names that country already, nor after a noun of situation (« la
    crise ukrainienne » is a place) or a word of hearsay. ``words``: the words of the folded text,
    which start at ``starts`` (``cues.split_words``)."""
    nations = nation_targets()
    toks = [(t, ci) for ci, clause in enumerate(clauses) for t in clause]
    k = 0
    for start, word in zip(starts, words, strict=True):
        names = nations.get(word)
        if names is None or len(names) != 1 or not text[start].islower() or word in _BROAD:
            continue
        end = start + len(word)
        while k < len(toks) and toks[k][0].start < start:
            k += 1
        if k and toks[k - 1][0].end > start:
            continue  # inside a lexicon string (« la partie russe »)
        found_at = _word_index(toks, k, start, end, text)
        if found_at is None:
            continue
        i, ci, near = found_at
        name = next(iter(names))
        if any(m.name == name or m.tok.i == i for m in per_clause[ci]) or _situation_before(text, start) \
                or _HEARSAY.search(text, max(0, start - 20), start):
            continue
        stand_in = Tok(i, start, end, _ADJECTIVAL[name], near.clause, near.first, None, near.sentence)
        per_clause[ci].append(Mention(stand_in, name))
        per_clause[ci].sort(key=lambda m: m.tok.i)


def _word_index(toks: list[tuple[Tok, int]], k: int, start: int, end: int, text: str) -> tuple[int, int, Tok] | None:
    """The word index of the word at ``start:end`` counted from the token before it (``toks[k - 1]``),
    else from the one after it, with no punctuation between; with that token's clause index, and the token."""
    if k and not any(c in PUNCT for c in text[toks[k - 1][0].end : start]):
        near, ci = toks[k - 1]
        return near.i + 1 + len(WORD_RE.findall(fold(text[near.end : start]))), ci, near
    if k < len(toks) and not any(c in PUNCT for c in text[end : toks[k][0].start]):
        near, ci = toks[k]
        return near.i - 1 - len(WORD_RE.findall(fold(text[end : near.start]))), ci, near
    return None


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _situation_before(text: str, end: int) -> bool:
    """Whether the word before ``end`` is a noun of situation (« la crise ukrainienne »)."""
    last = _LAST_WORD.search(text, max(0, end - 30), end)
    return last is not None and fold(last.group(1)) in _SITUATIONS


def _opening_pronoun(clause: list[Tok], role: str) -> Tok | None:
    """A subject pronoun opening a clause that holds a cue (« … et elle le restera » has none)."""
    pron = next((t for t in clause if t.i < t.first + SUBJECT_REACH and role in t.lex.struct), None)
    if pron is None or not any(t.cue is not None for t in clause):
        return None
    nxt = next((t for t in clause if t.i == pron.i + 1), None)
    impersonal = pron.lex is LEX["il"] and nxt is not None and "impersonal" in nxt.lex.struct
    return None if impersonal else pron  # « il reste à faire », never « elle reste »


def anaphora(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str = "") -> None:
    """« L'Otan parle de transparence, mais elle déploie ses troupes »: a clause opened by
    il/elle/ils/elles, and naming no actor itself, takes the target of the nearest earlier clause
    that names targets: its one target, or else the one that opens it, its subject (« La
    coopération entre Pékin et Moscou … . Elle repose sur … »); an actor, or a topic whose number
    agrees (« les sanctions sont imparfaites, mais elles restent indispensables »)."""
    last: list[Mention] = []
    for clause, mentions in zip(clauses, per_clause, strict=True):
        pron = None if _names_an_actor([mentions]) else _opening_pronoun(clause, "anaphor")
        subject = antecedent(last)
        if pron is not None and subject is not None and agrees(subject, pron, text):
            mentions.insert(0, Mention(pron, subject.name))
        elif mentions:
            last = mentions


_RESUMING = re.compile(rf"\b(?:{alternation('demonstrative')})$", re.IGNORECASE)  # « c'est », « ce sont » before a copula


def corrected(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str) -> None:
    """« L'Otan n'est pas un partenaire, c'est une menace »: a clause opened by an affirmative
    « c'est » / « ce sont » that names no target, after a clause that denies what its subject is (a
    negated copula; in its sentence, or ending the one before), says what that subject is
    instead: it takes the subject."""
    for ci in range(1, len(clauses)):
        first = clauses[ci][0]
        if per_clause[ci] or first.i != first.first + 1 or "copula" not in first.lex.struct \
                or not _RESUMING.search(fold(text[max(0, first.start - 4) : first.start]).rstrip()):
            continue
        k = next((k for k in range(ci - 1, -1, -1) if per_clause[k] or clauses[k][-1].sentence != first.sentence), None)
        if k is None or not per_clause[k] or clauses[k][-1].sentence < first.sentence - 1:
            continue  # the subject is in its sentence, or ends the sentence right before (« X n'est pas Y. C'est Z. »)
        subject = antecedent(per_clause[k])
        denied = any(denies_a_copula(clauses[k], g) for g in negation_groups(clauses[k]))
        if subject is not None and denied and subject.tok.i < first.i:
            per_clause[ci].insert(0, Mention(first, subject.name))


def antecedent(mentions: list[Mention]) -> Mention | None:
    """The one mention of a clause, or the first when it opens the clause (its subject)."""
    if len(mentions) == 1:
        return mentions[0]
    first = mentions[0] if mentions else None
    return first if first is not None and first.tok.i < first.tok.first + SUBJECT_REACH else None


def relatives(clauses: list[list[Tok]], per_clause: list[list[Mention]]) -> None:
    """« … sur Washington, qui ne défend que ses propres intérêts »: a clause opened by a relative
    subject pronoun (``relative``) and naming no actor takes the target that ends the clause right
    before it in its sentence, its antecedent."""
    for ci in range(1, len(clauses)):
        clause, prev = clauses[ci], clauses[ci - 1]
        first = clause[0]
        if first.i != first.first or "relative" not in first.lex.struct or _names_an_actor([per_clause[ci]]):
            continue
        before = per_clause[ci - 1]  # the antecedent: the word right before « qui » (punctuation has no index)
        if before and first.i - before[-1].tok.i == 1 and prev[-1].sentence == first.sentence:
            per_clause[ci].insert(0, Mention(first, before[-1].name))


_NEXT_WORD = re.compile(r"[ \t]+(\w+)\b")  # the word right after a token


_SITUATIONS = structure_words("situation")
_BROAD = structure_words("broadadjective")  # « un marché européen »: a continent, not the Union
ADJECTIVAL = "adjectival"  # the role of a target named by a nationality adjective: no lone target (stance._places)
_ADJECTIVAL = {name: Lex(targets=(name,), struct=frozenset({ADJECTIVAL})) for name in KINDS}


_STRESSED = re.compile(rf"\s+({alternation('stressed')})\b", re.IGNORECASE)  # « avec elle »


# Scare quotes or a word of hearsay right before a noun: « la « menace chinoise » », « la prétendue menace »
_HEARSAY = re.compile(rf"(?:[«“\"]|\b(?:{alternation('hearsay')}))\s*$", re.IGNORECASE)


_PLAIN = Lex()  # what a word that plays no role is


_DETERMINED = re.compile(rf"\b{opener('determiner')}$", re.IGNORECASE)  # « le contenu », « un reçu »


# An object pronoun before a verb, after its subject, « ne » or an infinitive's preposition, an
# auxiliary and one adverb allowed between: « nous les soutiendrons », « de les lever », « nous
# l'avons toujours défendu ». The preposition case is checked for an infinitive (« de la reprise »).
_OBJECT_PRONOUN = re.compile(rf"""
    (?:^|(?<=\W))(?P<before>{alternation("host")}|{alternation("infhost")})\s*
    (?P<pron>{alternation("objpronoun")})\s*
    (?:(?:{alternation("auxiliary")})\s+)?
    (?:\w+ment\s+|(?:{alternation("midadverb")})\s+)?$""", re.IGNORECASE | re.VERBOSE)


# A determiner and its word: a noun phrase between a target and a pronoun is the pronoun's antecedent
_NOUN_PHRASE = re.compile(rf"\b{opener('determiner')}\w", re.IGNORECASE)


# A preposition (and determiner) before a target: it is a complement (« une menace pour notre
# sécurité »), and a pronoun after it rather stands for the phrase that holds it
_COMPLEMENT = re.compile(rf"\b(?:{alternation('complement')})\s*{opener('determiner')}?$", re.IGNORECASE)


# The word before an object pronoun that opens a lexicon string (« mais y renoncer »)
_BEFORE_PRONOUN = re.compile(rf"(?:^|(?<=\W))(?:{alternation('host')})\s*$", re.IGNORECASE)


OBJECT_PRONOUN_REACH = 60  # characters looked back from a verb for its object pronoun


def object_pronouns(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str) -> None:
    """« Les sanctions sont justes et nous les soutiendrons »: a verb cue that governs its object
    (role obj) with no target after it, but an object pronoun before it (or opening it: « mais y
    renoncer »), governs the last target named before it in the quote, when it heads its phrase
    (not « une menace pour notre sécurité, … de l'ignorer »), no other noun phrase stands between
    (« il a tendu la main et on l'a refusée ») and its number agrees (les, leur: a plural alias; le,
    la, l', lui: a singular; y: any)."""
    seen: list[Mention] = []
    for clause, mentions in zip(clauses, per_clause, strict=True):
        for t in clause:
            if t.cue is None or t.cue.role != "obj" or any(m.tok.i > t.i for m in mentions):
                continue
            found = _pronoun_of(text, t)
            if found is None:
                continue
            pron, a, b = found
            earlier = [e for e in seen + mentions if e.tok.end <= a]
            ante = max(earlier, key=lambda e: e.tok.start, default=None)
            if (ante is not None and (pron == "y" or _plural(ante, text) == (pron in _PLURAL_PRONOUNS))
                    and not _NOUN_PHRASE.search(text, ante.tok.end, a)
                    and not _COMPLEMENT.search(text, max(0, ante.tok.start - 30), ante.tok.start)):
                stand_in = Tok(t.i + 1, a, b, ante.tok.lex, t.clause, t.first, None, t.sentence)
                mentions.append(Mention(stand_in, ante.name))
        seen.extend(mentions)


def partner_pronouns(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str) -> None:
    """« Toute coopération avec elle est exclue »: a stressed pronoun (``stressed``) right after a
    partner preposition (avec …) stands for the last actor named before it in the quote, but in a
    complement (« un instrument au service de Washington. Toute coopération avec elle … »)."""
    seen: list[Mention] = []
    for clause, mentions in zip(clauses, per_clause, strict=True):
        for t in clause:
            if "partner" not in t.lex.struct or (pron := _STRESSED.match(text, t.end)) is None:
                continue
            actors = [m for m in seen + mentions if m.tok.end <= t.start and KINDS.get(m.name) == "actor"
                      and not _COMPLEMENT.search(text, max(0, m.tok.start - 30), m.tok.start)]  # not « au service de Washington »
            if actors:
                ante = max(actors, key=lambda m: m.tok.start)
                stand_in = Tok(t.i + 1, pron.start(1), pron.end(1), ante.tok.lex, t.clause, t.first, None, t.sentence)
                mentions.append(Mention(stand_in, ante.name))
        mentions.sort(key=lambda m: m.tok.i)
        seen.extend(mentions)


def _pronoun_of(text: str, t: Tok) -> tuple[str, int, int] | None:
    """The object pronoun of the verb cue ``t`` (le, la, les, l', y, lui, leur) and its offsets: before it
    (« nous les soutiendrons ») or opening the lexicon string itself (« mais y renoncer »)."""
    words = text[t.start : t.end].split()
    first = words[0].lower().replace("’", "'")
    if len(words) > 1 and first in _PRONOUNS:
        ok = _BEFORE_PRONOUN.search(text, max(0, t.start - 20), t.start) is not None
        return (first, t.start, t.start + len(words[0])) if ok else None
    last = text[max(0, t.start - OBJECT_PRONOUN_REACH) : t.start].lower().replace("’", "'").split()[-4:]
    if not any(w in _PRONOUNS or w[:2] in _PRONOUNS for w in last):
        return None  # the quick test: no pronoun among the last words (l'avons: its first two letters)
    m = _OBJECT_PRONOUN.search(text, max(0, t.start - OBJECT_PRONOUN_REACH), t.start)
    if m is None or m.group("before").lower().replace("’", "'") in _PREPOSITIONS and not _infinitive(text, t):
        return None
    return m.group("pron").lower().replace("’", "'"), m.start("pron"), m.end("pron")


_PREPOSITIONS = structure_words("infhost")


_PRONOUNS = structure_words("objpronoun")


_PLURAL_PRONOUNS = structure_words("plural")


def _infinitive(text: str, t: Tok) -> bool:
    return text[t.start : t.end].split()[0].lower().endswith(INFINITIVE_ENDINGS)


def _plural(m: Mention, text: str) -> bool:
    return text[m.tok.start : m.tok.end].lower().endswith(("s", "x"))


def agrees(m: Mention, pron: Tok, text: str) -> bool:
    """An actor takes any subject pronoun; a topic one of its number (a plural alias, ils/elles)."""
    if KINDS.get(m.name) == "actor":
        return True
    return bool(text) and _plural(m, text) == text[pron.start : pron.end].lower().endswith("s")


def speaker_is(q: Quote, name: str) -> bool:
    """The speaker names the target (« l'OTAN », « le porte-parole du Kremlin »): then « ils »
    in his words does not stand for it."""
    return name in _named_by(" ".join(x for x in (q.speaker, q.mention) if x))


@functools.lru_cache(maxsize=4096)
def _named_by(who: str) -> frozenset[str]:
    """The targets a speaker's name or role names, through an alias or a nationality adjective
    (« le ministère russe des Affaires étrangères »: the Russie)."""
    nations = nation_targets()
    return frozenset(_target_names(who)).union(*(nations.get(w, ()) for w in WORD_RE.findall(fold(who))))


@functools.cache
def nation_targets() -> dict[str, frozenset[str]]:
    """Nationality adjective (nationalities.txt, one word) → the targets its country forms name
    (« russe » → Russie, through « de la russie »)."""
    out: dict[str, frozenset[str]] = {}
    for canon, forms in lexicon.pairs("nationalities.txt"):
        names = frozenset(_target_names(" , ".join(forms)))
        for w in (canon, *forms):
            if names and " " not in w:
                out[fold(w)] = names
    return out


def _names_an_actor(per_clause: list[list[Mention]]) -> bool:
    return any(KINDS.get(m.name) == "actor" for ms in per_clause for m in ms)


def main_actor(clauses: list[list[Tok]], per_clause: list[list[Mention]], main: Callable[[], str | None]) -> None:
    """« Ils ne pourront pas esquiver … » in a quote that names no actor: ils/elles opening a
    clause with a cue stand for the article's main actor."""
    if _names_an_actor(per_clause):
        return
    prons = [_opening_pronoun(c, "pronoun") for c in clauses]
    if not any(prons):
        return
    name = main()
    for pron, mentions in zip(prons, per_clause, strict=True):
        if name is not None and pron is not None:
            mentions.insert(0, Mention(pron, name))


def read_as_written(toks: list[Tok], text: str) -> None:
    """What the case and the word before say of a token: a capital inside a clause makes a name
    (« l'Indo-Pacifique », « les Nations Unies »), a lower-case demonym an adjective (« les
    capitales européennes », not « les Européens »), a participle after a determiner a noun
    (« le contenu de la réponse »)."""
    for t in toks:
        cue = t.cue
        if cue is not None:
            if t.i != t.first and text[t.start].isupper() or cue.participle and _DETERMINED.search(text, max(0, t.start - 8), t.start):
                t.cue = None
        elif t.lex.capital and not text[t.start].isupper():
            t.lex = _PLAIN


# A gerund opening a clause: « …, en essayant de détruire l'Ukraine ».
_GERUND = re.compile(r"\s*en\s+(?:\w+\s+){0,2}?\w+ant\b", re.IGNORECASE)


def gerund(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str) -> None:
    """« Moscou a semé la mort, en essayant de détruire l'Ukraine »: a clause opened by a gerund
    has the subject of the clause before it in its sentence, the actor that opens that clause."""
    for ci in range(1, len(clauses)):
        clause, prev = clauses[ci], clauses[ci - 1]
        if "locative" not in clause[0].lex.struct or clause[0].i != clause[0].first:
            continue  # the quick test: a gerund clause opens with the token « en »
        if prev[0].sentence != clause[0].sentence or not per_clause[ci - 1] or not _GERUND.match(text, clause[0].start):
            continue
        subject = per_clause[ci - 1][0]
        if KINDS.get(subject.name) == "actor" and subject.tok.i == prev[0].first:
            per_clause[ci].insert(0, Mention(subject.tok, subject.name))


def dislocated(clauses: list[list[Tok]], per_clause: list[list[Mention]]) -> None:
    """« La Russie, elle, n'a jamais menacé personne », « Moscou, de son côté, a toujours tenu
    parole »: a clause that holds a cue and names no actor (but as a place), right after a short
    clause that is only an actor (with its resumptive pronoun, or a relative clause, in a clause of
    its own: « Kertavi, qui se dit neutre, refuse … »), has that actor for subject."""
    for ci in range(1, len(clauses)):
        clause = clauses[ci]
        if any(KINDS.get(m.name) == "actor" and not is_place(clause, m) for m in per_clause[ci]) \
                or not any(t.cue is not None for t in clause):
            continue
        j = ci - 1
        if j > 0 and all("anaphor" in t.lex.struct for t in clauses[j]):
            j -= 1
        elif j > 0 and clauses[j][0].lex is LEX.get("qui") and clauses[j][0].i == clauses[j][0].first:
            j -= 1  # « l'OTAN, qui semble hypnotisée …, refuse »: the relative clause set apart
        subject, named = clauses[j], per_clause[j]
        if (len(subject) != 1 or len(named) != 1 or KINDS.get(named[0].name) != "actor"
                or subject[0].i != subject[0].first or subject[0].sentence != clause[0].sentence
                or clauses[j + 1][0].first - subject[0].first > DISLOCATION_REACH):
            continue
        per_clause[ci].insert(0, Mention(named[0].tok, named[0].name))
