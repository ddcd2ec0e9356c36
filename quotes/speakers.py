"""Who the speaker really is: article-level resolution of each quote's mention.

A person introduced with a name (``le ministre russe des Affaires étrangères Sergueï Lavrov``,
``Jens Stoltenberg, secrétaire général de l'OTAN``) is found again by surname (``M. Lavrov``),
by role (``le ministre russe``, ``son homologue allemand``) or by pronoun (``il``, ``a-t-elle
ajouté``) when the antecedent is unambiguous. Organisations keep a canonical name. What cannot be
resolved keeps its mention with ``speaker_resolved = False``: a quote is never pinned on a wrong
name to look complete. Roles, nationalities, organisations and gender cues are lexicon data.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

import regex

from quotes import lexicon
from quotes.clean import pair_quotes, top_level
from quotes.firms import Firm, firms, named_again
from quotes.model import Article, Quote
from quotes.verbs import forms


@functools.cache
def _titles() -> dict[str, str | None]:
    """Title → the gender it tells ("f", "m") or None, from ``titles.txt``."""
    return {t: (g if g in ("f", "m") else None) for t, g, *_ in lexicon.table("titles.txt", 2)}


@functools.cache
def _title_roles() -> dict[str, frozenset[str]]:
    """Title → the role it tells (« Me »: avocat), from the third column of ``titles.txt``."""
    return {t: frozenset(rest) for t, _, *rest in lexicon.table("titles.txt", 2) if rest}


@functools.cache
def _name_re() -> regex.Pattern[str]:
    # A person's name: two to four capitalised words (Frank-Walter Steinmeier, Jean-Baptiste
    # N'Guessan: an elided D', M', N' or O' may open a surname), or one after a title of titles.txt. The lookahead first lets the engine skip to the next capital (half the
    # time of the scan).
    titles = "|".join(regex.escape(t) for t in sorted(_titles(), key=len, reverse=True))
    return regex.compile(
        rf"(?=\p{{Lu}})(?<![\p{{L}}.])(?:(?P<title>{titles})\s*)?"
        r"(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?:\s+(?:(?:de|von|van|al|ben|el)\s+)?(?:[DMNO]['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*){0,3})"
    )


_WORD = regex.compile(r"[\w'-]+")
_PRONOUNS = {"il": "m", "elle": "f", "lui": "m"}  # a person is one: « ils », « elles » never stand for one


@dataclass
class Person:
    name: str
    gender: str | None = None  # "m", "f" or None when the text does not say
    roles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    named: bool = True  # False: known only by a role (« le ministre russe »), never resolved

    def surname(self) -> str:
        return self.name.split()[-1]


@functools.cache
def _variants(name: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of every variant of a ``canonical = variant | …`` file (longest first, whole
    words) and the map variant → canonical. The standard library's ``re`` runs these literal
    alternations three times faster than ``regex``; they only ever see a name's context or a
    mention (a few hundred characters at most), so no timeout guard is needed."""
    canon_of = {v.lower(): canon for canon, vs in lexicon.pairs(name) for v in [*vs, canon]}
    alternation = "|".join(re.escape(v) for v in sorted(canon_of, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), canon_of


def _low(phrase: str) -> str:
    """``phrase`` as the lexicon patterns read it: lower case, its words joined by one space."""
    return " ".join(_WORD.findall(phrase.lower().replace("’", "'")))


@functools.lru_cache(maxsize=8192)  # a pure function of short strings that recur (mentions, role phrases)
def _find(low: str, name: str) -> frozenset[str]:
    """The canonical entries of lexicon ``name`` whose variants occur as whole words in ``low``
    (a phrase through ``_low``)."""
    pattern, canon_of = _variants(name)
    return frozenset(canon_of[m.group()] for m in pattern.finditer(low))


@functools.lru_cache(maxsize=8192)
def _roles(low: str) -> frozenset[str]:
    """The roles a phrase (through ``_low``) names, nationality adjectives set aside (le ministre
    russe des Affaires étrangères is a ministre des affaires étrangères), with their broader roles."""
    pattern, _ = _variants("nationalities.txt")
    plain = " ".join(pattern.sub(" ", low).split())
    roles, canon_of = _variants("roles.txt")
    found = {canon_of[m.group()] for m in roles.finditer(plain) if not plain[: m.start()].endswith(_COMPLEMENT)}
    return frozenset(found | {b for r in found for b in _broader().get(r, ())})


# A role after one of these is a complement of another noun: « la porte-parole du président ».
_COMPLEMENT = ("du ", "de la ", "des ", "de l'", "d'", "de ")


@functools.cache
def _broader() -> dict[str, list[str]]:
    """role → the broader roles it also is (a foreign minister is a minister: « le ministre russe »)."""
    return dict(lexicon.pairs("roles_broader.txt"))


def _gender(phrase: str, title: str | None) -> str | None:
    """A mention's gender from its first words: « la ministre », « le porte-parole »."""
    if title:
        return _titles().get(title)
    return _first_gender(_WORD.findall(phrase.lower())[:3])


def _gender_before_name(phrase: str, title: str | None) -> str | None:
    """A named person's gender from the words nearest before the name: the role noun or its
    determiner (« du président français Emmanuel Macron », « la chancelière Angela Merkel »).
    A determiner after a preposition belongs to a complement (« le chef de la diplomatie »); the
    search stops at a verb or pronoun, the end of another clause (« il a rencontré Angela Merkel »)."""
    if title:
        return _gender("", title)
    words = _WORD.findall(phrase.lower())[-_GENDER_REACH:]
    kept: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w in _CLAUSE_WORDS:
            break
        if not (k and w in _DETERMINERS and words[k - 1] in _OF_WORDS):
            kept.append(w)
    return _first_gender(kept)


_GENDER_REACH = 8  # words before a name that may carry its role noun
_DETERMINERS = frozenset({"la", "le", "une", "un", "cette", "ce", "sa", "son"})
_CLAUSE_WORDS = frozenset({"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "sera", "fut", "il", "elle",
                           "ils", "elles", "qui", "que", "qu'", "on", "nous", "vous", "je"})
_OF_WORDS = frozenset({"de", "à", "par", "sur", "pour", "avec", "contre", "vers", "chez", "dans", "en", "entre"})


def _first_gender(words: list[str]) -> str | None:
    fem, masc = lexicon.words("feminine_cues.txt"), lexicon.words("masculine_cues.txt")
    for w in (w.removeprefix("l'") for w in words):
        if w in fem:
            return "f"
        if w in masc:
            return "m"
    return None


@functools.cache
def _not_names() -> frozenset[str]:
    """Capitalised words that are no part of a name: the stop list and nationality nouns
    (l'Américaine Rebecca Caldwell)."""
    _, nations = _variants("nationalities.txt")
    return lexicon.words("name_stopwords.txt") | frozenset(n for n in nations if " " not in n)


def _name_words_ok(words: list[str]) -> bool:
    """No word of the name is a stop word, but a particle inside the name of someone whose given
    name is known (« Jean-Yves Le Goff »; not « Tour de France », « Cour des Comptes »)."""
    stops = [k for k, w in enumerate(words) if w.lower() in _not_names()]
    if not stops:
        return True  # most names
    inside = lexicon.words("name_particles.txt")
    return all(0 < k < len(words) - 1 and words[k].lower() in inside for k in stops) and _first_name_gender(words) is not None


# Where a role phrase stops: left of a name (a clause boundary), left of an apposition, right of one.
@functools.cache
def _left_stop() -> re.Pattern[str]:
    """Where a role phrase stops left of a name: punctuation, a clause word, an adjunct's
    preposition (``role_stop`` of adjuncts.txt)."""
    preps = "|".join(sorted(_adjuncts()["role_stop"], key=len, reverse=True))
    return re.compile(rf"[.;:«»\"()]|\bqu['e]\b|\bet\b|\b(?:{preps})\b")


@functools.cache
def _adjuncts() -> dict[str, list[str]]:
    return dict(lexicon.pairs("adjuncts.txt"))
_APPOSITION_STOP = regex.compile(r"[.;:«»\"(),]")
_RIGHT_STOP = regex.compile(r"[,.;:()«»]")


# « l'envoyée spéciale de l'ONU, la Norvégienne Ingrid Solhaug »: a nationality noun between the role and the name
# (the name match may hold the noun, which no name starts with)
_NATION_NOUN = regex.compile(r",\s*(?:l[ea]\s+|l['’])(?:(?P<nation>\p{Lu}[\p{L}-]+)\s+)?$")
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}-]+")


