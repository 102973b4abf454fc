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


__all__ = ["collector_paused"]
