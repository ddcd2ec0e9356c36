"""Who said what, in which outlet, and when: ``streamlit run dashboard.py``.

A thin page: it reads the store through ``quotes.store``'s query functions and draws what
``quotes.views`` (figures, tables, drill-downs, the URL codec), ``quotes.compare`` and
``quotes.groups`` compute. The store is ``$QUOTES_STORE`` (default ``store/`` beside this file),
never a path taken from the page; on a fresh machine it is built from ``data/``.

Nothing from an article is rendered as Markdown or HTML: tables are ``st.dataframe``, texts
``st.text``, headers go through ``views.md_text``, the paragraph through ``views.highlight_html``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from quotes import compare, store, views
from quotes.groups import MAX_DAYS, THRESHOLD, group_statements, statement_table

if __name__ != "__main__":  # imported once by the server at start-up (see the end of this file):
    # the caches declared below are then never used, and need not warn that no session runs yet
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

ROOT = Path(__file__).resolve().parent
STORE = Path(os.environ.get("QUOTES_STORE") or ROOT / "store")
DATA = ROOT / "data" / "articles"
TABS = ("Overview", "Compare outlets", "Speakers", "Quotes")
PAGE_SIZE = 500  # rows of the quotes table per page
DRILL_ROWS = 200  # rows listed under a chart after a selection, or under an outlet
GROUP_LIMIT = 5_000  # most recent quotes of the compared outlets searched for shared statements
SPEAKER_OPTIONS = 5_000  # speakers offered in the filter (most quoted first)
TOP_SPEAKERS = 15  # bars of the most quoted speakers
HEATMAP_SPEAKERS = 30  # rows of the speaker × outlet heatmap
LIST_FILTERS = {"speakers": "f_speakers", "outlets": "f_outlets", "kinds": "f_kinds", "targets": "f_targets",
                "stances": "f_stances", "frames": "f_frames"}


@dataclass(frozen=True)
class Page:
    """What every view of one script run needs: the filters, their cache key, the store version."""

    f: Any
    key: tuple[Any, ...]
    token: str
    colours: dict[str, str]

    def narrowed(self, **changes: Any) -> Page:
        f = views.narrow(self.f, **changes)
        return Page(f, views.filters_key(f), self.token, self.colours)


# --- store, cached ---------------------------------------------------------------------------------


@st.cache_resource(max_entries=1)
def _connection(path: str, token: str) -> Any:
    return store.connect(path)


def con(token: str) -> Any:
    """A cursor of the shared connection: DuckDB cursors may be used from the session's thread."""
    return _connection(str(STORE), token).cursor()


def filters_of(key: tuple[Any, ...]) -> Any:
    return views.decode_filters({k: list(v) for k, v in key})


@st.cache_data(max_entries=1024, show_spinner=False)
def query(name: str, key: tuple[Any, ...], token: str, *args: Any) -> Any:
    """``store.<name>(con, filters, *args)``, cached by the filters and the store version."""
    return getattr(store, name)(con(token), filters_of(key), *args)


@st.cache_data(max_entries=16, show_spinner=False)
def options(token: str) -> dict[str, Any]:
    return store.options(con(token))


@st.cache_data(max_entries=256, show_spinner=False)
def speaker_quotes(speaker: str, key: tuple[Any, ...], token: str) -> pd.DataFrame:
    return store.speaker_quotes(con(token), speaker, filters_of(key))


@st.cache_data(max_entries=1024, show_spinner=False)
def paragraph(content_hash: str, index: int, token: str) -> str | None:
    return store.paragraph(con(token), content_hash, index)


@st.cache_data(max_entries=1024, show_spinner=False)
def article(content_hash: str, token: str) -> dict[str, Any]:
    return store.article(con(token), content_hash) or {}


