"""Find who is reported as saying what in French text: quotations, reported speech, selon X.

One paragraph at a time (``extract_paragraph``), one sentence at a time inside it. The
language knowledge (verb forms, clitics, determiners, stop words) comes from
``quotes/lexicon``; this module only knows the constructions:

* post-quote incise ``« … », a déclaré X`` / ``« … » a-t-il ajouté``;
* mid-quote incise ``« A, a-t-il dit, B »`` and the two-part ``« A », dit-il, « B »``;
* verb before a quotation ``X a déclaré : « … »``;
* indirect and mixed ``X a déclaré (mercredi) que …``, ``…, ajoutant que …``;
* unquoted incise ``La situation est grave, a déclaré le ministre.`` (in ``unquoted``);
* ``Selon X, …``, ``…, selon X.``, ``D'après X, …``, ``Pour X, « … »`` (in ``selon``).

``Report``, ``Sentence`` and the helpers all of them share are in ``reports``.

Every search is bounded by the sentence and by small token windows, so the time is linear in
the length of the text whatever it holds.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator

from quotes.clean import REGEX_TIMEOUT, Span, pair_quotes, split_sentences, top_level
from quotes.colon import colon_reports
from quotes.mentions import Mention, main_subject, passive_agent, subject_at, subject_before
from quotes.model import Article, Quote
from quotes.reports import (
    EDGE,
    Coverage,
    Report,
    Sentence,
    inverted_mention,
    quote_content,
    report,
    span_after,
    span_at,
    span_before,
    tok_index,
    trimmed,
    verb_hits,
    words_in,
)
from quotes.selon import SELON_WORDS, pour_reports, selon_reports
from quotes.tokens import (
    AUX_PASSIVE,
    AUX_WORDS,
    PLAIN_WORD,
    PUNCT,
    QUOTE_MARK,
    Tok,
    VerbHit,
    first_words,
    group_start,
    is_adverb,
    is_noun_use,
    skipped_phrase,
    words,
)
from quotes.unquoted import (
    DATELINE_HEAD,
    ends_or_adjunct,
    mid_incise,
    opens_that_is_what,
    that_is_what,
    unquoted_incise,
)
from quotes.verbs import INFINITIVE_ENDINGS, forms, verbs

log = logging.getLogger("quotes")


def _post_quote(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``« … », a déclaré X`` and ``« A », dit-il, « B »``."""
    sp = span_before(s, g)
    if sp is None or (sp.close - max(sp.open, s.start)) < 2:
        return None
    if s.toks()[hit.i].norm == hit.lemma and s.toks()[g].norm in ("de", "d'", "à"):
        return None  # « aucune raison » de considérer X comme …: an infinitive complement, no incise
    if _name_in_clause(s, sp, g):
        return None  # Le quotidien « La Gazette » a révélé l'affaire: a title, the clause's own verb
    mention = inverted_mention(s, hit, quoted=True)
    if mention is None and hit.clitic is None:
        mention = subject_before(s.text, s.toks(), g, tok_index(s, sp.close) + 1, hit.i)
    if mention is None:
        return None
    a, b = quote_content(s.text, sp)
    after = max(mention.end, hit.cue_end) if hit.clitic else mention.end  # « A », a-t-il affirmé, « B »
    second = span_after(s, after)
    if second is not None and not _long_unattributed_gap(s, after, second.open):
        b = quote_content(s.text, second)[1]
    if not _is_speech(s.text, a, b, hit):
        return None
    if (head := _narration_before(s, sp)) is not None:  # X n'est qu'une « … », a fustigé Y: the clause, quoted words in it
        return report(s.text, "mixed", (head, sp.close + 1), hit, mention)
    rep = report(s.text, "direct", (a, b), hit, mention)
    if rep:
        rep.open_left = sp.open < 0
    return rep


def _narration_before(s: Sentence, sp: Span) -> int | None:
    """Where the clause starts that a quotation closes when words of the clause stand before its
    opening mark (« La série d'arrestations n'est qu'une « continuation … » », a fustigé X), or
    None: the quotation opens the sentence, follows a colon, or an earlier quotation."""
    if sp.open < 0 or sp.close >= len(s.text):
        return None
    a, _ = trimmed(s.text, s.start, sp.open)
    if (head := DATELINE_HEAD.match(s.text, a, sp.open)) is not None:
        a = head.end()  # MOSCOU, 26 janvier (Xinhua) -- : the wire's dateline, not the words
    before = s.text[a : sp.open]
    if words_in(s.text, a, sp.open) < 3 or before.rstrip()[-1:] in (":", ",", "—", "-") or QUOTE_MARK.search(before):
        return None
    return a


def _name_in_clause(s: Sentence, sp: Span, g: int) -> bool:
    """Whether the quotation is a name inside the clause of the verb after it: words of the clause
    before its opening mark (« Le quotidien « … » »), and nothing between its closing mark and the verb."""
    if sp.open < 0 or s.text[sp.close + 1 : s.toks()[g].start].strip():
        return False
    a, _ = trimmed(s.text, s.start, sp.open)
    if (head := DATELINE_HEAD.match(s.text, a, sp.open)) is not None:
        a = head.end()
    before = s.text[a : sp.open].rstrip()
    return bool(before) and before[-1] not in ":,;—–-(" and not QUOTE_MARK.search(before)


