"""NG9-1-1 layers (NENA-STA-006.3-2026): ``ng911.gpkg`` with ``SiteStructureAddressPoint`` and
``SiteStructureAddressPolygon``, field for field as NENA's GeoPackage template
(:mod:`._ng911_template`: the same names, types, widths, FID ``OBJECTID`` and geometry column
``Shape``, Point Z and MultiPolygon in WGS84, EPSG:4326).

What goes in:

* one ``SiteStructureAddressPoint`` per **exterior door**, ``Placement`` = ``ExteriorAccess``,
  at the door, its number in ``LocMarker`` (``Door 3``), ``Structure`` the building's name,
  ``Floor``/``FloorIndex`` its storey (the main entrance's storey is FloorIndex 0), ``Room``
  the room it opens into, ``Addtl_Loc`` what the door is and its fire-service side;
* one ``SiteStructureAddressPoint`` per **building**, ``Placement`` = ``Structure``, at a point
  inside its footprint;
* one ``SiteStructureAddressPolygon`` per building (``Structure``) and per coded room
  (``Interior``, with ``Room``, ``Floor`` and the room's name in ``Addtl_Loc``).

Every record carries the site's name in ``Site``, the civic address parsed from
``site.address`` (:func:`.address.parse_address`), the plan date as ``DateUpdate``, and an
``NGUID`` ``urn:emergency:uid:gis:<layer indicator>:<uuid>:<agency>`` whose uuid is derived
from the site's name and the element's id, so it stays the same from render to render. The
agency (``DiscrpAgID``) is ``site.dispatch.agency_id``; without it the field is empty and the
NGUID ends in ``unassigned.invalid`` (:func:`ng911_gaps` says so). ``Wing`` is left empty: the
model has no wings. Heights are unknown: Z is 0 and ``Elevation``/``Altitude``/``Height`` are
empty.
"""

from __future__ import annotations

import uuid
from typing import Any

from shapely.geometry import MultiPolygon, Point

from .. import words
from ..plan import Marking, Plan
from ._ng911_template import FIELDS, GEOMETRY, LAYER_INDICATOR
from .address import parse_address
from .context import ExportContext
from .layers import DOOR_KINDS, register_tables, table
from .tables import Column, Table

POINT, POLYGON = "SiteStructureAddressPoint", "SiteStructureAddressPolygon"
#: The agency of an NGUID when ``site.dispatch.agency_id`` is not set (RFC 2606: never real).
NO_AGENCY = "unassigned.invalid"
#: Room uses with a PlaceType of their own (IANA location-type registry).
PLACE_TYPES = {"classroom": "classroom", "library": "library", "office": "office",
               "hall": "theater"}
_TYPES = {"TEXT": "text", "INTEGER": "int", "REAL": "real", "DATETIME": "datetime"}


def template_columns(layer: str) -> tuple[Column, ...]:
    """The columns of a NENA layer, as the template has them."""
    return tuple(Column(name, _TYPES[typ], width) for name, typ, width in FIELDS[layer])


def nguid(layer: str, site_name: str, key: str, agency: str | None) -> str:
    """A NENA Globally Unique ID that stays the same from render to render.

    >>> nguid(POINT, "Oak Street Elementary School", "main/d-main", "psap.example.tx.us")[:27]
    'urn:emergency:uid:gis:SSAP:'
    """
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"orientation:{site_name}:{layer}:{key}")
    return f"urn:emergency:uid:gis:{LAYER_INDICATOR[layer]}:{uid}:{agency or NO_AGENCY}"


def ng911_gaps(plan: Plan, context: ExportContext) -> list[str]:
    """What the NG911 layers could not fill (catalogue keys ``gis.ng911-no-…``)."""
    gaps = []
    if not context.dispatch.agency_id:
        gaps.append("gis.ng911-no-agency")
    if not parse_address(plan.site_address).get("A1"):
        gaps.append("gis.ng911-no-state")
    return gaps


class _Rows:
    def __init__(self, layer: str, common: dict[str, Any]):
        self.layer = layer
        self.columns = template_columns(layer)
        self.names = {c.name for c in self.columns}
        self.common = common
        self.rows: list[tuple[Any, tuple[Any, ...]]] = []

    def add(self, geometry: Any, key: str, **values: Any) -> None:
        rec = self.common | {"NGUID": nguid(self.layer, self.common["Site"], key,
                                            self.common["DiscrpAgID"] or None)} | values
        rec = {k: v for k, v in rec.items() if k in self.names}
        self.rows.append((geometry, tuple(rec.get(c.name) for c in self.columns)))

    def table(self) -> Table:
        geom, column, fid, epsg = GEOMETRY[self.layer]
        return Table(self.layer, geom, self.columns, tuple(self.rows), self.layer, fid=fid,
                     geometry_column=column, epsg=epsg)


def _z(at: tuple[float, float]) -> Point:
    return Point(at[0], at[1], 0.0)