def _nation_apposition(text: str, start: int) -> tuple[int, str] | None:
    """« …, la Norvégienne Ingrid Solhaug »: the comma before the nationality noun and the noun."""
    m = _NATION_NOUN.search(text, max(0, start - 40), start)
    if m is None:
        return None
    noun = m.group("nation") or (w.group() if (w := _CAPITALISED.match(text, start)) else "")
    return (m.start(), noun) if noun and _find(noun.lower(), "nationalities.txt") else None


def _role_context(text: str, start: int, end: int) -> str:
    """The role phrase around a name: ``le ministre russe … Sergueï Lavrov`` or ``X, secrétaire …,``."""
    left = _left_stop().split(text[max(0, start - 90) : start])[-1]
    if (nation := _nation_apposition(text, start)) is not None:
        head = _apposition_head(text, nation[0] + 1)  # the role before the comma
        return f"{head or ''} {nation[1]} | "
    if text[:start].rstrip().endswith(","):  # « La ministre du Pétrole et des Énergies, X »: the whole head
        head = _apposition_head(text, start)
        if head is not None:
            left = head
        elif not left.strip(" ,"):
            left = _APPOSITION_STOP.split(text[max(0, start - 200) : start].rstrip()[:-1])[-1]
    right = ""
    if text[end : end + 2].startswith(","):
        right = _RIGHT_STOP.split(text[end + 1 : end + 100])[0]
        if _is_predicate(right):  # « X, a déclaré … », « X, s'exprimant … »: no apposition
            right = ""
    stripped = left.rstrip(" ,")
    return (stripped.split(",")[-1] if "," in stripped else left) + " | " + right


_HEAD_REACH = 200  # characters of a role phrase before « , Name »
_HEAD_STOP = re.compile(r"[.;:«»\"()]")  # what ends a role phrase, commas aside
_ROLE_OPENERS = frozenset({"le", "la", "l'", "un", "une", "sa", "son", "notre"})
_CONTINUATIONS = (*_COMPLEMENT, "et ")  # « Le ministre des Mines, du Pétrole et de l'Énergie, »: a title goes on


def _apposition_head(text: str, start: int) -> str | None:
    """The role phrase of « …, la ministre de la Défense, Name »: from the last determiner that a
    role word follows (within two words) to the comma before the name; a title listed over
    commas (« Le ministre des Mines, du Pétrole et de l'Énergie, ») is taken whole. None when no
    role opens there."""
    chunk = text[max(0, start - _HEAD_REACH) : start].rstrip()[:-1]
    parts = _HEAD_STOP.split(chunk)[-1].split(",")
    head = parts.pop()
    while parts and head.strip().lower().startswith(_CONTINUATIONS):
        head = parts.pop() + "," + head
    words = _WORD.findall(head.lower().replace("’", "'"))
    firsts = _role_firsts()
    for k in range(len(words) - 1, -1, -1):  # the role nearest the name (« la cheffe de la diplomatie a été
        w = words[k]                          # accueillie par le vice-ministre russe …, X »: X is the vice-ministre)
        if not (w in _ROLE_OPENERS or w.startswith("l'")):
            continue
        near = [w.removeprefix("l'"), *words[k + 1 : k + 3]]
        if any(x in firsts for x in near) and _roles(" ".join(near).strip()):  # a set look before the patterns
            return " ".join(words[k:])
    return None


@functools.cache
def _role_firsts() -> frozenset[str]:
    """The first word of every role variant (« ministre », « chef », « porte-parole »)."""
    _, canon_of = _variants("roles.txt")
    return frozenset(v.split()[0] for v in canon_of)


def _is_predicate(phrase: str) -> bool:
    """Whether the words after « Name, » are a verb phrase rather than a role in apposition."""
    first = _WORD.findall(phrase.lower()[:40])[:1]
    if not first:
        return False
    w = first[0]
    return w in _CLAUSE_WORDS or w.startswith(("s'", "n'")) or w in ("se", "ne") or w in forms()