@st.cache_data(max_entries=64, show_spinner="Looking for the same statement across outlets…")
def statements(key: tuple[Any, ...], outlets: tuple[str, ...], token: str) -> pd.DataFrame:
    """The statements shared by ``outlets`` among their GROUP_LIMIT most recent quotes under ``key``."""
    recent = query("quotes", views.filters_key(views.narrow(filters_of(key), outlets=list(outlets))), token,
                   GROUP_LIMIT, 0)
    return statement_table(group_statements(recent), outlets)


@st.cache_resource
def build_from_data(path: str) -> str:
    """Ingest ``data/`` into an absent store, once per server (concurrent sessions wait for it).
    One process: the sample takes seconds; a large corpus goes through ``quotes ingest --jobs``."""
    from quotes import ingest

    return str(ingest.ingest([str(DATA)], Path(path), jobs=1, progress=False, on_error=lambda _: None))


def version() -> str:
    """Changes whenever a batch is committed to the store: every cache is keyed by it."""
    return f"{STORE}:{store.version(STORE)!r}"


def ensure_store() -> str | None:
    """The store's version; built from ``data/`` on a fresh machine; None (and what to do) when empty."""
    fresh = not (STORE / "articles").is_dir()
    if fresh and DATA.is_dir():
        with st.spinner("No store yet: building one from the sample corpus in data/ …"):
            result = build_from_data(str(STORE))
        st.success(f"There was no store: built one from the sample corpus in data/ ({result}).")
    token = version()
    if not (STORE / "articles").is_dir() or int(query("count_summary", (), token).get("quotes", 0)) == 0:
        st.info("The store is empty: add articles (.txt, .html, .jsonl, .csv) with **Add articles** in the sidebar, "
                "or run `quotes ingest data/articles --store store/` and reload the page.")
        return None
    return token


# --- filters <-> sidebar <-> URL ------------------------------------------------------------------


def seed_from_url(opts: dict[str, Any]) -> None:
    """First run of a session: the filters in the URL become the widgets' state."""
    if st.session_state.get("_seeded"):
        return
    st.session_state["_seeded"] = True
    set_filter_state(views.decode_filters({k: st.query_params.get_all(k) for k in st.query_params}), opts)


def set_filter_state(f: Any, opts: dict[str, Any]) -> None:
    """``f`` into the sidebar widgets' state (before they are drawn): values the store does not
    offer are dropped (a speaker is kept: it is added to the options), dates clamped to the store's."""
    for name, key in LIST_FILTERS.items():
        allowed = set(opts.get(name) or views.CHOICES.get(name) or [])
        st.session_state[key] = [v for v in getattr(f, name) if v in allowed or name == "speakers"]
    st.session_state["f_text"] = f.text or ""
    lo, hi = _date(opts.get("since")), _date(opts.get("until"))
    since, until = _date(f.since), _date(f.until)
    if lo and hi and (since or until):
        start = max(lo, min(hi, since or lo))
        st.session_state["f_dates"] = (start, max(start, min(hi, until or hi)))


def _date(value: Any) -> date | None:
    iso = views._iso(value)
    return date.fromisoformat(iso) if iso else None


def current_filters(opts: dict[str, Any]) -> Any:
    """The filters of this run, read from the widgets' state before the widgets are drawn: the
    views are drawn first (their charts reach the browser sooner), the sidebar after them."""
    values = {name: list(st.session_state.get(key) or []) for name, key in LIST_FILTERS.items()}
    since, until = picked_dates(opts, st.session_state.get("f_dates"))
    return store.Filters(**values, since=since, until=until, text=(st.session_state.get("f_text") or "").strip() or None)


