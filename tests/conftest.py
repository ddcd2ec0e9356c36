"""Shared paths: the team's own fixtures, and the shared material beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
HTML = SHARED / "html"
DATA = ROOT / "data"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
needs_eval = pytest.mark.skipif(not (EVAL / "ud_fr_quotes.dev.jsonl").is_file(), reason="../shared/eval is absent")
