"""The stance lexicon: cues, targets, negators, modifiers and structure words of
``quotes/lexicon/stance_*.txt`` and ``targets.txt``, inflected and loaded once at import into a
word trie (``TRIE``) that ``quotes.stance`` reads quotes with.

Cue lines are ``pos role weight phrase [/ form …] [-form …]`` (see stance_positive.txt): the
phrase's first words are inflected by part of speech (verb forms from ``quotes.verbs``, adjective
and noun forms here), every form keyed as the analysis tokenises it (``key``). A form that is both
a noun or adjective and a verb keeps both readings (``Lex.cue``, ``Lex.verb_cue``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quotes import lexicon
from quotes.verbs import conjugate

FOLD = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("\u00a0", " "), ("\u202f", " "))  # one character for one
PUNCT = ",;:.!?()[]«»\"“”—…"
SENTENCE_END = frozenset(".!?…")
FUNCTION_WORDS = frozenset("de du des d' à au aux la le les l' en pour par avec contre sur dans un une".split())
ROLES = ("eval", "obj", "agent", "cause", "prep", "event")  # what a cue evaluates: stance_positive.txt
SUBJECT_ROLES = frozenset({"agent", "cause"})  # cues that judge the target before them, their subject
# structure roles looked up in the text, never tokens (see stance_structure.txt)
TEXT_ONLY = frozenset({"objclitic", "usclitic", "objpronoun", "host", "infhost", "determiner", "article", "complement",
                       "ofowner", "possessive", "generic", "subjectgap", "infobject", "toobject", "auxiliary", "midadverb", "inphrase",
                       "adjunct", "plural", "ofobject", "letting", "lettingclose", "request", "jussive", "demandable", "aimed", "resolve", "facing", "adversary",
                       "situation", "hearsay", "resumptive", "stressed", "perfect", "judging",
                       "contrastnot", "denied", "cleft", "broadadjective", "dummy", "attitude", "demonstrative",
                       "disowned", "allof", "vindicated", "subordinator", "predicate", "verblead"})


@dataclass(frozen=True)
class Cue:
    polarity: int  # +1 | -1
    weight: float
    role: str  # eval | obj | agent | prep
    adverb: bool = False  # an adverb in -ment (« docilement ») or a phrase of ``adjunct`` (« vers l'est »):
    #                       it modifies a verb, it is not its object
    participle: bool = False  # the past participle of an obj verb, read as an adjective (« gelé »)
    noun: bool = False  # a noun (pos n): an adjective right after it may judge the phrase the other way


@dataclass
class Lex:
    """Everything a lexicon string can be: one token of the analysis may play several roles."""

    targets: tuple[str, ...] = ()  # candidate canonical targets (more than one: ambiguous)
    cue: Cue | None = None
    verb_cue: Cue | None = None  # the reading as a finite verb, when the form is also a noun or an adjective
    neg: frozenset[str] = frozenset()  # open | close | alone | cancel
    factor: float = 1.0  # intensifier (> 1) or attenuator (< 1)
    struct: frozenset[str] = frozenset()  # clause | patient | partner | pronoun | anaphor | impersonal | verbal
    measure: Cue | None = None  # the reading on a restrictive measure it governs (stance_measures.txt)
    capital: bool = False  # a target alias only when written with a capital (targets.txt: ^Européens)


def fold(text: str) -> str:
    """Lower case, apostrophes and spaces folded; same length as ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer (İ): keep it as is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for a, b in FOLD:
        if a in low:
            low = low.replace(a, b)
    return low


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + ("x" if word.endswith(("eau", "eu")) else "s")


_FEMININE = (("eux", "euse"), ("if", "ive"), ("el", "elle"), ("eil", "eille"), ("en", "enne"), ("on", "onne"),
             ("er", "ère"), ("teur", "trice"), ("eur", "euse"), ("et", "ète"), ("e", "e"))


def _adjective(word: str) -> tuple[str, str, str, str]:
    """Masculine and feminine, singular and plural; an adverb in -ment is invariable."""
    if word.endswith("ment"):
        return word, word, word, word
    fem = next((word[: -len(a)] + b for a, b in _FEMININE if word.endswith(a)), word + "e")
    return word, fem, _plural(word), fem + "s"


def _head(words: list[str]) -> int:
    """How many words of a phrase inflect: up to the first function word (« digne de confiance »)."""
    return next((i for i, w in enumerate(words) if w in FUNCTION_WORDS and i > 0), len(words))


