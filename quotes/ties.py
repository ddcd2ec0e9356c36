"""Stance, step 3: how a cue reaches the targets of its clause (role, distance, what stands
between) and what it gives each (see ``quotes/stance.py`` for the method)."""

from __future__ import annotations

from dataclasses import dataclass

from quotes import lexicon
from quotes.clauses import NEGATED, Mention, Scope, Tok, denies_a_copula, modifier_factor
from quotes.cues import KINDS, LEX, SUBJECT_ROLES, fold, ment_adverb, structure_words
from quotes.verbs import INFINITIVE_ENDINGS

DECAY = 0.25  # proximity = 1 / (1 + DECAY * (distance - 1))
OTHER_TARGET = 0.5  # share of a cue taken by a target that is not the nearest one
PREP_REACH = 4  # tokens a prep cue reaches
EVENT_REACH = 6  # words between an event noun and the actor that wages it
GOVERN_REACH = 4  # words between a verb cue and the evaluative noun it governs
VICTIM_REACH = 4  # words between a cue of harm and the topic it harms
SUBJECT_GAP = structure_words("subjectgap")  # subject … verb (stance_structure.txt)
INF_OBJECT = structure_words("infobject")  # verb … topic named by an infinitive
TO_OBJECT = structure_words("toobject")  # verb that furthers … topic
OF_OBJECT = structure_words("ofobject")  # noun of damage … the topic it is done to
AIMED = structure_words("aimed")  # measure … the target it is aimed at
AIMED_HEADS = AIMED - OF_OBJECT  # the word that opens that gap (« contre », « visant »), not an article
RESOLVE = structure_words("resolve")  # firmness … (facing) what it stands against
FACING = structure_words("facing")
VICTIM_KINDS = frozenset({"topic", "cooperation", "talks"})  # what is good to have: to harm it is to harm the speaker's side
# what can act on a topic as its subject: an actor, or a measure (« les sanctions ferment la porte à toute négociation »)
AGENT_KINDS = frozenset({"actor", "measure"})


@dataclass
class Hit:
    """One cue's contribution to one target."""

    value: float
    start: int  # span shown as the cue, in the quote
    end: int


Clauses = list[list[Tok]]  # the clauses of a quote, as tokens
PerTarget = list[dict[str, list[Hit]]]  # per clause: target → the cues it got there


_PERFECT = frozenset(id(LEX[w]) for w in structure_words("perfect") if w in LEX)  # « a été gelé »: an action suffered
_QUI = LEX.get("qui")  # the relative pronoun, a token of the analysis (stance_structure.txt: verbal)


def _proximity(d: int) -> float:
    return 1.0 / (1.0 + DECAY * max(0, d - 1))


def _between(clause: list[Tok], a: Tok, b: Tok) -> list[Tok]:
    return [t for t in clause if a.i < t.i < b.i]


def is_prep(t: Tok) -> bool:
    return t.cue is not None and t.cue.role == "prep"


def _cut_by_patient(clause: list[Tok], cue: Tok, target: Tok) -> bool:
    """« une menace pour la Russie »: a patient preposition between a negative eval or agent cue
    and a target after it; for an obj cue, only with an evaluative noun before the preposition
    (« condamner l'agression contre l'Ukraine »: the Ukraine is the victim, not the thing
    condemned). A beneficiary shares the praise of a positive cue: « notre soutien à l'Ukraine »."""
    if cue.cue.polarity > 0:  # type: ignore[union-attr]
        return False
    between = _between(clause, cue, target)
    marks = [t for t in between if "patient" in t.lex.struct]
    if not marks:
        return False
    if cue.cue.role != "obj":  # type: ignore[union-attr]
        return True
    return any(t.cue is not None and t.i < marks[-1].i for t in between)


def names_its_victim(clause: list[Tok], cue: Tok, mentions: list[Mention]) -> bool:
    """« L'agression contre l'Ukraine [est inacceptable] », « les pressions sur la Chine [sont
    contre-productives] »: a negative cue opening its clause, right before a patient preposition and
    a target (« sur le flanc Est de l'OTAN » is a place, not a victim). That target is the victim;
    the cue, the subject of what follows, judges something else. Not inside a clause, where the
    harm is the object of what the speaker asks for (« il faut accentuer la pression sur Pékin »)."""
    if cue.cue is None or cue.cue.polarity > 0 or cue.i - cue.first > 1:
        return False
    marks = {t.i for t in clause if t.i == cue.i + 1 and "patient" in t.lex.struct}
    return bool(marks) and any(m.tok.i - 1 in marks for m in mentions)