def sidebar_filters(box: Any, opts: dict[str, Any]) -> None:
    """The filter widgets (in ``box``); their values are read by ``current_filters``."""
    box.header("Filters")
    speakers = list(opts.get("speakers") or [])[:SPEAKER_OPTIONS]
    kept = [s for s in st.session_state.get("f_speakers", []) if s not in speakers]
    box.multiselect("Speaker", kept + speakers, key="f_speakers", placeholder="Any speaker (type to search)",
                    help="Most quoted first")
    box.multiselect("Outlet", opts.get("outlets") or [], key="f_outlets", placeholder="Any outlet")
    lo, hi = _date(opts.get("since")), _date(opts.get("until"))
    if lo and hi:
        if "f_dates" not in st.session_state:
            st.session_state["f_dates"] = (lo, hi)
        box.date_input("Published between", min_value=lo, max_value=hi, key="f_dates")
    box.multiselect("Kind", list(views.KINDS), key="f_kinds", placeholder="direct, indirect or mixed")
    box.multiselect("Target", opts.get("targets") or [], key="f_targets", placeholder="Any target")
    box.multiselect("Stance toward the target", list(views.STANCES), key="f_stances", placeholder="Any stance")
    box.multiselect("Reporting-verb class", opts.get("frames") or [], key="f_frames", placeholder="Any class")
    box.text_input("Text contains", key="f_text", max_chars=views.MAX_PARAM_CHARS)


def picked_dates(opts: dict[str, Any], picked: Any) -> tuple[date | None, date | None]:
    """The date widget's value as (since, until), None at an end that is the store's own first or
    last day (or not picked yet: the widget holds one date while the second is being chosen)."""
    lo, hi = _date(opts.get("since")), _date(opts.get("until"))
    if not lo or not hi or not picked:
        return None, None
    picked = tuple(picked) if isinstance(picked, tuple | list) else (picked,)
    since = picked[0] if picked and picked[0] and picked[0] > lo else None
    until = picked[1] if len(picked) > 1 and picked[1] and picked[1] < hi else None
    return since, until


def sync_url(f: Any) -> None:
    """The URL says what the filters are: a view can be shared as a link and survives a reload."""
    enc = views.encode_filters(f)
    for key in views.PARAM_KEYS.values():
        wanted = enc.get(key)
        values = [wanted] if isinstance(wanted, str) else list(wanted or [])
        if st.query_params.get_all(key) == values:
            continue
        if values:
            st.query_params[key] = values if len(values) > 1 else values[0]
        else:
            del st.query_params[key]


# --- upload -------------------------------------------------------------------------------------------


def upload_panel(box: Any) -> None:
    """Sidebar: add articles to the store, then a line per file saying what was added or why not."""
    box.header("Add articles")
    round_ = st.session_state.setdefault("_upload_round", 0)
    files = box.file_uploader(f"Articles: .txt .html .jsonl .csv, {views.MAX_UPLOAD_MB} MB each",
                              type=list(views.UPLOAD_TYPES), accept_multiple_files=True, key=f"upload_{round_}")
    if files and box.button("Add to store", key=f"add_{round_}", type="primary"):
        with box, st.spinner("Adding articles…"):
            st.session_state["_upload_report"] = ingest_uploads(files)
        st.session_state["_upload_round"] = round_ + 1  # a fresh, empty uploader
        st.cache_data.clear()
        st.rerun()
    report = st.session_state.get("_upload_report")
    if report is not None:
        box.dataframe(report, hide_index=True, width="stretch")


def ingest_uploads(files: list[Any]) -> pd.DataFrame:
    """Each uploaded file checked (type, size) then ingested from its bytes; its name is only a label."""
    rows = [ingest_upload(views.upload_label(up.name), up.getvalue()) for up in files]
    return pd.DataFrame(rows, columns=["file", "result", "detail"])


def ingest_upload(label: str, data: bytes) -> dict[str, str]:
    from quotes import ingest
    from quotes.read import read_bytes

    error = views.check_upload(label, len(data))
    if error:
        return {"file": label, "result": "refused", "detail": error}
    report = ingest.ingest([], STORE, jobs=1, progress=False, on_error=lambda _: None,
                           items=read_bytes(data, label))
    return {"file": label, "result": str(report), "detail": "; ".join(report.errors)[:500]}


# --- shared pieces -------------------------------------------------------------------------------------


