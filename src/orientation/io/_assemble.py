"""Shared assembly of imported buildings: every importer feeds the same builder.

An importer reads its format into :class:`BuildingDraft` values (plan metres, source ids,
shapely geometry) and calls :func:`assemble_site`, which does the same clean-up for every
format and records what it changed as :class:`ImportNote` values:

* the footprint is made valid (``make_valid``), reduced to its largest polygon when it falls
  apart (said in a note), simplified by 1 cm and rounded to millimetres;
* exterior doors are moved onto the nearest point of the outline (a note says how far); an
  exterior door further than ``max_door_snap_m`` from it is dropped with a warning, never
  turned into another kind;
* a door's ``between`` (the rooms it opens into) is written where the source names them:
  only rooms kept on the door's level, one or two of them (one for an exterior door); inner
  doors farther than 0.75 m from every room outline of their storey are kept and counted in
  one note per building (:mod:`._door_rooms`); an inner door the source draws as an open
  passage (``DoorDraft.opening``) is written with ``opening: true``, its width (the boundary it
  spans) capped at 50 m, not 10 m as a door leaf's;
* exterior windows are moved onto the outline when within ``max_window_snap_m``, else dropped;
* stairs outside the footprint are moved just inside when close, else dropped;
* room outlines are made valid and clipped to the footprint when they reach outside it, and
  to their storey's own outline; a room's ``use`` is kept;
* a storey's own outline (``BuildingDraft.storey_outlines``) is cleaned like the footprint
  and clipped to it (:func:`~._geometry.storey_outline`; its holes become the storey's
  courtyards); one covering 97 % of the footprint or more is left out (the default);
* storeys with nothing on them (no room, door, stair, window or feature: an IFC foundation or
  roof storey) are left out, with one note; a building keeps at least its lowest storey;
* a feature's ``levels`` are sorted and deduplicated, its ``level`` is the lowest of them;
* a room's source number (``RoomDraft.number``, the text the source gives) is kept as its
  ``number`` unchanged; one that is not a pinned code (``model.CODE_PATTERN``, at most 16
  characters: no spaces) and one that an earlier room of the building already has are
  dropped, and the room is left unnumbered, with one note per building listing them;
* ids are slugs of source names (``[a-z0-9][a-z0-9_-]*``), unique within a building; the
  source's own id is kept in ``source_id``;
* at most one main entrance per site (the first one found); coordinates far from (0, 0) are
  shifted to the site and the shift is noted.

Nothing here invents a door, an exit, a label or a room number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .. import geo, model
from ..errors import LimitError
from ..model import DoorKind
from ..words import Ref
from ._door_rooms import NEAR_ROOM_M, doors_off_rooms, fill_between
from ._drafts import BuildingDraft, DoorDraft, RoomDraft, SiteFeatureDraft
from ._geometry import (
    OUTLINE_NOISE_M,
    BoundaryIndex,
    inside_point,
    largest_polygon,
    largest_ring_vertices,
    line_points,
    mm,
    mm_xy,
    on_grid,
    ring_points,
    snap_to_boundary,
    storey_outline,
)
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import Notes
from ._text import IdAllocator, as_code, clean_text

#: An exterior door further than this from the footprint outline is dropped (metres).
MAX_DOOR_SNAP_M = 2.0
#: An exterior window further than this from the footprint outline is dropped (metres).
MAX_WINDOW_SNAP_M = 1.0
#: A stair further than this outside the footprint is dropped (metres).
MAX_STAIR_SNAP_M = 2.0
#: Plan coordinates beyond this distance from (0, 0) are shifted to the site (metres).
MAX_PLAN_OFFSET_M = 20_000.0


def _clean_footprint(d: BuildingDraft, notes: Notes,
                     limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> Polygon | None:
    n = largest_ring_vertices(d.footprint)
    if n > limits.max_ring_vertices:
        # make_valid and the topology-preserving simplification grow faster than linearly
        raise LimitError(f"building '{d.name}': the outline has {n:,} vertices in one ring "
                         f"(limit max_ring_vertices = {limits.max_ring_vertices:,}); simplify "
                         "the outline in the source, or raise the limit")
    poly, rest = largest_polygon(d.footprint)
    if poly is None:
        notes.error("no-footprint", d.source_id or "", building=d.name)
        return None
    if rest:
        total = poly.area + sum(p.area for p in rest)
        parts = ", ".join(f"{p.area:,.0f} m²" for p in rest[:6])
        notes.warning("footprint-parts", d.source_id or "", building=d.name, n=len(rest) + 1,
                      total=total, largest=poly.area, others=parts)
    if not d.keep_holes and poly.interiors:
        holes = [Polygon(r) for r in poly.interiors]
        big = [h for h in holes if h.area >= 4.0]
        poly = Polygon(poly.exterior)
        if big:
            notes.info("holes-filled", d.source_id or "", building=d.name, n=len(big),
                       areas=", ".join(f"{h.area:,.0f} m²" for h in big[:5]))
    # drop slivers of holes, simplify collinear points, round to millimetres
    if poly.interiors:
        keep = [r for r in poly.interiors if Polygon(r).area >= 1.0]
        poly = Polygon(poly.exterior, keep)
    poly = poly.simplify(0.01, preserve_topology=True)
    best, _ = largest_polygon(on_grid(poly))
    if best is None or best.area < 1.0:
        notes.error("no-footprint", d.source_id or "", key="import.no-footprint-area",
                    building=d.name, area=poly.area)
        return None
    return orient(best, sign=-1.0)


def _listing(items: list[str], most: int = 12) -> str:
    """``items`` quoted and joined for a note, at most ``most`` of them.

    >>> _listing(["A 1", "B"]), _listing([str(i) for i in range(14)], 2)
    ("'A 1', 'B'", "'0', '1' …")
    """
    shown = ", ".join(f"'{t[:40]}'" for t in items[:most])
    return shown + (" …" if len(items) > most else "")


def _width(w: float | None, bad: list[float]) -> float | None:
    if w is None or not (w > 0 and math.isfinite(w)):
        return None
    if w > 10:
        bad.append(w)
        return None
    return round(w, 3)


#: The widest open passage (metres): the model's limit for a door's width.
MAX_OPENING_WIDTH_M = 50.0


def _opening_width(w: float | None) -> float | None:
    """An open passage's width (the length of the boundary it spans: an open-plan kitchen
    may be wider than any door), capped at :data:`MAX_OPENING_WIDTH_M`.

    >>> _opening_width(3.7149), _opening_width(80.0), _opening_width(0.0)
    (3.715, 50.0, None)
    """
    if w is None or not (w > 0 and math.isfinite(w)):
        return None
    return round(min(w, MAX_OPENING_WIDTH_M), 3)


def _storey_outlines(d: BuildingDraft, poly: Polygon, levels: set[int], notes: Notes,
                     limits: ImportLimits) -> dict[int, Polygon]:
    """level -> the storey's own outline (cleaned; only where it differs from the footprint)."""
    out: dict[int, Polygon] = {}
    for level, geom in sorted(d.storey_outlines.items()):
        if level not in levels or geom is None:
            continue
        n = largest_ring_vertices(geom)
        if n > limits.max_ring_vertices:
            notes.warning("storey-outline-unusable", d.source_id or "", building=d.name,
                          level=level, why=Ref.to("import.why-outline-vertices", n=n,
                                                  limit=limits.max_ring_vertices))
            continue
        own, status, overshoot = storey_outline(geom, poly)
        if overshoot >= 1.0:
            notes.info("storey-outline-clipped", d.source_id or "", building=d.name,
                       level=level, area=overshoot)
        if status in ("empty", "parts"):
            notes.warning("storey-outline-unusable", d.source_id or "", building=d.name,
                          level=level, why=Ref("import.why-outline-empty") if status == "empty"
                          else Ref("import.why-outline-parts"))
        if own is not None:
            out[level] = own
    return out