def _cut_backward(clause: list[Tok], cue: Tok, target: Tok) -> bool:
    """« l'Ukraine face à l'agression », « seule face à la crise »: an eval cue or an event noun
    inside a phrase opened by a preposition (patient or prep cue) after the target does not reach
    back to it; nor does the head of a
    partner phrase (« le dialogue avec l'adversaire »: the adversary is the partner, the dialogue
    is not judged). A phrase closed by a finite verb is part of the subject: « la présence de
    l'Otan sur le territoire européen a un effet néfaste » judges the Otan."""
    between = _between(clause, target, cue)
    for n, t in enumerate(between):
        if "partner" in t.lex.struct and cue.i - t.i <= 2:
            return True
        if ("patient" in t.lex.struct or is_prep(t)) and not any("finite" in u.lex.struct for u in between[n + 1 :]):
            return True
    return False


def _reaches(clause: list[Tok], cue: Tok, m: Mention) -> bool:
    """Whether ``cue`` can evaluate the mention ``m``, given the cue's role and what lies between."""
    role, after, d = cue.cue.role, m.tok.i > cue.i, abs(m.tok.i - cue.i)  # type: ignore[union-attr]
    if role in ("obj", "prep") and not after or (role in SUBJECT_ROLES or role == "event") and after:
        return False  # « la guerre en Ukraine »: an event noun judges the actor that wages it, before it
    if role == "prep":
        return d <= PREP_REACH
    if role == "event" and d > EVENT_REACH:
        return False
    if role in ("obj", "prep") and after and any(t.lex is _QUI for t in _between(clause, cue, m.tok)):
        return False  # « démanteler un réseau qui contournait l'embargo »: the target is in a relative clause
    if role in ("obj", "prep") and after and _chained_between(clause, cue, m):
        return False  # « refuser de lever les sanctions »: refuser speaks of them through lever
    if role == "obj" and after and any(t.cue is not None and t.cue.role in SUBJECT_ROLES and t.cue.polarity < 0
                                       for t in _between(clause, cue, m.tok)):
        return False  # « Moscou veut détruire l'Ukraine »: the Ukraine is what détruire harms, not what veut wants
    if role == "obj" and any(is_prep(t) for t in _between(clause, cue, m.tok)):
        return False  # « se construire contre la Russie »: the preposition relates the target
    if role in ("obj", "eval") and after and is_place(clause, m, after=cue.i + (role == "obj")):
        return False  # « condamner les frappes en Ukraine », « la situation est dramatique en Ukraine »: a place
    if role == "obj" and any("partner" in t.lex.struct and t.i > cue.i + 1 for t in _between(clause, cue, m.tok)):
        return False  # « suspendre sa mission auprès de l'OTAN »: the partner of the object, not it
    if after:
        return not _cut_by_patient(clause, cue, m.tok)
    if any("undergo" in t.lex.struct for t in _between(clause, m.tok, cue)):
        return False  # « l'Ukraine est victime d'une agression »: the subject suffers what follows
    if role in SUBJECT_ROLES and any(t.lex.targets and cue.i - t.i == 2 and _object_of_a_verb(clause, t)
                                     for t in _between(clause, m.tok, cue)):
        return False  # « Moscou accuse Kiev de saboter »: Kiev is the one who sabotages, not Moscou
    if role in SUBJECT_ROLES and (_object_of_a_verb(clause, m.tok) and not _controls(clause, m, cue) or passive(clause, cue)):
        return False  # « détruire l'Ukraine et diviser l'OTAN », « l'Ukraine sera envahie »: not the agent
    return role not in ("eval", "event") or not _cut_backward(clause, cue, m.tok) or _asked_of(clause, cue, m)  # « l'Ukraine face à la guerre »


def is_place(clause: list[Tok], m: Mention, after: int = -1) -> bool:
    """An actor named as a place: right after a ``locative`` of stance_structure.txt (« en
    Ukraine », « au-dessus de la Russie ») that stands after the position ``after``. A topic
    after « dans » is no place (« la confrontation dans les relations avec l'OTAN »)."""
    return KINDS.get(m.name) == "actor" and any("locative" in t.lex.struct and t.i == m.tok.i - 1 and t.i > after for t in clause)


