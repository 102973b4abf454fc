"""Process-level helpers: the garbage collector for stages that build large object graphs,
and signals turned into a clean exit (the command line and the batch workers)."""

from __future__ import annotations

import gc
import signal
import threading
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


class Terminated(SystemExit):
    """A signal (SIGTERM, SIGHUP, SIGINT) turned into an exception, so that every clean-up on
    the way out runs (no temporary folder is left). Exit status 128 + the signal number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.code = 128 + signum


#: While above 0, a signal handled by :func:`_raise_terminated` is kept for later: a rename
#: pair or a clean-up must not be cut in two. Blocking the signal (``pthread_sigmask``) is not
#: enough where the process has other threads (a progress display, a library's pool): the
#: kernel then hands the signal to one of them and Python runs the handler at once.
_held = 0
_pending: int | None = None


def _raise_terminated(signum: int, _frame) -> None:
    global _pending
    if _held:
        _pending = signum if _pending is None else _pending
        return
    raise Terminated(signum)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Run the block to its end even if SIGTERM, SIGHUP or SIGINT arrives; such a signal is
    raised as :class:`Terminated` when the outermost block ends (nested blocks are fine).

    >>> with signals_deferred():
    ...     pass
    """
    global _held, _pending
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if _held == 0 and _pending is not None:
            signum, _pending = _pending, None
            raise Terminated(signum)


def install_signal_handlers() -> dict[int, object]:
    """Turn SIGTERM, SIGHUP and SIGINT into :class:`Terminated` (only in the main thread and
    not where a signal is ignored, as under ``nohup``). Returns the handlers to restore."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    saved: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        current = signal.getsignal(sig)
        if current is signal.SIG_IGN:
            continue
        saved[sig] = current
        signal.signal(sig, _raise_terminated)
    return saved


__all__ = ["Terminated", "collector_paused", "install_signal_handlers", "signals_deferred",
           "tune_collector_for_a_run"]