def _used_levels(d: BuildingDraft) -> set[int]:
    """The levels that an element of the source is on (whether or not it is kept)."""
    used = {e.level for e in d.doors} | {e.level for e in d.rooms}
    used |= {e.level for e in d.windows}
    used |= {lv for st in d.stairs for lv in st.levels}
    used |= {lv for f in d.features for lv in (f.levels or [f.level])}
    return used


def _drop_empty_storeys(d: BuildingDraft, out: dict, notes: Notes) -> None:
    """Leave out the storeys the source has nothing on (keeping the lowest when all are)."""
    used = _used_levels(d)
    keep = [s for s in out["storeys"] if s["level"] in used] or out["storeys"][:1]
    gone = [s for s in out["storeys"] if s not in keep]
    if gone:
        notes.info("storeys-empty", d.source_id or "", building=d.name, n=len(gone),
                   storeys=_listing([f"{s['name']} ({s['level']})" for s in gone]))
    out["storeys"] = keep


def _door_rooms(d: BuildingDraft, door_drafts: list[tuple[dict, DoorDraft]],
                room_of: dict[RoomDraft, tuple[str, int]], rooms: list[dict],
                notes: Notes) -> None:
    """The doors' ``between`` from the source, and one note for the inner doors that lie
    near no room outline of their storey (:mod:`._door_rooms`)."""
    _, too_many = fill_between(door_drafts, room_of)
    if too_many:
        notes.info("doors-many-rooms", building=d.name, n=too_many)
    off = doors_off_rooms([door for door, _ in door_drafts], rooms)
    if off:
        levels = sorted({door["level"] for door, _ in off})
        no_rooms = sum(1 for _, dist in off if math.isinf(dist))
        notes.warning("inner-doors-off-rooms", building=d.name, n=len(off),
                      total=sum(1 for door, _ in door_drafts if door["kind"] == "inner"),
                      distance=NEAR_ROOM_M, levels=", ".join(map(str, levels[:12]))
                      + (" …" if len(levels) > 12 else ""),
                      without=Ref.to("import.doors-on-storeys-without-rooms", n=no_rooms)
                      if no_rooms else "")


