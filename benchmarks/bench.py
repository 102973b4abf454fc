"""Benchmark: the whole `orientation render` against the raw-library floor, and batch throughput.

    python benchmarks/bench.py            # sizes 1, 10, 40, 100 buildings + batch of 200 sites
    python benchmarks/bench.py --quick    # 1 building, no batch (what CI runs to see it works)

For each synthetic campus (buildings of 40 x 20 m, 3 storeys, 10 exterior doors, 2 stairs, 60 rooms
with outlines, 20 windows, beside a road) it reports:

* the whole process `orientation render` (wall time incl. start-up, peak memory),
* the time per stage (load, plan, compose, svg, pdf, write) from an in-process run,
* the **floor**: the same sign pages (one PDF page per sign at its size with the code in the
  embedded TTF; one SVG per sign with the code's glyphs as outlined paths) and the same map pages
  (every room outline and number) written straight with reportlab, svgwrite and fontTools, with
  no model, layout or checks, also as a whole process,
* batch throughput for 200 generated sites with ``--jobs 1`` and ``2``, the scaling, and the
  peak memory of the largest process for 50 and for 200 sites (it must not grow with them),
* the ratio pipeline / floor, and the growth from 10 to 100 buildings; the same ratio
  of processor time (user + system) beside the wall-clock one: the disk's speed swings
  more than the processors' on shared machines, and both sides write the same files.

It also reports the **site plan's label search** (``--labels``, default sizes 40, 100, 300):
on the same campuses, the overview plan of a crowded site and its part plans, with every
exterior code at its door (:func:`label_search`): seconds in process, the obstacles the
placer looked at (its work, per exterior door), the sheets and the parts' scale. The
campuses' storeys and rooms are left out there: the site plan draws neither.

It also reports **start-up**: ``orientation --help``, ``orientation profiles`` and
``orientation schema`` as whole processes (median of ``--startup-runs``, default 10, beside a
bare ``python -c pass``); the goal is under 0.15 s each.

Render and floor run in turns, ``--repeat`` times each (default 3), and their medians are
compared: on a shared machine the speed drifts by tens of percent within a minute, and a
single pair of runs would measure the drift.

Prints a table and writes JSON (``benchmarks/results/bench-<label>.json``) for comparison between
commits. Figures, not assertions: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


# -- synthetic sites -------------------------------------------------------------------------

def campus(n_buildings: int, *, name: str = "Benchmark-Campus") -> dict:
    """A site of ``n_buildings`` on a grid beside a road along y = -15."""
    buildings = []
    per_row = 10
    for i in range(n_buildings):
        ox, oy = (i % per_row) * 60.0, (i // per_row) * 40.0
        bid = f"b{i:03d}"
        fp = [[ox, oy], [ox + 40, oy], [ox + 40, oy + 20], [ox, oy + 20]]
        doors = [{"id": "d0", "at": [ox + 20, oy], "kind": "entrance", "main": i == 0}]
        pts = [[ox + 5, oy], [ox + 35, oy], [ox + 40, oy + 5], [ox + 40, oy + 15], [ox + 30, oy + 20],
               [ox + 20, oy + 20], [ox + 10, oy + 20], [ox, oy + 15], [ox, oy + 5]]
        kinds = ["emergency_exit", "service", "emergency_exit", "entrance", "emergency_exit",
                 "fire_brigade", "emergency_exit", "entrance", "emergency_exit"]
        doors += [{"id": f"d{j + 1}", "at": p, "kind": k} for j, (p, k) in enumerate(zip(pts, kinds))]
        rooms, windows = [], []
        for level in range(3):
            for r in range(20):
                col, row = r % 10, r // 10
                x0, y0 = ox + col * 4.0, oy + (0 if row == 0 else 12)
                rooms.append({"id": f"r{level}-{r:02d}", "level": level,
                              "name": f"Raum {level}.{r:02d}" if r % 7 else "Sekretariat",
                              "landmark": r == 0,
                              "polygon": [[x0, y0], [x0 + 4, y0], [x0 + 4, y0 + 8], [x0, y0 + 8]]})
            for w in range(7 if level < 2 else 6):
                windows.append({"id": f"w{level}-{w}", "at": [ox + 2 + w * 5.5, oy], "level": level})
        buildings.append({
            "id": bid, "name": f"Haus {i + 1}", "footprint": fp,
            "storeys": [{"level": lv, "name": ["EG", "1. OG", "2. OG"][lv]} for lv in range(3)],
            "doors": doors,
            "stairs": [{"id": "t1", "at": [ox + 2, oy + 10], "levels": [0, 1, 2]},
                       {"id": "t2", "at": [ox + 38, oy + 10], "levels": [0, 1, 2]}],
            "rooms": rooms, "windows": windows,
            "features": [{"kind": "key_box", "at": [ox + 21, oy - 0.3], "level": 0}],
        })
    width = max(60.0 * min(n_buildings, per_row), 60.0)
    return {"format": "orientation/site@1",
            "site": {"name": name, "address": "Benchmarkweg 1", "date": "2026-11-21"},
            "buildings": buildings,
            "site_features": [{"kind": "road", "name": "Benchmarkweg", "line": [[-30, -15], [width + 30, -15]]},
                              {"kind": "hydrant", "at": [-10, -10]}]}


# -- child processes --------------------------------------------------------------------------

def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _cpu_s() -> float:
    """Processor time of this process so far (user + system), start-up included."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def child_render(site: str, out: str) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from orientation.cli import main

    code = main(["render", site, "-o", out, "-q"])
    print(json.dumps({"peak_mb": _peak_mb(), "cpu_s": _cpu_s(), "exit": code}))


