"""The ingest on Dask: the same batches and the same pipeline, on a cluster.

A ``dask.bag`` of batches is mapped with the pipeline on the workers (a ``LocalCluster`` by default,
or the cluster of ``--scheduler tcp://…``); the driver writes each batch to the store as it comes
back, with the same writer as the local engine, so both engines store the same quotes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from quotes import store as st
from quotes.model import Article


def _process(batch: list[Article], scored: bool = True) -> st.Tables:
    from quotes.pipeline import process_batch

    return st.tables(process_batch(batch, scored))


def run_dask(store: Path, batches: Iterable[list[tuple[Article, str | None]]], jobs: int, scheduler: str | None,
             progress: Callable[[int], None], window: int | None = None, scored: bool = True) -> None:
    """Batches go to the workers a window at a time (memory stays bounded) and are written in order."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        it = iter(batches)
        window = window or 2 * jobs
        while group := list(islice(it, window)):
            bag = db.from_sequence([[a for a, _ in b] for b in group], npartitions=len(group))
            for batch, part in zip(group, bag.map(_process, scored=scored).compute(), strict=True):
                st.write_tables(store, [part], [(old, a.source) for a, old in batch if old])
                progress(len(batch))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
