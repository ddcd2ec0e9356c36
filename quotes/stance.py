"""Stance of each quote toward the targets it mentions, and the framing of its reporting verb.

``score(article, quotes)`` fills ``Quote.targets``, ``Quote.stance`` and ``Quote.frame``.
All language knowledge is in ``quotes/lexicon``: ``targets.txt`` (canonical targets, aliases,
metonyms), ``stance_positive.txt`` / ``stance_negative.txt`` (evaluative cues with a role and a
weight), ``stance_negators.txt``, ``stance_intensifiers.txt``, ``stance_attenuators.txt`` and
``stance_structure.txt`` (clause openers, patient and partner prepositions, pronouns, copulas) and
``stance_measures.txt`` (verbs strengthening or weakening a restrictive measure), loaded into a
word trie by ``quotes/cues.py``. Steps 1, 2 and 4 (tokens, clauses, negation) are in
``quotes/clauses.py``, step 3 (ties) in ``quotes/ties.py``; this module puts them together.

The method, per quote, in one pass over its words:

1. Tokens. The text is lower-cased with apostrophes folded (length kept, so offsets hold) and
   cut into words by one regex compiled at import; a word trie of every lexicon string (built
   once at import, longest match) turns them into targets, cues, negators, modifiers and
   function words. Plain words only count in the word index (distances are in words). A form
   that is both a noun or adjective and a verb (« menace », « proposé ») is read as the verb
   after a subject, « ne » or an auxiliary (« personne ne menace », « Moscou a proposé »).
   (A ``regex`` named list ``\\L<lex>`` of the ~7,500 lexicon strings was tried first: it
   matched at about 12 µs a character, a hundred times slower than the trie.)
2. Clauses. Punctuation and the clause openers of ``stance_structure.txt`` cut the quote into
   clauses; a cue only counts for a target of its own clause.
3. Ties. A cue evaluates a target according to its role: ``eval`` the nearest target on either
   side (« l'OTAN est une menace »), ``obj`` a target after it (« saluer le dialogue »),
   ``agent`` a target before it, its subject (« Moscou menace … »), ``prep`` the target right
   after it (« contre X », « en faveur de X »). A patient preposition between a negative cue
   and a target after it (« une menace pour la Russie », « la tension entre X et Y ») cuts the
   tie, while the beneficiary of a positive one shares it (« notre soutien à l'Ukraine »); a
   preposition between an eval cue and a target before it cuts it too (« l'Ukraine face à
   l'agression »). The weight decays with the distance in words, and the nearest target of a
   cue takes it fully, the others by half.
4. Negation. ``ne … pas`` (one negation; also « personne ne », « ne saurait »), ``sans``,
   ``aucun``, ``ni``, ``non`` … flip the cues from the negation to the end of the clause, at
   most ``SCOPE`` words after it; a negated cue weighs ``NEGATED`` of its value (« pas
   constructif » is milder than « destructeur »). Intensifiers and attenuators next to a cue
   multiply it.
   A coordination (« et », « ou ») ends a negation's scope; a noun-phrase negator (« sans »)
   does not reach the words that describe its target (« sans un dialogue franc »); the negation
   of a verb is not that of its object (« ne respecte aucun de ses engagements »); and
   « Sans X, [negated clause] » says X is necessary (favourable), the second clause's negation
   being counterfactual. An evaluative noun or adjective that is the object of a verb cue takes
   the verb's polarity toward the subject (« Moscou cherche la confrontation », « Pékin rejette
   l'escalade »). A capitalised cue inside a clause is a name (« l'Indo-Pacifique »).
   A verb of ``stance_measures.txt`` whose object is a restrictive measure (targets of kind
   ``measure``) reads as strengthening (favourable) or weakening it (opposed): « durcir les
   sanctions », « lever l'embargo »; and a clause-initial infinitive verb cue followed by a copula
   (« Relâcher les sanctions serait une erreur ») takes the sign of the judgement after the copula;
   when a copula is a clause's first finite verb and its predicate judges the other way, the
   evaluative nouns of the subject name what is judged (« le rapprochement entre X et Y est une
   menace »). A topic that a cue of harm damages is valued (« sape le dialogue »), and so is one
   that an actor rejects, the actor being blamed (« Moscou a rejeté le dialogue »); an actor that
   furthers a topic is praised (« Pékin appelle au dialogue »). « ne … jamais aussi » is no negation.
5. Partners. A cooperation topic (dialogue, coopération) followed by ``avec`` / ``entre`` and an
   actor passes the stance it received to that actor: « restaurer le partenariat avec l'OTAN ».
6. Score. The sum over the cues, squashed by ``tanh`` into [-1, 1]; ``favorable`` at or above
   ``THRESHOLD``, ``opposed`` at or below minus it, else ``neutral``. The cues reported are the
   ones on the side of the label, strongest first, each as it occurs in the quote
   (``+ "restaurer la coopération"``, ``- "effet néfaste"``).

Lone targets: a target that no cue reaches takes, weighed ``UNTIED``, the evaluative cues that
reach no target in the sentences where it is the only target (in the whole quote when it is the
quote's only target): « Les sanctions n'ont rien changé ; c'est un échec cuisant ».

Concession: after a clause opened by a turn (« mais », « cependant » …), a target's stance
before it in the sentence weighs ``CONCEDED`` when it is the opposite of the one after it.

Targets of a quote: those it mentions; a dislocated subject (« La Russie, elle, n'a jamais … »,
« Moscou, de son côté, … ») is the subject of the next clause that names no actor; a clause opened by il/elle/ils/elles that names no actor
stands for the one actor of the quote's previous clause (« L'Otan parle de transparence, mais
elle déploie ses troupes »); and, conservatively, the article's main actor (its most mentioned
one, strictly) when the quote names no actor at all, has a clause opened by ``ils``/``elles``
that holds a cue, and the speaker is not that actor. An ambiguous alias (``Bruxelles*``) goes
to the candidate the article mentions more, and is dropped on a tie.

Framing: the connotation class of the reporting verb, from the ``frame`` column of
``verbs.txt``; ``selon``, ``d'après``, ``pour`` and unknown lemmas are ``neutral``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from quotes import lexicon
from quotes.clauses import Mention, Scope, Tok, negation_groups, scope_of, split_clauses, tokens_from
from quotes.cues import (
    DEFAULTED,
    HEADS,
    KINDS,
    LEX,
    OBJECT_CLITICS,
    PUNCT,
    SENTENCE_END,
    SUBJECT_ROLES,
    TARGET_TRIE,
    US_CLITICS,
    WORD_RE,
    Lex,
    fold,
    longest,
    structure_words,
)
from quotes.model import Article, Quote
from quotes.ties import (
    PREP_REACH,
    Hit,
    cue_hits,
    demoted,
    embedded,
    governor,
    is_place,
    is_prep,
    names_its_victim,
    passive,
    suffered,
    valued,
)
from quotes.verbs import INFINITIVE_ENDINGS, verbs

THRESHOLD = 0.25  # |score| from which a stance is favourable / opposed
PARTNER = 0.8  # share of a cooperation topic's stance passed to its partner
PARTNER_REACH = 6  # tokens between a cooperation topic and its partner
SUBJECT_REACH = 2  # a pronoun opens its clause within this many tokens
NECESSITY = 1.0  # weight of « Sans X, [negated clause] » for X
CONCEDED = 0.4  # factor of a stance conceded before a turn (mais) that contradicts it
DISLOCATION_REACH = 5  # words of a dislocated subject (« La Russie, elle, … »)
UNTIED = 0.6  # share of an untied cue given to the lone target of its sentence or quote
UNTIED_ROLES = frozenset({"eval", "agent", "cause"})  # the cues that may weigh on a target they do not reach
NEUTRAL_CUES = ("selon", "d'après", "pour")


# ------------------------------------------------------------------------------ targets


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

    @property
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
        ranked = sorted(((self.counts[n], n) for n in names), reverse=True)
        if ranked[0][0] > ranked[1][0]:
            return ranked[0][1]
        return names[0] if ranked[0][0] == 0 and names in DEFAULTED else None

    def main_actor(self) -> str | None:
        """The actor the article names most often, strictly; None on a tie."""
        ranked = [(c, n) for n, c in self.counts.most_common() if KINDS.get(n) == "actor"]
        if not ranked or len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return ranked[0][1]


def _mentions(clause: list[Tok], ctx: Context) -> list[Mention]:
    out = []
    for t in clause:
        if t.lex.targets:
            name = ctx.resolve(t.lex.targets)
            if name is not None:
                out.append(Mention(t, name))
    return out


def _nationalities(clause: list[Tok], mentions: list[Mention], text: str) -> None:
    """« l'agresseur russe », « le dumping chinois »: a nationality adjective right after an
    evaluative noun names its country (nationalities.txt), as « de la Russie » would."""
    taken = {m.tok.i for m in mentions}
    for t in clause:
        if t.cue is None or t.cue.role != "eval" or t.i + 1 in taken or fold(text[t.start : t.end]).split()[-1] in _SITUATIONS \
                or _HEARSAY.search(text, max(0, t.start - 20), t.start):
            continue  # « la crise ukrainienne » is a place; « la soi-disant « menace chinoise » » not the speaker's
        after = _NEXT_WORD.match(text, t.end)
        names = _nation_targets().get(fold(after.group(1)), frozenset()) if after else frozenset()
        if after is not None and len(names) == 1:
            name = next(iter(names))
            stand_in = Tok(t.i + 1, after.start(1), after.end(1), Lex(targets=(name,)), t.clause, t.first, None, t.sentence)
            mentions.append(Mention(stand_in, name))
    mentions.sort(key=lambda m: m.tok.i)


def _opening_pronoun(clause: list[Tok], role: str) -> Tok | None:
    """A subject pronoun opening a clause that holds a cue (« … et elle le restera » has none)."""
    pron = next((t for t in clause if t.i < t.first + SUBJECT_REACH and role in t.lex.struct), None)
    if pron is None or not any(t.cue is not None for t in clause):
        return None
    nxt = next((t for t in clause if t.i == pron.i + 1), None)
    impersonal = pron.lex is LEX["il"] and nxt is not None and "impersonal" in nxt.lex.struct
    return None if impersonal else pron  # « il reste à faire », never « elle reste »


def _anaphora(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str = "") -> None:
    """« L'Otan parle de transparence, mais elle déploie ses troupes »: a clause opened by
    il/elle/ils/elles, and naming no actor itself, takes the one target of the nearest earlier
    clause that names targets, when that clause names nothing else: an actor, or a topic whose
    number agrees (« les sanctions sont imparfaites, mais elles restent indispensables »)."""
    last: list[Mention] = []
    for clause, mentions in zip(clauses, per_clause, strict=True):
        pron = None if _names_an_actor([mentions]) else _opening_pronoun(clause, "anaphor")
        if pron is not None and len(last) == 1 and _agrees(last[0], pron, text):
            mentions.insert(0, Mention(pron, last[0].name))
        elif mentions:
            last = mentions


def _alternation(role: str) -> str:
    """The words of a text-only role of stance_structure.txt as a pattern, longest first; an
    elided word (l', n') takes either apostrophe."""
    return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(structure_words(role), key=len, reverse=True))


_NEXT_WORD = re.compile(r"[ \t]+(\w+)\b")  # the word right after a token
_SITUATIONS = structure_words("situation")
_STRESSED = re.compile(rf"\s+({_alternation('stressed')})\b", re.IGNORECASE)  # « avec elle »
# Scare quotes or a word of hearsay right before a noun: « la « menace chinoise » », « la prétendue menace »
_HEARSAY = re.compile(rf"(?:[«“\"]|\b(?:{_alternation('hearsay')}))\s*$", re.IGNORECASE)


def _opener(role: str) -> str:
    """The words of ``role`` as a pattern that opens a phrase: a full word before a space, an
    elided one (l') before anything."""
    full = [w for w in structure_words(role) if not w.endswith("'")]
    elided = [w.replace("'", "['’]") for w in structure_words(role) if w.endswith("'")]
    alternatives = [rf"(?:{'|'.join(sorted(full, key=len, reverse=True))})\s+"] + [rf"{e}\s*" for e in elided]
    return "(?:" + "|".join(alternatives) + ")"


_PLAIN = Lex()  # what a word that plays no role is
_DETERMINED = re.compile(rf"\b{_opener('determiner')}$", re.IGNORECASE)  # « le contenu », « un reçu »


# An object pronoun before a verb, after its subject, « ne » or an infinitive's preposition, an
# auxiliary and one adverb allowed between: « nous les soutiendrons », « de les lever », « nous
# l'avons toujours défendu ». The preposition case is checked for an infinitive (« de la reprise »).
_OBJECT_PRONOUN = re.compile(rf"""
    (?:^|(?<=\W))(?P<before>{_alternation("host")}|{_alternation("infhost")})\s*
    (?P<pron>{_alternation("objpronoun")})\s*
    (?:(?:{_alternation("auxiliary")})\s+)?
    (?:\w+ment\s+|(?:{_alternation("midadverb")})\s+)?$""", re.IGNORECASE | re.VERBOSE)
# A determiner and its word: a noun phrase between a target and a pronoun is the pronoun's antecedent
_NOUN_PHRASE = re.compile(rf"\b{_opener('determiner')}\w", re.IGNORECASE)
# A preposition (and determiner) before a target: it is a complement (« une menace pour notre
# sécurité »), and a pronoun after it rather stands for the phrase that holds it
_COMPLEMENT = re.compile(rf"\b(?:{_alternation('complement')})\s*{_opener('determiner')}?$", re.IGNORECASE)
# The word before an object pronoun that opens a lexicon string (« mais y renoncer »)
_BEFORE_PRONOUN = re.compile(rf"(?:^|(?<=\W))(?:{_alternation('host')})\s*$", re.IGNORECASE)
OBJECT_PRONOUN_REACH = 60  # characters looked back from a verb for its object pronoun


def _object_pronouns(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str) -> None:
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


def _partner_pronouns(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str) -> None:
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


def _agrees(m: Mention, pron: Tok, text: str) -> bool:
    """An actor takes any subject pronoun; a topic one of its number (a plural alias, ils/elles)."""
    if KINDS.get(m.name) == "actor":
        return True
    return bool(text) and _plural(m, text) == text[pron.start : pron.end].lower().endswith("s")


def _speaker_is(q: Quote, name: str) -> bool:
    """The speaker names the target (« l'OTAN », « le porte-parole du Kremlin »): then « ils »
    in his words does not stand for it."""
    return name in _named_by(" ".join(x for x in (q.speaker, q.mention) if x))


@functools.lru_cache(maxsize=4096)
def _named_by(who: str) -> frozenset[str]:
    """The targets a speaker's name or role names, through an alias or a nationality adjective
    (« le ministère russe des Affaires étrangères »: the Russie)."""
    nations = _nation_targets()
    return frozenset(_target_names(who)).union(*(nations.get(w, ()) for w in WORD_RE.findall(fold(who))))


@functools.cache
def _nation_targets() -> dict[str, frozenset[str]]:
    """Nationality adjective (nationalities.txt, one word) → the targets its country forms name
    (« russe » → Russie, through « de la russie »)."""
    out: dict[str, frozenset[str]] = {}
    for canon, forms in lexicon.pairs("nationalities.txt"):
        names = frozenset(_target_names(" , ".join(forms)))
        for w in (canon, *forms):
            if names and " " not in w:
                out[fold(w)] = names
    return out


# ------------------------------------------------------------------------------ analysis


def _partners(clause: list[Tok], mentions: list[Mention], hits: dict[int, list[Hit]]) -> None:
    """« restaurer le partenariat avec l'OTAN »: the partner of a cooperation topic shares its stance."""
    for m in mentions:
        own = hits.get(id(m), [])
        if KINDS.get(m.name) != "cooperation" or not sum(h.value for h in own):
            continue
        after = [t for t in clause if m.tok.i < t.i <= m.tok.i + PARTNER_REACH]
        mark = next((t for t in after if "partner" in t.lex.struct), None)
        if mark is None:
            continue
        for p in mentions:
            if mark.i < p.tok.i <= m.tok.i + PARTNER_REACH and KINDS.get(p.name) == "actor":
                hits.setdefault(id(p), []).extend(
                    Hit(PARTNER * h.value, min(h.start, m.tok.start), max(h.end, p.tok.end)) for h in own)


def _measures(clause: list[Tok], mentions: list[Mention], text: str) -> None:
    """« Il faut durcir les sanctions », « lever l'embargo »: a verb of stance_measures.txt whose
    object is a restrictive measure (the next mention after it, within ``PREP_REACH`` words, of
    kind ``measure``) takes its reading from that file: favourable when it strengthens the
    measure, opposed when it weakens it. « Durcir le ton » keeps its ordinary reading. In the
    passive (« les sanctions seront durcies », « l'embargo a été levé ») the measure is the
    subject, right before the auxiliary of être."""
    for t in clause:
        if t.lex.measure is None:
            continue
        after = [m for m in mentions if m.tok.i > t.i]
        nxt = min(after, key=lambda m: m.tok.i, default=None)
        if nxt is not None and nxt.tok.i - t.i <= PREP_REACH and KINDS.get(nxt.name) == "measure":
            t.cue = t.lex.measure
            continue
        before = max((m for m in mentions if m.tok.i < t.i), key=lambda m: m.tok.i, default=None)
        if (before is not None and KINDS.get(before.name) == "measure" and t.i - before.tok.i <= PREP_REACH
                and _PASSIVE_END.search(text, before.tok.end, t.start)):
            t.cue = dataclasses.replace(t.lex.measure, role="eval")


# The end of an auxiliary of the passive between a measure and its verb: « seront », « a été ».
# A reflexive pronoun right before a verb: « s'est », « se sont ».
_REFLEXIVE_END = re.compile(r"\b(?:s['’]|se\s+|nous\s+|vous\s+|m['’]|me\s+)$", re.IGNORECASE)
_PASSIVE_END = re.compile(r"\b(?:est|sont|sera|seront|serait|seraient|soit|soient|été|être)\s+(?:\w+\s+)?$", re.IGNORECASE)




def _judged_action(clause: list[Tok], scope: Scope, text: str) -> tuple[int, int, int] | None:
    """« Relâcher les sanctions serait une erreur », « y renoncer reviendrait à envoyer un signal
    désastreux »: an obj verb cue in the infinitive opening its clause (after at most a clause
    opener and an object pronoun), then a copula (``copula`` of stance_structure.txt) and cues:
    those cues judge the action, and their sign multiplies the verb's (dropping the sanctions is
    an error: favourable to them). The positions of the verb and of the copula, and that sign."""
    k0 = 1 if "clause" in clause[0].lex.struct and clause[0].i == clause[0].first else 0
    if len(clause) < k0 + 3:
        return None
    verb = clause[k0]
    lead = clause[0].i + 1 if k0 else verb.first
    if verb.cue is None or verb.cue.role != "obj" or verb.i > lead + 1:
        return None
    words = text[verb.start : verb.end].lower().split()
    head = words[1] if len(words) > 1 and words[0] in OBJECT_CLITICS else words[0]  # « y renoncer »
    if not head.endswith(INFINITIVE_ENDINGS):
        return None
    kc = next((k for k in range(k0 + 1, len(clause)) if "copula" in clause[k].lex.struct), None)
    if kc is None:
        return None
    total = sum(valued(clause, j, scope).value for j in range(kc + 1, len(clause)) if clause[j].cue is not None)
    return (k0, kc, 1 if total > 0 else -1) if total else None


def _judged_subject(clause: list[Tok], scope: Scope, text: str) -> frozenset[int]:
    """« Le rapprochement entre Pékin et Moscou est une menace », « la paix est menacée par X »:
    when the first finite verb of a clause is a copula (``copula`` of stance_structure.txt) and the
    cues after it judge the other way, the evaluative nouns of the subject name what is judged;
    they are not the speaker's judgement (a reflexive « s'est tenu » is no copula). The positions
    of those subject cues."""
    kc = next((k for k, t in enumerate(clause) if "finite" in t.lex.struct or "copula" in t.lex.struct), None)
    if kc is None or kc == 0 or "copula" not in clause[kc].lex.struct or _REFLEXIVE_END.search(text, 0, clause[kc].start):
        return frozenset()
    verdict = sum(valued(clause, j, scope).value for j in range(kc + 1, len(clause)) if clause[j].cue is not None)
    if not verdict:
        return frozenset()
    return frozenset(k for k in range(kc) if (c := clause[k].cue) is not None and c.role == "eval"
                     and valued(clause, k, scope).value * verdict < 0)


def _clause_hits(clause: list[Tok], mentions: list[Mention], negations: bool = True,
                 text: str = "", rhetorical: bool = False) -> tuple[dict[int, list[Hit]], list[Hit]]:
    """Every cue of a clause tied to the mentions of that clause (keys: ``id(mention)``), and the
    untied ones: the evaluative cues that reach no mention (see ``_lone_targets``)."""
    hits: dict[int, list[Hit]] = {}
    _measures(clause, mentions, text)
    if all(t.cue is None for t in clause):
        return hits, []  # most clauses: nothing to tie
    scope = scope_of(clause, mentions, negations, rhetorical, text)
    untied: list[Hit] = []
    judged = _judged_action(clause, scope, text) if text else None
    named = _judged_subject(clause, scope, text) if judged is None else frozenset()
    # « condamner l'agression »: a verb cue and the noun it governs speak of the verb's subject only
    governed = {t.i: g.i for k, t in enumerate(clause) if t.cue is not None and (g := governor(clause, k)) is not None}
    skip = set(governed) | set(governed.values())
    claim = next((t.i for t in clause if "claim" in t.lex.struct), None)
    effect = _measure_effect(clause, mentions, scope, text)
    named = named | _qualified(clause, scope)
    for k, t in enumerate(clause):
        if t.cue is None or judged is not None and k > judged[1] or k in named \
                or claim is not None and t.i > claim and t.cue.polarity > 0:
            continue  # the cues after the copula judge the action, not a target; a judged subject's are its name;
            # what a subject says of itself is not judged (« l'OTAN se dit défensive »)
        tied = cue_hits(clause, k, mentions, scope, text) if mentions else []
        if effect is not None and k >= effect[0]:  # « les sanctions ont affaibli l'adversaire »
            tied = _effect_ties(tied, effect, k)
            if not tied and k > effect[0]:
                continue  # the adversary's words judge the adversary
        if (owner := _owner(clause, k, mentions, text)) is not None:  # « cesser ses provocations »: the owner's
            v = valued(clause, k, scope)
            tied = [(m, h) for m, h in tied if m is not owner] + [(owner, Hit(v.value, v.start, v.end))]
        sign = judged[2] if judged is not None and k == judged[0] else 1
        for m, h in tied:
            hits.setdefault(id(m), []).append(Hit(h.value * sign, h.start, h.end))
        if not tied and judged is not None and k == judged[0]:  # « y renoncer serait une faute »
            v = valued(clause, k, scope)
            untied.append(Hit(v.value * sign, v.start, v.end))
        elif not tied and (us := _against_us(clause, k, mentions, text)) is not None:
            v = valued(clause, k, scope)
            hits.setdefault(id(us), []).append(Hit(v.value, min(v.start, us.tok.start), v.end))
        elif (not tied and t.cue.role in UNTIED_ROLES and t.i not in skip and not demoted(clause, k) and not passive(clause, t)
              and not _after_preposition(clause, k) and not any(embedded(clause, t, m, mentions) for m in mentions)
              and not names_its_victim(clause, t, mentions)  # « l'agression contre l'Ukraine » is not left to the Ukraine
              and not _on_a_patient(clause, k, mentions)  # « sans effet sur notre coopération »
              and "plight" not in t.lex.struct and not suffered(clause, t)  # « l'Ukraine est vulnérable » is no judgement
              and not any("undergo" in u.lex.struct for u in clause if u.i < t.i)  # nor « l'Ukraine subit une agression »
              and not (t.cue.role != "eval" and _GENERIC_SUBJECT.search(text, max(0, t.start - 12), t.start))):  # nor « on aurait tort »
            v = valued(clause, k, scope)
            untied.append(Hit(v.value, v.start, v.end))
    _partners(clause, mentions, hits)
    return hits, untied


def _qualified(clause: list[Tok], scope: Scope) -> frozenset[int]:
    """« un allié aussi versatile », « un partenaire peu fiable »: an evaluative noun followed, one
    or two words on, by an evaluative adjective that values it the other way names what the
    adjective judges; its own value is left out."""
    out = set()
    for k in range(len(clause) - 1):
        t, nxt = clause[k], clause[k + 1]
        if (t.cue is not None and t.cue.noun and t.cue.role == "eval" and nxt.cue is not None and not nxt.cue.noun
                and nxt.cue.role == "eval" and 0 < nxt.i - t.i <= 3
                and valued(clause, k, scope).value * valued(clause, k + 1, scope).value < 0):
            out.add(k)
    return frozenset(out)


def _measure_effect(clause: list[Tok], mentions: list[Mention], scope: Scope, text: str) -> tuple[int, Mention] | None:
    """« Les sanctions ont affaibli l'effort de guerre de l'adversaire »: the position of a verb cue
    of harm whose subject is a measure and whose object names an ``adversary``
    (stance_structure.txt), or that is negated (« les sanctions n'ont pas fait plier l'économie »:
    what a measure did not harm, it failed to), and that measure."""
    if not text or not any(KINDS.get(m.name) == "measure" for m in mentions):
        return None
    for k, t in enumerate(clause):
        if t.cue is None or t.cue.role not in SUBJECT_ROLES or t.cue.polarity > 0:
            continue
        before = [m for m in mentions if m.tok.i < t.i]
        if before and KINDS.get(before[-1].name) == "measure":
            rest = _CLAUSE_REST.match(text, t.end)
            words = f' {" ".join(WORD_RE.findall(fold(rest.group())))} ' if rest is not None else ""
            if scope.negated(t.i) or any(f" {a} " in words for a in ADVERSARY):
                return k, before[-1]
    return None


def _effect_ties(tied: list[tuple[Mention, Hit]], effect: tuple[int, Mention], k: int) -> list[tuple[Mention, Hit]]:
    """The ties of the cue at ``k`` given a measure's effect on the adversary: the harm works, so
    it is the measure's credit (turned around: « n'ont pas affaibli l'ennemi » is its failure); the
    words after it judge the adversary, not the measure."""
    at, measure = effect
    if k == at:
        return [(m, Hit(-h.value, h.start, h.end) if m is measure else h) for m, h in tied]
    return [(m, h) for m, h in tied if m is not measure]


_CLAUSE_REST = re.compile(r"[^.;:!?«»]{0,80}")  # the rest of a clause after a verb: its object
ADVERSARY = frozenset(" ".join(WORD_RE.findall(p)) for p in structure_words("adversary"))  # as the analysis words them


# The generic subject right before a verb cue: « on aurait tort de … » judges nobody named
_GENERIC_SUBJECT = re.compile(rf"\b(?:{_alternation('generic')})\s+(?:n['’]\s*|ne\s+)?$", re.IGNORECASE)
# A possessive determiner right before a word (one adjective may stand between): « ses provocations »
_POSSESSIVE = re.compile(rf"\b(?:{_alternation('possessive')})\s+(?:\w+\s+)?$", re.IGNORECASE)


# A preposition other than « à » right before a name: the name completes a noun (« les partenaires de l'Ukraine »)
_OWNED_BY_A_COMPLEMENT = re.compile(rf"\b(?:{_alternation('ofowner')})\s*{_opener('article')}?$", re.IGNORECASE)


def _owner(clause: list[Tok], k: int, mentions: list[Mention], text: str) -> Mention | None:
    """« Tant que Moscou campera sur ses exigences maximalistes »: a negative evaluative noun after
    a possessive belongs to the one actor named before it in its clause (not in a complement),
    and judges that actor, unless a verb cue governs it."""
    t = clause[k]
    if t.cue is None or t.cue.role != "eval" or t.cue.polarity > 0 or not text or governor(clause, k) is not None:
        return None  # a verb cue on it decides (« les Vingt-Sept ont surmonté leurs divisions »)
    actors = [m for m in mentions if m.tok.i < t.i and KINDS.get(m.name) == "actor"]
    if len(actors) != 1 or not _POSSESSIVE.search(text, max(0, t.start - 40), t.start):
        return None  # two actors before it: whose is it? (« l'OTAN ne doit pas utiliser la Chine pour justifier son intrusion »)
    if _OWNED_BY_A_COMPLEMENT.search(text, max(0, actors[0].tok.start - 30), actors[0].tok.start):
        return None  # « les partenaires de l'Ukraine pour leur condamnation »: theirs, not the Ukraine's
    return actors[0]


def _on_a_patient(clause: list[Tok], k: int, mentions: list[Mention]) -> bool:
    """« Ces menaces resteront sans effet sur notre coopération »: an agent cue judges its subject;
    the target of a patient preposition right after it is what it acts on, not a lone target."""
    t = clause[k]
    if t.cue is None or t.cue.role not in SUBJECT_ROLES or k + 1 >= len(clause) or "patient" not in clause[k + 1].lex.struct:
        return False
    return clause[k + 1].i == t.i + 1 and any(0 < m.tok.i - clause[k + 1].i <= 2 for m in mentions)


def _after_preposition(clause: list[Tok], k: int) -> bool:
    """« protéger ses membres contre toute menace », « face aux menaces »: an evaluative noun
    governed by a preposition names what is opposed, not a judgement left for a lone target."""
    return any(t.i >= clause[k].i - 2 and ("patient" in t.lex.struct or is_prep(t)) for t in clause[max(0, k - 2) : k])


def _against_us(clause: list[Tok], k: int, mentions: list[Mention], text: str) -> Mention | None:
    """« Washington nous a abandonnés », « l'Europe ne nous a jamais lâchés »: a verb cue whose object
    is the speaker's side (an object pronoun of ``usclitic``, stance_structure.txt) judges its
    subject, the target right before the pronoun (at most an auxiliary and an adverb between)."""
    tok = clause[k]
    before = [m for m in mentions if m.tok.i < tok.i]
    if tok.cue.role != "obj" or not before or not text:  # type: ignore[union-attr]
        return None
    m = max(before, key=lambda m: m.tok.i)
    gap = WORD_RE.findall(fold(text[m.tok.end : tok.start]))
    gap = gap[1:] if gap[:1] in (["ne"], ["n'"]) else gap
    if not gap or gap[0] not in US_CLITICS or len(gap) > 3 or any(w in PUNCT for w in gap):
        return None
    return m


def _verdict(text: str, name: str, hits: list[Hit]) -> dict[str, object]:
    """One target's stance record: label, score in [-1, 1], the deciding cues as written."""
    total = sum(h.value for h in hits)
    score = round(math.tanh(total), 3)
    label = "favorable" if score >= THRESHOLD else "opposed" if score <= -THRESHOLD else "neutral"
    cues: list[str] = []
    if label != "neutral":
        sign = 1 if score > 0 else -1
        for h in sorted((h for h in hits if h.value * sign > 0), key=lambda h: -abs(h.value)):
            cue = f'{"+" if sign > 0 else "-"} "{text[h.start : h.end]}"'
            if cue not in cues:
                cues.append(cue)
    return {"target": name, "label": label, "score": score, "cues": cues}


def _names_an_actor(per_clause: list[list[Mention]]) -> bool:
    return any(KINDS.get(m.name) == "actor" for ms in per_clause for m in ms)


def _main_actor(clauses: list[list[Tok]], per_clause: list[list[Mention]], main: Callable[[], str | None]) -> None:
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


def _rhetorical(words: list[str], toks: list[Tok]) -> frozenset[int]:
    """The clauses that are rhetorical questions: the clause that opens with a ``rhetoric`` phrase of
    stance_structure.txt in a sentence that ends with « ? » (« Comment faire confiance à Moscou ? »)."""
    if "?" not in words:
        return frozenset()
    questions: set[int] = set()
    sentence = 0
    for w in words:
        if w in SENTENCE_END:
            if w == "?":
                questions.add(sentence)
            sentence += 1
    return frozenset(t.clause for t in toks if "rhetoric" in t.lex.struct and t.sentence in questions and t.i - t.first <= 1)


def analyse(text: str, ctx: Context | None = None, main: Callable[[], str | None] | None = None) -> list[dict[str, object]]:
    """The stance of ``text`` toward each target it mentions (in order of first mention).

    ``ctx`` resolves ambiguous aliases (default: the text alone); ``main()`` gives the actor a
    clause-initial ils/elles may stand for, asked only when the text names no actor.
    """
    found = list(WORD_RE.finditer(fold(text)))
    words = list(map(re.Match.group, found))
    nations = not _nation_targets().keys().isdisjoint(words)
    if HEADS.isdisjoint(words) and not nations:
        return []
    ctx = ctx or Context([text])
    toks = tokens_from(found, words)
    _read_as_written(toks, text)
    clauses = split_clauses(toks)
    per_clause = [_mentions(c, ctx) for c in clauses]
    if all(t.cue is None and t.lex.measure is None and "np" not in t.lex.neg for t in toks):
        # no cue, no measure verb, no « Sans X, » (a quarter of the quotes): every target is neutral
        return [_verdict(text, name, []) for name in dict.fromkeys(m.name for ms in per_clause for m in ms)]
    if nations:
        for clause, mentions in zip(clauses, per_clause, strict=True):
            _nationalities(clause, mentions, text)
    if main is not None:
        _main_actor(clauses, per_clause, main)
    _anaphora(clauses, per_clause, text)
    _object_pronouns(clauses, per_clause, text)
    _partner_pronouns(clauses, per_clause, text)
    _dislocated(clauses, per_clause)
    _gerund(clauses, per_clause, text)
    rhetorical = _rhetorical(words, toks)
    order: list[str] = []
    per_target: list[dict[str, list[Hit]]] = []
    untied: list[list[Hit]] = []
    counterfactual = -1  # the clause after « Sans X, »: its negation is not the speaker's judgement
    granted = _granted(clauses)
    for ci, (clause, mentions) in enumerate(zip(clauses, per_clause, strict=True)):
        loose: list[Hit] = []
        if _necessity(clauses, per_clause, ci):
            hits = {id(m): [Hit(NECESSITY, clause[0].start, m.tok.end)] for m in mentions if not _partner(clause, m)}
            counterfactual = ci + 1
        else:
            hits, loose = _clause_hits(clause, mentions, ci != counterfactual, text, clause[0].clause in rhetorical)
        if "condition" in clause[0].lex.struct:  # « s'il y a annexion, … »: a condition judges no other target
            loose = []
        if "concessive" in clause[0].lex.struct or ci in granted:  # « malgré X », « même si X », « X, certes, »: not the point
            hits = {k: [Hit(h.value * CONCEDED, h.start, h.end) for h in hs] for k, hs in hits.items()}
            loose = []  # nor a judgement left for a target outside it (« quoi qu'en dise la propagande, … »)
        own: dict[str, list[Hit]] = {}
        for m in mentions:
            if m.name not in order:
                order.append(m.name)
            own.setdefault(m.name, []).extend(hits.get(id(m), []))
        per_target.append(own)
        untied.append(loose)
    _concede(clauses, per_target)
    by_target: dict[str, list[Hit]] = {}
    for own in per_target:
        for name, hs in own.items():
            by_target.setdefault(name, []).extend(hs)
    _lone_targets(clauses, per_target, untied, by_target, lambda: _places(clauses, per_clause))
    return [_verdict(text, name, by_target.get(name, [])) for name in order]


def _read_as_written(toks: list[Tok], text: str) -> None:
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


def _places(clauses: list[list[Tok]], per_clause: list[list[Mention]]) -> frozenset[str]:
    """The targets named only as places (``is_place``) in the quote."""
    named = [(m.name, is_place(c, m)) for c, ms in zip(clauses, per_clause, strict=True) for m in ms]
    return frozenset(n for n, place in named if place) - {n for n, place in named if not place}


def _lone_targets(clauses: list[list[Tok]], per_target: list[dict[str, list[Hit]]], untied: list[list[Hit]],
                  found: dict[str, list[Hit]], places: Callable[[], frozenset[str]] = frozenset) -> None:
    """A target that no cue reached takes, weighed ``UNTIED``, the untied cues of the sentences
    where it is the only target (of the whole quote when it is the quote's only target):
    « Les sanctions n'ont rien changé ; elles ont poussé l'économie visée à s'adapter ». Not a
    target named only as a place (``places()``, asked only when needed: « la situation est
    dramatique en Ukraine »)."""
    names_of: dict[int, set[str]] = {}
    for clause, own in zip(clauses, per_target, strict=True):
        names_of.setdefault(clause[0].sentence, set()).update(own)
    everywhere = len(found) == 1
    placed: frozenset[str] | None = None
    for name, hits in found.items():
        if hits or not any(untied):
            continue
        placed = places() if placed is None else placed
        if name in placed:
            continue
        for clause, loose in zip(clauses, untied, strict=True):
            if loose and (everywhere or names_of.get(clause[0].sentence) == {name}):
                hits.extend(Hit(h.value * UNTIED, h.start, h.end) for h in loose)


def _opens(clause: list[Tok], role: str) -> bool:
    """Whether the first word of ``clause`` is a token with the structure role ``role``."""
    return clause[0].i == clause[0].first and role in clause[0].lex.struct


# A gerund opening a clause: « …, en essayant de détruire l'Ukraine ».
_GERUND = re.compile(r"\s*en\s+(?:\w+\s+){0,2}?\w+ant\b", re.IGNORECASE)


def _gerund(clauses: list[list[Tok]], per_clause: list[list[Mention]], text: str) -> None:
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


def _dislocated(clauses: list[list[Tok]], per_clause: list[list[Mention]]) -> None:
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


def _partner(clause: list[Tok], m: Mention) -> bool:
    """Whether ``m`` is introduced as a partner (« avec Moscou ») in its clause."""
    return any("partner" in t.lex.struct for t in clause if t.i < m.tok.i)


def _necessity(clauses: list[list[Tok]], per_clause: list[list[Mention]], ci: int) -> bool:
    """« Sans un dialogue franc, aucune sécurité n'est possible »: a clause opened by a noun-phrase
    negator and naming a target, followed in its sentence by a negated clause, says the target is
    necessary."""
    clause = clauses[ci]
    if not per_clause[ci] or ci + 1 >= len(clauses) or "np" not in clause[0].lex.neg or clause[0].i != clause[0].first:
        return False
    nxt = clauses[ci + 1]
    return nxt[0].sentence == clause[0].sentence and bool(negation_groups(nxt))


def _granted(clauses: list[list[Tok]]) -> frozenset[int]:
    """The clauses that a « certes » grants (``granted``): its own, and the one before it when it
    stands alone between commas (« X a ses torts, certes, mais … »)."""
    out: set[int] = set()
    for ci, clause in enumerate(clauses):
        if any("granted" in t.lex.struct for t in clause):
            out.add(ci)
            if ci and all("granted" in t.lex.struct for t in clause):
                out.add(ci - 1)
    return frozenset(out)


def _concede(clauses: list[list[Tok]], per_target: list[dict[str, list[Hit]]]) -> None:
    """« L'Alliance a manqué de clairvoyance, mais elle reste un pilier »: after a clause opened by
    a turn (mais, cependant …), the stance a target got before it in the sentence (or in the
    previous sentence, when the turn opens its own) weighs ``CONCEDED`` when it is the opposite."""
    for ci, clause in enumerate(clauses):
        if ci == 0 or not _opens(clause, "turn"):
            continue
        sent = clause[0].sentence
        before = sent - 1 if clauses[ci - 1][0].sentence != sent else sent
        earlier = [k for k in range(ci) if before <= clauses[k][0].sentence <= sent]
        later = [k for k in range(ci, len(clauses)) if clauses[k][0].sentence == sent]
        for name in {n for k in later for n in per_target[k]}:
            after = sum(h.value for k in later for h in per_target[k].get(name, []))
            was = sum(h.value for k in earlier for h in per_target[k].get(name, []))
            if after * was >= 0:
                continue
            for k in earlier:
                if name in per_target[k]:
                    per_target[k][name] = [Hit(h.value * CONCEDED, h.start, h.end) for h in per_target[k][name]]


# ------------------------------------------------------------------------------ framing and quotes


def frame(cue_lemma: str | None) -> str:
    """The connotation class of a reporting verb (verbs.txt), ``neutral`` for selon/d'après/pour."""
    if not cue_lemma or cue_lemma.lower() in NEUTRAL_CUES:
        return "neutral"
    lemma = cue_lemma.lower().removeprefix("se ").removeprefix("s'")
    verb = verbs().get(cue_lemma) or verbs().get(lemma)
    return verb.frame if verb is not None else "neutral"


def score_quote(q: Quote, ctx: Context) -> Quote:
    """``q`` with its targets, stance and frame filled."""

    def main() -> str | None:
        name = ctx.main_actor()
        return None if name is None or _speaker_is(q, name) else name

    out = q.copy()
    out.stance = analyse(q.text, ctx, main)
    out.targets = [str(s["target"]) for s in out.stance]
    out.frame = frame(q.cue_lemma)
    return out


def score(article: Article, quotes: list[Quote]) -> list[Quote]:
    """Every quote of ``article`` with ``targets``, ``stance`` and ``frame`` filled."""
    ctx = Context([article.title, *article.paragraphs])
    return [score_quote(q, ctx) for q in quotes]
