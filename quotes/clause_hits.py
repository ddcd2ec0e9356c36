"""The cues of one clause tied to the targets it names: ``clause_hits``, with the clause-level
rules (measures, a judged action or subject, a measure's effect on the adversary, a possessive
owner, a verb on « nous », claims, a partner's share).

Read by ``quotes.stance`` (see its docstring for the rules); a cue's ties to single targets are
``quotes.ties``.
"""

from __future__ import annotations

import dataclasses
import re

from quotes.clauses import NI, Mention, Scope, Tok, scope_of
from quotes.cues import (
    KINDS,
    OBJECT_CLITICS,
    PUNCT,
    SUBJECT_ROLES,
    US_CLITICS,
    WORD_RE,
    alternation,
    fold,
    opener,
    structure_words,
)
from quotes.ties import (
    PREP_REACH,
    Hit,
    across,
    cue_hits,
    demoted,
    embedded,
    governor,
    is_prep,
    lamented,
    names_its_victim,
    passive,
    suffered,
    valued,
)
from quotes.verbs import INFINITIVE_ENDINGS

PARTNER = 0.8  # share of a cooperation topic's stance passed to its partner


PARTNER_REACH = 6  # tokens between a cooperation topic and its partner


NI_REACH = 2  # words from a « ni » to the cue it coordinates (« ni ouvertement condamné »)


UNTIED_ROLES = frozenset({"eval", "agent", "cause"})  # the cues that may weigh on a target they do not reach


EFFECT_ROLES = SUBJECT_ROLES | {"obj"}  # cues whose harm may be a measure's effect (on its subject or its object)