def chart(fig: Any, key: str, kind: str, page: Page, rows: pd.DataFrame | None = None) -> None:
    """A figure; clicking (or box/lasso selecting) marks lists the quotes they count underneath.
    ``rows``: the quotes drawn one per point, when the figure is of single quotes."""
    event = st.plotly_chart(fig, key=key, on_select="rerun", selection_mode=("points", "box", "lasso"),
                            width="stretch")
    changes = views.drill(kind, views.selected(event))
    if not changes:
        return
    if "ids" in changes and rows is not None:
        df = rows[views.quote_ids(rows).isin(changes["ids"])]
        st.text(f"Selected — {views.drill_label(changes)}")
    else:
        sub = page.narrowed(**{k: v for k, v in changes.items() if v})
        df = query("quotes", sub.key, page.token, DRILL_ROWS, 0)
        total = int(query("count_summary", sub.key, page.token).get("quotes", 0)) if len(df) >= DRILL_ROWS else len(df)
        listed = f" (the {len(df)} most recent listed)" if total > len(df) else ""
        st.text(f"Selected — {views.drill_label(changes)}: {total:,} quote(s){listed}")
        st.button("Filter every view by this selection", key=f"{key}_apply", on_click=apply_filters,
                  args=(sub.f, page.token))
    quotes_table(df, f"{key}_rows", page.token)


def apply_filters(f: Any, token: str) -> None:
    """Button callback (it runs before the rerun, so the sidebar widgets can still be set): the
    filters of a chart selection become the sidebar's, hence every view's and the URL's."""
    set_filter_state(f, options(token))


def quotes_table(df: pd.DataFrame, key: str, token: str, height: int | None = None) -> None:
    """The quotes as a table; selecting a row shows the quote in its paragraph."""
    event = st.dataframe(views.quote_table(df), key=key, on_select="rerun", selection_mode="single-row",
                         hide_index=True, width="stretch", height=height or views.table_height(len(df)),
                         column_config={"quote": st.column_config.TextColumn("quote", width="large")})
    rows = event.selection.rows if event else []
    if rows and rows[0] < len(df):
        quote_detail(df.iloc[rows[0]], token)


def quote_detail(q: pd.Series, token: str) -> None:
    """One quote: its paragraph with the quote marked, the mention as written, the source, the cues."""
    with st.container(border=True):
        text = paragraph(str(q["content_hash"]), int(q["paragraph"]), token)
        if text:
            st.html(views.highlight_html(text, q.get("start"), q.get("end"),
                                         mention=(q.get("mention_start"), q.get("mention_end")),
                                         cue=(q.get("cue_start"), q.get("cue_end"))))
        else:
            st.text(q.get("text"))
        st.text(f"Speaker: {q.get('speaker') or '(unresolved)'} — as written: {q.get('mention') or '(none)'}")
        st.text(f"Reported with: {q.get('cue')} ({q.get('frame') or 'neutral'}) — {q.get('outlet')}, "
                f"{str(q.get('published') or '')[:10]} — {q.get('title') or ''}")
        meta = article(str(q["content_hash"]), token)
        url = views.safe_url(meta.get("url"))
        if url:
            st.link_button("Open the source", url)
        else:
            st.text(f"Source: {q.get('source')}")
        cues = views.stance_cues(q.get("stance"))
        if len(cues):
            st.dataframe(cues, hide_index=True, width="stretch")


# --- views -----------------------------------------------------------------------------------------------


def overview(page: Page) -> None:
    counts = query("count_summary", page.key, page.token)
    for col, name in zip(st.columns(4), ("articles", "quotes", "speakers", "outlets"), strict=True):
        col.metric(name.capitalize(), f"{int(counts.get(name, 0)):,}")
    top = query("speaker_outlet_counts", page.key, page.token, TOP_SPEAKERS)
    chart(views.fig_top_speakers(top, TOP_SPEAKERS, page.colours), "ov_speakers", "speakers", page)
    left, right = st.columns(2)
    with left:
        days = query("day_outlet_counts", page.key, page.token)
        chart(views.fig_timeline(days, colours=page.colours), "ov_timeline", "timeline", page)
    with right:
        chart(views.fig_kind_share(query("kind_outlet_counts", page.key, page.token)), "ov_kinds", "kinds", page)


