"""Hostile input: pathological texts finish, offsets hold, a pattern that times out skips only
its paragraph, and generated French-like text never makes the pipeline raise."""

from __future__ import annotations

import logging
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from quotes import clean, extract, selon
from quotes.extract import extract_article, extract_text
from quotes.model import Article
from quotes.pipeline import process_article

CATALOGUE = [
    pytest.param(lambda: "« " + "Le ministre a déclaré que tout va bien. " * 25_000, id="1MB-one-open-guillemet"),
    pytest.param(lambda: "« " * 100_000 + "fin" + " »" * 100_000, id="100k-nested-quotes"),
    pytest.param(lambda: "Le ciel est bleu et la mer est calme. " * 1_350_000, id="50MB-single-line"),
    pytest.param(lambda: "a déclaré " * 10_000, id="10k-reporting-verbs"),
    pytest.param(lambda: '"' * 200_000, id="200k-straight-quotes"),
    pytest.param(lambda: "selon " * 50_000 + "lui, oui.", id="50k-selon"),
    pytest.param(lambda: "Fin." + " " * 500_000 + "» Suite. »" + " \t" * 200_000 + "Oui.", id="500k-spaces-around-marks"),
    pytest.param(lambda: "\x00\x07" * 50_000 + "« Oui », a-t-il dit.", id="control-characters"),
]


@pytest.mark.parametrize("make", CATALOGUE)
def test_pathological_input_finishes_with_offsets(make):
    text = clean.normalize(make())
    t0 = time.perf_counter()
    quotes = extract_text(text)
    assert time.perf_counter() - t0 < 60
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_a_paragraph_that_times_out_is_reported_and_skipped(monkeypatch, caplog):
    monkeypatch.setattr(extract, "REGEX_TIMEOUT", 1e-9)
    monkeypatch.setattr(selon, "REGEX_TIMEOUT", 1e-9)  # the selon / pour patterns
    monkeypatch.setattr(clean, "REGEX_TIMEOUT", 1e-9)
    long = "Selon lui, " + "la réunion aura lieu demain matin. " * 20_000
    article = Article(id="x", source="hostile.txt", title="T", paragraphs=[long])
    with caplog.at_level(logging.WARNING, logger="quotes"):
        assert extract_article(article) == []
    assert "hostile.txt: paragraph 0 skipped" in caplog.text


WORDS = ["le", "ministre", "Paul", "Arnaud", "a", "déclaré", "que", "la", "paix", "selon", "lui", "il", "dit",
         "«", "»", "“", "”", '"', "‹", "›", "'", "’", "—", "–", "-", ",", ".", ":", "?", "a-t-il", "ajouté",
         "M.", "Mme", "qui", "pour", "d'après", "\x07", "\u00a0", "\u202f", "\n", "\n\n", "Otan", "Russie"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hs.lists(hs.sampled_from(WORDS) | hs.text(max_size=6), min_size=0, max_size=120))
def test_generated_text_never_raises_and_offsets_hold(words):
    text = " ".join(words)
    for q in extract_text(text):
        assert text[q.start : q.end] == q.text
    article, quotes = process_article(Article(id="p", source="p.txt", title="Titre", paragraphs=text.split("\n\n")))
    for q in quotes:
        assert article.paragraphs[q.paragraph][q.start : q.end] == q.text
