"""IFC import (ifcopenshell, extra ``ifc``; IFC2X3 and IFC4; any length unit).

* **units**: attribute lengths (storey elevations, door widths) are scaled with
  ``ifcopenshell.util.unit.calculate_unit_scale``; the geometry kernel returns metres.
* **storeys**: ``IfcBuildingStorey`` with name and elevation. Levels follow elevation order;
  the ground storey (level 0) is the one named like a ground floor (``Erdgeschoss``, ``EG``,
  ``Ground floor``, ``Rez-de-chaussée``, ``Level 0`` …, else ``Level 1``/``L1`` as in Revit),
  else the one whose elevation is closest to 0.
* **footprint**: the plan outline of the ground storey's walls (incl. curtain walls) and
  spaces, from the multi-threaded geometry iterator with world coordinates and without opening
  subtraction; slabs are not used (terraces and overhangs distort them). Holes are filled.
* **rooms**: ``IfcSpace``. The rule for the room number: a space with a ``LongName`` has that
  as its name and its ``Name`` as its number; a space without ``LongName`` has its ``Name``
  as its number when it looks like one (a code with a digit: ``1.07``, ``B013``), else as its
  name. Unless rooms are renumbered, the number is kept as it is (one that is no valid code is
  left out with a note, see :mod:`orientation.io._assemble`).
* **doors**: a door is exterior when ``Pset_DoorCommon.IsExternal`` is true, else when a space
  boundary (``IfcRelSpaceBoundary``) of it is ``EXTERNAL``, else - when it has no space
  boundaries - when it (or the opening it fills) touches the footprint outline. The flag alone
  is never trusted to say *interior*: Revit writes ``IsExternal = False`` on every door.
  Exterior doors are ``entrance`` unless ``Pset_DoorCommon.FireExit`` is true
  (``emergency_exit``); IFC has no main-entrance flag, so none is marked. Exterior doors of
  upper storeys (balconies, bridges) are imported as inner doors with a note: an importer does
  not turn a balcony door into an entrance.
* **windows**: exterior windows (same tests), placed on the outline; **stairs**: ``IfcStair``
  (or loose flights) with the storeys their height spans; elevators (``IfcTransportElement``)
  as features.
* **site**: ``IfcSite.RefLatitude/RefLongitude`` become ``site.origin`` unless they look like
  an authoring-tool default (0/0, Revit's Boston), which is warned about and left out; the
  model context's ``TrueNorth`` gives ``site.north_deg``.
* Models without storeys or spaces (the Barcelona Pavilion) give one storey with notes; a model
  without walls or spaces cannot give an outline and is refused with a message.
"""

from __future__ import annotations

import math
import multiprocessing
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPoint
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..errors import ImportError_, MissingDependencyError
from ..model import DoorKind, FeatureKind
from ..words import Ref
from ._assemble import assemble_site
from ._drafts import BuildingDraft, DoorDraft, FeatureDraft, RoomDraft, StairDraft, WindowDraft
from ._geometry import BoundaryIndex, largest_polygon, polygons_of
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import Notes
from ._step import check_step
from ._text import as_code, clean_text

_GROUND_RE = re.compile(r"^\s*(erdgeschoss|eg|e0|00|ground|ground floor|ground level|"
                        r"level 0|level 00|l0|rez-de-chauss[ée]e|rdc|planta baja|piano terra|"
                        r"begane grond|parterre|bottenv[åa]ning)\s*$", re.I)
_LEVEL1_RE = re.compile(r"^\s*(level 1|level 01|l1|l01|1st floor|floor 1|ebene 1)\s*$", re.I)
_PLACEHOLDER = re.compile(r"^\s*//.*//\s*$|^\s*(default|unnamed|none|null)\s*$", re.I)
#: Positions that authoring tools write when nobody set the site's location: (lat, lon, the
#: catalogue key of the tool's default, ``import.default-*``).
DEFAULT_LOCATIONS = ((0.0, 0.0, "import.default-zero"),
                     (42.3584, -71.0597, "import.default-revit"))


@dataclass
class _Shape:
    plan: BaseGeometry  # in plan metres
    zmin: float
    zmax: float


