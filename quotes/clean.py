"""Normalise real text and split it without ever breaking inside an open quotation.

Character normalisation is one-to-one (one character in, one out), so offsets computed on the
normalised text hold on it, and paragraph indices stay those of the source.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import regex
from rapidfuzz import fuzz

from quotes import lexicon
from quotes.model import Article

# One character in, one out: typographic apostrophes, exotic spaces, dashes and the curly and
# low quotation marks are folded onto ' « » — so that every later pattern sees one spelling.
_FOLD_PAIRS = tuple({
    "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200a": " ", "\t": " ",
    "\u2002": " ", "\u2003": " ", "\u3000": " ",
    "–": "—", "―": "—", "‒": "—",
    "“": "«", "„": "«", "‟": "«", "”": "»", "＂": '"',
    "\r": " ", "\x0b": " ", "\x0c": " ",
    # list bullets and the emoji variation selector: decoration, not words (« ▪️ La Russie … »)
    "•": " ", "▪": " ", "■": " ", "●": " ", "►": " ", "▶": " ", "◆": " ", "\ufe0f": " ",
}.items())
# A control character other than the newline (rare): it becomes a space.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

# Every pattern that could backtrack over a whole paragraph has this guard (seconds): a paragraph
# that hits it is reported by name and skipped, never hangs a batch. The patterns are linear, so it
# never fires on text a person wrote. Character classes and patterns that cannot backtrack run
# without it: the guard alone doubles the cost of a short search.
REGEX_TIMEOUT = 10.0

OPENERS = {"«": "«", "‹": "‹", "“": "“", "„": "„", "‟": "‟"}
CLOSES = {"»": "«", "›": "‹", "”": "“„‟"}
MARKS = frozenset("«»‹›“”„‟\"")
# A straight quote opens after a space, a bracket or the start, and closes before one.
_OPEN_BEFORE = frozenset(" \n([{—-/«'")


def normalize(text: str) -> str:
    """Fold apostrophes, spaces, dashes and quotation marks, and control characters but the
    newline into spaces; length is unchanged. (A search and a replace for each of the few
    characters present is twice as fast as one pattern with a replacement callback, and five
    times ``str.translate`` over every character.)"""
    for char, folded in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return _CONTROL.sub(" ", text) if _CONTROL.search(text) else text


@dataclass(frozen=True)
class Span:
    """A quotation: marks at ``open`` and ``close`` (``open == -1``: it opened earlier;
    ``close == len(text)``: it goes on after the text). Content is ``text[open+1:close]``."""

    open: int
    close: int
    depth: int

    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    def open_left(self) -> bool:
        return self.open < 0

    def open_right(self, n: int) -> bool:
        return self.close >= n


def _straight_opens(text: str, i: int, straight_open: bool) -> bool:
    """Whether the straight quote at ``i`` opens: by its spacing, else by alternation."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = before in _OPEN_BEFORE and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or not after.isalnum())
    if can_open != can_close:
        return can_open
    return not straight_open


