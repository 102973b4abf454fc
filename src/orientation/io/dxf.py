"""DXF import (ezdxf, extra ``dxf``): one floor plan into a site with one storey.

* **units**: ``$INSUNITS`` is honoured; ``units`` (``m``, ``cm``, ``mm``, ``in``, ``ft``)
  overrides it, because files lie. Without declared units the scale that makes the building
  between 3 m and 2 km across is taken (metres first) and a warning says so; a declared scale
  that gives an implausible size is warned about too.
* **layer roles** are guessed from content and can be overridden with
  ``layers={'footprint': …, 'rooms': …, 'labels': …, 'doors': …}``:

  - *footprint*: a layer named like a facade or outline (``facade``, ``fassade``, ``contour``,
    ``outline``, ``umriss``, ``footprint`` …) with closed polylines or lines; without one,
    the outline of all rooms (their union, holes filled);
  - *rooms*: the layer whose closed polylines (or, without any, polygons formed from its
    lines and arcs with ``shapely.polygonize``) contain the most texts, rooms-like names first;
  - *labels*: TEXT and MTEXT (``plain_text()``) on the layer with the most texts inside
    rooms; each room takes the label nearest its middle; a first word with a digit is the
    room number (kept unless rooms are renumbered), the rest is the name; area lines
    (``12.5 m²``) are dropped;
  - *doors*: INSERTs of blocks named like doors (``door``, ``tür``, ``porte`` …) or on the
    doors layer. Door swings drawn as loose arcs are not doors to this importer: they are
    counted in a note, never turned into doors.

* Doors within 0.5 m of the footprint outline are exterior ``entrance`` doors (a DXF cannot
  tell an emergency exit; only a block or layer named like one, ``notausgang``, ``emergency``,
  ``secours``, ``fire exit``, makes it an ``emergency_exit``); the others are inner doors.
  When the file has no door inserts a note says so; none are invented.
* A DXF plan is one floor: it becomes storey 0 (say so in the site file if it is another).
* The text encoding of old files (``$DWGCODEPAGE``, e.g. cp1252) is handled by ezdxf.
"""

from __future__ import annotations

import io
import itertools
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import shapely
import shapely.affinity
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import polygonize, unary_union

from ..errors import ImportError_, LimitError
from ..model import DoorKind
from ..words import Ref
from ._assemble import assemble_site
from ._drafts import BuildingDraft, DoorDraft, RoomDraft, WindowDraft
from ._dxf_walls import WALL_RE, Arc, WallPlan, guess_units, rooms_from_walls
from ._geometry import BoundaryIndex, largest_polygon
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import Notes
from ._text import as_code, clean_text
from ._uses import use_from_name

#: Metres per drawing unit for ``units`` and ``$INSUNITS`` codes.
UNITS_M = {"m": 1.0, "cm": 0.01, "mm": 0.001, "in": 0.0254, "ft": 0.3048}
_INSUNITS = {1: ("in", 0.0254), 2: ("ft", 0.3048), 4: ("mm", 0.001), 5: ("cm", 0.01),
             6: ("m", 1.0), 14: ("dm", 0.1), 3: ("mi", 1609.344), 7: ("km", 1000.0),
             8: ("µin", 2.54e-8), 9: ("mil", 2.54e-5), 10: ("yd", 0.9144)}
ROLES = ("footprint", "rooms", "labels", "doors")

_FACADE_RE = re.compile(r"fa[cç]ade|fassade|outline|contour|umriss|au(ss|ß)en|exterior|"
                        r"footprint|building|geb(ä|ae)ude|envelope|enveloppe|emprise", re.I)
_ROOM_RE = re.compile(r"room|raum|r(ä|ae)ume|zone|space|pi(e|è)ce|area|fl(ä|ae)che|local|"
                      r"salle|nutz", re.I)
_DOOR_RE = re.compile(r"door|t(ü|ue)r|porte|puerta|deur", re.I)
_WINDOW_RE = re.compile(r"window|fenster|fen(e|ê)tre|ventana|raam", re.I)
_EXIT_RE = re.compile(r"notausgang|emergency|secours|fire[ _-]?exit|fluchtt", re.I)
_AREA_LINE = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*m(²|2)\s*$", re.I)
_AREA_TAIL = re.compile(r"\s*\d+(?:[.,]\d+)?\s*m(²|2)\s*$", re.I)


