"""Compare outlets: pure functions over a pandas DataFrame of quotes.

The frame has one row per quote and the ``Quote`` fields as columns (``outlet``, ``speaker``,
``frame``, ``stance`` …), as the store returns it. ``stance`` holds, per quote, a list of dicts
``{"target", "label", "score", "cues"}``; a JSON string or an array of dicts (what a Parquet
round trip gives) is read the same way.

* ``frame_distribution(df)``  how each outlet frames the words it reports (reporting-verb class);
* ``share_of_voice(df)``      whom each outlet quotes, and how much;
* ``mean_stance(df)``         the stance toward each target in the quotes each outlet carries;
* ``stance_rows(df)``         one row per (quote, target), what ``mean_stance`` aggregates.

A long quotation split over paragraphs gives one quote per paragraph (``part`` 0, 1, 2 …): the
counts of voices and frames take only its first part, so a long quotation is counted once.
Missing outlets, speakers and frames are grouped under ``UNKNOWN`` rather than dropped, so
shares add up to 1 over what the outlet published.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pandas as pd

UNKNOWN = "(unknown)"
LABELS = ("favorable", "opposed", "neutral")


def _first_parts(df: pd.DataFrame) -> pd.DataFrame:
    """The quotes, each long quotation once (its part 0)."""
    if "part" not in df.columns:
        return df
    return df[df["part"].fillna(0).astype(int) == 0]


def _shares(df: pd.DataFrame, key: str) -> pd.DataFrame:
    """Count rows by (outlet, key); share = count / the outlet's total; sorted by outlet, count."""
    cols = ["outlet", key, "count", "share"]
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "share" else "int64" if c == "count" else "object") for c in cols})
    keyed = pd.DataFrame({"outlet": df["outlet"].fillna(UNKNOWN), key: df[key].fillna(UNKNOWN)})
    out = keyed.groupby(["outlet", key], sort=False).size().rename("count").reset_index()
    out["share"] = out["count"] / out.groupby("outlet")["count"].transform("sum")
    out = out.sort_values(["outlet", "count", key], ascending=[True, False, True], kind="stable")
    return out.reset_index(drop=True)[cols]


def frame_distribution(df: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, how many of its quotes each frame (reporting-verb class) introduces, and the
    share of the outlet's quotes: columns ``outlet, frame, count, share``."""
    return _shares(_first_parts(df), "frame")


def share_of_voice(df: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, how many of its quotes each speaker has, and the share of the outlet's
    quotes: columns ``outlet, speaker, count, share``."""
    return _shares(_first_parts(df), "speaker")


def _records(value: Any) -> list[dict[str, Any]]:
    """A ``stance`` cell as a list of dicts, whatever the storage made of it."""
    if value is None or isinstance(value, float) and pd.isna(value):
        return []
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    if isinstance(value, dict):
        return [value]
    return [dict(v) for v in value] if isinstance(value, Iterable) else []


def stance_rows(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (quote, target): columns ``outlet, speaker, target, label, score``."""
    rows = []
    outlets = df["outlet"] if "outlet" in df.columns else pd.Series([None] * len(df), index=df.index)
    speakers = df["speaker"] if "speaker" in df.columns else pd.Series([None] * len(df), index=df.index)
    for outlet, speaker, cell in zip(outlets, speakers, df["stance"], strict=True):
        for rec in _records(cell):
            rows.append({"outlet": outlet if isinstance(outlet, str) else UNKNOWN, "speaker": speaker,
                         "target": rec.get("target"), "label": rec.get("label", "neutral"),
                         "score": float(rec.get("score", 0.0))})
    return pd.DataFrame(rows, columns=["outlet", "speaker", "target", "label", "score"])


def mean_stance(df: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and target: the mean stance score of the quotes naming the target, their count
    and how many are favorable / opposed / neutral. Columns
    ``outlet, target, mean_score, count, favorable, opposed, neutral``."""
    cols = ["outlet", "target", "mean_score", "count", *LABELS]
    rows = stance_rows(df)
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "mean_score" else "object" if c in ("outlet", "target") else "int64") for c in cols})
    grouped = rows.groupby(["outlet", "target"], sort=True)
    out = grouped["score"].agg(mean_score="mean", count="size").reset_index()
    labels = pd.crosstab([rows["outlet"], rows["target"]], rows["label"]).reindex(columns=list(LABELS), fill_value=0)
    out = out.merge(labels.reset_index(), on=["outlet", "target"], how="left")
    out[list(LABELS)] = out[list(LABELS)].fillna(0).astype(int)
    return out[cols].reset_index(drop=True)
