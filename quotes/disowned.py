"""Disowned positions: « Ceux qui réclament la levée des sanctions oublient qui a coupé le gaz »,
« C'est la meilleure réponse à ceux qui la disaient en état de mort cérébrale ». What « ceux qui »
do or say is a position the speaker sets apart to reject: the cues inside that relative clause
that say what those people do or want (the verbs on their object, the verbs on a restrictive
measure) count for the targets with the opposite sign; the speaker's own words about it do not
(« ceux qui multiplient les sanctions unilatérales »), unless the relative reports what they say
(« ceux qui la disaient obsolète »). Not « tous ceux qui » (« un fournisseur fiable pour
tous ceux qui respectent ses intérêts »: whoever), nor where the sentence says they are right
(« ceux qui … ont eu raison »). The markers are roles of ``stance_structure.txt``: ``disowned``,
``allof``, ``vindicated``, and ``subordinator``, which ends the relative unless it follows a
reporting verb (« ceux qui expliquent que l'OTAN est … » reports what they say).

Rebuttals: a sentence that reports what someone else says (its first verb a reporting verb,
« On accuse souvent l'Alliance d'avoir provoqué Moscou », « On répète que les sanctions ne
fonctionnent pas ») followed by one that opens with a rebuttal (``rebuttal``: « Mais … »,
« C'est faux : … ») is a position the speaker sets apart to reject: its cues count the other way.

Demands: a sentence that opens with a jussive « Que » / « Qu' » before its subject (``jussive``)
makes a demand of that subject (« Qu'ils cessent de donner des leçons », « Que Washington retire
d'abord ses missiles du continent »): the speaker opposes what it does."""

from __future__ import annotations

import re

from quotes.clauses import Mention, Tok
from quotes.cues import PUNCT, SENTENCE_END, WORD_RE, alternation, fold, opener, structure_words
from quotes.referents import agrees, antecedent
from quotes.ties import Clauses, Hit, PerTarget
from quotes.verbs import INFINITIVE_ENDINGS, forms

DISOWNED = -1.0  # factor of a cue inside a disowned relative clause
DEMANDED = -0.8  # what a jussive demand gives its subject
REBUTTED = -1.0  # factor of a cue in a reported sentence that the next one rebuts
REPORT_REACH = 6  # words from a sentence's start to the reporting verb that makes it reported

# « ceux qui », with « tous » before it when it is whoever
_RELATIVE = re.compile(rf"\b(?:(?P<all>{alternation('allof')})\s+)?(?:{alternation('disowned')})\b", re.IGNORECASE)
# where the relative may end: a punctuation mark, or a subordinator (« … oublient qui a coupé le gaz »)
_STOP = re.compile(rf"[,;:.!?]|\b(?P<sub>{alternation('subordinator')})(?!\w)", re.IGNORECASE)
# the relative's own verb, after a negation and object pronouns (« ceux qui ne la voient pas »)
_VERB_LEAD = re.compile(rf"\s*(?:(?:{alternation('verblead')}|{alternation('objclitic')}|{alternation('usclitic')})(?:\s+|(?<=['’])))*(?P<verb>\w+)",
                        re.IGNORECASE)
