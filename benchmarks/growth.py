"""Benchmark: how the work on hostile or large inputs grows with them, and real-file imports.

    python benchmarks/growth.py           # all figures
    python benchmarks/growth.py --quick   # smaller sizes (what CI runs to see it works)

The tests check these costs as operation counts (one index query per door, an iterative
placement walk); this script measures the time, as a figure to compare between commits:

* the STEP pre-check of IFC files on a placement chain of n and 10 n links,
* snapping d doors onto a round outline of n vertices, at (n, d) and (10 n, 10 d),
* the outline clean-up of an import at n and 10 n vertices,
* a plan with the walking graph, guidance signs and each room's way in, for a corridor of n
  and 10 n rooms a side on two storeys,
* re-planning the bundled school after one edit in the app's table,
* importing each real building file of ``../shared/data`` (skipped when absent).

For the first four it prints the growth factor for 10 times the input: linear work gives
about 10, n log n a little more, quadratic work 100. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))  # app_support beside app.py

REAL_FILES = ["ifc/fzk-haus/AC20-FZK-Haus.ifc", "ifc/bim-whale/LargeBuilding.ifc",
              "ifc/bim-whale/TallBuilding.ifc", "dxf/openindoor-school/plan.dxf",
              "imdf/ibm-littleton", "imdf/spbstu", "osm/tud-apb/APBorig.osm"]


def _best(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs (the least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _ring(n: int, r: float = 50.0):
    from shapely.geometry import Polygon

    return Polygon([(r * math.cos(2 * math.pi * i / n), r * math.sin(2 * math.pi * i / n))
                    for i in range(n)])


def step_chain(n: int) -> bytes:
    body = ["#1=IFCCARTESIANPOINT((0.,0.,0.));", "#2=IFCAXIS2PLACEMENT3D(#1,$,$);",
            "#10=IFCLOCALPLACEMENT($,#2);"]
    body += [f"#{i}=IFCLOCALPLACEMENT(#{i - 1},#2);" for i in range(11, 10 + n)]
    return ("ISO-10303-21;\nHEADER;\nENDSEC;\nDATA;\n" + "\n".join(body)
            + "\nENDSEC;\nEND-ISO-10303-21;\n").encode()


def growth(name: str, make: Callable[[int], Callable[[], object]], n: int, repeat: int) -> dict:
    small = _best(make(n), repeat)
    big = _best(make(10 * n), repeat)
    factor = big / max(small, 1e-9)
    print(f"{name:<34} n {n:>7,}: {small * 1000:8.1f} ms | 10 n: {big * 1000:8.1f} ms | "
          f"growth {factor:5.1f}x")
    return {"n": n, "small_s": small, "big_s": big, "growth": factor}


def cycle_check(n: int) -> Callable[[], object]:
    from orientation.io.ifc import check_step

    raw = step_chain(n)
    return lambda: check_step(raw, file="chain.ifc")


def _assemble(draft_of: Callable[[], object]) -> Callable[[], object]:
    from orientation.io import ImportLimits
    from orientation.io._assemble import assemble_site
    from orientation.io._notes import Notes

    wide = ImportLimits(max_ring_vertices=10**6, max_line_points=10**6)
    return lambda: assemble_site(name="s", drafts=[draft_of()], notes=Notes(), limits=wide)


def snapping(n: int) -> Callable[[], object]:
    from orientation.io._drafts import BuildingDraft, DoorDraft
    from orientation.model import DoorKind

    poly, d = _ring(n), max(1, n // 10)
    doors = [DoorDraft(at=(c[0] * 1.01, c[1] * 1.01), level=0, kind=DoorKind.entrance)
             for c in list(poly.exterior.coords)[:: max(1, n // d)][:d]]
    return _assemble(lambda: BuildingDraft(name="b", footprint=poly, storeys=[(0, "0")],
                                           doors=doors))


def clean_up(n: int) -> Callable[[], object]:
    from orientation.io._drafts import BuildingDraft

    poly = _ring(n)
    return _assemble(lambda: BuildingDraft(name="b", footprint=poly, storeys=[(0, "0")]))


def corridor_site(n: int):
    """A hand-written building: n rooms each side of one straight corridor, a stair at each
    end and one in the middle, two storeys (the walking graph, guidance and access)."""
    from orientation.model import Site

    w = 6.0
    length = n * w
    rooms = []
    for lv in (0, 1):
        for i in range(n):
            for side, (y0, y1) in (("n", (12, 20)), ("s", (0, 8))):
                rooms.append({"id": f"r{lv}{side}{i}", "level": lv, "use": "classroom",
                              "polygon": [[i * w, y0], [i * w + w, y0], [i * w + w, y1],
                                          [i * w, y1]]})
    stairs = [{"id": f"st{k}", "at": [x, 10], "levels": [0, 1]}
              for k, x in enumerate((1.0, length / 2, length - 1.0))]
    return Site.model_validate({
        "format": "orientation/site@1", "site": {"name": "Flur", "date": "2026-12-01"},
        "buildings": [{"id": "b", "name": "B", "footprint": [[0, 0], [length, 0],
                                                             [length, 20], [0, 20]],
                       "storeys": [{"level": 0, "name": "EG"}, {"level": 1, "name": "OG"}],
                       "doors": [{"id": "d", "at": [0, 10], "kind": "entrance", "main": True}],
                       "stairs": stairs, "rooms": rooms}]})


def walking(n: int) -> Callable[[], object]:
    from orientation.layout.engine import make_plan

    site = corridor_site(n)
    return lambda: make_plan(site)


def replan(repeat: int) -> dict:
    import app_support as sup

    path = ROOT / "floorplans" / "gesamtschule.yaml"
    loaded = sup.load_upload(path.read_bytes(), path.name)
    plan = sup.plan_for(sup.site_json(loaded.site))
    rows = sup.door_rows(loaded.site, plan)
    rows[3]["pin"] = "E42"

    def once() -> None:
        site = sup.apply_rows(loaded.site, "doors", rows)
        sup.plan_for(sup.site_json(site))

    took = _best(once, repeat)
    print(f"{'app: re-plan the school after an edit':<34} {took * 1000:8.1f} ms")
    return {"replan_s": took}


def imports(repeat: int) -> dict:
    from orientation.errors import OrientationError
    from orientation.io import import_file

    out = {}
    for rel in REAL_FILES:
        p = SHARED / rel
        if not p.exists():
            print(f"import {rel}: skipped ({p} is absent)")
            continue
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            with contextlib.suppress(OrientationError):  # a refused file costs its time too
                import_file(p)
            times.append(time.perf_counter() - t)
        out[rel] = statistics.median(times)
        print(f"import {rel:<40} {out[rel]:6.2f} s (median of {repeat}, in a contained child)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, one run each (CI)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    a = ap.parse_args()
    repeat = 1 if a.quick else 3
    scale = 1 if a.quick else 10
    res = {
        "step_cycle_check": growth("IFC pre-check: placement chain", cycle_check,
                                   2_000 * scale, repeat),
        "door_snapping": growth("snap n/10 doors onto n vertices", snapping, 200 * scale, repeat),
        "outline_clean_up": growth("outline clean-up of n vertices", clean_up, 200 * scale,
                                   repeat),
        "walking_plan": growth("plan with walking graph: n rooms", walking, 10 * scale,
                               repeat),
        **replan(repeat),
        "imports_s": imports(1 if a.quick else 3),
    }
    if a.json:
        a.json.write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
