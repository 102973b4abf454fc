"""The site model: format ``orientation/site@1`` (see ``spec/site-format.md``).

Pydantic v2 models, frozen and strict about unknown keys, so a typo never passes silently.
Plan coordinates are metres (``x`` east, ``y`` north of the plan); ``level`` is an integer
storey (0 ground, -1 basement, 1, 2 … upper). No IO and no geometry library here: reading files
lives in :mod:`orientation.io`, geometric checks in :mod:`orientation.layout.geometry`.

:func:`semantic_problems` adds the cross-element checks that a schema cannot express (unique ids,
levels that exist, one main entrance, limits); it returns every problem, not the first.
"""

from __future__ import annotations

import math
import unicodedata
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from .errors import Problem

FORMAT = "orientation/site@1"

#: Safe as a file name and as an XML id: lower-case letters, digits, ``-`` and ``_``.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
#: A pinned code (door/stair label, room number): letters, digits, ``.``, ``-``; no spaces.
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9.\-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN, max_length=16)]
def _printable(value: str) -> str:
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in value):
        raise ValueError("contains control characters; use plain text")
    return value


Text = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True),
                 AfterValidator(_printable)]
Coord = Annotated[float, Field(allow_inf_nan=False)]
Point = tuple[Coord, Coord]
Ring = Annotated[list[Point], Field(min_length=3)]
Line = Annotated[list[Point], Field(min_length=2)]


class DoorKind(StrEnum):
    """What a door is for. Only the four exterior kinds get responder codes."""

    entrance = "entrance"
    emergency_exit = "emergency_exit"
    fire_brigade = "fire_brigade"
    service = "service"
    inner = "inner"


EXTERIOR_DOOR_KINDS = (
    DoorKind.entrance,
    DoorKind.emergency_exit,
    DoorKind.fire_brigade,
    DoorKind.service,
)


class FeatureKind(StrEnum):
    """Points in a building that responders look for."""

    key_box = "key_box"
    fire_alarm_panel = "fire_alarm_panel"
    first_info_point = "first_info_point"
    sprinkler_valve = "sprinkler_valve"
    riser = "riser"
    gas_shutoff = "gas_shutoff"
    power_shutoff = "power_shutoff"
    water_shutoff = "water_shutoff"
    aed = "aed"
    first_aid = "first_aid"
    elevator = "elevator"
    hazard = "hazard"


class SiteFeatureKind(StrEnum):
    """Things around the buildings. Lines: road, fire_lane, footway; points: hydrant,
    assembly_point, gate; areas: parking, drivable_area (private, drivable for fire engines),
    not_drivable (not drivable for fire engines)."""

    road = "road"
    fire_lane = "fire_lane"
    footway = "footway"
    hydrant = "hydrant"
    assembly_point = "assembly_point"
    gate = "gate"
    parking = "parking"
    drivable_area = "drivable_area"
    not_drivable = "not_drivable"


LINE_KINDS = {SiteFeatureKind.road, SiteFeatureKind.fire_lane, SiteFeatureKind.footway}
POINT_KINDS = {SiteFeatureKind.hydrant, SiteFeatureKind.assembly_point, SiteFeatureKind.gate}
AREA_KINDS = {SiteFeatureKind.parking, SiteFeatureKind.drivable_area, SiteFeatureKind.not_drivable}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Origin(_Model):
    """WGS84 position of plan point (0, 0)."""

    lat: Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
    lon: Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]


class SiteInfo(_Model):
    name: Text
    address: Text | None = None
    north_deg: Annotated[float, Field(ge=-360, le=360, allow_inf_nan=False)] = 0.0
    origin: Origin | None = None
    #: The plan date printed on maps and recorded in plan.json (ISO ``YYYY-MM-DD``); never the clock.
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None


class Storey(_Model):
    level: Annotated[int, Field(ge=-9, le=199)]
    name: Text


class Door(_Model):
    id: Id
    at: Point
    level: int = 0
    kind: DoorKind
    main: bool = False
    width: Annotated[float, Field(gt=0, le=50, allow_inf_nan=False)] | None = None
    label: Code | None = None
    source_id: str | None = None


