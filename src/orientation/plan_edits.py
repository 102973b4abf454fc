"""Edits of a site's plan: add, move and remove doors, features, site features and storeys,
set the site's name, date and position, and say what is still missing before it can be
printed.

Pure functions on a :class:`~orientation.model.Site`, as :mod:`orientation.edits`: each returns
a new Site validated like a site file (structure and geometry, through
:func:`orientation.edits.validated`), so an invalid edit raises
:class:`~orientation.errors.SiteFileError` naming the key path, and a wrong choice (an unknown
building, kind or element; a point far from the wall) raises
:class:`~orientation.errors.OptionError` saying what to do. Usable from the app's plan editor,
the command line's ``orientation edit`` and scripts alike; :func:`site_text_after` gives the
site file's own text with the edits written in (comments and order kept).

Points are plan metres. A door (and a window) belongs on the outline: :func:`add_door` and
:func:`move_door` snap the point to the nearest point of the building's footprint or courtyard
rings, or of its storey's own outline, when it lies within :data:`SNAP_M`; farther is refused.
Coordinates are kept to the millimetre.

Every element can be named by a reference (:func:`find`): ``BUILDING/ID``, or by its place in
the file, ``BUILDING/features[3]`` (the fourth of the building's features; also ``doors``,
``stairs``, ``rooms``, ``windows``) and ``site_features[2]``: the one way to name a feature
without an ``id``. :func:`remove` and :func:`move` take any reference.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import words
from .edits import _data, edited_text, site_text, validated
from .edits import set_main_door as _set_main_door
from .errors import OptionError, OrientationError
from .geo import plan_to_wgs84
from .io.site_file import dump_site, site_from_bytes
from .layout.geometry import locate, outline, storey_shapes
from .model import (
    EXTERIOR_DOOR_KINDS,
    LINE_KINDS,
    POINT_KINDS,
    Building,
    DoorKind,
    FeatureKind,
    Site,
    SiteFeatureKind,
    iso_date,
)
from .plan import Plan

#: How far from the outline (metres) a door may be clicked and still be snapped onto it.
SNAP_M = 1.5
#: What :attr:`Missing.action` may be: the edit that fixes it.
ACTIONS = ("add-door", "set-main", "add-road", "set-date", "set-origin", "remove-storey")
#: The element lists of a building that :func:`remove_element` looks in.
ELEMENT_LISTS = ("doors", "stairs", "rooms", "windows", "features")

XY = tuple[float, float]


# --- helpers ---------------------------------------------------------------------------------


def _mm(v: float) -> float:
    """A coordinate to the millimetre (an integral value as an int-valued float)."""
    return round(float(v), 3) + 0.0


def _point(at: Any, what: str = "at") -> XY:
    try:
        x, y = (float(v) for v in at)
    except (TypeError, ValueError):
        raise OptionError(what, f"{at!r} is not a point; give x, y in plan metres") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise OptionError(what, f"({x}, {y}) is not a point; give finite x, y in plan metres")
    return _mm(x), _mm(y)


def _points(pts: Any, what: str, least: int) -> list[XY]:
    if pts is None or isinstance(pts, (str, bytes)):
        raise OptionError(what, f"give a list of at least {least} points (x, y)")
    out = [_point(p, what) for p in pts]
    if len(out) < least:
        raise OptionError(what, f"{len(out)} point(s) given; give at least {least} (x, y)")
    return out


def _building(site: Site, building: str) -> tuple[int, Building]:
    for i, b in enumerate(site.buildings):
        if b.id == building:
            return i, b
    raise OptionError("building", f"there is no building '{building}'; choose one of: "
                      f"{', '.join(b.id for b in site.buildings)}")


def _choice(kind: str, enum: Any, what: str, allowed: Sequence[Any] | None = None) -> Any:
    names = [k.value for k in (allowed if allowed is not None else enum)]
    if kind not in names:
        raise OptionError(what, f"unknown {what} '{kind}'; choose one of: {', '.join(names)}")
    return enum(kind)


def _level(b: Building, level: int | None) -> int:
    """``level`` checked against the building's storeys; None: the ground floor (the lowest
    storey at or above 0, else the highest basement)."""
    levels = sorted(s.level for s in b.storeys)
    if level is None:
        above = [lv for lv in levels if lv >= 0]
        return above[0] if above else levels[-1]
    if level not in levels:
        raise OptionError("level", f"level {level} is not a storey of building '{b.id}'; "
                          f"choose one of: {', '.join(map(str, levels))}")
    return level


def _ids(b: Building) -> set[str]:
    return {e.id for key in ELEMENT_LISTS for e in getattr(b, key) if e.id}


def _new_id(b: Building, prefix: str) -> str:
    used = _ids(b)
    n = 1
    while f"{prefix}-{n}" in used:
        n += 1
    return f"{prefix}-{n}"


def snap(b: Building, at: Sequence[float], level: int) -> XY:
    """The nearest point of ``b``'s outline (footprint and courtyard rings, or the storey's
    own outline at ``level``) to ``at``, when within :data:`SNAP_M`; else an
    :class:`~orientation.errors.OptionError` saying how far off the point is."""
    xy = _point(at)
    pos = locate(outline(b), xy)
    own = storey_shapes(b, "", []).get(level)
    if own is not None:
        own_pos = locate(own, xy)
        if own_pos.distance < pos.distance:
            pos = own_pos
    if pos.distance > SNAP_M:
        raise OptionError("at", f"the point is {pos.distance:.1f} m from the outline of building "
                          f"'{b.id}'; click on the wall (within {SNAP_M:g} m of it)")
    return _mm(pos.point[0]), _mm(pos.point[1])


def _inside(b: Building, at: Sequence[float], level: int | None, what: str) -> XY:
    """``at`` when it lies inside ``b`` or within :data:`SNAP_M` of it (a key box on the
    wall), on its footprint or its storey's own outline."""
    xy = _point(at)
    from shapely.geometry import Point

    shapes = [outline(b).polygon]
    own = storey_shapes(b, "", []).get(level) if level is not None else None
    if own is not None:
        shapes.append(own.polygon)
    d = min(s.distance(Point(xy)) for s in shapes)
    if d > SNAP_M:
        raise OptionError("at", f"the point is {d:.1f} m outside building '{b.id}'; place the "
                          f"{what} inside the building or on its wall")
    return xy


