"""Load: concurrent browser sessions on the dashboard over the sample store. Prints figures.

    python benchmarks/bench_load.py [--sessions 20] [--rounds 3]

One ``streamlit run dashboard.py`` server, one Chromium (Debian's /usr/bin/chromium through
Playwright's async API) with ``--sessions`` browser contexts driven at once. Each session opens the
dashboard, then ``--rounds`` times changes its filters (a speaker, an outlet, a kind, through the
URL the dashboard keeps its filters in) and switches to another tab. Every interaction is timed
until the page shows its result; errors are pages that raised, Streamlit exception boxes, or
interactions that did not finish within the timeout. Prints p50, p95 and max, and the errors.
Target on this 2-core machine: no errors, p95 under 3 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dashboard import CHROMIUM, server  # noqa: E402

from quotes import ingest, store  # noqa: E402

CHARTS = "document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= 1"
TIMEOUT = 60_000  # ms
TABS = ("Compare outlets", "Speakers", "Quotes", "Overview")


async def _session(browser, url: str, choices: list[dict[str, str]], rounds: int, seed: int,  # noqa: ANN001
                   times: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"session {seed}: page error {exc}"))

    async def timed(what: str, action) -> None:  # noqa: ANN001
        t0 = time.perf_counter()
        try:
            await action()
            times.append(time.perf_counter() - t0)
        except Exception as exc:  # a timeout or a closed page: counted, the session goes on
            errors.append(f"session {seed}: {what}: {type(exc).__name__}")
        if await page.locator('[data-testid="stException"]').count():
            errors.append(f"session {seed}: {what}: Streamlit exception shown")

    async def load(query: str = "") -> None:
        await page.goto(f"{url}/?{query}")
        await page.wait_for_function(CHARTS, timeout=TIMEOUT)
        await page.wait_for_selector('[data-testid="stMetric"]', timeout=TIMEOUT)

    await timed("first render", load)
    for _ in range(rounds):
        query = urllib.parse.urlencode(rng.choice(choices))
        await timed(f"filters {query}", lambda q=query: load(q))
        tab = rng.choice(TABS[:-1])

        async def switch(tab: str = tab) -> None:
            await page.get_by_role("tab", name=tab).click()
            await page.locator('[data-testid="stTabs"] [role="tabpanel"]:not([hidden])').first.wait_for(timeout=TIMEOUT)
            await page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT)

        await timed(f"tab {tab}", switch)
    await context.close()


async def _run(url: str, choices: list[dict[str, str]], sessions: int, rounds: int) -> tuple[list[float], list[str], float]:
    from playwright.async_api import async_playwright

    times: list[float] = []
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM,
                                          args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        t0 = time.perf_counter()
        await asyncio.gather(*(_session(browser, url, choices, rounds, i, times, errors) for i in range(sessions)))
        wall = time.perf_counter() - t0
        await browser.close()
    return times, errors, wall


def _choices(store_dir: Path) -> list[dict[str, str]]:
    """Filter sets taken from the store: its top speakers, its outlets, the three kinds."""
    opts = store.options(store.connect(store_dir))
    return ([{"speaker": s} for s in opts["speakers"][:6]] + [{"outlet": o} for o in opts["outlets"]]
            + [{"kind": k} for k in opts["kinds"]])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    sample = Path(tempfile.mkdtemp(prefix="quotes-load-")) / "store"
    ingest.ingest([str(ROOT / "data" / "articles")], sample, jobs=1, progress=False)
    with server(sample) as (url, _):
        times, errors, wall = asyncio.run(_run(url, _choices(sample), args.sessions, args.rounds))
    q = statistics.quantiles(times, n=20) if len(times) > 1 else times * 19
    print(f"{args.sessions} concurrent sessions x (first render + {args.rounds} x (filters + tab)), "
          f"{len(times)} interactions timed in {wall:.1f} s")
    print(f"  render time p50 {statistics.median(times):.2f} s   p95 {q[18]:.2f} s   max {max(times):.2f} s "
          "(target p95 < 3 s)")
    print(f"  errors: {len(errors)}")
    for e in errors[:20]:
        print(f"    {e}")


if __name__ == "__main__":
    main()
