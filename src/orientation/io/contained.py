"""Running an importer where a crash or a runaway cannot take the caller down with it.

The native parsers behind the importers (ifcopenshell's C++ STEP parser and geometry kernel,
GEOS through shapely, ezdxf's curve flattening) can segfault, abort, loop or allocate without
bound on a hostile or damaged file. :func:`run_import` therefore runs the whole conversion in a
**child process** (``python -c`` bootstrap of :func:`_child_main`, never ``fork``: the app's
server is multi-threaded):

* the child sets its own limits first: ``RLIMIT_AS`` (address space, ``max_memory_mb``) and
  ``RLIMIT_CORE`` 0 (a crash writes no core file); the parent enforces ``timeout_s`` of wall
  time and kills the child beyond it;
* the request (options, limits, the upload's bytes) goes to the child on its standard input;
  the child writes nothing to disk, so there is no temporary file to leave behind;
* the child returns **plain JSON** (the site as data and the notes), never pickles; the parent
  validates the data as it validates every site file;
* a child that dies by a signal becomes :class:`~orientation.errors.ImportError_` ("the IFC
  reader crashed on this file (signal 11, SIGSEGV) …"), one that runs out of time or memory a
  :class:`~orientation.errors.LimitError` naming the limit and how to raise it;
* the child cannot outlive the parent: it is killed when the parent returns or raises
  (including ``KeyboardInterrupt``); should the parent die outright (SIGTERM, SIGKILL), the
  child gets SIGKILL from the kernel (``PR_SET_PDEATHSIG`` on Linux) and, elsewhere, stops
  when its standard input closes.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ImportError_, LimitError, MissingDependencyError, OrientationError
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import ImportNote

#: What each format's reader is called in messages.
READERS = {"ifc": "IFC reader (ifcopenshell)", "dxf": "DXF reader (ezdxf)",
           "imdf": "IMDF reader", "osm": "OSM reader"}
#: The child's answer is refused beyond this size (bytes of JSON).
MAX_RESULT_BYTES = 1 << 30
_BOOT = ("import sys,json;sys.path[:]=json.loads(sys.argv[1]);"
         "from orientation.io.contained import _child_main;_child_main()")
_CHILD_EXIT_ORPHAN = 70
_CHILD_EXIT_BAD_REQUEST = 71
#: Exceptions the child may report, by name (nothing else is instantiated from its answer).
_ERRORS: dict[str, type[OrientationError]] = {
    "ImportError_": ImportError_, "LimitError": LimitError, "OrientationError": OrientationError,
}


def _signal_name(num: int) -> str:
    try:
        return signal.Signals(num).name
    except ValueError:
        return f"signal {num}"


def run_import(fmt: str, source: Path, *, file: str, data: bytes | None = None,
               options: Mapping[str, Any] | None = None,
               limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
               _hook: str | None = None) -> tuple[dict, list[ImportNote], dict]:
    """Convert ``source`` (or ``data``, the bytes of an upload named like ``source``) in a child
    process; returns ``(site data, notes, stats)`` where ``stats`` has the child's
    ``max_rss_mb`` and ``seconds``. Raises the child's :class:`OrientationError` (same class
    and message) or one that says how the child failed. ``_hook`` is for tests only
    (``segv``, ``abort``, ``sleep``, ``memory``, ``exit``, ``no-step-check``)."""
    request = {
        "fmt": fmt, "source": str(source), "file": file, "options": options or {},
        "limits": limits.to_dict(), "nbytes": -1 if data is None else len(data),
        "parent": os.getpid(), "hook": _hook,
    }
    header = json.dumps(request).encode("utf-8")
    payload = len(header).to_bytes(8, "big") + header
    what = READERS.get(fmt, "reader")
    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-P", "-c", _BOOT, json.dumps(sys.path)],  # -P: not the current folder
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            close_fds=True, start_new_session=True,  # Ctrl-C reaches the parent, which decides
        )
    except OSError as exc:
        raise ImportError_(f"{file}: cannot start the import process ({exc.strerror or exc}); "
                           "free some memory or processes and try again") from None
    out = bytearray()
    err = bytearray()
    timed_out = too_big = False
    rusage = None
    status = None
    try:
        writer = threading.Thread(target=_feed, args=(proc, payload, data), daemon=True)
        writer.start()
        sel = selectors.DefaultSelector()
        assert proc.stdout is not None and proc.stderr is not None
        sel.register(proc.stdout, selectors.EVENT_READ, out)
        sel.register(proc.stderr, selectors.EVENT_READ, err)
        deadline = start + limits.timeout_s
        while sel.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            for key, _ in sel.select(min(remaining, 1.0)):
                chunk = os.read(key.fd, 1 << 20)
                if not chunk:
                    sel.unregister(key.fileobj)
                    continue
                buf = key.data
                if buf is err:
                    err.extend(chunk)
                    del err[:-8192]  # the tail is enough to show
                else:
                    out.extend(chunk)
                    if len(out) > MAX_RESULT_BYTES:
                        too_big = True
                        break
            if too_big:
                break
        sel.close()
        if timed_out or too_big:
            _kill(proc)
        status, rusage = _reap(proc, deadline + 5.0)
    finally:
        if proc.returncode is None:  # an exception (KeyboardInterrupt) on the way: no orphan
            _kill(proc)
            _reap(proc, time.monotonic() + 5.0)
        for fh in (proc.stdin, proc.stdout, proc.stderr):
            try:
                if fh is not None:
                    fh.close()
            except OSError:
                pass
    seconds = time.monotonic() - start
    rss_mb = (rusage.ru_maxrss / 1024.0) if rusage is not None else 0.0
    stats = {"max_rss_mb": round(rss_mb, 1), "seconds": round(seconds, 3)}
    if timed_out:
        raise LimitError(f"{file}: the {what} did not finish within {limits.timeout_s:g} s "
                         f"(limit timeout_s); the file is too large or too complex to import "
                         "here: cut it down to the site, or raise the limit (--import-timeout)")
    if too_big:
        raise LimitError(f"{file}: the imported site is larger than {MAX_RESULT_BYTES >> 20} MB "
                         "as data; cut the file down to the site")
    answer = None
    if out:
        try:
            answer = json.loads(out.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            answer = None
    if isinstance(answer, dict) and status == 0:
        return _accept(answer, file, stats)
    if status is not None and status < 0:
        sig = -status
        if sig == signal.SIGKILL:
            raise LimitError(f"{file}: the {what} was killed (signal 9, SIGKILL), most likely "
                             f"because the machine ran out of memory (it used "
                             f"{rss_mb:,.0f} MB); cut the file down to the site, or lower the "
                             "limit max_memory_mb (--import-memory-mb) so that the import "
                             "fails cleanly")
        near = rss_mb > 0.8 * limits.max_memory_mb
        hint = (f" It used {rss_mb:,.0f} MB of the memory limit max_memory_mb = "
                f"{limits.max_memory_mb:,} MB, so it may have run out of memory: raise the "
                "limit (--import-memory-mb) if the file is large." if near else "")
        raise ImportError_(
            f"{file}: the {what} crashed on this file (signal {sig}, {_signal_name(sig)}); "
            "the file is damaged or holds a structure the reader cannot handle. Nothing was "
            "imported. Open the file in its own program, repair it or export it again, and "
            f"report the file if it opens there.{hint}")
    tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
    said = f" (it said: {' | '.join(tail)[:400]})" if tail else ""
    if status == _CHILD_EXIT_ORPHAN:
        raise ImportError_(f"{file}: the import process lost contact with the program{said}")
    raise ImportError_(f"{file}: the import process ended without an answer (exit status "
                       f"{status}){said}; try again, and report the file if this repeats")


def _accept(answer: dict, file: str, stats: dict) -> tuple[dict, list[ImportNote], dict]:
    if answer.get("ok") is True and isinstance(answer.get("data"), dict):
        notes = []
        for n in answer.get("notes") or []:
            note = ImportNote.from_json(n)
            if note is not None:
                notes.append(note)
        return answer["data"], notes, stats
    if answer.get("ok") is False:
        kind, message = answer.get("error"), str(answer.get("message") or "")[:20_000]
        if kind == "MissingDependencyError":
            exc = MissingDependencyError.__new__(MissingDependencyError)
            OrientationError.__init__(exc, message)
            raise exc
        if kind == "memory":
            raise LimitError(message)
        raise _ERRORS.get(str(kind), ImportError_)(message)
    raise ImportError_(f"{file}: the import process gave an answer that cannot be read; "
                       "report the file")


def _feed(proc: subprocess.Popen, payload: bytes, data: bytes | None) -> None:
    """Write the request (and the upload) to the child; keep its stdin open until it ends."""
    try:
        assert proc.stdin is not None
        proc.stdin.write(payload)
        if data:
            proc.stdin.write(data)
        proc.stdin.flush()
    except (OSError, ValueError):
        pass  # the child died early; its status tells why


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # its own session: threads and any helpers too
    except (ProcessLookupError, PermissionError, OSError):
        with contextlib.suppress(OSError):
            proc.kill()


def _reap(proc: subprocess.Popen, deadline: float):
    """Wait for the child (killing it at ``deadline``); its exit status in the style of
    ``Popen.returncode`` and its resource usage."""
    if proc.returncode is not None:
        return proc.returncode, None
    killed = False
    while True:
        try:
            pid, st, ru = os.wait4(proc.pid, 0 if killed else os.WNOHANG)
        except ChildProcessError:
            proc.returncode = proc.returncode if proc.returncode is not None else -9
            return proc.returncode, None
        if pid:
            code = -os.WTERMSIG(st) if os.WIFSIGNALED(st) else os.WEXITSTATUS(st)
            proc.returncode = code
            return code, ru
        if time.monotonic() > deadline:
            _kill(proc)
            killed = True
            continue
        time.sleep(0.005)


# --- the child ------------------------------------------------------------------------------

def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(_CHILD_EXIT_ORPHAN)


def _set_limits(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    want = int(memory_mb) * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def _read_exact(fd: int, n: int) -> bytes:
    chunks = []
    while n > 0:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _watch_stdin(fd: int) -> None:
    """The parent holds our stdin open until it has our answer: EOF means it is gone."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os._exit(_CHILD_EXIT_ORPHAN)