def _opens_with_que(text: str, a: int) -> bool:
    return text[a : a + 4].lower() == "que " or text[a : a + 3].lower() == "qu'"


def _long_unattributed_gap(s: Sentence, a: int, b: int) -> bool:
    return bool(s.text[a:b].strip(" ,—-"))


def _is_speech(text: str, a: int, b: int, hit: VerbHit) -> bool:
    """A quotation of two words or more (a single word in marks is a term, not speech)."""
    return words_in(text, a, b) >= 2


def _mid_quote(s: Sentence, hit: VerbHit, g: int, sp: Span) -> Report | None:
    """``« C'est fini, a-t-il dit, pour de bon »``: an inverted incise between commas."""
    if g == 0 or s.toks()[g - 1].norm not in (",", "—", "-", "–"):
        return None
    mention = inverted_mention(s, hit, quoted=True)
    if mention is None:
        return None
    after = mention.end if hit.clitic is None else max(mention.end, hit.cue_end)
    rest = s.text[after : min(sp.close, len(s.text), after + 40)].lstrip()
    if rest[:1] not in (",", "—", "-", "–", ".", "") and not ends_or_adjunct(rest[:24]):
        return None  # « …, explique leur syndicat dans un communiqué, … »: an adjunct may follow
    if words_in(s.text, s.toks()[g].start, after) > MID_INCISE_REACH:
        return None
    return report(s.text, "direct", quote_content(s.text, sp), hit, mention)


def _pre_quote(s: Sentence, hit: VerbHit, g: int) -> Report | None:
    """``X a déclaré : « … »``, ``X rapporte la vie des officiers : « … »`` (an object of a few
    words before the colon), or a long quotation right after the verb."""
    k, gap = hit.j, 0
    while k < len(s.toks()) and s.toks()[k].norm not in (":", "«", '"', "“") and gap < COLON_REACH:
        verb_here = forms().get(s.toks()[k].norm) and not is_noun_use(s.toks(), k)  # « aux jurés » is no verb
        if s.toks()[k].norm in PUNCT and s.toks()[k].norm != "," or s.toks()[k].norm in ("que", "qu'") or verb_here:
            return None  # a clause of its own (que …) or another verb's quotation (…, avant d'ajouter :)
        k, gap = k + 1, gap + 1
    if k >= len(s.toks()) or gap > FRAGMENT_GAP and s.toks()[k].norm != ":":  # (« a appelé mardi soir les deux parties à « … » »)
        return None
    sp = span_after(s, s.toks()[k].start if s.toks()[k].norm != ":" else s.toks()[k].end)
    if sp is None:
        return None
    # (« elle admit, « … » »: a comma as a colon, after a verb that follows its subject, not an incise's « a-t-il dit, »)
    colon = s.toks()[k].norm == ":" or gap == 1 and s.toks()[hit.j].norm == "," and hit.clitic is None
    a, b = quote_content(s.text, sp)
    if not colon and verbs()[hit.lemma].not_with_object and not _calls_to(s, a):
        return None  # « ce qu'on appelle « la défense active » »: naming; « appelle les habitants à « … » » calls
    if not colon and verbs()[hit.lemma].not_before_de and _OPENS_WITH_DE.match(s.text, a):
        return None  # « ces frictions relèvent « moins d'un désaccord que d'une bataille » »: they pertain to it
    if not colon and (words_in(s.text, a, b) < 4 or gap > 0) and not _quoted_fragment(s, hit, a, b, gap):
        return None
    if not colon and _opens_with_que(s.text, a) and not verbs()[hit.lemma].incise_only:
        return None  # a ajouté « qu'il faudra … »: a que-clause in quotation marks, read by _indirect
    if not _is_speech(s.text, a, b, hit):
        return None
    subordinate = hit.clitic is None and _is_participle(s.toks(), hit)
    if subordinate:
        mention = main_subject(s.text, s.toks(), g)
    else:
        mention = _subject(s, hit, g) if hit.clitic is None else inverted_mention(s, hit)
    rep = report(s.text, "direct", (a, b), hit, mention or passive_agent(s.text, s.toks(), hit, len(s.toks())))
    if rep:
        rep.open_right = sp.close >= len(s.text)
        rep.subordinate = subordinate
    return rep


_DE_OPENERS = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words("de_openers.txt"), key=len, reverse=True))
_OPENS_WITH_DE = re.compile(rf"(?:(?:{_DE_OPENERS}) )?(?:de |du |des |d['’])", re.IGNORECASE)  # (de_openers.txt)
FRAGMENT_GAP = 6  # words between a verb and the quoted fragment it reports (« a appelé les habitants de la région à « … » »)


