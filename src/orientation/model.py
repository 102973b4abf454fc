"""The site model: format ``orientation/site@1`` (see ``spec/site-format.md``).

Pydantic v2 models, frozen and strict about unknown keys, so a typo never passes silently.
Frozen all the way down: every list of the file is held as a tuple (lists given to a model
are converted), so ``site.buildings[0].doors.append(...)`` raises like any other change.
Plan coordinates are metres (``x`` east, ``y`` north of the plan); ``level`` is an integer
storey (0 ground, -1 basement, 1, 2 … upper). No IO and no geometry library here: reading files
lives in :mod:`orientation.io`, geometric checks in :mod:`orientation.layout.geometry`.

:func:`semantic_problems` adds the cross-element checks that a schema cannot express (unique ids,
levels that exist, one main entrance, limits); it returns every problem, not the first.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import model_din as _din  # the DIN 14095 / 14675 keys
from .errors import Problem
from .kinds import (  # re-exported: the model's kinds
    AREA_KINDS,
    EXTERIOR_DOOR_KINDS,
    HAZARD_USES,
    LINE_KINDS,
    POINT_KINDS,
    SHAFT_USES,
    VERTICAL_FEATURE_KINDS,
    DoorKind,
    FeatureKind,
    RoomUse,
    SiteFeatureKind,
)
from .model_dispatch import Dispatch, SiteCrs, _a_list, _printable

FORMAT = "orientation/site@1"

#: Safe as a file name and as an XML id: lower-case letters, digits, ``-`` and ``_``.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
#: A pinned code (door/stair label, room number): letters, digits, ``.``, ``-``; no spaces.
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9.\-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN, max_length=16)]

# -- budgets: input sizes whose cost multiplies downstream (see SECURITY.md, "Limits") --------

#: Storey levels: -9 (ninth basement) … 199. Every level of an element must be a storey's.
MIN_LEVEL, MAX_LEVEL = -9, 199
#: Points of one ring (footprint, courtyard, room outline, site area); outline checks and
#: numbering cost grow faster than the vertex count (20,000 vertices: 6 s). The default of
#: ``Limits.max_ring_vertices``.
MAX_RING_VERTICES = 5_000
#: Points of one road, fire lane or footway (buffers and label placement along a zig-zag line
#: grow faster than its points). The default of ``Limits.max_line_points``.
MAX_LINE_POINTS = 1_000
#: Two exterior doors of one building on the same level closer than this (metres) are one door
#: entered twice: a door is wider than that (and labels of doors so close blow up placement).
MIN_DOOR_SPACING_M = 0.5
#: Closer than this (metres), two doors (or two windows) on one level are at the same point.
SAME_POINT_M = 0.005
#: Doors of one building at one point over all its levels (a door above a door on each storey,
#: as at an outside escape stair); label placement of a stack grows with its square.
MAX_DOORS_AT_ONE_POINT = 20
#: Exterior doors of one building: the default of ``Limits.max_exterior_doors`` (label
#: placement of doors close together grows with their square: 400 on one wall, 6 s).
MAX_EXTERIOR_DOORS = 500


_T = TypeVar("_T")


#: A list of the file, held as a tuple (immutable); anything but a list is a ``list_type`` error.
Items = Annotated[tuple[_T, ...], BeforeValidator(_a_list)]


def _length(lo: int, hi: int | None = None) -> Any:
    """A list's length bounds, checked once its items are valid (pydantic's own tuple bound
    would add a "too short" problem for every invalid item), and written to the JSON Schema as
    ``minItems``/``maxItems``."""

    def check(value: tuple[Any, ...]) -> tuple[Any, ...]:
        n = len(value)
        if n < lo:
            raise PydanticCustomError(
                "too_short", "List should have at least {min_length} item(s), not {actual_length}",
                {"field_type": "List", "min_length": lo, "actual_length": n})
        if hi is not None and n > hi:
            raise PydanticCustomError(
                "too_long", "List should have at most {max_length} item(s), not {actual_length}",
                {"field_type": "List", "max_length": hi, "actual_length": n})
        return value

    bounds: dict[str, Any] = {"minItems": lo} | ({"maxItems": hi} if hi is not None else {})
    return (AfterValidator(check), Field(json_schema_extra=bounds))

Text = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True),
                 AfterValidator(_printable)]
Coord = Annotated[float, Field(allow_inf_nan=False)]
Point = tuple[Coord, Coord]
Ring = Annotated[Items[Point], *_length(3)]
Line = Annotated[Items[Point], *_length(2)]


def iso_date(value: str) -> str | None:
    """Why ``value`` is no real ISO date, or None when it is one (also for ``render --date``)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{value!r} is not an ISO date; use YYYY-MM-DD, e.g. 2026-11-21"
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return f"{value} is no date of the calendar; use a real ISO date, e.g. 2026-11-21"
    return None


