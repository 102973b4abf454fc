"""IFC import (ifcopenshell, extra ``ifc``; IFC2X3 and IFC4; any length unit).

* **units**: attribute lengths (storey elevations, door widths) are scaled with
  ``ifcopenshell.util.unit.calculate_unit_scale``; the geometry kernel returns metres.
* **storeys**: ``IfcBuildingStorey`` with name and elevation. Levels follow elevation order;
  the ground storey (level 0) is the one named like a ground floor (``Erdgeschoss``, ``EG``,
  ``Ground floor``, ``Rez-de-chaussée``, ``Level 0`` …, else ``Level 1``/``L1`` as in Revit),
  else the one whose elevation is closest to 0. A storey is given only what the model puts
  on it (a foundation or roof storey with nothing on it is left out when the site is built).
  Each storey's own outline comes from its floor slabs, else its spaces, with its walls
  (:mod:`._ifc_storeys`).
* **footprint**: the plan outline of the ground storey's walls (incl. curtain walls) and
  spaces, from the multi-threaded geometry iterator with world coordinates and without opening
  subtraction; slabs are not used (terraces and overhangs distort them). Holes are filled. A
  ground storey that falls into separate parts each holding rooms or doors (two wings) gives
  one building per part, with a note.
* **rooms**: ``IfcSpace``. The rule for the room number: a space with a ``LongName`` has that
  as its name and its ``Name`` as its number; a space without ``LongName`` has its ``Name``
  as its number when it looks like one (a code with a digit: ``1.07``, ``B013``), else as its
  name. Unless rooms are renumbered, the number is kept as it is (one that is no valid code is
  left out with a note, see :mod:`orientation.io._assemble`). The room's use comes from the
  space's words (:mod:`._ifc_uses`); the spaces whose use no word names are listed in one
  note. A stairwell or lift shaft (use ``stair``/``lift``) gets no room number.
* **doors**: a door is exterior when ``Pset_DoorCommon.IsExternal`` is true, else when a space
  boundary (``IfcRelSpaceBoundary``) of it is ``EXTERNAL``, else - when it has no space
  boundaries - when it (or the opening it fills) touches the footprint outline. The flag alone
  is never trusted to say *interior*: Revit writes ``IsExternal = False`` on every door.
  A door's ``between`` are the spaces its space boundaries bound (``RelatingSpace``): two
  for a door between rooms, one for an exterior door; a model without space boundaries
  gives none (the layout finds the rooms from their outlines).
  Exterior doors are ``entrance`` unless ``Pset_DoorCommon.FireExit`` is true
  (``emergency_exit``); IFC has no main-entrance flag, so none is marked. Exterior doors of
  upper storeys (balconies, bridges) are imported as inner doors with a note: an importer does
  not turn a balcony door into an entrance.
* **open passages**: an ``IfcVirtualElement`` whose space boundaries bound two spaces of one
  storey (an open-plan kitchen and the living room) is an inner door with ``opening: true``
  between them, at the middle of the boundary their outlines share, as wide as it is long
  (:mod:`._ifc_openings`); one note per building counts them and those that give none.
* **windows**: exterior windows (same tests), placed on the outline.
* **stairs**: ``IfcStair`` (or loose flights) with the storeys their height spans; stairs
  stacked over each other, and the stairwell spaces around them, are one stair over all
  their storeys. **lifts**: ``IfcTransportElement`` (elevators) with the storeys they span
  and their shaft spaces: one ``elevator`` feature with ``levels``. Stairwells and lift
  shafts without a stair or lift element in them give one too (with a note).
* **site**: an ``IfcMapConversion`` to an ``IfcProjectedCRS`` becomes ``site.crs`` (see
  :func:`._ifc_site.map_conversion`); else ``IfcSite.RefLatitude/RefLongitude`` become
  ``site.origin`` unless they look like an authoring-tool default (0/0, Revit's Boston),
  which is warned about and left out; the model context's ``TrueNorth`` gives
  ``site.north_deg``.
* Models without storeys or spaces (the Barcelona Pavilion) give one storey with notes; a model
  without walls or spaces cannot give an outline and is refused with a message.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..errors import ImportError_, MissingDependencyError
from ..model import DoorKind, FeatureKind, RoomUse
from ..words import Ref
from ._assemble import assemble_site
from ._drafts import BuildingDraft, DoorDraft, FeatureDraft, RoomDraft, StairDraft, WindowDraft
from ._geometry import BoundaryIndex, largest_polygon, polygons_of
from ._ifc_openings import passages
from ._ifc_shapes import Shape, tessellate
from ._ifc_site import (
    DEFAULT_LOCATIONS,
    angle,
    ground_index,
    map_conversion,
    north_of,
    site_origin,
    true_north,
)
from ._ifc_storeys import (
    Vertical,
    floor_slabs,
    is_floor_slab,
    nearest_part,
    separate_parts,
    stack_head,
    stacks,
    storey_outline,
)
from ._ifc_uses import ifc_name, is_lift, space_texts, use_of_texts
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import Notes
from ._step import check_step
from ._text import as_code

#: A stair ends this close above or below a storey's elevation and still serves it (metres).
STAIR_REACH_M = 0.3
#: A lift serves the storeys whose floor lies this far below its top (a cabin reaches
#: nearly to the storey above; a shaft rises past the top floor) (metres).
LIFT_TOP_M = 0.5


@dataclass
class IfcDrafts:
    """What an IFC model reads into, before the site is built from it."""

    name: str
    buildings: list[BuildingDraft]
    origin: tuple[float, float] | None
    north_deg: float
    #: ``site.crs`` from the model's IfcMapConversion, or None
    crs: dict | None = None


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


_name = ifc_name
_angle = angle  # the name the tests know


def read_ifc(path: Path, *, file: str, notes: Notes, keep_room_numbers: bool = False,
             limits: ImportLimits = DEFAULT_IMPORT_LIMITS, data: bytes | None = None) -> dict:
    """Read an IFC model into site-file data (see the module docstring). ``data`` is the
    file's content when it is not read from ``path`` (an upload)."""
    d = read_ifc_drafts(path, file=file, notes=notes, keep_room_numbers=keep_room_numbers,
                        limits=limits, data=data)
    return assemble_site(name=d.name, drafts=d.buildings, notes=notes, origin=d.origin,
                         north_deg=d.north_deg, limits=limits, crs=d.crs)