def _quoted_fragment(s: Sentence, hit: VerbHit, a: int, b: int, gap: int) -> bool:
    """« a dénoncé dans un communiqué « un marchandage indécent » », « juge la position
    « intenable à moyen terme » »: a quoted fragment of three words or more, in lower case (a
    title or a name opens with a capital), a few words after a verb of ``verbs.txt`` flagged
    ``fragment``, or after a speech verb and its infinitive (« dit avoir voté « pour la première
    fois » »): the speaker's words."""
    v = verbs()[hit.lemma]
    if _passive(s.toks(), hit):
        return False  # « l'auteur y sera jugé pour sa culture … »: the subject is judged, it says nothing
    infinitive = v.cls == "speech" and not v.incise_only and gap > 0 and s.toks()[hit.j].norm.endswith(INFINITIVE_ENDINGS)
    return ((v.quotes_fragment or infinitive) and gap <= FRAGMENT_GAP and words_in(s.text, a, b) >= 3
            and s.text[a : a + 1].islower())


def _passive(toks: list[Tok], hit: VerbHit) -> bool:
    """« est jugé », « a été annoncé »: a participle after a form of être."""
    return hit.i > 0 and toks[hit.i - 1].norm in AUX_PASSIVE and toks[hit.i].norm != hit.lemma


def _calls_to(s: Sentence, a: int) -> bool:
    """Whether « à » stands right before the quotation that opens at ``a``, or opens it (« au calme »)."""
    before = s.text[max(0, a - 8) : a].replace("«", " ").replace("“", " ").replace('"', " ").split()
    first = s.text[a : a + 4].split()[:1]
    return bool(before) and before[-1].lower() == "à" or bool(first) and first[0].lower() in ("à", "au", "aux")


MID_INCISE_REACH = 20  # words of an incise inside a quotation, verb group and subject with its title
COLON_REACH = 14  # words between a verb and the colon that opens its quotation
COLON_QUOTE = re.compile(r":\s*[«\"“]")  # a colon before a quotation (colon_reports)


def _listed(s: Sentence, rep: Report) -> list[Report]:
    """The quotations that follow the first one in a list: ``Les fiches rapportent : « … »,
    « … » et « … »``; each is a report of the same verb and speaker."""
    out: list[Report] = []
    sp = span_at(s, rep.start)
    while sp is not None:
        i = bisect.bisect_right(s.opens(), sp.open)
        if i >= len(s.spans) or s.text[sp.close + 1 : s.spans[i].open].strip() not in (",", "et", ", et", ";"):
            break
        sp = s.spans[i]
        a, b = quote_content(s.text, sp)
        if a < b:
            out.append(Report("direct", a, b, rep.cue, rep.cue_lemma, rep.cue_class, rep.cue_start, rep.cue_end, rep.mention))
    return out


_GAP_OK = ("à", "au", "aux", "devant", "lors", "auprès", "dans", "pendant", "en", "sur", "ce", "cette", "hier",
           "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "aujourd'hui", ",", "par", "le",
           "depuis")


_NEGATION_WORDS = frozenset({"pas", "plus", "jamais", "guère", "point", "rien", "personne", "aucun", "aucune", "nullement"})


def _restrictive_que(toks: list[Tok], verb: int, q: int) -> bool:
    """« ne peuvent être relevés qu'en coopération », « n'a dit qu'une chose »: ne … que means
    only, the que opens no reported clause (« n'a pas dit que » does, and so does « ne puis que
    dire que », whose ne … que closes before the verb)."""
    ne = next((k for k in range(verb - 1, max(-1, verb - 5), -1) if toks[k].norm in ("ne", "n'")), None)
    if ne is None or any(toks[k].norm not in _NE_TO_VERB for k in range(ne + 1, verb)):
        return False  # « ne cesse de répéter que »: the ne belongs to another verb
    return not any(toks[k].norm in _NEGATION_WORDS or toks[k].norm in ("que", "qu'") for k in range(verb + 1, q))


# What may stand between « ne » and the reporting verb it negates: auxiliaries, modals, clitics.
_NE_TO_VERB = AUX_WORDS | {"peut", "peuvent", "pourrait", "pourraient", "doit", "doivent", "devrait", "devraient",
                           "être", "été", "avoir", "l'", "le", "la", "les", "lui", "leur", "y", "en", "se", "s'",
                           "nous", "vous", "me", "m'"}


_OPENING_MARKS = frozenset({"«", "“", '"', "‹"})