# the main verb after the relative: « ceux qui multiplient les sanctions ne peuvent pas … »
_PREDICATE = re.compile(rf"\b(?:{alternation('predicate')})(?!\w)", re.IGNORECASE)
_VINDICATED = re.compile(rf"\b(?:{alternation('vindicated')})\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"(\w+)\W*$")
_SENTENCE_END = re.compile(r"[.!?]")
# « Qu'ils … », « Que Washington … », « Que les Vingt-Sept … » opening a sentence, right before its subject
_JUSSIVE = re.compile(rf"(?:^|[.!?…]\s+)(?P<que>{alternation('jussive')})\s*(?:{opener('article')})?$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:ne\s+|n['’]\s*)?(?:\w+['’])?\w+")  # the subject's verb, shown with the demand
_PRONOUNS = structure_words("demandable")  # « Qu'ils … »; not « qu'il », mostly impersonal
# any sentence that opens with « Que » / « Qu' »: a quote with no cue may still make a demand
HAS_DEMAND = re.compile(rf"(?:^|[.!?…]\s+)(?:{alternation('jussive')})", re.IGNORECASE)

# a sentence, with the next one's start: a rebuttal opens it
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*\s*")
_REBUTTAL = re.compile(rf"(?:{alternation('rebuttal')})\b", re.IGNORECASE)
_SPEAKER_SELF = structure_words("speakerself")


def _first_words(role: str) -> frozenset[str]:
    """The first word (as the tokenizer cuts it) of each phrase of ``role``."""
    return frozenset(WORD_RE.findall(fold(p))[0] for p in structure_words(role))


# the first words that let a quote hold a disowned relative, a demand or a rebuttal: the quick
# test on the quote's words (most quotes have none) before any pattern is run over its text
DISOWNED_HEADS = _first_words("disowned")
JUSSIVE_HEADS = _first_words("jussive")
REBUTTAL_HEADS = _first_words("rebuttal")


def opens_a_sentence(words: list[str], heads: frozenset[str]) -> bool:
    """Whether one of ``heads`` opens a sentence of the folded words ``words``."""
    if heads.isdisjoint(words):
        return False  # most quotes
    return any(w in heads and (i == 0 or words[i - 1] in SENTENCE_END) for i, w in enumerate(words))


def disowned_spans(text: str) -> list[tuple[int, int, bool]]:
    """The character spans of the disowned relative clauses of ``text``, each with whether its
    verb is a reporting verb (all its words are then theirs)."""
    spans = []
    for m in _RELATIVE.finditer(text):
        if m.group("all"):
            continue
        verb = _VERB_LEAD.match(text, m.end())
        end = _relative_end(text, m.end(), verb)
        sentence_end = _SENTENCE_END.search(text, end)
        if _VINDICATED.search(text, m.end(), sentence_end.start() if sentence_end else len(text)):
            continue
        reported = verb is not None and bool(forms().get(verb.group("verb").lower()))
        spans.append((m.start(), end, reported))
    return spans


def _relative_end(text: str, pos: int, verb: re.Match[str] | None) -> int:
    """Where the relative clause opened before ``pos`` (its own verb ``verb``) ends: at the main
    verb after it (``predicate``), a punctuation mark, or a subordinator that does not introduce
    what a reporting verb reports."""
    main = _PREDICATE.search(text, verb.end()) if verb else None
    limit = main.start() if main else len(text)
    for stop in _STOP.finditer(text, pos, limit):
        if stop.group("sub") is None:
            return stop.start()
        before = _LAST_WORD.search(text, pos, stop.start())
        if before is None or not forms().get(before.group(1).lower()):
            return stop.start()
    return limit


def disown(clauses: Clauses, per_target: PerTarget, untied: list[list[Hit]], text: str) -> None:
    """Reverse the cues that stand inside a disowned relative clause, tied or left untied."""
    spans = disowned_spans(text)
    if not spans:
        return  # most quotes
    toks = {t.start: t for clause in clauses for t in clause}
    for ci in range(len(clauses)):
        per_target[ci] = {name: [_flip(h, spans, toks) for h in hs] for name, hs in per_target[ci].items()}
        untied[ci] = [_flip(h, spans, toks) for h in untied[ci]]


def _flip(h: Hit, spans: list[tuple[int, int, bool]], toks: dict[int, Tok]) -> Hit:
    """``h`` reversed when it stands inside a span and says what they do or say, shown from the
    span's opener (« ceux qui réclament la levée des sanctions »), else ``h``."""
    start = next((s for s, e, reported in spans if s <= h.start and h.end <= e and (reported or _theirs(toks.get(h.start)))), None)
    return h if start is None else Hit(h.value * DISOWNED, start, h.end)


def _theirs(tok: Tok | None) -> bool:
    """Whether a cue token says what someone does or wants: a verb on its object, or on a measure."""
    return tok is not None and (tok.lex.measure is not None or tok.cue is not None and tok.cue.role == "obj")


def demands(clauses: Clauses, per_clause: list[list[Mention]], per_target: PerTarget, text: str) -> None:
    """Give the subject of each jussive demand (``_JUSSIVE``) the demand's opposition; what the
    clause says it should do, it does not do, so its own cues there count the other way
    (« Qu'ils commencent par tenir parole »)."""
    if not HAS_DEMAND.search(text):
        return  # most quotes
    last: list[Mention] = []
    for ci, (clause, mentions) in enumerate(zip(clauses, per_clause, strict=True)):
        found = _demanded(clause, mentions, last, text)
        if found is not None:  # what is asked of it, it does not do: its own hits turn around
            name, start, end = found
            verb = _VERB_AFTER.match(text, end)
            own = [Hit(-h.value, min(start, h.start), h.end) for h in per_target[ci].get(name, [])]
            per_target[ci][name] = [*own, Hit(DEMANDED, start, verb.end() if verb else end)]
        if mentions:
            last = mentions


def _demanded(clause: list[Tok], mentions: list[Mention], last: list[Mention], text: str) -> tuple[str, int, int] | None:
    """The target a jussive « Que » opening ``clause`` makes its demand of, with the span from
    « Que » to the subject: a target named there, or a pronoun standing for ``last``'s subject."""
    for m in mentions:  # a target named there; a pronoun that stands for one is read below
        if m.tok.i - m.tok.first <= 2 and "anaphor" not in m.tok.lex.struct \
                and (que := _JUSSIVE.search(text, max(0, m.tok.start - 24), m.tok.start)):
            return m.name, que.start("que"), m.tok.end
    pron = next((t for t in clause[:2] if t.i - t.first <= 1 and text[t.start : t.end].lower() in _PRONOUNS), None)
    if pron is None or (que := _JUSSIVE.search(text, max(0, pron.start - 24), pron.start)) is None:
        return None
    subject = antecedent(last)
    return (subject.name, que.start("que"), pron.end) if subject is not None and agrees(subject, pron, text) else None


def rebutted(clauses: Clauses, per_target: PerTarget, untied: list[list[Hit]], text: str) -> None:
    """Reverse the cues of each reported sentence that the next sentence rebuts (``_rebutted_spans``).
    The caller runs it only when a ``REBUTTAL_HEADS`` word opens a sentence (``opens_a_sentence``)."""
    spans = _rebutted_spans(text)
    for ci, clause in enumerate(clauses):
        if any(s <= clause[0].start < e for s, e in spans):
            per_target[ci] = {name: [Hit(h.value * REBUTTED, h.start, h.end) for h in hs] for name, hs in per_target[ci].items()}
            untied[ci] = [Hit(h.value * REBUTTED, h.start, h.end) for h in untied[ci]]


def _rebutted_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the sentences that report what someone else says and that the next
    sentence rebuts."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    return [(s, e) for (s, e), (nxt, _) in zip(sentences, sentences[1:], strict=False) if _REBUTTAL.match(text, nxt) and _reported(text[s:e])]


def _reported(sentence: str) -> bool:
    """Its first verb, within ``REPORT_REACH`` words, is a reporting verb, and the speaker is not
    its subject (« On accuse … », « Les Occidentaux reprochent à Pékin … »; not « Nous avons dit … »),
    nor an infinitive (« Il serait faux de dire que … » rebuts it already)."""
    words = [w for w in WORD_RE.findall(fold(sentence)) if w not in PUNCT][:REPORT_REACH]
    verb = next((k for k, w in enumerate(words) if forms().get(w)), None)
    if verb is None or words[verb].endswith(INFINITIVE_ENDINGS):
        return False
    before = words[:verb]
    return "on" in before or not _SPEAKER_SELF.intersection(before)