def _layer_list(layers: list[str], most: int = 6) -> str:
    """Layer names for a note: the first ``most``, then an ellipsis.

    >>> _layer_list(["A-WALL", "A-DOOR"]), _layer_list(list("abcdefgh"), 3)
    ('A-WALL, A-DOOR', 'a, b, c …')
    """
    return ", ".join(layers[:most]) + (" …" if len(layers) > most else "")


def _too_many_walls(plan: WallPlan) -> Ref:
    """The phrase for what went over ``max_wall_segments`` (:attr:`WallPlan.too_many`)."""
    if plan.too_many == "pairs":
        return Ref.to("import.dxf-walls-pairs", n=plan.too_many_count)
    if plan.too_many == "ends":
        return Ref.to("import.dxf-walls-ends", n=plan.too_many_count)
    return Ref.to("import.dxf-walls-segments", n=plan.too_many_count)


def parse_label(text: str) -> tuple[str | None, str | None]:
    """(room number, name) from a room label.

    >>> parse_label("B013 \\nTechnologie atelier")
    ('B013', 'Technologie atelier')
    >>> parse_label("ESCALIER C")
    (None, 'ESCALIER C')
    >>> parse_label("F006 | Dégagement 18.27m²".replace(" | ", "\\n"))
    ('F006', 'Dégagement')
    >>> parse_label("12,5 m²")
    (None, None)
    """
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n")]
    lines = [_AREA_TAIL.sub("", ln).strip() for ln in lines if ln and not _AREA_LINE.match(ln)]
    lines = [ln for ln in lines if ln]
    if not lines:
        return None, None
    words = " ".join(lines).split()
    number = None
    first = words[0]
    if any(ch.isdigit() for ch in first) and as_code(first):
        number = as_code(first)
        words = words[1:]
    name = clean_text(" ".join(words))
    return number, name


def _open(path: Path, file: str, data: bytes | None = None,
          limits: ImportLimits = DEFAULT_IMPORT_LIMITS):
    try:
        import ezdxf
        from ezdxf import recover
    except ImportError:  # pragma: no cover - the extra is installed in the dev venv
        from ..errors import MissingDependencyError

        raise MissingDependencyError("importing DXF files", "dxf") from None
    if data is None:
        from .importing import read_source

        data = read_source(path, file, limits)
    try:
        doc, auditor = recover.read(io.BytesIO(data))
    except OSError as exc:
        raise ImportError_(f"{file}: cannot read the file: {exc.strerror or exc}") from None
    except ezdxf.DXFStructureError as exc:
        raise ImportError_(f"{file}: not a readable DXF file ({exc}); save it again as DXF "
                           "(R2000 or newer) from the CAD program") from None
    return doc, auditor


