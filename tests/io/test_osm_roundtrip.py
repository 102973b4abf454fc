"""OSM nodes -> imported site -> ``register.csv`` / ``markings.geojson``: every door comes back
within 1 cm of its source node (the importers and the exports share :mod:`orientation.geo`).

Before one geo module, an ellipsoidal import and a spherical export put both entrances of an
840 m campus 0.81 m from their nodes. The node positions here come from geodesics on the WGS84
ellipsoid (``pyproj.Geod``), independent of the projection under test.
"""

from __future__ import annotations

import csv
import io
import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import Polygon

from orientation import geo
from orientation.exports import markings_geojson, register_csv
from orientation.io import import_file
from orientation.io._assemble import assemble_site
from orientation.io._drafts import BuildingDraft, DoorDraft
from orientation.io._notes import Notes
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan
from orientation.model import DoorKind

GEOD = Geod(ellps="WGS84")
#: What the exports promise (7 decimal degrees is 1.1 cm; the worst case is half that).
TOLERANCE_M = 0.01
SHARED = Path(__file__).parents[2] / ".." / "shared" / "data"
DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")


def geodesic_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


def synthetic_campus(path: Path, lat0: float = 51.0285, lon0: float = 13.7230) -> tuple[Path, dict]:
    """Two buildings 840 m apart (corner to corner), each with doors on its outline; returns
    the file and ``{"node/ID": (lat, lon)}`` of every door node."""
    items: list[str] = []
    doors: dict[str, tuple[float, float]] = {}
    next_id = [0]

    def node(x: float, y: float, **tags: str) -> int:
        next_id[0] += 1
        lon, lat, _ = GEOD.fwd(lon0, lat0, math.degrees(math.atan2(x, y)), math.hypot(x, y))
        body = "".join(f'<tag k="{k.replace("__", ":")}" v="{v}"/>' for k, v in tags.items())
        items.append(f'<node id="{next_id[0]}" lat="{lat:.9f}" lon="{lon:.9f}">{body}</node>')
        if tags:
            doors[f"node/{next_id[0]}"] = (lat, lon)
        return next_id[0]

    def building(x0: float, y0: float, name: str, main: bool) -> None:
        ring = [node(x0, y0),
                node(x0 + 20, y0, door="hinged", entrance="main" if main else "yes", level="0"),
                node(x0 + 40, y0),
                node(x0 + 40, y0 + 10, door="hinged", entrance="emergency", level="0"),
                node(x0 + 40, y0 + 20), node(x0, y0 + 20),
                node(x0, y0 + 10, entrance="service", level="0")]
        next_id[0] += 1
        nds = "".join(f'<nd ref="{n}"/>' for n in [*ring, ring[0]])
        items.append(f'<way id="{next_id[0]}">{nds}<tag k="building" v="university"/>'
                     f'<tag k="name" v="Haus {name}"/><tag k="building:levels" v="2"/></way>')

    building(-400.0, -250.0, "A", True)
    building(360.0, 210.0, "B", False)   # 840 m from A's south-west corner to B's north-east
    path.write_text("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n"
                    + "\n".join(items) + "\n</osm>\n", encoding="utf-8")
    return path, doors


def door_positions(source: Path) -> tuple[list[tuple[str, float, float, float, float]], int]:
    """Import ``source``, make the plan and read the exports back: for every door marking
    (source id, lat/lon in register.csv, lat/lon in markings.geojson); and the site's row count."""
    result = import_file(source)
    site = site_from_data(result.site.model_dump(mode="json"), file="imported.yaml")
    plan = make_plan(site, "guetersloh")
    source_of = {(b.id, d.id): d.source_id for b in site.buildings for d in b.doors}
    rows = [r for r in csv.DictReader(io.StringIO(register_csv(plan))) if r["kind"] in DOOR_KINDS]
    feats = {f["id"]: f for f in json.loads(markings_geojson(plan))["features"]}
    out = []
    for m in plan.markings:
        if m.kind not in DOOR_KINDS:
            continue
        row = next(r for r in rows if r["code"] == m.code and r["element"] == m.element)
        lon, lat = feats[m.id]["geometry"]["coordinates"]
        out.append((source_of[(m.building, m.element)], float(row["lat"]), float(row["lon"]),
                    lat, lon))
    return out, len(rows)


def test_synthetic_campus_round_trip_within_a_centimetre(tmp_path):
    path, nodes = synthetic_campus(tmp_path / "campus.osm")
    found, n_rows = door_positions(path)
    assert n_rows == len(nodes) == 6
    assert {sid for sid, *_ in found} == set(nodes)
    worst = 0.0
    for sid, lat, lon, glat, glon in found:
        nlat, nlon = nodes[sid]
        worst = max(worst, geodesic_m(nlat, nlon, lat, lon), geodesic_m(nlat, nlon, glat, glon))
    print(f"\nsynthetic 840 m campus: worst door {worst * 100:.2f} cm from its node")
    assert worst < TOLERANCE_M


@pytest.mark.shared_data
def test_tud_apb_round_trip_within_a_centimetre():
    """The real TU Dresden APB building (``../shared/data/osm/tud-apb``)."""
    osm = SHARED / "osm" / "tud-apb" / "APBorig.osm"
    if not osm.exists():
        pytest.skip(f"{osm.resolve()} is absent: real building files are not available here")
    nodes = {f"node/{n.get('id')}": (float(n.get("lat")), float(n.get("lon")))
             for n in ET.parse(osm).getroot().iter("node")}
    found, n_rows = door_positions(osm)
    assert n_rows >= 12 and len(found) == n_rows   # 2 entrances, 10 emergency exits
    worst = max(max(geodesic_m(*nodes[sid], lat, lon), geodesic_m(*nodes[sid], glat, glon))
                for sid, lat, lon, glat, glon in found)
    print(f"\nTU Dresden APB: {len(found)} doors, worst {worst * 100:.2f} cm from its node")
    assert worst < TOLERANCE_M


@pytest.mark.parametrize("north", [0.0, 30.0, 290.0])
def test_shifted_plan_keeps_its_places_on_the_earth(north):
    """A plan 50 km from (0, 0) is shifted to the site; the origin moves and north turns by the
    meridian convergence, so every door keeps its WGS84 position (to a centimetre)."""
    x0, y0 = 50_000.0, -30_000.0
    fp = [(x0, y0), (x0 + 120, y0), (x0 + 120, y0 + 60), (x0, y0 + 60)]
    doors = [DoorDraft(at=(x0 + 60, y0), level=0, kind=DoorKind.entrance, main=True),
             DoorDraft(at=(x0 + 120, y0 + 30), level=0, kind=DoorKind.emergency_exit)]
    draft = BuildingDraft(name="far", footprint=Polygon(fp), storeys=[(0, "EG")], doors=doors)
    origin = (51.9, 8.38)
    notes = Notes()
    data = assemble_site(name="far", drafts=[draft], notes=notes, origin=origin, north_deg=north)
    assert "plan-shifted" in notes.codes()
    info = data["site"]
    new_origin = (info["origin"]["lat"], info["origin"]["lon"])
    for before, after in zip(doors, data["buildings"][0]["doors"]):
        lat0, lon0 = geo.plan_to_wgs84(origin, north, before.at)
        lat1, lon1 = geo.plan_to_wgs84(new_origin, info["north_deg"], after["at"])
        assert geodesic_m(float(lat0), float(lon0), float(lat1), float(lon1)) < TOLERANCE_M
