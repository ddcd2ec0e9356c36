"""Quality floor on the shared UD-French gold set: fails CI when detection or end-to-end F1 drops.

Runs the real CLI (`quotes sentences`) and the shared scorer, as a user would.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EVAL, needs_eval

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