def _date_text(value: Any) -> Any:
    """A YAML date (unquoted ``2026-11-21``) as its ISO text; else ISO text of a real day."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    why = iso_date(value) if isinstance(value, str) else "must be a date, e.g. 2026-11-21"
    if value is not None and why:
        raise PydanticCustomError("date_value", why)
    return value


PlanDate = Annotated[str, BeforeValidator(_date_text), Field(json_schema_extra={
    "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]


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
    #: The plan date (a real day: ISO text or a YAML date, held as ISO text); never the clock.
    #: Without it every output is a draft.
    date: PlanDate | None = None
    #: A projected CRS with the plan's placement (exports use it before ``origin``)
    crs: SiteCrs | None = None
    #: what the dispatch centre keys the object by (the object sheet, NG9-1-1)
    dispatch: Dispatch | None = None
    object: _din.ObjectInfo | None = None  # DIN 14095 general object information


Level = Annotated[int, Field(ge=MIN_LEVEL, le=MAX_LEVEL)]


class Storey(_Model):
    level: Level
    name: Text
    #: the storey's own outline where it differs from the building's footprint (an upper
    #: storey over one wing, a gallery); absent: the footprint
    outline: Ring | None = None
    #: holes of the storey's outline (an atrium open over several storeys)
    courtyards: Items[Ring] = ()


class Door(_Model):
    id: Id
    at: Point
    level: Level = 0
    kind: DoorKind
    main: bool = False
    width: Annotated[float, Field(gt=0, le=50, allow_inf_nan=False)] | None = None
    label: Code | None = None
    #: the rooms the door opens into (ids of this building's rooms): two for an inner door
    #: between two rooms, one for an inner door into the corridor or an exterior door's room
    #: behind it; absent: found from the rooms' outlines around the door
    between: Annotated[Items[Id], *_length(1, 2)] | None = None
    #: an open passage without a door leaf (an archway, an open-plan kitchen, an IFC virtual
    #: boundary): the walking graph goes through it, the plans draw no door there
    opening: bool = False
    source_id: str | None = None


class Stair(_Model):
    id: Id
    at: Point
    levels: Annotated[Items[Level], *_length(1, MAX_LEVEL - MIN_LEVEL + 1)]
    name: Text | None = None
    label: Code | None = None
    source_id: str | None = None


class Room(_Model):
    id: Id
    level: Level
    name: Text | None = None
    polygon: Ring | None = None
    number: Code | None = None
    landmark: bool = False
    use: RoomUse | None = None
    source_id: str | None = None

    @property
    def is_shaft(self) -> bool:
        """A stairwell or lift shaft: it gets no room number and no room sign."""
        return self.use in SHAFT_USES


class Window(_Model):
    id: Id
    at: Point
    level: Level
    width: Annotated[float, Field(gt=0, le=50, allow_inf_nan=False)] | None = None
    source_id: str | None = None


class Feature(_Model):
    kind: FeatureKind
    at: Point
    level: Level = 0
    #: every storey the feature is on (a lift, a riser, a shut-off on each floor); absent:
    #: ``level`` alone. When given, ``level`` must be one of them (it defaults to the lowest).
    levels: Annotated[Items[Level], *_length(1, MAX_LEVEL - MIN_LEVEL + 1)] | None = None
    name: Text | None = None
    id: Id | None = None
    source_id: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _level_from_levels(cls, data: Any) -> Any:
        """Without ``level``, a feature with ``levels`` stands on the lowest of them."""
        if isinstance(data, dict) and "level" not in data and isinstance(data.get("levels"), list):
            ints = [v for v in data["levels"] if isinstance(v, int) and not isinstance(v, bool)]
            if ints:
                return {**data, "level": min(ints)}
        return data

    @property
    def served_levels(self) -> tuple[int, ...]:
        """The storeys the feature is drawn on, lowest first."""
        return tuple(sorted(set(self.levels))) if self.levels else (self.level,)


class GuidancePin(_Model):
    """A guidance sign whose text is pinned (``orientation pin`` writes them): the id the
    layout gives the sign (``g-`` and a short hash of its storey, point, approach and
    destination), its storey and the text it was printed with. The layout keeps the text
    (edit it here to word a sign your way); a pin whose sign the building no longer has is
    reported, so that the printed sign is taken down."""

    id: Id
    level: Level
    text: Text


class Building(_Model):
    id: Id
    name: Text
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,2}[0-9]?$")] | None = None
    footprint: Ring
    courtyards: Items[Ring] = ()
    storeys: Annotated[Items[Storey], *_length(1, MAX_LEVEL - MIN_LEVEL + 1)]
    doors: Items[Door] = ()
    stairs: Items[Stair] = ()
    rooms: Items[Room] = ()
    windows: Items[Window] = ()
    features: Items[Feature] = ()
    #: guidance signs with a pinned text (see :class:`GuidancePin`)
    guidance: Items[GuidancePin] = ()
    fire_lines: _din.FireLines = ()  # DIN 14095: fire walls, compartment boundaries
    detector_groups: _din.DetectorGroups = ()  # DIN 14675: one route card each
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
    use: _din.NeighbourUse = None  # kind neighbour: its use and storeys (DIN 14095)
    storeys: _din.NeighbourStoreys = None
    source_id: str | None = None


class Site(_Model):
    """A whole site file."""

    format: Literal["orientation/site@1"]
    site: SiteInfo
    profile: Annotated[str, StringConstraints(pattern=ID_PATTERN)] | None = None
    buildings: Annotated[Items[Building], *_length(1)]
    site_features: Items[SiteFeature] = ()

    def building(self, building_id: str) -> Building | None:
        return next((b for b in self.buildings if b.id == building_id), None)


def semantic_problems(site: Site, *, max_coordinate_m: float = 100_000.0,
                      max_ring_vertices: int = MAX_RING_VERTICES,
                      max_line_points: int = MAX_LINE_POINTS,
                      max_exterior_doors: int = MAX_EXTERIOR_DOORS) -> list[Problem]:
    """Cross-element checks that the schema cannot express; every problem, in file order.

    Checks unique ids, levels that exist, at most one main entrance (which must be an exterior
    door), the right geometry for each site feature kind, coordinates within
    ``±max_coordinate_m`` of the plan origin, the budgets (points per ring and per line,
    exterior doors per building), doors and windows entered twice (see :func:`_spacing`) and
    pinned codes that differ only in upper/lower case.
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

    def ring_ok(path: str, pts, what: str) -> bool:
        if len(pts) > max_ring_vertices:
            out.append(Problem(path, f"{what} has {len(pts):,} points, more than the limit of "
                               f"{max_ring_vertices:,} (max_ring_vertices); simplify the outline "
                               "(a building outline needs tens of points, not thousands)"))
            return False
        return True

    pins: dict[str, list[tuple[str, str]]] = {}  # casefolded code -> [(code, key path)]

    def pin(path: str, code: str | None) -> None:
        if code is not None:
            pins.setdefault(code.casefold(), []).append((code, path))

    seen_buildings: dict[str, int] = {}
    mains: list[str] = []
    for bi, b in enumerate(site.buildings):
        bp = f"buildings[{bi}]"
        if b.id in seen_buildings:
            out.append(Problem(f"{bp}.id", f"building id '{b.id}' is already used by "
                               f"buildings[{seen_buildings[b.id]}]; give each building its own id"))
        seen_buildings.setdefault(b.id, bi)
        if ring_ok(f"{bp}.footprint", b.footprint, "the footprint"):
            coord_ok(f"{bp}.footprint", b.footprint)
        for ci, c in enumerate(b.courtyards):
            if ring_ok(f"{bp}.courtyards[{ci}]", c, "the courtyard"):
                coord_ok(f"{bp}.courtyards[{ci}]", c)
        levels = {s.level for s in b.storeys}
        level_names = ", ".join(str(s.level) for s in b.storeys)
        seen_levels: set[int] = set()
        for si, s in enumerate(b.storeys):
            if s.level in seen_levels:
                out.append(Problem(f"{bp}.storeys[{si}].level",
                                   f"level {s.level} is listed twice; list each storey once"))
            seen_levels.add(s.level)
            if s.outline and ring_ok(f"{bp}.storeys[{si}].outline", s.outline,
                                     "the storey outline"):
                coord_ok(f"{bp}.storeys[{si}].outline", s.outline)
            for ci, c in enumerate(s.courtyards):
                if ring_ok(f"{bp}.storeys[{si}].courtyards[{ci}]", c, "the courtyard"):
                    coord_ok(f"{bp}.storeys[{si}].courtyards[{ci}]", c)

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

        room_ids = {r.id for r in b.rooms}
        for di, d in enumerate(b.doors):
            p = f"{bp}.doors[{di}]"
            id_ok(f"{p}.id", d.id)
            for ki, rid in enumerate(d.between or ()):
                if rid not in room_ids:
                    out.append(Problem(f"{p}.between[{ki}]", f"'{rid}' is not a room of building "
                                       f"'{b.id}'; give the ids of the rooms the door opens into"))
            if d.opening and d.kind != DoorKind.inner:
                out.append(Problem(f"{p}.opening", "only an inner door can be an open passage; "
                                   "remove 'opening' or make the door 'inner'"))
            if d.between and d.kind in EXTERIOR_DOOR_KINDS and len(d.between) > 1:
                out.append(Problem(f"{p}.between", "an exterior door opens into one room; "
                                   "give that room alone"))
            level_ok(f"{p}.level", d.level)
            coord_ok(f"{p}.at", [d.at])
            if d.kind in EXTERIOR_DOOR_KINDS:
                pin(f"{p}.label", d.label)
            if d.main:
                mains.append(p)
                if d.kind not in EXTERIOR_DOOR_KINDS:
                    out.append(Problem(f"{p}.main", "an inner door cannot be the main entrance; "
                                       "mark an exterior entrance as main"))
        for si, st in enumerate(b.stairs):
            p = f"{bp}.stairs[{si}]"
            id_ok(f"{p}.id", st.id)
            coord_ok(f"{p}.at", [st.at])
            for li, lv in enumerate(st.levels):
                level_ok(f"{p}.levels[{li}]", lv)
            if len(set(st.levels)) != len(st.levels):
                out.append(Problem(f"{p}.levels", "a level is listed twice; list each once"))
            pin(f"{p}.label", st.label)
        for ri, r in enumerate(b.rooms):
            p = f"{bp}.rooms[{ri}]"
            id_ok(f"{p}.id", r.id)
            level_ok(f"{p}.level", r.level)
            if r.polygon and ring_ok(f"{p}.polygon", r.polygon, "the room outline"):
                coord_ok(f"{p}.polygon", r.polygon)
            pin(f"{p}.number", r.number)
        for wi, w in enumerate(b.windows):
            p = f"{bp}.windows[{wi}]"
            id_ok(f"{p}.id", w.id)
            level_ok(f"{p}.level", w.level)
            coord_ok(f"{p}.at", [w.at])
        for fi, f in enumerate(b.features):
            p = f"{bp}.features[{fi}]"
            id_ok(f"{p}.id", f.id)
            coord_ok(f"{p}.at", [f.at])
            if f.levels is None:
                level_ok(f"{p}.level", f.level)
                continue
            for li, lv in enumerate(f.levels):
                level_ok(f"{p}.levels[{li}]", lv)
            if len(set(f.levels)) != len(f.levels):
                out.append(Problem(f"{p}.levels", "a level is listed twice; list each once"))
            if "level" in f.model_fields_set and f.level not in f.levels:
                out.append(Problem(f"{p}.level", f"level {f.level} is not one of its levels "
                                   f"({', '.join(map(str, f.levels))}); give 'levels' alone"))
        for gi, gp in enumerate(b.guidance):
            id_ok(f"{bp}.guidance[{gi}].id", gp.id)
            level_ok(f"{bp}.guidance[{gi}].level", gp.level)
        _spacing(bp, b.doors, b.windows, out, max_exterior_doors)
    if len(mains) > 1:
        for p in mains[1:]:
            out.append(Problem(f"{p}.main", f"a second main entrance (the first is {mains[0]}); "
                               "a site has at most one main entrance: remove 'main: true' here"))
    for fi, sf in enumerate(site.site_features):
        p = f"site_features[{fi}]"
        if sf.kind in LINE_KINDS:
            need = "line"
        elif sf.kind in POINT_KINDS:
            need = "at"
        else:
            need = "polygon"
        given = [k for k in ("at", "line", "polygon") if getattr(sf, k) is not None]
        if given != [need]:
            out.append(Problem(p, f"a {sf.kind.value} needs '{need}' "
                               f"({'a list of [x, y] points' if need != 'at' else 'one [x, y] point'})"
                               + (f" and nothing else (found: {', '.join(given)})" if given else "")))
        if sf.line and len(sf.line) > max_line_points:
            out.append(Problem(f"{p}.line", f"the line has {len(sf.line):,} points, more than the "
                               f"limit of {max_line_points:,} (max_line_points); simplify it or "
                               "split it into several features"))
        elif sf.line:
            coord_ok(f"{p}.line", sf.line)
        if sf.polygon and ring_ok(f"{p}.polygon", sf.polygon, "the area"):
            coord_ok(f"{p}.polygon", sf.polygon)
        if sf.at:
            coord_ok(f"{p}.at", [sf.at])
    _case_collisions(pins, out)
    out += _din.din_problems(site)
    return out


