"""Process-level helpers shared by stages that build large object graphs."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration of the block.

    A map booklet or a PDF is hundreds of thousands of small objects that all live until the
    document is done; each full collection walks every one of them without freeing any, and
    those collections took a good part of the time. Cycles made meanwhile go at the next
    collection. Thread-safe in effect: a thread that finds the collector already off leaves
    it for the thread that switched it off, which always switches it on again, so the
    collector never stays off after the last block ends.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def tune_collector_for_a_run() -> None:
    """Collector settings for a short-lived process that renders (the command line, a batch
    worker, the benchmark): everything imported so far is frozen out of collection, and
    collections come less often.

    A render allocates hundreds of thousands of small, long-lived scene objects; with the
    default thresholds the collector rescans them over and over (15-20 % of a cold render).
    A long-running host (the web app) keeps the defaults."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


__all__ = ["collector_paused", "tune_collector_for_a_run"]
