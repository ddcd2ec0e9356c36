"""The same statement quoted by several outlets, grouped.

Outlets rarely print a statement word for word: one translates it differently, one reports it
indirectly, one keeps a fragment between guillemets. Two quotes are taken as the same statement
when

* they have the same resolved speaker (the *block*: quotes are only compared inside it, which
  keeps the cost at the sum of the squared block sizes instead of the square of the corpus);
* they come from different outlets;
* they were published at most ``max_days`` apart (a statement is reported within days; a talking
  point repeated months later is another statement) — unknown dates do not stop a match;
* the shorter one has at least ``min_tokens`` words after normalisation (« utile » says nothing
  about which statement it comes from);
* their similarity reaches ``threshold``: the larger of rapidfuzz's ``token_set_ratio`` (word
  sets, order-free: an indirect report or a reordered translation keeps most words) and
  ``partial_ratio`` (best aligned substring: a fragment quoted inside a longer quote), computed on
  normalised texts (lower case, accents and apostrophes folded, punctuation dropped);
  ``partial_ratio``, the costlier, is only tried when ``token_set_ratio`` reaches ``PARTIAL_FLOOR``.

``THRESHOLD = 72`` comes from the sample corpus in ``data/`` (every pair of quotes of one speaker,
two outlets, ten days): the reports of one statement score 72–100 (« la sécurité de l'Europe ne
pouvait pas se construire contre la Russie… » / « la sécurité du continent ne pouvait pas être
bâtie "contre la Russie"… » 72; « Nous préférons négocier, mais nous sommes prêts à riposter » /
« l'Union préférait "négocier", mais qu'elle était "prête à riposter" » 74), while different
statements of one speaker in the same week stay at or below 71 (« son pays ne signerait pas "un
texte qui met en danger" son approvisionnement énergétique » / « Budapest a obtenu "des garanties
sérieuses" pour son approvisionnement énergétique » 71, through ``partial_ratio`` on the shared
tail). A lower threshold merges such neighbours; a higher one splits translations apart.

Matching pairs are joined transitively (single linkage, union-find): a group is a connected set of
quotes; it is reported when it spans at least two outlets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

THRESHOLD = 72  # similarity (0–100) from which two quotes of one speaker are the same statement
MIN_TOKENS = 3  # words the shorter quote needs to be matched at all
MAX_DAYS = 10  # days between the publications of two reports of one statement
PARTIAL_FLOOR = 50  # token_set_ratio from which partial_ratio is tried too
CHUNK = 128  # rows of a similarity matrix computed at once: a narrow time window each

_NON_WORD = re.compile(r"[\W_]+")
GROUP_COLUMNS = ["group", "speaker", "outlet", "published", "kind", "cue", "text", "score", "id"]


def normalise(text: str | None) -> str:
    """Lower case, accents and apostrophes folded, punctuation and guillemets dropped."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", folded).strip()


def similarity(a: str, b: str) -> float:
    """The score of two normalised texts: ``token_set_ratio``, or ``partial_ratio`` when larger and
    the word sets agree to ``PARTIAL_FLOOR`` at least."""
    words = fuzz.token_set_ratio(a, b)
    return words if words < PARTIAL_FLOOR else max(words, fuzz.partial_ratio(a, b))


def _day(value: object) -> int | None:
    """A publication date as a day number, None when unknown or unreadable."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _iso_day(value: object) -> str | None:
    """A publication date as ``YYYY-MM-DD`` (dates, timestamps and ISO strings alike), else None."""
    day = _day(value)
    return date.fromordinal(day).isoformat() if day is not None else None


def _scores(part: list[str], others: list[str], threshold: float) -> np.ndarray:
    """Similarity of each of ``part`` to each of ``others``; below ``threshold`` → 0.

    ``token_set_ratio`` for every pair (one vectorised call); ``partial_ratio`` only for the near
    misses, the pairs whose word sets already agree to ``PARTIAL_FLOOR``: below it the two quotes
    share too few words for one to be a fragment of the other, and skipping them saves the
    costlier scorer on most pairs."""
    scores = process.cdist(part, others, scorer=fuzz.token_set_ratio, score_cutoff=PARTIAL_FLOOR, dtype=np.uint8,
                           workers=-1)
    for r, c in zip(*np.nonzero((scores > 0) & (scores < threshold)), strict=True):
        scores[r, c] = max(scores[r, c], fuzz.partial_ratio(part[r], others[c], score_cutoff=threshold))
    scores[scores < threshold] = 0
    return scores


def _window(days: np.ndarray, lo: int, hi: int, max_days: int | None) -> np.ndarray:
    """The columns rows ``lo:hi`` are compared with (``days`` sorted, unknown days first as -1).

    Only pairs ``i < j`` are kept, so only columns from ``lo`` on: a pair with an earlier column
    was scored when that column's chunk was the rows (its window reaches as far: days are sorted,
    and an undated row, sorted first, is compared with every later quote). Then every later quote
    when the rows hold an unknown day or no window is set, else those published at most
    ``max_days`` after the rows' last day. Each pair is scored once, not twice."""
    n = len(days)
    if max_days is None or days[lo] < 0:
        return np.arange(lo, n)
    last = int(np.searchsorted(days, days[hi - 1] + max_days, "right"))
    return np.arange(lo, last)