def _with_building(site: Site, bi: int, change: Any) -> Site:
    data = _data(site)
    change(data["buildings"][bi])
    return validated(data)


# --- doors -----------------------------------------------------------------------------------


def add_door(site: Site, building: str, at: tuple[float, float], *, kind: str = "entrance",
             level: int | None = None, main: bool = False,
             width: float | None = None) -> tuple[Site, str]:
    """A new Site with a door of ``kind`` at ``at`` (snapped onto the wall, see :func:`snap`;
    an inner door stays where it is, inside the building) on ``level`` (default: the ground
    floor), and the new door's id (``d-1``, ``d-2`` …). ``main`` makes it the main entrance
    (taken from any other door)."""
    bi, b = _building(site, building)
    door_kind = _choice(str(kind), DoorKind, "door kind")
    lv = _level(b, level)
    if main and door_kind not in EXTERIOR_DOOR_KINDS:
        raise OptionError("main", "an inner door cannot be the main entrance; add an "
                          "entrance (or another exterior door) as main")
    xy = _inside(b, at, lv, "door") if door_kind == DoorKind.inner else snap(b, at, lv)
    door_id = _new_id(b, "d")
    door: dict[str, Any] = {"id": door_id, "at": list(xy), "level": lv, "kind": door_kind.value}
    if width is not None:
        if not (isinstance(width, (int, float)) and math.isfinite(width) and 0 < width <= 50):
            raise OptionError("width", f"{width!r} is no door width; give metres above 0, at "
                              "most 50")
        door["width"] = float(width)
    data = _data(site)
    if main:
        for bd in data["buildings"]:
            for d in bd.get("doors", []):
                d.pop("main", None)
        door["main"] = True
    data["buildings"][bi].setdefault("doors", []).append(door)
    return validated(data), door_id


