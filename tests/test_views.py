"""The functions behind every figure and table of the dashboard (quotes/views.py)."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from quotes import views
from quotes.store import Filters

AMR, FAN, SXT = "Agence Méridienne", "Le Fanal Quotidien", "Sextant Info"


# --- filters <-> URL ----------------------------------------------------------------------------

FILTERS = [
    Filters(),
    Filters(speakers=["Mikhaïl Sorokine"]),
    Filters(speakers=["Mikhaïl Sorokine", "Ingrid Vallgren"], outlets=[AMR, "L'Écho des Chancelleries"]),
    Filters(since=date(2025, 1, 21), until=date(2025, 3, 31)),
    Filters(kinds=["direct", "mixed"], stances=["opposed"], targets=["OTAN"], frames=["accusatory"]),
    Filters(text="sécurité & « Europe » ?q=1#x"),
    Filters(speakers=["A, B", "C&D=E"], outlets=["Radio Vent d'Est Info"], since=date(2025, 6, 1),
            text="a\nb"),
]


def _as_url_params(encoded: dict[str, str | list[str]]) -> dict[str, list[str]]:
    """What ``st.query_params`` gives back (``get_all`` per key) after a reload."""
    from urllib.parse import parse_qs, urlencode

    query = urlencode(encoded, doseq=True)
    return parse_qs(query, keep_blank_values=True)


def _normal(f: Filters) -> dict[str, object]:
    out = {}
    for k, v in dataclasses.asdict(f).items():
        if isinstance(v, tuple):
            v = list(v)
        if isinstance(v, date):
            v = v.isoformat()
        out[k] = v or None
    if out.get("text"):
        out["text"] = views._clean(out["text"])  # control characters are dropped from URLs
    return out


@pytest.mark.parametrize("f", FILTERS)
def test_filters_round_trip_through_the_url(f: Filters) -> None:
    back = views.decode_filters(_as_url_params(views.encode_filters(f)))
    assert _normal(back) == _normal(f)


def test_empty_filters_make_an_empty_query() -> None:
    assert views.encode_filters(Filters()) == {}


def test_encoded_keys_are_short_and_lists_repeat() -> None:
    enc = views.encode_filters(Filters(speakers=["A", "B"], text="x", since=date(2025, 1, 2)))
    assert enc == {"speaker": ["A", "B"], "q": "x", "since": "2025-01-02"}


@pytest.mark.parametrize(("params", "field", "expected"), [
    ({"since": ["not a date"]}, "since", None),
    ({"since": ["2025-02-30"]}, "since", None),
    ({"kind": ["direct", "<script>", "mixed"]}, "kinds", ["direct", "mixed"]),
    ({"stance": ["opposed", "hostile"]}, "stances", ["opposed"]),
    ({"speaker": ["A", "A", " B ", ""]}, "speakers", ["A", "B"]),
    ({"speaker": "solo"}, "speakers", ["solo"]),
    ({"q": ["x" * 1000]}, "text", "x" * views.MAX_PARAM_CHARS),
    ({"unknown": ["1"]}, "speakers", None),
])
def test_decoding_is_defensive(params: dict[str, list[str]], field: str, expected: object) -> None:
    got = _normal(views.decode_filters(params))[field]
    assert (list(got) if isinstance(got, tuple) else got) == expected


def test_too_many_values_are_cut() -> None:
    f = views.decode_filters({"speaker": [f"s{i}" for i in range(1000)]})
    assert len(f.speakers) == views.MAX_PARAM_VALUES


def test_filters_key_is_hashable_and_order_stable() -> None:
    a = views.filters_key(Filters(speakers=["A"], outlets=[AMR]))
    b = views.filters_key(Filters(outlets=[AMR], speakers=["A"]))
    assert a == b and hash(a) == hash(b)
    assert a != views.filters_key(Filters(speakers=["B"], outlets=[AMR]))


def test_narrow_replaces_only_given_fields() -> None:
    f = Filters(speakers=["A"], text="x")
    g = views.narrow(f, outlets=[AMR], speakers=None)
    assert list(g.outlets) == [AMR] and list(g.speakers) == ["A"] and g.text == "x"


# --- tables ------------------------------------------------------------------------------------

SO = pd.DataFrame({"speaker": ["Sorokine", "Sorokine", "Vallgren", "Holt", None],
                   "outlet": [AMR, FAN, AMR, FAN, SXT], "count": [5, 3, 4, 4, 2]})


def test_top_orders_by_total_then_name() -> None:
    assert views.top(SO.dropna(), "speaker", 2) == ["Sorokine", "Holt"]
    assert views.top(SO.iloc[0:0], "speaker", 3) == []


def test_with_shares_sum_to_one_per_outlet() -> None:
    out = views.with_shares(SO)
    assert out.groupby("outlet")["share"].sum().round(9).eq(1).all()
    assert out.loc[(out.outlet == AMR) & (out.speaker == "Sorokine"), "share"].item() == pytest.approx(5 / 9)


@pytest.mark.parametrize(("first", "last", "freq"), [
    (date(2025, 1, 1), date(2025, 1, 31), "D"),
    (date(2025, 1, 1), date(2025, 6, 30), "W"),
    (date(2020, 1, 1), date(2025, 6, 30), "M"),
])
def test_period_freq(first: date, last: date, freq: str) -> None:
    assert views.period_freq(first, last) == freq


DAYS = pd.DataFrame({"day": ["2025-01-21", "2025-01-22", "2025-01-22", "2025-01-27", None, "2025-06-24"],
                     "outlet": [AMR, AMR, FAN, AMR, FAN, FAN], "count": [2, 1, 3, 4, 7, 1]})


def test_timeline_counts_by_week_start_on_monday() -> None:
    tl = views.timeline_counts(DAYS, "W")
    first = tl[tl["start"] == "2025-01-20"]
    assert dict(zip(first["outlet"], first["count"], strict=True)) == {AMR: 3, FAN: 3}
    assert first["end"].unique().tolist() == ["2025-01-26"]
    assert tl["count"].sum() == 2 + 1 + 3 + 4 + 1  # the undated day is left out


@pytest.mark.parametrize(("freq", "start", "end"), [("D", "2025-01-22", "2025-01-22"), ("M", "2025-01-01", "2025-01-31")])
def test_timeline_period_bounds(freq: str, start: str, end: str) -> None:
    tl = views.timeline_counts(DAYS, freq)
    assert ((tl["start"] == start) & (tl["end"] == end)).any()


def test_timeline_without_dates_is_empty() -> None:
    assert views.timeline_counts(pd.DataFrame({"day": [None], "outlet": [AMR], "count": [1]})).empty
    assert views.timeline_counts(pd.DataFrame(columns=["day", "outlet", "count"])).empty


def test_kind_shares_fill_missing_kinds() -> None:
    kc = pd.DataFrame({"outlet": [AMR, AMR, FAN], "kind": ["direct", "indirect", "mixed"], "count": [3, 1, 2]})
    out = views.kind_shares(kc)
    assert len(out) == 6
    fan = out[out.outlet == FAN].set_index("kind")["share"]
    assert fan.to_dict() == {"direct": 0.0, "indirect": 0.0, "mixed": 1.0}


QUOTES = pd.DataFrame({
    "id": ["a:1:0", "b:2:5"], "speaker": ["Mikhaïl Sorokine", None], "mention": ["M. Sorokine", "un diplomate"],
    "outlet": [AMR, FAN], "published": ["2025-01-21", "2025-01-22T10:00:00"], "kind": ["direct", "indirect"],
    "cue": ["a déclaré", "selon"], "text": ["<script>window.__x=1</script>", "=HYPERLINK(\"http://x\")"],
    "stance": [[{"target": "OTAN", "label": "opposed", "score": -0.5, "cues": ["- menace"]}], []],
}, index=[10, 11])


def test_quote_table_columns_and_mention_fallback() -> None:
    t = views.quote_table(QUOTES)
    assert list(t.columns) == ["speaker", "outlet", "date", "kind", "verb", "quote"]
    assert t["speaker"].tolist() == ["Mikhaïl Sorokine", "un diplomate"]
    assert t["date"].tolist() == ["2025-01-21", "2025-01-22"]
    assert list(t.index) == [10, 11]


def test_stance_cues_table() -> None:
    t = views.stance_cues(QUOTES.loc[10, "stance"])
    assert t.to_dict("records") == [{"target": "OTAN", "label": "opposed", "score": -0.5, "cues": "- menace"}]
    assert views.stance_cues(None).empty
    assert views.stance_cues('[{"target": "UE", "label": "favorable", "score": 0.4, "cues": []}]')["target"].tolist() == ["UE"]

def test_statement_rows_one_per_outlet_carrying_it() -> None:
    row = {"group": 0, "speaker": "Mikhaïl Sorokine", "outlets": 2,
           f"{AMR} · quote": "Nous resterons ouverts", f"{AMR} · verb": "a déclaré", f"{AMR} · date": "2025-01-21",
           f"{FAN} · quote": None, f"{FAN} · verb": None, f"{FAN} · date": None,
           f"{SXT} · quote": "nous resterons ouverts au dialogue", f"{SXT} · verb": "a martelé",
           f"{SXT} · date": "2025-01-22"}
    t = views.statement_rows(row, [AMR, FAN, SXT])
    assert t["outlet"].tolist() == [AMR, SXT]
    assert t.loc[1].to_dict() == {"outlet": SXT, "verb": "a martelé", "date": "2025-01-22",
                                  "quote": "nous resterons ouverts au dialogue"}
    assert views.statement_rows(row, [FAN]).empty



# --- one quote ---------------------------------------------------------------------------------

PARA = "Selon lui, « <img src=x onerror=\"window.__y=1\"> & <b>gras</b> », a dit M. X."


def test_highlight_escapes_everything_and_marks_the_quote() -> None:
    start = PARA.index("<img")
    end = PARA.index(" »")
    out = views.highlight_html(PARA, start, end, mention=(PARA.index("M. X"), PARA.index("M. X") + 4),
                               cue=(PARA.index("a dit"), PARA.index("a dit") + 5))
    assert "<img" not in out and "<b>gras" not in out
    assert "<mark>&lt;img src=x onerror=&quot;window.__y=1&quot;&gt; &amp; &lt;b&gt;gras&lt;/b&gt;</mark>" in out
    assert "<b>M. X</b>" in out and "<b>a dit</b>" in out
    tags = {t for t in pd.Series(out).str.findall(r"</?([a-zA-Z]+)")[0]}
    assert tags <= {"div", "mark", "b"}


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (5, 2), (0, 10_000), (None, None), ("x", 3)])
def test_highlight_with_bad_offsets_shows_the_escaped_paragraph(start: object, end: object) -> None:
    out = views.highlight_html(PARA, start, end)
    assert "<mark>" not in out and "&lt;img" in out


def test_highlight_skips_a_mention_inside_the_quote() -> None:
    text = "« Je, Sorokine, le dis », a dit Sorokine."
    out = views.highlight_html(text, 2, 22, mention=(5, 13))
    assert out.count("<b>") == 0 and "<mark>Je, Sorokine, le dis</mark>" in out


@pytest.mark.parametrize(("url", "ok"), [
    ("https://www.agence-meridienne.com/a/b?x=1", True),
    ("http://sxt.info/r/abc", True),
    ("javascript:alert(1)", False),
    ("data:text/html,<script>", False),
    ("https://x.org/a b", False),
    ("//evil.org/x", False),
    ("", False),
    (None, False),
    ("https://x.org/\u0000", False),
])
def test_safe_url(url: object, ok: bool) -> None:
    assert (views.safe_url(url) is not None) is ok


# --- figures -----------------------------------------------------------------------------------


def _bars(fig: go.Figure) -> list[list[object]]:
    return [cd for trace in fig.data for cd in (trace.customdata or [])]


def test_fig_top_speakers_stacks_by_outlet_and_carries_drill_values() -> None:
    fig = views.fig_top_speakers(SO, n=2)
    assert fig.layout.barmode == "stack"
    assert {t.name for t in fig.data} == {AMR, FAN}
    assert sorted(map(tuple, _bars(fig))) == [("Holt", FAN), ("Sorokine", AMR), ("Sorokine", FAN)]
    assert sum(sum(t.x) for t in fig.data) == 12


def test_figures_escape_article_strings() -> None:
    so = pd.DataFrame({"speaker": ["<b onmouseover=x>Evil</b>"], "outlet": ["<a href='http://x'>O</a>"], "count": [1]})
    fig = views.fig_top_speakers(so)
    assert fig.data[0].y[0] == "&lt;b onmouseover=x&gt;Evil&lt;/b&gt;"
    assert fig.data[0].name == "&lt;a href='http://x'&gt;O&lt;/a&gt;"
    assert fig.data[0].customdata[0][0] == "<b onmouseover=x>Evil</b>"  # raw for the drill-down
    heat = views.fig_heatmap(so)
    assert heat.data[0].x[0].startswith("&lt;a")


def test_fig_timeline() -> None:
    fig = views.fig_timeline(DAYS, "W")
    assert {t.name for t in fig.data} == {AMR, FAN}
    assert sum(sum(t.y) for t in fig.data) == 11
    assert all(len(cd) == 3 for cd in _bars(fig))


def test_fig_kind_share_is_a_share() -> None:
    kc = pd.DataFrame({"outlet": [AMR, AMR, FAN], "kind": ["direct", "indirect", "mixed"], "count": [3, 1, 2]})
    fig = views.fig_kind_share(kc)
    assert [t.name for t in fig.data] == ["direct", "indirect", "mixed"]
    totals: dict[str, float] = {}
    for t in fig.data:
        for outlet, share in zip(t.y, t.x, strict=True):
            totals[outlet] = totals.get(outlet, 0) + share
    assert all(v == pytest.approx(1.0) for v in totals.values())


def test_fig_heatmap_cells() -> None:
    fig = views.fig_heatmap(SO, n=3)
    assert len(fig.data) == 1 and fig.data[0].marker.symbol == "square"
    assert sorted(map(tuple, _bars(fig))) == [("Holt", FAN, 4), ("Sorokine", AMR, 5), ("Sorokine", FAN, 3),
                                              ("Vallgren", AMR, 4)]


def test_fig_speaker_timeline_one_point_per_dated_quote() -> None:
    fig = views.fig_speaker_timeline(QUOTES, "Mikhaïl Sorokine")
    assert sum(len(t.x) for t in fig.data) == 2
    assert sorted(cd[0] for cd in _bars(fig)) == ["a:1:0", "b:2:5"]
    assert all("<script>" not in t for tr in fig.data for t in tr.text)


def test_fig_stance_and_shares() -> None:
    from quotes.compare import mean_stance

    stance = mean_stance(QUOTES)
    fig = views.fig_stance(stance)
    assert _bars(fig) == [[AMR, "OTAN", 1]] and list(fig.data[0].y) == [-0.5]
    shares = views.with_shares(SO[SO.outlet == AMR])
    fig = views.fig_shares(shares, "speaker", "Voices")
    assert sorted(fig.data[0].x) == pytest.approx([4 / 9, 5 / 9])


@pytest.mark.parametrize("make", [
    lambda: views.fig_top_speakers(SO.iloc[0:0]),
    lambda: views.fig_timeline(DAYS.iloc[0:0]),
    lambda: views.fig_kind_share(pd.DataFrame(columns=["outlet", "kind", "count"])),
    lambda: views.fig_heatmap(SO.iloc[0:0]),
    lambda: views.fig_speaker_timeline(QUOTES.iloc[0:0], "X"),
    lambda: views.fig_stance(pd.DataFrame()),
    lambda: views.fig_shares(pd.DataFrame(), "speaker", "Voices"),
])
def test_empty_figures_say_so(make: object) -> None:
    fig = make()  # type: ignore[operator]
    assert fig.layout.annotations[0].text == "No quotes for these filters"


# --- drill-down ----------------------------------------------------------------------------------


def _event(*customdata: list[object]) -> dict[str, object]:
    return {"selection": {"points": [{"x": 1, "y": 2, "customdata": cd} for cd in customdata] + [{"x": 0}],
                          "point_indices": [], "box": [], "lasso": []}}


def test_selected_reads_customdata() -> None:
    assert views.selected(_event(["A", AMR], ["B", FAN])) == [["A", AMR], ["B", FAN]]
    assert views.selected(None) == [] and views.selected({}) == []


@pytest.mark.parametrize(("chart", "points", "expected"), [
    ("speakers", [["Sorokine", AMR], ["Sorokine", FAN]], {"speakers": ["Sorokine"], "outlets": [AMR, FAN]}),
    ("heatmap", [["Holt", FAN, 4]], {"speakers": ["Holt"], "outlets": [FAN]}),
    ("timeline", [[AMR, "2025-01-20", "2025-01-26"], [FAN, "2025-01-27", "2025-02-02"]],
     {"outlets": [AMR, FAN], "since": "2025-01-20", "until": "2025-02-02"}),
    ("kinds", [[AMR, "mixed", 2]], {"outlets": [AMR], "kinds": ["mixed"]}),
    ("stance", [[AMR, "OTAN", 1]], {"outlets": [AMR], "targets": ["OTAN"]}),
    ("voices", [[AMR, "Sorokine", 3]], {"outlets": [AMR], "speakers": ["Sorokine"]}),
    ("frames", [[AMR, "accusatory", 3]], {"outlets": [AMR], "frames": ["accusatory"]}),
    ("quotes", [["a:1:0"], ["b:2:5"]], {"ids": ["a:1:0", "b:2:5"]}),
    ("speakers", [["(unknown)", AMR]], {"speakers": [], "outlets": [AMR]}),
    ("speakers", [], {}),
])
def test_drill(chart: str, points: list[list[object]], expected: dict[str, object]) -> None:
    assert views.drill(chart, points) == expected


def test_drill_unknown_chart() -> None:
    with pytest.raises(ValueError):
        views.drill("pie", [["x"]])


def test_drill_label() -> None:
    assert views.drill_label({"speakers": ["A"], "outlets": [AMR, FAN]}) == f"speakers: A; outlets: {AMR}, {FAN}"
    assert views.drill_label({"since": "2025-01-01", "until": "2025-01-07"}) == "2025-01-01 → 2025-01-07"


# --- uploads and exports -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "label"), [
    ("article.txt", "article.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\x\\corpus.csv", "corpus.csv"),
    ("a\x00b\n.html", "ab.html"),
    ("", "upload"),
    ("x" * 300 + ".txt", "x" * 120),
])
def test_upload_label_is_a_base_name(name: str, label: str) -> None:
    assert views.upload_label(name) == label


@pytest.mark.parametrize(("name", "size", "ok"), [
    ("a.txt", 10, True), ("a.HTML", 10, True), ("a.jsonl", 10, True), ("a.csv", 10, True),
    ("a.exe", 10, False), ("a", 10, False), ("a.txt", views.MAX_UPLOAD_BYTES + 1, False), ("a.txt", 0, False),
    ("a.txt", views.MAX_UPLOAD_BYTES, True),
])
def test_check_upload(name: str, size: int, ok: bool) -> None:
    assert (views.check_upload(name, size) is None) is ok


def test_csv_export_guards_formulas_and_nests_json() -> None:
    raw = views.csv_bytes(QUOTES)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert not rows[1]["text"].startswith("=")
    assert rows[0]["text"] == "<script>window.__x=1</script>"
    assert '"target": "OTAN"' in rows[0]["stance"]


def test_parquet_export_round_trip() -> None:
    back = pd.read_parquet(io.BytesIO(views.parquet_bytes(QUOTES.drop(columns=["stance"]))))
    assert back["text"].tolist() == QUOTES["text"].tolist()


@pytest.mark.parametrize(("f", "name"), [
    (Filters(), "quotes.csv"),
    (Filters(speakers=["Mikhaïl Sorokine"]), "quotes-mikhail-sorokine.csv"),
    (Filters(speakers=["A", "B"], outlets=["L'Écho des Chancelleries"]), "quotes-l-echo-des-chancelleries.csv"),
])
def test_export_name(f: Filters, name: str) -> None:
    assert views.export_name(f, "csv") == name


@pytest.mark.parametrize(("raw", "escaped"), [
    ("![x](http://e.org/i.png)", r"\!\[x\]\(http\:\/\/e\.org\/i\.png\)"),
    ("<img src=x onerror=y>", r"\<img src\=x onerror\=y\>"),
    ("# Titre\n*gras*", r"\# Titre \*gras\*"),
    ("L'Écho des Chancelleries", r"L\'Écho des Chancelleries"),
    (None, ""),
])
def test_md_text_escapes_markdown(raw: str | None, escaped: str) -> None:
    assert views.md_text(raw) == escaped


def test_md_text_limit() -> None:
    assert views.md_text("abcdef", 4) == "abc…"


def test_store_count_columns_are_read_too() -> None:
    so = SO.rename(columns={"count": "quotes"})
    assert views.top(so.dropna(), "speaker", 1) == ["Sorokine"]
    assert views.with_shares(so)["share"].notna().all()
    assert sum(sum(t.x) for t in views.fig_top_speakers(so).data) == 16


def test_with_shares_over_a_given_total() -> None:
    out = views.with_shares(SO[SO.outlet == AMR], total=18)
    assert out["share"].tolist() == pytest.approx([5 / 18, 4 / 18])
    assert views.with_shares(SO.iloc[0:0])["share"].empty


def test_quote_table_reads_store_dates() -> None:
    df = QUOTES.assign(published=pd.to_datetime(["2025-01-21", None]))
    assert views.quote_table(df)["date"].tolist()[0] == "2025-01-21"
    assert pd.isna(views.quote_table(df)["date"].tolist()[1])


def test_outlet_colours_are_stable_and_distinct() -> None:
    a = views.outlet_colours([FAN, AMR, SXT])
    b = views.outlet_colours([SXT, AMR, FAN, None])
    assert a == b and len({a[AMR], a[FAN], a[SXT]}) == 3
    assert a[views.UNKNOWN] == "#999999"
    fig = views.fig_top_speakers(SO, colours=a)
    assert {t.name: t.marker.color for t in fig.data} == {AMR: a[AMR], FAN: a[FAN]}


@pytest.mark.parametrize(("rows", "px"), [(0, 73), (1, 73), (5, 213), (1000, 560)])
def test_table_height(rows: int, px: int) -> None:
    assert views.table_height(rows) == px


def test_fig_stance_single_outlet_is_coloured_by_sign_on_shared_targets() -> None:
    stance = pd.DataFrame({"outlet": [AMR, AMR], "target": ["OTAN", "Russie"], "mean_score": [0.4, -0.6],
                           "quotes": [2, 3], "favorable": [1, 0], "opposed": [0, 2], "neutral": [1, 1]})
    fig = views.fig_stance(stance, targets=["OTAN", "Russie", "UE"])
    assert list(fig.data[0].marker.color) == [views.STANCE_COLOURS["favorable"], views.STANCE_COLOURS["opposed"]]
    assert list(fig.layout.xaxis.categoryarray) == ["OTAN", "Russie", "UE"]
    assert fig.layout.showlegend is False