def passive(clause: list[Tok], cue: Tok) -> bool:
    """Whether a form of être stands right before the verb cue ``cue`` (« sera envahie »)."""
    return cue.cue.role != "eval" and any(t.i == cue.i - 1 and "passive" in t.lex.struct for t in clause)  # type: ignore[union-attr]


def _controls(clause: list[Tok], m: Mention, cue: Tok) -> bool:
    """« accuser Kiev de saboter », « appeler Pékin à soutenir »: the object of a verb is the
    subject of the infinitive cue that follows it after one word (de, à), nothing else between."""
    return cue.i - m.tok.i == 2 and all("patient" in t.lex.struct for t in _between(clause, m.tok, cue))


def index_of(clause: list[Tok], tok: Tok) -> int:
    """The position of the token ``tok`` in ``clause`` (-1 when it is not there)."""
    return next((j for j, t in enumerate(clause) if t is tok), -1)


def _asked_of(clause: list[Tok], cue: Tok, m: Mention) -> bool:
    """« appeler l'OTAN à abandonner sa mentalité de guerre froide »: ``m`` is the subject of the
    verb of giving up (``giveup``) that governs the eval cue ``cue`` (``_controls``)."""
    k = index_of(clause, cue)
    gov = governor(clause, k) if k >= 0 else None
    return gov is not None and "giveup" in gov.lex.struct and _controls(clause, m, gov)


def _object_of_a_verb(clause: list[Tok], target: Tok) -> bool:
    """Whether a verb cue stands right before ``target`` (an article between at most)."""
    return any(t.cue is not None and t.cue.role in ("obj", "agent", "cause") and target.i - 2 <= t.i < target.i
               for t in clause)


def _lacking(clause: list[Tok], cue: Tok, m: Mention) -> bool:
    """« déplorer l'absence de dialogue »: the verb judges the lack, so the target the other way."""
    return cue.cue.role in ("obj", "prep") and m.tok.i > cue.i and any("lack" in t.lex.neg for t in _between(clause, cue, m.tok))  # type: ignore[union-attr]


def embedded(clause: list[Tok], cue: Tok, m: Mention, mentions: list[Mention]) -> bool:
    """A target in a phrase that completes the subject, before the finite verb, is not what an
    evaluative or agent cue after that verb judges: « les sanctions contre la Russie sont un
    échec » and « les sanctions contre Moscou ont échoué » judge the sanctions only, « les
    pressions sur la Chine sont contre-productives » the pressure, « la
    production d'acier en Ukraine a reculé » no target, « le dialogue avec Pékin a le mérite
    d'exister » the dialogue."""
    if cue.cue.role != "eval" and cue.cue.role not in SUBJECT_ROLES or m.tok.i > cue.i:  # type: ignore[union-attr]
        return False
    if cue.cue.role == "eval" and not any("finite" in t.lex.struct for t in _between(clause, m.tok, cue)):  # type: ignore[union-attr]
        return False  # an agent cue is a verb: its own tense ends the subject
    if any("locative" in t.lex.struct and t.i == m.tok.i - 1 and t.i > t.first for t in clause):
        return True
    # the head of the phrase: a target, or a noun of harm (« les pressions sur la Chine sont
    # contre-productives » judges the pressure, not China; « le soutien à l'Ukraine est une erreur »
    # still judges the support of Ukraine, so a positive head is not one)
    heads = [h.tok for h in mentions if h.tok.i < m.tok.i] + [
        t for t in clause if t.i < m.tok.i and t.cue is not None and t.cue.role == "eval" and t.cue.polarity < 0]
    return any(any("patient" in t.lex.struct or "partner" in t.lex.struct or is_prep(t) for t in _between(clause, h, m.tok))
               and not any("finite" in t.lex.struct for t in _between(clause, h, m.tok)) for h in heads)


def demoted(clause: list[Tok], k: int) -> bool:
    """A prep cue (or « contre ») right after an evaluative noun or a target only relates them:
    « l'agression contre l'Ukraine », « les sanctions contre la Russie »."""
    tok = clause[k]
    if not (is_prep(tok) or "patient" in tok.lex.struct) or k == 0 or clause[k - 1].i != tok.i - 1:
        return False
    prev = clause[k - 1]
    return bool(prev.lex.targets) or prev.cue is not None and prev.cue.role in ("eval", "event")


