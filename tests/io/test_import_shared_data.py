"""Acceptance of the importers on real buildings drawn by others (``../shared/data``).

Skipped with a reason when the folder (a sibling of the repository) is absent; what is known
about each file is in ``../shared/data/README.md``. How long each import takes is measured by
``make bench`` (benchmarks/growth.py), not asserted here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from orientation.errors import ImportError_
from orientation.io import import_file
from orientation.io.site_file import dump_site, site_from_bytes, site_from_data
from orientation.layout.geometry import geometry_problems

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data"
#: Generous: every file imports in 0.1-3 s on a 2-core machine.

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED.resolve()} is absent: real "
                       "building files are not available here"),
]


def need(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"{rel} is not in {SHARED.resolve()}")
    return p


def imported(rel: str, **kw):
    result = import_file(need(rel), **kw)
    site = site_from_data(result.site.model_dump(mode="json"), file=rel)
    assert geometry_problems(site) == []
    assert site_from_bytes(dump_site(site).encode("utf-8"), name="x.yaml") == site
    return result


def exterior(b):
    return [d for d in b.doors if d.kind.value != "inner"]


def test_fzk_haus():
    pytest.importorskip("ifcopenshell")
    r = imported("ifc/fzk-haus/AC20-FZK-Haus.ifc")  # room numbers are kept by default
    (b,) = r.site.buildings
    assert [(s.level, s.name) for s in b.storeys] == [(0, "Erdgeschoss"), (1, "Dachgeschoss")]
    assert len(b.rooms) == 7
    assert {r_.number for r_ in b.rooms} == {str(i) for i in range(1, 8)}
    assert {"Flur", "Küche", "Wohnen"} <= {r_.name for r_ in b.rooms}
    ext = exterior(b)
    assert len(ext) == 2                                  # Haustuer and Terrassentuer
    assert {d.kind.value for d in ext} == {"entrance"}
    assert len(b.doors) == 5
    assert Polygon(b.footprint).area == pytest.approx(120.0, abs=1.0)
    assert len(b.stairs) == 1 and b.stairs[0].levels == (0, 1)
    assert 1 <= len(b.windows) <= 11
    o = r.site.site.origin
    assert o is not None and abs(o.lat - 49.100) < 0.01 and abs(o.lon - 8.437) < 0.01


def test_bim_whale_large_building_millimetres():
    pytest.importorskip("ifcopenshell")
    r = imported("ifc/bim-whale/LargeBuilding.ifc")
    (b,) = r.site.buildings
    assert len(b.storeys) == 2 and len(b.rooms) == 8
    pts = list(b.footprint) + [d.at for d in b.doors] + [w.at for w in b.windows]
    assert all(abs(x) < 100 and abs(y) < 100 for x, y in pts)   # metres, not millimetres
    assert {d.width for d in b.doors} <= {0.915, 1.55}
    assert r.site.site.origin is None                              # Revit's Boston default
    assert "origin-default" in r.codes()
    assert not any(d.kind.value == "emergency_exit" for d in b.doors)


def test_barcelona_pavilion_clear_message():
    pytest.importorskip("ifcopenshell")
    p = need("ifc/barcelona-pavilion/barcelona-pavilion.ifc")
    with pytest.raises(ImportError_) as exc:
        import_file(p)
    msg = str(exc.value)
    assert "no storeys" in msg and "no spaces" in msg and "site file" in msg
    assert "Traceback" not in msg


def test_barcelona_pavilion_dxf_clear_message():
    pytest.importorskip("ezdxf")
    with pytest.raises(ImportError_, match="--layers footprint="):
        import_file(need("ifc/barcelona-pavilion/plan.dxf"))


def test_tu_dresden_apb():
    r = imported("osm/tud-apb/APBorig.osm")
    (b,) = r.site.buildings
    assert b.name == "Andreas-Pfitzmann-Bau"
    assert 4 <= len(b.storeys) <= 5
    assert 380 <= len(b.rooms) <= 440
    ext = exterior(b)
    kinds = Counter(d.kind.value for d in ext)
    assert len(ext) == 12
    assert kinds["emergency_exit"] == 10
    assert sum(d.main for d in b.doors) == 1
    assert r.site.site.origin is not None
    assert abs(r.site.site.origin.lat - 51.025) < 0.01
    assert len(b.stairs) >= 7
    assert any(f.kind.value == "elevator" for f in b.features)
    assert any(f.kind.value == "footway" for f in r.site.site_features)
    # the OSM refs are the room numbers, each on one room only (the repeats are said)
    numbers = [r_.number for r_ in b.rooms if r_.number]
    assert len(numbers) >= 390 and len(set(numbers)) == len(numbers)
    assert {"2064", "2101", "3089"} <= set(numbers)
    assert r.codes().count("room-numbers-duplicate") == 1
    renumbered = import_file(need("osm/tud-apb/APBorig.osm"), renumber_rooms=True)
    assert all(r_.number is None for r_ in renumbered.site.buildings[0].rooms)


def test_openindoor_school_dxf():
    pytest.importorskip("ezdxf")
    r = imported("dxf/openindoor-school/plan.dxf")
    (b,) = r.site.buildings
    assert len(b.rooms) == 60
    area = Polygon(b.footprint, b.courtyards).area
    assert area == pytest.approx(2984, rel=0.02)          # in m², from centimetres
    xs = [p[0] for p in b.footprint]
    assert 50 < max(xs) - min(xs) < 200                    # metres
    assert b.doors == ()
    codes = r.codes()
    assert "no-doors" in codes and "dxf-no-door-blocks" in codes
    assert "footprint-parts" in codes                      # the outline falls apart: said
    named = [r_ for r_ in b.rooms if r_.name]
    assert len(named) >= 55
    assert "Technologie atelier" in {r_.name for r_ in named}
    numbers = {r_.number for r_ in b.rooms if r_.number}
    assert {"B013", "C001"} <= numbers and len(numbers) >= 55   # the labels, by default


def test_ibm_littleton_imdf():
    r = imported("imdf/ibm-littleton")
    (b,) = r.site.buildings
    assert 1700 <= len(b.rooms) <= 1800
    assert len(b.storeys) == 3
    assert b.doors == ()
    assert "no-doors" in r.codes()


def test_spbpu_imdf():
    r = imported("imdf/spbstu")
    buildings = {b.name: b for b in r.site.buildings}
    main = buildings["Main academic building"]
    assert [s.level for s in main.storeys] == [0, 2]
    assert sum(len(b.rooms) for b in r.site.buildings) == 144
    assert sum(len(b.storeys) for b in r.site.buildings) == 3
    assert len(main.stairs) >= 8
    assert all(d.kind.value == "inner" for d in main.doors) and len(main.doors) == 142
    codes = r.codes()
    assert "no-exterior-doors" in codes and "imdf-unknown-file" in codes
