"""Patterns are safe on long paragraphs: an unclosed « never makes the extractor rescan the text."""

from __future__ import annotations

import gc
import time

import pytest

from quotes.extract import extract_text

UNIT = "Le ministre Paul Arnaud a déclaré que la réunion aurait lieu demain, a-t-il ajouté devant la presse. "


def _seconds(*texts: str, runs: int = 5) -> list[float]:
    """The best of a few runs of each text, the runs interleaved (a, b, a, b …) so that a slow
    spell of the machine weighs on every text alike: a noisy neighbour slows a run, never speeds
    it up."""
    best = [float("inf")] * len(texts)
    gc.collect()
    gc.disable()  # the collector's pauses grow with the heap the rest of the suite left, not with our input
    try:
        for _ in range(runs):
            for k, text in enumerate(texts):
                t0 = time.perf_counter()
                extract_text(text)
                best[k] = min(best[k], time.perf_counter() - t0)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "« " + "mot " * n, id="one-unclosed-guillemet"),
        pytest.param(lambda n: "« " + UNIT * (n // 16), id="unclosed-then-reports"),
        pytest.param(lambda n: UNIT * (n // 16), id="many-reports"),
        pytest.param(lambda n: '"' + " a déclaré que" * (n // 3), id="verbs-in-a-row"),
        pytest.param(lambda n: "« " * (n // 2), id="nested-openers"),
        pytest.param(lambda n: "« " * (n // 4) + "› " * (n // 4), id="openers-then-wrong-closers"),
        pytest.param(lambda n: '" ' * (n // 2), id="straight-quotes"),
        pytest.param(lambda n: "« Nous partons », a dit Paul Arnaud, " * (n // 7), id="quotes-and-incises"),
        pytest.param(lambda n: "Le plan, selon le journal, " * (n // 5), id="selon-in-a-row"),
        pytest.param(lambda n: "Il a dit que " + ", " * n + "a-t-il ajouté", id="commas"),
        pytest.param(lambda n: "M. " * n + "Dupont a dit que oui.", id="titles"),
    ],
)
def test_time_grows_linearly(make):
    n = 30_000  # words: about 0.25 MB of text at the larger size
    _seconds(make(n)[:1000])  # warm the caches
    while _seconds(make(n))[0] < 0.05 and n < 500_000:
        n *= 2  # a fast case is measured on more text: a few milliseconds are within the timer's noise
    ratios = []
    for _ in range(3):  # a quadratic case gives about 4 every time; a noisy spell only adds, so the best of three
        small, big = _seconds(make(n), make(2 * n))
        ratios.append(big / max(small, 1e-3))
        if ratios[-1] < 3.0:
            break
    assert min(ratios) < 3.0, f"doubling the input multiplied the time by {', '.join(f'{r:.1f}' for r in ratios)}"


def test_a_megabyte_with_one_unclosed_mark_finishes():
    text = "« " + "Le ministre a déclaré que tout va bien. " * 25_000
    assert len(text) > 1_000_000
    t0 = time.perf_counter()
    extract_text(text)
    assert time.perf_counter() - t0 < 30
