"""Evaluate quotes.stance on the hand-labelled set ``tests/data/stance_eval.jsonl``.

    python benchmarks/eval_stance.py [--split dev|holdout|all] [--batch 1,2,3,4] [--errors] [--speed]
    python benchmarks/eval_stance.py --split holdout --second   # how far a second annotator agrees

Each line is ``{"id", "speaker", "verb", "text", "labels": [{"target", "stance"}], "split"}``.
Every gold (quote, target) pair is scored: the predicted label is the one ``stance.score`` gives
that target, ``neutral`` when it does not find the target. Printed: accuracy and macro-F1 (mean
F1 over the labels present in the gold or the predictions) per target and overall, the
confusion matrix, and how many gold targets were found.

The split is filtered on reading, before anything is shown; ``--errors`` (the misclassified
pairs with their text and cues) only works on the dev split: the holdout text is never printed.

``--second`` also scores the labels of a second annotator (``tests/data/stance_second.jsonl``:
``{"id", "labels"}`` for the quotes they labelled blind, from the text, speaker, verb and gold
targets, without the gold stances) against the gold ones, with Cohen's kappa: how much of the
distance between the system and the gold is the labels' own uncertainty.

``--speed [PATH …]`` times the end-to-end pipeline (read, meta, clean, extract, speakers) over
PATH (default /work/shared/seeds) without and with ``stance.score`` and prints the ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes import stance  # noqa: E402
from quotes.model import Article, Quote  # noqa: E402

EVAL = ROOT / "tests" / "data" / "stance_eval.jsonl"
SECOND = ROOT / "tests" / "data" / "stance_second.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"
LABELS = ("favorable", "opposed", "neutral")


# The later batches by id prefix (the first is a…, b001…): each written by two new annotators,
# after the rules had been tuned on the dev part of the batches before it.
BATCHES = {"2": ("b1-", "b2-"), "3": ("b3-", "b4-"), "4": ("b5-", "b6-"), "5": ("b7-", "b8-"), "6": ("b9-", "b10-"),
           "7": ("b11-", "b12-"), "8": ("b13-", "b14-")}


def _batch(rec_id: str) -> str:
    return next((name for name, prefixes in BATCHES.items() if rec_id.startswith(prefixes)), "1")


def load(split: str, path: Path = EVAL, batch: str | None = None) -> list[dict[str, Any]]:
    """The lines of ``split`` (``all``: every line), of the batches ``batch`` names when given
    (``"3"``, ``"1,2"``); the others are dropped unread."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if (split == "all" or rec.get("split") == split) and (batch is None or _batch(rec["id"]) in batch.split(",")):
                    out.append(rec)
    return out


def predict(rec: dict[str, Any]) -> Quote:
    """The quote of one line, scored as the pipeline would (the quote is its own article)."""
    q = Quote(article_id=str(rec["id"]), source="eval", paragraph=0, start=0, end=len(rec["text"]),
              kind="direct", text=rec["text"], cue=rec.get("verb") or "", cue_lemma=rec.get("verb") or "",
              cue_class="speech", mention=rec.get("speaker"), speaker=rec.get("speaker"))
    article = Article(id=str(rec["id"]), source="eval", title="", paragraphs=[rec["text"]])
    return stance.score(article, [q])[0]