def _clip_to(rp: Polygon, outline: BaseGeometry, grown: BaseGeometry) -> tuple[Polygon | None, bool]:
    """``rp`` clipped to ``outline`` when it reaches past ``grown`` (outline + noise):
    (the polygon or None when nothing is left, whether it was clipped)."""
    if grown.contains(rp):
        return rp, False
    cut, _ = largest_polygon(rp.intersection(outline))
    if cut is None or cut.area < 0.05:
        return None, True
    return cut, True


def build_building(d: BuildingDraft, ids_seen: set[str], notes: Notes, *,
                   numbers_site: dict[str, str] | None = None,
                   max_door_snap_m: float = MAX_DOOR_SNAP_M,
                   limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> dict | None:
    """One building as plain site-file data, or None (with an error note) without an outline."""
    poly = _clean_footprint(d, notes, limits)
    if poly is None:
        return None
    if not d.storeys:
        notes.error("no-storeys", d.source_id or "", key="import.no-storeys-building",
                    building=d.name)
        return None
    levels = {lv for lv, _ in d.storeys}
    ids = IdAllocator()
    bid = IdAllocator()
    bid.used = ids_seen
    building_id = bid.new("", *d.id_hints, d.name, "building")
    boundary = BoundaryIndex(poly.boundary)
    inner = poly.buffer(-0.1)
    out: dict = {
        "id": building_id,
        "name": clean_text(d.name) or building_id,
        "footprint": [list(p) for p in ring_points(poly.exterior)],
    }
    if poly.interiors:
        out["courtyards"] = [[list(p) for p in ring_points(r)] for r in poly.interiors]
    outlines = _storey_outlines(d, poly, levels, notes, limits)
    out["storeys"] = []
    for level, n in sorted(d.storeys):
        storey: dict = {"level": level, "name": clean_text(n) or str(level)}
        if level in outlines:
            own = outlines[level]
            storey["outline"] = [list(p) for p in ring_points(own.exterior)]
            if own.interiors:
                storey["courtyards"] = [[list(p) for p in ring_points(r)] for r in own.interiors]
        out["storeys"].append(storey)
    if d.source_id:
        out["source_id"] = d.source_id

    def level_ok(level: int, what: Ref, sid: str | None) -> bool:
        if level in levels:
            return True
        notes.warning("level-unknown", sid or "", building=d.name, what=what, level=level)
        return False

    # doors
    doors = []
    moved: list[float] = []
    far: list[tuple[float, str]] = []
    bad_widths: list[float] = []
    door_drafts: list[tuple[dict, DoorDraft]] = []
    for dd in d.doors:
        if not level_ok(dd.level, Ref("import.what-door"), dd.source_id):
            continue
        at = dd.at
        if dd.kind != DoorKind.inner:
            at, dist = snap_to_boundary(boundary, dd.at)
            if dist > max_door_snap_m:
                far.append((dist, dd.source_id or "?"))
                continue
            if dist > 0.01:
                moved.append(dist)
        door = {"id": ids.new("d", *dd.id_hints, dd.source_id, "door"), "at": mm_xy(at),
                "level": dd.level, "kind": dd.kind.value}
        if dd.main:
            door["main"] = True
        opening = dd.opening and dd.kind == DoorKind.inner
        w = _opening_width(dd.width) if opening else _width(dd.width, bad_widths)
        if w is not None:
            door["width"] = w
        if opening:
            door["opening"] = True
        if dd.source_id:
            door["source_id"] = dd.source_id
        doors.append(door)
        door_drafts.append((door, dd))
    if far:
        notes.warning("door-off-outline", ", ".join(s for _, s in far[:8])
                      + (" …" if len(far) > 8 else ""), building=d.name, n=len(far),
                      nearest=min(far)[0], farthest=max(far)[0], snap=max_door_snap_m)
    if moved:
        notes.info("doors-snapped", building=d.name, n=len(moved), by=max(moved))
    out["doors"] = doors

    # stairs
    stairs = []
    for sd in d.stairs:
        lv = sorted({x for x in sd.levels if x in levels})
        if not lv:
            level_ok(sd.levels[0] if sd.levels else 0, Ref("import.what-stair"), sd.source_id)
            continue
        inside, dist = inside_point(poly, inner, sd.at)
        if dist > MAX_STAIR_SNAP_M or inside is None:
            notes.warning("stair-outside", sd.source_id or "", building=d.name, distance=dist)
            continue
        if dist > 0:
            notes.info("stair-moved", sd.source_id or "", building=d.name, distance=dist)
        st: dict = {"id": ids.new("st", *sd.id_hints, sd.source_id, "stair"), "at": mm_xy(inside),
                    "levels": lv}
        if clean_text(sd.name):
            st["name"] = clean_text(sd.name)
        if sd.source_id:
            st["source_id"] = sd.source_id
        stairs.append(st)
    out["stairs"] = stairs

    # rooms
    rooms = []
    grown = poly.buffer(OUTLINE_NOISE_M)
    shapely.prepare(grown)
    storey_grown = {lv: o.buffer(OUTLINE_NOISE_M) for lv, o in outlines.items()}
    for g in storey_grown.values():
        shapely.prepare(g)
    clipped = emptied = storey_clipped = storey_emptied = 0
    big_rooms: list[int] = []
    # source room numbers: kept as they are; one that is no pinned code (CODE_PATTERN) or that
    # a room before it already has is dropped, so that no two rooms share a code (nor, in
    # the site, two codes that differ only in upper/lower case: the model refuses those)
    site_numbers = {} if numbers_site is None else numbers_site
    numbers_seen: set[str] = set()
    unusable: list[str] = []
    duplicate: list[str] = []
    room_of: dict[RoomDraft, tuple[str, int]] = {}  # kept room draft -> (room id, level)
    for rd in d.rooms:
        if not level_ok(rd.level, Ref("import.what-room"), rd.source_id):
            continue
        rid = ids.new("r", *rd.id_hints, rd.source_id, "room")
        room: dict = {"id": rid, "level": rd.level}
        name = clean_text(rd.name)
        if name:
            room["name"] = name
        if largest_ring_vertices(rd.polygon) > limits.max_ring_vertices:
            big_rooms.append(largest_ring_vertices(rd.polygon))
            rp = None
        else:
            rp, _ = largest_polygon(rd.polygon)
        if rp is not None and not grown.contains(rp):
            rp, _ = largest_polygon(rp.intersection(poly))
            if rp is None or rp.area < 0.05:
                emptied += 1
                rp = None
            else:
                clipped += 1
        if rp is not None and rd.level in outlines:
            rp, cut = _clip_to(rp, outlines[rd.level], storey_grown[rd.level])
            storey_clipped += cut and rp is not None
            storey_emptied += rp is None
        if rp is not None:
            rp, _ = largest_polygon(on_grid(rp.simplify(0.005, preserve_topology=True)))
        if rp is not None and rp.area >= 0.01:
            room["polygon"] = [list(p) for p in ring_points(Polygon(rp.exterior).exterior)]
        if rd.number is not None:
            code = as_code(rd.number)
            if code is None:
                unusable.append(clean_text(rd.number) or str(rd.number))
            elif (code.casefold() in numbers_seen
                  or site_numbers.setdefault(code.casefold(), code) != code):
                duplicate.append(code)  # the same code, or one differing only in case
            else:
                numbers_seen.add(code.casefold())
                room["number"] = code
        if rd.use is not None:
            room["use"] = model.RoomUse(rd.use).value
        if rd.source_id:
            room["source_id"] = rd.source_id
        rooms.append(room)
        room_of[rd] = (rid, rd.level)
    if clipped:
        notes.info("rooms-clipped", building=d.name, n=clipped)
    if storey_clipped:
        notes.info("rooms-clipped-storey", building=d.name, n=storey_clipped)
    if storey_emptied:
        notes.warning("rooms-outside-storey", building=d.name, n=storey_emptied)
    if big_rooms:
        notes.warning("room-too-many-vertices", building=d.name, n=len(big_rooms),
                      most=max(big_rooms), limit=limits.max_ring_vertices)
    if emptied:
        notes.warning("rooms-outside", building=d.name, n=emptied)
    if unusable:
        notes.warning("room-numbers-unusable", building=d.name, n=len(unusable),
                      numbers=_listing(unusable))
    if duplicate:
        notes.warning("room-numbers-duplicate", building=d.name, n=len(duplicate),
                      numbers=_listing(sorted(set(duplicate))))
    out["rooms"] = rooms
    _door_rooms(d, door_drafts, room_of, rooms, notes)

    # windows
    windows = []
    dropped_w = 0
    for wd in d.windows:
        if not level_ok(wd.level, Ref("import.what-window"), wd.source_id):
            continue
        at, dist = snap_to_boundary(boundary, wd.at)
        if dist > MAX_WINDOW_SNAP_M:
            dropped_w += 1
            continue
        win = {"id": ids.new("w", *wd.id_hints, wd.source_id, "window"), "at": mm_xy(at),
               "level": wd.level}
        w = _width(wd.width, bad_widths)
        if w is not None:
            win["width"] = w
        if wd.source_id:
            win["source_id"] = wd.source_id
        windows.append(win)
    if dropped_w:
        notes.info("windows-off-outline", building=d.name, n=dropped_w, snap=MAX_WINDOW_SNAP_M)
    out["windows"] = windows
    if bad_widths:
        notes.warning("width-implausible", building=d.name, n=len(bad_widths),
                      least=min(bad_widths), most=max(bad_widths))

    features = []
    for fd in d.features:
        what = Ref.to("import.what-feature", kind=fd.kind.value)
        if fd.levels is None:
            if not level_ok(fd.level, what, fd.source_id):
                continue
            f: dict = {"kind": fd.kind.value, "at": mm_xy(fd.at), "level": fd.level}
        else:
            served = sorted({x for x in fd.levels if x in levels})
            if not served:
                level_ok(min(fd.levels, default=fd.level), what, fd.source_id)
                continue
            f = {"kind": fd.kind.value, "at": mm_xy(fd.at), "level": served[0],
                 "levels": served}
        if clean_text(fd.name):
            f["name"] = clean_text(fd.name)
        f["id"] = ids.new(fd.kind.value.replace("_", "-"), *fd.id_hints, fd.source_id)
        if fd.source_id:
            f["source_id"] = fd.source_id
        features.append(f)
    out["features"] = features
    _drop_empty_storeys(d, out, notes)
    return out


def _site_feature(sf: SiteFeatureDraft, limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
                  simplified: list[str] | None = None) -> dict | None:
    out: dict = {"kind": sf.kind.value}
    if clean_text(sf.name):
        out["name"] = clean_text(sf.name)
    if sf.kind in model.LINE_KINDS:
        g = sf.geometry
        if isinstance(g, MultiLineString):
            g = max(g.geoms, key=lambda x: x.length)
        if not isinstance(g, LineString) or g.length <= 0:
            return None
        pts, was = line_points(g, limits.max_line_points)
        if len(pts) < 2:
            return None
        if was and simplified is not None:
            simplified.append(sf.source_id or sf.name or sf.kind.value)
        out["line"] = pts
        if sf.source_id:
            out["source_id"] = sf.source_id
        return out
    n = largest_ring_vertices(sf.geometry)
    if n > limits.max_ring_vertices:
        if simplified is not None:
            simplified.append(sf.source_id or sf.name or sf.kind.value)
        return None
    g = on_grid(sf.geometry)
    if sf.kind in model.POINT_KINDS:
        c = g.centroid if not isinstance(g, Point) else g
        if c.is_empty:
            return None
        out["at"] = mm_xy((c.x, c.y))
    else:
        p, _ = largest_polygon(g)
        if p is None:
            return None
        out["polygon"] = [list(x) for x in ring_points(p.exterior)]
    if sf.source_id:
        out["source_id"] = sf.source_id
    return out


def _shift(data: dict, dx: float, dy: float) -> None:
    def pt(p):
        return [mm(p[0] - dx), mm(p[1] - dy)]

    for b in data["buildings"]:
        b["footprint"] = [pt(p) for p in b["footprint"]]
        if "courtyards" in b:
            b["courtyards"] = [[pt(p) for p in c] for c in b["courtyards"]]
        for s in b["storeys"]:
            if "outline" in s:
                s["outline"] = [pt(p) for p in s["outline"]]
            if "courtyards" in s:
                s["courtyards"] = [[pt(p) for p in c] for c in s["courtyards"]]
        for key in ("doors", "stairs", "windows", "features"):
            for e in b.get(key, []):
                e["at"] = pt(e["at"])
        for r in b.get("rooms", []):
            if "polygon" in r:
                r["polygon"] = [pt(p) for p in r["polygon"]]
    for f in data.get("site_features", []):
        for k in ("line", "polygon"):
            if k in f:
                f[k] = [pt(p) for p in f[k]]
        if "at" in f:
            f["at"] = pt(f["at"])


def _north(north_deg: float) -> float:
    """A bearing as the site file stores it: degrees in [0, 360), to 0.001°."""
    north = round(float(north_deg) % 360.0, 3)
    if north >= 360.0 or abs(north) < 1e-9:
        north = 0.0
    return north


def assemble_site(*, name: str, drafts: Iterable[BuildingDraft], notes: Notes,
                  origin: tuple[float, float] | None = None, north_deg: float = 0.0,
                  site_features: Iterable[SiteFeatureDraft] = (), address: str | None = None,
                  max_door_snap_m: float = MAX_DOOR_SNAP_M,
                  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
                  crs: dict | None = None) -> dict:
    """The whole site as plain data in the shape of ``orientation/site@1``.

    ``crs``: ``site.crs`` data (a projected CRS with the plan's placement, from an IFC map
    conversion); it is kept instead of ``origin`` and moves with the plan when it is shifted.

    Adds the site-wide notes: no doors at all, no exterior door, no main entrance, several
    main entrances (the first is kept).
    """
    seen: set[str] = set()
    numbers_site: dict[str, str] = {}  # room numbers of all buildings, casefolded -> as kept
    buildings = []
    for d in drafts:
        b = build_building(d, seen, notes, numbers_site=numbers_site,
                           max_door_snap_m=max_door_snap_m, limits=limits)
        if b is not None:
            buildings.append(b)
    info: dict = {"name": clean_text(name) or "Imported site"}
    if clean_text(address):
        info["address"] = clean_text(address)
    info["north_deg"] = _north(north_deg)
    data: dict = {"format": model.FORMAT, "site": info, "buildings": buildings}
    simplified: list[str] = []
    feats = [f for f in (_site_feature(s, limits, simplified) for s in site_features)
             if f is not None]
    if simplified:
        notes.warning("site-feature-simplified",
                      ", ".join(simplified[:8]) + (" …" if len(simplified) > 8 else ""),
                      n=len(simplified), line_limit=limits.max_line_points,
                      ring_limit=limits.max_ring_vertices)
    if feats:
        data["site_features"] = feats
    if not buildings:
        if crs is not None:
            info["crs"] = crs
        elif origin is not None:
            info["origin"] = {"lat": round(origin[0], 7), "lon": round(origin[1], 7)}
        return data

    # far from (0, 0): shift the plan to the site and move the geo anchor with it
    xs = [p[0] for b in buildings for p in b["footprint"]]
    ys = [p[1] for b in buildings for p in b["footprint"]]
    if max(abs(min(xs)), abs(max(xs)), abs(min(ys)), abs(max(ys))) > MAX_PLAN_OFFSET_M:
        dx, dy = math.floor(min(xs)), math.floor(min(ys))
        _shift(data, dx, dy)
        notes.warning("plan-shifted", km=math.hypot(dx, dy) / 1000, dx=-dx, dy=-dy)
        if crs is not None:
            # the placement moves to where plan point (dx, dy) lies in the CRS; the grid
            # bearing of +y stays
            crs = geo.shifted_crs(crs, (dx, dy))
        elif origin is not None:
            # the same places on the earth: the origin moves to plan point (dx, dy), and north
            # turns by the meridian convergence between the two
            origin, north_deg = geo.shifted_frame(origin, north_deg, (dx, dy))
            info["north_deg"] = _north(north_deg)
    if crs is not None:
        info["crs"] = crs
    elif origin is not None:
        info["origin"] = {"lat": round(origin[0], 7), "lon": round(origin[1], 7)}

    # one main entrance per site
    mains = [(b, d) for b in buildings for d in b["doors"] if d.get("main")]
    for _, d in mains[1:]:
        d.pop("main")
    if len(mains) > 1:
        notes.warning("several-main-entrances", n=len(mains), door=mains[0][1]["id"],
                      building=mains[0][0]["id"])
    all_doors = [d for b in buildings for d in b["doors"]]
    exterior = [d for d in all_doors if d["kind"] != DoorKind.inner.value]
    if not all_doors:
        notes.error("no-doors")
    elif not exterior:
        notes.error("no-exterior-doors", n=len(all_doors))
    if exterior and not mains:
        notes.warning("no-main-entrance")
    return data


__all__ = ["MAX_DOOR_SNAP_M", "MAX_PLAN_OFFSET_M", "MAX_STAIR_SNAP_M", "MAX_WINDOW_SNAP_M",
           "assemble_site", "build_building"]