class _Flattener:
    """Curve flattening within the budgets of :class:`ImportLimits`.

    ezdxf flattens an arc to a tolerance: the number of points grows with the square root of
    radius / tolerance (an ARC of radius 1e12 would give some 10^7 points, gigabytes). Points
    are taken lazily, at most ``max_curve_points`` per curve; a curve that needs more is
    flattened again, more coarsely, until it fits (counted for a note). A SPLINE with more
    control or fit points than ``max_curve_points``, and a polyline with more vertices than
    ``max_ring_vertices``, is skipped (counted). All points of the file together are bounded
    by ``max_points_per_file`` (a LimitError).
    """

    def __init__(self, ezpath, tol: float, limits: ImportLimits, file: str):
        self.ezpath, self.tol, self.limits, self.file = ezpath, tol, limits, file
        self.total = 0
        self.coarse: list[str] = []
        self.skipped: list[str] = []

    def points(self, e, handle: str) -> list[tuple[float, float]] | None:
        lim = self.limits
        t = e.dxftype()
        if t == "SPLINE":
            n = max(len(e.control_points), len(e.fit_points))
            if n > lim.max_curve_points:
                self.skipped.append(f"SPLINE {handle} ({n:,} control points, limit "
                                    f"max_curve_points = {lim.max_curve_points:,})")
                return None
        elif t == "LWPOLYLINE":
            n = len(e)
            if n > lim.max_ring_vertices:
                self.skipped.append(f"LWPOLYLINE {handle} ({n:,} vertices, limit "
                                    f"max_ring_vertices = {lim.max_ring_vertices:,})")
                return None
        elif t == "POLYLINE":
            n = len(e.vertices)
            if n > lim.max_ring_vertices:
                self.skipped.append(f"POLYLINE {handle} ({n:,} vertices, limit "
                                    f"max_ring_vertices = {lim.max_ring_vertices:,})")
                return None
        for v in (getattr(e.dxf, "radius", None), getattr(e.dxf, "major_axis", None)):
            if v is not None:
                size = abs(v) if isinstance(v, (int, float)) else max(abs(x) for x in v)
                if not math.isfinite(size) or size > 1e10:
                    self.skipped.append(f"{t} {handle} (radius {size:g} drawing units)")
                    return None
        p = self.ezpath.make_path(e)
        tol = self.tol
        cap = lim.max_curve_points
        coarse = False
        for _ in range(8):
            pts = [(v.x, v.y) for v in itertools.islice(p.flattening(tol, segments=8), cap + 1)]
            if len(pts) <= cap:
                break
            tol *= 10.0
            coarse = True
        else:
            self.skipped.append(f"{t} {handle} (more than {cap:,} points even when flattened "
                                "coarsely)")
            return None
        if coarse:
            self.coarse.append(handle or t)
        self.total += len(pts)
        if self.total > lim.max_points_per_file:
            raise LimitError(f"{self.file}: the drawing has more than "
                             f"{lim.max_points_per_file:,} points once its curves are flattened "
                             "(limit max_points_per_file); cut the drawing down to the building "
                             "plan, or raise the limit")
        return pts

    def report(self, notes: Notes) -> None:
        if self.coarse:
            notes.warning("dxf-curves-coarse",
                          ", ".join(self.coarse[:8]) + (" …" if len(self.coarse) > 8 else ""),
                          n=len(self.coarse), most=self.limits.max_curve_points)
        if self.skipped:
            notes.warning("dxf-entities-skipped", n=len(self.skipped),
                          details="; ".join(self.skipped[:5])
                          + (" …" if len(self.skipped) > 5 else ""))


