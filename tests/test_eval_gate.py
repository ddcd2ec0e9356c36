"""Quality floors: fails CI when detection or end-to-end F1 drops.

On the shared UD-French gold set (where it is present), through the real CLI (`quotes sentences`)
and the shared scorer, as a user would; and on the team's invented set
(`tests/data/attribution_eval.jsonl`, scored by `benchmarks/eval_attribution.py`), everywhere.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVAL, benchmark, needs_eval

FLOORS = {"detection": 0.78, "end_to_end": 0.66}


def _score(tmp_path, *extra: str) -> dict:
    pred = tmp_path / "pred.jsonl"
    gold = EVAL / "ud_fr_quotes.dev.jsonl"
    subprocess.run([sys.executable, "-m", "quotes", "sentences", str(gold), "-o", str(pred)], check=True)
    out = subprocess.run([sys.executable, str(EVAL / "score_quotes.py"), str(gold), str(pred), "--json", *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


@needs_eval
@pytest.mark.parametrize("subset", [(), ("--source", "news")], ids=["all", "news"])
def test_f1_floor(tmp_path, subset):
    res = _score(tmp_path, *subset)
    det, e2e = res["detection"]["overall"]["f1"], res["end_to_end"]["f1"]
    print(f"detection F1 {det:.3f}, end-to-end F1 {e2e:.3f}")
    assert det >= FLOORS["detection"], f"detection F1 {det:.3f} < {FLOORS['detection']}"
    assert e2e >= FLOORS["end_to_end"], f"end-to-end F1 {e2e:.3f} < {FLOORS['end_to_end']}"


@needs_eval
def test_few_quotes_on_sentences_with_marks_and_no_quote(tmp_path):
    """Titles, names and scare quotes are the classic false positive: at most 10 on the dev set."""
    gold = EVAL / "ud_fr_quotes.dev.jsonl"
    negatives = {r["id"] for r in map(json.loads, gold.open(encoding="utf-8")) if r["has_quote_marks"] and not r["quotes"]}
    pred = tmp_path / "pred.jsonl"
    subprocess.run([sys.executable, "-m", "quotes", "sentences", str(gold), "-o", str(pred)], check=True)
    n = sum(len(p["quotes"]) for p in map(json.loads, pred.open(encoding="utf-8")) if p["id"] in negatives)
    assert len(negatives) >= 100
    assert n <= 10, f"{n} quotes predicted on {len(negatives)} sentences with marks and no quote"


# ------------------------------------------------------------------------------ the team's invented set

ROOT = Path(__file__).resolve().parents[1]
OWN_FLOORS = {"detection": 0.95, "end_to_end": 0.93}  # per batch; measured in the README (Quality)


def _eval_attribution():  # noqa: ANN202
    return benchmark("eval_attribution")


@pytest.mark.parametrize("batch", ["inv", "inv2", "inv3", "inv4", "inv5", "inv6"])
def test_f1_floor_on_the_invented_set(batch):
    """The extractor on the 980 invented sentences of tests/data/attribution_eval.jsonl: runs in CI,
    where the shared set is absent."""
    res = _eval_attribution().score(_eval_attribution().load(batch))
    det, e2e = res["detection"][2], res["end_to_end"][2]
    print(f"{batch}: detection F1 {det:.3f}, end-to-end F1 {e2e:.3f}")
    assert res["gold"] > 100
    assert det >= OWN_FLOORS["detection"], f"detection F1 {det:.3f} < {OWN_FLOORS['detection']}"
    assert e2e >= OWN_FLOORS["end_to_end"], f"end-to-end F1 {e2e:.3f} < {OWN_FLOORS['end_to_end']}"


@pytest.mark.parametrize(("gold", "pred", "ok"), [
    ("Ferrand", "Julien Ferrandis", False),  # whole words only
    ("Ferrand", "le député Hugo Ferrand", True),
    ("maire", "le maire de Brénoville, qui a réuni hier soir le conseil municipal au complet", False),  # a clause
])
def test_invented_set_scorer_speaker(gold, pred, ok):
    record = {"speaker": f"le député {gold}", "speaker_keys": [gold]}
    assert _eval_attribution().speaker_ok(pred, record) is ok


def test_invented_set_spans_match_their_text():
    for rec in _eval_attribution().load():
        for q in rec["quotes"]:
            for field in ("content", "cue", "speaker"):
                if q.get(f"{field}_span"):
                    a, b = q[f"{field}_span"]
                    assert rec["text"][a:b] == q[field], (rec["id"], field)


# ------------------------------------------------------------------------------ speakers across whole articles

SPEAKER_FLOORS = {"found": 0.70, "right": 0.75}  # per batch; measured in the README (Quality)


def _eval_speakers():  # noqa: ANN202
    return benchmark("eval_speakers")


@pytest.mark.parametrize("batch", ["spka", "spkb", "spkc", "spkd", "spke", "spkf", "spkg", "spkh", "spki"])
def test_speaker_resolution_floor(batch):
    """Quotes found and speakers resolved across the invented articles of tests/data/speaker_eval.jsonl."""
    res = _eval_speakers().score(_eval_speakers().load(batch))
    found, right = res["found"] / res["gold"], res["right"] / max(res["found"], 1)
    print(f"{batch}: found {found:.3f}, speaker right on those found {right:.3f}")
    assert res["gold"] > 100
    assert found >= SPEAKER_FLOORS["found"], f"found {found:.3f} < {SPEAKER_FLOORS['found']}"
    assert right >= SPEAKER_FLOORS["right"], f"speaker right {right:.3f} < {SPEAKER_FLOORS['right']}"


@pytest.mark.parametrize(("keys", "pred", "ok"), [
    (["Ferrand"], "Jacques Ferrand", True),
    (["Ferrand"], "Jacques Ferrandis", False),  # whole words only
    (["Mer Vivante", "ONG"], "l'ONG Mer Vivante", True),
    (["source"], None, False),
])
def test_speaker_set_scorer(keys, pred, ok):
    assert _eval_speakers().speaker_right(pred, keys) is ok