def _import_ifcopenshell():
    try:
        import ifcopenshell
        import ifcopenshell.geom
        import ifcopenshell.util.element
        import ifcopenshell.util.placement
        import ifcopenshell.util.unit
    except ImportError:
        raise MissingDependencyError("importing IFC files", "ifc") from None
    return ifcopenshell


def _name(v) -> str | None:
    t = clean_text(v)
    if t is None or _PLACEHOLDER.match(t):
        return None
    return t


def _angle(v) -> float | None:
    """An IfcCompoundPlaneAngleMeasure (deg, min, sec, millionths) as decimal degrees."""
    if not v:
        return None
    parts = list(v) + [0, 0, 0, 0]
    d, m, s, us = (float(x) for x in parts[:4])
    return d + m / 60 + s / 3600 + us / 3.6e9


def _plan_of_mesh(verts: np.ndarray, faces: np.ndarray, *, exact: bool):
    xy = verts[:, :2]
    if not exact or len(faces) == 0:
        if len(xy) < 3:
            return None
        hull = MultiPoint(xy).convex_hull
        return hull if hull.area > 0 else hull.buffer(0.05)
    tri = xy[faces]  # (m, 3, 2)
    cross = ((tri[:, 1, 0] - tri[:, 0, 0]) * (tri[:, 2, 1] - tri[:, 0, 1])
             - (tri[:, 1, 1] - tri[:, 0, 1]) * (tri[:, 2, 0] - tri[:, 0, 0]))
    tri = tri[np.abs(cross) > 1e-8]
    if len(tri) == 0:
        return None
    rings = np.concatenate([tri, tri[:, :1]], axis=1)
    polys = shapely.polygons(rings)
    return shapely.union_all(polys, grid_size=0.001)


def _tessellate(ifcopenshell, f, elements: list, exact_ids: set[int],
                shapes: dict[int, _Shape]) -> None:
    """Plan shapes of ``elements`` into ``shapes`` (by STEP id), with the multi-threaded
    iterator: world coordinates in metres, no opening subtraction, coarse curves."""
    if not elements:
        return
    settings = ifcopenshell.geom.settings()
    settings.set("use-world-coords", True)
    settings.set("disable-opening-subtractions", True)
    settings.set("mesher-angular-deflection", 0.5)  # plan outlines need no smooth curves
    try:
        it = ifcopenshell.geom.iterator(settings, f, max(1, multiprocessing.cpu_count()),
                                        include=elements)
        ok = it.initialize()
    except Exception:  # noqa: BLE001 - elements without geometry are reported by the caller
        return
    while ok:
        sh = it.get()
        try:
            v = np.asarray(sh.geometry.verts, dtype=float).reshape(-1, 3)
            fc = np.asarray(sh.geometry.faces, dtype=int).reshape(-1, 3)
            if len(v):
                plan = _plan_of_mesh(v, fc, exact=sh.id in exact_ids)
                if plan is not None and not plan.is_empty:
                    shapes[sh.id] = _Shape(plan, float(v[:, 2].min()), float(v[:, 2].max()))
        except (ValueError, shapely.errors.GEOSException):
            pass
        if not it.next():
            break