def child_floor(spec_path: str, out: str) -> None:
    """Write the same sign and map pages with the raw libraries only."""
    import svgwrite
    from fontpkg_atkinson_hyperlegible import ROOT as FONT_ROOT
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.ttLib import TTFont as FTFont
    from reportlab.lib.colors import CMYKColor
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    spec = json.loads(Path(spec_path).read_text())
    font_path = str(Path(FONT_ROOT) / "files" / "AtkinsonHyperlegible-Bold.ttf")
    pdfmetrics.registerFont(TTFont("AHB", font_path))
    ft = FTFont(font_path)
    gs, cmap, upm = ft.getGlyphSet(), ft.getBestCmap(), ft["head"].unitsPerEm
    hmtx = ft["hmtx"]
    outline_cache: dict[str, tuple[str, int]] = {}

    def glyph(ch: str) -> tuple[str, int]:
        if ch not in outline_cache:
            name = cmap.get(ord(ch), ".notdef")
            pen = SVGPathPen(gs)
            gs[name].draw(pen)
            outline_cache[ch] = (pen.getCommands(), hmtx[name][0])
        return outline_cache[ch]

    def svg_text(dwg, text: str, x: float, y: float, size: float) -> None:
        s = size / upm
        for ch in text:
            d, adv = glyph(ch)
            if d:
                dwg.add(dwg.path(d=d, transform=f"translate({x:.3f} {y:.3f}) scale({s:.5f} {-s:.5f})"))
            x += adv * s

    outp = Path(out)
    (outp / "signs").mkdir(parents=True, exist_ok=True)
    (outp / "maps").mkdir(parents=True, exist_ok=True)
    mm = 72 / 25.4
    c = canvas.Canvas(str(outp / "signs.pdf"), invariant=1)
    for i, sg in enumerate(spec["signs"]):
        w, h, cap = sg["w"], sg["h"], sg["cap"]
        size = cap / 0.668
        c.setPageSize(((w + 6) * mm, (h + 6) * mm))
        c.setFillColor(CMYKColor(0.95, 0.5, 0, 0.56))
        c.rect(0, 0, (w + 6) * mm, (h + 6) * mm, stroke=0, fill=1)
        c.setFillColor(CMYKColor(0, 0, 0, 0))
        c.setFont("AHB", size * mm)
        c.drawCentredString((w / 2 + 3) * mm, (h / 2 + 3 - cap / 2) * mm, sg["text"])
        c.showPage()
        dwg = svgwrite.Drawing(str(outp / "signs" / f"s{i}.svg"), size=(f"{w}mm", f"{h}mm"),
                               viewBox=f"0 0 {w} {h}", debug=False)
        dwg.add(dwg.rect((0, 0), (w, h), fill="#063971"))
        svg_text(dwg, sg["text"], w / 4, h / 2 + cap / 2, size)
        dwg.save()
    c.save()
    c = canvas.Canvas(str(outp / "maps.pdf"), invariant=1, pagesize=(420 * mm, 297 * mm))
    for pi, page in enumerate(spec["pages"]):
        dwg = svgwrite.Drawing(str(outp / "maps" / f"p{pi}.svg"), size=("420mm", "297mm"),
                               viewBox="0 0 420 297", debug=False)
        c.setFont("AHB", 3 / 0.668 * mm)
        for poly, label, (lx, ly) in page:
            path = c.beginPath()
            path.moveTo(poly[0][0] * mm, poly[0][1] * mm)
            for x, y in poly[1:]:
                path.lineTo(x * mm, y * mm)
            path.close()
            c.drawPath(path, stroke=1, fill=0)
            c.drawCentredString(lx * mm, ly * mm, label)
            dwg.add(dwg.polygon(poly, fill="white", stroke="#404040", stroke_width=0.25))
            svg_text(dwg, label, lx, 297 - ly, 3 / 0.668)
        c.showPage()
        dwg.save()
    c.save()
    print(json.dumps({"peak_mb": _peak_mb(), "cpu_s": _cpu_s(), "exit": 0}))