def _span(clause: list[Tok], k: int, neg: tuple[int, int] | None) -> tuple[int, int, float]:
    """The span shown for the cue ``clause[k]`` (with its modifiers and negation) and the factor
    of its modifiers."""
    factor, first, last = modifier_factor(clause, k)
    by_i = {t.i: t for t in clause}
    start = min(clause[first].start, by_i[neg[0]].start if neg else clause[k].start)
    end = max(clause[last].end, by_i[neg[1]].end if neg else clause[k].end)
    return start, end, factor


def governor(clause: list[Tok], k: int) -> Tok | None:
    """The verb cue whose object the eval cue ``clause[k]`` is (« cherche la confrontation »,
    « sabote tout effort de paix »): the nearest cue before it, a verb within ``GOVERN_REACH``
    words, with no target between."""
    tok = clause[k]
    if tok.cue is None or tok.cue.role not in ("eval", "event") or tok.cue.adverb:
        return None
    for prev in reversed(clause[:k]):
        if tok.i - prev.i > GOVERN_REACH or prev.lex.targets:
            return None
        if prev.cue is not None and not prev.cue.adverb:
            restrictive = "restrictive" in prev.lex.struct  # « n'est qu'un vassal »: the noun judges by itself
            return prev if (prev.cue.role == "obj" or prev.cue.role in SUBJECT_ROLES) and not restrictive else None
    return None


def chain_head(clause: list[Tok], k: int) -> Tok | None:
    """« refuser de lever les sanctions », « soutenir le durcissement des sanctions », « plaider
    pour un allègement des sanctions »: the verb or preposition cue whose object is the obj cue
    ``clause[k]``: the nearest cue before it, within ``GOVERN_REACH`` words, no target between."""
    tok = clause[k]
    if tok.cue is None or tok.cue.role != "obj":
        return None
    for prev in reversed(clause[:k]):
        if tok.i - prev.i > GOVERN_REACH or prev.lex.targets:
            return None
        if prev.cue is not None and not prev.cue.adverb:  # « cesser de diaboliser Pékin » spares it: giving up heads a chain
            return prev if prev.cue.role in ("obj", "prep") or "giveup" in prev.lex.struct else None
    return None


def _chain_top(clause: list[Tok], tok: Tok) -> Tok:
    """The first cue of the chain that ``tok`` ends (``chain_head``, climbed): ``tok`` itself when
    nothing governs it."""
    for _ in range(3):
        k = index_of(clause, tok)
        head = chain_head(clause, k) if k >= 0 else None
        if head is None:
            break
        tok = head
    return tok


def _chained_between(clause: list[Tok], cue: Tok, m: Mention) -> bool:
    """Whether a negative obj cue that ``cue`` governs (``chain_head``) stands between it and ``m``:
    the target is that cue's object, and ``cue`` speaks of it through that cue only (« refuser de
    lever les sanctions », « continuer à saboter le dialogue »). A positive one agrees with its
    head, which may then speak of the target too (« continuer à chercher le dialogue »)."""
    return any(cue.i < t.i < m.tok.i and t.cue is not None and t.cue.role == "obj" and t.cue.polarity < 0
               and chain_head(clause, j) is cue for j, t in enumerate(clause))


def _chain_factor(clause: list[Tok], k: int, scope: Scope) -> tuple[float, int]:
    """The sign the head of a chain gives the obj cue ``clause[k]`` (``chain_head``; 1 when it has
    none): « refuser » turns « lever les sanctions » around. With the start of the head."""
    head = chain_head(clause, k)
    if head is None:
        return 1.0, clause[k].start
    hneg = scope.negated(head.i)
    factor = head.cue.polarity * (NEGATED if hneg else 1.0)  # type: ignore[union-attr]
    if hneg is not None and scope.negated(clause[k].i) == hneg:
        factor /= NEGATED  # one negation, already on the head: « ne refusons pas de lever »
    return factor, head.start


def _partnered(clause: list[Tok], cue: Tok, m: Mention) -> bool:
    """« (ne pas) chercher la confrontation avec la Russie », « éviter une guerre avec la Russie »:
    the partner of a governed evaluative noun takes what the verb does with that noun."""
    return m.tok.i > cue.i and any("partner" in t.lex.struct for t in _between(clause, cue, m.tok))