def _name_matches(text: str) -> list[tuple[regex.Match[str], list[str]]]:
    out = []
    for m in _name_re().finditer(text):
        words = m.group("name").split()
        stop = _not_names()
        while words and words[0].lower() in stop:
            words = words[1:]
        if len(words) >= 3 and _place_before_name(text, m.start(), words):
            words = words[1:]  # « a précisé à Berne Martin Oberholzer »: a place, then the name
        one = len(words) == 1 and (m.group("title") or _after_role(text, m.start()) or _given_name_with_age(text, m.end(), words[0]))
        if (len(words) >= 2 or one) and _name_words_ok(words) and not _company_after(text, m.start()) \
                and not _named_place(text, m.start()):
            out.append((m, words))
    return out


# « l'allemand Hartwig Wehrtechnik », « le suédois Norrvik »: a nationality adjective in lower case
# used as a noun names a company (a person is « l'Allemand X », capitalised)
_LOWER_NATION = regex.compile(r"(?:\b[Ll]['’]|\b[Ll][ea]\s+)(?P<adj>\p{Ll}+)\s+$")


_WORD_BEFORE = regex.compile(r"(\p{Ll}+)\s+$")


def _named_place(text: str, start: int) -> bool:
    """« l'université Ibn Zohr », « la rue Victor Hugo »: a name right after a noun of
    ``place_nouns.txt`` names a place or an institution."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1) in lexicon.words("place_nouns.txt")


def _company_after(text: str, start: int) -> bool:
    m = _LOWER_NATION.search(text, max(0, start - 30), start)
    return m is not None and bool(_find(m.group("adj"), "nationalities.txt"))


@functools.cache
def _role_tails() -> frozenset[str]:
    """The words a role or a nationality can end with (« président », « général », « russe »)."""
    _, roles = _variants("roles.txt")
    _, nations = _variants("nationalities.txt")
    return frozenset(v.split()[-1] for v in (*roles, *nations))


_AGE = re.compile(r",\s*\d{1,3}\s+ans\b")  # « Josiane, 71 ans »


def _given_name_with_age(text: str, end: int, word: str) -> bool:
    """A capitalised word alone followed by an age (« Josiane, 71 ans », « Yonas, 24 ans »): someone a
    feature names by the first name only."""
    return _AGE.match(text, end) is not None and word.lower() not in _not_names()


def _after_role(text: str, start: int) -> bool:
    """A surname alone right after a role (« le président Zelensky », « la chancelière russe
    Merkova »): a person, as after M. or Mme."""
    before = text[max(0, start - 60) : start]
    if not before.endswith((" ", "\u00a0")) or not before.rstrip()[-1:].isalpha():
        return False  # « Selon le ministre, Moscou … »: a comma ends the role
    last = before.rsplit(None, 1)[-1].lower()
    if last not in _role_tails():
        return False  # the quick test: most capitals follow no role word
    low = _low(before)
    nations, _ = _variants("nationalities.txt")
    low = nations.sub("", low).rstrip()
    roles, _ = _variants("roles.txt")
    return any(r.end() == len(low) for r in roles.finditer(low, max(0, len(low) - 40)))


_PAIR_JOIN = re.compile(r"\s+et\s+")  # between the two names of a pair: « X et Y »


def _plural_role(chunk: str) -> tuple[frozenset[str], list[frozenset[str]]] | None:
    """« Les ministres de la Défense français et allemand, » before « X et Y »: the roles the two
    share (the plural phrase in the singular) and the nationality of each, in order (empty sets
    when the phrase names none, « Les deux avocats de la famille, »). None when no plural role
    opens the phrase."""
    words = _low(_HEAD_STOP.split(chunk.rstrip().rstrip(","))[-1]).split()
    opener = next((k for k in range(len(words) - 1, -1, -1) if words[k] in _PLURAL_HEADS), None)  # « Les ministres … »
    if opener is None:
        return None
    phrase = words[opener + 1 :]
    nations: list[frozenset[str]] = [frozenset(), frozenset()]
    for k in range(1, len(phrase) - 1):
        a, b = _find(phrase[k - 1], "nationalities.txt"), _find(phrase[k + 1], "nationalities.txt")
        if phrase[k] == "et" and a and b:
            nations = [a, b]
            phrase = phrase[: k - 1] + phrase[k + 2 :]
            break
    singular = " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in phrase)
    roles = _roles(singular)
    return (roles, nations) if roles else None


def _pairs(text: str, matches: list[tuple[regex.Match[str], list[str]]]) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
    """Two names introduced together after a plural role (« Les ministres français et allemand,
    X et Y, »): match index → the roles and the nationality that name takes."""
    out: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    for k in range(len(matches) - 1):
        m, n = matches[k][0], matches[k + 1][0]
        if not text[: m.start()].rstrip().endswith(",") or not _PAIR_JOIN.fullmatch(text, m.end(), n.start()):
            continue
        shared = _plural_role(text[max(0, m.start() - _HEAD_REACH) : m.start()])
        if shared is not None:
            roles, nations = shared
            out[k], out[k + 1] = (roles, nations[0]), (roles, nations[1])
    return out


_PARENTHESES = re.compile(r"\([^()]{1,40}\)")  # a short gloss or acronym, blanked out of a name's role context


def people(article: Article) -> tuple[list[Person], list[tuple[int, int, Person]]]:
    """The persons of an article and the positions (paragraph, offset) where each is named."""
    found: dict[str, Person] = {}
    timeline: list[tuple[int, int, Person]] = []
    for i, text in enumerate(article.paragraphs):
        matches = _name_matches(text)
        pairs = _pairs(text, matches) if " et " in text else {}
        masked = _PARENTHESES.sub(lambda p: " " * len(p.group()), text) if "(" in text else text
        for k, (m, words) in enumerate(matches):
            person = _person_for(found, words)
            if k in pairs:
                person.roles |= pairs[k][0]
                person.nations |= pairs[k][1]
                person.gender = person.gender or _first_name_gender(words)
                timeline.append((i, m.start(), person))
                continue
            context = _role_context(masked, m.start(), m.end())  # (« … de l'UQTR (SPEC-UQTR), X »: a gloss set aside)
            left, _, right = context.partition(" | ")
            if person.gender is None:  # a title tells; else a known given name (« Christine », after « depuis le début … »,
                # « Me Patrice Gingras »: « Me » tells none)
                told = m.group("title") and _titles().get(m.group("title"))
                given = _first_name_gender(words) if len(words) > 1 or not _AGE.match(text, m.end()) else _first_names().get(words[0].lower())
                person.gender = (None if told else given) or _context_gender(text, m, left, right)
            low = _low(context)
            person.roles |= _roles(low) | _title_roles().get(m.group("title") or "", frozenset()) | _adjacent_role(text, m.start())
            person.nations |= _find(low, "nationalities.txt")
            timeline.append((i, m.start(), person))
        timeline.extend((i, at, someone) for at, someone in _someones(text))
    return list({id(p): p for p in found.values()}.values()), timeline


def _adjacent_role(text: str, start: int) -> frozenset[str]:
    """The role written right before a name (or before the comma before it), even in a complement:
    « la liste du ministre-président Jean-Marc Delvaux », « entre les mains du président, X » (they
    hold it), where ``_roles`` sets aside a role after « du »; the nearest one (« la porte-parole du
    président X »: X is the président)."""
    before = text[max(0, start - 80) : start]
    last = before.rstrip().rstrip(",").rsplit(None, 1)[-1:]  # (« entre les mains du président, X »: a comma may stand between)
    if not last or last[0].lower().replace("’", "'").rsplit("'", 1)[-1] not in _role_tails():
        return frozenset()  # the quick test: most names follow no role word
    words = _low(before).split()[-_ADJACENT_REACH:]
    for k in range(len(words) - 1, -1, -1):  # the shortest phrase first: « la porte-parole du président X »
        roles = _roles(" ".join(words[k:]))
        if roles:
            return roles
    return frozenset()


_ADJACENT_REACH = 4  # words of a role and its nationality right before a name (« du président russe X »)


def _context_gender(text: str, m: regex.Match[str], left: str, right: str) -> str | None:
    """A named person's gender from the words around the name: its title, the role phrase before
    it, its apposition after it."""
    if text[: m.start()].rstrip().endswith(","):  # « La porte-parole du président, Anna Kovel »: the head first
        head = _low(left).split()
        head = [head[0][2:], *head[1:3]] if head and head[0].startswith("l'") else head[1:4]
        # (not an adjunct: « Dans la cour de l'ancienne caserne, Yonas, 24 ans, … »)
        gender = _gender(left, m.group("title")) if m.group("title") or _names_a_person(head) else None
    else:  # « … aux appels du président français Emmanuel Macron »: the noun next to the name
        gender = _gender_before_name(left, m.group("title"))
    return gender or (_gender(right, None) if right.strip() else None)


# « Une source militaire occidentale, jointe par téléphone, juge … », « Sur place, un commerçant
# du marché, qui … »: someone new, unnamed, opening a sentence (after at most a short adjunct set
# off by a comma), whom a later « il » or « elle » may stand for. The phrase runs to a comma, a
# word of someone_stops.txt or six words.
_SOMEONE_STOPS = "|".join(re.escape(w).replace("'", "['’]") if w.endswith("'") else re.escape(w) + r"\b"
                  for w in sorted(lexicon.words("someone_stops.txt"), key=len, reverse=True))
_SOMEONE = re.compile(rf"(?P<det>[Uu]ne?)\s+[a-zà-öø-ÿœæ][\w'’-]*(?:\s+(?!{_SOMEONE_STOPS})[\w'’-]+){{0,5}}")
_SENTENCE_START = re.compile(r"[.!?»”]\s+")
SOMEONE_LEAD = 40  # characters of an adjunct before someone who opens a sentence (« Sur place, »)
SECOND_LEAD = 24  # characters of a second, short adjunct after it (« , à Evere, », « , lundi matin, »)


_SOURCE_LEAD = re.compile(r"(?:Pour|Selon|D['’]après|C['’]est)\s+(?=une?\s)")  # (« C'est une habitante qui a donné l'alerte »)


def _sentence_openers(text: str) -> list[int]:
    """Where a sentence of ``text`` starts, and where its words start after a short adjunct set
    off by a comma (« Sur place, un commerçant … »)."""
    starts = [0, *(m.end() for m in _SENTENCE_START.finditer(text))]
    out = []
    for st in starts:
        out.append(st)
        if (lead := _SOURCE_LEAD.match(text, st)) is not None:
            out.append(lead.end())  # « Pour un politologue de Coimbra, la clé … »: the source of what follows
        comma = text.find(", ", st, st + SOMEONE_LEAD + 2)
        if comma > st and not any(c in text[st:comma] for c in "«»"):
            out.append(comma + 2)
            second = text.find(", ", comma + 2, comma + 2 + SECOND_LEAD)  # « Dans les couloirs du siège, à Evere, un diplomate »
            if second > 0 and not any(c in text[comma:second] for c in "«»"):
                out.append(second + 2)
    return out


def _someones(text: str) -> list[tuple[int, Person]]:
    """The unnamed people who open a sentence of ``text``: (offset, person)."""
    out: list[tuple[int, Person]] = []
    if not any(lead in text for lead in ("Un ", "Une ", ", un", "Pour un", "Selon un", "près un", "est un")):
        return out  # the quick test: no sentence of most paragraphs opens with someone
    for at in _sentence_openers(text):
        if not text.startswith(("Un ", "Une ", "un ", "une "), at):
            continue  # the quick test: most sentences open otherwise
        m = _SOMEONE.match(text, at)
        if m is None or not _names_a_person(_low(m.group()).split()[1:4]):
            continue  # « Une promesse qui laisse X sceptique », « Un an plus tard »: no one
        gender = "f" if m.group("det").lower() == "une" else "m"
        out.append((m.start(), Person(m.group(), gender, named=False)))
    return out


def _person_noun(words: list[str]) -> bool:
    """Whether the first words after a determiner hold a noun of ``person_nouns.txt`` (one word or
    two: « jeune femme », « haut fonctionnaire »; an adjective may come first: « la jeune chercheuse »)."""
    nouns = lexicon.words("person_nouns.txt")
    pairs = [" ".join(words[k : k + 2]) for k in range(len(words) - 1)]
    return any(w in nouns for w in words[:2]) or any(p in nouns for p in pairs[:2])


def _names_a_person(words: list[str]) -> bool:
    """Whether the first words after a determiner name a person: a person noun, a role, or a noun
    of agent (« une vendangeuse », « un cariste »: ``_AGENT_ENDS``)."""
    return _person_noun(words) or bool(_roles(" ".join(words[:3]))) or bool(words) and words[0].endswith(_AGENT_ENDS)


_AGENT_ENDS = ("euse", "euses", "rice", "rices", "ière", "ières", "iste", "istes", "ienne", "iennes")  # of a noun of agent


@functools.cache
def _first_names() -> dict[str, str]:
    """Given name → "f" or "m", from ``first_names.txt``."""
    return {row[0].lower(): row[1] for row in lexicon.table("first_names.txt", 2)}


def _place_before_name(text: str, start: int, words: list[str]) -> bool:
    """Whether the first of ``words`` (a name candidate at ``start``) is a place after « à » or
    « en », and the second a known given name: « à Berne Martin Oberholzer »."""
    return (text[max(0, start - 3) : start] in ("à ", " à ", "en ", " en") and _first_name_gender(words[1:]) is not None
            and _first_name_gender(words) is None)


def _first_name_gender(words: list[str]) -> str | None:
    """The gender of a name's given name (« Laurent Warichet »: m), when the lexicon knows it; a
    compound given name by its whole, else its first part (« Jean-Marie »: m); one word is a surname."""
    if len(words) < 2:
        return None
    first = words[0].lower()
    return _first_names().get(first) or _first_names().get(first.split("-")[0])


def _person_for(found: dict[str, Person], words: list[str]) -> Person:
    """The person a name refers to: a new one, or the one that already has this surname."""
    full, surname = " ".join(words), words[-1]
    person = found.get(surname)
    if person is None and len(words) == 1:  # M. Lin after Lin Jian: a family name written first
        person = _one({id(p): p for p in found.values() if surname in p.name.split()})
    if person is None:
        person = Person(full)
        found[surname] = person
    elif len(full) > len(person.name) and full.endswith(person.surname()):
        person.name = full  # Lavrov, then Sergueï Lavrov: keep the fuller name
    return person


# ------------------------------------------------------------------------------ resolution


@dataclass
class Context:
    persons: list[Person]
    timeline: list[tuple[int, int, Person]]
    previous: Person | None = None
    previous_paragraph: int = -1  # where ``previous`` last spoke
    paragraphs: list[str] = field(default_factory=list)
    headline: Person | None = None  # the one person the title names (« Lavrov : … »), a last resort for a pronoun
    _aside: dict[tuple[int, int], bool] = field(default_factory=dict)
    _quoted: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    spoke: set[tuple[int, int]] = field(default_factory=set)  # where a speaker was named by a report
    reported: list[tuple[int, int, int]] = field(default_factory=list)  # (paragraph, start, end) of the unquoted reports resolved
    _firms: list[Firm] | None = None  # organisations named after a common noun (quotes/firms.py), found when asked

    def firms(self) -> list[Firm]:
        """The organisations the article names after a common noun; looked for on the first mention that needs them."""
        if self._firms is None:
            self._firms = firms(self.paragraphs)
        return self._firms

    def quoted(self, par: int, off: int) -> bool:
        """Whether the name at (paragraph, offset) stands inside quoted words; asked rarely. The
        subject of an incise inside the marks (« « …, a expliqué X. … » ») is no quoted word."""
        if (par, off) in self.spoke:
            return False
        if par not in self._quoted:
            text = self.paragraphs[par] if par < len(self.paragraphs) else ""
            self._quoted[par] = [(sp.open, sp.close) for sp in top_level(pair_quotes(text))]
        return any(a < off < b for a, b in self._quoted[par])

    def in_report(self, par: int, off: int) -> bool:
        """Whether (paragraph, offset) lies in the words of an unquoted report resolved before
        (« il rappelle qu'il a perdu l'ailier Jalen Whitmore »): a name there is talked about."""
        return any(p == par and a <= off < b for p, a, b in self.reported)

    def aside(self, par: int, off: int) -> bool:
        """Whether the name at (paragraph, offset) stands in an adjunct (« avec X »); asked rarely."""
        if (par, off) not in self._aside:
            self._aside[(par, off)] = _in_adjunct(self.paragraphs[par], off) if par < len(self.paragraphs) else False
        return self._aside[(par, off)]


def _by_name(mention: str, persons: list[Person]) -> Person | None:
    words = set(_WORD.findall(mention))
    hits = [p for p in persons if (p.name in mention or p.surname() in words) and not _in_complement(mention, p)]
    if not hits:  # « Hua a déclaré » after Hua Chunying: any word of one person's name (not a particle:
        # « Le maire » is not « Damien Le Guennec »)
        words -= _particles()
        hits = [p for p in persons if words.intersection(p.name.split()) and not _in_complement(mention, p)]
    return hits[0] if len(hits) == 1 else None


@functools.cache
def _particles() -> frozenset[str]:
    """The particles of ``name_particles.txt`` as written inside a name or at a sentence start (« Le », « de »)."""
    return frozenset(w for p in lexicon.words("name_particles.txt") for w in (p, p.capitalize()))


def _in_complement(mention: str, person: Person) -> bool:
    """« conseiller militaire de Barack Obama », « le porte-parole de Vladimir Poutine, Dmitri
    Peskov »: a name after « de » in a mention is a complement of a noun before it (someone's
    adviser), not the one who speaks."""
    at = mention.find(person.name) if person.name in mention else mention.find(person.surname())
    written = _WORD.findall(mention[: max(at, 0)])
    if written and f"{written[-1]} {person.surname()}" in person.name:
        written = written[:-1]  # « M. De Schrijver », « M. de Villiers »: the particle is the name's
    head = [w.lower() for w in written]
    if head and head[-1] in _title_words():
        head = head[:-1]  # « le parti de M. Alcaíno »
    return len(head) >= 2 and head[-1] in ("de", "du", "d'")


@functools.cache
def _title_words() -> frozenset[str]:
    """The titles as ``_WORD`` cuts them, lower case: « M. » is « m »."""
    return frozenset(t.lower().rstrip(".") for t in _titles())


def _one(by_id: dict[int, Person]) -> Person | None:
    return next(iter(by_id.values())) if len(by_id) == 1 else None


def _by_role(mention: str, ctx: Context, paragraph: int = 10**9) -> Person | None:
    """The one person the role mention ``mention`` (in ``paragraph``) names: roles
    and nationality included in what the person was introduced with, gender compatible. A person
    named only later (« l'envoyée spéciale … », then « Solveig Ekdahl, envoyée spéciale ») must
    have the mention's gender for sure: an unknown gender does not do for a look ahead."""
    low = _low(mention)
    if low.split(" ", 1)[0] in _INDEFINITE:
        return None  # « un diplomate d'un pays nordique »: someone new, never a person named before
    roles = _roles(low)
    if not roles:
        return None
    nations = _find(low, "nationalities.txt")
    gender = _gender(mention, None)
    hits = _role_holders(ctx, roles, nations, gender, paragraph)
    if not hits and nations and not any(nations & p.nations for p in ctx.persons):
        # « le pénaliste bruxellois » after « Me Thibaut Dewandre »: an epithet may tell a
        # nationality the introduction did not, of someone whose nationality the article never gave
        hits = [p for p in _role_holders(ctx, roles, frozenset(), gender, paragraph) if not p.nations]
    if len(hits) > 1 and ctx.previous in hits:
        return ctx.previous
    return hits[0] if len(hits) == 1 else None


def _role_holders(ctx: Context, roles: frozenset[str], nations: frozenset[str], gender: str | None,
                  paragraph: int) -> list[Person]:
    """The persons introduced with ``roles`` and ``nations`` (or more), of a compatible gender."""
    return [
        p for p in ctx.persons
        if (roles <= p.roles or ("homologue" in p.roles | roles and nations and p.roles))  # homologue: any office, by nationality
        and nations <= p.nations
        and (gender is None or p.gender == gender or p.gender is None and _named_by(ctx, p, paragraph))
        and (roles - {"homologue"} or nations)
    ]


_SINGULAR_HEADS = frozenset({"le", "la", "l'", "un", "une", "ce", "cette", "cet"})  # one someone: « un haut fonctionnaire »
_INDEFINITE = frozenset({"un", "une"})
_DEFINITE = _SINGULAR_HEADS - _INDEFINITE - {"l'"}  # (« l'élue » is read apart: the article is glued to its noun)


# « La Liégeoise de 44 ans », « le Bruxellois », « l'Américaine »: a capitalised inhabitant noun names a person
_DEMONYM = regex.compile(r"(?:[Ll][ea]\s+|[Ll]['’])\p{Lu}\p{Ll}+(?:ois|oise|ais|aise|ien|ienne|éen|éenne|ain|aine)\b")


_CAPITALISED_HEAD = regex.compile(r"(?:[Ll][ea]\s+|[Ll]['’])\p{Lu}\p{Ll}+\s+\p{Ll}")  # « L'Observatoire citoyen », not « La Liégeoise »


def _by_epithet(mention: str, q: Quote, ctx: Context) -> Person | None:
    """« la magistrate », « le technicien de 46 ans », « la septuagénaire »: a definite noun phrase
    that names a person by a noun of ``person_nouns.txt`` (not a role) stands for the someone
    unnamed last described by that noun (« une source policière … cette source »), else for the
    person of its gender named last before it, in its paragraph or the one before, outside quoted words."""
    words = _low(mention).split()
    if not words or not (words[0] in _DEFINITE or words[0].startswith("l'")):
        return None
    rest = [words[0][2:], *words[1:4]] if words[0].startswith("l'") else words[1:4]
    if not _DEMONYM.match(mention) and (not _person_noun(rest) or _CAPITALISED_HEAD.match(mention)):
        return None  # an office nobody holds is someone unnamed (« le ministre vardanien »), not the last named;
        # a capitalised head names an organisation (« L'Observatoire citoyen … » is no citizen)
    gender = _gender(mention, None)
    at = (q.paragraph, q.mention_start if q.mention_start >= 0 else q.start)
    nouns = lexicon.words("person_nouns.txt").intersection(rest[:2])
    same = next((p for par, off, p in reversed(ctx.timeline) if (par, off) < at and not p.named and nouns & set(_low(p.name).split())), None)
    if same is not None:
        return same  # « cette source » after « une source policière »: the someone of that noun
    for par, off, person in reversed(ctx.timeline):
        if (par, off) >= at:
            continue
        if par < q.paragraph - 1:
            return None
        if ctx.quoted(par, off) or ctx.in_report(par, off) or gender is not None and person.gender not in (None, gender):
            continue
        if person.named or words[0] in _DEMONSTRATIVES:  # « Une riveraine … Cette mère de famille »: whom « cette » points back to
            return person
    return None


_DEMONSTRATIVES = frozenset({"ce", "cet", "cette"})


def _named_by(ctx: Context, person: Person, paragraph: int) -> bool:
    """Whether ``person`` is named in ``paragraph`` or before it."""
    return any(p is person and par <= paragraph for par, _, p in ctx.timeline)


def _by_pronoun(mention: str, q: Quote, ctx: Context, mention_pos: int) -> Person | None:
    gender = _PRONOUNS.get(mention.lower())
    if gender is None:
        return None
    # « « … », a-t-il ajouté »: an inverted subject clitic goes on with the last speaker (« selon lui » does not)
    inverted = (q.end < mention_pos or q.cue_start < mention_pos) and q.cue_class != "selon" and mention.lower() in ("il", "elle")
    opening = mention_pos <= 2 or q.start <= 2  # « Il a ajouté que … », « « … », a-t-il dit » opening a paragraph
    if inverted and (described := _described_before(q, ctx, gender)) is not None:
        return described
    if (ctx.previous is not None and ctx.previous.gender in (None, gender)
            and (opening or inverted and ctx.previous_paragraph >= q.paragraph - 1)
            and _nobody_new(ctx, q.paragraph, mention_pos)):
        return ctx.previous
    inside: Person | None = None  # « Le président X compte rester, a-t-il déclaré »: the last resort
    for par, off, person in reversed(ctx.timeline):
        if (par, off) >= (q.paragraph, mention_pos if mention_pos >= 0 else q.start):
            continue
        if q.kind == "direct" and par == q.paragraph and q.start <= off < q.end or ctx.quoted(par, off) or ctx.in_report(par, off):
            if not ctx.quoted(par, off) and person.gender in (None, gender):
                inside = person
            continue  # a name inside quoted words (these or someone's before) is talked about, not talking
        if person.gender in (None, gender):
            return person
    if inside is None and ctx.headline is not None and ctx.headline.gender in (None, gender):
        return ctx.headline  # « Déclarations de Sergueï Lavrov », then « selon lui » with nobody named before
    return inside


# The sentence right before a quotation, when a definite role or epithet opens it (after a short
# adjunct): « En fin de journée, la diplomate américaine s'est voulue prudente. « … », a-t-elle glissé ».
_DESCRIBED = re.compile(r"(?:[^,.!?«»]{1,40},\s+)?(?P<np>(?:[Ll][ea]\s+|[Ll]['’])[\w'’-]+(?:\s+[\w'’-]+){0,2})")


def _described_before(q: Quote, ctx: Context, gender: str) -> Person | None:
    """The person a role or an epithet describes as the subject of the sentence before a direct
    quotation, whom its inverted « il » / « elle » goes on with rather than the last speaker."""
    if q.kind != "direct" or q.paragraph >= len(ctx.paragraphs):
        return None
    text = ctx.paragraphs[q.paragraph]
    head = text[: q.start].rstrip(" «“\"\u00a0")
    if not head.endswith((".", "!", "?")) or q.start - len(head) > 3:
        return None  # the quotation does not open a sentence right after another
    start = max((m.end() for m in _SENTENCE_START.finditer(head, 0, len(head) - 1)), default=0)
    m = _DESCRIBED.match(head, start)
    if m is None:
        return None
    words = m.group("np").split()
    for n in range(len(words), 1, -1):  # the longest phrase that names a role first (« la diplomate américaine »)
        phrase = " ".join(words[:n])
        person = _by_role(phrase, ctx, q.paragraph) or (_by_epithet(phrase, q, ctx) if _person_noun(_low(phrase).split()[1:3]) else None)
        if person is not None:
            return person if person.gender in (None, gender) and person is not ctx.previous else None
    return None


# « Et d'ajouter », « Et de conclure » opening a paragraph: wire copy's narrative infinitive.
_NARRATIVE_HEAD = re.compile(r"\s*(?:Et|et)\s+d(?:e\s+|['’])$")


# What opens an adjunct before a name (its role phrase between, commas allowed), and what ends the
# search: « Lors de sa rencontre avec le chef de la politique étrangère de l'UE, Josep Borrell, … ».
@functools.cache
def _adjunct_opener() -> re.Pattern[str]:
    words = "|".join(_adjuncts()["bystander"] + _adjuncts()["agent"])
    return re.compile(rf"\b(?:{words})\b|[.;:«»\"()]|\bqu['e]\b|\bet\b", re.IGNORECASE)


def _in_adjunct(text: str, start: int) -> bool:
    """Whether the name at ``start`` stands inside a prepositional adjunct (someone met, answered),
    not as a subject: such a person does not take the floor from the last speaker. A comma
    between is crossed only by an apposition right before the name (« avec le chef de la
    diplomatie, X »), not by a phrase of its own (« Lors du sommet, la ministre X »)."""
    last = next(reversed(list(_adjunct_opener().finditer(text, max(0, start - 120), start))), None)
    if (last is None or not last.group()[:1].isalpha() or last.group().lower() in ("et", "que", "qu'", "qu’")
            or last.group().lower() in _adjuncts()["agent"]):
        return False  # « celle faite la veille par le président X »: the agent, who may speak next
    between = text[last.end() : start]
    return "," not in between or between.rstrip().endswith(",") and between.count(",") == 1


def _narrative_infinitive(q: Quote, ctx: Context) -> bool:
    """Whether ``q`` is reported by a narrative infinitive opening its paragraph, which goes on
    with the last speaker when nobody new was named since."""
    if q.cue_start < 0 or q.paragraph >= len(ctx.paragraphs) or q.cue.lower() != q.cue_lemma:
        return False
    head = ctx.paragraphs[q.paragraph][: q.cue_start]
    return bool(_NARRATIVE_HEAD.match(head)) and _nobody_new(ctx, q.paragraph, q.cue_start)


def _nobody_new(ctx: Context, paragraph: int, pos: int) -> bool:
    """Whether nobody was named since the last speaker, in a later paragraph than theirs (« Pour
    X, politologue, … », explique-t-il: X speaks). A person named in the last speaker's own
    paragraph (« a dit le président, au côté de son homologue Y ») does not take the floor."""
    return not any(ctx.previous_paragraph < par and (par, off) < (paragraph, pos) and person is not ctx.previous
                   and not ctx.aside(par, off) for par, off, person in ctx.timeline)


_LONE_NAME = re.compile(r"\w[\w'’-]*")


def _lone_surname(mention: str) -> bool:
    """A single capitalised word that no lexicon knows (« Stoltenberg a déclaré »): most likely a
    person named by the surname alone, maybe a place; kept as written, never resolved."""
    return (mention[:1].isupper() and _LONE_NAME.fullmatch(mention) is not None
            and mention.lower() not in _not_names() and _organisation(mention) is None)


def _organisation(mention: str) -> str | None:
    """The organisation ``mention`` names, when an alias of organisations.txt heads it: « Moscou »,
    « le Kremlin »; not one it names in a complement (« la mission suisse auprès de l'ONU »,
    « l'ambassade du Burkina Faso à Moscou »: someone else speaks)."""
    pattern, canon_of = _variants("organisations.txt")
    low = _low(mention)
    m = pattern.search(low)
    if m is None or not _COMPLEMENT_WORDS.isdisjoint(low[: m.start()].split()):
        return None
    return canon_of[m.group()]


_COMPLEMENT_WORDS = frozenset({"de", "du", "d'", "auprès"})  # a name after them completes a noun (« à » may not:
# « des sources à l'Otan » are the Otan's)


_PLURAL_HEADS = frozenset({"les", "des", "ses", "leurs", "plusieurs", "certains", "certaines", "deux", "trois"})


def _names_one_role(mention: str) -> bool:
    """« le secrétaire général de l'Otan », « le porte-parole du Kremlin »: one person in a role,
    who speaks for an organisation without being it; unresolved, the mention stays as written."""
    low = _low(mention)
    return bool(_roles(low)) and low.split(" ", 1)[0] not in _PLURAL_HEADS


def _spoken_by(q: Quote, speaker: str | None, resolved: bool) -> Quote:
    """``q`` with its speaker set: a shallow copy (``dataclasses.replace`` runs ``__init__`` again,
    a sixth of the resolution's time)."""
    out = q.copy()
    out.speaker, out.speaker_resolved = speaker, resolved
    return out


def resolve_one(q: Quote, ctx: Context) -> Quote:
    """``q`` with ``speaker`` set to a canonical name when the article allows it."""
    if not q.mention:
        if ctx.previous is not None and _narrative_infinitive(q, ctx):
            return _spoken_by(q, ctx.previous.name, ctx.previous.named)  # « Et d'ajouter : « … » »
        return _spoken_by(q, None, False)
    mention = q.mention
    if mention[:1] in "sS" and _low(mention) in lexicon.words("own_words.txt"):  # « selon ses mots »: the last speaker's
        owner = ctx.previous or _last_named(ctx, q)
        return _spoken_by(q, owner.name, owner.named) if owner else _spoken_by(q, mention, False)
    if mention.lower() == "on" and (host := _host_of_on(ctx, q)) is not None:
        return _spoken_by(q, host, False)  # « Chez Renault, on assure que … », « Au ministère, on indique … »
    person = _by_name(mention, ctx.persons) or _by_role(mention, ctx, q.paragraph)
    if person is None:
        person = _by_pronoun(mention, q, ctx, q.mention_start) or _by_epithet(mention, q, ctx)
    if person is None and (firm := named_again(mention, q.paragraph, max(q.mention_start, 0), ctx.firms)) is not None:
        person = Person(firm.name)  # « le groupe » after « le groupe américain Carrington Thermal »
    if person is None and (_names_one_role(mention) or _lone_surname(mention)):
        # someone unnamed (« le ministre russe ») or known by a surname only (« Stoltenberg a
        # précisé »): a later « il » stands for them, not for a person named before; they stay
        # unresolved, under the mention as written
        person = Person(mention, _gender(mention, None), named=False)
    elif person is None and (org := _organisation(mention)) is not None:
        person = Person(org, _gender(mention, None))  # « L'Otan … assure que … Elle affirme »: the organisation
    elif person is None and _one_unnamed(mention):
        person = Person(mention, _gender(mention, None), named=False)  # « un haut fonctionnaire », « la délégation »
    if person is None:
        return _spoken_by(q, mention, False)
    ctx.previous, ctx.previous_paragraph = person, q.paragraph
    bisect.insort(ctx.timeline, (q.paragraph, max(q.mention_start, 0), person), key=lambda t: (t[0], t[1]))
    ctx.spoke.add((q.paragraph, max(q.mention_start, 0)))
    return _spoken_by(q, person.name, person.named)


# « Chez Renault, on … », « Au cabinet du ministre, on … », « Du côté de la direction, on … »: where « on » speaks (on_hosts.txt)
@functools.cache
def _on_host() -> regex.Pattern[str]:
    """The adjunct of ``on_hosts.txt`` that opens a sentence, its host, and the comma before « on »."""
    openers = sorted(lexicon.words("on_hosts.txt"), key=len, reverse=True)
    alternation = "|".join(regex.escape(o).replace("'", "['’]").replace(r"\ ", r"\s+") for o in openers)
    # (a short place may follow it: « Au ministère de l'Agriculture, à Rabat, on rappelle »)
    return regex.compile(rf"(?:^|[.!?»]\s+)(?i:{alternation})\s*(?P<host>[^,.;:«»]{{2,80}})(?:,\s*[^,.;:«»]{{2,30}})?,\s*$")


def _host_of_on(ctx: Context, q: Quote) -> str | None:
    """The place or body a generic « on » speaks for, named by the adjunct that opens its sentence:
    « Chez Veltrane, on se veut serein », « Au cabinet du ministre, on indique … »."""
    if q.mention_start < 0 or q.paragraph >= len(ctx.paragraphs):
        return None
    text = ctx.paragraphs[q.paragraph]
    m = _on_host().search(text, max(0, q.mention_start - 100), q.mention_start)
    return m.group("host").strip() if m else None


def _last_named(ctx: Context, q: Quote) -> Person | None:
    """The person named last before ``q``, outside quoted words."""
    return next((p for par, off, p in reversed(ctx.timeline)
                 if (par, off) < (q.paragraph, q.start) and not ctx.quoted(par, off)), None)




def _one_unnamed(mention: str) -> bool:
    """« un haut fonctionnaire du ministère », « la délégation syndicale »: one speaker named by a
    noun phrase, whom a later « il » or « elle » may stand for."""
    ws = _WORD.findall(mention.lower().replace("’", "'"))
    return len(ws) >= 2 and (ws[0] in _SINGULAR_HEADS or ws[0].startswith("l'") and len(ws[0]) > 2)


# A title that opens with a lone surname, a colon and a quotation: « Bielsa : « Il n'y a aucune
# excuse » » (« Toulouse : un incendie … » names a place, and quotes nobody).
_HEADLINE_SPEAKER = re.compile(r"\s*([^\W\d_][\w'’]*)\s*:\s*[«\"“]")


def _headline(title: str, persons: list[Person]) -> Person | None:
    """The one person a title names, as the article knows them (« Lavrov » is its Sergueï Lavrov)."""
    names = {" ".join(words) for _, words in _name_matches(title)}
    if not names and (m := _HEADLINE_SPEAKER.match(title)) and _lone_surname(m.group(1)):
        names = {m.group(1)}
    if len(names) != 1:
        return None
    words = next(iter(names)).split()
    known = [p for p in persons if p.surname() == words[-1]]
    return known[0] if len(known) == 1 else Person(" ".join(words))


def resolve(article: Article, quotes: list[Quote]) -> list[Quote]:
    """Every quote of ``article`` with its speaker resolved across the article."""
    if not quotes:
        return []
    persons, timeline = people(article)
    timeline.sort(key=lambda t: (t[0], t[1]))
    ctx = Context(persons, timeline, paragraphs=article.paragraphs, headline=_headline(article.title, persons))
    out = []
    for q in sorted(quotes, key=lambda q: (q.paragraph, q.start)):
        out.append(resolve_one(q, ctx))
        if q.kind != "direct":  # (what « selon X » covers may hold X before it: from « selon » on)
            ctx.reported.append((q.paragraph, max(q.start, q.cue_start) if q.cue_class == "selon" else q.start, q.end))
    return out