def _que_after(s: Sentence, hit: VerbHit) -> int | None:
    """Index of the ``que``/``qu'`` that opens the reported clause, a short adjunct allowed between
    (a phrase of ``inverted_phrases.txt`` too: « assure de son côté que »)."""
    toks = s.toks()
    start = k = hit.j + (skipped_phrase(toks, hit.j, len(toks)) if hit.j < len(toks) else 0)
    if k + 2 < len(toks) and toks[k].norm == "de" and toks[k + 1].norm == "ce" and toks[k + 2].norm in ("que", "qu'"):
        return k + 2  # « se félicite de ce que … », « s'inquiètent de ce que … »
    if k < len(toks) and toks[k].norm not in ("que", "qu'") and toks[k].norm not in _GAP_OK and toks[k].norm not in _OPENING_MARKS:
        ok = toks[k].norm in words("subject_skip.txt") or is_adverb(toks[k])
        if not ok or toks[k].norm in ("le", "la", "les", "l'"):
            return None
    c = start
    while c < len(toks) and toks[c].norm in words("inverted_skip.txt"):
        c += 1  # « a reconnu dimanche, dans un communiqué, que »
    if c < len(toks) and toks[c].norm == "," and (after := _after_commas(toks, c)) is not None:
        return after  # « a souligné, mercredi lors d'une rencontre avec les élus, que »
    for k in range(start, min(start + 10, len(toks))):
        t = toks[k].norm
        if t in ("que", "qu'"):
            return k
        if t in _OPENING_MARKS and k + 1 < len(toks) and toks[k + 1].norm in ("que", "qu'"):
            return k + 1  # a ajouté « qu'il est nécessaire … »: the quotation opens with que
        verb_here = forms().get(t) and not is_noun_use(toks, k)
        if t in PUNCT - {","} or verb_here or t in ("de", "d'") and k == start:
            return None
    return None


COMMA_ADJUNCT_REACH = 14  # words of an adjunct set off by commas between a verb and its que


def _after_commas(toks: list[Tok], comma: int) -> int | None:
    """The que right after an adjunct set off by commas that opens at ``comma`` (« écrivent, dans
    une lettre ouverte publiée samedi, qu'ils … »), or None."""
    for k in range(comma + 1, min(len(toks) - 1, comma + COMMA_ADJUNCT_REACH)):
        if toks[k].norm in PUNCT:
            return k + 1 if toks[k].norm == "," and toks[k + 1].norm in ("que", "qu'") else None
    return None


def _indirect(s: Sentence, hit: VerbHit, g: int, clause_end: int) -> Report | None:
    """``X a déclaré que …``: the clause after que, to the end of the report."""
    if verbs()[hit.lemma].incise_only:
        return None
    q = _que_after(s, hit)
    if q is None or q + 1 >= len(s.toks()) or _restrictive_que(s.toks(), hit.i, q):
        return None
    a, b = trimmed(s.text, s.toks()[q].end, _coordinated_predicate(s, q, clause_end))
    sp = span_at(s, b - 1)
    if sp is not None and a <= sp.open and sp.close >= b and sp.close < s.end:
        b = sp.close + 1  # « que l'objectif « est celui-là, mais dès à présent, … » »: to the closing mark
    quoted = s.toks()[q - 1].norm in _OPENING_MARKS
    opened = span_at(s, s.toks()[q - 1].start + 1) if quoted else None
    if opened is not None and opened.close < b - 1:  # « qu'une seule rencontre » ne suffirait pas: marks kept
        a = s.toks()[q - 1].start
    elif quoted:  # « qu'il est nécessaire … »: quoted words, without their closing mark
        a, b = trimmed(s.text, a, b, EDGE + "»”\"›")
    if hit.lemma in ("assurer", "garantir") and (_subjunctive_clause(s, q) or _ensure_infinitive(s.toks(), hit)):
        return None
    mention = passive_agent(s.text, s.toks(), hit, q)
    subordinate = mention is None and _is_participle(s.toks(), hit)
    if subordinate:
        mention = main_subject(s.text, s.toks(), g)  # …, ajoutant que / en affirmant que
        if mention is None and g <= 2:  # « Soulignant que …, le ministère a appelé à … »: the subject after
            a, b, mention = _before_main_clause(s, q, a, b)
    if mention is None:
        mention = inverted_mention(s, hit) if hit.clitic else _subject(s, hit, g)
    kind = "mixed" if quoted or s.has_mark(a, b) else "indirect"
    rep = report(s.text, kind, (a, b), hit, mention)
    if rep:
        rep.subordinate = subordinate
    return rep


_NEGATION = frozenset({"ne", "n'", "pas", "plus", "jamais", "rien", "point"})


def _infinitive(s: Sentence, hit: VerbHit, g: int, clause_end: int) -> Report | None:
    """``X affirme avoir passé la soirée chez sa sœur``, ``X dit ne pas vouloir …``: a claim
    reported by an infinitive right after a verb of saying (adverbs and a negation may stand
    between); the infinitive clause, to the end of the report, is the content."""
    v = verbs()[hit.lemma]
    if v.incise_only or hit.clitic is not None or v.cls != "speech" or _passive(s.toks(), hit):
        return None  # (« souhaitez régaler », « je crois pouvoir dire que »: a wish, a belief)
    if s.toks()[hit.i].norm == hit.lemma:
        return None  # an infinitive, or its noun (« Joseph Dunford, conseiller militaire de … »)
    toks = s.toks()
    k = _infinitive_lead(toks, hit.j)
    if k >= len(toks) or not _infinitive_at(toks, k):
        return None
    if forms().get(toks[k].norm) and k + 1 < len(toks) and toks[k + 1].norm in ("que", "qu'", ":"):
        return None  # (« a tenu à souligner que »: the infinitive reports on its own; not « dit craindre "…" »)
    # « ne pas avoir », « s'être séparé »: from « ne » or the reflexive pronoun
    neg = next((j for j in range(hit.j, k) if toks[j].norm in ("ne", "n'") or toks[j].norm in _REFLEXIVE and j + 1 == k), k)
    start = toks[neg].start
    semicolon = s.text.find(";", start, clause_end)  # « Chaque camp assure vouloir négocier ; chacun … »
    a, b = trimmed(s.text, start, semicolon if semicolon >= 0 else clause_end)
    if words_in(s.text, a, b) < 3:
        return None
    subordinate = _is_participle(toks, hit)
    mention = main_subject(s.text, toks, g) if subordinate else _subject(s, hit, g)
    rep = report(s.text, "mixed" if s.has_mark(a, b) else "indirect", (a, b), hit, mention)
    if rep:
        rep.subordinate = subordinate
    return rep


