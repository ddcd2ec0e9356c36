"""What the dashboard shows, computed: figures, tables, drill-downs, the URL codec, upload checks.

``dashboard.py`` only reads the store and draws what these functions return, so every number it
shows is computed (and tested) here, in ``quotes/compare.py`` or in ``quotes/store.py``.

* filters <-> URL: ``encode_filters`` / ``decode_filters`` (``st.query_params`` round trip);
* figures: ``fig_top_speakers``, ``fig_timeline``, ``fig_kind_share``, ``fig_heatmap``,
  ``fig_speaker_timeline``, ``fig_stance``, ``fig_shares``; every mark carries ``customdata``
  with the values it counts, so a selection maps back to filters (``drill``);
* tables: ``quote_table``, ``with_shares``, ``timeline_counts``;
* one quote: ``highlight_html`` (escaped paragraph, the quote in ``<mark>``), ``safe_url``,
  ``stance_cues``;
* uploads: ``check_upload``, ``upload_label``; exports: ``csv_bytes``, ``parquet_bytes``.

Nothing from an article reaches the page as markup: Plotly labels and hover texts go through
``plotly_text`` (Plotly reads a few HTML tags in its strings), the paragraph through ``html.escape``.
"""

from __future__ import annotations

import dataclasses
import html
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go

KINDS = ("direct", "indirect", "mixed")
STANCES = ("favorable", "opposed", "neutral")
UPLOAD_TYPES = ("txt", "html", "jsonl", "csv")
MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_PARAM_VALUES = 100  # values of one filter taken from a URL
MAX_PARAM_CHARS = 200  # characters of one value taken from a URL
UNKNOWN = "(unknown)"
KIND_COLOURS = {"direct": "#1f77b4", "indirect": "#ff7f0e", "mixed": "#2ca02c"}
PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d", "#ff9da6",
           "#bab0ac", "#2f4b7c", "#a05195")
STANCE_COLOURS = {"favorable": "#2ca02c", "opposed": "#d62728", "neutral": "#7f7f7f"}

# Filter field → URL key. List fields repeat their key (?speaker=A&speaker=B).
PARAM_KEYS = {"speakers": "speaker", "outlets": "outlet", "since": "since", "until": "until", "kinds": "kind",
              "targets": "target", "stances": "stance", "frames": "frame", "text": "q"}
DATE_FIELDS = ("since", "until")
TEXT_FIELDS = ("text",)
CHOICES = {"kinds": KINDS, "stances": STANCES}


# ---------------------------------------------------------------------------------------------
# Filters <-> URL query parameters


def _iso(value: Any) -> str | None:
    """A date (or ISO string) as ``YYYY-MM-DD``; None when empty or not a date."""
    if value is None or value == "":
        return None
    try:
        return (value if isinstance(value, date) else date.fromisoformat(str(value)[:10])).isoformat()
    except ValueError:
        return None