def pairs(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One (gold, predicted) pair per labelled target."""
    out = []
    for rec in recs:
        q = predict(rec)
        got = {s["target"]: s for s in q.stance}
        for lab in rec["labels"]:
            pred = got.get(lab["target"])
            out.append({"id": rec["id"], "target": lab["target"], "gold": lab["stance"],
                        "pred": pred["label"] if pred else "neutral", "found": pred is not None,
                        "score": pred["score"] if pred else 0.0, "cues": pred["cues"] if pred else [],
                        "text": rec["text"], "predicted_targets": list(got)})
    return out


def macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = [lab for lab in LABELS if lab in gold or lab in pred]
    f1s = []
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(p == lab and g != lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def metrics(rows: list[dict[str, Any]]) -> dict[str, float]:
    gold, pred = [r["gold"] for r in rows], [r["pred"] for r in rows]
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(rows) if rows else 0.0
    return {"n": len(rows), "accuracy": acc, "macro_f1": macro_f1(gold, pred),
            "found": sum(r["found"] for r in rows) / len(rows) if rows else 0.0}


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Agreement of two labellings beyond chance: 1 when equal, 0 when no better than chance."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    chance = sum(ca[lab] * cb[lab] for lab in set(ca) | set(cb)) / (n * n)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def load_second(path: Path = SECOND) -> dict[tuple[str, str], str]:
    """The second annotator's label of each (quote id, target) they labelled."""
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.update({(rec["id"], lab["target"]): lab["stance"] for lab in rec["labels"]})
    return out


def agreement(rows: list[dict[str, Any]], second: dict[tuple[str, str], str]) -> dict[str, float]:
    """On the pairs the second annotator labelled: their macro-F1, accuracy and kappa against the
    gold, and the system's macro-F1 against the gold and against the second annotator."""
    both = [(r["gold"], second[(r["id"], r["target"])], r["pred"]) for r in rows if (r["id"], r["target"]) in second]
    if not both:
        return {"n": 0}
    gold, other, pred = (list(col) for col in zip(*both, strict=True))
    return {"n": len(both), "second_f1": macro_f1(gold, other),
            "second_accuracy": sum(g == o for g, o in zip(gold, other, strict=True)) / len(both),
            "kappa": cohen_kappa(gold, other), "system_f1": macro_f1(gold, pred),
            "system_vs_second_f1": macro_f1(other, pred)}


def evaluate(split: str, path: Path = EVAL, batch: str | None = None) -> dict[str, Any]:
    """Overall and per-target metrics and the confusion matrix of ``split`` (of ``batch``)."""
    rows = pairs(load(split, path, batch))
    targets = sorted({r["target"] for r in rows})
    return {"overall": metrics(rows), "rows": rows,
            "per_target": {t: metrics([r for r in rows if r["target"] == t]) for t in targets},
            "confusion": Counter((r["gold"], r["pred"]) for r in rows)}


def report(result: dict[str, Any], split: str) -> None:
    print(f"split: {split}")
    print(f"{'target':<20} {'n':>4} {'acc':>6} {'macroF1':>8} {'found':>6}")
    for name, m in [*result["per_target"].items(), ("OVERALL", result["overall"])]:
        print(f"{name:<20} {m['n']:>4} {m['accuracy']:>6.3f} {m['macro_f1']:>8.3f} {m['found']:>6.2f}")
    print("\nconfusion (rows gold, columns predicted)")
    print(f"{'':<10}" + "".join(f"{p:>10}" for p in LABELS))
    for g in LABELS:
        print(f"{g:<10}" + "".join(f"{result['confusion'][(g, p)]:>10}" for p in LABELS))


def errors(result: dict[str, Any]) -> None:
    for r in result["rows"]:
        if r["gold"] != r["pred"]:
            print(f"\n[{r['id']}] {r['target']}: gold {r['gold']}, predicted {r['pred']} ({r['score']}) {r['cues']}")
            print(f"   found targets {r['predicted_targets']}\n   {r['text']}")


def _pipeline_pass(paths: list[str]) -> int:
    """One end-to-end pass (read, meta, clean, extract, speakers, stance): the number of quotes."""
    from quotes.pipeline import process

    return sum(len(item[1]) for item in process(paths) if not isinstance(item, Exception))


def speed(paths: list[str], rounds: int = 20) -> tuple[float, float]:
    """Seconds per end-to-end pass over ``paths``, the best of ``rounds`` interleaved passes:
    without stance and framing (``stance.score`` replaced by the identity), and with them."""
    real = stance.score
    _pipeline_pass(paths)  # warm up: lexicons and regexes compiled, files cached
    best = [float("inf"), float("inf")]
    try:
        for _ in range(rounds):
            for k, fn in enumerate((lambda article, quotes: quotes, real)):
                stance.score = fn  # type: ignore[assignment]
                t0 = time.perf_counter()
                _pipeline_pass(paths)
                best[k] = min(best[k], time.perf_counter() - t0)
    finally:
        stance.score = real  # type: ignore[assignment]
    return best[0], best[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "holdout", "all"), default="dev")
    ap.add_argument("--errors", action="store_true", help="print the misclassified dev pairs")
    ap.add_argument("--speed", nargs="*", metavar="PATH",
                    help="time the pipeline with and without stance (default: the seeds)")
    ap.add_argument("--path", type=Path, default=EVAL)
    ap.add_argument("--batch", default=None,
                    help="batches, comma-separated: 1 (ids a…, b…), 2 (b1-, b2-), 3 (b3-, b4-), 4 (b5-, b6-); default all")
    ap.add_argument("--second", nargs="?", const=SECOND, type=Path, metavar="PATH",
                    help="also score a second annotator's labels against the gold (default: %(const)s)")
    args = ap.parse_args(argv)
    if args.speed is not None:
        paths = args.speed or [str(SEEDS)]
        base, full = speed(paths)
        print(f"{', '.join(paths)}: without stance {base * 1000:.1f} ms, with stance and framing "
              f"{full * 1000:.1f} ms a pass, ratio {full / base:.3f}")
        return 0
    if args.errors and args.split != "dev":
        ap.error("--errors shows quote text: dev split only")
    result = evaluate(args.split, args.path, args.batch)
    report(result, args.split + (f", batch {args.batch}" if args.batch else ""))
    if args.second:
        a = agreement(result["rows"], load_second(args.second))
        if a["n"]:
            print(f"\nsecond annotator, {a['n']} pairs: macro-F1 {a['second_f1']:.3f}, accuracy "
                  f"{a['second_accuracy']:.3f}, kappa {a['kappa']:.3f} against the gold; the system "
                  f"{a['system_f1']:.3f} against the gold, {a['system_vs_second_f1']:.3f} against the second")
    if args.errors:
        errors(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
