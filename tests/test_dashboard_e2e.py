"""End to end: ``streamlit run dashboard.py`` on a store built from data/, driven in Debian's
chromium by Playwright. Skipped when /usr/bin/chromium is absent. Screenshots go to tmp_path."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from quotes import ingest, store

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SPEAKER = "Mikhaïl Sorokine"
TIMEOUT = 30_000  # ms, for one page to settle

pytestmark = [pytest.mark.e2e, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("streamlit did not come up")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "store"
    report = ingest.ingest([str(ROOT / "data" / "articles")], path, jobs=1, progress=False)
    assert report.new > 30 and report.failed == 0
    return path


@pytest.fixture(scope="module")
def server(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "wb")  # noqa: SIM115 - closed below
    env = {**os.environ, "QUOTES_STORE": str(store_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture
def page(browser, tmp_path: Path):  # noqa: ANN001, ANN201 - Playwright objects
    context = browser.new_context(viewport={"width": 1500, "height": 1200}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    pg.screenshot(path=str(tmp_path / "last.png"))
    context.close()


def _settle(page, count: int = 1) -> None:  # noqa: ANN001
    """Wait until the script run is over and ``count`` Plotly charts are drawn."""
    page.wait_for_function(f"document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length >= {count}",
                           timeout=TIMEOUT)
    _idle(page)


def _idle(page) -> None:  # noqa: ANN001
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    page.wait_for_timeout(300)


def _grid(page, header: str):  # noqa: ANN001, ANN202
    """The st.dataframe whose header has ``header``; its accessible table lists the visible rows."""
    return page.locator('[data-testid="stDataFrame"]').filter(has=page.locator(f'th:has-text("{header}")')).last


def _rows(grid) -> list[list[str]]:  # noqa: ANN001
    rows = grid.locator("tbody [role=row]")
    rows.first.wait_for(state="attached", timeout=TIMEOUT)
    return [rows.nth(i).locator("[role=gridcell]").all_text_contents() for i in range(rows.count())]


def _row_count(grid) -> int:  # noqa: ANN001
    return int(grid.locator("table").first.get_attribute("aria-rowcount")) - 1


def _expected(store_dir: Path, f: store.Filters) -> int:
    return int(store.count_summary(store.connect(store_dir), f)["quotes"])


def test_overview_speaker_filter_compare_and_csv(page, server: str, store_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    started = time.monotonic()
    page.goto(server)
    _settle(page, 3)
    page.screenshot(path=str(tmp_path / "overview.png"))

    # pick a speaker in the sidebar filter
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Speaker")
    box.locator("input").click()
    box.locator("input").fill("Sorokine")
    page.get_by_role("option", name=SPEAKER).click()
    page.keyboard.press("Escape")
    _settle(page, 3)
    assert "speaker=Mikha%C3%AFl+Sorokine" in page.url or "speaker=Mikha%C3%AFl%20Sorokine" in page.url

    # every row of the quotes table is that speaker's
    page.get_by_role("tab", name="Quotes").click()
    n = _expected(store_dir, store.Filters(speakers=[SPEAKER]))
    page.get_by_text(f"{n:,} quote(s)").wait_for(timeout=TIMEOUT)
    grid = _grid(page, "verb")
    rows = _rows(grid)
    assert rows and _row_count(grid) == n
    assert {r[0] for r in rows} == {SPEAKER}
    page.screenshot(path=str(tmp_path / "quotes.png"))

    # the CSV download holds exactly these quotes
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download CSV").click()
    data = Path(dl.value.path()).read_bytes().decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(data)))
    assert len(records) == n and {r["speaker"] for r in records} == {SPEAKER}

    # compare outlets: one statement quoted by two outlets or more, in one row
    page.get_by_role("tab", name="Compare outlets").click()
    page.get_by_text("statement(s) quoted by two or more of these outlets").wait_for(timeout=TIMEOUT)
    _idle(page)
    line = page.get_by_text("statement(s) quoted by two or more of these outlets").inner_text()
    assert int(line.split()[0]) >= 1
    groups = _rows(_grid(page, "outlets"))
    assert groups and groups[0][0] == SPEAKER and int(groups[0][1]) >= 2
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    assert time.monotonic() - started < 60


def _upload(page, server: str, name: str, records: list[dict[str, str]], tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(server)
    _settle(page, 3)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    page.locator('[data-testid="stSidebar"] input[type=file]').set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": body}])
    page.get_by_role("button", name="Add to store").click()
    report = _grid(page, "result")
    report.wait_for(timeout=TIMEOUT)
    _idle(page)
    assert _rows(report)[0][:2] == [name, "1 new, 0 replaced, 0 unchanged, 0 failed"]
    page.screenshot(path=str(tmp_path / f"upload-{name}.png"))


def _article(art_id: str, quote_text: str, speaker: str) -> dict[str, str]:
    return {"id": art_id, "title": "Conférence de Tallinn", "outlet": "La Gazette du Port", "published": "2025-06-30",
            "url": "https://gazette-du-port.example/tallinn",
            "text": f"La conférence s'est ouverte lundi.\n\n« {quote_text} », a déclaré {speaker}, ministre "
                    "de la Mer.\n\nLes travaux reprendront mardi."}


def test_upload_an_article_and_find_its_quote(page, server: str, tmp_path: Path) -> None:  # noqa: ANN001
    phrase = "Les phares du Nord resteront allumés toute la nuit"
    _upload(page, server, "tallinn.jsonl", [_article("up-1", phrase, "Zéphyrin Quastel")], tmp_path)
    page.goto(f"{server}/?view=Quotes&q={quote('phares du Nord')}")
    page.get_by_text("1 quote(s)").wait_for(timeout=TIMEOUT)
    rows = _rows(_grid(page, "verb"))
    assert rows[0][0] == "Zéphyrin Quastel" and rows[0][5] == phrase


def test_an_uploaded_quote_with_markup_is_shown_as_text(page, server: str, tmp_path: Path) -> None:  # noqa: ANN001
    hostile = 'Voici <script>window.__x=1</script> et <img src=x onerror="window.__y=1"> pour finir'
    _upload(page, server, "hostile.jsonl", [_article("up-2", hostile, "Ottilie Marchais")], tmp_path)
    page.goto(f"{server}/?view=Quotes&q={quote('window.__x')}")
    page.get_by_text("1 quote(s)").wait_for(timeout=TIMEOUT)
    grid = _grid(page, "verb")
    assert hostile in _rows(grid)[0][5]
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the row's selection box
    shown = page.locator('[data-testid="stHtml"] mark')
    shown.wait_for(timeout=TIMEOUT)
    assert shown.inner_text() == hostile
    page.wait_for_timeout(500)
    assert page.evaluate("() => [typeof window.__x, typeof window.__y]") == ["undefined", "undefined"]
    assert page.locator('[data-testid="stMain"] img[src="x"], [data-testid="stMain"] script').count() == 0
    page.screenshot(path=str(tmp_path / "hostile.png"))
