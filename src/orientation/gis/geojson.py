"""RFC 7946 GeoJSON: ``markings.geojson`` (every marking as a point) and ``outlines.geojson``
(building footprints and rooms as polygons), in WGS84 longitude/latitude to 7 decimals (1 cm),
outer rings counter-clockwise and holes clockwise (the right-hand rule), no ``crs`` member.
Written only for a georeferenced site: coordinates in plan metres would be read as degrees
(the school in the Gulf of Guinea), so without a reference there is no GeoJSON at all.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import mapping
from shapely.geometry.polygon import orient

from ..geo import WGS84_EPSG, Georef
from ..plan import Plan, dumps_records
from .context import projected
from .tables import Table

#: Decimal degrees: 7 decimals are 1.1 cm.
DIGITS = 7


def _round(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), DIGITS) + 0.0 for c in coords[:2]]
    return [_round(c) for c in coords]


def _oriented(geom: Any) -> Any:
    if geom.geom_type == "Polygon":
        return orient(geom, 1.0)
    if geom.geom_type == "MultiPolygon":
        return type(geom)([orient(p, 1.0) for p in geom.geoms])
    return geom


def geometry(geom: Any, georef: Georef) -> dict[str, Any]:
    """A shapely geometry in plan metres as a GeoJSON geometry in WGS84 (RFC 7946)."""
    g = _oriented(projected(geom, georef, WGS84_EPSG))
    out = mapping(g)
    return {"type": out["type"], "coordinates": _round(out["coordinates"])}


def collection(name: str, features: list[dict[str, Any]]) -> str:
    """A FeatureCollection, one feature per line (see :func:`orientation.plan.dumps_records`)."""
    return dumps_records({"type": "FeatureCollection", "name": name, "features": features}) + "\n"


def markings_geojson(plan: Plan, georef: Georef) -> str:
    """Every marking as a point feature; ``id`` is the marking id."""
    feats = []
    for m in plan.markings:
        props: dict[str, Any] = {"id": m.id, "code": m.code, "kind": m.kind,
                                 "building": m.building, "level": m.level, "side": m.side,
                                 "grid": m.grid, "name": m.name, "element": m.element,
                                 "pinned": m.pinned}
        if m.levels:
            props["levels"] = list(m.levels)
        feats.append({"type": "Feature", "id": m.id, "geometry": None, "properties": props})
    if feats:
        import numpy as np

        lat, lon = georef.to_wgs84(np.array([m.at for m in plan.markings], dtype=float))
        for f, a, b in zip(feats, np.atleast_1d(lat), np.atleast_1d(lon)):
            f["geometry"] = {"type": "Point", "coordinates": [round(float(b), DIGITS) + 0.0,
                                                               round(float(a), DIGITS) + 0.0]}
    return collection(plan.site_name, feats)


def outlines_geojson(plan: Plan, georef: Georef, tables: list[Table]) -> str:
    """Building footprints and room outlines as polygon features (``layer``: ``building`` or
    ``room``) with the fields of the register's ``buildings`` and ``rooms`` layers."""
    feats = []
    for t, layer in ((t, t.name[:-1]) for t in tables if t.name in ("buildings", "rooms")):
        for geom, values in t.rows:
            props = {"layer": layer} | {k: v for k, v in zip(t.names, values) if v is not None}
            fid = f"{props.get('building')}/{props.get('element', props.get('building'))}"
            feats.append({"type": "Feature", "id": fid if layer == "room" else props["building"],
                          "geometry": geometry(geom, georef), "properties": props})
    return collection(plan.site_name, feats)


__all__ = ["DIGITS", "collection", "geometry", "markings_geojson", "outlines_geojson"]