def _values(raw: str | Sequence[str] | None) -> list[str]:
    """URL values of one key, bounded: strings, stripped, de-duplicated, at most MAX_PARAM_VALUES."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    out: list[str] = []
    for item in items:
        v = _clean(str(item))
        if v and v not in out:
            out.append(v)
    return out[:MAX_PARAM_VALUES]


def _clean(value: str) -> str:
    """One URL value: control characters dropped, stripped, at most MAX_PARAM_CHARS."""
    value = "".join(c for c in value if unicodedata.category(c)[0] != "C")
    return value.strip()[:MAX_PARAM_CHARS]


def encode_filters(f: Any) -> dict[str, str | list[str]]:
    """Filters → query parameters; empty filters are left out (a short, shareable URL)."""
    out: dict[str, str | list[str]] = {}
    for name, key in PARAM_KEYS.items():
        value = getattr(f, name, None)
        if name in DATE_FIELDS:
            iso = _iso(value)
            if iso:
                out[key] = iso
        elif name in TEXT_FIELDS:
            if value:
                out[key] = str(value)
        elif value:
            out[key] = [str(v) for v in value]
    return out


def decode_filters(params: Mapping[str, str | Sequence[str]], cls: type | None = None) -> Any:
    """Query parameters → Filters (``cls``, by default ``quotes.store.Filters``).

    Unknown keys are ignored, a date that is not ``YYYY-MM-DD`` is dropped, kinds and stances
    outside their vocabularies are dropped, and every value is bounded in count and length: the
    URL is typed by anyone.
    """
    if cls is None:
        from quotes.store import Filters

        cls = Filters
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for name, key in PARAM_KEYS.items():
        if name not in names or key not in params:
            continue
        values = _values(params[key])
        if name in DATE_FIELDS:
            kwargs[name] = _date_value(values, cls, name)
        elif name in TEXT_FIELDS:
            kwargs[name] = values[0] if values else None
        else:
            allowed = CHOICES.get(name)
            kwargs[name] = _list_value([v for v in values if allowed is None or v in allowed], cls, name)
    return cls(**{k: v for k, v in kwargs.items() if v is not None})


def _field_default(cls: type, name: str) -> Any:
    f = next(f for f in dataclasses.fields(cls) if f.name == name)
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return None


def _list_value(values: list[str], cls: type, name: str) -> Any:
    """A list filter in the container type its dataclass uses (tuple or list)."""
    default = _field_default(cls, name)
    return tuple(values) if isinstance(default, tuple) else list(values)


def _date_value(values: list[str], cls: type, name: str) -> Any:
    """A date filter as its dataclass keeps it: a ``date`` when its annotation says so, else ISO."""
    iso = _iso(values[0]) if values else None
    if iso is None:
        return None
    annotation = str(next(f.type for f in dataclasses.fields(cls) if f.name == name))
    return date.fromisoformat(iso) if "date" in annotation and "str" not in annotation else iso


def filters_key(f: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A hashable, order-stable key of filters (for caches)."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else (v,)) for k, v in encode_filters(f).items()))


def narrow(f: Any, **changes: Any) -> Any:
    """Filters with some fields replaced (a drill-down, or one outlet of the comparison)."""
    return dataclasses.replace(f, **{k: v for k, v in changes.items() if v is not None})


# ---------------------------------------------------------------------------------------------
# Tables


def counted(df: pd.DataFrame) -> pd.DataFrame:
    """A count table with its count in ``count`` (the store calls it ``quotes``, compare.py ``count``)."""
    if "count" not in df.columns and "quotes" in df.columns:
        return df.rename(columns={"quotes": "count"})
    return df


def quote_ids(df: pd.DataFrame) -> pd.Series:
    """The quotes' identifiers (``quote_id`` in the store, ``id`` in exports)."""
    return df["quote_id"] if "quote_id" in df.columns else df["id"]


def with_shares(counts: pd.DataFrame, by: str = "outlet", total: float | None = None) -> pd.DataFrame:
    """``counts`` plus ``share``: each row's count over ``total`` when given (e.g. all the quotes of
    an outlet, when ``counts`` only holds its top speakers), else over the sum of its ``by`` group."""
    out = counted(counts).drop(columns=["share"], errors="ignore").copy()
    if out.empty:
        out["share"] = pd.Series(dtype=float)
        return out
    denominator = total if total else out.groupby(by)["count"].transform("sum")
    out["share"] = (out["count"] / denominator).astype(float)
    return out


def top(counts: pd.DataFrame, key: str, n: int) -> list[str]:
    """The ``n`` values of ``key`` with the largest total count (ties by name)."""
    counts = counted(counts)
    if counts.empty:
        return []
    totals = counts.groupby(key)["count"].sum().reset_index()
    totals = totals.sort_values(["count", key], ascending=[False, True], kind="stable")
    return totals[key].head(n).tolist()


def period_freq(first: date, last: date) -> str:
    """The bar width of a timeline: days up to two months, weeks up to two years, else months."""
    span = (last - first).days
    return "D" if span <= 62 else "W" if span <= 731 else "M"


def _period_start(day: pd.Series, freq: str) -> pd.Series:
    if freq == "D":
        return day
    if freq == "W":
        return day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    return day.dt.to_period("M").dt.start_time


def _period_end(start: pd.Timestamp, freq: str) -> date:
    if freq == "D":
        return start.date()
    if freq == "W":
        return (start + timedelta(days=6)).date()
    return (start + pd.offsets.MonthEnd(0)).date()


