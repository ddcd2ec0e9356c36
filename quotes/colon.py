"""Quotations that a colon introduces after a clause with no reporting verb: « Jean Moreau s'est
voulu catégorique : « Les comptes sont à l'équilibre. » », « Le maire a botté en touche : « Chaque
chose en son temps. » ». The press lets the clause stand for the verb of saying; the speaker is
the clause's subject when it names someone: a name, a title, il/elle, a role or a person noun of
the lexicon. A clause whose subject names no one (« Le texte prévoit : « … » ») gives nothing.
"""

from __future__ import annotations

import functools

from quotes import lexicon
from quotes.mentions import Mention, main_subject
from quotes.reports import Report, Sentence, quote_content
from quotes.tokens import words

COLON_CLAUSE_REACH = 25  # words of the clause before the colon
COLON_CUE = ":"  # the cue of such a report: the colon stands for the verb of saying
_PRONOUNS = frozenset({"il", "elle"})


@functools.cache
def _person_heads() -> frozenset[str]:
    """Words a subject that names someone may open with, after its determiner: the first word of
    every role, person noun and title (lower case)."""
    roles = (v for canon, vs in lexicon.pairs("roles.txt") for v in [canon, *vs])
    nouns = lexicon.words("person_nouns.txt")
    titles = (row[0].lower() for row in lexicon.table("titles.txt", 2))
    return frozenset(v.split()[0] for v in [*roles, *nouns, *titles])


def names_someone(mention: Mention) -> bool:
    """Whether a subject names someone: il/elle, a name or a title and a name (two capitalised
    words), or a determiner before a role or a person noun, maybe after an adjective (« le
    nouveau maire », « l'avocate »)."""
    ws = mention.text.replace("’", "'").split()
    low = [w.lower() for w in ws]
    if len(ws) == 1:
        return low[0] in _PRONOUNS
    if ws[0][:1].isupper() and ws[1][:1].isupper() and low[0] not in words("determiners.txt"):
        return True  # « Jean Moreau », « M. Moreau »
    after = [low[0][2:], low[1]] if low[0].startswith("l'") else low[1:3]
    return any(w in _person_heads() for w in after)


def colon_reports(s: Sentence) -> list[Report]:
    """The quotation that a colon opens and that runs to the end of the sentence, given to the
    subject of the clause before the colon when it names someone."""
    toks = s.toks()
    colon = next((k for k, t in enumerate(toks) if t.norm == ":"), None)
    if colon is None or colon == 0 or colon > COLON_CLAUSE_REACH:
        return []
    sp = next((sp for sp in s.spans if sp.open > toks[colon].start), None)
    if sp is None or s.text[toks[colon].end : sp.open].strip() or s.text[sp.close + 1 : s.end].strip(" .!?…"):
        return []  # the quotation must follow the colon and close the sentence
    mention = main_subject(s.text, toks, colon)
    if mention is None or not names_someone(mention):
        return []
    a, b = quote_content(s.text, sp)
    if b <= a:
        return []
    return [Report("direct", a, b, COLON_CUE, COLON_CUE, "speech", toks[colon].start, toks[colon].end, mention)]
