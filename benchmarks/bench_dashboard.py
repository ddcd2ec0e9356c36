"""Dashboard speed. Prints figures.

    python benchmarks/bench_dashboard.py                   # browser timings on the sample store
    python benchmarks/bench_dashboard.py --big 1000000     # plus AppTest timings on 1M synthetic quotes
    python benchmarks/bench_dashboard.py --no-browser --big 1000000

Browser (``streamlit run`` + Playwright driving /usr/bin/chromium, store built from data/):
time to first full render once the server is up (metrics and the three Overview charts drawn),
cold (empty caches) and warm (a second visitor), then a filter change (a speaker picked in the
sidebar until the page shows that speaker's count) and the switch to each other tab.

AppTest (in process, no browser: the Python side of a rerun): the same steps on a synthetic
store of ``--big`` quotes made by ``benchmarks/bench_ingest.py``'s ``synthetic_store``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quotes import ingest, store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
TABS = ("Compare outlets", "Speakers", "Quotes")
WAIT = 120_000  # ms


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(store_dir: Path) -> Iterator[tuple[str, float]]:
    """``streamlit run dashboard.py`` on ``store_dir``; yields its URL and its start-up seconds."""
    port = _port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true", "--server.port",
         str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, "QUOTES_STORE": str(store_dir)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                if proc.poll() is not None or time.perf_counter() - t0 > 60:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.05)
        yield url, time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(10)


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _first_render(browser, url: str) -> float:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()

    def load() -> None:
        page.goto(url)
        page.wait_for_function("document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= 3",
                               timeout=WAIT)
        page.wait_for_selector('[data-testid="stMetric"]', timeout=WAIT)

    seconds = _timed(load)
    context.close()
    return seconds


def browser_figures(store_dir: Path, speaker: str, expected: int) -> None:
    from playwright.sync_api import sync_playwright

    with server(store_dir) as (url, startup), sync_playwright() as p:
        print(f"browser, sample store ({_quotes(store_dir):,} quotes): server up in {startup:.2f} s")
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        print(f"  first full render, cold caches      {_first_render(browser, url):6.2f} s")
        print(f"  first full render, warm caches      {_first_render(browser, url):6.2f} s")
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(url)
        page.wait_for_function("document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= 3",
                               timeout=WAIT)
        box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Speaker")
        box.locator("input").click()
        box.locator("input").fill(speaker.split()[-1])

        def pick() -> None:
            page.get_by_role("option", name=speaker).click()
            page.locator('[data-testid="stMetricValue"]').nth(1).filter(has_text=f"{expected:,}").wait_for(timeout=WAIT)

        print(f"  filter change (one speaker)         {_timed(pick):6.2f} s")
        page.keyboard.press("Escape")
        signals = {"Compare outlets": "statement(s) quoted by two or more", "Speakers": "A speaker's page",
                   "Quotes": "select a row to read the quote"}
        for tab in TABS:
            def switch(tab: str = tab) -> None:
                page.get_by_role("tab", name=tab).click()
                page.get_by_text(signals[tab]).first.wait_for(timeout=WAIT)

            print(f"  switch to {tab:<25} {_timed(switch):6.2f} s")
        browser.close()


def _quotes(store_dir: Path) -> int:
    return int(store.count_summary(store.connect(store_dir), store.Filters())["quotes"])


def apptest_figures(store_dir: Path) -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["QUOTES_STORE"] = str(store_dir)
    print(f"AppTest, synthetic store ({_quotes(store_dir):,} quotes):")
    for label in ("cold", "warm"):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        print(f"  first full render (Overview), {label}  {_timed(at.run):6.2f} s")
        assert not at.exception, at.exception
    speaker = store.options(store.connect(store_dir))["speakers"][1]
    print(f"  filter change (one speaker)         {_timed(lambda: at.multiselect(key='f_speakers').set_value([speaker]).run()):6.2f} s")
    for tab in TABS:
        view = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        view.query_params["view"] = tab
        view.query_params["speaker"] = speaker
        print(f"  {tab + ' (one speaker)':<35} {_timed(view.run):6.2f} s")
        assert not view.exception, view.exception
        view = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        view.query_params["view"] = tab
        print(f"  {tab + ' (no filter)':<35} {_timed(view.run):6.2f} s")
        assert not view.exception, view.exception


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--big", type=int, default=0, help="quotes of the synthetic store for AppTest (0: skip)")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--workdir", type=Path, default=None, help="keep stores here (default: a temporary folder)")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="quotes-dash-bench-"))
    try:
        if not args.no_browser and Path(CHROMIUM).exists():
            sample = work / "sample"
            if not (sample / "articles").is_dir():
                ingest.ingest([str(ROOT / "data" / "articles")], sample, jobs=1, progress=False)
            speaker = "Mikhaïl Sorokine"
            expected = int(store.count_summary(store.connect(sample), store.Filters(speakers=[speaker]))["quotes"])
            browser_figures(sample, speaker, expected)
        if args.big:
            from bench_ingest import synthetic_store

            big = work / f"big-{args.big}"
            if not (big / "articles").is_dir():
                t = _timed(lambda: synthetic_store(big, args.big))
                print(f"synthetic store of {args.big:,} quotes written in {t:.1f} s")
            apptest_figures(big)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