def _hook(name: str | None) -> None:
    if not name:
        return
    if name == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif name == "abort":
        os.abort()
    elif name == "sleep":
        time.sleep(3600)
    elif name == "memory":
        blocks = []
        while True:
            blocks.append(bytearray(64 << 20))
    elif name == "exit":
        os._exit(3)
    elif name == "no-step-check":  # shows what the STEP pre-check prevents
        from . import ifc

        ifc.check_step = lambda raw, **kw: 0


def _child_main() -> None:
    """Entry point of the child: read the request, convert, answer in JSON, exit at once."""
    answer_fd = os.dup(1)
    os.dup2(2, 1)  # anything a native library prints goes to stderr, not into the answer
    stdin = 0
    try:
        size = int.from_bytes(_read_exact(stdin, 8), "big")
        if size > 1 << 24:
            os._exit(_CHILD_EXIT_BAD_REQUEST)
        req = json.loads(_read_exact(stdin, size).decode("utf-8"))
        _die_with_parent(int(req["parent"]))
        limits = ImportLimits(**req["limits"])
        _set_limits(limits.max_memory_mb)
        data = _read_exact(stdin, req["nbytes"]) if req["nbytes"] >= 0 else None
    except (EOFError, ValueError, KeyError, TypeError, OrientationError):
        os._exit(_CHILD_EXIT_BAD_REQUEST)
    threading.Thread(target=_watch_stdin, args=(stdin,), daemon=True).start()
    try:
        _hook(req.get("hook"))
        from .importing import _convert

        site, notes = _convert(req["fmt"], Path(req["source"]), file=req["file"], data=data,
                               limits=limits, **req["options"])
        answer = {"ok": True, "data": site,
                  "notes": [n.to_json() for n in notes]}
    except MissingDependencyError as exc:
        answer = {"ok": False, "error": "MissingDependencyError", "message": str(exc)}
    except OrientationError as exc:
        name = type(exc).__name__ if type(exc).__name__ in _ERRORS else (
            "LimitError" if isinstance(exc, LimitError) else "ImportError_")
        answer = {"ok": False, "error": name, "message": str(exc)}
    except MemoryError:
        answer = {"ok": False, "error": "memory", "message": _memory_message(req, limits)}
    except BaseException as exc:  # noqa: BLE001 - the child answers whatever happens
        if "bad_alloc" in str(exc) or "bad alloc" in str(exc):
            answer = {"ok": False, "error": "memory", "message": _memory_message(req, limits)}
        else:
            answer = {"ok": False, "error": "ImportError_",
                      "message": f"{req['file']}: cannot import this file "
                                 f"({type(exc).__name__}: {str(exc)[:300]}); report the file"}
    try:
        raw = json.dumps(answer, allow_nan=True).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raw = json.dumps({"ok": False, "error": "ImportError_",
                          "message": f"{req['file']}: the imported data cannot be passed on "
                                     f"({exc}); report the file"}).encode("utf-8")
    view = memoryview(raw)
    try:
        while view:
            view = view[os.write(answer_fd, view):]
    except OSError:
        os._exit(_CHILD_EXIT_ORPHAN)
    os._exit(0)  # no interpreter teardown: native destructors cannot crash after the answer


def _memory_message(req: dict, limits: ImportLimits) -> str:
    return (f"{req['file']}: the {READERS.get(req['fmt'], 'reader')} ran out of memory (limit "
            f"max_memory_mb = {limits.max_memory_mb:,} MB); cut the file down to the site, or "
            "raise the limit (--import-memory-mb)")


__all__ = ["MAX_RESULT_BYTES", "READERS", "run_import"]