def _blocked(clause: list[Tok], tok: Tok, m: Mention, harm: Tok | None = None, text: str = "") -> bool:
    """A target after a cue belongs to the nearest evaluative noun before it when that one has the
    other polarity: in « la meilleure réponse aux intimidations du Kremlin » the Kremlin takes
    « intimidations », not « meilleure ». Not the noun of damage ``harm`` done to it (« saluer la
    suspension du dialogue »: the verb judges the damage). A target that a word of firmness faces
    is that word's (« il faut une réponse ferme à Moscou »)."""
    if m.tok.i < tok.i:
        return False
    pol = tok.cue.polarity  # type: ignore[union-attr]
    return any(t.cue is not None and t.cue.role == "eval" and (t.cue.polarity != pol or _faced(t, m, text)) and t is not harm
               for t in _between(clause, tok, m.tok))


@dataclass
class Valued:
    """A cue's value in its clause, before it is tied to a target: ``value`` over the span
    ``start:end``; ``gov`` the verb cue it is the object of, whose subject gets ``value * gov_factor``
    over ``gov_start:end``."""

    value: float
    start: int
    end: int
    gov: Tok | None = None
    gov_factor: float = 1.0
    gov_start: int = 0


def valued(clause: list[Tok], k: int, scope: Scope) -> Valued:
    """The value of the cue ``clause[k]``: polarity, weight, modifiers, negation and governor."""
    tok = clause[k]
    cue = tok.cue
    # « nous ne reculerons pas face à Moscou »: what stands across from the subject is not negated with its verb
    neg = scope.negated(tok.i) if "across" not in tok.lex.struct else None
    gov = governor(clause, k)
    gov_factor, gov_start = 1.0, tok.start
    if gov is not None:  # « ne respecte aucun engagement »: the verb is negated, not its object
        gov_neg = scope.negated(gov.i)
        # a cause passes on the sign of what it causes (« attiser la haine »); a verb that acts on
        # its object gives the product (« condamner la violence », « saboter la paix »); to be asked
        # to give a bad thing up is to hold it (« l'OTAN doit renoncer à sa mentalité de guerre froide »)
        holds = "giveup" in gov.lex.struct and cue.polarity < 0  # type: ignore[union-attr]
        sign = 1 if gov.cue.role == "cause" or holds else gov.cue.polarity  # type: ignore[union-attr]
        gov_factor = sign * (NEGATED if gov_neg else 1.0)
        gov_start = min(b.start for b in clause if b.i == (gov_neg[0] if gov_neg else gov.i))
        if neg is not None and neg == gov_neg:
            neg = None
    start, end, factor = _span(clause, k, neg)
    value = cue.polarity * cue.weight * factor * (NEGATED if neg else 1.0)  # type: ignore[union-attr]
    return Valued(value, start, end, gov, gov_factor, min(start, gov_start))