def _fit(text: str | None, width: int) -> str | None:
    return None if text is None else text[:width]


def ng911_tables(plan: Plan, context: ExportContext,
                 register: list[Table] | None = None) -> list[Table]:
    """``SiteStructureAddressPoint`` and ``SiteStructureAddressPolygon`` (see the module
    docstring); needs ``context.georef`` for Longitude/Latitude and a plan date.
    ``register``: the plan's :func:`~.layers.register_tables`, when already made."""
    georef = context.georef
    if georef is None:
        raise ValueError("NG911 layers need a georeferenced site")
    agency = context.dispatch.agency_id or ""
    civic = parse_address(plan.site_address)
    common: dict[str, Any] = {"DiscrpAgID": agency, "DateUpdate": f"{plan.date}T00:00:00",
                              "Country": civic.get("Country", ""), "A1": civic.get("A1", ""),
                              "Site": _fit(plan.site_name, 254)} | civic
    if plan.profile == "us-k12":
        common["Place_Type"] = "school"
    points, polygons = _Rows(POINT, common), _Rows(POLYGON, common)
    reg = register if register is not None else register_tables(plan, context)
    storeys = {b.id: dict(zip(b.levels, b.level_names)) for b in plan.buildings}
    names = {b.id: b.name for b in plan.buildings}
    main = next((m for m in plan.markings if m.main and m.kind in DOOR_KINDS), None)
    ground = main.level if main is not None and main.level is not None else 0
    rooms = {(r["building"], r["element"]): r for r in table(reg, "rooms").records()}
    room_shapes = [(g, r) for g, r in zip((g for g, _ in table(reg, "rooms").rows),
                                          table(reg, "rooms").records())]

    def floor(building: str, level: int | None) -> dict[str, Any]:
        if level is None:
            return {}
        return {"Floor": _fit(storeys.get(building, {}).get(level), 75),
                "FloorIndex": int(level) - int(ground)}

    def lonlat(at: tuple[float, float]) -> dict[str, Any]:
        lat, lon = georef.to_wgs84(at)
        return {"Longitude": round(float(lon), 7) + 0.0, "Latitude": round(float(lat), 7) + 0.0}

    for g, rec in zip((g for g, _ in table(reg, "buildings").rows),
                      table(reg, "buildings").records()):
        b = rec["building"]
        inside = g.representative_point()
        structure = {"Structure": _fit(names.get(b) or b, 75)}
        points.add(_z((inside.x, inside.y)), f"{b}/structure", Placement="Structure",
                   **structure, **lonlat((inside.x, inside.y)))
        polygons.add(MultiPolygon([g]), f"{b}/structure", Placement="Structure", **structure)
    for m in plan.markings:
        if m.kind not in DOOR_KINDS:
            continue
        room = _room_of(m, context, rooms, room_shapes)
        points.add(_z(m.at), m.id, Placement="ExteriorAccess",
                   Structure=_fit(names.get(m.building) or m.building, 75),
                   LocMarker=f"Door {m.code}", Room=room,
                   Addtl_Loc=_fit(_door_text(m), 225), **floor(m.building, m.level),
                   **lonlat(m.at))
    for g, rec in room_shapes:
        if not rec["code"]:
            continue  # shafts: no room number
        polygons.add(MultiPolygon([g]), f"{rec['building']}/{rec['element']}",
                     Placement="Interior", Structure=_fit(names.get(rec["building"]), 75),
                     Room=f"Room {rec['code']}", Addtl_Loc=_fit(rec["name"], 225),
                     Place_Type=PLACE_TYPES.get(rec["use"] or "", common.get("Place_Type")),
                     **floor(rec["building"], rec["level"]))
    return [points.table(), polygons.table()]


def _door_text(m: Marking) -> str:
    what = words.word("en", m.kind)
    if m.main:
        what = "Main entrance"
    return f"{what}, side {m.side}" if m.side else what


def _room_of(m: Marking, context: ExportContext, rooms: dict, shapes: list) -> str | None:
    """The room an exterior door opens into: the site file's ``between``, else the room
    whose outline is nearest the door on its storey (within 1 m)."""
    between = context.door_rooms.get(m.id) or ()
    rec = next((rooms[(m.building, r)] for r in between if (m.building, r) in rooms), None)
    if rec is None:
        p = Point(m.at)
        near = [(g.distance(p), r) for g, r in shapes
                if r["building"] == m.building and r["level"] == m.level and r["code"]]
        near = [x for x in near if x[0] <= 1.0]
        rec = min(near, key=lambda x: (x[0], x[1]["element"]))[1] if near else None
    if rec is None or not rec["code"]:
        return None
    return _fit(f"Room {rec['code']}", 75)


__all__ = ["NO_AGENCY", "PLACE_TYPES", "POINT", "POLYGON", "nguid", "ng911_gaps", "ng911_tables",
           "template_columns"]