_REFLEXIVE = frozenset({"se", "s'"})  # the pronoun of a reflexive infinitive (« dit s'attendre à »)
INFINITIVE_LEAD = 12  # tokens between a verb of saying and its infinitive


def _infinitive_lead(toks: list[Tok], k: int) -> int:
    """Where the infinitive of a claim should stand after the verb group ending at ``k``: past
    adverbs, days and a negation (« a confirmé mardi avoir reçu », « dit ne pas vouloir »), an
    adjunct set off by commas (« a annoncé, dans un communiqué, s'être séparé »), an addressee
    (« a confirmé à l'AFP avoir reçu ») and a reflexive pronoun (« dit s'attendre à »)."""
    skip, end = words("inverted_skip.txt"), min(len(toks), k + INFINITIVE_LEAD)
    while k < end:
        t = toks[k].norm
        if t in _NEGATION or is_adverb(toks[k]) or t in skip or t in _REFLEXIVE and k + 1 < end and toks[k + 1].norm not in _REFLEXIVE:
            k += 1
        elif t == "," and (c := next((c for c in range(k + 2, end) if toks[c].norm == ","), None)) is not None \
                and not any(forms().get(x.norm) for x in toks[k + 1 : c]):
            k = c + 1
        elif t in ("à", "au", "aux") and (c := _after_addressee(toks, k, end)) is not None:
            k = c
        else:
            break
    return k


def _after_addressee(toks: list[Tok], k: int, end: int) -> int | None:
    """After an addressee opened by « à » at ``k`` (« a confirmé à l'AFP avoir reçu », « a assuré
    aux élus ne rien savoir »: a name, or a determiner and its noun), where the claim may go on;
    None when no addressee stands there (« se rapportent au 24 octobre »). The caller still wants
    an infinitive there (not « a reproché aux Alliés de parler »)."""
    j = k + 1
    if j < end and toks[j].norm in words("determiners.txt"):
        j += 1
    named = j < end and toks[j].text[:1].isalpha() and (toks[j].text[:1].isupper() or j > k + 1 or toks[k].norm != "à")
    return j + 1 if named else None  # (« au », « aux » hold their determiner)


def _infinitive_at(toks: list[Tok], k: int) -> bool:
    """A word that reads as an infinitive: lower case, an infinitive ending, none of the small
    words that share one (« entre », « notre », « hier »)."""
    w = toks[k].norm
    return (toks[k].text[:1].islower() and len(w) > 3 and w.endswith(INFINITIVE_ENDINGS) and "'" not in w
            and w not in words("prepositions.txt") and w not in words("determiners.txt")
            and w not in words("inverted_skip.txt") and w not in words("not_infinitives.txt"))


def _before_main_clause(s: Sentence, q: int, a: int, b: int) -> tuple[int, int, Mention | None]:
    """A participle opening the sentence (« Soulignant que X, le ministère a appelé à … »): its
    clause ends at the first comma followed by a subject and its verb, which is the speaker."""
    for k in range(q + 1, min(len(s.toks()), q + 80)):  # a bounded look
        if s.toks()[k].start >= b:
            break
        if s.toks()[k].norm == "," and (mention := subject_at(s.text, s.toks(), k + 1)) is not None:
            return *trimmed(s.text, a, s.toks()[k].start), mention
    return a, b, None


def _coordinated_predicate(s: Sentence, q: int, end: int) -> int:
    """``… que c'était légal mais a refusé de …``: a conjunction and an auxiliary start a second
    predicate of the main subject, which ends the reported clause."""
    for k in range(q + 2, min(len(s.toks()) - 1, q + 80)):  # a bounded look
        if s.toks()[k].start >= end:
            break
        if s.toks()[k].norm in ("mais", "et", "puis", ",") and s.toks()[k + 1].norm in AUX_WORDS | {"n'", "ne"} \
                and not _closes_apposition(s.toks(), q, k):
            return s.toks()[k].start
    return end


def _closes_apposition(toks: list[Tok], q: int, k: int) -> bool:
    """Whether the comma at ``k`` closes an apposition to the reported clause's subject, which no
    verb precedes: « que les signataires, issus de sept groupes, ne céderont pas »."""
    if toks[k].norm != ",":
        return False
    opening = next((c for c in range(k - 1, q, -1) if toks[c].norm == ","), None)
    return opening is not None and not any(t.norm in AUX_WORDS or forms().get(t.norm) for t in toks[q + 1 : k])