def _spacing(bp: str, doors: Sequence[Door], windows: Sequence[Window], out: list[Problem],
             max_exterior_doors: int) -> None:
    """Elements entered twice, the later one reported (each costs label placement dearly):

    * two doors, or two windows, of one building on one level at the same point (closer than
      :data:`SAME_POINT_M`);
    * two exterior doors on one level closer than :data:`MIN_DOOR_SPACING_M` (a door is wider
      than that; inner doors are left alone there, importers may place them by a corner);
    * more than :data:`MAX_DOORS_AT_ONE_POINT` doors at one point over all levels;
    * more than ``max_exterior_doors`` exterior doors on one building.

    Each grid (cells as wide as its distance) holds only the elements kept so far, which are at
    least that distance apart, so a cell holds a few and the check stays linear even when
    thousands of doors sit at one point."""
    same: _Grid = {}
    spaced: _Grid = {}
    stacks: _Grid = {}  # one door per point over all levels, with the count at that point
    stacked: dict[int, int] = {}
    exterior_count = 0
    for di, d in enumerate(doors):
        path = f"{bp}.doors[{di}].at"
        exterior = d.kind in EXTERIOR_DOOR_KINDS
        exterior_count += exterior
        if exterior and exterior_count == max_exterior_doors + 1:
            out.append(Problem(f"{bp}.doors", f"more than {max_exterior_doors:,} exterior doors "
                               "on one building (limit max_exterior_doors); is the building "
                               "several buildings, or are doors entered twice? Split it or "
                               "raise the limit"))
        near = _near(same, SAME_POINT_M, d.level, d.at)
        if near is None and exterior:
            near = _near(spaced, MIN_DOOR_SPACING_M, d.level, d.at)
        if near is not None:
            oi, o = near
            dist = math.dist(o.at, d.at)
            if dist < SAME_POINT_M:
                out.append(Problem(path, f"door '{d.id}' is at the same point as door '{o.id}' "
                                   f"({bp}.doors[{oi}]) on level {d.level}; two doors at one "
                                   "point are one door entered twice: remove one, or move it to "
                                   "where the door really is"))
            else:
                out.append(Problem(path, f"door '{d.id}' is {dist:.2f} m from the exterior door "
                                   f"'{o.id}' ({bp}.doors[{oi}]) on level {d.level}; exterior "
                                   f"doors closer than {MIN_DOOR_SPACING_M:g} m are one door "
                                   "entered twice (a door is wider than that): remove one, or "
                                   "move it to where the door really is"))
            continue
        _keep(same, SAME_POINT_M, d.level, di, d)
        if exterior:
            _keep(spaced, MIN_DOOR_SPACING_M, d.level, di, d)
        base = _near(stacks, SAME_POINT_M, None, d.at)
        if base is None:
            _keep(stacks, SAME_POINT_M, None, di, d)
            continue
        bi = base[0]
        stacked[bi] = stacked.get(bi, 1) + 1
        if stacked[bi] == MAX_DOORS_AT_ONE_POINT + 1:
            out.append(Problem(path, f"more than {MAX_DOORS_AT_ONE_POINT} doors at the point of "
                               f"{bp}.doors[{bi}] (one per level); a door is on one storey: "
                               "remove the copies, or move each door to where it really is"))
    wsame: _Grid = {}
    for wi, w in enumerate(windows):
        near = _near(wsame, SAME_POINT_M, w.level, w.at)
        if near is None:
            _keep(wsame, SAME_POINT_M, w.level, wi, w)
            continue
        oi, o = near
        out.append(Problem(f"{bp}.windows[{wi}].at", f"window '{w.id}' is at the same point as "
                           f"window '{o.id}' ({bp}.windows[{oi}]) on level {w.level}; it is one "
                           "window entered twice: remove one, or move it to where the window "
                           "really is"))


