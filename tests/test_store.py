"""Store queries on a small hand-built store whose answers are known."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest

from quotes import store as st
from quotes.model import Article, Quote


def _q(h: str, i: int, speaker: str, outlet: str, day: str, kind: str = "direct", frame: str = "neutral",
       stance: list | None = None, text: str = "Nous avancerons ensemble") -> Quote:
    return Quote(article_id=h, source=f"{h}.txt", paragraph=0, start=i * 30, end=i * 30 + len(text), kind=kind,
                 text=text, cue="déclaré", cue_lemma="déclarer", cue_class="speech", mention=speaker, speaker=speaker,
                 speaker_resolved=True, outlet=outlet, published=day, frame=frame,
                 targets=[s["target"] for s in stance or []], stance=stance or [])


def _art(h: str, outlet: str, day: str) -> Article:
    return Article(id=h, source=f"{h}.txt", title=f"T {h}", paragraphs=["Un paragraphe = le premier."], outlet=outlet,
                   published=day, content_hash=h)


FAV = [{"target": "OTAN", "label": "favorable", "score": 0.5, "cues": ['+ "salue"']}]
OPP = [{"target": "OTAN", "label": "opposed", "score": -0.7, "cues": ['- "menace"']}]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    store = tmp_path_factory.mktemp("store")
    st.init(store)
    st.write_batch(store, [
        (_art("h1", "Alpha", "2025-01-10"), [_q("h1", 0, "Ana", "Alpha", "2025-01-10", stance=FAV),
                                             _q("h1", 1, "Ana", "Alpha", "2025-01-10", kind="indirect", frame="emphatic")]),
        (_art("h2", "Beta", "2025-02-01"), [_q("h2", 0, "Ana", "Beta", "2025-02-01", stance=OPP),
                                            _q("h2", 1, "Bo", "Beta", "2025-02-01", text="=cmd|' /C calc'!A0")]),
    ], [])
    st.write_batch(store, [(_art("h3", "Alpha", "2025-03-05"), [_q("h3", 0, "Bo", "Alpha", "2025-03-05", kind="mixed")])], [])
    return st.connect(store)


@pytest.mark.parametrize(
    "filters, expected",
    [
        (st.Filters(), {"articles": 3, "quotes": 5, "speakers": 2, "outlets": 2}),
        (st.Filters(speakers=["Ana"]), {"articles": 2, "quotes": 3, "speakers": 1, "outlets": 2}),
        (st.Filters(outlets=["Alpha"]), {"articles": 2, "quotes": 3, "speakers": 2, "outlets": 1}),
        (st.Filters(since=dt.date(2025, 2, 1)), {"articles": 2, "quotes": 3, "speakers": 2, "outlets": 2}),
        (st.Filters(until=dt.date(2025, 1, 31)), {"articles": 1, "quotes": 2, "speakers": 1, "outlets": 1}),
        (st.Filters(kinds=["mixed", "indirect"]), {"articles": 2, "quotes": 2, "speakers": 2, "outlets": 1}),
        (st.Filters(targets=["OTAN"], stances=["opposed"]), {"articles": 1, "quotes": 1, "speakers": 1, "outlets": 1}),
        (st.Filters(frames=["emphatic"]), {"articles": 1, "quotes": 1, "speakers": 1, "outlets": 1}),
        (st.Filters(text="CALC"), {"articles": 1, "quotes": 1, "speakers": 1, "outlets": 1}),
        (st.Filters(speakers=["Nobody"]), {"articles": 0, "quotes": 0, "speakers": 0, "outlets": 0}),
    ],
)
def test_count_summary(con, filters, expected):
    assert st.count_summary(con, filters) == expected


def test_speaker_counts_ordered(con):
    assert st.speaker_counts(con, st.Filters()).values.tolist() == [["Ana", 3], ["Bo", 2]]


def test_speaker_outlet_counts(con):
    got = {(r.speaker, r.outlet): r.quotes for r in st.speaker_outlet_counts(con, st.Filters()).itertuples()}
    assert got == {("Ana", "Alpha"): 2, ("Ana", "Beta"): 1, ("Bo", "Beta"): 1, ("Bo", "Alpha"): 1}


def test_day_and_kind_counts(con):
    days = st.day_outlet_counts(con, st.Filters())
    assert days["quotes"].sum() == 5 and len(days) == 3
    kinds = st.kind_outlet_counts(con, st.Filters(outlets=["Alpha"]))
    assert dict(zip(kinds["kind"], kinds["share"], strict=True)) == pytest.approx({"direct": 1 / 3, "indirect": 1 / 3, "mixed": 1 / 3})


def test_stance_by_outlet_target(con):
    got = st.stance_by_outlet_target(con, st.Filters()).set_index("outlet")
    assert got.loc["Alpha", "mean_score"] == pytest.approx(0.5) and got.loc["Beta", "opposed"] == 1


def test_speaker_quotes_and_paragraph(con):
    rows = st.speaker_quotes(con, "Bo", st.Filters())
    assert set(rows["outlet"]) == {"Alpha", "Beta"}
    assert st.paragraph(con, "h1", 0) == "Un paragraphe = le premier." and st.paragraph(con, "h1", 5) is None


def test_options(con):
    opts = st.options(con)
    assert opts["speakers"] == ["Ana", "Bo"] and opts["outlets"] == ["Alpha", "Beta"]
    assert (opts["since"], opts["until"]) == (dt.date(2025, 1, 10), dt.date(2025, 3, 5))
    assert opts["targets"] == ["OTAN"]


def test_user_text_is_a_parameter_never_sql(con):
    assert st.count_summary(con, st.Filters(speakers=["x' OR '1'='1"]))["quotes"] == 0
    assert st.count_summary(con, st.Filters(text="%' OR 1=1 --"))["quotes"] == 0


@pytest.mark.parametrize("value, expected", [("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                             ("\tx", "'\tx"), ("Paix", "Paix"), (3, 3), (None, None)])
def test_safe_cell(value, expected):
    assert st.safe_cell(value) == expected


def test_export_csv_is_safe_and_complete(con):
    df = st.export_frame(con, st.Filters())
    buf = io.StringIO()
    st.write_export(df, buf, "csv")
    back = pd.read_csv(io.StringIO(buf.getvalue()))
    assert len(back) == 5 and "'=cmd|' /C calc'!A0" in set(back["text"])
    assert (back["paragraph_text"] == "Un paragraphe = le premier.").all()
    jsonl = io.StringIO()
    st.write_export(df, jsonl, "jsonl")
    rec = json.loads(jsonl.getvalue().splitlines()[0])
    assert {"id", "speaker", "outlet", "published", "stance", "paragraph_text"} <= set(rec)