def _verb_forms(words: list[str]) -> set[str]:
    """Every form of the verb (its first word; a reflexive se/s' is dropped, as the pronoun is a
    token of its own in the text: « nous nous opposons à », « il s'oppose à »)."""
    if words[0] == "se" and len(words) > 1:
        words = words[1:]
    head, rest = words[0].removeprefix("s'"), " ".join(words[1:])
    try:
        forms = conjugate(head)
    except ValueError:
        forms = {head}
    return {(f + " " + rest).strip() for f in forms}


def _adjective_forms(words: list[str]) -> set[str]:
    cut = _head(words)
    variants = [_adjective(w) for w in words[:cut]]
    return {" ".join([v[k] for v in variants] + words[cut:]) for k in range(4)}


def _noun_forms(words: list[str]) -> set[str]:
    cut = _head(words)
    return {" ".join(words), " ".join([_plural(w) for w in words[:cut]] + words[cut:])}


_GENERATORS = {"v": _verb_forms, "a": _adjective_forms, "n": _noun_forms, "x": lambda words: {" ".join(words)}}


_CONTRACTED = {"à": ("au", "aux"), "de": ("du", "des", "d'")}  # à le → au, de les → des …


def _contracted(forms: set[str]) -> set[str]:
    """The forms with their final « à » / « de » also contracted: « renoncer à » reads « renoncer
    aux sanctions », « besoin de » reads « besoin du dialogue »."""
    out = set(forms)
    for f in forms:
        head, _, last = f.rpartition(" ")
        out.update(f"{head} {c}" for c in _CONTRACTED.get(last, ()) if head)
    return out


def _participles(forms: set[str]) -> set[str]:
    """The past participles among a verb's forms: p, pe, ps and pes all there (salué, saluée …;
    a participle in -s is its own plural: repris)."""
    stems = {p for p in forms if " " not in p and p + "e" in forms and p + "es" in forms and (p.endswith("s") or p + "s" in forms)}
    return {p + end for p in stems for end in ("", "e", "s", "es") if not (end == "s" and p.endswith("s"))}


def _cue_entry(line: str, polarity: int) -> list[tuple[str, Cue, int, bool]]:
    """``pos role weight phrase [/ form …] [-form …]`` → (form, cue, tier, verbal) for every form.

    Tier 0: written in the entry (the phrase, the extra forms); tier 1: inflected nouns and
    adjectives, and the past participles of an obj verb, which behave as adjectives and so
    evaluate the nearest target on either side (« le dialogue a été gelé »); tier 2: the other
    generated verb forms. ``verbal``: the reading of the form as a finite verb (a participle
    after « a », « ont »: « Moscou a proposé un moratoire » keeps the obj role)."""
    pos, role, weight, rest = line.split(None, 3)
    if pos not in _GENERATORS or role not in ROLES:
        raise ValueError(f"stance cue {line!r}: pos must be v|a|n|x and role {'|'.join(ROLES)}")
    excluded = {fold(w[1:]) for w in rest.split() if w.startswith("-") and len(w) > 1}
    rest = " ".join(w for w in rest.split() if not (w.startswith("-") and len(w) > 1))
    phrase, *extra = [fold(p).strip() for p in rest.split("/")]
    adjunct = pos == "x" and role == "eval" and phrase.split(" ")[0] in ADJUNCT
    cue = Cue(polarity, float(weight), role, pos == "a" and phrase.endswith("ment") or adjunct, noun=pos == "n")
    written = _contracted({phrase, *(e for e in extra if e)})
    generated = _contracted(_GENERATORS[pos](phrase.split())) - excluded - written
    out = [(f, cue, 0, pos == "v") for f in written - excluded]
    if pos != "v":
        return out + [(f, cue, 1, False) for f in generated]
    # (an excluded form still shows the participle: « geler -gelée » keeps « gelé » and « gelés »)
    adjectival = _participles(generated | excluded) - excluded if role == "obj" and " " not in phrase else set()
    out += [(f, Cue(polarity, cue.weight, "eval", participle=True), 1, False) for f in adjectival]
    return out + [(f, cue, 2, True) for f in generated]