_Grid = dict[tuple[int | None, int, int], list[tuple[int, Door | Window]]]


def _near(grid: _Grid, size: float, level: int | None,
          at: tuple[float, float]) -> tuple[int, Door | Window] | None:
    cx, cy = math.floor(at[0] / size), math.floor(at[1] / size)
    for gx in (cx - 1, cx, cx + 1):
        for gy in (cy - 1, cy, cy + 1):
            for oi, o in grid.get((level, gx, gy), ()):
                if math.dist(o.at, at) < size:
                    return oi, o
    return None


def _keep(grid: _Grid, size: float, level: int | None, i: int, e: Door | Window) -> None:
    grid.setdefault((level, math.floor(e.at[0] / size), math.floor(e.at[1] / size)), []).append((i, e))


def _case_collisions(pins: dict[str, list[tuple[str, str]]], out: list[Problem]) -> None:
    """Pinned codes that differ only in upper/lower case (``E1`` and ``e1``) read the same on a
    sign and on the radio. (The very same code pinned twice is the plan's ``duplicate-code``
    finding.)"""
    for group in pins.values():
        first_code, first_path = group[0]
        for code, path in group[1:]:
            if code != first_code:
                out.append(Problem(path, f"pinned code '{code}' differs only in upper/lower case "
                                   f"from '{first_code}' at {first_path}; both read the same on a "
                                   "sign and on the radio: give each element its own code"))


__all__ = [
    "AREA_KINDS",
    "MAX_DOORS_AT_ONE_POINT",
    "MAX_EXTERIOR_DOORS",
    "MAX_LEVEL",
    "MAX_LINE_POINTS",
    "MAX_RING_VERTICES",
    "MIN_DOOR_SPACING_M",
    "MIN_LEVEL",
    "SAME_POINT_M",
    "Building",
    "Door",
    "Dispatch",
    "DoorKind",
    "EXTERIOR_DOOR_KINDS",
    "FORMAT",
    "Feature",
    "FeatureKind",
    "GuidancePin",
    "HAZARD_USES",
    "LINE_KINDS",
    "Origin",
    "POINT_KINDS",
    "Room",
    "RoomUse",
    "SHAFT_USES",
    "Site",
    "SiteFeature",
    "SiteCrs",
    "SiteFeatureKind",
    "SiteInfo",
    "Stair",
    "Storey",
    "VERTICAL_FEATURE_KINDS",
    "Window",
    "semantic_problems",
]
