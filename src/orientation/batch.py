"""Render many site files with a process pool: ``orientation batch DIR... -o OUT``.

Each site is rendered in a worker process into ``OUT/<site-stem>/`` (all or nothing per site);
a failed site is reported in one line and the batch goes on. At most ``2 × jobs`` sites are in
flight at a time and workers are recycled, so memory stays flat however many sites there are.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .errors import OrientationError

SITE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True, slots=True)
class SiteResult:
    site: str
    out: str
    ok: bool
    message: str = ""
    signs: int = 0
    pages: int = 0
    seconds: float = 0.0


def find_sites(paths: Iterable[str | Path]) -> list[Path]:
    """Site files named directly or found (recursively) in folders, sorted, no duplicates."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.suffix.lower() in SITE_SUFFIXES and f.is_file()
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif p.is_file():
            found.append(p)
        else:
            raise OrientationError(f"{p}: no such file or folder")
    seen: set[Path] = set()
    out = []
    for f in found:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            out.append(f)
    return out


def output_names(sites: list[Path]) -> list[str]:
    """Folder names under OUT: the stem, made unique with the parent folder where stems repeat.

    >>> output_names([Path("a/x.yaml"), Path("b/x.yaml"), Path("c/y.yaml")])
    ['a-x', 'b-x', 'y']
    """
    stems = [s.stem for s in sites]
    return [f"{s.parent.name}-{s.stem}" if stems.count(s.stem) > 1 else s.stem for s in sites]


def _render_one(site: str, out: str, options: dict) -> SiteResult:
    from .pipeline import render

    t0 = time.perf_counter()
    try:
        outputs = render(site, out, **options)
    except OrientationError as exc:
        return SiteResult(site, out, False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - one broken site must not stop the batch
        return SiteResult(site, out, False, f"internal error: {type(exc).__name__}: {exc}")
    pages = sum(1 for k in outputs.files if k.startswith("maps/"))
    return SiteResult(site, out, True, "", len(outputs.plan.signs), pages, time.perf_counter() - t0)


def run_batch(paths: Iterable[str | Path], out_dir: str | Path, *, jobs: int | None = None,
              options: dict | None = None,
              progress: Callable[[SiteResult], None] | None = None) -> list[SiteResult]:
    """Render every site under ``paths`` into ``out_dir``; results in input order."""
    sites = find_sites(paths)
    if not sites:
        raise OrientationError("no site files (*.yaml, *.yml, *.json) found")
    names = output_names(sites)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OrientationError(f"{out_dir} is a file, not a folder")
    jobs = max(1, jobs or os.cpu_count() or 1)
    options = options or {}
    tasks = [(str(s), str(out_dir / n)) for s, n in zip(sites, names)]
    results: dict[int, SiteResult] = {}
    if jobs == 1:
        for i, (s, o) in enumerate(tasks):
            results[i] = _render_one(s, o, options)
            if progress:
                progress(results[i])
    else:
        with ProcessPoolExecutor(max_workers=jobs, max_tasks_per_child=50) as pool:
            for i, r in _bounded(pool, tasks, options, limit=2 * jobs):
                results[i] = r
                if progress:
                    progress(r)
    return [results[i] for i in range(len(tasks))]


def _bounded(pool: ProcessPoolExecutor, tasks, options, *, limit: int) -> Iterator[tuple[int, SiteResult]]:
    pending: dict[Future, int] = {}
    it = iter(enumerate(tasks))
    while True:
        while len(pending) < limit:
            nxt = next(it, None)
            if nxt is None:
                break
            i, (s, o) = nxt
            pending[pool.submit(_render_one, s, o, options)] = i
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            yield pending.pop(fut), fut.result()


__all__ = ["SiteResult", "find_sites", "output_names", "run_batch"]
