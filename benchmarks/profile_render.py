"""Profile one in-process render of a synthetic campus (the benchmark's sites).

    python benchmarks/profile_render.py 40            # top 40 functions by own time
    python benchmarks/profile_render.py 40 --sort cumulative --top 60

Runs the render once to warm the caches the app and batch keep between sites (fonts,
text layout), then once under cProfile, and prints the stages and the profile.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import campus  # noqa: E402

from orientation import load_profile, load_site, render_outputs  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("buildings", type=int, nargs="?", default=40)
    ap.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--cold", action="store_true", help="profile the first run (no warm-up)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "campus.json"
        path.write_text(json.dumps(campus(a.buildings)))
        site = load_site(path)
        profile = load_profile("guetersloh")
        if not a.cold:
            render_outputs(site, profile=profile)
        prof = cProfile.Profile()
        prof.enable()
        out = render_outputs(site, profile=profile)
        prof.disable()
    print({k: round(v, 3) for k, v in out.timings.items()})
    pstats.Stats(prof).sort_stats(a.sort).print_stats(a.top)


if __name__ == "__main__":
    main()
