"""Shared paths: the team's own fixtures, and the shared material beside the repository."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
HTML = SHARED / "html"
DATA = ROOT / "data"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
needs_eval = pytest.mark.skipif(not (EVAL / "ud_fr_quotes.dev.jsonl").is_file(), reason="../shared/eval is absent")


def benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` (``eval_stance``, ``eval_attribution`` …) imported as a module."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
