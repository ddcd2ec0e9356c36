"""Load: concurrent browser sessions on the dashboard over the sample store. Prints figures.

    python benchmarks/bench_load.py                         # 20 sessions, 3 rounds, arrivals over 10 s
    python benchmarks/bench_load.py --ramp 0 --think 0      # all at once, no pause: the stress case
    python benchmarks/bench_load.py --sessions 5 --rounds 1

One ``streamlit run dashboard.py`` server on a store built from data/, one Chromium (Debian's
/usr/bin/chromium through Playwright's async API) with ``--sessions`` browser contexts, all open
at once. The sessions arrive over ``--ramp`` seconds and load the page; then each, ``--rounds``
times, through the page's own widgets like a reader:

* picks a speaker in the sidebar (types part of the name, clicks it): until the Quotes count
  shows that speaker's number;
* switches to another tab (Compare outlets, Speakers or Quotes): until that view is drawn;
* goes back to Overview;
* adds an outlet that speaker is quoted in: until the count is the speaker's in that outlet;
* removes both filters: until the count is the whole store's again;

pausing ``--think`` seconds (± 50 %) between interactions. Each interaction is timed from the click
until its result is on the page and the script run is over (Streamlit's status widget gone, no
stale element left). Errors: pages that raised (``pageerror``), Streamlit exception boxes, and
interactions that did not finish within ``--timeout`` seconds.

Prints p50 / p95 / max per interaction and over all, and the errors. It is a benchmark, not a
test: pytest does not collect it. Target on the 2-core machine: no error, p95 < 3 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dashboard import CHROMIUM, server  # noqa: E402

from quotes import ingest, store  # noqa: E402

VIEWPORT = {"width": 1400, "height": 1000}
SIGNALS = {"Compare outlets": ("statement(s) quoted by two or more", "Fewer than two outlets"),
           "Speakers": ("A speaker's page",), "Quotes": ("select a row to read the quote",)}
IDLE = ("!document.querySelector('[data-testid=stStatusWidget]')"
        " && !document.querySelector('[data-stale=true]')")
PANEL = "[...document.querySelectorAll('[data-testid=stTabs] [role=tabpanel]')].find(p => !p.hidden)"


def _quotes_shown(n: int) -> str:
    """JS: the open Overview shows ``n`` in its Quotes metric and the run is over."""
    return (f"(() => {{ const p = {PANEL}; if (!p) return false;"
            " const m = [...p.querySelectorAll('[data-testid=stMetric]')]"
            "   .find(e => e.querySelector('[data-testid=stMetricLabel]')?.innerText.trim() === 'Quotes');"
            f" return !!m && m.querySelector('[data-testid=stMetricValue]').innerText.trim() === '{n:,}'"
            f"   && document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= 3 && {IDLE}; }})()")


def _view_shown(tab: str) -> str:
    """JS: the open tab is ``tab`` and shows one of its signals, the run over."""
    texts = " || ".join(f"p.innerText.includes({s!r})" for s in SIGNALS[tab])
    return f"(() => {{ const p = {PANEL}; return !!p && ({texts}) && {IDLE}; }})()"


class Plan:
    """What the sessions pick, with the counts the page must then show (from the store itself)."""

    def __init__(self, store_dir: Path) -> None:
        con = store.connect(store_dir)
        self.total = int(store.count_summary(con, store.Filters())["quotes"])
        speakers = [s for s in store.options(con)["speakers"][:12] if len(s.split()) >= 2]
        self.picks = []
        for s in speakers:
            per_outlet = store.kind_outlet_counts(con, store.Filters(speakers=[s])).groupby("outlet")["quotes"].sum()
            outlets = {o: int(n) for o, n in per_outlet.items() if o != "(unknown)"}
            self.picks.append((s, int(sum(per_outlet)), outlets))


async def _session(n: int, browser, url: str, plan: Plan, args: argparse.Namespace,  # noqa: ANN001
                   times: dict[str, list[float]], errors: list[str]) -> None:
    rng = random.Random(n)
    await asyncio.sleep(args.ramp * n / max(1, args.sessions))
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    page.set_default_timeout(args.timeout * 1000)
    page.on("pageerror", lambda exc: errors.append(f"session {n}: page error: {exc}"))

    async def timed(what: str, action: Callable[[], Awaitable[object]], until: str) -> bool:
        t0 = time.perf_counter()
        try:
            await action()
            await page.wait_for_function(until, timeout=args.timeout * 1000)
        except Exception as exc:  # a timeout or a vanished element: counted, the session goes on
            errors.append(f"session {n}: {what}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
            return False
        times[what].append(time.perf_counter() - t0)
        if await page.locator('[data-testid="stException"]').count():
            errors.append(f"session {n}: {what}: Streamlit exception shown")
        await asyncio.sleep(args.think * rng.uniform(0.5, 1.5))
        return True

    sidebar = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')

    async def choose(label: str, typed: str, option: str) -> None:
        box = sidebar.filter(has_text=label).locator("input")
        await box.click()
        await box.fill(typed)
        await page.get_by_role("option", name=option, exact=True).click()
        await page.keyboard.press("Escape")

    try:
        if not await timed("load the page", lambda: page.goto(url), _quotes_shown(plan.total)):
            return
        for _ in range(args.rounds):
            speaker, count, outlets = rng.choice(plan.picks)
            outlet = rng.choice(sorted(outlets))
            tab = rng.choice(sorted(SIGNALS))
            await timed("pick a speaker", lambda s=speaker: choose("Speaker", s.split()[-1], s), _quotes_shown(count))
            await timed("switch tab", lambda t=tab: page.get_by_role("tab", name=t).click(), _view_shown(tab))
            await timed("back to Overview", lambda: page.get_by_role("tab", name="Overview").click(),
                        _quotes_shown(count))
            await timed("add an outlet", lambda o=outlet: choose("Outlet", o.split()[-1], o),
                        _quotes_shown(outlets[outlet]))

            async def clear(s: str = speaker, o: str = outlet) -> None:
                await page.get_by_role("button", name=f"Remove {s}").click()
                await page.get_by_role("button", name=f"Remove {o}").click()

            await timed("remove both filters", clear, _quotes_shown(plan.total))
    finally:
        await context.close()


async def _run(url: str, plan: Plan, args: argparse.Namespace) -> tuple[dict[str, list[float]], list[str], float]:
    from playwright.async_api import async_playwright

    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM,
                                          args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        t0 = time.perf_counter()
        await asyncio.gather(*(_session(n, browser, url, plan, args, times, errors) for n in range(args.sessions)))
        wall = time.perf_counter() - t0
        await browser.close()
    return times, errors, wall


def _busy() -> float:
    """CPU seconds the whole machine has been busy (every core, every process)."""
    import psutil

    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def _server() -> Any:
    """The ``streamlit run`` server process this benchmark started (a psutil.Process), or None."""
    import psutil

    for child in psutil.Process().children(recursive=True):
        try:
            if any("streamlit" in part for part in child.cmdline()):
                return child
        except psutil.Error:
            continue
    return None


def _server_cpu() -> float:
    """CPU seconds used so far by the ``streamlit run`` server this benchmark started."""
    proc = _server()
    if proc is None:
        return 0.0
    t = proc.cpu_times()
    return t.user + t.system


def _server_rss_mb() -> float:
    proc = _server()
    return proc.memory_info().rss / 2**20 if proc is not None else 0.0


def _line(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:<24} (none)"
    p95 = statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]
    return (f"  {label:<24} n={len(values):<4} p50 {statistics.median(values):5.2f} s   p95 {p95:5.2f} s   "
            f"max {max(values):5.2f} s")


def load_args(description: str | None, rounds_help: str) -> argparse.Namespace:
    """The options of both load benchmarks: sessions, rounds, arrivals, think time, timeout."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3, help=rounds_help)
    ap.add_argument("--ramp", type=float, default=10.0, help="seconds over which the sessions arrive")
    ap.add_argument("--think", type=float, default=1.0, help="seconds between two interactions of a session (±50 %%)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds an interaction may take")
    return ap.parse_args()