def _subject(s: Sentence, hit: VerbHit, g: int) -> Mention | None:
    """The subject before the verb; for an infinitive (``s'est contentée d'indiquer``,
    ``a tenu à souligner``) the subject of the verb that governs it."""
    toks, i = s.toks(), hit.i
    if toks[i].norm == hit.lemma and i >= 2 and toks[i - 1].norm in ("de", "d'", "à") and g == i - 1:
        if is_noun_use(toks, i - 2):
            return None  # une manière de souligner: no speaker
        return subject_before(s.text, toks, group_start(toks, i - 2, 0), 0, i - 2)
    return subject_before(s.text, toks, g, 0, i)


def _is_participle(toks: list[Tok], hit: VerbHit) -> bool:
    """A present participle or gerund (ajoutant, en affirmant) or an infinitive after avant de /
    pour / sans: its subject is the main clause's."""
    prev = toks[hit.i - 1].norm if hit.i else ","
    if toks[hit.i].norm.endswith("ant"):
        return prev in (",", "en", "tout", "et") or _after_auxiliary(toks, hit.i)
    prev2 = toks[hit.i - 2].norm if hit.i > 1 else ""
    # « Et d'ajouter que … »: the narrative infinitive of wire copy continues the previous speaker
    return toks[hit.i].norm == hit.lemma and (prev in ("pour", "sans") or prev in ("de", "d'") and prev2 in ("avant", "afin", "et"))


def _after_auxiliary(toks: list[Tok], i: int) -> bool:
    """A compound verb stands before ``toks[i]``, no comma between: « X s'est baigné à Miami
    affirmant que … » (the participle goes with the main clause; « un communiqué affirmant que … »
    and « …, les gendarmes craignant que … » have their own subject)."""
    for t in reversed(toks[:i]):
        if t.norm in (",", ".", ";", ":", "que", "qu'", "qui", "«", "»", '"'):
            return False
        if t.norm in AUX_WORDS:
            return True
    return False


def _ensure_infinitive(toks: list[Tok], hit: VerbHit) -> bool:
    """« doit garantir que », « afin d'assurer que »: the infinitive after a word of
    ``ensure_leads.txt`` (a « de » or « à » between) means to ensure."""
    i = hit.i
    if toks[i].norm != hit.lemma or i == 0:
        return False
    lead = i - 2 if toks[i - 1].norm in ("de", "d'", "à") and i > 1 else i - 1
    return toks[lead].norm in words("ensure_leads.txt")


def _subjunctive_clause(s: Sentence, q: int) -> bool:
    return any(t.norm in words("subjunctive.txt") for t in s.toks()[q + 1 : q + 8])


def _verb_reports(s: Sentence) -> list[Report]:
    if not s.may_report():
        return []
    hits = list(verb_hits(s))
    ends = [_clause_end(s, h) for h in hits]  # where the report before each verb ends, once
    reports: list[Report] = []
    seen: set[tuple[int, int]] = set()
    for n, hit in enumerate(hits):
        g = group_start(s.toks(), hit.i, 0)
        inside = span_at(s, hit.cue.start)
        if inside is not None:
            rep = _mid_quote(s, hit, g, inside)
        else:
            after = s.toks()[hit.j - 1].end  # an end found before the verb is another report's (« …, mais il a précisé que … »)
            clause_end = min((e for e in ends[n + 1 : n + 1 + NEXT_HITS] if e > after), default=s.end)
            rep = (_post_quote(s, hit, g) or _pre_quote(s, hit, g) or _indirect(s, hit, g, clause_end)
                   or unquoted_incise(s, hit, g) or mid_incise(s, hit, g) or _infinitive(s, hit, g, clause_end))
        listed = _listed(s, rep) if rep and rep.kind == "direct" and rep.start > rep.cue_start else []
        for r in [rep, *listed]:
            if r and (r.start, r.end) not in seen:
                seen.add((r.start, r.end))
                reports.append(r)
    return reports


NEXT_HITS = 3  # verbs after a report that may begin the next one (« que X n'a pas été prévenu ; Y assure que »)


def _clause_end(s: Sentence, nxt: VerbHit) -> int:
    """A reported clause ends at the sentence end or where the next report, at verb ``nxt``, begins.
    A negated verb that only reports as an incise begins none (« que les salariés, inquiets, ne
    reprendront pas le travail »)."""
    g = group_start(s.toks(), nxt.i, 0)
    if verbs()[nxt.lemma].incise_only and nxt.clitic is None and any(t.norm in ("ne", "n'") for t in s.toks()[g : nxt.i]):
        return s.end
    k = g
    while k > max(0, g - 6) and s.toks()[k - 1].norm in (",", "et", "puis", "mais", "en", "avant", "après", "sans", "pour", "tout"):
        k -= 1
    if k < len(s.toks()) and k > 0 and s.toks()[k - 1].norm not in ("que", "qu'") and (
        s.toks()[k].norm == "," or s.toks()[g - 1].norm in (",", "et") or nxt.clitic
    ):
        return s.toks()[k].start
    return _joined_clause(s, g, nxt)