def timeline_counts(day_counts: pd.DataFrame, freq: str | None = None) -> pd.DataFrame:
    """Day × outlet counts → period × outlet counts: ``period, start, end, outlet, count``.

    ``freq`` is ``D``, ``W`` (weeks from Monday) or ``M``; by default ``period_freq`` of the span.
    Days that are not dates are left out (the quotes of undated articles are counted elsewhere).
    """
    cols = ["period", "start", "end", "outlet", "count"]
    day_counts = counted(day_counts)
    days = pd.to_datetime(day_counts["day"].astype("string").str[:10], errors="coerce") if len(day_counts) else None
    if days is None or days.notna().sum() == 0:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame({"day": days, "outlet": day_counts["outlet"].fillna(UNKNOWN), "count": day_counts["count"]})
    df = df.dropna(subset=["day"])
    freq = freq or period_freq(df["day"].min().date(), df["day"].max().date())
    df["period"] = _period_start(df["day"], freq)
    out = df.groupby(["period", "outlet"], sort=True)["count"].sum().reset_index()
    out["start"] = out["period"].dt.date.map(date.isoformat)
    out["end"] = out["period"].map(lambda p: _period_end(p, freq).isoformat())
    return out[cols]


def quote_table(df: pd.DataFrame) -> pd.DataFrame:
    """The quotes as the table shows them: ``speaker, outlet, date, kind, verb, quote``.

    An unresolved speaker shows its mention as written; dates are ``YYYY-MM-DD`` whether the
    store gives dates, timestamps or strings; the frame's index is kept.
    """
    cols = ["speaker", "outlet", "date", "kind", "verb", "quote"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    speaker = df["speaker"].where(df["speaker"].notna(), df.get("mention"))
    return pd.DataFrame({"speaker": speaker, "outlet": df["outlet"], "date": df["published"].astype("string").str[:10],
                         "kind": df["kind"], "verb": df["cue"], "quote": df["text"]}, index=df.index)[cols]


def statement_rows(row: Mapping[str, Any], outlets: Sequence[str]) -> pd.DataFrame:
    """One statement of ``groups.statement_table`` as one row per outlet carrying it:
    ``outlet, verb, date, quote`` (each outlet's wording in full, one under the other)."""
    out = [{"outlet": o, "verb": row.get(f"{o} · verb"), "date": row.get(f"{o} · date"), "quote": row.get(f"{o} · quote")}
           for o in outlets if isinstance(row.get(f"{o} · quote"), str) and row.get(f"{o} · quote")]
    return pd.DataFrame(out, columns=["outlet", "verb", "date", "quote"])


def stance_cues(value: Any) -> pd.DataFrame:
    """A quote's ``stance`` cell as a table: ``target, label, score, cues`` (cues joined)."""
    from quotes.compare import _records

    rows = [{"target": r.get("target"), "label": r.get("label"), "score": round(float(r.get("score") or 0.0), 3),
             "cues": "; ".join(str(c) for c in (r.get("cues") or []))} for r in _records(value)]
    return pd.DataFrame(rows, columns=["target", "label", "score", "cues"])


# ---------------------------------------------------------------------------------------------
# One quote in its paragraph


def _span(start: Any, end: Any, length: int) -> tuple[int, int] | None:
    try:
        a, b = int(start), int(end)
    except (TypeError, ValueError):
        return None
    return (a, b) if 0 <= a < b <= length else None


def highlight_html(paragraph: str, start: Any, end: Any, mention: tuple[Any, Any] | None = None,
                   cue: tuple[Any, Any] | None = None) -> str:
    """The paragraph as HTML: every piece escaped, the quote in ``<mark>``, the mention and the
    reporting verb in ``<b>`` when they sit outside the quote. No other markup is produced."""
    n = len(paragraph)
    marks: list[tuple[int, int, str]] = []
    quote = _span(start, end, n)
    if quote:
        marks.append((*quote, "mark"))
    for extra in (mention, cue):
        span = _span(*extra, n) if extra else None
        if span and not (quote and span[0] < quote[1] and quote[0] < span[1]):
            marks.append((*span, "b"))
    marks.sort()
    out, pos = [], 0
    for a, b, tag in marks:
        if a < pos:  # overlapping marks: keep the first
            continue
        out.append(html.escape(paragraph[pos:a]))
        out.append(f"<{tag}>{html.escape(paragraph[a:b])}</{tag}>")
        pos = b
    out.append(html.escape(paragraph[pos:]))
    return f'<div style="line-height:1.6;white-space:pre-wrap">{"".join(out)}</div>'


_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def md_text(value: Any, limit: int | None = None) -> str:
    """A string that Streamlit's Markdown (headers, captions, labels) shows as written: every ASCII
    punctuation backslash-escaped (no link, image, emphasis or HTML), line breaks as spaces."""
    text = "" if value is None else " ".join(str(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", text)


def safe_url(url: Any) -> str | None:
    """``url`` when it is a plain http(s) link without spaces or control characters, else None."""
    if not isinstance(url, str) or not url or len(url) > 2000:
        return None
    if any(c.isspace() or unicodedata.category(c)[0] == "C" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


# ---------------------------------------------------------------------------------------------
# Figures


def plotly_text(value: Any, limit: int | None = None) -> str:
    """A string Plotly shows as written: escaped (Plotly reads ``<a>``, ``<b>``, ``<br>`` … in
    labels and hover texts), optionally cut to ``limit`` characters."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=False)


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, the same in every figure (outlets in alphabetical order, palette
    cycled); ``(unknown)`` is grey."""
    names = sorted({str(o) for o in outlets if o is not None and o != UNKNOWN})
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    colours[UNKNOWN] = "#999999"
    return colours


def _colour(colours: Mapping[str, str] | None, outlet: Any) -> str | None:
    return (colours or {}).get(str(outlet))


def table_height(rows: int, most: int = 560) -> int:
    """Pixels of a ``st.dataframe`` showing ``rows`` rows without empty space, at most ``most``."""
    return min(most, 35 * (max(rows, 1) + 1) + 3)


MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}


def _figure(traces: list[dict[str, Any]], **layout: Any) -> go.Figure:
    """A figure from plain trace and layout dicts, validated once by its constructor: adding traces
    one by one and updating the layout validate at every step, ten times slower (the dashboard
    builds its figures on every rerun)."""
    return go.Figure({"data": traces, "layout": {"margin": MARGIN, "legend": {"title": {"text": ""}}, **layout}})


def _empty(title: str) -> go.Figure:
    note = {"text": "No quotes for these filters", "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper"}
    return _figure([], annotations=[note], xaxis={"visible": False}, yaxis={"visible": False}, title={"text": title})


def fig_top_speakers(counts: pd.DataFrame, n: int = 15, colours: Mapping[str, str] | None = None) -> go.Figure:
    """Most quoted speakers: horizontal bars stacked by outlet. ``counts``: speaker, outlet, count.
    customdata per bar: ``[speaker, outlet]``."""
    title = f"Most quoted speakers (top {n})"
    counts = counted(counts)
    names = top(counts.dropna(subset=["speaker"]), "speaker", n)
    if not names:
        return _empty(title)
    df = counts[counts["speaker"].isin(names)].copy()
    df["outlet"] = df["outlet"].fillna(UNKNOWN)
    traces = [{"type": "bar", "y": [plotly_text(s) for s in part["speaker"]], "x": part["count"], "orientation": "h",
               "name": plotly_text(outlet), "marker": {"color": _colour(colours, outlet)},
               "customdata": part[["speaker", "outlet"]].to_numpy().tolist(),
               "hovertemplate": "%{y}<br>" + plotly_text(outlet) + ": %{x}<extra></extra>"}
              for outlet, part in df.groupby("outlet", sort=True)]
    order = [plotly_text(s) for s in reversed(names)]
    return _figure(traces, yaxis={"categoryorder": "array", "categoryarray": order}, barmode="stack",
                   title={"text": title}, height=max(300, 28 * len(names) + 80), xaxis={"title": {"text": "quotes"}})


def fig_timeline(day_counts: pd.DataFrame, freq: str | None = None,
                 colours: Mapping[str, str] | None = None) -> go.Figure:
    """Quotes over time by outlet: stacked bars per period (``timeline_counts``).
    customdata per bar: ``[outlet, start, end]``."""
    title = "Quotes over time by outlet"
    tl = timeline_counts(day_counts, freq)
    if tl.empty:
        return _empty(title)
    traces = [{"type": "bar", "x": part["period"], "y": part["count"], "name": plotly_text(outlet),
               "marker": {"color": _colour(colours, outlet)}, "customdata": part[["outlet", "start", "end"]].to_numpy().tolist(),
               "hovertemplate": plotly_text(outlet) + "<br>%{customdata[1]} → %{customdata[2]}: %{y}<extra></extra>"}
              for outlet, part in tl.groupby("outlet", sort=True)]
    return _figure(traces, barmode="stack", title={"text": title}, yaxis={"title": {"text": "quotes"}}, height=360)


def kind_shares(kind_counts: pd.DataFrame) -> pd.DataFrame:
    """Outlet × kind counts → ``outlet, kind, count, share`` (share of the outlet's quotes),
    every kind present for every outlet."""
    kind_counts = counted(kind_counts).drop(columns=["share"], errors="ignore")
    if kind_counts.empty:
        return pd.DataFrame(columns=["outlet", "kind", "count", "share"])
    df = kind_counts.assign(outlet=kind_counts["outlet"].fillna(UNKNOWN), kind=kind_counts["kind"].fillna(UNKNOWN))
    df = df.groupby(["outlet", "kind"])["count"].sum()
    kinds = list(KINDS) + sorted(set(df.index.get_level_values("kind")) - set(KINDS))
    full = pd.MultiIndex.from_product([sorted(set(df.index.get_level_values("outlet"))), kinds], names=["outlet", "kind"])
    out = df.reindex(full, fill_value=0).reset_index()
    return with_shares(out)


def fig_kind_share(kind_counts: pd.DataFrame) -> go.Figure:
    """Share of direct / indirect / mixed quotes per outlet (100 % bars).
    customdata per bar: ``[outlet, kind]``."""
    title = "Direct, indirect and mixed quotes per outlet"
    df = kind_shares(kind_counts)
    if df.empty:
        return _empty(title)
    traces = [{"type": "bar", "y": [plotly_text(o) for o in part["outlet"]], "x": part["share"], "orientation": "h",
               "name": plotly_text(kind), "marker": {"color": KIND_COLOURS.get(str(kind))},
               "customdata": part[["outlet", "kind", "count"]].to_numpy().tolist(),
               "hovertemplate": "%{y}<br>" + plotly_text(kind) + ": %{x:.0%} (%{customdata[2]})<extra></extra>"}
              for kind, part in df.groupby("kind", sort=False)]
    return _figure(traces, xaxis={"tickformat": ".0%", "range": [0, 1]}, barmode="stack", title={"text": title},
                   height=max(260, 40 * df["outlet"].nunique() + 100))


def fig_heatmap(counts: pd.DataFrame, n: int = 30) -> go.Figure:
    """Speaker × outlet: one square per cell, its colour the number of quotes. A scatter of
    squares rather than a heatmap trace so that cells can be selected.
    customdata per cell: ``[speaker, outlet, count]``."""
    title = f"Speakers × outlets (top {n} speakers)"
    counts = counted(counts)
    names = top(counts.dropna(subset=["speaker"]), "speaker", n)
    if not names:
        return _empty(title)
    df = counts[counts["speaker"].isin(names)].copy()
    df["outlet"] = df["outlet"].fillna(UNKNOWN)
    df = df.groupby(["speaker", "outlet"], as_index=False)["count"].sum()
    cells = {"type": "scatter", "x": [plotly_text(o) for o in df["outlet"]], "y": [plotly_text(s) for s in df["speaker"]],
             "mode": "markers+text", "text": df["count"].astype(str),
             "textfont": {"size": 10, "color": ["white" if c > 0.55 * df["count"].max() else "#333" for c in df["count"]]},
             "marker": {"symbol": "square", "size": 26, "color": df["count"], "colorscale": "Blues", "showscale": True,
                        "line": {"width": 0}, "colorbar": {"title": {"text": "quotes"}}},
             "customdata": df[["speaker", "outlet", "count"]].to_numpy().tolist(),
             "hovertemplate": "%{y} in %{x}: %{customdata[2]}<extra></extra>"}
    return _figure([cells], yaxis={"categoryorder": "array", "categoryarray": [plotly_text(s) for s in reversed(names)]},
                   xaxis={"categoryorder": "category ascending", "side": "top"},
                   title={"text": title, "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 8}},
                   height=max(320, 30 * len(names) + 190),
                   margin={**MARGIN, "t": 150})  # the outlets' slanted names between the title and the squares


def fig_speaker_timeline(quotes: pd.DataFrame, speaker: str) -> go.Figure:
    """One speaker's quotes over time across outlets: a point per quote (x date, y outlet),
    coloured by kind, the quote in the hover. customdata per point: ``[quote id]``."""
    title = f"{speaker}: quotes over time"
    df = quotes.assign(day=pd.to_datetime(quotes["published"].astype("string").str[:10], errors="coerce"))
    df = df.dropna(subset=["day"])
    if df.empty:
        return _empty(plotly_text(title))
    traces = [{"type": "scatter", "x": part["day"], "y": [plotly_text(o) for o in part["outlet"].fillna(UNKNOWN)],
               "mode": "markers", "name": plotly_text(kind), "marker": {"size": 11, "color": KIND_COLOURS.get(str(kind))},
               "text": [plotly_text(t, 160) for t in part["text"]], "customdata": [[i] for i in quote_ids(part)],
               "hovertemplate": "%{x|%Y-%m-%d} · %{y}<br>%{text}<extra></extra>"}
              for kind, part in df.groupby("kind", sort=True)]
    return _figure(traces, title={"text": plotly_text(title)}, height=320)


def _stance_colour(score: float) -> str:
    return STANCE_COLOURS["favorable"] if score > 0 else STANCE_COLOURS["opposed"] if score < 0 else STANCE_COLOURS["neutral"]


def fig_stance(stance: pd.DataFrame, title: str = "Stance by target", targets: Sequence[str] | None = None,
               colours: Mapping[str, str] | None = None) -> go.Figure:
    """Mean stance score per target, a bar per outlet (``compare.mean_stance`` /
    ``store.stance_by_outlet_target`` columns: outlet, target, mean_score, count, favorable, opposed,
    neutral). One outlet: bars coloured by sign. ``targets``: the x axis, shared by side-by-side
    figures. customdata: ``[outlet, target, count]``."""
    stance = counted(stance)
    if stance.empty:
        return _empty(title)
    single = stance["outlet"].nunique() == 1
    traces = [{"type": "bar", "x": [plotly_text(t) for t in part["target"]], "y": part["mean_score"], "name": plotly_text(outlet),
               "marker": {"color": [_stance_colour(v) for v in part["mean_score"]] if single else _colour(colours, outlet)},
               "customdata": part[["outlet", "target", "count"]].to_numpy().tolist(),
               "hovertemplate": plotly_text(outlet) + "<br>%{x}: %{y:.2f} over %{customdata[2]} quotes<extra></extra>"}
              for outlet, part in stance.groupby("outlet", sort=True)]
    xaxis = ({"categoryorder": "array", "categoryarray": [plotly_text(t) for t in targets], "range": [-0.5, len(targets) - 0.5]}
             if targets else {})
    return _figure(traces, xaxis=xaxis, yaxis={"range": [-1, 1], "title": {"text": "mean stance (−1 opposed … +1 favorable)"}},
                   barmode="group", title={"text": title}, height=340, showlegend=not single)


def fig_shares(shares: pd.DataFrame, key: str, title: str, n: int = 10) -> go.Figure:
    """One outlet's shares of ``key`` (speaker, frame …) as horizontal bars, top ``n``.
    ``shares``: outlet, ``key``, count, share. customdata per bar: ``[outlet, key value]``."""
    shares = counted(shares)
    if shares.empty:
        return _empty(title)
    df = shares.sort_values(["count", key], ascending=[False, True]).head(n).iloc[::-1]
    data = df[["outlet", key, "count"]]
    bars = {"type": "bar", "y": [plotly_text(v) for v in df[key].fillna(UNKNOWN)], "x": df["share"], "orientation": "h",
            "customdata": data.astype(object).where(data.notna(), None).to_numpy().tolist(),
            "hovertemplate": "%{y}: %{x:.0%} (%{customdata[2]})<extra></extra>"}
    return _figure([bars], xaxis={"tickformat": ".0%"}, title={"text": title}, height=max(220, 26 * len(df) + 80),
                   showlegend=False)


# ---------------------------------------------------------------------------------------------
# Drill-down: a selection on a figure → the filters of what it counts


def selected(event: Any) -> list[list[Any]]:
    """The ``customdata`` of the selected points of a ``st.plotly_chart(on_select="rerun")`` event."""
    if not event:
        return []
    selection = event.get("selection", {}) if isinstance(event, Mapping) else getattr(event, "selection", {})
    points = selection.get("points", []) if isinstance(selection, Mapping) else getattr(selection, "points", [])
    out = []
    for p in points or []:
        data = p.get("customdata") if isinstance(p, Mapping) else None
        if isinstance(data, list | tuple) and data:
            out.append(list(data))
    return out


def _distinct(values: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for v in values:
        if isinstance(v, str) and v and v != UNKNOWN and v not in out:
            out.append(v)
    return out


def drill(chart: str, points: list[list[Any]]) -> dict[str, Any]:
    """The filter changes a selection on ``chart`` stands for (empty: nothing selected).

    ``speakers`` / ``outlets`` (bars and cells), ``kinds``, ``targets``, ``frames``, a period
    ``since`` … ``until`` (timeline bars), or ``ids`` (points that are single quotes).
    """
    if not points:
        return {}
    col = list(zip(*[p + [None] * 3 for p in points], strict=False))
    if chart in ("speakers", "heatmap"):
        return {"speakers": _distinct(col[0]), "outlets": _distinct(col[1])}
    if chart == "timeline":
        return {"outlets": _distinct(col[0]), "since": min(col[1]), "until": max(col[2])}
    if chart == "kinds":
        return {"outlets": _distinct(col[0]), "kinds": _distinct(col[1])}
    if chart == "stance":
        return {"outlets": _distinct(col[0]), "targets": _distinct(col[1])}
    if chart in ("voices", "frames"):
        key = "speakers" if chart == "voices" else "frames"
        return {"outlets": _distinct(col[0]), key: _distinct(col[1])}
    if chart == "quotes":
        return {"ids": _distinct(col[0])}
    raise ValueError(f"unknown chart {chart!r}")


def drill_label(changes: Mapping[str, Any]) -> str:
    """A one-line plain-text description of a drill-down (for ``st.caption``-free display)."""
    parts = []
    for key in ("speakers", "outlets", "kinds", "targets", "frames"):
        if changes.get(key):
            parts.append(f"{key}: {', '.join(changes[key])}")
    if changes.get("since"):
        parts.append(f"{changes['since']} → {changes.get('until')}")
    if changes.get("ids"):
        parts.append(f"{len(changes['ids'])} selected quote(s)")
    return "; ".join(parts)


# ---------------------------------------------------------------------------------------------
# Uploads and exports


def upload_label(name: Any) -> str:
    """What an uploaded file is called on the page and in the store: its base name only, no
    directories, no control characters, at most 120 characters. Never used as a path."""
    raw = str(name or "")
    base = PureWindowsPath(PurePosixPath(raw).name).name
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    return base[:120] or "upload"


def check_upload(name: Any, size: int, limit: int = MAX_UPLOAD_BYTES) -> str | None:
    """Why an upload is refused (type or size), or None when it can be ingested."""
    label = upload_label(name)
    ext = label.rsplit(".", 1)[-1].lower() if "." in label else ""
    if ext not in UPLOAD_TYPES:
        return f"{label}: not a {', '.join('.' + t for t in UPLOAD_TYPES)} file"
    if size > limit:
        return f"{label}: {size / 1024 / 1024:.1f} MB, more than the {limit / 1024 / 1024:.0f} MB allowed"
    if size == 0:
        return f"{label}: empty file"
    return None


def _cell(value: Any) -> Any:
    from quotes.store import safe_cell

    if isinstance(value, list | tuple | dict):
        value = json.dumps(value, ensure_ascii=False, default=str)
    elif hasattr(value, "tolist") and not isinstance(value, str):
        value = json.dumps(value.tolist(), ensure_ascii=False, default=str)
    return safe_cell(value) if isinstance(value, str) else value


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The quotes as UTF-8 CSV (with BOM, for spreadsheets); nested cells as JSON, every string
    cell through ``store.safe_cell`` so a spreadsheet never runs a cell as a formula."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_cell)
    return out.to_csv(index=False).encode("utf-8-sig")


def parquet_bytes(df: pd.DataFrame) -> bytes:
    """The quotes as a Parquet file."""
    buf = io.BytesIO()
    df.reset_index(drop=True).to_parquet(buf, index=False)
    return buf.getvalue()


_SLUG = re.compile(r"[^a-z0-9]+")


def export_name(f: Any, ext: str) -> str:
    """A download file name that says what was filtered: ``quotes-<speaker>-<outlet>.csv``."""
    parts = ["quotes"]
    for name in ("speakers", "outlets"):
        values = getattr(f, name, None) or []
        if len(values) == 1:
            folded = unicodedata.normalize("NFKD", str(values[0]).lower()).encode("ascii", "ignore").decode()
            parts.append(_SLUG.sub("-", folded).strip("-")[:40])
    return "-".join(p for p in parts if p) + f".{ext}"
