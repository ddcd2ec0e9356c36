"""The README's screenshots of the dashboard: one PNG per view, written to docs/.

    python benchmarks/screenshots.py            # docs/overview.png compare.png speakers.png quotes.png
    python benchmarks/screenshots.py --out /tmp/shots

A store is built from data/ in a temporary folder, ``streamlit run dashboard.py`` is started
headless on a free port with QUOTES_STORE pointing at it, and Debian's chromium (driven by
Playwright) visits each view at 1400×1000:

* overview: counts, most quoted speakers by outlet, quotes over time, kind shares;
* compare: three outlets side by side, scrolled to the statements they share (each outlet's
  wording, verb and date);
* speakers: the speaker × outlet heatmap, then one speaker's page;
* quotes: one speaker's quotes, a row selected: its paragraph with the quote marked, the mention,
  the source and the stance cues.

Every shot waits until the script run is over and the charts are drawn (no spinner). PNGs above
``MAX_BYTES`` are re-encoded with a 256-colour palette.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dashboard import CHROMIUM, server  # noqa: E402

from quotes import ingest  # noqa: E402

VIEWPORT = {"width": 1400, "height": 1000}
SPEAKER = "Mikhaïl Sorokine"
OUTLETS = 2  # compared side by side
MAX_BYTES = 400_000
TIMEOUT = 60_000  # ms


def settle(page, charts: int = 0) -> None:  # noqa: ANN001 - a Playwright page
    """Until ``charts`` Plotly charts are drawn and the script run is over (no running widget)."""
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= {charts}", timeout=TIMEOUT)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    page.wait_for_function("!document.querySelector('[data-testid=stSpinner], [data-testid=stSkeleton]')",
                           timeout=TIMEOUT)
    page.wait_for_timeout(600)  # Plotly's transitions, the grid's first paint


def save(page, path: Path, **kw: object) -> None:  # noqa: ANN001
    page.mouse.move(2, VIEWPORT["height"] - 2)  # no hover: no tooltip, no Plotly toolbar
    page.wait_for_timeout(300)
    data = page.screenshot(**kw)
    if len(data) > MAX_BYTES:
        from PIL import Image

        image = Image.open(io.BytesIO(data)).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        buf = io.BytesIO()
        image.save(buf, "PNG", optimize=True)
        data = buf.getvalue()
    path.write_bytes(data)
    print(f"{path}: {len(data) / 1024:.0f} KB")


def view_url(base: str, view: str, **params: object) -> str:
    return f"{base}/?{urlencode({'view': view, **params}, doseq=True)}"


# Streamlit scrolls its main area inside a container, not the page: Playwright's full_page sees
# one viewport. These scroll that container, or grow the viewport (same width, same layout) to hold
# a whole view.
_SCROLLER = """() => [...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppScrollToBottomContainer],'
    + ' [data-testid=stAppViewContainer], section.main')].find(e => e.scrollHeight > e.clientHeight + 2)"""


def scroll_to(page, locator, top: int) -> None:  # noqa: ANN001
    """Scroll the main area so that ``locator``'s top is ``top`` pixels below the window's top."""
    y = locator.bounding_box()["y"]
    page.evaluate(f"(dy) => {{ const s = ({_SCROLLER})(); if (s) s.scrollBy(0, dy); }}", y - top)
    settle(page)


def tall(page, bottom_of, margin: int = 30) -> None:  # noqa: ANN001
    """Grow the window's height (width kept) until ``bottom_of`` is inside it."""
    box = bottom_of.bounding_box()
    height = int(box["y"] + box["height"] + margin)
    if height > VIEWPORT["height"]:
        page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
        settle(page)


def overview(page, base: str, out: Path) -> None:  # noqa: ANN001
    """The whole Overview: counts, the most quoted speakers, quotes over time, kinds per outlet."""
    page.goto(base)
    settle(page, 3)
    tall(page, page.locator('[data-testid="stPlotlyChart"]').last)
    save(page, out / "overview.png")