def read_ifc(path: Path, *, file: str, notes: Notes, keep_room_numbers: bool = False,
             limits: ImportLimits = DEFAULT_IMPORT_LIMITS, data: bytes | None = None) -> dict:
    """Read an IFC model into site-file data (see the module docstring). ``data`` is the
    file's content when it is not read from ``path`` (an upload)."""
    ifcopenshell = _import_ifcopenshell()
    from ifcopenshell.util import element as uel
    from ifcopenshell.util import placement as upl
    from ifcopenshell.util import unit as uunit

    if data is None:
        from .importing import read_source

        data = read_source(path, file, limits)
    check_step(data, file=file, limits=limits)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # STEP is ISO 8859-1 with escapes; some tools write 8-bit
    del data
    try:
        f = ifcopenshell.file.from_string(text)
    except Exception as exc:  # noqa: BLE001 - ifcopenshell raises many kinds on bad files
        raise ImportError_(f"{file}: not a readable IFC file ({type(exc).__name__}: "
                           f"{str(exc)[:200]}); export it again as IFC2X3 or IFC4") from None
    if f.schema not in ("IFC2X3", "IFC4", "IFC4X3", "IFC4X3_ADD2"):
        notes.warning("ifc-schema", schema=str(f.schema))
    scale = uunit.calculate_unit_scale(f) or 1.0

    # --- spatial structure --------------------------------------------------------------------
    def parent(el):
        return uel.get_container(el) or uel.get_aggregate(el)

    def storey_of(el):
        x = el
        for _ in range(8):
            if x is None:
                return None
            if x.is_a("IfcBuildingStorey"):
                return x
            nxt = parent(x)
            if nxt is None and x.is_a("IfcElement"):
                # a door or window may only be related to its opening
                fills = getattr(x, "FillsVoids", None) or ()
                for rel in fills:
                    for v in getattr(rel.RelatingOpeningElement, "VoidsElements", ()) or ():
                        nxt = v.RelatingBuildingElement
            x = nxt
        return None

    def building_of(el):
        x = el
        for _ in range(10):
            if x is None:
                return None
            if x.is_a("IfcBuilding"):
                return x
            x = parent(x)
        return None

    ifc_buildings = list(f.by_type("IfcBuilding"))
    storeys = list(f.by_type("IfcBuildingStorey"))

    def elevation(s) -> float:
        if s.Elevation is not None:
            return float(s.Elevation) * scale
        try:
            return float(upl.get_local_placement(s.ObjectPlacement)[2][3]) * scale
        except Exception:  # noqa: BLE001 - a storey without placement is at 0
            return 0.0

    by_building: dict[int, list] = defaultdict(list)
    for s in storeys:
        b = building_of(s)
        by_building[b.id() if b else 0].append(s)

    storey_level: dict[int, int] = {}
    storey_elev: dict[int, float] = {}
    building_storeys: dict[int, list[tuple[int, str]]] = {}
    for bkey, ss in by_building.items():
        ss.sort(key=lambda s: (elevation(s), s.Name or ""))
        ground = next((i for i, s in enumerate(ss) if _GROUND_RE.match(s.Name or "")
                       or _GROUND_RE.match(s.LongName or "")), None)
        if ground is None:
            ground = next((i for i, s in enumerate(ss) if _LEVEL1_RE.match(s.Name or "")), None)
        if ground is None:
            ground = min(range(len(ss)), key=lambda i: (abs(elevation(ss[i])), -elevation(ss[i])))
        out = []
        for i, s in enumerate(ss):
            lv = max(-9, min(199, i - ground))
            storey_level[s.id()] = lv
            storey_elev[s.id()] = elevation(s)
            out.append((lv, _name(s.Name) or _name(s.LongName) or str(lv)))
        # two storeys clamped onto the same level keep the first
        seen: set[int] = set()
        kept: list[tuple[int, str]] = []
        for lv, n in out:
            if lv not in seen:
                seen.add(lv)
                kept.append((lv, n))
        building_storeys[bkey] = kept
        names = ", ".join(f"{n} ({storey_elev[s.id()]:+.2f} m) = {storey_level[s.id()]}"
                          for s, (_, n) in zip(ss, out))
        notes.info("ifc-storeys", storeys=names, ground=str(out[ground][1]))

    if not storeys:
        notes.warning("no-storeys")
    if not f.by_type("IfcSpace"):
        notes.warning("no-spaces")

    def building_key(el) -> int:
        s = storey_of(el)
        if s is not None:
            b = building_of(s)
            return b.id() if b else 0
        b = building_of(el)
        if b is not None and (b.id() in by_building or not by_building):
            return b.id()
        return next(iter(by_building), ifc_buildings[0].id() if ifc_buildings else 0)

    # --- geometry -----------------------------------------------------------------------------
    walls = [w for t in ("IfcWall", "IfcCurtainWall") for w in f.by_type(t)]
    for cw in f.by_type("IfcCurtainWall"):
        walls.extend(uel.get_decomposition(cw))
    spaces = list(f.by_type("IfcSpace"))
    doors = list(f.by_type("IfcDoor"))
    windows = list(f.by_type("IfcWindow"))
    stairs = list(f.by_type("IfcStair"))
    flights = list(f.by_type("IfcStairFlight"))
    lifts = [t for t in f.by_type("IfcTransportElement")
             if str(getattr(t, "PredefinedType", "") or getattr(t, "OperationType", "") or "")
             .upper() in ("ELEVATOR", "LIFT", "")]
    # doors and windows are placed by the opening they fill: a box through the wall, cheap to
    # tessellate and spanning the wall's thickness (so it touches the outer face); only those
    # without an opening (or whose opening has no shape) are tessellated themselves
    opening_of: dict[int, Any] = {}  # ifcopenshell entities
    for el in doors + windows:
        for rel in getattr(el, "FillsVoids", ()) or ():
            opening_of[el.id()] = rel.RelatingOpeningElement
    exact_ids = {e.id() for e in walls} | {e.id() for e in spaces}
    first = walls + spaces + stairs + flights + lifts + list(opening_of.values()) + [
        e for e in doors + windows if e.id() not in opening_of]
    first = list({e.id(): e for e in first}.values())
    shapes: dict[int, _Shape] = {}
    _tessellate(ifcopenshell, f, first, exact_ids, shapes)
    for el in doors + windows:
        op = opening_of.get(el.id())
        if op is not None and op.id() in shapes:
            shapes[el.id()] = shapes[op.id()]
    _tessellate(ifcopenshell, f, [e for e in doors + windows if e.id() not in shapes],
                exact_ids, shapes)
    if not shapes and (walls or spaces):
        raise ImportError_(f"{file}: the geometry of the model could not be read (no walls or "
                           "spaces with a shape); check the file in an IFC viewer")

    # --- buildings ----------------------------------------------------------------------------
    keys: list[int] = list(by_building) or ([ifc_buildings[0].id()] if ifc_buildings else [0])
    key_name = {b.id(): _name(b.Name) or _name(b.LongName) for b in ifc_buildings}
    project = (f.by_type("IfcProject") or [None])[0]
    project_name = (_name(project.LongName) or _name(project.Name)) if project is not None else None
    site_name = (key_name.get(keys[0]) if len(keys) == 1 else None) or project_name or path.stem

    def level_of(el, zmin: float | None, bkey: int) -> int:
        s = storey_of(el)
        if s is not None and s.id() in storey_level:
            return storey_level[s.id()]
        levels = building_storeys.get(bkey) or [(0, "0")]
        if zmin is None or bkey not in by_building:
            return 0 if any(lv == 0 for lv, _ in levels) else levels[0][0]
        ss = by_building[bkey]
        below = [s for s in ss if storey_elev[s.id()] <= zmin + 0.1]
        return storey_level[(below[-1] if below else ss[0]).id()]

    def ground_storey_ids(bkey: int) -> set[int]:
        return {s.id() for s in by_building.get(bkey, []) if storey_level.get(s.id()) == 0}

    sb_kind: dict[int, set[str]] = defaultdict(set)
    for rel in f.by_type("IfcRelSpaceBoundary"):
        el = rel.RelatedBuildingElement
        if el is not None:
            sb_kind[el.id()].add(str(rel.InternalOrExternalBoundary or "").upper())

    drafts: list[BuildingDraft] = []
    for bkey in keys:
        def mine(els, _k=bkey):
            return [e for e in els if (building_key(e) == _k or len(keys) == 1)]

        g_ids = ground_storey_ids(bkey)
        outline_src = [e for e in mine(walls + spaces)
                       if e.id() in shapes and (not g_ids or (storey_of(e) is not None
                                                              and storey_of(e).id() in g_ids))]
        if not outline_src:
            outline_src = [e for e in mine(walls + spaces) if e.id() in shapes]
            if g_ids and outline_src:
                notes.warning("ifc-footprint-all-storeys")
        if not outline_src:
            raise ImportError_(f"{file}: no walls or spaces with geometry, so there is no "
                               "building outline to import; a model needs at least its walls")
        u = shapely.union_all([shapes[e.id()].plan for e in outline_src], grid_size=0.001)
        u = u.buffer(0.05, join_style="mitre").buffer(-0.05, join_style="mitre")
        parts = [shapely.Polygon(p.exterior) for p in polygons_of(u)]
        if not parts:
            raise ImportError_(f"{file}: the walls and spaces have no plan area, so there is no "
                               "building outline to import")
        filled = unary_union(parts)
        if not any(e.is_a("IfcSpace") for e in outline_src) and filled.area < 1.5 * u.area:
            raise ImportError_(
                f"{file}: no building outline can be derived: the model has "
                f"{'no storeys, ' if not storeys else ''}no spaces (IfcSpace), and its "
                f"{len(walls)} wall(s) do not enclose an interior (free-standing walls); "
                f"found {len(doors)} door(s), {len(windows)} window(s), {len(stairs)} stair(s). "
                "Draw the footprint and doors in a site file by hand, or add spaces and storeys "
                "in the BIM tool and export again")
        # exterior tests use every part of the outline: a door of a part that is left out of
        # the footprint is still an exterior door (and is then reported, not made inner)
        boundary = BoundaryIndex(filled.boundary)

        levels = building_storeys.get(bkey) or [(0, "0")]
        bname = key_name.get(bkey) or site_name
        b_ifc = next((b for b in ifc_buildings if b.id() == bkey), None)
        d = BuildingDraft(name=bname, footprint=u, storeys=levels, id_hints=(bname,),
                          source_id=b_ifc.GlobalId if b_ifc is not None else None, keep_holes=False)

        def psets(el):
            try:
                return uel.get_psets(el)
            except Exception:  # noqa: BLE001 - broken property sets are just absent
                return {}

        def touches_outline(sh: _Shape, _boundary=boundary) -> bool:
            return _boundary.within(sh.plan, 0.02)

        # doors
        how: dict[str, int] = defaultdict(int)
        upper = 0
        for door in mine(doors):
            sh = shapes.get(door.id())
            if sh is None:
                how["without geometry (skipped)"] += 1
                continue
            common = psets(door).get("Pset_DoorCommon", {})
            if common.get("IsExternal") is True:
                exterior, why = True, "IsExternal"
            elif door.id() in sb_kind:
                exterior = any(k.startswith("EXTERNAL") for k in sb_kind[door.id()])
                why = "space boundaries"
            else:
                exterior, why = touches_outline(sh), "geometry"
            level = level_of(door, sh.zmin, bkey)
            c = sh.plan.centroid
            if exterior and level > 0:
                upper += 1
                exterior = False
            kind = DoorKind.inner
            if exterior:
                kind = DoorKind.emergency_exit if common.get("FireExit") is True else DoorKind.entrance
                how[why] += 1
            width = door.OverallWidth * scale if getattr(door, "OverallWidth", None) else None
            d.doors.append(DoorDraft(at=(c.x, c.y), level=level, kind=kind, width=width,
                                     id_hints=(_name(door.Name), door.GlobalId),
                                     source_id=door.GlobalId))
        n_ext = sum(v for k, v in how.items() if not k.startswith("without"))
        if doors:
            notes.info("ifc-exterior-doors", building=bname, n=n_ext, total=len(mine(doors)),
                       how=Ref.to("import.ifc-found-by", ways=", ".join(
                           f"{k} ({v})" for k, v in how.items())) if how else "")
        if upper:
            notes.warning("ifc-upper-exterior-doors", building=bname, n=upper)

        # windows
        for win in mine(windows):
            sh = shapes.get(win.id())
            if sh is None:
                continue
            common = psets(win).get("Pset_WindowCommon", {})
            if common.get("IsExternal") is True:
                exterior = True
            elif win.id() in sb_kind:
                exterior = any(k.startswith("EXTERNAL") for k in sb_kind[win.id()])
            else:
                exterior = boundary.within(sh.plan, 0.5)
            if not exterior:
                continue
            c = sh.plan.centroid
            width = win.OverallWidth * scale if getattr(win, "OverallWidth", None) else None
            d.windows.append(WindowDraft(at=(c.x, c.y), level=level_of(win, sh.zmin, bkey),
                                         width=width, id_hints=(_name(win.Name), win.GlobalId),
                                         source_id=win.GlobalId))

        # stairs: IfcStair with its flights, and loose flights
        in_stair: set[int] = set()
        stair_items = []
        for st in mine(stairs):
            parts = [p for p in uel.get_decomposition(st) if p.id() in shapes]
            in_stair.update(p.id() for p in parts)
            geoms = [shapes[x.id()] for x in [st, *parts] if x.id() in shapes]
            if geoms:
                stair_items.append((st, geoms))
        for fl in mine(flights):
            if fl.id() not in in_stair and fl.id() in shapes:
                agg = uel.get_aggregate(fl)
                if agg is not None and agg.is_a("IfcStair"):
                    continue
                stair_items.append((fl, [shapes[fl.id()]]))
        for st, geoms in stair_items:
            plan = unary_union([g.plan for g in geoms])
            zmin = min(g.zmin for g in geoms)
            zmax = max(g.zmax for g in geoms)
            served = {level_of(st, zmin, bkey)}
            for s in by_building.get(bkey, []):
                if zmin - 0.3 <= storey_elev[s.id()] <= zmax + 0.3:
                    served.add(storey_level[s.id()])
            c = plan.centroid
            d.stairs.append(StairDraft(at=(c.x, c.y), levels=sorted(served), name=_name(st.Name),
                                       id_hints=(_name(st.Name), st.GlobalId),
                                       source_id=st.GlobalId))

        # spaces
        for sp in mine(spaces):
            sh = shapes.get(sp.id())
            name_attr = _name(sp.Name)
            long_name = _name(getattr(sp, "LongName", None))
            if long_name:
                name, number = long_name, name_attr
            elif name_attr and as_code(name_attr) and any(ch.isdigit() for ch in name_attr):
                name, number = None, name_attr
            else:
                name, number = name_attr, None
            poly, _ = largest_polygon(sh.plan) if sh is not None else (None, [])
            d.rooms.append(RoomDraft(level=level_of(sp, sh.zmin if sh else None, bkey),
                                     polygon=poly, name=name,
                                     number=number if keep_room_numbers else None,
                                     id_hints=(number, name, sp.GlobalId),
                                     source_id=sp.GlobalId))

        for lift in mine(lifts):
            sh = shapes.get(lift.id())
            if sh is None:
                continue
            c = sh.plan.centroid
            d.features.append(FeatureDraft(kind=FeatureKind.elevator, at=(c.x, c.y),
                                           level=level_of(lift, sh.zmin, bkey),
                                           name=_name(lift.Name), id_hints=(lift.GlobalId,),
                                           source_id=lift.GlobalId))
        drafts.append(d)

    # --- site position and north --------------------------------------------------------------
    origin = None
    for site in f.by_type("IfcSite"):
        lat, lon = _angle(site.RefLatitude), _angle(site.RefLongitude)
        if lat is None or lon is None:
            continue
        default = next((label for la, lo, label in DEFAULT_LOCATIONS
                        if abs(lat - la) < 0.05 and abs(lon - lo) < 0.05), None)
        if default:
            notes.warning("origin-default", site.GlobalId, lat=lat, lon=lon,
                          default=Ref(default))
        elif -90 <= lat <= 90 and -180 <= lon <= 180:
            origin = (lat, lon)
        break
    if origin is None and not notes.has("origin-default"):
        notes.info("no-origin")
    north = 0.0
    for ctx in f.by_type("IfcGeometricRepresentationContext"):
        if ctx.is_a("IfcGeometricRepresentationSubContext"):
            continue
        tn = getattr(ctx, "TrueNorth", None)
        if tn is not None and tn.DirectionRatios and len(tn.DirectionRatios) >= 2:
            tx, ty = float(tn.DirectionRatios[0]), float(tn.DirectionRatios[1])
            if math.hypot(tx, ty) > 0:
                north = math.degrees(math.atan2(-tx, ty))
            break

    return assemble_site(name=site_name, drafts=drafts, notes=notes, origin=origin,
                         north_deg=north, limits=limits)


__all__ = ["DEFAULT_LOCATIONS", "check_step", "read_ifc"]

