"""Contrasts: « C'est Washington qui a rompu le dialogue, pas Pékin », « Ce n'est pas Bruxelles,
c'est Moscou qui a coupé le gaz ». A target set against another in a contrast, with no cue of its
own, takes the opposite of the stance the other one got in the clause it is set against. The
markers are roles of ``stance_structure.txt``: ``contrastnot`` (« , pas Y », « , et non Y »),
``denied`` (« ce n'est pas Y ») and ``cleft`` (« c'est X », « ce sont X »)."""

from __future__ import annotations

import re

from quotes.clauses import Mention, Tok
from quotes.cues import KINDS, alternation, opener
from quotes.ties import Clauses, Hit, PerTarget

CONTRAST = 1.0  # weight of the stance a contrast gives (the opposite of its counterpart's sign)

_ARTICLE = rf"(?:{opener('determiner')})?"
# « …, pas Moscou », « …, et non l'Otan »: the marker right before the contrasted target
_NOT_Y = re.compile(rf"[,;]\s*(?P<m>(?:{alternation('contrastnot')})\s+{_ARTICLE})$", re.IGNORECASE)
# « Ce n'est pas Bruxelles, … »: the denied focus of a cleft
_DENIED_Y = re.compile(rf"\b(?P<m>(?:{alternation('denied')})\s+{_ARTICLE})$", re.IGNORECASE)
# « c'est Moscou qui … », « ce sont les sanctions qui … »: the affirmed focus of a cleft
_CLEFT_X = re.compile(rf"\b(?:{alternation('cleft')})\s+{_ARTICLE}$", re.IGNORECASE)

def contrasted(clauses: Clauses, per_clause: list[list[Mention]], per_target: PerTarget, text: str) -> None:
    """Give each cue-less contrasted target of a sentence the opposite of its counterpart's stance."""
    for ci in range(1, len(clauses)):
        if clauses[ci][0].sentence != clauses[ci - 1][0].sentence:
            continue
        # « X …, pas Y »: Y in this clause, set against the one before
        _contrast(clauses[ci], per_clause[ci], per_target[ci], per_clause[ci - 1], per_target[ci - 1], _NOT_Y, text)
        if per_clause[ci] and _focus(per_clause[ci][0], text):  # « Ce n'est pas Y, c'est X qui … »
            _contrast(clauses[ci - 1], per_clause[ci - 1], per_target[ci - 1], per_clause[ci], per_target[ci], _DENIED_Y, text)


def _focus(m: Mention, text: str) -> bool:
    """Whether ``m`` is the focus of an affirmative cleft (« c'est X », « ce sont les X »)."""
    return _CLEFT_X.search(text, max(0, m.tok.start - 16), m.tok.start) is not None


def _contrast(clause: list[Tok], mentions: list[Mention], own: dict[str, list[Hit]],
              others: list[Mention], their: dict[str, list[Hit]], pattern: re.Pattern[str], text: str) -> None:
    if any(t.cue is not None for t in clause):
        return  # the contrasted target has words of its own
    for m in mentions:
        marker = pattern.search(text, max(0, clause[0].start - 24), m.tok.start)
        if marker is None or own.get(m.name):
            continue
        value = _counterpart_value(m, others, their, text)
        if value:
            own[m.name] = [Hit(-CONTRAST if value > 0 else CONTRAST, marker.start("m"), m.tok.end)]


def _counterpart_value(m: Mention, others: list[Mention], their: dict[str, list[Hit]], text: str) -> float:
    """The stance the target ``m`` is set against: that of the focus of a cleft (« c'est X qui »),
    else of the first target of the same kind (an actor for an actor), else of the first target."""
    valued = [o for o in others if o.name != m.name and sum(h.value for h in their.get(o.name, [])) != 0.0]
    if not valued:
        return 0.0
    actor = KINDS.get(m.name) == "actor"
    best = next((o for o in valued if _focus(o, text)), None) \
        or next((o for o in valued if (KINDS.get(o.name) == "actor") == actor), valued[0])
    return sum((h.value for h in their[best.name]), 0.0)
