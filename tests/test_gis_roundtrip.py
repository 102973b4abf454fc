"""Source coordinates -> imported site -> exports: every door of the real OSM (TU Dresden APB)
and IMDF (SPbPU) files comes back within 1 cm of its source node or opening centre, in
register.csv (WGS84), markings.geojson and register.gpkg (read with pyogrio, the national grid
taken back to WGS84 with pyproj, independently of orientation.geo).

The opening centre of an IMDF opening (a line) is its middle measured in metres on an
azimuthal equidistant projection centred on the line (not the importer's projection).
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import shapely
from pyogrio.raw import read
from pyproj import Geod, Transformer

from conftest import imported, need
from orientation import pipeline
from orientation.exports import csv_bytes, register_csv
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan

pytestmark = pytest.mark.shared_data
GEOD = Geod(ellps="WGS84")
TOLERANCE_M = 0.01


def exported(rel: str, tmp_path):
    """The import of a real file and its exports: (site, plan, register rows, geojson features
    by marking id, gpkg door records with their WGS84 position)."""
    result = imported(rel)
    site = site_from_data(result.site.model_dump(mode="json"), file="imported.yaml")
    prof = pipeline.resolve_profile(site, None)
    plan = make_plan(site, prof)
    ctx = pipeline.export_context(site)
    files, _ = pipeline.gis_files(plan, ctx, profile=prof)
    table = list(csv.DictReader(io.StringIO(csv_bytes(register_csv(plan, ctx)).decode(
        "utf-8-sig"))))
    feats = {f["id"]: f for f in json.loads(files["markings.geojson"])["features"]}
    gpkg = tmp_path / "register.gpkg"
    gpkg.write_bytes(files["register.gpkg"])
    meta, _, geom, fields = read(gpkg, layer="doors")
    doors = [dict(zip(meta["fields"], (f[i] for f in fields))) for i in range(len(geom))]
    pts = np.array([shapely.from_wkb(g).coords[0][:2] for g in geom])
    lon, lat = Transformer.from_crs(ctx.epsg, 4326, always_xy=True).transform(pts[:, 0],
                                                                              pts[:, 1])
    for d, a, b in zip(doors, lat, lon):
        d["lat"], d["lon"] = float(a), float(b)
    return site, plan, table, feats, doors, ctx


def metres(lat1, lon1, lat2, lon2) -> float:
    return float(GEOD.inv(lon1, lat1, lon2, lat2)[2])


def check(source: dict[str, tuple[float, float]], site, plan, table, feats, doors) -> dict:
    """The worst distance (m) from the source of every exported door, per export."""
    worst = {"register.csv": 0.0, "markings.geojson": 0.0, "register.gpkg": 0.0}
    seen = 0
    for d in doors:
        sid = d["source_id"]
        if sid not in source:
            continue
        seen += 1
        lat, lon = source[sid]
        worst["register.gpkg"] = max(worst["register.gpkg"], metres(lat, lon, d["lat"], d["lon"]))
    by_source = {(b.id, d.id): d.source_id for b in site.buildings for d in b.doors}
    for m in plan.markings:
        if m.kind not in ("entrance", "emergency_exit", "fire_brigade", "service"):
            continue
        lat, lon = source[by_source[(m.building, m.element)]]
        row = next(r for r in table if r["element"] == m.element and r["building"] == m.building)
        worst["register.csv"] = max(worst["register.csv"],
                                    metres(lat, lon, float(row["lat"]), float(row["lon"])))
        glon, glat = feats[m.id]["geometry"]["coordinates"]
        worst["markings.geojson"] = max(worst["markings.geojson"], metres(lat, lon, glat, glon))
    worst["doors"] = seen
    return worst


def test_tud_apb_osm_every_door_within_a_centimetre(tmp_path):
    osm = need("osm/tud-apb/APBorig.osm")
    nodes = {f"node/{n.get('id')}": (float(n.get("lat")), float(n.get("lon")))
             for n in ET.parse(osm).getroot().iter("node")}
    site, plan, table, feats, doors, ctx = exported("osm/tud-apb/APBorig.osm", tmp_path)
    assert ctx.epsg == 25833   # Dresden: ETRS89 / UTM zone 33N
    worst = check(nodes, site, plan, table, feats, doors)
    n_site = sum(1 for b in site.buildings for d in b.doors if d.source_id in nodes)
    print(f"\nAPB: {worst['doors']} doors; worst: " + ", ".join(
        f"{k} {v * 100:.3f} cm" for k, v in worst.items() if k != "doors"))
    assert worst["doors"] == n_site >= 12
    assert max(v for k, v in worst.items() if k != "doors") < TOLERANCE_M


def _opening_centres(folder) -> dict[str, tuple[float, float]]:
    doc = json.loads((folder / "opening.geojson").read_text(encoding="utf-8"))
    out = {}
    for f in doc["features"]:
        g = f.get("geometry")
        if not g or not f.get("id"):
            continue
        coords = np.array(g["coordinates"] if g["type"] == "LineString"
                          else [g["coordinates"]], dtype=float)
        lon0, lat0 = coords[0]
        aeqd = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} "
                                    "+ellps=WGS84", always_xy=True)
        x, y = aeqd.transform(coords[:, 0], coords[:, 1])
        line = shapely.LineString(np.column_stack([x, y])) if len(x) > 1 else None
        mid = line.interpolate(0.5, normalized=True) if line is not None else shapely.Point(
            x[0], y[0])
        lon, lat = aeqd.transform(mid.x, mid.y, direction="INVERSE")
        out[str(f["id"])] = (float(lat), float(lon))
    return out


def test_spbpu_imdf_every_door_within_a_centimetre(tmp_path):
    folder = need("imdf/spbstu")
    centres = _opening_centres(folder)
    site, plan, table, feats, doors, ctx = exported("imdf/spbstu", tmp_path)
    assert ctx.epsg == 32636 or ctx.epsg == 25836   # St Petersburg, 30.3° E: UTM zone 36N
    worst = check(centres, site, plan, table, feats, doors)
    n_site = sum(1 for b in site.buildings for d in b.doors if d.source_id in centres)
    print(f"\nSPbPU: {worst['doors']} doors; worst: " + ", ".join(
        f"{k} {v * 100:.3f} cm" for k, v in worst.items() if k != "doors"))
    assert worst["doors"] == n_site >= 100
    assert worst["register.gpkg"] < TOLERANCE_M