def compare(page, base: str, out: Path, row: int) -> None:  # noqa: ANN001
    """The OUTLETS outlets with the most quotes, scrolled down to the statements they share."""
    page.goto(view_url(base, "Compare outlets"))
    page.get_by_text("statement(s) quoted by two or more").wait_for(timeout=TIMEOUT)
    settle(page, 9)
    box = page.locator('[data-testid="stMain"] [data-testid="stMultiSelect"]').filter(has_text="Outlets side by side")
    for name in box.locator("[data-tag] > span[title]").all_inner_texts()[OUTLETS:]:
        page.get_by_role("button", name=f"Remove {name}").click()  # two outlets: their wordings fit side by side
        settle(page, 3 * OUTLETS)
    scroll_to(page, page.get_by_text("The same statement in several outlets"), 150)
    grid = page.locator('[data-testid="stDataFrame"]').filter(has=page.locator('th:has-text("outlets")')).last
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 * (row + 1) + 17)  # the statement's selection box
    page.get_by_text("outlets reported it").wait_for(timeout=TIMEOUT)
    settle(page)
    scroll_to(page, page.get_by_text("The same statement in several outlets"), 260)
    save(page, out / "compare.png")


def statement_row(store_dir: Path) -> int:
    """The row of the first statement of SPEAKER shared by the OUTLETS outlets with the most quotes."""
    from quotes import store, views
    from quotes.groups import group_statements, statement_table

    con = store.connect(store_dir)
    outlets = views.top(store.kind_outlet_counts(con, store.Filters()), "outlet", OUTLETS)
    table = statement_table(group_statements(store.quotes(con, store.Filters(outlets=outlets), 5000, 0)), outlets)
    rows = [n for n, speaker in enumerate(table["speaker"]) if speaker == SPEAKER and n < 9]
    return rows[0] if rows else 0


def speakers(page, base: str, out: Path) -> None:  # noqa: ANN001
    """The speaker × outlet heatmap, then SPEAKER's page: quotes over time across outlets, stance."""
    page.goto(view_url(base, "Speakers"))
    settle(page, 1)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="A speaker's page")
    box.locator("input").click()
    box.locator("input").fill(SPEAKER.split()[-1])
    page.get_by_role("option", name=SPEAKER).click()
    settle(page, 3)
    page.evaluate(f"() => {{ const s = ({_SCROLLER})(); if (s) s.scrollTo(0, 0); }}")  # back to the top
    settle(page)
    tall(page, page.locator('[data-testid="stPlotlyChart"]').last)
    save(page, out / "speakers.png")


def cued_row(store_dir: Path) -> int:
    """The first row of SPEAKER's quotes table whose stance has cues (a richer detail to show)."""
    import json

    from quotes import store

    df = store.quotes(store.connect(store_dir), store.Filters(speakers=[SPEAKER]), 14, 0)
    for n, value in enumerate(df["stance"]):
        records = json.loads(value) if isinstance(value, str) else list(value or [])
        if any(r.get("cues") and r.get("label") != "neutral" for r in records):
            return n
    return 0


def quotes(page, base: str, out: Path, row: int) -> None:  # noqa: ANN001
    """SPEAKER's quotes, one selected: its paragraph with the quote marked, mention, source, cues."""
    page.goto(view_url(base, "Quotes", speaker=SPEAKER))
    page.get_by_text("select a row to read the quote").wait_for(timeout=TIMEOUT)
    settle(page)
    grid = page.locator('[data-testid="stDataFrame"]').filter(has=page.locator('th:has-text("verb")')).last
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 * (row + 1) + 17)  # the row's selection box
    page.locator('[data-testid="stHtml"] mark').wait_for(timeout=TIMEOUT)
    settle(page)
    detail = page.locator('[data-testid="stVerticalBlockBorderWrapper"], [data-testid="stVerticalBlock"]').filter(
        has=page.locator('[data-testid="stHtml"]')).last
    bottom = detail.bounding_box()
    scroll_to(page, detail, VIEWPORT["height"] - int(bottom["height"]) - 40)
    save(page, out / "quotes.png")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="quotes-shots-"))
    try:
        store_dir = work / "store"
        print(ingest.ingest([str(ROOT / "data" / "articles")], store_dir, jobs=1, progress=False))
        with server(store_dir) as (url, _), sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            cued, shared = cued_row(store_dir), statement_row(store_dir)
            shots = (overview, lambda pg, u, o: compare(pg, u, o, shared), speakers, lambda pg, u, o: quotes(pg, u, o, cued))
            for shot in shots:
                context = browser.new_context(viewport=VIEWPORT)
                shot(context.new_page(), url, args.out)
                context.close()
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