def _block_pairs(texts: list[str], outlets: np.ndarray, days: np.ndarray, threshold: float,
                 max_days: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, score) arrays of the matching pairs of one speaker's quotes, i < j (positions in ``texts``).

    Quotes are sorted by day so that a chunk of rows is only compared with the quotes published
    within ``max_days`` of it: the cost follows the number of quotes per window, not the square of
    the speaker's quotes. Inside a chunk, the rows of one outlet are only scored against the
    columns of the other outlets (two quotes of one outlet are never a pair)."""
    order = np.argsort(days, kind="stable")
    texts_s, outlets_s, days_s = [texts[i] for i in order], outlets[order], days[order]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for lo in range(0, len(texts_s), CHUNK):
        hi = min(len(texts_s), lo + CHUNK)
        window = _window(days_s, lo, hi, max_days)
        chunk_outlets = outlets_s[lo:hi]
        for outlet in dict.fromkeys(chunk_outlets.tolist()):
            rows_o = lo + np.flatnonzero(chunk_outlets == outlet)
            cols = window[outlets_s[window] != outlet]
            cols = cols[cols > rows_o[0]]
            if not len(cols):
                continue
            scores = _scores([texts_s[i] for i in rows_o], [texts_s[c] for c in cols], threshold)
            r, c = np.nonzero(scores)
            rows, other = rows_o[r], cols[c]
            keep = rows < other
            if max_days is not None:
                known = (days_s[rows] >= 0) & (days_s[other] >= 0)
                keep &= ~known | (np.abs(days_s[rows] - days_s[other]) <= max_days)
            found.append((order[rows[keep]], order[other[keep]], scores[r[keep], c[keep]]))
    if not found:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64), np.array([], dtype=np.uint8)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def _components(n: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Connected components of the pairs (single linkage): each position's smallest connected position."""
    labels = np.arange(n)
    while True:
        low = np.minimum(labels[rows], labels[cols])
        new = labels.copy()
        np.minimum.at(new, rows, low)
        np.minimum.at(new, cols, low)
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


def _candidates(df: pd.DataFrame, min_tokens: int) -> pd.DataFrame:
    """The quotes that can be matched: a resolved speaker, an outlet, enough words."""
    out = df.loc[df["speaker"].notna() & df["outlet"].notna()].copy()
    out["_norm"] = out["text"].map(normalise)
    return out.loc[out["_norm"].str.split().str.len().fillna(0) >= min_tokens]