def _element(b: Building, key: str, element_id: str) -> int:
    for i, e in enumerate(getattr(b, key)):
        if e.id == element_id:
            return i
    raise OptionError("element", f"building '{b.id}' has no {key[:-1]} '{element_id}'")


def move_door(site: Site, building: str, door_id: str, at: tuple[float, float]) -> Site:
    """A new Site with door ``door_id`` at ``at`` (snapped like :func:`add_door`)."""
    bi, b = _building(site, building)
    di = _element(b, "doors", door_id)
    d = b.doors[di]
    xy = _inside(b, at, d.level, "door") if d.kind == DoorKind.inner else snap(b, at, d.level)
    return _with_building(site, bi, lambda bd: bd["doors"][di].update(at=list(xy)))


def set_main_door(site: Site, building: str, door_id: str) -> Site:
    """A new Site whose main entrance is door ``door_id`` of ``building`` (an exterior door)."""
    _, b = _building(site, building)
    d = b.doors[_element(b, "doors", door_id)]
    if d.kind not in EXTERIOR_DOOR_KINDS:
        raise OptionError("main", f"door '{door_id}' is an inner door; mark an exterior door "
                          "as the main entrance")
    return _set_main_door(site, f"{building}/{door_id}")


def remove_element(site: Site, building: str, element_id: str) -> Site:
    """A new Site without element ``element_id`` (or place, ``features[3]``) of ``building``."""
    return remove(site, f"{building}/{element_id}")


# --- references --------------------------------------------------------------------------------

#: The forms of a reference, for messages.
REF_FORMS = ("BUILDING/ID, BUILDING/LIST[N] (LIST one of doors, stairs, rooms, windows, "
             "features; N counted from 0) or site_features[N]")