def compare_outlets(page: Page) -> None:
    kinds = query("kind_outlet_counts", page.key, page.token)
    ranked = views.top(kinds, "outlet", 100)
    if len(ranked) < 2:
        st.info("Fewer than two outlets carry quotes for these filters: widen the filters to compare outlets.")
        return
    chosen = st.multiselect("Outlets side by side (2 to 4)", ranked, default=ranked[:3], max_selections=4,
                            key="cmp_outlets")
    if len(chosen) < 2:
        st.info("Pick two to four outlets.")
        return
    both = page.narrowed(outlets=chosen)  # one query for the outlets side by side, split below
    totals = views.counted(kinds).groupby("outlet")["count"].sum()
    stance = query("stance_by_outlet_target", both.key, page.token)
    frames = query("frame_outlet_counts", both.key, page.token)
    recent = query("quotes", both.key, page.token, GROUP_LIMIT, 0)  # also what statements() groups
    targets = views.top(stance, "target", 12)
    for n, (col, outlet) in enumerate(zip(st.columns(len(chosen)), chosen, strict=True)):
        with col:
            outlet_column(page.narrowed(outlets=[outlet]), outlet, n, targets, int(totals.get(outlet, 0)),
                          stance[stance["outlet"] == outlet], frames[frames["outlet"] == outlet],
                          outlet_rows(page.narrowed(outlets=[outlet]), outlet, recent))
    st.subheader("The same statement in several outlets")
    table = statements(page.key, tuple(chosen), page.token)
    st.text(f"{len(table)} statement(s) quoted by two or more of these outlets: same speaker, similar wording "
            f"(rapidfuzz score ≥ {THRESHOLD}), published within {MAX_DAYS} days of each other "
            f"(among their {GROUP_LIMIT:,} most recent quotes)")
    cells = [c for c in table.columns if " · " in c]  # each outlet's wording, verb and date
    shown = table.drop(columns=["group"]).assign(**{c: table[c].fillna("") for c in cells})
    widths = {c: st.column_config.TextColumn(c, width="medium" if c.endswith("quote") else "small") for c in cells}
    event = st.dataframe(shown, hide_index=True, width="stretch", key="cmp_statements", column_config=widths,
                         on_select="rerun", selection_mode="single-row")
    picked = event.selection.rows if event else []
    if picked and picked[0] < len(table):
        row = table.iloc[picked[0]]
        versions = views.statement_rows(row.to_dict(), chosen)
        st.text(f"{row['speaker']}, as {len(versions)} outlets reported it:")
        st.dataframe(versions, hide_index=True, width="stretch", key="cmp_versions",
                     column_config={"quote": st.column_config.TextColumn("quote", width="large")})
    else:
        st.text("Select a statement to read each outlet's wording in full.")


def outlet_rows(page: Page, outlet: str, recent: pd.DataFrame) -> pd.DataFrame:
    """The outlet's DRILL_ROWS most recent quotes: taken from the compared outlets' most recent
    quotes when they hold that many of its quotes (or all of them), else queried."""
    mine = recent[recent["outlet"] == outlet]
    if len(mine) >= DRILL_ROWS or len(recent) < GROUP_LIMIT:
        return mine.head(DRILL_ROWS).reset_index(drop=True)
    return query("quotes", page.key, page.token, DRILL_ROWS, 0)


def outlet_column(page: Page, outlet: str, n: int, targets: list[str], total: int, stance: pd.DataFrame,
                  frames: pd.DataFrame, rows: pd.DataFrame) -> None:
    """One outlet of the comparison: its quotes, who it quotes, its verb classes, its stance by target."""
    st.subheader(views.md_text(outlet, 60))
    st.metric("Quotes", f"{total:,}")
    voices = views.with_shares(query("speaker_outlet_counts", page.key, page.token, 10), total=total)
    chart(views.fig_shares(voices, "speaker", "Who is quoted"), f"cmp_voices_{n}", "voices", page)
    chart(views.fig_shares(views.with_shares(frames), "frame", "How words are reported (verb class)"),
          f"cmp_frames_{n}", "frames", page)
    chart(views.fig_stance(stance, "Stance by target", targets), f"cmp_stance_{n}", "stance", page)
    quotes_table(rows, f"cmp_rows_{n}", page.token, height=320)