def _joined_clause(s: Sentence, g: int, nxt: VerbHit) -> int:
    """« X a assuré que …, tandis que son opposant a affirmé que … », « Si X pense que …, les
    syndicats assurent que … », « …, et la direction a confirmé que … », « … ; la préfecture
    assure que … »: the comma or semicolon before the next report's clause (its subject, maybe
    after a joiner: a few words, no punctuation) ends the report before it; else the sentence end.
    After a comma without a joiner, or with « et », only when that verb ``nxt`` reports a
    que-clause of its own."""
    toks = s.toks()
    for k in range(g - 1, max(0, g - 10), -1):
        if toks[k].norm in PUNCT:
            if toks[k].norm == ";" and k + 1 < g:
                return toks[k].start
            if toks[k].norm != "," or k + 1 >= g:
                return s.end
            first = k + 2 if toks[k + 1].norm == "et" and k + 2 < g else k + 1
            if toks[first].norm in words("report_joiners.txt") or toks[first].norm in words("determiners.txt") and _own_que(s, nxt):
                return toks[k].start
            return s.end
    return s.end


def _own_que(s: Sentence, hit: VerbHit) -> bool:
    return not verbs()[hit.lemma].incise_only and _que_after(s, hit) is not None


# ------------------------------------------------------------------------------ driver


def _quotations(text: str) -> list[Span]:
    """The outermost quotations of a paragraph."""
    return top_level(pair_quotes(text))


def _sentences(text: str, spans: list[Span]) -> Iterator[Sentence]:
    k = 0
    for a, b in split_sentences(text, spans):
        while k < len(spans) and spans[k].close <= a:
            k += 1
        j = k
        while j < len(spans) and spans[j].open < b:
            j += 1
        yield Sentence(text, a, b, spans[k:j])


def _continued(s: Sentence, last: Report, before: Sentence, after: list[Sentence]) -> Report | None:
    """A sentence that is one quotation of three words or more, right after a sentence whose last
    report has a speaker, in the same paragraph: the same speaker goes on (« « … », a-t-elle
    déclaré. « Elle ne l'a jamais été. » », « Elle dit avoir compris le système. « Je voyais passer
    les factures. » »). Not when the next sentence names its speaker (« C'est ce qu'a déclaré X »)."""
    if last.mention is None or last.start < before.start or len(s.spans) != 1:
        return None
    if after and opens_that_is_what(after[0]):
        return None
    a, b = trimmed(s.text, s.start, s.end)
    sp = s.spans[0]
    if sp.open != a or sp.close < b - 2 or s.text[sp.close + 1 : b].strip(EDGE + " "):
        return None  # words of narration before or after the quotation
    a, b = quote_content(s.text, sp)
    if words_in(s.text, a, b) < 3:
        return None
    return Report("direct", a, b, last.cue, last.cue_lemma, last.cue_class, last.cue_start, last.cue_end, last.mention)


def _participle_speaker(reports: list[Report], s: Sentence) -> None:
    """``…, ajoutant que …``: a report with no subject takes the previous report's speaker."""
    for prev, rep in zip(reports, reports[1:], strict=False):
        if (rep.mention is None or rep.subordinate) and prev.mention is not None:
            rep.mention = prev.mention


def _outermost(reports: list[Report]) -> list[Report]:
    """Drop a report whose verb lies inside another report's content (X a dit que Y pense que …):
    the outer report already carries those words. ``reports`` are sorted by start."""
    covering = Coverage(reports)
    return [r for r in reports if not covering.covers(r.cue_start, but=r)]


def extract_reports(text: str, spans: list[Span] | None = None) -> list[Report]:
    """All reports of one paragraph, in order of their content (``spans``: its outermost
    quotations, when the caller has them)."""
    out: list[Report] = []
    low = text.lower()
    present = first_words().intersection(PLAIN_WORD.findall(low))  # words that may start a verb form
    selon = any(w in low for w in SELON_WORDS)  # the quick test of selon_reports, once a paragraph
    colon = COLON_QUOTE.search(text) is not None  # the quick test of colon_reports
    if not present and not selon and not colon and "pour" not in low:
        return out  # the quick test: most paragraphs without a report skip the analysis
    sentences = list(_sentences(text, _quotations(text) if spans is None else spans))
    for s in sentences:  # a sentence may report if it holds one of those words (as a substring: a superset)
        s.verbs = bool(present) and (len(sentences) == 1 or any(w in low[s.start : s.end] for w in present))
    for n, s in enumerate(sentences):
        reps = _verb_reports(s)
        if n and (late := that_is_what(sentences[n - 1], s, out)) is not None:
            reps.append(late)  # « … ». C'est ce qu'a déclaré X[, soulignant que …]: the words before, X's
        reps += pour_reports(s) if not reps else []
        reps += selon_reports(s, reps) if selon else []
        reps += colon_reports(s) if colon and not reps else []  # « X s'est voulu catégorique : « … » »
        if not reps and n and out and (more := _continued(s, out[-1], sentences[n - 1], sentences[n + 1 : n + 2])):
            reps.append(more)  # « … », a-t-elle déclaré. « Elle ne l'a jamais été. »: the same speaker goes on
        reps.sort(key=lambda r: r.start)
        if reps and out and reps[0].mention is None and reps[0].subordinate:
            reps[0].mention = out[-1].mention  # « … », a déclaré X. Et d'ajouter que …
        reps = _outermost(reps)  # before the speakers: a nested report lends its speaker to nobody
        _participle_speaker(reps, s)
        out.extend(reps)
    return out