class Stair(_Model):
    id: Id
    at: Point
    levels: Annotated[list[int], Field(min_length=1)]
    name: Text | None = None
    label: Code | None = None
    source_id: str | None = None


class Room(_Model):
    id: Id
    level: int
    name: Text | None = None
    polygon: Ring | None = None
    number: Code | None = None
    landmark: bool = False
    source_id: str | None = None


class Window(_Model):
    id: Id
    at: Point
    level: int
    width: Annotated[float, Field(gt=0, le=50, allow_inf_nan=False)] | None = None
    source_id: str | None = None


class Feature(_Model):
    kind: FeatureKind
    at: Point
    level: int = 0
    name: Text | None = None
    id: Id | None = None
    source_id: str | None = None


class Building(_Model):
    id: Id
    name: Text
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}[0-9]?$")] | None = None
    footprint: Ring
    courtyards: list[Ring] = []
    storeys: Annotated[list[Storey], Field(min_length=1)]
    doors: list[Door] = []
    stairs: list[Stair] = []
    rooms: list[Room] = []
    windows: list[Window] = []
    features: list[Feature] = []
    source_id: str | None = None

    def storey(self, level: int) -> Storey | None:
        """The storey at ``level``, or None."""
        return next((s for s in self.storeys if s.level == level), None)


class SiteFeature(_Model):
    kind: SiteFeatureKind
    name: Text | None = None
    at: Point | None = None
    line: Line | None = None
    polygon: Ring | None = None
    source_id: str | None = None


class Site(_Model):
    """A whole site file."""

    format: Literal["orientation/site@1"]
    site: SiteInfo
    profile: Annotated[str, StringConstraints(pattern=ID_PATTERN)] | None = None
    buildings: Annotated[list[Building], Field(min_length=1)]
    site_features: list[SiteFeature] = []

    def building(self, building_id: str) -> Building | None:
        return next((b for b in self.buildings if b.id == building_id), None)