def cue_hits(clause: list[Tok], k: int, mentions: list[Mention], scope: Scope, text: str = "") -> list[tuple[Mention, Hit]]:
    """What the cue ``clause[k]`` gives to each mention it can evaluate, the nearest fully.

    The object of a verb cue takes the verb's polarity toward the subject, before the verb:
    « Moscou cherche la confrontation » blames Moscow, « Kiev sabote la paix » too, and
    « Pékin rejette l'escalade » does not; so does the partner after the noun (« Moscou cherche la
    confrontation avec l'OTAN »), unless the verb is negated: « nous ne cherchons pas la
    confrontation avec la Russie » says nothing of Russia."""
    tok = clause[k]
    cue = tok.cue
    if cue is None or demoted(clause, k):
        return []
    v = valued(clause, k, scope)
    victim = _victim(clause, tok, mentions, scope, text)
    if victim is None and scope.negated(tok.i) and (held := _furthered(clause, tok, mentions, scope, text)) is not None \
            and _actor_subject(clause, tok, mentions, text) is not None:
        victim = held  # « Moscou ne veut pas négocier »: a topic an actor holds back is valued, as one it rejects
    harms = {id(m): damaged_by(clause, m, text) for m in mentions}
    reached = sorted((m for m in mentions if m is not victim and _reaches(clause, tok, m)
                      and not _blocked(clause, tok, m, harms[id(m)], text) and not across(clause, tok, m, text)
                      and not embedded(clause, tok, m, mentions)), key=lambda m: abs(m.tok.i - tok.i))
    out = [] if victim is None else [(victim, Hit(-v.value * _proximity(victim.tok.i - tok.i), v.start, max(v.end, victim.tok.end)))]
    thing = victim if victim is not None else _furthered(clause, tok, mentions, scope, text)
    chain, chain_start = _chain_factor(clause, k, scope) if cue.role == "obj" else (1.0, tok.start)
    if thing is not None and cue.role in FURTHERING_ROLES and (subject := _actor_subject(clause, tok, mentions, text)) is not None:
        out.append((subject, Hit(v.value * chain * _proximity(tok.i - subject.tok.i), min(chain_start, v.start),
                                 max(v.end, thing.tok.end))))
    for rank, m in enumerate(reached):
        d = abs(m.tok.i - tok.i)
        harm = harms[id(m)]
        if harm is tok:
            continue  # a noun of damage governed by a verb cue: the verb judges the damage
        turn = -1.0 if harm is not None or _aimed_at(m, mentions, text) or _faced(tok, m, text) else 1.0
        # « déplorer la rupture du dialogue »: the damage is judged; « soutenir les sanctions contre X »: X is on
        # the other side of the measure; « rester fermes face à X »: X is what the firmness stands against
        if "plight" in tok.lex.struct or m.tok.i < tok.i and (suffered(clause, tok) or lamented(clause, tok, scope, text)):
            # « notre sécurité reste fragile », « le partenariat a été gelé »: concern for it; « l'Ukraine est vulnérable »: no judgement
            if KINDS.get(m.name) not in VICTIM_KINDS:
                continue
            turn = -turn
        elif "concern" in tok.lex.struct and KINDS.get(m.name) in VICTIM_KINDS:
            turn = -turn  # « la sécurité est notre première préoccupation »: concern for it
        if chain != 1.0 and m.tok.i > tok.i:  # « refuser de lever les sanctions »: favourable to them
            out.append((m, Hit(turn * v.value * chain * _proximity(d) * (1.0 if rank == 0 else OTHER_TARGET), min(chain_start, v.start),
                               max(v.end, m.tok.end))))
            continue
        shown = max(v.end, m.tok.end) if cue.role in ("obj", "prep") and d <= 3 or turn < 0 else v.end
        share = turn * _proximity(d) * (1.0 if rank == 0 else OTHER_TARGET) * (-1 if _lacking(clause, tok, m) else 1)
        if v.gov is not None and (m.tok.i < v.gov.i or _partnered(clause, tok, m)):
            if m.tok.i > v.gov.i and scope.negated(tok.i):
                continue  # « nous ne cherchons pas la confrontation avec la Russie »: nothing said of Russia
            out.append((m, Hit(v.value * share * v.gov_factor, v.gov_start, max(v.end, m.tok.end) if m.tok.i > tok.i else v.end)))
        else:
            out.append((m, Hit(v.value * share, v.start, shown)))
    return out


def _victim(clause: list[Tok], cue: Tok, mentions: list[Mention], scope: Scope, text: str) -> Mention | None:
    """The topic a cue of harm damages, which the speaker values: the direct object of a harming
    verb (« met en péril notre sécurité », « sape le dialogue ») or the victim that a patient
    preposition introduces after an evaluative noun (« une menace directe pour notre sécurité »).
    Not when the harm is negated (« ne menace pas la coopération » says nothing of it). A verb of
    rejection harms the topic it governs only when an actor is its subject (« Moscou a rompu le
    dialogue »; « nous rompons le dialogue » is the speaker's own rejection)."""
    c = cue.cue
    if c is None or c.polarity > 0 or scope.negated(cue.i) or not text:
        return None
    if c.role in SUBJECT_ROLES and passive(clause, cue):
        return _passive_victim(clause, cue, mentions)  # « notre sécurité est menacée »
    if c.role in FURTHERING_ROLES and _actor_subject(clause, cue, mentions, text) is None:
        return None  # « nous rejetons le dialogue » is the speaker's rejection; « Moscou rejette le dialogue » blames Moscow
    if c.role not in ("agent", "cause", "eval", "obj", "prep"):
        return None
    m = next((m for m in mentions if m.tok.i > cue.i), None)
    if m is None or KINDS.get(m.name) not in VICTIM_KINDS or m.tok.i - cue.i > VICTIM_REACH:
        return None
    between = _between(clause, cue, m.tok)
    if any(t.cue is not None or t.lex.targets or t.lex.struct - {"patient"} for t in between):
        return None  # another cue, target or structure word between: not the thing harmed
    patient = any("patient" in t.lex.struct for t in between)
    if c.role == "eval":
        return m if patient or _damaged(clause, cue, m, text) and _ungoverned(clause, cue) else None
    gap = _words_between(text, cue.end, m.tok.start)
    # « refuser de négocier »: a topic named by an infinitive is the object after de / à
    verb = text[m.tok.start : m.tok.end].lower().endswith(INFINITIVE_ENDINGS)
    return m if not patient and all(_in_object(w) or verb and w in INF_OBJECT for w in gap) else None


