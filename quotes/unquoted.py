"""Reports whose verb opens neither a quotation nor a que-clause: the unquoted incise ``La
situation est grave, a déclaré le ministre.`` (or ``Le dialogue, a-t-il dit, reste possible.``) and « C'est ce qu'a déclaré X », which gives X the
quotation or the sentence before it.
"""

from __future__ import annotations

import re

import regex

from quotes.clean import Span
from quotes.mentions import adjunct_comma, mention_of, relative_before, subject_after
from quotes.reports import (
    Report,
    Sentence,
    inverted_mention,
    quote_content,
    report,
    span_at,
    tok_index,
    trimmed,
    verb_hits,
    words_in,
)
from quotes.tokens import AUX_WORDS, PUNCT, VerbHit, group_start, words
from quotes.verbs import forms, verbs

# A wire dateline opening a paragraph: « MOSCOU, 26 janvier (Xinhua) -- ».
DATELINE_HEAD = regex.compile(r"\p{Lu}[\p{Lu}\s'’-]{2,40},\s+\d{1,2}(?:er)?\s+\p{L}+(?:\s+\d{4})?\s*\([^()]{1,40}\)\s*(?:--|—|–|-)\s*")


def unquoted_incise(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``La situation est grave, a déclaré le ministre.``: inverted, at the end of the sentence."""
    if g < 2 or s.toks()[g - 1].norm != ",":
        return None
    mention = inverted_mention(s, hit)
    if mention is None:
        return None
    after = max(mention.end, hit.cue_end) if hit.clitic else mention.end  # « …, a-t-il ajouté. »
    tail = s.text[after : min(s.end, after + 24)].strip()
    v = verbs()[hit.lemma]
    if not ends_or_adjunct(tail) or v.cls == "cognition" or v.incise_only:
        return None
    if _an_object(s, g, mention.text):
        return None
    if _name_before(s, g - 1):
        return None  # X, Kaarel Rebane, a dénoncé une provocation: an apposition, not an incise
    if adjunct_comma(s.toks(), g - 1, 0, participle_only=True) is not None:
        return None  # Une source, jointe par téléphone, juge X intenable: a subject and its adjunct
    if _subject_relative(s, g - 1):
        return None  # L'avocat, qui a affirmé que …, a réclamé une expertise: a subject and its relative clause
    a, b = trimmed(s.text, s.start, s.toks()[g - 1].start)
    if (head := DATELINE_HEAD.match(s.text, a, b)) is not None:
        a = head.end()  # MOSCOU, 26 janvier (Xinhua) -- : the wire's dateline, not the words
    if words_in(s.text, a, b) < 6 or _NAME_AND_APPOSITION.fullmatch(s.text, a, b):
        return None  # (« Marc Rivoire, secrétaire général du syndicat, dénonce le plan »: a subject, not words)
    opened = _unclosed_mark(s.text, a, b)
    if opened is not None:  # … : " Pour X, c'est évident, explique X, pour … : a quotation around its incise
        return report(s.text, "direct", trimmed(s.text, opened + 1, s.end, ","), hit, mention)
    sp = span_at(s, a + 1)
    if sp is not None and sp.open == a and sp.close < b and _mostly_quoted(s.text, sp, b):
        return report(s.text, "direct", quote_content(s.text, sp), hit, mention)  # « … » prises par l'UE, a répété X
    return report(s.text, "direct", (a, b), hit, mention)


def mid_incise(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``Le dialogue, a déclaré le ministre, reste la seule voie.``: an inverted incise between two
    commas inside the sentence it reports; the content is the whole sentence, as for an incise
    inside a quotation."""
    if g < 2 or s.toks()[g - 1].norm != "," or not _finite_group(s, hit, g):
        return None
    mention = inverted_mention(s, hit)
    if mention is None:
        return None
    after = _past_adjunct(s, max(mention.end, hit.cue_end) if hit.clitic else mention.end)
    if after is None or words_in(s.text, after + 1, s.end) < 2:
        return None
    if verbs()[hit.lemma].cls == "cognition" or _name_before(s, g - 1) or _an_object(s, g, mention.text):
        return None  # X, Kaarel Rebane, a dénoncé …: an apposition, not an incise
    a, b = trimmed(s.text, s.start, s.end)
    if (head := DATELINE_HEAD.match(s.text, a, b)) is not None:
        a = head.end()
    if words_in(s.text, a, b) < 6:
        return None
    return report(s.text, "direct", (a, b), hit, mention)  # as the incise at the end: words given as said


# A name and its apposition, nothing else: « Marc Rivoire, secrétaire général du syndicat des dockers »
_NAME_AND_APPOSITION = regex.compile(r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3},\s+\p{Ll}[^,;:.!?«»\"]*")


MID_ADJUNCT_REACH = 60  # characters of an adjunct closing a mid incise (« , a-t-il déclaré à la presse, »)


def _past_adjunct(s: Sentence, after: int) -> int | None:
    """The comma that closes a mid incise at ``after``, maybe after an adjunct (« Le dialogue, a-t-il
    déclaré à la presse, reste … »); None when something else follows."""
    if s.text.startswith(",", after):
        return after
    comma = s.text.find(",", after, min(s.end, after + MID_ADJUNCT_REACH))
    tail = s.text[after:comma]
    if comma < 0 or not tail.strip() or any(c in tail for c in "«»\"“”") or not ends_or_adjunct(tail):
        return None
    return comma


def _an_object(s: Sentence, g: int, mention: str) -> bool:
    """The words after the verb group at ``g`` are its object, not an inverted subject: « dément
    ces allégations », « a reconnu des erreurs » (a plural after a singular verb)."""
    first = mention.split()[0].lower()
    return first in ("ce", "cet", "cette", "ces") or _singular_verb(s.toks()[g].norm) and first in _PLURAL_DETERMINERS


def _finite_group(s: Sentence, hit: VerbHit, g: int) -> bool:
    """An inverted verb group: a clitic (« a-t-il ajouté »), an auxiliary (« a déclaré X ») or a
    present tense (« estime X »), not a participle in apposition (« le texte, adopté par … »)."""
    verb = s.toks()[hit.i].norm
    return bool(hit.clitic) or s.toks()[g].norm in AUX_WORDS or (g == hit.i and verb.endswith(("e", "t")) and not verb.endswith("ant"))


def _unclosed_mark(text: str, a: int, b: int) -> int | None:
    """The position of a quotation mark opened inside ``text[a:b]`` and not closed before ``b``
    (the quotation goes on past the incise), or None."""
    for k in range(b - 1, a, -1):
        c = text[k]
        if c in "»”":
            return None
        if c in "«“":
            return k
        if c == '"':
            return k if text.count('"', a, k) % 2 == 0 else None
    return None


def ends_or_adjunct(tail: str) -> bool:
    """What may follow the inverted subject of an unquoted incise: the end of the sentence or an
    adjunct (« a indiqué le Pentagone en réaction à un rapport », « …, a déclaré X, à l'issue
    d'un entretien »), never an object nor the rest of the reported clause (« …, estime X, à
    reprendre … »). After a comma, au and aux open an adjunct too (« , au cours d'un point presse »)."""
    stripped = (w.strip(".!?…") for w in tail.lower().replace(",", " ").split())
    words_after = [w for w in stripped if w and w not in words("inverted_skip.txt")]
    if not words_after:
        return True  # the end of the sentence, maybe after a day (« a-t-il déclaré samedi. »)
    first, *rest = words_after
    if first == "à" and rest:  # « à l'issue de », « à la presse »: a noun phrase, no infinitive
        return rest[0].startswith("l'") or rest[0] in words("determiners.txt")
    objects = ("à", "par", "pour", "sur", "de") if tail.startswith(",") else ("à", "au", "aux", "par", "pour", "sur", "de")
    return first in words("prepositions.txt") and first not in objects


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


RELATIVE_SUBJECT_REACH = 10  # words of a subject before its relative clause (« L'avocat de la victime, qui … »)


def _subject_relative(s: Sentence, comma: int) -> bool:
    """The comma closes a relative clause on the sentence's subject: « L'avocat de la victime, qui a
    affirmé que …, a réclamé … » (not on an object: « …, un accord, qui prévoit …, ont annoncé X »)."""
    qui = relative_before(s.toks(), comma, 0)
    if qui is None or qui - 1 > RELATIVE_SUBJECT_REACH:
        return False
    return not any(t.norm in AUX_WORDS or t.norm in forms() for t in s.toks()[: qui - 1])


def _name_before(s: Sentence, comma: int) -> bool:
    """The comma closes a short capitalised phrase (a name in apposition), or two joined by « et »
    (« Les avocats, Louise Carpentier et Marc Oudin, ont plaidé … »)."""
    k = comma
    while k > 0 and s.toks()[k - 1].norm not in PUNCT and comma - k < 9:
        k -= 1
    phrase = s.toks()[k:comma]
    joined = any(t.norm == "et" for t in phrase)
    if not (0 < k < comma and s.toks()[k - 1].norm == "," and len(phrase) < (9 if joined else 5)):
        return False
    return phrase[0].norm != "et" and phrase[-1].norm != "et" and all(t.text[:1].isupper() or t.norm == "et" for t in phrase)


# « C'est ce qu'a déclaré X », « C'est ce que X a affirmé »: the sentence before is X's.
_THAT_IS_WHAT = re.compile(r"\s*[cC]['’]est\s+(?:bien\s+|en\s+substance\s+)?ce\s+qu(?:e\b|['’])")


def opens_that_is_what(s: Sentence) -> bool:
    """Whether ``s`` opens with « C'est ce qu… » (and so may give the sentence before a speaker)."""
    return _THAT_IS_WHAT.match(s.text, s.start, s.end) is not None


def that_is_what(prev: Sentence, s: Sentence, done: list[Report]) -> Report | None:
    """The quotation that makes up ``prev`` as a report of the speaker ``s`` names, when ``s`` is
    « C'est ce qu'a déclaré X » and nothing before claimed that quotation."""
    m = _THAT_IS_WHAT.match(s.text, s.start, s.end)
    if m is None or not s.may_report():
        return None
    kind, (a, b) = _said_before(prev)
    if any(r.start < b and a < r.end for r in done) or kind != "direct" and words_in(s.text, a, b) < 6:
        return None
    hit = next(verb_hits(s), None)
    if hit is None or verbs()[hit.lemma].cls != "speech" or verbs()[hit.lemma].incise_only:
        return None  # « C'est ce que craignent les diplomates »: a fear, not the words before
    que = tok_index(s, m.end()) - 1  # the que / qu' token
    g = group_start(s.toks(), hit.i, 0)
    if any(t.norm in PUNCT or t.norm in AUX_WORDS or forms().get(t.norm) for t in s.toks()[que + 1 : g]) or g - que > 12:
        return None  # « C'est ce qu'il faut retenir …, a commenté X »: the verb is not the que-clause's
    mention = subject_after(s.text, s.toks(), hit.j, len(s.toks())) if g <= que + 1 else mention_of(s.text, s.toks(), que + 1, g)
    return report(s.text, kind, (a, b), hit, mention)


def _said_before(prev: Sentence) -> tuple[str, tuple[int, int]]:
    """What « C'est ce qu'a déclaré X » refers to: the quotation that makes up the sentence
    before (direct), else that whole sentence, a paraphrase (indirect, or mixed with quoted words)."""
    a, b = trimmed(prev.text, prev.start, prev.end)
    sp = prev.spans[0] if prev.spans else None
    if sp is not None and sp.open == a:
        return "direct", quote_content(prev.text, sp)
    return ("mixed" if prev.has_mark(a, b) else "indirect"), (a, b)