def speakers_view(page: Page) -> None:
    cells = query("speaker_outlet_counts", page.key, page.token, HEATMAP_SPEAKERS)
    chart(views.fig_heatmap(cells, HEATMAP_SPEAKERS), "sp_heatmap", "heatmap", page)
    ranked = query("speaker_counts", page.key, page.token, SPEAKER_OPTIONS)
    names = ranked["speaker"].dropna().tolist() if len(ranked) else []
    if not names:
        return
    speaker = st.selectbox("A speaker's page", names, key="sp_speaker", help="Most quoted first")
    df = speaker_quotes(speaker, page.key, page.token)
    left, right = st.columns(2)
    with left:
        chart(views.fig_speaker_timeline(df, speaker), "sp_timeline", "quotes", page, rows=df)
    with right:
        st.plotly_chart(views.fig_stance(compare.mean_stance(df), "Stance by target, per outlet",
                                         colours=page.colours), width="stretch", key="sp_stance")
    quotes_table(df, "sp_rows", page.token)


def quotes_view(page: Page) -> None:
    total = int(query("count_summary", page.key, page.token).get("quotes", 0))
    pages = max(1, -(-total // PAGE_SIZE))
    number = int(st.number_input(f"Page (of {pages})", 1, pages, 1, key="q_page")) if pages > 1 else 1
    df = query("quotes", page.key, page.token, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    st.text(f"{total:,} quote(s) — select a row to read the quote in its paragraph")
    quotes_table(df, "q_rows", page.token)
    export_buttons(page)


def export_buttons(page: Page) -> None:
    """Every filtered quote as CSV (formula-safe cells) or Parquet, made when the button is clicked."""

    def rows() -> pd.DataFrame:
        return store.export_frame(con(page.token), page.f)

    left, right = st.columns(2)
    left.download_button("Download CSV", lambda: views.csv_bytes(rows()), views.export_name(page.f, "csv"),
                         "text/csv", key="dl_csv", on_click="ignore")
    right.download_button("Download Parquet", lambda: views.parquet_bytes(rows()),
                          views.export_name(page.f, "parquet"), "application/vnd.apache.parquet", key="dl_parquet",
                          on_click="ignore")


# --- page ------------------------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="quotes — who said what", layout="wide")
    st.title("Who said what, in which outlet, and when")
    filters_box, upload_box = st.sidebar.container(), st.sidebar.container()
    token = ensure_store()
    if token is None:
        upload_panel(upload_box)
        return
    opts = options(token)
    seed_from_url(opts)
    f = current_filters(opts)
    sync_url(f)
    page = Page(f, views.filters_key(f), token, views.outlet_colours(opts.get("outlets") or []))
    try:
        tabs = st.tabs(list(TABS), key="view", bind="query-params")
        for tab, draw in zip(tabs, (overview, compare_outlets, speakers_view, quotes_view), strict=True):
            if tab.open is not False:  # only the open tab is computed
                with tab:
                    draw(page)
    finally:  # the sidebar last, into its place at the top: the charts are sent first
        sidebar_filters(filters_box, opts)
        upload_panel(upload_box)


if __name__ == "__main__":  # a session's run of this script (Streamlit runs it as __main__)
    main()
else:
    # ``streamlit run dashboard.py`` finds this ``st.App`` and serves it with uvicorn: the server
    # imports this module once, at start-up, before it answers its health check, so that pandas,
    # Plotly, DuckDB and the lexicons are loaded before the first reader arrives rather than
    # during that reader's first render (0.6–1 s of it on two cores: benchmarks/bench_dashboard.py).
    app = st.App(__file__)