def semantic_problems(site: Site, *, max_coordinate_m: float = 100_000.0) -> list[Problem]:
    """Cross-element checks that the schema cannot express; every problem, in file order.

    Checks unique ids, levels that exist, at most one main entrance (which must be an exterior
    door), the right geometry for each site feature kind, and coordinates within
    ``±max_coordinate_m`` of the plan origin.
    """
    out: list[Problem] = []

    def coord_ok(path: str, pts) -> None:
        for x, y in pts:
            if abs(x) > max_coordinate_m or abs(y) > max_coordinate_m:
                out.append(Problem(path, f"coordinate ({x:g}, {y:g}) is more than "
                                   f"{max_coordinate_m:g} m from the plan origin; plan "
                                   "coordinates are metres near (0, 0) (raise the limit with "
                                   "--max-coordinate if the site really is that large)"))
                return

    seen_buildings: dict[str, int] = {}
    mains: list[str] = []
    for bi, b in enumerate(site.buildings):
        bp = f"buildings[{bi}]"
        if b.id in seen_buildings:
            out.append(Problem(f"{bp}.id", f"building id '{b.id}' is already used by "
                               f"buildings[{seen_buildings[b.id]}]; give each building its own id"))
        seen_buildings.setdefault(b.id, bi)
        coord_ok(f"{bp}.footprint", b.footprint)
        for ci, c in enumerate(b.courtyards):
            coord_ok(f"{bp}.courtyards[{ci}]", c)
        levels = {s.level for s in b.storeys}
        level_names = ", ".join(str(s.level) for s in b.storeys)
        seen_levels: set[int] = set()
        for si, s in enumerate(b.storeys):
            if s.level in seen_levels:
                out.append(Problem(f"{bp}.storeys[{si}].level",
                                   f"level {s.level} is listed twice; list each storey once"))
            seen_levels.add(s.level)

        def level_ok(path: str, level: int, _levels=levels, _names=level_names, _bid=b.id) -> None:
            if level not in _levels:
                out.append(Problem(path, f"level {level} is not a storey of building '{_bid}' "
                                   f"(storeys: {_names}); add the storey or fix the level"))

        ids: dict[str, str] = {}

        def id_ok(path: str, element_id: str | None, _ids=ids, _bid=b.id) -> None:
            if element_id is None:
                return
            if element_id in _ids:
                out.append(Problem(path, f"id '{element_id}' is already used by {_ids[element_id]} "
                                   f"in building '{_bid}'; ids must be unique within a building"))
            else:
                _ids[element_id] = path.rsplit(".", 1)[0]

        for di, d in enumerate(b.doors):
            p = f"{bp}.doors[{di}]"
            id_ok(f"{p}.id", d.id)
            level_ok(f"{p}.level", d.level)
            coord_ok(f"{p}.at", [d.at])
            if d.main:
                mains.append(p)
                if d.kind not in EXTERIOR_DOOR_KINDS:
                    out.append(Problem(f"{p}.main", "an inner door cannot be the main entrance; "
                                       "mark an exterior entrance as main"))
        for si, s in enumerate(b.stairs):
            p = f"{bp}.stairs[{si}]"
            id_ok(f"{p}.id", s.id)
            coord_ok(f"{p}.at", [s.at])
            for li, lv in enumerate(s.levels):
                level_ok(f"{p}.levels[{li}]", lv)
            if len(set(s.levels)) != len(s.levels):
                out.append(Problem(f"{p}.levels", "a level is listed twice; list each once"))
        for ri, r in enumerate(b.rooms):
            p = f"{bp}.rooms[{ri}]"
            id_ok(f"{p}.id", r.id)
            level_ok(f"{p}.level", r.level)
            if r.polygon:
                coord_ok(f"{p}.polygon", r.polygon)
        for wi, w in enumerate(b.windows):
            p = f"{bp}.windows[{wi}]"
            id_ok(f"{p}.id", w.id)
            level_ok(f"{p}.level", w.level)
            coord_ok(f"{p}.at", [w.at])
        for fi, f in enumerate(b.features):
            p = f"{bp}.features[{fi}]"
            id_ok(f"{p}.id", f.id)
            level_ok(f"{p}.level", f.level)
            coord_ok(f"{p}.at", [f.at])
    if len(mains) > 1:
        for p in mains[1:]:
            out.append(Problem(f"{p}.main", f"a second main entrance (the first is {mains[0]}); "
                               "a site has at most one main entrance: remove 'main: true' here"))
    for fi, f in enumerate(site.site_features):
        p = f"site_features[{fi}]"
        if f.kind in LINE_KINDS:
            need = "line"
        elif f.kind in POINT_KINDS:
            need = "at"
        else:
            need = "polygon"
        given = [k for k in ("at", "line", "polygon") if getattr(f, k) is not None]
        if given != [need]:
            out.append(Problem(p, f"a {f.kind.value} needs '{need}' "
                               f"({'a list of [x, y] points' if need != 'at' else 'one [x, y] point'})"
                               + (f" and nothing else (found: {', '.join(given)})" if given else "")))
        for k in ("line", "polygon"):
            v = getattr(f, k)
            if v:
                coord_ok(f"{p}.{k}", v)
        if f.at:
            coord_ok(f"{p}.at", [f.at])
    return out


def is_finite_point(p: tuple[float, float]) -> bool:
    """True for a point with two finite coordinates.

    >>> is_finite_point((1.0, float('nan')))
    False
    """
    return math.isfinite(p[0]) and math.isfinite(p[1])


__all__ = [
    "AREA_KINDS",
    "Building",
    "Door",
    "DoorKind",
    "EXTERIOR_DOOR_KINDS",
    "FORMAT",
    "Feature",
    "FeatureKind",
    "LINE_KINDS",
    "Origin",
    "POINT_KINDS",
    "Room",
    "Site",
    "SiteFeature",
    "SiteFeatureKind",
    "SiteInfo",
    "Stair",
    "Storey",
    "Window",
    "semantic_problems",
]