def _spaced_as_closer(text: str, i: int) -> bool:
    """A mark glued to the word before it and followed by a space, a punctuation mark or the end;
    or a mark right before a comma or a period, which nothing opens (« entendu ? “, il demande »)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and (not text[i - 1].isspace() and (after.isspace() or not after.isalnum()) or after in ",.;")


def pair_quotes(text: str) -> list[Span]:
    """Pair the quotation marks of ``text`` by nesting; straight quotes by spacing and position.

    A closing mark with no opener opens at the start (-1); an opener with no closer runs to the
    end. One pass, linear in the length of the text, whatever the marks (a closer is matched only
    when an opener of its kind is open, so the stack is never searched in vain).
    """
    pairing = _Pairing(text.count('"'))
    for m in _MARK.finditer(text):
        pairing.mark(text, m.start(), m.group())
    n = len(text)
    pairing.spans.extend(Span(o, n, d) for d, (o, _) in enumerate(pairing.stack))
    return sorted(pairing.spans, key=lambda s: (s.open, -s.close))


class _Pairing:
    """The open marks (a stack, with a tally per kind) and the spans closed so far."""

    def __init__(self, straight: int) -> None:
        self.stack: list[tuple[int, str]] = []
        self.open: dict[str, int] = {}
        self.spans: list[Span] = []
        self.straight_left = straight

    def mark(self, text: str, i: int, ch: str) -> None:
        if ch == '"':
            # an odd number of straight quotes left, none open: the first closes one opened earlier
            straight_open = self.open.get('"', 0) > 0 or self.straight_left % 2 == 1
            self.straight_left -= 1
            if _straight_opens(text, i, straight_open):
                self.push(i, ch)
            else:
                self.close(i, '"')
        elif ch in "«“" and (self.open.get("«", 0) or self.open.get("“", 0)) and _spaced_as_closer(text, i):
            self.close(i, "«“")  # “véritable fauteur de troubles“: an opening mark typed for the closing one
        elif ch == "“" and self.stack and self.stack[-1][1] == "„":
            self.close(i, "„")  # „…“: the German pair
        elif ch in OPENERS:
            self.push(i, ch)
        else:
            self.close(i, CLOSES.get(ch, "«"))

    def push(self, i: int, ch: str) -> None:
        self.stack.append((i, ch))
        self.open[ch] = self.open.get(ch, 0) + 1

    def close(self, i: int, wanted: str) -> None:
        if not any(self.open.get(c, 0) for c in wanted):
            self.spans.append(Span(-1, i, 0))
            return
        k = len(self.stack) - 1
        while self.stack[k][1] not in wanted:
            k -= 1
        self.spans.append(Span(self.stack[k][0], i, k))
        for _, c in self.stack[k:]:  # marks opened inside and never closed are dropped
            self.open[c] -= 1
        del self.stack[k:]


# One class of characters, no backtracking: the standard library's `re` and no timeout guard.
_MARK = re.compile(r'[«»‹›“”„‟"]')


def top_level(spans: list[Span]) -> list[Span]:
    """The outermost quotations, in order."""
    out: list[Span] = []
    for s in spans:
        if not out or s.open >= out[-1].close:
            out.append(s)
    return out


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon.lines("abbreviations.txt"))


# A sentence ends at . ! ? … (possibly closed by a quotation mark or a bracket) before a space
# and a capital, a digit, an opening mark or a dash. Linear (the lookbehind reads back over the
# spaces before a closing mark only), so it runs with no timeout guard, which doubled its cost.
_END = regex.compile(r"""(?<=[.!?…](?:\s*[»"”)])?)\s+(?=[\p{Lu}\d«"“—(])""")
_LAST_WORD = regex.compile(r"([\w.°-]+)\.\s*$")


def split_sentences(text: str, spans: list[Span] | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; never inside a quotation, never after ``M.`` or ``J.``."""
    spans = top_level(pair_quotes(text) if spans is None else spans)
    out, start, k = [], 0, 0
    for m in _END.finditer(text):
        cut = m.start()
        while k < len(spans) and spans[k].close < cut:
            k += 1
        if k < len(spans) and spans[k].open < cut <= spans[k].close:
            continue  # inside a quotation
        if _is_abbreviation(text, start, cut):
            continue
        out.append((start, cut))
        start = m.end()
    if start < len(text) and text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


def _is_abbreviation(text: str, start: int, cut: int) -> bool:
    if text[cut - 1] != ".":
        return False
    m = _LAST_WORD.search(text, max(start, cut - 12), cut)
    if not m:
        return False
    word = m.group(1)
    return word in _abbreviations() or (len(word) == 1 and word.isupper())


_LINE_ENDS = frozenset('.!?…:»"”)')  # a line that ends with one of these ends its sentence


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: one a line, as scraped pages give them; a line that goes on a sentence
    (the previous line ends mid-sentence and this one starts in lower case) is joined back."""
    out: list[str] = []
    glue = False
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            glue = False
            continue
        if glue and out and line[:1].islower():
            out[-1] += " " + line
        else:
            out.append(line)
        glue = line[-1:] not in _LINE_ENDS
    return out


# ------------------------------------------------------------------------------ whole articles


@functools.cache
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The cues anchored at the start (tried there only) and the others (searched). The standard
    library's ``re`` runs these alternations three times faster than ``regex``; they only see
    paragraphs of page furniture (``is_boilerplate``: 600 characters at most), so no timeout guard."""
    cues = lexicon.lines("boilerplate.txt")
    anchored = [c[1:] for c in cues if c.startswith("^")]
    free = [c for c in cues if not c.startswith("^")]
    return (re.compile("|".join(f"(?:{c})" for c in anchored), re.IGNORECASE),
            re.compile("|".join(f"(?:{c})" for c in free), re.IGNORECASE))


_HEADLINE_END = regex.compile(r"[.!?…»\"]\s*$")
_LIST_CUE = regex.compile(r"^(lire aussi|à lire aussi|voir aussi|sur le même sujet)\b", regex.IGNORECASE)


def is_boilerplate(paragraph: str) -> bool:
    """A share/subscribe/comment block, a tag line, a credit, a caption, page furniture."""
    p = paragraph.strip()
    if len(p) > 600:
        return False  # an article's paragraph, not page furniture
    anchored, free = _boilerplate()
    return bool(anchored.match(p) or free.search(p))


def _is_headline(paragraph: str) -> bool:
    return len(paragraph.split()) <= 20 and not _HEADLINE_END.search(paragraph)


def _fingerprint(paragraph: str) -> str:
    return " ".join(paragraph.lower().split())


def clean_paragraphs(title: str, paragraphs: list[str]) -> list[str]:
    """Normalised paragraphs with boilerplate, ``Lire aussi`` lists, captions that repeat a
    credit, and paragraphs already printed earlier in the article blanked (indices kept)."""
    out: list[str] = []
    seen = {_fingerprint(title)} if title else set()
    dropped: list[str] = []
    long_seen: list[str] = []  # the fingerprints a near repeat is compared with
    in_list = False
    for raw in paragraphs:
        p = normalize(raw).strip()
        fp = _fingerprint(p)
        if _LIST_CUE.search(p):
            in_list = True
        elif in_list and not _is_headline(p):
            in_list = False
        drop = (not p or in_list or is_boilerplate(p) or fp in seen or _repeats_dropped(fp, dropped)
                or _near_repeat(fp, long_seen))
        if drop and p:
            dropped.append(fp)
        seen.add(fp)
        if len(fp) >= NEAR_REPEAT_LENGTH:
            long_seen.append(fp)
        out.append("" if drop else p)
    return out


NEAR_REPEAT_LENGTH = 80  # characters: shorter paragraphs (« Lire aussi », a byline) repeat by design
NEAR_REPEAT_SIMILARITY = 95  # rapidfuzz ratio (0–100): a lede printed again with a word changed


def _near_repeat(fp: str, earlier: list[str]) -> bool:
    """A long paragraph printed again with a word or two changed (« a estimé lundi » under « a
    estimé »): a teaser or a lede repeated by the page, not new text."""
    if len(fp) < NEAR_REPEAT_LENGTH or not earlier:
        return False
    close = [e for e in earlier if abs(len(e) - len(fp)) <= len(fp) // 10]
    return any(fuzz.ratio(fp, e, score_cutoff=NEAR_REPEAT_SIMILARITY) for e in close)


def _repeats_dropped(fp: str, dropped: list[str]) -> bool:
    """A caption printed again under its credit: ``X et Y`` after ``X et Y © Photographe``."""
    core = fp.rsplit(" - ", 1)[0] if " - " in fp else fp
    return len(core) > 15 and any(core in d for d in dropped[-3:])


def clean_article(article: Article) -> Article:
    """The article with normalised text and its boilerplate and repeated blocks blanked."""
    title = normalize(article.title).strip()
    return replace(article, title=title, paragraphs=clean_paragraphs(title, article.paragraphs))
