"""Evaluate speaker resolution across whole articles on ``tests/data/speaker_eval.jsonl``.

    python benchmarks/eval_speakers.py [--batch spka|…|spki] [--errors]

Invented French news articles (every person, outlet and small town invented), each with the
attributed quotes a writer annotated: the paragraph, a snippet of the reported words, who said
them resolved across the article (« a-t-il ajouté », « le ministre », « M. Ferrand » → the
person introduced earlier), with ``keys`` that identify that speaker (a named person's surname,
an unnamed speaker's role noun, an organisation's name and aliases) and whether the article
names them. The writers saw neither the code nor the project's data.

Each article goes through the pipeline (meta, clean, extract, resolve) as ``quotes extract`` runs
it. A gold quote is *found* when a predicted quote of its paragraph holds its snippet (or the
snippet holds the predicted quote's words, for a quote cut short); its speaker is *right* when the
predicted speaker (``Quote.speaker``, the resolved name) holds one of the gold keys as whole
words. Printed: quotes found, speakers right among those found (named and unnamed speakers apart)
and end to end (right / gold).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.model import Article, Quote  # noqa: E402
from quotes.pipeline import process_batch  # noqa: E402

EVAL = ROOT / "tests" / "data" / "speaker_eval.jsonl"
_WORD = re.compile(r"[\w-]+")


def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower().replace("’", "'").replace("'", " "))


def load(batch: str | None = None, path: Path = EVAL) -> list[dict[str, Any]]:
    """The articles of the set (of one batch: the id prefix ``spka`` … ``spki``)."""
    recs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [r for r in recs if batch is None or r["id"].rsplit("-", 1)[0] == batch]


def predict(rec: dict[str, Any]) -> list[Quote]:
    """The quotes the pipeline finds in the article of ``rec``, speakers resolved."""
    article = Article(id=rec["id"], source=f"{rec['id']}.txt", title=rec.get("title", ""),
                      paragraphs=list(rec["paragraphs"]), outlet=rec.get("outlet"))
    return process_batch([article], scored=False)[0][1]


def holds(words: list[str], key: list[str]) -> bool:
    return bool(key) and any(words[i : i + len(key)] == key for i in range(len(words) - len(key) + 1))


def _found(gold: dict[str, Any], quotes: list[Quote]) -> Quote | None:
    """The predicted quote of the gold quote's paragraph that holds its snippet, or whose words
    the snippet holds (a quote cut short still counts as found)."""
    snippet = _words(gold["snippet"])
    for q in quotes:
        if q.paragraph == gold["paragraph"] and (holds(_words(q.text), snippet) or holds(snippet, _words(q.text))):
            return q
    return None


def speaker_right(predicted: str | None, keys: list[str]) -> bool:
    """Whether the predicted speaker holds one of the gold keys as whole words."""
    words = _words(predicted)
    return any(holds(words, _words(k)) for k in keys)


def score(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts of gold quotes, found, and right speakers (all, named, unnamed), with the misses."""
    counts = {"gold": 0, "found": 0, "right": 0, "named": 0, "named_found": 0, "named_right": 0,
              "unnamed": 0, "unnamed_found": 0, "unnamed_right": 0}
    misses = []
    for rec in records:
        quotes = predict(rec)
        for gold in rec["quotes"]:
            kind = "named" if gold["named"] else "unnamed"
            q = _found(gold, quotes)
            right = q is not None and speaker_right(q.speaker, gold["keys"])
            counts["gold"] += 1
            counts[kind] += 1
            counts["found"] += q is not None
            counts[f"{kind}_found"] += q is not None
            counts["right"] += right
            counts[f"{kind}_right"] += right
            if not right:
                misses.append((rec, gold, q))
    return {**counts, "misses": misses}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", choices=("spka", "spkb", "spkc", "spkd", "spke", "spkf", "spkg", "spkh", "spki"))
    ap.add_argument("--errors", action="store_true", help="print the quotes not found or with a wrong speaker")
    args = ap.parse_args(argv)
    res = score(load(args.batch))
    print(f"{res['gold']} gold quotes in {len(load(args.batch))} articles: found {_ratio(res['found'], res['gold']):.3f}, "
          f"speaker right on those found {_ratio(res['right'], res['found']):.3f}, "
          f"end to end {_ratio(res['right'], res['gold']):.3f}")
    for kind in ("named", "unnamed"):
        print(f"  {kind:<8} {res[kind]:>4} gold, found {_ratio(res[f'{kind}_found'], res[kind]):.3f}, speaker right on "
              f"those found {_ratio(res[f'{kind}_right'], res[f'{kind}_found']):.3f}")
    if args.errors:
        for rec, gold, q in res["misses"]:
            para = rec["paragraphs"][gold["paragraph"]]
            got = "not found" if q is None else f"speaker {q.speaker!r} (mention {q.mention!r})"
            print(f"\n[{rec['id']} ¶{gold['paragraph']}] gold {gold['speaker']!r} {gold['keys']}: {got}\n  {para}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
