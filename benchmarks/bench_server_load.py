"""Load on the dashboard server alone: concurrent sessions speaking Streamlit's own protocol.

    python benchmarks/bench_server_load.py                      # 20 sessions, 3 rounds, arrivals over 10 s
    python benchmarks/bench_server_load.py --sessions 40 --think 0

``bench_load.py`` drives 20 Chromium pages, and on a 2-core machine those pages and the server
share the cores: its figures are mostly the browsers' (it prints the server's share of the CPU).
This benchmark takes the browsers out to measure what the server can serve. Each session is what
a browser does over Streamlit's websocket (``/_stcore/stream``): it opens a session and asks for
a script run (``BackMsg.rerun_script``) with the page's URL query, then reads the deltas until
``script_finished``. Each interaction opens the dashboard on a link with filters in its URL, as a
reader opening a shared view does: a new session and a whole run of the script (the heaviest
path: a filter change in an open page reruns the same script in an existing session).

The links are taken from the store: the Overview, a speaker, a speaker in one outlet, an outlet
and a kind, and each other view (Compare outlets, Speakers, Quotes), unfiltered and for a speaker.
Errors: a run that does not finish successfully, an exception element in the deltas, or no answer
within ``--timeout`` seconds. Prints p50 / p95 / max per kind of link and over all, the errors,
and the CPU the server used. Target on the 2-core machine: no error, p95 < 3 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dashboard import server  # noqa: E402
from bench_load import _busy, _line, _server_cpu, _server_rss_mb, load_args, sample_store  # noqa: E402

from quotes import store  # noqa: E402

VIEWS = ("Compare outlets", "Speakers", "Quotes")


def links(store_dir: Path) -> dict[str, list[str]]:
    """Kind of link → the URL queries of that kind, from the store's own speakers and outlets."""
    con = store.connect(store_dir)
    opts = store.options(con)
    speakers, outlets = opts["speakers"][:10], opts["outlets"]
    out: dict[str, list[str]] = {"Overview": [""], "a speaker": [urlencode({"speaker": s}) for s in speakers]}
    out["a speaker in an outlet"] = [urlencode({"speaker": s, "outlet": o}) for s in speakers[:5] for o in outlets]
    out["an outlet and a kind"] = [urlencode({"outlet": o, "kind": k}) for o in outlets for k in ("direct", "indirect")]
    out["another view"] = [urlencode({"view": v}) for v in VIEWS]
    out["another view, a speaker"] = [urlencode({"view": v, "speaker": s}) for v in VIEWS for s in speakers[:5]]
    return out


async def visit(ws_url: str, query: str, timeout: float) -> None:
    """One page view: a session, a script run with ``query``, every delta until the run is over."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        await ws.send(msg.SerializeToString())
        async with asyncio.timeout(timeout):
            while True:
                fm = ForwardMsg()
                fm.ParseFromString(await ws.recv())
                kind = fm.WhichOneof("type")
                if kind == "delta" and fm.delta.new_element.WhichOneof("type") == "exception":
                    raise RuntimeError(f"exception shown: {fm.delta.new_element.exception.message[:100]}")
                if kind == "script_finished":
                    if fm.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                        raise RuntimeError(f"script finished with status {fm.script_finished}")
                    return


async def session(n: int, ws_url: str, plan: dict[str, list[str]], args: argparse.Namespace,
                  times: dict[str, list[float]], errors: list[str]) -> None:
    rng = random.Random(n)
    await asyncio.sleep(args.ramp * n / max(1, args.sessions))
    kinds = ["Overview"] + [k for _ in range(args.rounds) for k in rng.sample(sorted(plan), len(plan))]
    for kind in kinds:
        query = rng.choice(plan[kind])
        t0 = time.perf_counter()
        try:
            await visit(ws_url, query, args.timeout)
            times[kind].append(time.perf_counter() - t0)
        except Exception as exc:  # counted, the session goes on
            errors.append(f"session {n}: ?{query}: {type(exc).__name__}: {exc}"[:200])
        await asyncio.sleep(args.think * rng.uniform(0.5, 1.5))


async def run(ws_url: str, plan: dict[str, list[str]], args: argparse.Namespace) -> tuple[dict[str, list[float]], list[str], float]:
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    t0 = time.perf_counter()
    await asyncio.gather(*(session(n, ws_url, plan, args, times, errors) for n in range(args.sessions)))
    return times, errors, time.perf_counter() - t0


def main() -> None:
    args = load_args(__doc__, "rounds of one link of each kind, in random order")
    sample = sample_store()
    plan = links(sample)
    with server(sample) as (url, _):
        asyncio.run(visit(url.replace("http", "ws") + "/_stcore/stream", "", args.timeout))  # the server's imports
        busy, served = _busy(), _server_cpu()
        times, errors, wall = asyncio.run(run(url.replace("http", "ws") + "/_stcore/stream", plan, args))
        busy, served = _busy() - busy, _server_cpu() - served
        rss = _server_rss_mb()
    everything = [t for values in times.values() for t in values]
    print(f"{args.sessions} concurrent sessions over Streamlit's websocket, no browser (arriving over {args.ramp:g} s, "
          f"{args.think:g} s between page views): {len(everything)} page views in {wall:.1f} s")
    for kind in ("Overview", *sorted(k for k in plan if k != "Overview")):
        print(_line(kind, times.get(kind, [])))
    print(_line("all page views", everything) + "   (target: p95 < 3 s)")
    print(f"  CPU: the server {served:.0f} s, the machine {busy:.0f} s over {wall:.0f} s; server RSS after: {rss:.0f} MB")
    print(f"  errors: {len(errors)}")
    for e in errors[:20]:
        print(f"    {e}")


if __name__ == "__main__":
    main()
