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
   « Sans X, [negated or conditional clause] » and « [negation] … sans X » say X is necessary,
   valued against what its absence brings (« pas de paix sans X »: favourable; « Moscou ne pourrait
   pas poursuivre la guerre sans X »: opposed), the negation being counterfactual. An evaluative noun or adjective that is the object of a verb cue takes
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
5. Partners. A cooperation topic (coopération) followed by ``avec`` / ``entre`` and an actor
   passes the stance it received to that actor: « restaurer le partenariat avec l'OTAN »; talks
   (dialogue) pass only a stance against them: one talks with adversaries too.
6. Score. The sum over the cues, squashed by ``tanh`` into [-1, 1]; ``favorable`` at or above
   ``THRESHOLD``, ``opposed`` at or below minus it, else ``neutral``. The cues reported are the
   ones on the side of the label, strongest first, each as it occurs in the quote
   (``+ "restaurer la coopération"``, ``- "effet néfaste"``).

Lone targets: a target that no cue reaches takes, weighed ``UNTIED``, the evaluative cues that
reach no target in the sentences where it is the only target (in the whole quote when it is the
quote's only target): « Les sanctions n'ont rien changé ; c'est un échec cuisant ».

Concession: after a clause opened by a turn (« mais », « cependant » …), a target's stance
before it in the sentence weighs ``CONCEDED`` when it is the opposite of the one after it.

Disowned positions (``quotes/disowned.py``): what « ceux qui » do or want is a position the
speaker rejects, and its cues count the other way (« Ceux qui réclament la levée des sanctions
oublient … »); contrasts (``quotes/contrasts.py``) give a cue-less target the opposite stance of
the one it is set against (« C'est X qui a rompu le dialogue, pas Y »).

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

import math
import re
from collections.abc import Callable

from quotes.clause_hits import clause_hits
from quotes.clauses import Mention, Tok, negation_groups, split_clauses, tokens_from
from quotes.contrasts import contrasted
from quotes.cues import (
    HEADS,
    KINDS,
    PRONOUN_HEADS,
    SENTENCE_END,
    alternation,
    fold,
    split_words,
)
from quotes.disowned import DISOWNED_HEADS, JUSSIVE_HEADS, REBUTTAL_HEADS, demands, disown, opens_a_sentence, rebutted
from quotes.model import Article, Quote
from quotes.referents import (
    ADJECTIVAL,
    Context,
    adjectival,
    anaphora,
    clause_mentions,
    corrected,
    dislocated,
    gerund,
    main_actor,
    nation_targets,
    nationalities,
    object_pronouns,
    partner_pronouns,
    read_as_written,
    relatives,
    speaker_is,
)
from quotes.ties import (
    Hit,
    is_place,
)
from quotes.verbs import verbs

THRESHOLD = 0.25  # |score| from which a stance is favourable / opposed


NECESSITY = 1.0  # weight of a necessary X (« Sans X, [negated or conditional clause] », « pas de … sans X »)
NECESSITY_REACH = 5  # words from « sans » to the target it governs (« sans la participation de l'Ukraine »)


CONCEDED = 0.4  # factor of a stance conceded before a turn (mais) that contradicts it


UNTIED = 0.6  # share of an untied cue given to the lone target of its sentence or quote


PRETENCE = -1.0  # an actor's claim belied or denied (« se dit neutre mais livre des armes »)
OTHER_SUBJECT_REACH = 2  # words from a contrast to an actor that is its own subject (« mais la Russie »)


NEUTRAL_CUES = ("selon", "d'après", "pour")


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
    words, starts = split_words(fold(text))
    nations = not nation_targets().keys().isdisjoint(words)
    if HEADS.isdisjoint(words) and not nations and (PRONOUN_HEADS.isdisjoint(words) or main is None or main() is None):
        return []  # no target named, and no main actor a pronoun could stand for (half the quotes)
    ctx = ctx or Context([text])
    toks = tokens_from(starts, words)
    read_as_written(toks, text)
    clauses = split_clauses(toks)
    per_clause = [clause_mentions(c, ctx) for c in clauses]
    if nations:
        adjectival(clauses, per_clause, starts, words, text)
    if all(t.cue is None and t.lex.measure is None and "np" not in t.lex.neg and "claim" not in t.lex.struct for t in toks) \
            and not opens_a_sentence(words, JUSSIVE_HEADS):
        # no cue, no measure verb, no « Sans X, » (a quarter of the quotes): every target is neutral
        return [_verdict(text, name, []) for name in dict.fromkeys(m.name for ms in per_clause for m in ms)]
    if nations:
        for clause, mentions in zip(clauses, per_clause, strict=True):
            nationalities(clause, mentions, text)
    if main is not None:
        main_actor(clauses, per_clause, main)
    anaphora(clauses, per_clause, text)
    corrected(clauses, per_clause, text)
    relatives(clauses, per_clause)
    object_pronouns(clauses, per_clause, text)
    partner_pronouns(clauses, per_clause, text)
    dislocated(clauses, per_clause)
    gerund(clauses, per_clause, text)
    rhetorical = _rhetorical(words, toks)
    order: list[str] = []
    per_target: list[dict[str, list[Hit]]] = []
    untied: list[list[Hit]] = []
    counterfactual = -1  # the clause after « Sans X, »: its negation is not the speaker's judgement
    granted = _granted(clauses)
    for ci, (clause, mentions) in enumerate(zip(clauses, per_clause, strict=True)):
        loose: list[Hit] = []
        if (needed_sign := _necessity(clauses, per_clause, ci, text)) != 0:
            value = NECESSITY * needed_sign
            hits = {id(m): [Hit(value, clause[0].start, m.tok.end)] for m in mentions if not _partner(clause, m)}
            counterfactual = ci + 1
        elif (needed := _needed_after(clause, mentions)) is not None:  # « pas de paix sans X »
            k, after = needed
            value = NECESSITY * _consequence_sign(clause[:k], [m for m in mentions if m.tok.i < clause[k].i], text)
            hits, loose = clause_hits(clause, mentions, False, text, clause[0].clause in rhetorical)
            hits.update({id(m): [Hit(value, clause[k].start, m.tok.end)] for m in after})
        else:
            hits, loose = clause_hits(clause, mentions, ci != counterfactual, text, clause[0].clause in rhetorical)
            loose = loose if ci != counterfactual else []  # what the absence of X brings judges no lone target
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
    if not DISOWNED_HEADS.isdisjoint(words):
        disown(clauses, per_target, untied, text)
    if opens_a_sentence(words, JUSSIVE_HEADS):
        demands(clauses, per_clause, per_target, text)
    if opens_a_sentence(words, REBUTTAL_HEADS):
        rebutted(clauses, per_target, untied, text)
    _judged_before(clauses, per_target, untied, text)
    _concede(clauses, per_target)
    contrasted(clauses, per_clause, per_target, text)
    for ci, m, hit in _pretences(clauses, per_clause):
        per_target[ci].setdefault(m.name, []).append(hit)
    by_target: dict[str, list[Hit]] = {}
    for own in per_target:
        for name, hs in own.items():
            by_target.setdefault(name, []).extend(hs)
    _lone_targets(clauses, per_target, untied, by_target, lambda: _places(clauses, per_clause))
    return [_verdict(text, name, by_target.get(name, [])) for name in order]


def _places(clauses: list[list[Tok]], per_clause: list[list[Mention]]) -> frozenset[str]:
    """The targets named only as places (``is_place``) or by an adjective (« l'économie russe »:
    the quote may be about the economy) in the quote."""
    named = [(m.name, ADJECTIVAL in m.tok.lex.struct or is_place(c, m)) for c, ms in zip(clauses, per_clause, strict=True) for m in ms]
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


def _partner(clause: list[Tok], m: Mention) -> bool:
    """Whether ``m`` is introduced as a partner (« avec Moscou ») in its clause."""
    return any("partner" in t.lex.struct for t in clause if t.i < m.tok.i)


def _necessity(clauses: list[list[Tok]], per_clause: list[list[Mention]], ci: int, text: str) -> int:
    """« Sans un dialogue franc, aucune sécurité n'est possible »: a clause opened by a noun-phrase
    negator and naming a target, followed in its sentence by a negated or conditional clause, or
    by one that says something bad (« la paix est impossible »), says the target is necessary.
    The sign of what it is worth (``_consequence_sign``), 0 when it is not said necessary."""
    clause = clauses[ci]
    if not per_clause[ci] or ci + 1 >= len(clauses) or "np" not in clause[0].lex.neg or clause[0].i != clause[0].first:
        return 0
    nxt = clauses[ci + 1]
    if nxt[0].sentence != clause[0].sentence:
        return 0
    total = _consequence_total(nxt, per_clause[ci + 1], text)
    said = bool(negation_groups(nxt)) or any("conditional" in t.lex.struct for t in nxt) or total < 0
    return (-1 if total > 0 else 1) if said else 0


def _consequence_sign(part: list[Tok], mentions: list[Mention], text: str) -> int:
    """What a necessary thing is worth: the opposite of what its absence brings, as the clause
    says it (« aucune paix n'est possible », « la situation serait plus difficile »: +1; « Moscou ne
    pourrait pas poursuivre la guerre »: -1, the thing enables a harm); +1 when no cue says. The
    cues as the clause weighs them, tied or left untied; one it does neither with (« la junte ne
    pourrait pas poursuivre la guerre »: a war with no actor among the targets) does not count."""
    return -1 if _consequence_total(part, mentions, text) > 0 else 1


def _consequence_total(part: list[Tok], mentions: list[Mention], text: str) -> float:
    """The sum of the cues of ``part`` as the clause weighs them, tied or left untied."""
    hits, loose = clause_hits(part, mentions, True, text)
    return sum((h.value for hs in hits.values() for h in hs), 0.0) + sum((h.value for h in loose), 0.0)


def _needed_after(clause: list[Tok], mentions: list[Mention]) -> tuple[int, list[Mention]] | None:
    """« Il n'y aura pas de paix sans garanties de sécurité », « rien ne se fera sans l'Ukraine »: a
    negation, then a noun-phrase negator whose noun phrase names a target (within
    ``NECESSITY_REACH`` words) say the target is necessary, the negation before being the
    counterfactual. The position of the negator in the clause, and the targets it governs."""
    for k, t in enumerate(clause):
        if "np" not in t.lex.neg or k == 0:
            continue
        if not negation_groups(clause[:k]):
            return None
        after = [m for m in mentions if 0 < m.tok.i - t.i <= NECESSITY_REACH and not _partner(clause, m)]
        return (k, after) if after else None
    return None


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


# « …, et c'est une erreur », « …, ce qui est une excellente nouvelle »: a clause opened by these judges the one before
_JUDGING = re.compile(rf"[^,;.!?]*[,;]\s*(?:{alternation('judging')})\b", re.IGNORECASE)


def _judged_before(clauses: list[list[Tok]], per_target: list[dict[str, list[Hit]]], untied: list[list[Hit]], text: str) -> None:
    """« Les sanctions ont été levées, et c'est une erreur »: a clause that names no target and
    opens with a ``judging`` phrase judges the clause before it in its sentence. A measure there
    (stance_measures.txt) is read as the speaker's wish, as in « nous levons les sanctions »; the
    judgement gives it its sign instead (lifting them is an error: favourable to the sanctions),
    and is no longer left to lone targets. Evaluative cues there keep their sign."""
    for ci in range(1, len(clauses)):
        prev, judge = clauses[ci - 1], clauses[ci]
        verdict = sum(h.value for h in untied[ci])
        if per_target[ci] or not verdict or prev[-1].sentence != judge[0].sentence \
                or not _JUDGING.match(text, prev[-1].end):
            continue
        measures = {t.start for t in prev if t.lex.measure is not None}
        sign = 1.0 if verdict > 0 else -1.0
        for name, hs in per_target[ci - 1].items():
            per_target[ci - 1][name] = [Hit(h.value * sign, h.start, h.end) if h.start in measures else h for h in hs]
        if any(h.start in measures for hs in per_target[ci - 1].values() for h in hs):
            untied[ci] = []


def _pretences(clauses: list[list[Tok]], per_clause: list[list[Mention]]) -> list[tuple[int, Mention, Hit]]:
    """« Pékin se dit neutre mais livre des armes », « l'Occident prêche la concurrence tout en
    subventionnant », « la Chine ne peut pas se prétendre neutre »: an actor's claim about itself
    (``claim``) belied by a contrast after it (``belied``, in its sentence or opening the next one)
    or negated is the speaker's charge of pretence against the actor, the subject of the claim."""
    out: list[tuple[int, Mention, Hit]] = []
    claims = [(ci, t) for ci, clause in enumerate(clauses) for t in clause if "claim" in t.lex.struct]
    if not claims:
        return out  # most quotes
    flat = [t for clause in clauses for t in clause]
    for ci, claim in claims:
        clause = clauses[ci]
        subject = next((m for m in reversed(per_clause[ci]) if m.tok.i < claim.i), None)
        if subject is None or KINDS.get(subject.name) != "actor":
            continue
        # « ne peut pas se prétendre »: a negation closed before the claim (not « ne se dit pas »)
        denied = next((g for g in negation_groups(clause) if subject.tok.i < g[0] and g[1] < claim.i), None)
        if denied is not None:
            start = next(t.start for t in clause if t.i == denied[0])
            out.append((ci, subject, Hit(PRETENCE, start, claim.end)))
        elif (belied := _belied(flat, flat.index(claim))) is not None:
            out.append((ci, subject, Hit(PRETENCE, claim.start, belied.end)))
    return out


def _belied(toks: list[Tok], k: int) -> Tok | None:
    """The contrast (``belied``) after the claim ``toks[k]``: in its sentence, or the first token of
    the next one when that opens it (« X prêche la concurrence. Mais … »)."""
    claim = toks[k]
    for n in range(k + 1, len(toks)):
        t = toks[n]
        if "belied" in t.lex.struct and (t.sentence == claim.sentence or t.sentence == claim.sentence + 1 and t.i == t.first):
            after = toks[n + 1] if n + 1 < len(toks) else None  # « mais la Russie refuse »: another subject
            return None if after is not None and after.i - t.i <= OTHER_SUBJECT_REACH and KINDS.get(next(iter(after.lex.targets), "")) == "actor" else t
        if t.sentence > claim.sentence:
            return None
    return None


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
        return None if name is None or speaker_is(q, name) else name

    out = q.copy()
    out.stance = analyse(q.text, ctx, main)
    out.targets = [str(s["target"]) for s in out.stance]
    out.frame = frame(q.cue_lemma)
    return out


def score(article: Article, quotes: list[Quote]) -> list[Quote]:
    """Every quote of ``article`` with ``targets``, ``stance`` and ``frame`` filled."""
    ctx = Context([article.title, *article.paragraphs])
    return [score_quote(q, ctx) for q in quotes]