def _run_child(args: list[str]) -> tuple[float, dict]:
    t0 = time.perf_counter()
    proc = subprocess.run([PY, __file__, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"child failed: {' '.join(args)}\n{proc.stderr[-2000:]}")
    return wall, json.loads(proc.stdout.strip().splitlines()[-1])


# -- the benchmark ----------------------------------------------------------------------------

STARTUP_COMMANDS = (("--help",), ("profiles",), ("schema",))


def startup(runs: int = 10) -> dict:
    """Median wall time (s) of the light commands as whole processes, ``runs`` each, taking
    turns, beside a bare interpreter's start-up (the floor no command can go under)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmds = {"python": [PY, "-c", "pass"]}
    cmds |= {" ".join(c): [PY, "-m", "orientation", *c] for c in STARTUP_COMMANDS}
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, argv in cmds.items():
            t0 = time.perf_counter()
            proc = subprocess.run(argv, capture_output=True, cwd=ROOT, env=env)
            times[name].append(time.perf_counter() - t0)
            if proc.returncode != 0:
                raise SystemExit(f"start-up run failed: {' '.join(argv)}\n"
                                 f"{proc.stderr.decode(errors='replace')[-2000:]}")
    out = {name: round(statistics.median(ts), 3) for name, ts in times.items()}
    print(f"start-up (median of {runs} whole processes): "
          + ", ".join(f"{name} {t * 1000:.0f} ms" for name, t in out.items())
          + " (goal: under 150 ms)", flush=True)
    return {"runs": runs, "median_s": out}


def floor_spec(site_path: Path) -> dict:
    """Sign sizes and texts, and map pages with room outlines in page mm, from the real plan."""
    sys.path.insert(0, str(ROOT / "src"))
    from orientation import load_site, make_plan

    site = load_site(site_path)
    plan = make_plan(site)
    signs = [{"text": s.text, "w": s.width_mm, "h": s.height_mm, "cap": s.cap_height_mm} for s in plan.signs]
    codes = {m.id: (m.code, m.at) for m in plan.markings if m.kind == "room"}
    pages: list = [[]]  # the site plan page: buildings only
    for b in site.buildings:
        xs = [p[0] for p in b.footprint]
        ys = [p[1] for p in b.footprint]
        s = min(300 / max(max(xs) - min(xs), 1), 250 / max(max(ys) - min(ys), 1))
        for st in b.storeys:
            page = []
            for r in b.rooms:
                if r.level != st.level or not r.polygon:
                    continue
                code, at = codes[f"{b.id}/{r.id}"]
                poly = [[20 + (x - min(xs)) * s, 20 + (y - min(ys)) * s] for x, y in r.polygon]
                page.append((poly, code, (20 + (at[0] - min(xs)) * s, 20 + (at[1] - min(ys)) * s)))
            pages.append(page)
    return {"signs": signs, "pages": pages, "n_signs": len(signs)}


def label_search(sizes: list[int], repeat: int = 3) -> list[dict]:
    """The site plan's label search at each size: the overview plan and the part plans of
    :func:`orientation.compose.maps.booklet._site_sheets` (the median of ``repeat`` runs),
    with the placer's work, the sheets and the part plans' scale; every exterior code sits
    at its door on them (the test ``tests/compose/test_din_campus.py`` holds it)."""
    sys.path.insert(0, str(ROOT / "src"))
    from orientation.compose.maps.booklet import _site_sheets, make_ctx
    from orientation.io.site_file import site_from_data
    from orientation.layout.engine import make_plan
    from orientation.profiles import load_profile

    prof = load_profile("guetersloh")
    rows = []
    for n in sizes:
        data = campus(n)
        for b in data["buildings"]:  # the site plan draws neither storeys nor rooms
            b["rooms"], b["windows"], b["storeys"] = [], [], b["storeys"][:1]
            b["stairs"] = [dict(st, levels=[0]) for st in b["stairs"]]
        plan = make_plan(site_from_data(data, file=f"campus-{n}"), prof)
        doors = sum(1 for m in plan.markings
                    if m.kind in ("entrance", "emergency_exit", "fire_brigade", "service"))
        times, work, sheets = [], 0, []
        for _ in range(max(repeat, 1)):
            ctx = make_ctx(plan, prof, paper=None, language=None)
            t0 = time.perf_counter()
            sheets, _placed = _site_sheets(ctx)
            times.append(time.perf_counter() - t0)
            work = sum(s.sheet.placer.work for s in sheets)
        row = {"buildings": n, "doors": doors, "seconds": round(statistics.median(times), 3),
               "work": work, "work_per_door": round(work / doors, 1), "sheets": len(sheets),
               "site_scale": plan.frame.scale,
               "part_scale": sheets[-1].scale if len(sheets) > 1 else None}
        rows.append(row)
        print(f"label search {n:>4} buildings, {doors:>5} doors: {row['seconds']:6.2f} s, "
              f"work {work:,} ({row['work_per_door']:.0f} per door), {len(sheets)} sheets "
              f"(overview 1:{plan.frame.scale}, parts 1:{row['part_scale']})", flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"label search growth {a['buildings']} -> {b['buildings']} buildings: time "
              f"x{b['seconds'] / a['seconds']:.1f}, doors x{b['doors'] / a['doors']:.1f}",
              flush=True)
    return rows


def run(sizes: list[int], *, batch_sites: int, label: str, repeat: int = 3,
        startup_runs: int = 10) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    # Bytecode ahead of time, as an installed wheel has it: without it (and with
    # PYTHONDONTWRITEBYTECODE set) every child process would compile the package first.
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    from orientation import load_profile, load_site, render_outputs, write_outputs
    from orientation.runtime import tune_collector_for_a_run

    tune_collector_for_a_run()  # as the command line does, so the stages add up to its run

    results: dict = {"label": label, "sizes": [], "python": sys.version.split()[0], "cpus": os.cpu_count()}
    if startup_runs:
        results["startup"] = startup(startup_runs)
    with tempfile.TemporaryDirectory(prefix="orientation-bench-") as tmp:
        tmpd = Path(tmp)
        for n in sizes:
            site_path = tmpd / f"campus-{n}.json"
            site_path.write_text(json.dumps(campus(n)))
            # stages, in process
            t0 = time.perf_counter()
            site = load_site(site_path)
            t_load = time.perf_counter() - t0
            outputs = render_outputs(site, profile=load_profile("guetersloh"))
            t1 = time.perf_counter()
            write_outputs(outputs.files, tmpd / f"inproc-{n}")
            stages = {"load": t_load, **outputs.timings, "write": time.perf_counter() - t1}
            n_signs = len(outputs.plan.signs)
            n_pages = sum(1 for k in outputs.files if k.startswith("maps/"))
            # whole processes, render and floor taking turns, so that a slow spell of a
            # shared machine hits both; the medians are compared
            spec_path = tmpd / f"floor-{n}.json"
            spec_path.write_text(json.dumps(floor_spec(site_path)))
            walls, fwalls, cpus, fcpus = [], [], [], []
            for _ in range(repeat):
                wall, child = _run_child(["--child-render", str(site_path), str(tmpd / f"out-{n}")])
                fwall, fchild = _run_child(["--child-floor", str(spec_path), str(tmpd / f"floor-{n}")])
                walls.append(wall)
                fwalls.append(fwall)
                cpus.append(child["cpu_s"])
                fcpus.append(fchild["cpu_s"])
            wall, fwall = statistics.median(walls), statistics.median(fwalls)
            cpu, fcpu = statistics.median(cpus), statistics.median(fcpus)
            row = {"buildings": n, "signs": n_signs, "map_pages": n_pages, "repeat": repeat,
                   "render_s": round(wall, 3), "render_peak_mb": round(child["peak_mb"], 1),
                   "floor_s": round(fwall, 3), "floor_peak_mb": round(fchild["peak_mb"], 1),
                   "render_runs_s": [round(w, 3) for w in walls],
                   "floor_runs_s": [round(w, 3) for w in fwalls],
                   "ratio": round(wall / fwall, 2),
                   "render_cpu_s": round(cpu, 3), "floor_cpu_s": round(fcpu, 3),
                   "cpu_ratio": round(cpu / fcpu, 2),
                   "signs_per_s": round(n_signs / wall, 1), "pages_per_s": round(n_pages / wall, 1),
                   "stages_s": {k: round(v, 3) for k, v in stages.items()}}
            results["sizes"].append(row)
            print(_row_text(row), flush=True)
        by_n = {r["buildings"]: r for r in results["sizes"]}
        if 10 in by_n and 100 in by_n:
            results["growth_10_to_100"] = round(by_n[100]["render_s"] / by_n[10]["render_s"], 2)
            print(f"growth 10 -> 100 buildings: x{results['growth_10_to_100']} (linear would be x10)")
        if batch_sites:
            results["batch"] = _batch(tmpd, batch_sites)
    return results


def child_batch(src: str, out: str, jobs: str) -> None:
    """Run ``orientation batch`` as a child and report the peak memory of the largest process
    under it (the batch itself, or one of its workers)."""
    proc = subprocess.run([PY, "-m", "orientation", "batch", src, "-o", out, "--jobs", jobs],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"batch failed:\n{proc.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print(json.dumps({"peak_mb": peak, "exit": 0}))


def _batch(tmpd: Path, n_sites: int) -> dict:
    src = tmpd / "batch-sites"
    src.mkdir()
    for i in range(n_sites):
        (src / f"site-{i:03d}.json").write_text(json.dumps(campus(1, name=f"Schule {i}")))
    few = tmpd / "batch-few"  # a quarter of the sites: memory must not grow with their number
    few.mkdir()
    for i in range(max(n_sites // 4, 1)):
        (few / f"site-{i:03d}.json").write_text(json.dumps(campus(1, name=f"Schule {i}")))
    out: dict = {"sites": n_sites}
    for jobs in (1, 2):
        wall, child = _run_child(["--child-batch", str(src), str(tmpd / f"batch-{jobs}"), str(jobs)])
        out[f"jobs{jobs}_s"] = round(wall, 2)
        out[f"jobs{jobs}_sites_per_s"] = round(n_sites / wall, 2)
        out[f"jobs{jobs}_peak_mb"] = round(child["peak_mb"], 1)
        print(f"batch {n_sites} sites, --jobs {jobs}: {wall:.1f} s ({n_sites / wall:.1f} sites/s), "
              f"largest process {child['peak_mb']:.0f} MB", flush=True)
    out["scaling_efficiency_2_jobs"] = round(out["jobs1_s"] / (2 * out["jobs2_s"]), 2)
    print(f"scaling efficiency with 2 jobs: {out['scaling_efficiency_2_jobs']:.0%}")
    _, child = _run_child(["--child-batch", str(few), str(tmpd / "batch-few-out"), "1"])
    out["few_sites"] = max(n_sites // 4, 1)
    out["few_jobs1_peak_mb"] = round(child["peak_mb"], 1)
    print(f"memory with --jobs 1: {out['few_sites']} sites {child['peak_mb']:.0f} MB, "
          f"{n_sites} sites {out['jobs1_peak_mb']:.0f} MB", flush=True)
    return out


def _row_text(r: dict) -> str:
    st = " ".join(f"{k} {v:.2f}" for k, v in r["stages_s"].items())
    return (f"{r['buildings']:>4} bldg | {r['signs']:>6} signs {r['map_pages']:>4} pages | render "
            f"{r['render_s']:7.2f} s {r['render_peak_mb']:6.0f} MB | floor {r['floor_s']:7.2f} s | "
            f"ratio {r['ratio']:5.2f} (processor time {r['render_cpu_s']:.2f} / {r['floor_cpu_s']:.2f} s: "
            f"{r['cpu_ratio']:.2f}) | {r['signs_per_s']:7.1f} signs/s | stages: {st}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smallest size only, no batch (CI)")
    ap.add_argument("--sizes", default="1,10,40,100")
    ap.add_argument("--batch", type=int, default=200, help="sites in the batch run (0 = none)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="whole-process runs of render and floor per size (medians compared)")
    ap.add_argument("--startup-runs", type=int, default=10,
                    help="whole-process runs of --help, profiles and schema (0 = none)")
    ap.add_argument("--startup-only", action="store_true", help="measure start-up only")
    ap.add_argument("--labels", default="40,100,300",
                    help="sizes of the site plan's label search (empty = none)")
    ap.add_argument("--labels-only", action="store_true",
                    help="measure the site plan's label search only")
    ap.add_argument("--label", default=time.strftime("%Y%m%d-%H%M%S"))
    ap.add_argument("--child-render", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--child-floor", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--child-batch", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child_render:
        return child_render(*a.child_render)
    if a.child_floor:
        return child_floor(*a.child_floor)
    if a.child_batch:
        return child_batch(*a.child_batch)
    if a.startup_only:
        compileall.compile_dir(str(ROOT / "src"), quiet=1)
        startup(max(a.startup_runs, 1))
        return None
    label_sizes = [int(s) for s in a.labels.split(",") if s.strip()]
    if a.labels_only:
        label_search(label_sizes or [40, 100, 300], repeat=a.repeat)
        return None
    sizes = [1] if a.quick else [int(s) for s in a.sizes.split(",")]
    print("buildings | signs pages | whole-process render | floor | ratio | throughput | stages (s)")
    res = run(sizes, batch_sites=0 if a.quick else a.batch, label=a.label,
              repeat=1 if a.quick else max(a.repeat, 1),
              startup_runs=3 if a.quick else max(a.startup_runs, 0))
    if label_sizes and not a.quick:
        res["label_search"] = label_search(label_sizes, repeat=max(a.repeat, 1))
    dest = ROOT / "benchmarks" / "results" / f"bench-{a.label}.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(res, indent=2) + "\n")
    print(f"wrote {dest.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
