"""Optional compiled build: ``QUOTES_COMPILE=1 pip install .`` compiles the text stages with mypyc
(about 1.5× faster ingest; identical output, checked by tests/test_compiled.py). Without the
variable the package is pure Python, which is what ``pip install -e .`` should stay: an edited
``.py`` file is then what runs. Everything else is configured in pyproject.toml.
"""

import os

from setuptools import setup

# The stages that work on tokens and characters; the I/O, store and dashboard modules spend their
# time in pyarrow, DuckDB and Streamlit, and model.py copies instances through __dict__.
COMPILED = ["tokens", "clean", "cues", "clauses", "groups", "mentions", "reports", "extract", "selon", "colon",
            "unquoted", "firms", "speakers", "ties", "referents", "clause_hits", "contrasts", "disowned", "stance", "verbs"]


def ext_modules() -> list:
    if os.environ.get("QUOTES_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify([f"quotes/{m}.py" for m in COMPILED] + ["--ignore-missing-imports"], opt_level="3")


setup(ext_modules=ext_modules())