def read_ifc_drafts(path: Path, *, file: str, notes: Notes, keep_room_numbers: bool = False,
                    limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
                    data: bytes | None = None) -> IfcDrafts:
    """Read an IFC model into building drafts (what :func:`read_ifc` builds the site from)."""
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

    storey_cache: dict[int, Any] = {}

    def storey_of(el):
        key = el.id()
        if key in storey_cache:
            return storey_cache[key]
        x, found = el, None
        for _ in range(8):
            if x is None:
                break
            if x.is_a("IfcBuildingStorey"):
                found = x
                break
            nxt = parent(x)
            if nxt is None and x.is_a("IfcElement"):
                # a door or window may only be related to its opening
                fills = getattr(x, "FillsVoids", None) or ()
                for rel in fills:
                    for v in getattr(rel.RelatingOpeningElement, "VoidsElements", ()) or ():
                        nxt = v.RelatingBuildingElement
            x = nxt
        storey_cache[key] = found
        return found

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
    level_storey: dict[int, dict[int, Any]] = {}  # building -> level -> its (first) storey
    for bkey, ss in by_building.items():
        ss.sort(key=lambda s: (elevation(s), s.Name or ""))
        ground = ground_index(ss, elevation)
        out = []
        for i, s in enumerate(ss):
            lv = max(-9, min(199, i - ground))
            storey_level[s.id()] = lv
            storey_elev[s.id()] = elevation(s)
            out.append((lv, _name(s.Name) or _name(s.LongName) or str(lv)))
        # two storeys clamped onto the same level keep the first
        kept: list[tuple[int, str]] = []
        firsts: dict[int, Any] = {}
        for s, (lv, n) in zip(ss, out):
            if lv not in firsts:
                firsts[lv] = s
                kept.append((lv, n))
        building_storeys[bkey] = kept
        level_storey[bkey] = firsts
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
    slabs = [s for s in f.by_type("IfcSlab") if is_floor_slab(s, uel)]
    doors = list(f.by_type("IfcDoor"))
    windows = list(f.by_type("IfcWindow"))
    stairs = list(f.by_type("IfcStair"))
    flights = list(f.by_type("IfcStairFlight"))
    lifts = [t for t in f.by_type("IfcTransportElement") if is_lift(t)]
    # doors and windows are placed by the opening they fill: a box through the wall, cheap to
    # tessellate and spanning the wall's thickness (so it touches the outer face); only those
    # without an opening (or whose opening has no shape) are tessellated themselves
    opening_of: dict[int, Any] = {}  # ifcopenshell entities
    for el in doors + windows:
        for rel in getattr(el, "FillsVoids", ()) or ():
            opening_of[el.id()] = rel.RelatingOpeningElement
    exact_ids = {e.id() for e in walls} | {e.id() for e in spaces} | {e.id() for e in slabs}
    first = walls + spaces + slabs + stairs + flights + lifts + list(opening_of.values()) + [
        e for e in doors + windows if e.id() not in opening_of]
    first = list({e.id(): e for e in first}.values())
    shapes: dict[int, Shape] = {}
    tessellate(ifcopenshell, f, first, exact_ids, shapes)
    for el in doors + windows:
        op = opening_of.get(el.id())
        if op is not None and op.id() in shapes:
            shapes[el.id()] = shapes[op.id()]
    tessellate(ifcopenshell, f, [e for e in doors + windows if e.id() not in shapes],
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

    def spanned(bkey: int, zlo: float, zhi: float) -> set[int]:
        """The levels of the building's storeys whose elevation lies in [zlo, zhi]."""
        return {storey_level[s.id()] for s in by_building.get(bkey, [])
                if zlo <= storey_elev[s.id()] <= zhi}

    def ground_storey_ids(bkey: int) -> set[int]:
        return {s.id() for s in by_building.get(bkey, []) if storey_level.get(s.id()) == 0}

    def psets(el):
        try:
            return uel.get_psets(el)
        except Exception:  # noqa: BLE001 - broken property sets are just absent
            return {}

    sb_kind: dict[int, set[str]] = defaultdict(set)
    sb_spaces: dict[int, list[int]] = defaultdict(list)  # element -> the spaces it bounds
    virtual_els: dict[int, Any] = {}  # the virtual elements of space boundaries: passages
    for rel in f.by_type("IfcRelSpaceBoundary"):
        el = rel.RelatedBuildingElement
        if el is not None:
            if el.is_a("IfcVirtualElement"):
                virtual_els[el.id()] = el
            sb_kind[el.id()].add(str(rel.InternalOrExternalBoundary or "").upper())
            sp = rel.RelatingSpace
            if sp is not None and sp.is_a("IfcSpace") and sp.id() not in sb_spaces[el.id()]:
                sb_spaces[el.id()].append(sp.id())

    # the spaces: use, name and number, once
    space_info: dict[int, tuple[RoomUse | None, str | None, str | None, str]] = {}
    for sp in spaces:
        texts = space_texts(sp, uel)
        name_attr = _name(sp.Name)
        long_name = _name(getattr(sp, "LongName", None))
        if long_name:
            name, number = long_name, name_attr
        elif name_attr and as_code(name_attr) and any(ch.isdigit() for ch in name_attr):
            name, number = None, name_attr
        else:
            name, number = name_attr, None
        label = long_name or name_attr or (texts[0] if texts else sp.GlobalId)
        space_info[sp.id()] = (use_of_texts(texts), name, number, label)
    unmapped: Counter[str] = Counter()
    from_shafts: Counter[str] = Counter()

    def _fill(d: BuildingDraft, bkey: int, ours, boundary: BoundaryIndex) -> None:
        """The doors, windows, storey outlines, rooms, stairs and lifts of one building."""
        bname = d.name

        def touches_outline(sh: Shape) -> bool:
            return boundary.within(sh.plan, 0.02)

        # doors
        how: dict[str, int] = defaultdict(int)
        bounded: list[tuple[DoorDraft, list[int]]] = []  # doors with their spaces
        upper = 0
        my_doors = ours(doors)
        for door in my_doors:
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
            dd = DoorDraft(at=(c.x, c.y), level=level, kind=kind, width=width,
                           id_hints=(_name(door.Name), door.GlobalId), source_id=door.GlobalId)
            d.doors.append(dd)
            if sb_spaces.get(door.id()):
                bounded.append((dd, sb_spaces[door.id()]))
        n_ext = sum(v for k, v in how.items() if not k.startswith("without"))
        if my_doors:
            notes.info("ifc-exterior-doors", building=bname, n=n_ext, total=len(my_doors),
                       how=Ref.to("import.ifc-found-by", ways=", ".join(
                           f"{k} ({v})" for k, v in how.items())) if how else "")
        if upper:
            notes.warning("ifc-upper-exterior-doors", building=bname, n=upper)

        # windows
        for win in ours(windows):
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

        # spaces
        my_spaces = ours(spaces)
        shafts: dict[RoomUse, list[Vertical]] = {RoomUse.stair: [], RoomUse.lift: []}
        room_of_space: dict[int, RoomDraft] = {}
        for order, sp in enumerate(my_spaces):
            sh = shapes.get(sp.id())
            use, name, number, label = space_info[sp.id()]
            if use is None:
                unmapped[label] += 1
            poly, _ = largest_polygon(sh.plan) if sh is not None else (None, [])
            level = level_of(sp, sh.zmin if sh else None, bkey)
            if use in shafts:
                number = None  # a shaft has no room number: its stair or lift is coded
                if poly is not None:
                    shafts[use].append(Vertical(poly, {level}, sp, False, order))
            rd = RoomDraft(level=level, polygon=poly, name=name,
                           number=number if keep_room_numbers else None, use=use,
                           id_hints=(number, name, sp.GlobalId), source_id=sp.GlobalId)
            d.rooms.append(rd)
            room_of_space[sp.id()] = rd
        # the rooms a door opens into: the spaces its space boundaries bound
        for dd, sids in bounded:
            dd.between = tuple(room_of_space[s] for s in sids if s in room_of_space)
        # open passages: the virtual elements between two of its spaces
        found = passages([(v.GlobalId, _name(v.Name), sb_spaces[k])
                          for k, v in virtual_els.items()], room_of_space)
        d.doors.extend(found.doors)
        none = found.not_two + found.storeys + found.apart
        if found.doors or none:
            notes.info("ifc-openings", building=bname, n=len(found.doors),
                       none=Ref.to("import.ifc-openings-none", n=none, storeys=found.storeys,
                                   apart=found.apart) if none else "")

        # storey outlines: floor slabs (else spaces) with the walls of each storey
        my_slabs = [shapes[s.id()] for s in ours(slabs) if s.id() in shapes]
        my_walls = [w for w in ours(walls) if w.id() in shapes]
        def on(el, sid: int) -> bool:
            s = storey_of(el)
            return s is not None and s.id() == sid

        for lv, s in sorted(level_storey.get(bkey, {}).items()):
            o = storey_outline(floor_slabs(my_slabs, storey_elev[s.id()]),
                               [shapes[w.id()].plan for w in my_walls if on(w, s.id())],
                               [shapes[sp.id()].plan for sp in my_spaces
                                if sp.id() in shapes and on(sp, s.id())])
            if o is not None:
                d.storey_outlines[lv] = o

        # stairs: IfcStair with its flights, and loose flights; then stacked with stairwells
        in_stair: set[int] = set()
        stair_items = []
        for st in ours(stairs):
            parts_ = [p for p in uel.get_decomposition(st) if p.id() in shapes]
            in_stair.update(p.id() for p in parts_)
            geoms = [shapes[x.id()] for x in [st, *parts_] if x.id() in shapes]
            if geoms:
                stair_items.append((st, geoms))
        for fl in ours(flights):
            if fl.id() not in in_stair and fl.id() in shapes:
                agg = uel.get_aggregate(fl)
                if agg is not None and agg.is_a("IfcStair"):
                    continue
                stair_items.append((fl, [shapes[fl.id()]]))
        items = []
        for order, (st, geoms) in enumerate(stair_items):
            zmin = min(g.zmin for g in geoms)
            zmax = max(g.zmax for g in geoms)
            served = {level_of(st, zmin, bkey)} | spanned(bkey, zmin - STAIR_REACH_M,
                                                          zmax + STAIR_REACH_M)
            items.append(Vertical(unary_union([g.plan for g in geoms]), served, st, True, order))
        all_levels = [lv for lv, _ in levels]
        for group in stacks(items + shafts[RoomUse.stair], all_levels):
            served_all = sorted(set().union(*(v.levels for v in group)))
            head, at, name = stack_head(group)
            if not head.primary:
                from_shafts["stair"] += 1
            d.stairs.append(StairDraft(at=at, levels=served_all, name=name,
                                       id_hints=(name, head.element.GlobalId),
                                       source_id=head.element.GlobalId))

        # lifts: the elements with the storeys they span, stacked with their shafts
        items = []
        for order, lift in enumerate(ours(lifts)):
            sh = shapes.get(lift.id())
            if sh is None:
                continue
            served = {level_of(lift, sh.zmin, bkey)} | spanned(bkey, sh.zmin - STAIR_REACH_M,
                                                               sh.zmax - LIFT_TOP_M)
            items.append(Vertical(sh.plan, served, lift, True, order))
        for group in stacks(items + shafts[RoomUse.lift], all_levels):
            served_all = sorted(set().union(*(v.levels for v in group)))
            head, at, name = stack_head(group)
            if not head.primary:
                from_shafts["lift"] += 1
            d.features.append(FeatureDraft(kind=FeatureKind.elevator, at=at,
                                           level=served_all[0], levels=served_all, name=name,
                                           id_hints=(head.element.GlobalId,),
                                           source_id=head.element.GlobalId))

    drafts: list[BuildingDraft] = []
    for bkey in keys:
        def mine(els, _k=bkey):
            return [e for e in els if (building_key(e) == _k or len(keys) == 1)]

        g_ids = ground_storey_ids(bkey)

        def on_ground(e, _g=g_ids) -> bool:
            s = storey_of(e)
            return not _g or (s is not None and s.id() in _g)

        outline_src = [e for e in mine(walls + spaces) if e.id() in shapes and on_ground(e)]
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
        anchors = [shapes[e.id()].plan for e in mine(spaces + doors)
                   if e.id() in shapes and on_ground(e)]
        own = separate_parts(parts, anchors)
        if len(own) < 2:
            own = []
        part_names = [f"{bname} ({i + 1})" for i in range(len(own))] or [bname]
        if own:
            notes.info("ifc-building-parts", b_ifc.GlobalId if b_ifc is not None else "",
                       building=bname, n=len(own), parts=", ".join(f"'{n}'" for n in part_names))

        def part_of(el, _own=own) -> int:
            sh = shapes.get(el.id())
            return nearest_part(_own, sh.plan if sh is not None else None)

        for pi, pname in enumerate(part_names):
            def ours(els, _pi=pi, _own=own):
                return [e for e in mine(els) if not _own or part_of(e) == _pi]

            if own:
                footprint: BaseGeometry = unary_union(
                    [p for p in polygons_of(u) if nearest_part(own, p) == pi])
            else:
                footprint = u
            d = BuildingDraft(name=pname, footprint=footprint, storeys=levels,
                              id_hints=(pname,),
                              source_id=b_ifc.GlobalId if b_ifc is not None else None,
                              keep_holes=False)
            _fill(d, bkey, ours, boundary)
            drafts.append(d)

    if unmapped:
        notes.info("ifc-uses-unmapped", n=sum(unmapped.values()), total=len(spaces),
                   names=", ".join(f"'{t[:40]}'" + (f" ({k})" if k > 1 else "")
                                   for t, k in unmapped.most_common(12))
                   + (" …" if len(unmapped) > 12 else ""))
    if from_shafts:
        notes.info("ifc-shafts-only", stairs=from_shafts["stair"], lifts=from_shafts["lift"])

    # --- site position and north --------------------------------------------------------------
    crs = map_conversion(f, notes, scale)  # the surveyed placement, before RefLatitude
    origin = None if crs is not None else site_origin(f, notes)
    north = true_north(f)
    if crs is not None:
        north = north_of(crs, north, notes)

    return IfcDrafts(name=site_name, buildings=drafts, origin=origin, north_deg=north, crs=crs)


__all__ = ["DEFAULT_LOCATIONS", "IfcDrafts", "check_step", "read_ifc", "read_ifc_drafts"]