def _cue_table() -> tuple[dict[str, Cue], dict[str, Cue]]:
    """Form → cue, and form → its reading as a finite verb. The lowest tier wins (« menace » the
    noun over « menace » from menacer, « contre » over « contre » from contrer), then the first
    entry. A form written (tier 0) both positive and negative is an error."""
    best: dict[str, tuple[int, Cue]] = {}
    verbal: dict[str, Cue] = {}
    for name, polarity in (("stance_positive.txt", 1), ("stance_negative.txt", -1)):
        for line in lexicon.lines(name):
            for form, cue, tier, is_verb in _cue_entry(line, polarity):
                old = best.get(form)
                if old is not None and old[0] == tier == 0 and old[1].polarity != polarity:
                    raise ValueError(f"stance cue {form!r} is both positive and negative ({line!r})")
                if old is None or tier < old[0]:
                    best[form] = (tier, cue)
                if is_verb:
                    verbal.setdefault(form, cue)
    cues = {form: cue for form, (_, cue) in best.items()}
    return cues, {form: cue for form, cue in verbal.items() if cues[form] != cue}


def _measure_table() -> dict[str, Cue]:
    """Verb or noun form → its cue on a restrictive measure, from stance_measures.txt (``+``/``-``
    then a cue line): « durcir les sanctions » and « le durcissement des sanctions » are favourable
    to them, « lever l'embargo » and « l'allègement des sanctions » opposed."""
    out: dict[str, Cue] = {}
    for line in lexicon.lines("stance_measures.txt"):
        sign, rest = line.split(None, 1)
        noun = rest.split(None, 1)[0] == "n"
        for form, cue, _, is_verb in _cue_entry(rest, 1 if sign == "+" else -1):
            if is_verb or noun:
                out.setdefault(form, cue)
    return out