def _pairs(work: pd.DataFrame, threshold: float, max_days: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, score) of the matching pairs of ``work`` (sorted by speaker), block by block."""
    texts = work["_norm"].tolist()
    outlets = work["outlet"].to_numpy(dtype=object)
    days = np.array([d if d is not None else -1 for d in map(_day, work["published"])], dtype=np.int64)
    speakers = work["speaker"].to_numpy(dtype=object)
    starts = np.flatnonzero(np.r_[True, speakers[1:] != speakers[:-1]])
    found = []
    for lo, hi in zip(starts.tolist(), [*starts[1:].tolist(), len(work)], strict=True):
        if hi - lo < 2 or len(set(outlets[lo:hi].tolist())) < 2:
            continue
        rows, cols, scores = _block_pairs(texts[lo:hi], outlets[lo:hi], days[lo:hi], threshold, max_days)
        if len(rows):
            found.append((rows + lo, cols + lo, scores))
    if not found:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64), np.array([], dtype=np.uint8)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def group_statements(df: pd.DataFrame, threshold: float = THRESHOLD, min_tokens: int = MIN_TOKENS,
                     max_days: int | None = MAX_DAYS) -> pd.DataFrame:
    """One row per quote that belongs to a statement reported by two outlets or more.

    ``df`` has the columns ``speaker, outlet, text`` and optionally ``published, kind, cue, id``.
    Returns ``GROUP_COLUMNS``: ``group`` numbers the statements (0, 1 … by first publication),
    ``score`` is the quote's best similarity to a quote of another outlet in its group.

    The quotes are sorted by speaker once and compared block by block; the scores, the connected
    components and the result frame are then computed once for all blocks (no frame per block).
    """
    if df.empty or "text" not in df.columns:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    work = df.reset_index(drop=True).copy()
    if "id" not in work.columns and "quote_id" in work.columns:
        work["id"] = work["quote_id"]
    for col in ("published", "kind", "cue", "id"):
        if col not in work.columns:
            work[col] = None
    work["published"] = work["published"].map(_iso_day)
    work = _candidates(work, min_tokens).sort_values("speaker", kind="stable").reset_index(drop=True)
    rows, cols, scores = _pairs(work, threshold, max_days)
    if not len(rows):
        return pd.DataFrame(columns=GROUP_COLUMNS)
    best = np.zeros(len(work), dtype=np.int64)
    np.maximum.at(best, rows, scores)
    np.maximum.at(best, cols, scores)
    matched = np.flatnonzero(best)
    labels = _components(len(work), rows, cols)[matched]
    members = pd.DataFrame({"pos": matched, "label": labels, "outlet": work["outlet"].to_numpy(dtype=object)[matched]})
    spans = members.groupby("label")["outlet"].nunique()
    members = members[members["label"].isin(spans.index[spans >= 2])].sort_values(["label", "pos"], kind="stable")
    if members.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    out = work.iloc[members["pos"].to_numpy()].reset_index(drop=True)
    out["score"] = best[members["pos"].to_numpy()].astype(int)
    out["group"] = pd.factorize(members["label"].to_numpy())[0]
    return _numbered(out)[GROUP_COLUMNS]


def _numbered(rows: pd.DataFrame) -> pd.DataFrame:
    """Groups renumbered by first publication (then speaker); rows by group, date, outlet."""
    rows["_first"] = rows["published"].astype("string").fillna("").groupby(rows["group"]).transform("min")
    order = rows[["group", "_first", "speaker"]].drop_duplicates("group").sort_values(["_first", "speaker", "group"])
    rows["group"] = rows["group"].map({g: n for n, g in enumerate(order["group"])})
    rows = rows.sort_values(["group", "published", "outlet"], na_position="last", kind="stable")
    return rows.reset_index(drop=True)


def statement_table(groups: pd.DataFrame, outlets: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per statement with each outlet's wording, verb and date side by side.

    Columns: ``group, speaker, outlets`` (how many carry it) then, per outlet (``outlets`` in that
    order, else every outlet of ``groups`` alphabetically), ``<outlet> · quote``, ``· verb``,
    ``· date``. An outlet with several quotes in a group shows its best matching one. When
    ``outlets`` is given, only statements carried by two of them or more are kept.
    """
    names = list(outlets) if outlets else sorted(groups["outlet"].dropna().unique())
    cols = ["group", "speaker", "outlets"] + [f"{o} · {c}" for o in names for c in ("quote", "verb", "date")]
    sub = groups.loc[groups["outlet"].isin(names)] if len(groups) else groups
    if sub.empty:
        return pd.DataFrame(columns=cols)
    best = sub.sort_values(["group", "outlet", "score", "published"], ascending=[True, True, False, True],
                           na_position="last", kind="stable").drop_duplicates(["group", "outlet"])
    spread = best.groupby("group")["outlet"].transform("size")
    best = best.loc[spread >= 2]
    if best.empty:
        return pd.DataFrame(columns=cols)
    first = best.drop_duplicates("group").set_index("group")
    out = pd.DataFrame({"group": first.index.astype(int), "speaker": first["speaker"].to_numpy(dtype=object),
                        "outlets": best.groupby("group")["outlet"].size().reindex(first.index).astype(int).to_numpy()})
    cells = best.set_index(["group", "outlet"])
    for o in names:
        for name, column in (("quote", "text"), ("verb", "cue"), ("date", "published")):
            values = cells[column].xs(o, level="outlet") if o in best["outlet"].to_numpy() else pd.Series(dtype=object)
            out[f"{o} · {name}"] = values.reindex(first.index).astype(object).to_numpy()
    return out[cols]
