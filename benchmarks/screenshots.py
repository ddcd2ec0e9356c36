"""Screenshots of each view of the dashboard on the sample corpus, into docs/.

    python benchmarks/screenshots.py

Builds a store from data/ in a temporary folder, starts ``streamlit run dashboard.py`` on it and
drives Debian's Chromium through Playwright: Overview, Compare outlets, Speakers, Quotes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dashboard import CHROMIUM, WAIT, server  # noqa: E402

from quotes import ingest  # noqa: E402

DOCS = ROOT / "docs"
VIEWS = {"overview": "Overview", "compare": "Compare outlets", "speakers": "Speakers", "quotes": "Quotes"}


def main() -> None:
    from playwright.sync_api import sync_playwright

    sample = Path(tempfile.mkdtemp(prefix="quotes-shots-")) / "store"
    ingest.ingest([str(ROOT / "data" / "articles")], sample, jobs=1, progress=False)
    DOCS.mkdir(exist_ok=True)
    with server(sample) as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        page.wait_for_function("document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= 3",
                               timeout=WAIT)
        for name, tab in VIEWS.items():
            page.get_by_role("tab", name=tab).click()
            page.wait_for_timeout(4000)  # the view's charts and tables drawn
            page.screenshot(path=str(DOCS / f"{name}.png"))
            print(f"docs/{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