def _target_table() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Alias → candidate targets (the default reading of an ambiguous alias, marked **, first),
    and target → kind (actor | topic), from targets.txt."""
    aliases: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for head, alts in lexicon.pairs("targets.txt"):
        name, _, kind = head.partition("[")
        name, kind = name.strip(), kind.strip(" ]") or "actor"
        kinds[name] = kind
        for alias in [name, *alts]:
            key = fold(alias.rstrip("*").lstrip("^").strip())
            names = aliases.setdefault(key, [])
            if name not in names:
                names.insert(0, name) if alias.endswith("**") else names.append(name)
    return {k: tuple(v) for k, v in aliases.items()}, kinds


def _capital_only() -> frozenset[str]:
    """The aliases marked ^ in targets.txt: names only when written with a capital (« les
    Européens » but not « les capitales européennes »)."""
    return frozenset(fold(a.lstrip("^").strip()) for _, alts in lexicon.pairs("targets.txt") for a in alts if a.startswith("^"))


def _defaults() -> frozenset[tuple[str, ...]]:
    """The candidate tuples of the ambiguous aliases that have a default reading (the first)."""
    marked = {fold(a.rstrip("*").lstrip("^").strip()) for _, alts in lexicon.pairs("targets.txt") for a in alts if a.endswith("**")}
    aliases, _ = _target_table()
    return frozenset(aliases[k] for k in marked if len(aliases[k]) > 1)


def _factor_table() -> dict[str, float]:
    out = {}
    for name in ("stance_intensifiers.txt", "stance_attenuators.txt"):
        for line in lexicon.lines(name):
            phrase, _, factor = line.rpartition(" ")
            out[fold(phrase.strip())] = float(factor)
    return out


@functools.cache  # read by every structure_words() of every module at import: once per file
def _role_table(name: str, sep: str | None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    if sep is None:
        for line in lexicon.lines(name):
            role, phrase = line.split(None, 1)
            out.setdefault(fold(phrase.strip()), set()).add(role)
        return out
    for role, words in lexicon.pairs(name, sep):
        for w in words:
            out.setdefault(fold(w), set()).add(role)
    return out


def structure_words(role: str) -> frozenset[str]:
    """The words of a structure role of stance_structure.txt (folded: lower case, ' for ’)."""
    return _structure_roles().get(role, frozenset())


@functools.cache
def _structure_roles() -> dict[str, frozenset[str]]:
    """Each role of stance_structure.txt → its words, indexed once."""
    out: dict[str, set[str]] = {}
    for w, roles in _role_table("stance_structure.txt", "=").items():
        for role in roles:
            out.setdefault(role, set()).add(w)
    return {role: frozenset(ws) for role, ws in out.items()}


def alternation(role: str) -> str:
    """The words of a text-only role of stance_structure.txt as a pattern, longest first; an
    elided word (l', n') takes either apostrophe."""
    return "|".join(re.escape(w).replace("'", "['’]") for w in sorted(structure_words(role), key=len, reverse=True))


def opener(role: str) -> str:
    """The words of ``role`` as a pattern that opens a phrase: a full word before a space, an
    elided one (l') before anything."""
    full = [w for w in structure_words(role) if not w.endswith("'")]
    elided = [w.replace("'", "['’]") for w in structure_words(role) if w.endswith("'")]
    alternatives = [rf"(?:{'|'.join(sorted(full, key=len, reverse=True))})\s+"] + [rf"{e}\s*" for e in elided]
    return "(?:" + "|".join(alternatives) + ")"


WORD_RE = re.compile(r"\w+'?|[" + re.escape(PUNCT) + "]")  # stdlib re: twice as fast as regex here
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")  # the words and what lies between them, alternately


def split_words(folded: str) -> tuple[list[str], list[int]]:
    """The words of ``folded`` (``WORD_RE.findall``) and the offset of each. Splitting makes plain
    strings, where ``finditer`` makes a match object a word (about 40 % less time on the sample's
    paragraphs in pure Python)."""
    pieces = _SPLIT_RE.split(folded)
    starts: list[int] = []
    pos = 0
    for k in range(1, len(pieces), 2):
        pos += len(pieces[k - 1])
        starts.append(pos)
        pos += len(pieces[k])
    return pieces[1::2], starts


def _key(phrase: str) -> str:
    """A lexicon string as the analysis sees it: its tokens joined by one space (hyphens dropped)."""
    return " ".join(WORD_RE.findall(fold(phrase)))


def _build() -> dict[str, Lex]:
    lex: dict[str, Lex] = {}
    aliases, _ = _target_table()
    cues, verbal = _cue_table()
    for form, cue in cues.items():
        lex.setdefault(_key(form), Lex()).cue = cue
    for form, cue in verbal.items():
        lex[_key(form)].verb_cue = cue
    for lx in lex.values():
        if lx.cue is None:
            lx.verb_cue = None
    for form, cue in _measure_table().items():
        lex.setdefault(_key(form), Lex()).measure = cue
    for alias, names in aliases.items():  # a target is never a cue
        lex.setdefault(_key(alias), Lex()).targets = names
        lex[_key(alias)].cue = lex[_key(alias)].verb_cue = None
    for alias in _capital_only():
        lex[_key(alias)].capital = True
    for form, roles in _role_table("stance_negators.txt", None).items():
        lex.setdefault(_key(form), Lex()).neg = frozenset(roles)
    for form, factor in _factor_table().items():
        lex.setdefault(_key(form), Lex()).factor = factor
    for form, roles in _role_table("stance_structure.txt", "=").items():
        if roles - TEXT_ONLY:  # an object clitic is read from the text, not made a token (« la », « les » …)
            lex.setdefault(_key(form), Lex()).struct = frozenset(roles - TEXT_ONLY)
    lex.pop("", None)
    return lex


Trie = dict[str, tuple["Trie", "Lex | None"]]  # word → (what may follow it, the entry ending here)


def _trie(lex: dict[str, Lex]) -> Trie:
    """The lexicon strings as a word trie, for a longest match without building strings."""
    root: Trie = {}
    for key, lx in lex.items():
        node = root
        words = key.split(" ")
        for k, w in enumerate(words):
            child, here = node.get(w, ({}, None))
            node[w] = (child, lx if k == len(words) - 1 else here)
            node = child
    return root


def longest(trie: Trie, words: list[str], i: int) -> tuple[int, Lex | None]:
    """The longest lexicon string starting at ``words[i]``: its length in words and its entry."""
    best: tuple[int, Lex | None] = (1, None)
    node, j = trie, i
    while j < len(words) and words[j] in node:
        node, lx = node[words[j]]
        j += 1
        if lx is not None:
            best = (j - i, lx)
    return best


def ment_adverb(word: str) -> bool:
    """A word in -ment long enough to be an adverb (« inlassablement »), by rule."""
    return len(word) > 6 and word.endswith("ment")


def _adverbial(words: list[str], j: int) -> int:
    """The length of the adverbial at ``words[j]`` that may stand inside a cue phrase without
    bearing on it (« appelle inlassablement au dialogue », « appelle de nouveau au … »): a locution
    or word of ``inphrase`` (stance_structure.txt), or a word in -ment that is neither a cue nor a
    target; 0 when there is none."""
    w = words[j]
    if w in IN_PHRASE_HEADS:
        for n in (4, 3, 2):
            if " ".join(words[j : j + n]) in IN_PHRASE:
                return n
    if w in IN_PHRASE:
        return 1
    lx = LEX.get(w)
    return 1 if ment_adverb(w) and (lx is None or lx.cue is None and not lx.targets) else 0


def _adverbial_in(node: Trie, words: list[str], j: int) -> int:
    """The length of an adverbial at ``words[j]`` after which the string of ``node`` goes on; 0
    when there is none (the caller has made the quick tests)."""
    w = words[j]
    n = _adverbial(words, j)
    return n if n and j + n < len(words) and words[j + n] in node and (n > 1 or w not in node) else 0


def longest_across(trie: Trie, words: list[str], i: int, inside: frozenset[str]) -> tuple[int, Lex | None, int]:
    """``longest``, letting one or two words of ``inside`` stand at one place within the string
    (« respecte pas le droit international », « respecte toujours pas … »), and an adverbial at one
    place (``_adverbial``, not a token): the length taken, the entry, and the index of the first
    word of ``inside`` stepped over (-1 when the string taken steps over none)."""
    child, first = trie[words[i]]
    after = words[i + 1] if i + 1 < len(words) else None
    if after is None or after not in child and after not in inside and after not in IN_PHRASE_HEADS \
            and (i + 2 >= len(words) or words[i + 2] not in child):
        return 1, first, -1  # most words: the next one neither goes on with the string nor stands inside it
    best: tuple[int, Lex | None, int] = (1, None, -1)
    node, j, skipped, quiet = trie, i, -1, False
    while j < len(words):
        if j > i and not quiet and j + 1 < len(words) and (words[j] in IN_PHRASE_HEADS or words[j] not in node and words[j + 1] in node) \
                and (n := _adverbial_in(node, words, j)):
            quiet, j = True, j + n  # « appelle [inlassablement] au dialogue »
        elif words[j] not in node:
            run = 2 if j + 2 < len(words) and words[j + 1] in inside and words[j + 2] in node else 1
            if skipped >= 0 or j == i or words[j] not in inside or j + run >= len(words) or words[j + run] not in node:
                break
            skipped, j = j, j + run
        node, lx = node[words[j]]
        j += 1
        if lx is not None:
            best = (j - i, lx, skipped)
    return best


def _heads(structs: frozenset[str] = frozenset()) -> frozenset[str]:
    """First words of the target aliases (``structs`` empty) or of the words of those structure
    roles (the subject pronouns): a text with none of either has no target and is not analysed
    further."""
    keys = [k for k, lx in LEX.items() if (lx.struct & structs if structs else lx.targets)]
    return frozenset(k.split(" ")[0] for k in keys)


ADJUNCT: frozenset[str] = structure_words("adjunct")  # read by _cue_entry
LEX: dict[str, Lex] = _build()
TRIE: Trie = _trie(LEX)
KINDS: dict[str, str] = _target_table()[1]
DEFAULTED: frozenset[tuple[str, ...]] = _defaults()  # ambiguous aliases read as their first target on a tie
TARGET_LEX: dict[str, Lex] = {k: lx for k, lx in LEX.items() if lx.targets}
TARGET_TRIE: Trie = _trie(TARGET_LEX)
HEADS: frozenset[str] = _heads()  # of the target aliases
PRONOUN_HEADS: frozenset[str] = _heads(frozenset({"pronoun"}))  # of ils/elles, which may stand for the main actor
IN_PHRASE: frozenset[str] = frozenset(_key(w) for w, roles in _role_table("stance_structure.txt", "=").items() if "inphrase" in roles)
IN_PHRASE_HEADS: frozenset[str] = frozenset(k.split(" ")[0] for k in IN_PHRASE if " " in k)
INSIDE: frozenset[str] = frozenset(k for k, lx in LEX.items() if "inside" in lx.neg)
OBJECT_CLITICS: frozenset[str] = frozenset(w for w, roles in _role_table("stance_structure.txt", "=").items() if "objclitic" in roles)
US_CLITICS: frozenset[str] = frozenset(w for w, roles in _role_table("stance_structure.txt", "=").items() if "usclitic" in roles)