def suffered(clause: list[Tok], cue: Tok) -> bool:
    """« le partenariat a été gelé », « nos intérêts ont été ignorés »: a negative participle right
    after « été »: its subject suffered it from someone else (« est gelé », « est exclue » say a
    state, which judges it)."""
    return (cue.cue is not None and cue.cue.participle and cue.cue.polarity < 0
            and any(t.i == cue.i - 1 and id(t.lex) in _PERFECT for t in clause))


def lamented(clause: list[Tok], cue: Tok, scope: Scope, text: str) -> bool:
    """« la sécurité n'est pas garantie », « le dialogue n'a pas été rétabli »: a positive participle
    that a negation of its copula or auxiliary denies says what its subject lacks (a plight), not
    what the speaker rejects (« la Russie ne garantit pas la sécurité » is no participle)."""
    if cue.cue is None or cue.cue.polarity < 0 or (g := scope.negated(cue.i)) is None or not _participle(cue, text):
        return False
    after = [t for t in clause if g[1] < t.i < cue.i]
    return all(id(t.lex) in _PERFECT for t in after) and (bool(after) or denies_a_copula(clause, g))


_ATTITUDE = structure_words("attitude")  # « souhaité », « accepté »: denied, someone rejects their subject


def _participle(tok: Tok, text: str) -> bool:
    """A participle cue, or the feminine or plural of one that a noun or adjective of the same
    form shadows (« garantie », « garanties » of « garanti »); not one of an attitude."""
    word = fold(text[tok.start : tok.end])
    bases = [word[: -len(ending)] for ending in ("es", "e", "s") if word.endswith(ending)]
    if _ATTITUDE.intersection([word, *bases]):
        return False
    if tok.cue is not None and tok.cue.participle:
        return True
    return any((lx := LEX.get(b)) is not None and lx.cue is not None and lx.cue.participle for b in bases)


def _passive_victim(clause: list[Tok], cue: Tok, mentions: list[Mention]) -> Mention | None:
    """The valued topic that is the subject of a passive verb of harm (« notre sécurité est
    menacée »): the last mention before it, nothing evaluative or named between."""
    before = [m for m in mentions if m.tok.i < cue.i]
    if not before or KINDS.get(before[-1].name) not in VICTIM_KINDS:
        return None
    m = before[-1]
    return None if any(t.cue is not None or t.lex.targets for t in _between(clause, m.tok, cue)) else m


def _damaged(clause: list[Tok], cue: Tok, m: Mention, text: str) -> bool:
    """« la rupture du dialogue »: ``cue`` is a noun of damage (``damage``) and ``m`` the topic it
    is done to, its complement (``ofobject`` words between)."""
    if "damage" not in cue.lex.struct or m.tok.i <= cue.i or KINDS.get(m.name) not in VICTIM_KINDS:
        return False
    gap = _words_between(text, cue.end, m.tok.start)
    return 0 < len(gap) <= 2 and all(w in OF_OBJECT for w in gap)


def _ungoverned(clause: list[Tok], cue: Tok) -> bool:
    """No verb cue governs ``cue``, but a cause (« provoquer la rupture du dialogue »), which passes
    on what it causes."""
    k = index_of(clause, cue)
    gov = governor(clause, k) if k >= 0 else None
    return gov is None or gov.cue is not None and gov.cue.role == "cause"


def damaged_by(clause: list[Tok], m: Mention, text: str) -> Tok | None:
    """The noun of damage whose complement ``m`` is (« la détérioration des relations »): a cue on
    that noun judges the damage, so the topic the other way."""
    before = [t for t in clause if t.i < m.tok.i and t.cue is not None and "damage" in t.lex.struct]
    return before[-1] if before and _damaged(clause, before[-1], m, text) else None


