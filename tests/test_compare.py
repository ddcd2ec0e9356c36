"""Outlet comparisons on small hand-built frames whose answers are known."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from quotes import compare
from quotes.model import Quote


def st(target: str, label: str, score: float) -> dict:
    return {"target": target, "label": label, "score": score, "cues": []}


@pytest.fixture
def quotes() -> pd.DataFrame:
    return pd.DataFrame([
        {"outlet": "RT", "speaker": "Lavrov", "frame": "neutral", "part": 0,
         "stance": [st("OTAN", "opposed", -0.6)]},
        {"outlet": "RT", "speaker": "Lavrov", "frame": "accusatory", "part": 0,
         "stance": [st("OTAN", "opposed", -0.8), st("dialogue", "favorable", 0.5)]},
        {"outlet": "RT", "speaker": "Zakharova", "frame": "accusatory", "part": 0,
         "stance": [st("OTAN", "neutral", 0.1)]},
        {"outlet": "RT", "speaker": "Lavrov", "frame": "accusatory", "part": 1,  # same quotation, 2nd paragraph
         "stance": [st("OTAN", "opposed", -0.4)]},
        {"outlet": "Xinhua", "speaker": "Stoltenberg", "frame": "neutral", "part": 0,
         "stance": [st("dialogue", "favorable", 0.9), st("Russie", "neutral", 0.0)]},
        {"outlet": "Xinhua", "speaker": "Stoltenberg", "frame": "assertive", "part": 0, "stance": []},
    ])


def as_dict(df: pd.DataFrame, key: str, value: str) -> dict:
    return {(r["outlet"], r[key]): r[value] for _, r in df.iterrows()}


def test_frame_distribution(quotes: pd.DataFrame) -> None:
    out = compare.frame_distribution(quotes)
    assert list(out.columns) == ["outlet", "frame", "count", "share"]
    assert as_dict(out, "frame", "count") == {("RT", "accusatory"): 2, ("RT", "neutral"): 1,
                                              ("Xinhua", "assertive"): 1, ("Xinhua", "neutral"): 1}
    assert as_dict(out, "frame", "share")[("RT", "accusatory")] == pytest.approx(2 / 3)
    assert out.groupby("outlet")["share"].sum().tolist() == pytest.approx([1.0, 1.0])
    assert out.iloc[0].tolist()[:2] == ["RT", "accusatory"]  # by outlet, most frequent first


def test_share_of_voice(quotes: pd.DataFrame) -> None:
    out = compare.share_of_voice(quotes)
    assert list(out.columns) == ["outlet", "speaker", "count", "share"]
    assert as_dict(out, "speaker", "count") == {("RT", "Lavrov"): 2, ("RT", "Zakharova"): 1, ("Xinhua", "Stoltenberg"): 2}
    assert as_dict(out, "speaker", "share") == pytest.approx({("RT", "Lavrov"): 2 / 3, ("RT", "Zakharova"): 1 / 3,
                                                              ("Xinhua", "Stoltenberg"): 1.0})


def test_mean_stance(quotes: pd.DataFrame) -> None:
    out = compare.mean_stance(quotes)
    assert list(out.columns) == ["outlet", "target", "mean_score", "count", "favorable", "opposed", "neutral"]
    rows = {(r["outlet"], r["target"]): r for _, r in out.iterrows()}
    assert set(rows) == {("RT", "OTAN"), ("RT", "dialogue"), ("Xinhua", "dialogue"), ("Xinhua", "Russie")}
    otan = rows[("RT", "OTAN")]
    assert otan["count"] == 4 and otan["mean_score"] == pytest.approx((-0.6 - 0.8 + 0.1 - 0.4) / 4)
    assert (otan["favorable"], otan["opposed"], otan["neutral"]) == (0, 3, 1)
    assert rows[("Xinhua", "dialogue")]["mean_score"] == pytest.approx(0.9)
    assert rows[("Xinhua", "Russie")]["neutral"] == 1


def test_stance_as_json_text(quotes: pd.DataFrame) -> None:
    stored = quotes.assign(stance=quotes["stance"].map(json.dumps))
    pd.testing.assert_frame_equal(compare.mean_stance(stored), compare.mean_stance(quotes))


def test_missing_values_are_grouped_not_dropped() -> None:
    df = pd.DataFrame([{"outlet": None, "speaker": None, "frame": None, "stance": None},
                       {"outlet": "RT", "speaker": "Lavrov", "frame": "neutral", "stance": "[]"}])
    assert compare.share_of_voice(df)["speaker"].tolist() == [compare.UNKNOWN, "Lavrov"]
    assert compare.frame_distribution(df)["count"].sum() == 2
    assert compare.mean_stance(df).empty


def test_no_part_column_counts_every_row() -> None:
    df = pd.DataFrame([{"outlet": "RT", "speaker": "A", "frame": "neutral", "stance": []}] * 3)
    assert compare.share_of_voice(df)["count"].tolist() == [3]


@pytest.mark.parametrize("fn", [compare.frame_distribution, compare.share_of_voice, compare.mean_stance])
def test_empty_frame(fn) -> None:
    empty = pd.DataFrame(columns=["outlet", "speaker", "frame", "part", "stance"])
    out = fn(empty)
    assert out.empty and len(out.columns) >= 4


def test_frame_built_from_quote_objects() -> None:
    q = Quote(article_id="a", source="s", paragraph=0, start=0, end=3, kind="direct", text="abc", cue="dit",
              cue_lemma="dire", cue_class="speech", mention="X", speaker="X", outlet="RT", frame="neutral",
              stance=[st("OTAN", "favorable", 0.5)], targets=["OTAN"])
    df = pd.DataFrame([q.to_dict()])
    assert compare.mean_stance(df)[["outlet", "target", "count", "favorable"]].values.tolist() == [["RT", "OTAN", 1, 1]]
    assert compare.share_of_voice(df)["share"].tolist() == [1.0]