def read_dxf(path: Path, *, file: str, notes: Notes, units: str | None = None,
             layers: dict[str, str] | None = None, keep_room_numbers: bool = False,
             limits: ImportLimits = DEFAULT_IMPORT_LIMITS, data: bytes | None = None) -> dict:
    """Read a DXF floor plan into site-file data (see the module docstring). ``data`` is the
    file's content when it is not read from ``path`` (an upload)."""
    from ezdxf import bbox as ezbbox
    from ezdxf import path as ezpath

    doc, auditor = _open(path, file, data, limits)
    del data
    if auditor.has_errors:
        notes.warning("dxf-repaired", n=len(auditor.errors))
    layers = dict(layers or {})
    msp = doc.modelspace()
    layer_names = {e.dxf.layer for e in msp}
    for role, layer_name in layers.items():
        if layer_name not in layer_names:
            near = sorted(layer_names)[:20]
            raise ImportError_(f"{file}: the {role} layer '{layer_name}' has no entities; layers in "
                               f"the model space: {', '.join(near)}")

    # --- units --------------------------------------------------------------------------------
    code = int(doc.header.get("$INSUNITS", 0) or 0)
    declared = _INSUNITS.get(code)
    if units is not None:
        scale = UNITS_M[units]
        unit_name = units
        if declared and declared[1] != scale:
            notes.info("dxf-units-override", units=units, declared=declared[0])
    elif declared:
        unit_name, scale = declared
    else:
        unit_name, scale = "", 0.0  # decided from the building size below

    # --- geometry per layer (drawing units) ---------------------------------------------------
    tol = 0.01 / (scale or 1.0)  # curves flattened to about 1 cm
    closed: dict[str, list[tuple[Polygon, str]]] = defaultdict(list)
    loose: dict[str, list[tuple[LineString, str]]] = defaultdict(list)
    texts: dict[str, list[tuple[Point, str, str, Point | None]]] = defaultdict(list)
    inserts: list[tuple[Any, str, str]] = []  # (ezdxf INSERT entity, layer, handle)
    arcs: Counter[str] = Counter()
    arc_geo: dict[tuple[str, str], Arc] = {}
    flat = _Flattener(ezpath, tol, limits, file)
    for e in msp:
        t = e.dxftype()
        layer = e.dxf.layer
        handle = e.dxf.handle or ""
        try:
            if t in ("LWPOLYLINE", "POLYLINE"):
                if t == "POLYLINE" and (e.is_poly_face_mesh or e.is_polygon_mesh):
                    continue
                pts = flat.points(e, handle)
                if pts is None or len(pts) < 2:
                    continue
                is_closed = e.is_closed or (len(pts) > 3 and math.dist(pts[0], pts[-1]) < 1e-9)
                if is_closed and len(pts) >= 3:
                    closed[layer].append((Polygon(pts), handle))
                else:
                    loose[layer].append((LineString(pts), handle))
            elif t in ("LINE", "ARC", "SPLINE", "ELLIPSE"):
                pts = flat.points(e, handle)
                if pts is not None and len(pts) >= 2:
                    loose[layer].append((LineString(pts), handle))
                if t == "ARC":
                    arcs[layer] += 1
                    if pts is not None and len(pts) >= 2 and handle:
                        c = e.ocs().to_wcs(e.dxf.center)
                        sweep = (e.dxf.end_angle - e.dxf.start_angle) % 360.0 or 360.0
                        arc_geo[(layer, handle)] = Arc((c.x, c.y), math.dist((c.x, c.y), pts[0]),
                                                       sweep, layer)
            elif t in ("TEXT", "MTEXT"):
                txt = e.plain_text() if t == "MTEXT" else e.plain_text()
                if not clean_text(txt):
                    continue
                ins = e.dxf.insert
                center = None
                try:
                    bb = ezbbox.extents([e], fast=True)
                    if bb.has_data:
                        center = Point(bb.center.x, bb.center.y)
                except Exception:  # noqa: BLE001 - a text without usable extents keeps its insert
                    center = None
                texts[layer].append((Point(ins.x, ins.y), txt, handle, center))
            elif t == "INSERT":
                inserts.append((e, layer, handle))
        except (ValueError, TypeError, AttributeError, ZeroDivisionError, OverflowError,
                shapely.errors.GEOSException):
            continue
    flat.report(notes)

    def layer_polys(layer: str) -> list[tuple[Polygon, str]]:
        """Closed polylines of a layer, else polygons formed from its lines and arcs."""
        if closed.get(layer):
            return [(p, h) for p, h in closed[layer] if p.area > 0]
        lines = [ln for ln, _ in loose.get(layer, [])]
        if not lines:
            return []
        return [(p, "") for p in polygonize(unary_union(lines)) if p.area > 0]

    all_texts = [t for ts in texts.values() for t in ts]

    # --- footprint layer ----------------------------------------------------------------------
    fp_layer = layers.get("footprint")
    if fp_layer is None:
        areas_of = {ly: max((p.area for p, _ in layer_polys(ly)), default=0.0)
                    for ly in layer_names if _FACADE_RE.search(ly)
                    and (closed.get(ly) or loose.get(ly))}
        cands = [ly for ly, a in areas_of.items() if a > 0]
        if cands:
            fp_layer = max(cands, key=lambda ly: areas_of[ly])

    # --- rooms layer --------------------------------------------------------------------------
    room_layer = layers.get("rooms")
    best: tuple[float, str, int, int] | None = None  # score, layer, labelled, rooms
    if room_layer is None:
        text_pts = shapely.STRtree([t[0] for t in all_texts]) if all_texts else None
        for ly in layer_names:
            if ly == fp_layer or ly in texts and not closed.get(ly) and not loose.get(ly):
                continue
            if not _ROOM_RE.search(ly) and (not closed.get(ly) or WALL_RE.search(ly)):
                continue  # line work (and wall outlines) make rooms on room-like layers only
            polys = [p for p, _ in layer_polys(ly)]
            if len(polys) < 1:
                continue
            labelled = 0
            if text_pts is not None:
                for p in polys:
                    if len(text_pts.query(p, predicate="contains")):
                        labelled += 1
            score = labelled + (0.5 if _ROOM_RE.search(ly) else 0) + 0.001 * len(polys)
            if best is None or score > best[0]:
                best = (score, ly, labelled, len(polys))
        room_layer = best[1] if best else None

    room_polys = layer_polys(room_layer) if room_layer else []
    # walls: when no room layer labels most of its polygons, try the faces of the wall lines
    walls: WallPlan | None = None
    if "rooms" not in layers and (best is None or best[2] < max(2.0, best[3] / 2)):
        walls = rooms_from_walls(loose, closed, arc_geo, texts, fp_layer=fp_layer,
                                 label_layer=layers.get("labels"), scale=scale, limits=limits)
        if walls is not None and walls.too_many:
            notes.warning("dxf-walls-too-many", layers=_layer_list(walls.layers),
                          count=_too_many_walls(walls), most=limits.max_wall_segments)
        if walls is None or len(walls.rooms) <= (best[2] if best else 0):
            walls = None
        else:
            room_layer, room_polys = None, walls.rooms
            notes.info("dxf-rooms-from-walls", n=len(walls.rooms),
                       layers=_layer_list(walls.layers), faces=walls.faces, thin=walls.thin,
                       unlabelled=walls.unlabelled, swings=walls.swings, bridges=walls.bridges)
    if room_layer and not closed.get(room_layer) and room_polys:
        notes.info("dxf-rooms-polygonized", layer=room_layer)

    # --- labels layer -------------------------------------------------------------------------
    label_layer = layers.get("labels") or (walls.label_layer if walls else None)
    room_geoms = [shapely.make_valid(p) for p, _ in room_polys]
    room_tree = shapely.STRtree(room_geoms) if room_geoms else None
    if label_layer is None and texts:
        def inside_count(ly: str) -> int:
            if room_tree is None:
                return 0
            return sum(1 for t in texts[ly] if len(room_tree.query(t[0], predicate="within")))
        label_layer = max(texts, key=lambda ly: (inside_count(ly), len(texts[ly])))
    labels = texts.get(label_layer, []) if label_layer else []

    # --- scale from size when the file does not say -------------------------------------------
    ref_geom = None
    if fp_layer:
        ref_geom, _ = largest_polygon(unary_union([p for p, _ in layer_polys(fp_layer)]) or None)
    if ref_geom is None and walls is not None:
        ref_geom = walls.footprint
    if ref_geom is None and room_geoms:
        ref_geom = unary_union(room_geoms)
    if ref_geom is None:
        raise ImportError_(f"{file}: no rooms and no outline found: the drawing has no closed "
                           "polylines on a facade or room layer, and no wall lines that enclose "
                           "labelled rooms. Name the layers with "
                           "--layers footprint=LAYER,rooms=LAYER (layers: "
                           f"{', '.join(sorted(layer_names)[:20])})")
    minx, miny, maxx, maxy = ref_geom.bounds
    size = max(maxx - minx, maxy - miny)
    if not scale:
        # rooms tell the scale best (a median room of 4 to 400 m²), else the building's size
        unit_name, scale = guess_units([g.area for g in room_geoms], size)
        notes.warning("dxf-units-assumed", code=code, units=unit_name, size=size * scale)
    elif not 3 <= size * scale <= 2000:
        notes.warning("dxf-units-implausible", units=unit_name, size=size * scale)

    def S(g):
        return shapely.affinity.scale(g, scale, scale, origin=(0, 0))

    def sp(p: Point) -> tuple[float, float]:
        return (p.x * scale, p.y * scale)

    # --- rooms with labels --------------------------------------------------------------------
    room_labels: dict[int, list[tuple[float, str, str]]] = defaultdict(list)
    unplaced = 0
    for ins, txt, handle, center in labels:
        idx = None
        if room_tree is not None:
            for q in (ins, center):
                if q is None:
                    continue
                hits = room_tree.query(q, predicate="within")
                if len(hits):
                    idx = int(min(hits, key=lambda i: room_geoms[int(i)].area))
                    break
        if idx is None:
            unplaced += 1
            continue
        d = room_geoms[idx].centroid.distance(center or ins)
        room_labels[idx].append((d, txt, handle))
    multi = 0
    drafts_rooms: list[RoomDraft] = []
    layer_use = use_from_name(room_layer, label_layer)
    for i, (poly, handle) in enumerate(room_polys):
        number = name = None
        lab = sorted(room_labels.get(i, []))
        if len(lab) > 1:
            multi += 1
        if lab:
            number, name = parse_label(lab[0][1])
        use = use_from_name(name, *(t for _, t, _ in lab)) or layer_use
        drafts_rooms.append(RoomDraft(level=0, polygon=S(poly), name=name,
                                      number=number if keep_room_numbers else None, use=use,
                                      id_hints=(number, name, handle),
                                      source_id=handle or None))
    if room_polys and labels:
        notes.info("dxf-labels",
                   labelled=sum(1 for i in range(len(room_polys)) if room_labels.get(i)),
                   n=len(room_polys), layer=label_layer,
                   unplaced=Ref.to("import.dxf-labels-unplaced", n=unplaced) if unplaced else "",
                   multi=Ref.to("import.dxf-labels-multi", n=multi) if multi else "")
    if not room_polys:
        notes.warning("dxf-no-rooms")

    # --- footprint ----------------------------------------------------------------------------
    if fp_layer:
        fp = S(unary_union([shapely.make_valid(p) for p, _ in layer_polys(fp_layer)]))
        fp_src = Ref.to("import.dxf-source-layer", layer=fp_layer)
    elif walls is not None and walls.footprint is not None:
        fp = S(walls.footprint)
        fp_src = Ref.to("import.dxf-source-walls", layers=_layer_list(walls.layers))
    else:
        u = unary_union([S(g) for g in room_geoms]).buffer(0.3, join_style="mitre")
        u = u.buffer(-0.3, join_style="mitre")
        fp = u
        fp_src = Ref("import.dxf-source-rooms")
        notes.warning("dxf-footprint-from-rooms")

    # --- doors and windows --------------------------------------------------------------------
    door_layer = layers.get("doors")
    doors: list[DoorDraft] = []
    windows: list[WindowDraft] = []
    fp_poly, _ = largest_polygon(fp)
    boundary = BoundaryIndex(fp_poly.boundary if fp_poly is not None else None)
    for e, layer, handle in inserts:
        bname = e.dxf.name
        is_door = (layer == door_layer) if door_layer else bool(
            _DOOR_RE.search(bname) or _DOOR_RE.search(layer))
        is_window = not is_door and bool(_WINDOW_RE.search(bname) or _WINDOW_RE.search(layer))
        if not (is_door or is_window):
            continue
        at = sp(Point(e.dxf.insert.x, e.dxf.insert.y))
        dist = boundary.distance(Point(at))
        if is_window:
            windows.append(WindowDraft(at=at, level=0, id_hints=(handle,), source_id=handle or None))
            continue
        if dist <= 0.5:
            kind = DoorKind.emergency_exit if (_EXIT_RE.search(bname) or _EXIT_RE.search(layer)) \
                else DoorKind.entrance
        else:
            kind = DoorKind.inner
        doors.append(DoorDraft(at=at, level=0, kind=kind, id_hints=(handle,),
                               source_id=handle or None))
    if not doors:
        defined = [b.name for b in doc.blocks if _DOOR_RE.search(b.name)
                   and not b.name.startswith("*")]
        why = (Ref.to("import.dxf-door-blocks-unused", blocks=", ".join(defined[:3]))
               if defined else "")
        swing_layers = [ly for ly in arcs if _DOOR_RE.search(ly)]
        swings = (Ref.to("import.dxf-door-swings", n=sum(arcs[ly] for ly in swing_layers),
                         layer=swing_layers[0])
                  if swing_layers else "")
        notes.warning("dxf-no-door-blocks", why=why, swings=swings)

    walls_src = (Ref.to("import.dxf-role-walls", layers=_layer_list(walls.layers))
                 if walls else None)
    roles = Ref.to("import.dxf-roles",
                   footprint=fp_layer or walls_src or Ref("import.dxf-role-rooms-outline"),
                   rooms=room_layer or walls_src or "-", labels=label_layer or "-",
                   doors=door_layer or Ref("import.dxf-role-door-blocks"))
    notes.info("dxf-layers", roles=roles, source=fp_src, units=unit_name)
    notes.info("dxf-one-storey")

    stem = path.stem
    draft = BuildingDraft(name=stem, footprint=fp, storeys=[(0, "0")], id_hints=(stem,),
                          keep_holes=True, doors=doors, rooms=drafts_rooms, windows=windows)
    return assemble_site(name=stem, drafts=[draft], notes=notes, limits=limits)


__all__ = ["ROLES", "UNITS_M", "parse_label", "read_dxf"]