def _partners(clause: list[Tok], mentions: list[Mention], hits: dict[int, list[Hit]]) -> None:
    """« restaurer le partenariat avec l'OTAN »: the partner of a cooperation topic shares its
    stance; the partner of talks only a stance against them (« des pourparlers avec Moscou sont une
    perte de temps »): one talks with adversaries too (« il faut maintenir le dialogue avec Moscou »)."""
    for m in mentions:
        own = hits.get(id(m), [])
        kind, total = KINDS.get(m.name), sum(h.value for h in own)
        if not total or kind not in ("cooperation", "talks") or kind == "talks" and total > 0:
            continue
        after = [t for t in clause if m.tok.i < t.i <= m.tok.i + PARTNER_REACH]
        mark = next((t for t in after if "partner" in t.lex.struct), None)
        if mark is None or "mutual" in mark.lex.struct:
            continue  # « un dialogue entre Washington et Moscou »: spoken of from outside
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
    subject, right before the auxiliary of être, as it is before a verb of state (role eval:
    « les sanctions resteront en place »)."""
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
                and (t.lex.measure.role == "eval" or _PASSIVE_END.search(text, before.tok.end, t.start))):
            t.cue = dataclasses.replace(t.lex.measure, role="eval")  # a verb of state, or the passive


# The end of an auxiliary of the passive between a measure and its verb: « seront », « a été ».
# A reflexive pronoun right before a verb: « s'est », « se sont ».
_REFLEXIVE_END = re.compile(r"\b(?:s['’]|se\s+|nous\s+|vous\s+|m['’]|me\s+)$", re.IGNORECASE)


_PASSIVE_END = re.compile(r"\b(?:est|sont|sera|seront|serait|seraient|soit|soient|été|être)\s+(?:\w+\s+)?$", re.IGNORECASE)


# What stands before the copula of an extraposed judgement: « Il serait absurde de … », « mais ce serait une erreur de … »
_IMPERSONAL = re.compile(rf"(?:^|[.!?;:,«»(]\s*|\b(?:{alternation('clause')}|{alternation('barrier')})\s+)(?:{alternation('dummy')})\s*(?:ne\s+|n['’]\s*)?$",
                         re.IGNORECASE)
_OF_BEFORE = re.compile(r"\b(?:de|d['’])\s*$", re.IGNORECASE)  # « … de » right before the infinitive


def _infinitive_obj_cue(verb: Tok, text: str) -> bool:
    """Whether ``verb`` is an obj verb cue in the infinitive, after at most an object pronoun
    (« lever les sanctions », « y renoncer »)."""
    if verb.cue is None or verb.cue.role != "obj":
        return False
    words = text[verb.start : verb.end].lower().split()
    head = words[1] if len(words) > 1 and words[0] in OBJECT_CLITICS else words[0]
    return head.endswith(INFINITIVE_ENDINGS)


def _extraposed(clause: list[Tok], scope: Scope, text: str) -> tuple[int, range, int] | None:
    """« Il serait irresponsable de lever les sanctions », « ce serait une erreur de sanctionner X »:
    an impersonal subject, a copula, cues that judge, then « de » and an obj verb cue in the
    infinitive: the judgement's sign multiplies the verb's, as in ``_judged_action``. The
    position of the verb, the positions of the judgement (not tied to any target), and that sign."""
    kc = next((k for k in range(min(3, len(clause))) if "copula" in clause[k].lex.struct), None)
    if kc is None or not _IMPERSONAL.search(text, max(0, clause[kc].start - 24), clause[kc].start):
        return None
    for kv in range(kc + 2, min(kc + 6, len(clause))):
        verb = clause[kv]
        if _infinitive_obj_cue(verb, text) and _OF_BEFORE.search(text, max(0, verb.start - 4), verb.start):
            total = sum((valued(clause, j, scope).value for j in range(kc + 1, kv) if clause[j].cue is not None), 0.0)
            neg = scope.negated(verb.i)
            if neg is not None and neg[0] < clause[kc].i + 1:
                total = -total  # « il ne serait pas raisonnable de lever … »: the negation is the judgement's, not the verb's
            return (kv, range(kc, kv), 1 if total > 0 else -1) if total else None
    return None


def _judged_action(clause: list[Tok], scope: Scope, text: str) -> tuple[int, range, int] | None:
    """« Relâcher les sanctions serait une erreur », « y renoncer reviendrait à envoyer un signal
    désastreux »: an obj verb cue in the infinitive opening its clause (after at most a clause
    opener and an object pronoun), then a copula (``copula`` of stance_structure.txt) and cues:
    those cues judge the action, and their sign multiplies the verb's (dropping the sanctions is
    an error: favourable to them). The position of the verb, the positions after it (the action's
    words and the judgement: not tied to any target), and that sign."""
    k0 = 1 if "clause" in clause[0].lex.struct and clause[0].i == clause[0].first else 0
    if len(clause) < k0 + 3:
        return None
    verb = clause[k0]
    lead = clause[0].i + 1 if k0 else verb.first
    if verb.i > lead + 1 or not _infinitive_obj_cue(verb, text):
        return None
    kc = next((k for k in range(k0 + 1, len(clause)) if "copula" in clause[k].lex.struct), None)
    if kc is None:
        return None
    total = sum(valued(clause, j, scope).value for j in range(kc + 1, len(clause)) if clause[j].cue is not None)
    return (k0, range(k0 + 1, len(clause)), 1 if total > 0 else -1) if total else None


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


def clause_hits(clause: list[Tok], mentions: list[Mention], negations: bool = True,
                 text: str = "", rhetorical: bool = False) -> tuple[dict[int, list[Hit]], list[Hit]]:
    """Every cue of a clause tied to the mentions of that clause (keys: ``id(mention)``), and the
    untied ones: the evaluative cues that reach no mention (see ``_lone_targets``)."""
    hits: dict[int, list[Hit]] = {}
    _measures(clause, mentions, text)
    if all(t.cue is None for t in clause):
        return hits, []  # most clauses: nothing to tie
    scope = scope_of(clause, mentions, negations, rhetorical, text)
    untied: list[Hit] = []
    judged = (_judged_action(clause, scope, text) or _extraposed(clause, scope, text)) if text else None
    named = _judged_subject(clause, scope, text) if judged is None else frozenset()
    # « condamner l'agression »: a verb cue and the noun it governs speak of the verb's subject only
    governed = {t.i: g.i for k, t in enumerate(clause) if t.cue is not None and (g := governor(clause, k)) is not None}
    skip = set(governed) | set(governed.values())
    claim = next((t.i for t in clause if "claim" in t.lex.struct), None)
    effect = _measure_effect(clause, mentions, scope, text)
    on_object = effect is not None and (ec := clause[effect[0]].cue) is not None and ec.role not in SUBJECT_ROLES
    named = named | _qualified(clause, scope)
    if balanced := _balanced(clause):  # and what they govern
        named = named | {k for k, t in enumerate(clause) if t.i in balanced or governed.get(t.i, -1) in balanced}
    for k, t in enumerate(clause):
        if t.cue is None or judged is not None and k in judged[1] or k in named or scope.unasked(t.i) \
                or claim is not None and t.i > claim and t.cue.polarity > 0:
            continue  # the judgement of an action and the action's own words tie to no target; a judged subject's are its name;
            # what a subject says of itself is not judged (« l'OTAN se dit défensive »); nor what is not asked for
        if effect is not None and k == effect[0] and on_object:  # « n'ont pas empêché X de … »
            v = valued(clause, k, scope)  # what the measure failed to do to its object is its failure
            hits.setdefault(id(effect[1]), []).append(Hit(-v.value, v.start, v.end))
            continue
        if effect is not None and k > effect[0] and on_object and scope.negated(t.i):
            continue  # « … la Russie de financer sa guerre »: what the adversary did anyway, under the failure's negation
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
              and not any(across(clause, t, m, text) for m in mentions)  # « une unité remarquable face à Moscou »: the subject's
              and "plight" not in t.lex.struct and not suffered(clause, t)  # « l'Ukraine est vulnérable » is no judgement
              and not lamented(clause, t, scope, text)  # nor « l'Ukraine n'est pas protégée »
              and not any("undergo" in u.lex.struct for u in clause if u.i < t.i)  # nor « l'Ukraine subit une agression »
              and not (t.cue.role != "eval" and _GENERIC_SUBJECT.search(text, max(0, t.start - 12), t.start))):  # nor « on aurait tort »
            v = valued(clause, k, scope)
            untied.append(Hit(v.value, v.start, v.end))
    _partners(clause, mentions, hits)
    return hits, untied


def _balanced(clause: list[Tok]) -> frozenset[int]:
    """« La Chine n'a ni condamné ni soutenu l'invasion »: the cues right after the « ni » of a
    clause, when they pull opposite ways, weigh against each other: the speaker takes no side, and
    none of them counts, nor the complement they share. Their word indices."""
    ni = [k for k, t in enumerate(clause) if t.lex is NI]
    if len(ni) < 2:
        return frozenset()
    firsts = [k + 1 for k in ni if k + 1 < len(clause) and clause[k + 1].cue is not None and clause[k + 1].i - clause[k].i <= NI_REACH]
    if len({clause[k].cue.polarity > 0 for k in firsts}) < 2:  # type: ignore[union-attr]
        return frozenset()
    last = clause[firsts[-1]].i  # the complement they share follows the last (« soutenu l'invasion »)
    return frozenset(clause[k].i for k in firsts) | {t.i for t in clause if t.cue is not None and last < t.i <= last + NI_REACH + 1}


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
    (stance_structure.txt), or that is negated (« les sanctions n'ont pas fait plier l'économie »,
    « n'ont pas empêché la Russie de … »: what a measure did not harm, it failed to), and that
    measure. The cue judges its subject (``SUBJECT_ROLES``) or its object (``obj``)."""
    if not text or not any(KINDS.get(m.name) == "measure" for m in mentions):
        return None
    for k, t in enumerate(clause):
        if t.cue is None or t.cue.role not in EFFECT_ROLES or t.cue.polarity > 0:
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
_GENERIC_SUBJECT = re.compile(rf"\b(?:{alternation('generic')})\s+(?:n['’]\s*|ne\s+)?$", re.IGNORECASE)


# A possessive determiner right before a word (one adjective may stand between): « ses provocations »
_POSSESSIVE = re.compile(rf"\b(?:{alternation('possessive')})\s+(?:\w+\s+)?$", re.IGNORECASE)


# A preposition other than « à » right before a name: the name completes a noun (« les partenaires de l'Ukraine »)
_OWNED_BY_A_COMPLEMENT = re.compile(rf"\b(?:{alternation('ofowner')})\s*{opener('article')}?$", re.IGNORECASE)


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