def to_quote(rep: Report, paragraph_text: str, paragraph: int = 0, article_id: str = "", source: str = "") -> Quote:
    mention = rep.mention.text if rep.mention else None
    return Quote(
        article_id=article_id, source=source, paragraph=paragraph, start=rep.start, end=rep.end,
        kind=rep.kind, text=paragraph_text[rep.start : rep.end], cue=rep.cue, cue_lemma=rep.cue_lemma,
        cue_class=rep.cue_class, mention=mention, speaker=mention, cue_start=rep.cue_start, cue_end=rep.cue_end,
        mention_start=rep.mention.start if rep.mention and rep.cue_start >= 0 else -1,
        mention_end=rep.mention.end if rep.mention and rep.cue_start >= 0 else -1,
    )


def extract_text(text: str) -> list[Quote]:
    """The quotes of one paragraph of French, as ``Quote``s with offsets into ``text``."""
    return [to_quote(r, text) for r in extract_reports(text)]


# ------------------------------------------------------------------------------ articles


def _opens_unclosed(text: str, spans: list[Span]) -> bool:
    return bool(spans) and spans[-1].close >= len(text) and spans[-1].open >= 0


def _reopens(text: str) -> bool:
    return text.lstrip()[:1] in ("«", '"', "“")


def _chains(paragraphs: list[str], quotations: dict[int, list[Span]]) -> list[list[int]]:
    """Runs of paragraphs that carry one quotation: each reopens with « and only the last closes."""
    chains: list[list[int]] = []
    live = sorted(quotations)
    unclosed = [_opens_unclosed(paragraphs[i], quotations[i]) for i in live]
    for n, i in enumerate(live):
        if chains and chains[-1][-1] == live[n - 1] and unclosed[n - 1] and _reopens(paragraphs[i]):
            chains[-1].append(i)
        elif unclosed[n]:
            chains.append([i])
    return [c for c in chains if len(c) > 1]


def _piece(text: str, spans: list[Span]) -> tuple[int, int]:
    """The quoted piece of a continued paragraph: from its opening mark to its end or closing mark."""
    sp = spans[0] if spans else Span(-1, len(text), 0)
    return quote_content(text, sp)


def _carry(paragraphs: list[str], quotations: dict[int, list[Span]], chain: list[int], found: dict[int, list[Report]]) -> None:
    """Give every paragraph of a long quotation the attribution found at its start or its end."""
    head = next((r for r in found[chain[0]] if r.open_right), None)
    tail = next((r for r in found[chain[-1]] if r.kind == "direct" and r.start <= _piece(paragraphs[chain[-1]], quotations[chain[-1]])[0] + 1), None)
    attribution = head or tail
    if attribution is None:
        return
    for part in chain:
        if any(r is attribution for r in found[part]):
            continue
        a, b = _piece(paragraphs[part], quotations[part])
        if part == chain[-1] and tail is not None:
            continue
        if b > a:
            rep = Report("direct", a, b, attribution.cue, attribution.cue_lemma, attribution.cue_class, -1, -1, attribution.mention)
            rep.open_left, rep.open_right = part != chain[0], part != chain[-1]
            found[part].append(rep)
            found[part].sort(key=lambda r: r.start)


def _guarded(article: Article, i: int) -> tuple[list[Span], list[Report]]:
    """The quotations and reports of paragraph ``i``; one that makes a pattern time out is
    reported and skipped."""
    try:
        spans = _quotations(article.paragraphs[i])
        return spans, extract_reports(article.paragraphs[i], spans)
    except TimeoutError:
        log.warning("%s: paragraph %d skipped: a pattern timed out after %.0f s", article.source, i, REGEX_TIMEOUT)
        return [], []


def extract_article(article: Article) -> list[Quote]:
    """The quotes of a cleaned article, with its identity, outlet and date on each."""
    done = {i: _guarded(article, i) for i, p in enumerate(article.paragraphs) if p}
    quotations = {i: spans for i, (spans, _) in done.items()}
    found = {i: reports for i, (_, reports) in done.items()}
    for chain in _chains(article.paragraphs, quotations):
        _carry(article.paragraphs, quotations, chain, found)
    quotes: list[Quote] = []
    for i, reps in sorted(found.items()):
        for rep in reps:
            q = to_quote(rep, article.paragraphs[i], i, article.id, article.source)
            q.outlet, q.published, q.title = article.outlet, article.published, article.title
            q.part = int(rep.open_left)
            quotes.append(q)
    return quotes
