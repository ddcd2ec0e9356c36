"""The optional mypyc build (``QUOTES_COMPILE=1``, see setup.py) says exactly what the pure-Python
package says: it is built into a temporary copy, and both run ``quotes extract`` on the sample
corpus (and the seed articles where they are), ``quotes sentences`` on the stance set, and the
stance evaluation's dev split with every misclassified pair and its cues."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEEDS

pytestmark = pytest.mark.slow


def _can_compile() -> str | None:
    """Why this machine cannot build C extensions, or None."""
    if shutil.which(os.environ.get("CC", "gcc")) is None:
        return "no C compiler"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers"
    return None


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if (why := _can_compile()) is not None:
        pytest.skip(f"the compiled build needs a C toolchain: {why}")
    pytest.importorskip("mypyc")
    root = tmp_path_factory.mktemp("compiled")
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "quotes", root / "quotes", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copytree(ROOT / "benchmarks", root / "benchmarks", ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=root,
                           env={**os.environ, "QUOTES_COMPILE": "1"}, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    return root


def _run(cwd: Path, *args: str) -> str:
    """``python -m quotes …`` from ``cwd``, whose ``quotes`` package is the one imported."""
    done = subprocess.run([sys.executable, "-m", "quotes", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(cwd)})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _compiled_modules() -> list[str]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    assign = next(n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "COMPILED")
    return ast.literal_eval(assign.value)


@pytest.mark.parametrize("module", _compiled_modules())
def test_compiled_modules_have_no_properties(module: str) -> None:
    """mypyc 1.13 may read a property like a plain attribute, borrowing its value without the
    reference count the getter gave it (« len(s.toks) »): every sentence and its tokens leaked,
    16 KB an article. The compiled modules use methods instead."""
    tree = ast.parse((ROOT / "quotes" / f"{module}.py").read_text(encoding="utf-8"))
    properties = [f"{node.name} (line {node.lineno})" for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
                  and any(getattr(d, "id", None) == "property" for d in node.decorator_list)]
    assert properties == []


# Processes the sample articles once (caches filled), then five times more: the blocks the
# allocator holds after those five passes, minus before, printed.
_LEAK_PROBE = """
import gc, sys
from quotes.pipeline import process
paths = sys.argv[1:]
list(process(paths)); gc.collect()
before = sys.getallocatedblocks()
for _ in range(5):
    list(process(paths))
gc.collect()
print(sys.getallocatedblocks() - before)
"""


def test_the_compiled_pipeline_does_not_leak(compiled: Path) -> None:
    done = subprocess.run([sys.executable, "-c", _LEAK_PROBE, str(DATA / "articles")], cwd=compiled,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(compiled)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stdout.split()[-1]) < 2000  # the leak above left some 90,000 blocks here


def test_the_build_is_compiled(compiled: Path) -> None:
    code = "import quotes.extract, quotes.stance; print(quotes.extract.__file__, quotes.stance.__file__)"
    done = subprocess.run([sys.executable, "-c", code], cwd=compiled, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(compiled)})
    assert done.returncode == 0, done.stderr
    files = done.stdout.split()
    assert all(f.startswith(str(compiled)) and f.endswith(".so") for f in files), files


@pytest.mark.parametrize("name", ["articles", "seeds"])
def test_same_quotes_from_articles(compiled: Path, name: str) -> None:
    folder = DATA / "articles" if name == "articles" else SEEDS
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    pure, fast = _run(ROOT, "extract", str(folder)), _run(compiled, "extract", str(folder))
    assert pure.count("\n") > 20  # the corpus has quotes: the comparison compares something
    assert fast.splitlines() == pure.splitlines()


def test_same_quotes_from_sentences(compiled: Path) -> None:
    stance_set = ROOT / "tests" / "data" / "stance_eval.jsonl"
    pure, fast = _run(ROOT, "sentences", str(stance_set)), _run(compiled, "sentences", str(stance_set))
    assert pure.count("\n") > 100
    assert fast.splitlines() == pure.splitlines()


def test_same_stance_on_the_dev_split(compiled: Path) -> None:
    def errors(root: Path) -> str:
        done = subprocess.run([sys.executable, "benchmarks/eval_stance.py", "--split", "dev", "--errors", "--path",
                               str(ROOT / "tests" / "data" / "stance_eval.jsonl")], cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    pure, fast = errors(ROOT), errors(compiled)
    assert "macroF1" in pure and pure.count("\n") > 50
    assert fast.splitlines() == pure.splitlines()


def test_the_whole_package_type_checks(tmp_path: Path) -> None:
    """mypy, which the compiled build runs on its modules, is clean on the others too (store,
    views, ingest …): a type error there would reach no build to catch it."""
    pytest.importorskip("mypy")
    done = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--cache-dir", str(tmp_path),
                           str(ROOT / "quotes")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
