"""Evaluate the extractor on the team's invented attribution set ``tests/data/attribution_eval.jsonl``.

    python benchmarks/eval_attribution.py [--batch inv|inv2|inv3|inv4|inv5|inv6] [--errors]

1,180 invented French news sentences (people, outlets and towns all invented), labelled in the
format and conventions of the shared UD-French set (``../shared/eval/README.md``) by six writers
who saw neither the code nor the shared sentences: batches ``inv`` (180 sentences), ``inv2`` (200),
``inv3``, ``inv4``, ``inv5`` and ``inv6`` (200 each), each scored once before any rule was written for it
(see the README, Quality).

Scored as the shared scorer scores: per sentence, a predicted quote matches a gold quote when the
token F1 of their contents is at least 0.5, pairs with the right speaker first (the predicted
speaker contains one of the gold ``speaker_keys``), one to one; a prediction that matches only an
optional gold quote counts for nothing. Printed: detection and end-to-end (with the speaker)
precision, recall and F1, overall and per gold type.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.extract import extract_text  # noqa: E402

EVAL = ROOT / "tests" / "data" / "attribution_eval.jsonl"
MATCH_F1 = 0.5  # token F1 from which a predicted content matches a gold one
SPEAKER_SLACK = 3  # words a predicted speaker may have beyond the gold speaker phrase
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'").replace("'", " "))


def token_f1(a: str, b: str) -> float:
    """The F1 of the bags of words of ``a`` and ``b`` (lower case, punctuation and apostrophes out)."""
    ta, tb = Counter(_tokens(a)), Counter(_tokens(b))
    common = sum((ta & tb).values())
    return 0.0 if common == 0 else 2 * common / (sum(ta.values()) + sum(tb.values()))


def speaker_ok(predicted: str | None, gold: dict[str, Any]) -> bool:
    """Whether the predicted speaker phrase holds one of the gold speaker keys as whole words, and
    is at most ``SPEAKER_SLACK`` words longer than the gold phrase (a speaker, not a clause)."""
    words = _tokens(predicted or "")
    if not words or len(words) > len(_tokens(gold.get("speaker") or "")) + SPEAKER_SLACK:
        return False
    return any(_contains(words, _tokens(k)) for k in gold.get("speaker_keys") or [])


def _contains(words: list[str], key: list[str]) -> bool:
    return bool(key) and any(words[i : i + len(key)] == key for i in range(len(words) - len(key) + 1))


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int, bool]]:
    """One-to-one matches (gold index, predicted index, speaker right): required gold first, then
    pairs with the right speaker, then by decreasing token F1."""
    pairs = []
    for g, q in enumerate(gold):
        for p, r in enumerate(pred):
            f1 = token_f1(q["content"], r["content"])
            if f1 >= MATCH_F1:
                ok = speaker_ok(r.get("speaker"), q)
                pairs.append((bool(q.get("optional")), not ok, -f1, g, p, ok))
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    out = []
    for _opt, _bad, _f1, g, p, ok in sorted(pairs):
        if g not in taken_g and p not in taken_p:
            taken_g.add(g)
            taken_p.add(p)
            out.append((g, p, ok))
    return out


def predict(text: str) -> list[dict[str, Any]]:
    return [{"content": q.text, "speaker": q.mention, "type": q.kind} for q in extract_text(text)]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Detection and end-to-end precision, recall and F1 over ``records`` (and detection recall
    per gold type), with the sentences that went wrong."""
    gold_n = pred_n = tp = tp_e2e = 0
    by_type: Counter[str] = Counter()
    found_type: Counter[str] = Counter()
    wrong = []
    for rec in records:
        gold, pred = rec["quotes"], predict(rec["text"])
        pairs = match(gold, pred)
        optional_hits = sum(1 for g, _p, _ok in pairs if gold[g].get("optional"))
        required = [q for q in gold if not q.get("optional")]
        hits = [(g, ok) for g, _p, ok in pairs if not gold[g].get("optional")]
        gold_n += len(required)
        pred_n += len(pred) - optional_hits
        tp += len(hits)
        tp_e2e += sum(ok for _g, ok in hits)
        by_type.update(q["type"] for q in required)
        found_type.update(gold[g]["type"] for g, _ok in hits)
        if len(hits) < len(required) or not all(ok for _g, ok in hits) or len(pred) - optional_hits > len(hits):
            wrong.append((rec, pred))
    return {"detection": _prf(tp, pred_n, gold_n), "end_to_end": _prf(tp_e2e, pred_n, gold_n),
            "gold": gold_n, "predicted": pred_n,
            "recall_by_type": {t: found_type[t] / n for t, n in sorted(by_type.items())}, "wrong": wrong}


def load(batch: str | None = None) -> list[dict[str, Any]]:
    """The records of the set (of one batch: the id prefix ``inv``, ``inv2`` … ``inv6``)."""
    recs = [json.loads(line) for line in EVAL.open(encoding="utf-8") if line.strip()]
    return [r for r in recs if batch is None or r["id"].rsplit("-", 1)[0] == batch]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", choices=("inv", "inv2", "inv3", "inv4", "inv5", "inv6"))
    ap.add_argument("--errors", action="store_true", help="print the sentences that went wrong")
    args = ap.parse_args()
    res = score(load(args.batch))
    print(f"{res['gold']} gold quotes, {res['predicted']} predicted")
    for name in ("detection", "end_to_end"):
        p, r, f = res[name]
        print(f"{name:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print("detection recall by gold type: " + ", ".join(f"{t} {v:.3f}" for t, v in res["recall_by_type"].items()))
    if args.errors:
        for rec, pred in res["wrong"]:
            print(f"\n{rec['id']}: {rec['text']}")
            for q in rec["quotes"]:
                print(f"  gold {q['type']:<8} {q['speaker']!s:<40} {q['content'][:80]}")
            for q in pred:
                print(f"  pred {q['type']:<8} {q['speaker']!s:<40} {q['content'][:80]}")


if __name__ == "__main__":
    main()