def sample_store() -> Path:
    """A store of the sample corpus in data/, in a temporary folder."""
    sample = Path(tempfile.mkdtemp(prefix="quotes-load-")) / "store"
    ingest.ingest([str(ROOT / "data" / "articles")], sample, jobs=1, progress=False)
    return sample


def main() -> None:
    args = load_args(__doc__, "rounds of the five interactions")
    sample = sample_store()
    plan = Plan(sample)
    with server(sample) as (url, _):
        busy, served = _busy(), _server_cpu()
        times, errors, wall = asyncio.run(_run(url, plan, args))
        busy, served = _busy() - busy, _server_cpu() - served
    everything = [t for values in times.values() for t in values]
    print(f"{args.sessions} concurrent sessions (arriving over {args.ramp:g} s, {args.think:g} s between "
          f"interactions), {args.rounds} round(s) each: {len(everything)} interactions in {wall:.1f} s, "
          f"sample store of {plan.total:,} quotes")
    for label in ("load the page", "pick a speaker", "switch tab", "back to Overview", "add an outlet",
                  "remove both filters"):
        print(_line(label, times.get(label, [])))
    print(_line("all interactions", everything) + "   (target: p95 < 3 s)")
    print(f"  CPU: the machine busy {busy:.0f} s over {wall:.0f} s of {os.cpu_count()} cores; the dashboard server "
          f"{served:.0f} s of it ({100 * served / max(busy, 1e-9):.0f} %), the browsers and this driver the rest")
    print(f"  errors: {len(errors)}")
    for e in errors[:20]:
        print(f"    {e}")


if __name__ == "__main__":
    main()