FURTHERING_ROLES = frozenset({"obj", "prep"})  # cues whose object a subject may further (« appelle au dialogue », « ouverte aux négociations »)


def _furthered(clause: list[Tok], cue: Tok, mentions: list[Mention], scope: Scope, text: str) -> Mention | None:
    """The topic a positive verb or preposition cue furthers (« soutient le dialogue », « appelle
    au dialogue », « reste ouverte aux négociations », « œuvre en faveur de négociations »), or
    holds back when it is negated (« Moscou ne veut pas négocier »)."""
    c = cue.cue
    if c is None or c.polarity < 0 or c.role not in FURTHERING_ROLES or not text:
        return None
    m = next((m for m in mentions if m.tok.i > cue.i), None)
    if m is None or KINDS.get(m.name) not in VICTIM_KINDS or m.tok.i - cue.i > VICTIM_REACH:
        return None
    if any(t.cue is not None or t.lex.targets for t in _between(clause, cue, m.tok)):
        return None
    gap = _words_between(text, cue.end, m.tok.start)
    return m if all(_in_object(w) or w in TO_OBJECT for w in gap) else None


def _actor_subject(clause: list[Tok], cue: Tok, mentions: list[Mention], text: str) -> Mention | None:
    """The actor or measure (targets.txt) that is the subject of the verb cue ``cue``: the target right before
    it in its clause, with at most auxiliaries, adverbs, negation and a relative « qui » between
    (« Moscou a toujours refusé », « c'est Washington qui a rompu »); for a cue in a chain, the
    subject of the chain's first verb (« Pékin continuera d'appeler au dialogue »)."""
    cue = _chain_top(clause, cue)
    before = [m for m in mentions if m.tok.i < cue.i]
    if not before:
        return None
    m = before[-1]
    if KINDS.get(m.name) not in AGENT_KINDS:
        return None
    if m.tok.clause != cue.clause:  # set apart: « Kertavi, qui …, refuse »
        return m if not any(t.cue is not None or t.lex.targets for t in clause if t.i < cue.i) else None
    if any(t.cue is not None or t.lex.targets for t in _between(clause, m.tok, cue)):
        return None
    gap = _words_between(text, m.tok.end, cue.start)
    return m if len(gap) <= 4 and all(w in SUBJECT_GAP or _adverb(w) for w in gap) else None


def _aimed_at(m: Mention, mentions: list[Mention], text: str) -> bool:
    """``m`` is the target of the restrictive measure named right before it (« les sanctions contre
    Kertavi », « un embargo visant Moscou »)."""
    before = [p for p in mentions if p.tok.i < m.tok.i]
    if not before or KINDS.get(before[-1].name) != "measure":
        return False
    gap = _words_between(text, before[-1].tok.end, m.tok.start)
    return bool(gap) and gap[0] in AIMED_HEADS and all(w in AIMED for w in gap)


def _faced(cue: Tok, m: Mention, text: str) -> bool:
    """``m`` is what a word of firmness faces (« fermes face à Moscou », « une réponse ferme à Pékin »)."""
    if m.tok.i < cue.i or text[cue.start : cue.end].lower() not in RESOLVE:
        return False
    gap = " ".join(_words_between(text, cue.end, m.tok.start))
    return any(gap == f or gap.startswith(f + " ") and gap[len(f) + 1 :] in OF_OBJECT for f in FACING)


def across(clause: list[Tok], cue: Tok, m: Mention, text: str) -> bool:
    """``m`` stands across from the subject, after ``cue`` (« une unité remarquable face à Moscou »):
    the last token before it is an ``across`` phrase; the cue is the subject's. Not a word of
    firmness, which stands against it (``_faced``)."""
    if m.tok.i < cue.i or text[cue.start : cue.end].lower() in RESOLVE:
        return False
    between = _between(clause, cue, m.tok)
    return bool(between) and "across" in between[-1].lex.struct


def _words_between(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]``, lower case, apostrophes folded (« l'avons »)."""
    return text[start:end].lower().replace("’", "'").split()


def _adverb(word: str) -> bool:
    return word in lexicon.words("adverbs.txt") or ment_adverb(word)


def _in_object(word: str) -> bool:
    """A word that may stand between a verb and its direct object: a determiner or an adverb."""
    return word in lexicon.words("determiners.txt") or word in lexicon.words("adverbs.txt") or ment_adverb(word)