_INDEXED = re.compile(r"([a-z_]+)\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class Ref:
    """Where an element stands: ``index`` in list ``key`` (one of :data:`ELEMENT_LISTS`) of
    ``building``, or in ``site_features`` (``building`` None); ``str()``: ``rathaus/features[3]``,
    ``site_features[0]``."""

    building: str | None
    key: str
    index: int

    def __str__(self) -> str:
        where = f"{self.building}/" if self.building is not None else ""
        return f"{where}{self.key}[{self.index}]"


def _at_index(items: Sequence[Any], key: str, index: int, owner: str) -> None:
    if not 0 <= index < len(items):
        raise OptionError("element", f"{owner} has no {key}[{index}]; " + (
            f"it has {key}[0] to {key}[{len(items) - 1}]" if items else f"it has no {key}"))


def find(site: Site, ref: str | Ref) -> tuple[Ref, Any]:
    """The place and the element a reference names (:data:`REF_FORMS`): ``rathaus/d-ost``,
    ``rathaus/features[3]``, ``site_features[2]``; an
    :class:`~orientation.errors.OptionError` saying what is there when it names nothing."""
    text = str(ref).strip()
    head, slash, tail = text.rpartition("/")
    m = _INDEXED.fullmatch(tail)
    if not slash:
        if m and m[1] == "site_features":
            _at_index(site.site_features, m[1], int(m[2]), "the site")
            return Ref(None, m[1], int(m[2])), site.site_features[int(m[2])]
        raise OptionError("element", f"{text!r} is no reference; give {REF_FORMS}")
    _, b = _building(site, head)
    if m:
        if m[1] not in ELEMENT_LISTS:
            raise OptionError("element", f"{m[1]!r} is no list of a building; give one of: "
                              f"{', '.join(ELEMENT_LISTS)}")
        items = getattr(b, m[1])
        _at_index(items, m[1], int(m[2]), f"building '{b.id}'")
        return Ref(b.id, m[1], int(m[2])), items[int(m[2])]
    for key in ELEMENT_LISTS:
        for i, e in enumerate(getattr(b, key)):
            if e.id == tail:
                return Ref(b.id, key, i), e
    raise OptionError("element", f"building '{b.id}' has no element '{tail}' (no door, stair, "
                      "room, window or feature with that id; a feature without an id is "
                      f"{b.id}/features[N])")


def references(site: Site) -> list[tuple[str, Ref, Any]]:
    """Every element of ``site``: the reference naming it (by id where it has one, else by
    place), its place and itself; building by building, then the site features."""
    out: list[tuple[str, Ref, Any]] = []
    for b in site.buildings:
        for key in ELEMENT_LISTS:
            for i, e in enumerate(getattr(b, key)):
                r = Ref(b.id, key, i)
                out.append((f"{b.id}/{e.id}" if e.id else str(r), r, e))
    out += [(str(Ref(None, "site_features", i)), Ref(None, "site_features", i), f)
            for i, f in enumerate(site.site_features)]
    return out


def remove(site: Site, ref: str | Ref) -> Site:
    """A new Site without the element ``ref`` names (see :func:`find`)."""
    r, _ = find(site, ref)
    if r.building is None:
        return remove_site_feature(site, r.index)
    bi, _ = _building(site, r.building)
    return _with_building(site, bi, lambda bd: bd[r.key].pop(r.index))


def _shifted(pts: Sequence[Sequence[float]], d: XY) -> list[list[float]]:
    return [[_mm(x + d[0]), _mm(y + d[1])] for x, y in pts]


def _by(at: Any, by: Any) -> XY | None:
    """``by`` as a shift (None: move to ``at``); exactly one of them is given."""
    if (at is None) == (by is None):
        raise OptionError("at", "give where to (at x, y) or how far (by dx, dy), not both")
    return _point(by, "by") if by is not None else None


def move(site: Site, ref: str | Ref, *, at: Sequence[float] | None = None,
         by: Sequence[float] | None = None) -> Site:
    """A new Site with the element ``ref`` names (see :func:`find`) moved to ``at`` or by
    ``by`` (dx, dy; the one way to move a line, an area or a room). A door or a window is
    snapped onto the wall (:func:`snap`), a stair or a feature stays inside its building or on
    its wall."""
    d = _by(at, by)
    r, e = find(site, ref)
    if r.building is None:
        return move_site_feature(site, r.index, at=at, by=by)
    bi, b = _building(site, r.building)
    if r.key == "rooms":
        if d is None or e.polygon is None:
            raise OptionError("at", f"room '{e.id}' has no outline to move" if e.polygon is None
                              else f"room '{e.id}' is its outline: move it by dx, dy")
        return _with_building(site, bi, lambda bd: bd["rooms"][r.index].update(
            polygon=_shifted(e.polygon, d)))
    xy = _point(at) if d is None else (e.at[0] + d[0], e.at[1] + d[1])
    if r.key == "doors":
        return move_door(site, b.id, e.id, xy)
    level = min(e.levels) if r.key == "stairs" else e.level
    what = e.kind.value.replace("_", " ") if r.key == "features" else r.key[:-1]
    xy = snap(b, xy, level) if r.key == "windows" else _inside(b, xy, level, what)
    return _with_building(site, bi, lambda bd: bd[r.key][r.index].update(at=list(xy)))


def move_feature(site: Site, building: str, feature: str | int, at: Sequence[float]) -> Site:
    """A new Site with feature ``feature`` of ``building`` (its id, or its index in the
    building's ``features``) at ``at`` (inside the building or on its wall)."""
    where = f"features[{feature}]" if isinstance(feature, int) else feature
    return move(site, f"{building}/{where}", at=at)


def remove_storey(site: Site, building: str, level: int) -> tuple[Site, int]:
    """A new Site without storey ``level`` of ``building`` and every element on it (a stair
    or a feature on several storeys loses that level, and goes when none is left), and the
    number of elements removed. The last storey of a building cannot be removed."""
    bi, b = _building(site, building)
    _level(b, level)
    if len(b.storeys) == 1:
        raise OptionError("level", f"storey {level} is the only storey of building '{b.id}'; a "
                          "building keeps at least one storey")
    removed = 0

    def change(bd: dict[str, Any]) -> None:
        nonlocal removed
        bd["storeys"] = [s for s in bd["storeys"] if s["level"] != level]
        for key in ("doors", "stairs", "rooms", "windows", "features", "fire_lines",
                    "detector_groups"):
            kept = []
            for e in bd.get(key, []):
                if e.get("levels"):  # a stair, a feature on several storeys: loses that level
                    e["levels"] = [lv for lv in e["levels"] if lv != level]
                    if e["levels"] and key == "features" and e.get("level") not in e["levels"]:
                        e["level"] = min(e["levels"])
                    if e["levels"]:
                        kept.append(e)
                elif e.get("level", 0) != level:
                    kept.append(e)
            if key in bd:
                removed += len(bd[key]) - len(kept)
                bd[key] = kept

    return _with_building(site, bi, change), removed


# --- features --------------------------------------------------------------------------------


def add_site_feature(site: Site, kind: str, *, at: Sequence[float] | None = None,
                     line: Sequence[Sequence[float]] | None = None,
                     polygon: Sequence[Sequence[float]] | None = None,
                     name: str | None = None) -> tuple[Site, int]:
    """A new Site with a site feature (road, fire_lane, footway with ``line``; hydrant,
    assembly_point, gate with ``at``; parking, drivable_area, not_drivable with ``polygon``),
    and its index in ``site_features``."""
    k = _choice(str(kind), SiteFeatureKind, "site feature kind")
    feature: dict[str, Any] = {"kind": k.value}
    if name is not None and str(name).strip():
        feature["name"] = str(name).strip()
    if k in LINE_KINDS:
        feature["line"] = [list(p) for p in _points(line, "line", 2)]
    elif k in POINT_KINDS:
        if at is None:
            raise OptionError("at", f"a {k.value} is a point: give at (x, y)")
        feature["at"] = list(_point(at))
    else:
        feature["polygon"] = [list(p) for p in _points(polygon, "polygon", 3)]
    data = _data(site)
    data.setdefault("site_features", []).append(feature)
    return validated(data), len(data["site_features"]) - 1


def _site_feature(site: Site, index: int) -> Any:
    n = len(site.site_features)
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < n:
        raise OptionError("index", f"there is no site feature {index!r}; the site has {n} "
                          f"(0 to {n - 1})" if n else "the site has no site features")
    return site.site_features[index]


def remove_site_feature(site: Site, index: int) -> Site:
    """A new Site without ``site_features[index]``."""
    _site_feature(site, index)
    data = _data(site)
    data["site_features"].pop(index)
    return validated(data)


def move_site_feature(site: Site, index: int, *, at: Sequence[float] | None = None,
                      by: Sequence[float] | None = None) -> Site:
    """A new Site with ``site_features[index]`` moved: a point (hydrant, gate …) to ``at`` or
    by ``by`` (dx, dy), a line or an area by ``by``."""
    f, d = _site_feature(site, index), _by(at, by)
    if d is None and f.at is None:
        raise OptionError("at", f"a {f.kind.value.replace('_', ' ')} is a line or an area: "
                          "move it by dx, dy")
    data = _data(site)
    fd = data["site_features"][index]
    for key in ("line", "polygon"):
        if fd.get(key) and d is not None:
            fd[key] = _shifted(fd[key], d)
    if f.at is not None:
        fd["at"] = list(_point(at)) if d is None else _shifted([f.at], d)[0]
    return validated(data)


def add_feature(site: Site, building: str, kind: str, at: tuple[float, float], *,
                level: int | None = None, levels: Sequence[int] | None = None,
                name: str | None = None) -> Site:
    """A new Site with a feature of ``kind`` (key_box, fire_alarm_panel, first_info_point, …)
    of ``building`` at ``at`` (inside it or on its wall) on ``level`` (default: the ground
    floor), or on each of ``levels`` (a lift, a riser). It gets an id (``f-1`` …)."""
    bi, b = _building(site, building)
    k = _choice(str(kind), FeatureKind, "feature kind")
    feature: dict[str, Any] = {"id": _new_id(b, "f"), "kind": k.value}
    if levels:
        lvs = sorted({_level(b, int(lv)) for lv in levels})
        feature["levels"] = lvs
        feature["level"] = _level(b, level) if level is not None else lvs[0]
        if feature["level"] not in lvs:
            raise OptionError("level", f"level {level} is not one of its levels "
                              f"({', '.join(map(str, lvs))})")
    else:
        feature["level"] = _level(b, level)
    feature["at"] = list(_inside(b, at, feature["level"], k.value.replace("_", " ")))
    if name is not None and str(name).strip():
        feature["name"] = str(name).strip()
    return _with_building(site, bi, lambda bd: bd.setdefault("features", []).append(feature))


# --- the site --------------------------------------------------------------------------------


def set_site(site: Site, *, name: str | None = None, address: str | None = None,
             date: str | None = None, origin: tuple[float, float] | None = None,
             north_deg: float | None = None) -> Site:
    """A new Site with the given fields of ``site.site`` changed (None: unchanged; an empty
    ``address`` or ``date`` removes it). ``date`` is ISO ``YYYY-MM-DD``; ``origin`` the
    (lat, lon) of plan point (0, 0); ``north_deg`` the bearing of the plan's +y axis."""
    data = _data(site)
    info = data["site"]
    if name is not None:
        if not str(name).strip():
            raise OptionError("name", "the site needs a name; give one")
        info["name"] = str(name).strip()
    for key, value in (("address", address), ("date", date)):
        if value is None:
            continue
        text = str(value).strip()
        if not text:
            info.pop(key, None)
            continue
        if key == "date":
            why = iso_date(text)
            if why is not None:
                raise OptionError("date", why)
        info[key] = text
    if origin is not None:
        _point(origin, "origin")  # two finite numbers
        lat, lon = float(origin[0]), float(origin[1])
        if not -90 <= lat <= 90 or not -180 <= lon <= 180:
            raise OptionError("origin", f"({lat:g}, {lon:g}) is no position; give latitude "
                              "(-90 to 90) and longitude (-180 to 180) in degrees")
        info["origin"] = {"lat": lat, "lon": lon}
    if north_deg is not None:
        try:
            north = float(north_deg)
        except (TypeError, ValueError):
            raise OptionError("north_deg", f"{north_deg!r} is no bearing; give degrees") from None
        if not math.isfinite(north) or not -360 <= north <= 360:
            raise OptionError("north_deg", f"{north_deg!r} is no bearing; give degrees from "
                              "-360 to 360")
        info["north_deg"] = north
    return validated(data)


def set_origin_at(site: Site, at: tuple[float, float], lat: float, lon: float) -> Site:
    """A new Site whose origin puts plan point ``at`` at (``lat``, ``lon``) (WGS84, through
    :mod:`orientation.geo`'s frame, the plan's north kept): a point of the plan, such as a
    corner of a building, placed on the earth."""
    xy = _point(at)
    set_site(site, origin=(lat, lon))  # checks lat and lon
    north = site.site.north_deg
    o = np.array([float(lat), float(lon)])
    target = o.copy()
    for _ in range(20):  # the frame is almost a shift: a few steps reach 1e-12 degrees
        got = np.array([float(v) for v in plan_to_wgs84(tuple(o), north, xy)])
        err = got - target
        o = o - err
        if float(np.max(np.abs(err))) < 1e-12:
            break
    lat0, lon0 = round(float(o[0]), 9) + 0.0, round(float(o[1]), 9) + 0.0  # 0.1 mm
    if not (-90 <= lat0 <= 90 and -180 <= lon0 <= 180):
        raise OptionError("origin", "plan point (0, 0) would lie beyond the poles or the date "
                          "line; place a point nearer the plan's origin")
    return set_site(site, origin=(lat0, lon0))


# --- what is missing -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Missing:
    """One thing that keeps the site from being fit to print: ``code`` (``no-doors``,
    ``no-main``, ``no-road``, ``no-date``, ``no-origin``, ``empty-storey``), the words
    ``key`` with its ``params``, the ``action`` that fixes it (one of :data:`ACTIONS`) and
    where (``building``, ``level``)."""

    code: str
    key: str
    params: tuple[tuple[str, Any], ...]
    action: str
    building: str | None = None
    level: int | None = None

    def text(self, lang: str | None) -> str:
        """What is missing and what to do, in ``lang`` (German or English)."""
        return words.text(self.key, lang, **dict(self.params))


def _missing(code: str, action: str, building: str | None = None, level: int | None = None,
             /, **params: Any) -> Missing:
    return Missing(code, f"edit.missing-{code}", tuple(params.items()), action, building, level)


def _used_levels(b: Building) -> set[int]:
    used = {e.level for key in ("doors", "rooms", "windows") for e in getattr(b, key)}
    used |= {lv for st in b.stairs for lv in st.levels}
    used |= {lv for f in b.features for lv in f.served_levels}
    return used


def missing(site: Site, plan: Plan) -> list[Missing]:
    """Everything that keeps ``site`` (planned as ``plan``) from being fit to print, in the
    order to fix it: buildings without an exterior door, no main entrance, no road or fire
    lane, no plan date, no position (origin), storeys with nothing on them (a building's only
    storey is never listed). Empty when nothing is missing."""
    out: list[Missing] = []
    letters = {bp.id: bp.letter for bp in plan.buildings if bp.letter}
    exterior = {b.id for b in site.buildings
                if any(d.kind in EXTERIOR_DOOR_KINDS for d in b.doors)}
    for b in site.buildings:
        if b.id not in exterior:
            out.append(_missing("no-doors", "add-door", b.id, _level(b, None),
                                building=_named(b, letters)))
    if not any(d.main for b in site.buildings for d in b.doors):
        first = next((b.id for b in site.buildings if b.id in exterior), None)
        out.append(_missing("no-main", "set-main", first))
    if not any(f.kind in (SiteFeatureKind.road, SiteFeatureKind.fire_lane)
               for f in site.site_features):
        out.append(_missing("no-road", "add-road"))
    if not site.site.date:
        out.append(_missing("no-date", "set-date"))
    if site.site.origin is None:
        out.append(_missing("no-origin", "set-origin"))
    for b in site.buildings:
        if len(b.storeys) < 2:
            continue
        used = _used_levels(b)
        for s in b.storeys:
            if s.level not in used:
                out.append(_missing("empty-storey", "remove-storey", b.id, s.level,
                                    building=_named(b, letters), storey=s.name))
    return out


def _named(b: Building, letters: dict[str, str]) -> str:
    letter = letters.get(b.id)
    return f"{b.name} ({letter})" if letter and letter != b.name else b.name


# --- the site file's own text ----------------------------------------------------------------


def site_text_after(source_text: str, site: Site, *, name: str) -> str:
    """The site file's own text (``source_text``, named ``name``) with ``site`` written in,
    comments, order and layout kept (:func:`orientation.edits.site_text`). A text that is a
    site written afresh (an imported building's) has nothing of its own to keep: the edited
    site is written afresh too, sparing the round trip that takes long for a large one."""
    fmt = "json" if name.lower().endswith(".json") else "yaml"
    try:
        before = site_from_bytes(source_text.encode("utf-8"), name=name)
    except OrientationError:
        before = None
    if before is not None and before != site and dump_site(before, fmt=fmt) == source_text:
        return dump_site(site, fmt=fmt)
    return site_text(source_text, site, name=name)


__all__ = [
    "ACTIONS", "ELEMENT_LISTS", "REF_FORMS", "SNAP_M", "Missing", "Ref", "add_door", "add_feature",
    "add_site_feature", "edited_text", "find", "missing", "move", "move_door", "move_feature",
    "move_site_feature", "references", "remove", "remove_element", "remove_site_feature",
    "remove_storey", "set_main_door", "set_origin_at", "set_site", "site_text_after", "snap",
]
