"""Shared assembly of imported buildings: every importer feeds the same builder.

An importer reads its format into :class:`BuildingDraft` values (plan metres, source ids,
shapely geometry) and calls :func:`assemble_site`, which does the same clean-up for every
format and records what it changed as :class:`ImportNote` values:

* the footprint is made valid (``make_valid``), reduced to its largest polygon when it falls
  apart (said in a note), simplified by 1 cm and rounded to millimetres;
* exterior doors are moved onto the nearest point of the outline (a note says how far); an
  exterior door further than ``max_door_snap_m`` from it is dropped with a warning, never
  turned into another kind;
* exterior windows are moved onto the outline when within ``max_window_snap_m``, else dropped;
* stairs outside the footprint are moved just inside when close, else dropped;
* room outlines are made valid and clipped to the footprint when they reach outside it;
* ids are slugs of source names (``[a-z0-9][a-z0-9_-]*``), unique within a building; the
  source's own id is kept in ``source_id``;
* at most one main entrance per site (the first one found); coordinates far from (0, 0) are
  shifted to the site and the shift is noted.

Nothing here invents a door, an exit, a label or a room number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Literal

import numpy as np
import shapely
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
)
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points

from .. import model
from ..errors import LimitError
from ..model import DoorKind, FeatureKind, SiteFeatureKind

Severity = Literal["error", "warning", "info"]
XY = tuple[float, float]

#: An exterior door further than this from the footprint outline is dropped (metres).
MAX_DOOR_SNAP_M = 2.0
#: An exterior window further than this from the footprint outline is dropped (metres).
MAX_WINDOW_SNAP_M = 1.0
#: A stair further than this outside the footprint is dropped (metres).
MAX_STAIR_SNAP_M = 2.0
#: Plan coordinates beyond this distance from (0, 0) are shifted to the site (metres).
MAX_PLAN_OFFSET_M = 20_000.0
#: Round plan coordinates to millimetres.
GRID_M = 0.001


@dataclass(frozen=True, slots=True)
class ImportLimits:
    """Budgets of one import: every place where the size of a building file can multiply the
    work has one. A file that exceeds a budget gives a :class:`~orientation.errors.LimitError`
    (or, for one element, a note) naming the field; raise it to import the file anyway.

    ``max_file_bytes`` (300 MB): one building file, an IMDF archive, one file in an IMDF folder.
    ``max_unzipped_bytes`` (400 MB): all members of an IMDF ``.zip`` together, uncompressed.
    ``max_memory_mb`` (4096): address space of the process that reads the file (contained
    imports only; the reader crashes or fails cleanly beyond it).
    ``timeout_s`` (120): wall time of one contained import.
    ``max_levels_per_range`` (200): whole levels one OSM level range (``0-3``, ``0.5-9.5``)
    or ``building:levels`` may name; a wider range is skipped with a note.
    ``max_curve_points`` (10,000): points of one flattened DXF curve (ARC, CIRCLE, ELLIPSE,
    SPLINE, polyline bulges) and control points of one SPLINE; a curve that needs more is
    flattened more coarsely (noted), a SPLINE with more control points is skipped (noted).
    ``max_points_per_file`` (5,000,000): points of all DXF entities together, of all OSM
    nodes, of all IFC STEP entities.
    ``max_ring_vertices`` (5,000, the site file's ``Limits.max_ring_vertices``): vertices of
    one outline (footprint, room, polyline, OSM way); a longer room is left out with a note, a
    longer footprint is an error.
    ``max_line_points`` (1,000, the site file's ``Limits.max_line_points``): points of one road
    or footway line; a longer line is simplified until it fits (noted).
    The two outline budgets are the site file's own, so an imported site always loads; raising
    them on import raises them for validating the imported site too.
    ``max_notes`` (100): notes of one import; the rest are summed up in one last note.
    """

    max_file_bytes: int = 300_000_000
    max_unzipped_bytes: int = 400_000_000
    max_memory_mb: int = 4096
    timeout_s: float = 120.0
    max_levels_per_range: int = 200
    max_curve_points: int = 10_000
    max_points_per_file: int = 5_000_000
    max_ring_vertices: int = model.MAX_RING_VERTICES
    max_line_points: int = model.MAX_LINE_POINTS
    max_notes: int = 100

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise LimitError(f"import limit {f.name}: {v!r} is not a number")
            if f.type in (int, "int") and not isinstance(v, int):
                if not (isinstance(v, float) and math.isfinite(v) and v.is_integer()):
                    raise LimitError(f"import limit {f.name}: {v!r} is not a whole number")
                object.__setattr__(self, f.name, int(v))
                v = int(v)
            if not math.isfinite(v) or v <= 0:
                raise LimitError(f"import limit {f.name}: {v!r} must be a positive, finite "
                                 "number")
            if v > 10**15:
                raise LimitError(f"import limit {f.name}: {v!r} is too large (at most 1e15)")

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT_IMPORT_LIMITS = ImportLimits()


@dataclass(frozen=True, slots=True)
class ImportNote:
    """Something an importer could not find, or changed, in a source file.

    ``severity``: ``error`` (the site will not pass ``orientation check`` without a fix),
    ``warning`` (the site is usable, but something is missing or was guessed from geometry),
    ``info`` (what the importer did). ``code`` is a stable kebab-case key (``no-doors``);
    ``element`` names the source element when there is one (an IFC GlobalId, an OSM id, a DXF
    handle, a file name).
    """

    severity: Severity
    code: str
    message: str
    element: str = ""

    def __str__(self) -> str:
        where = f" [{self.element}]" if self.element else ""
        return f"{self.severity}: {self.message}{where} ({self.code})"


_RANK = {"info": 0, "warning": 1, "error": 2}


class Notes:
    """Collects notes in the order they are found, at most ``max_items`` of them; the rest
    are counted and summed up by :meth:`close` in one last note (``notes-capped``)."""

    def __init__(self, max_items: int = DEFAULT_IMPORT_LIMITS.max_notes) -> None:
        self.items: list[ImportNote] = []
        self.max_items = max_items
        self.dropped: Counter[str] = Counter()
        self.dropped_severity: Severity = "info"
        self.closed = False

    def add(self, severity: Severity, code: str, message: str, element: str = "") -> None:
        if len(self.items) >= self.max_items:
            self.dropped[code] += 1
            if _RANK[severity] > _RANK[self.dropped_severity]:
                self.dropped_severity = severity
            return
        self.items.append(ImportNote(severity, code, message, element))

    def has(self, code: str) -> bool:
        return code in self.dropped or any(n.code == code for n in self.items)

    def close(self) -> list[ImportNote]:
        """The notes, with one summary note for those beyond ``max_items`` (once)."""
        if self.dropped and not self.closed:
            n = sum(self.dropped.values())
            codes = ", ".join(f"{c} ({k})" for c, k in self.dropped.most_common(8))
            self.items.append(ImportNote(
                self.dropped_severity, "notes-capped",
                f"and {n:,} more note(s) not shown ({codes}; limit max_notes = "
                f"{self.max_items:,}); raise the limit to see them all"))
        self.closed = True
        return self.items

    def error(self, code: str, message: str, element: str = "") -> None:
        self.add("error", code, message, element)

    def warning(self, code: str, message: str, element: str = "") -> None:
        self.add("warning", code, message, element)

    def info(self, code: str, message: str, element: str = "") -> None:
        self.add("info", code, message, element)

    def codes(self) -> list[str]:
        return [n.code for n in self.items]


# --- ids and texts ----------------------------------------------------------------------------

_SLUG_BAD = re.compile(r"[^a-z0-9_-]+")
_CODE_RE = re.compile(model.CODE_PATTERN)


def slugify(text: str | None, *, max_length: int = 48) -> str:
    """A lower-case id fragment of ``text`` (``[a-z0-9][a-z0-9_-]*``), or ``""``.

    >>> slugify("Küche / Wohnen 1.07")
    'kuche-wohnen-1-07'
    >>> slugify("  ")
    ''
    >>> slugify("__x")
    'x'
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    t = _SLUG_BAD.sub("-", t)
    t = re.sub(r"-{2,}", "-", t).strip("-_")
    t = t.lstrip("-_")
    return t[:max_length].rstrip("-_")


class IdAllocator:
    """Unique ids within a building: ``prefix-slug`` with ``-2``, ``-3`` … on collisions."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, prefix: str, *candidates: object) -> str:
        base = ""
        for c in candidates:
            s = slugify(None if c is None else str(c))
            if s:
                base = f"{prefix}-{s}" if prefix else s
                break
        if not base:
            base = prefix or "x"
        base = base[:56].rstrip("-_")
        out, n = base, 2
        while out in self.used:
            out = f"{base}-{n}"
            n += 1
        self.used.add(out)
        return out


def clean_text(text: object, *, max_length: int = 200) -> str | None:
    """Whitespace-collapsed text for a model ``Text`` field, or None when empty.

    >>> clean_text("  Foyer\\n étudiants ")
    'Foyer étudiants'
    """
    if text is None:
        return None
    t = " ".join(str(text).split())
    if not t:
        return None
    return t[:max_length].rstrip()


def as_code(text: object) -> str | None:
    """``text`` as a pinned code (``CODE_PATTERN``, at most 16 characters) or None.

    >>> as_code(" 1.07 "), as_code("B015 a"), as_code("")
    ('1.07', None, None)
    """
    if text is None:
        return None
    t = str(text).strip()
    if t and len(t) <= 16 and _CODE_RE.match(t):
        return t
    return None


# --- geometry ---------------------------------------------------------------------------------

def polygons_of(geom: BaseGeometry | None) -> list[Polygon]:
    """Every polygon inside ``geom`` (made valid first), largest first."""
    if geom is None or geom.is_empty:
        return []
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    out: list[Polygon] = []
    stack = [geom]
    while stack:
        g = stack.pop()
        if isinstance(g, Polygon):
            if not g.is_empty and g.area > 0:
                out.append(g)
        elif isinstance(g, (MultiPolygon, GeometryCollection)):
            stack.extend(g.geoms)
    out.sort(key=lambda p: -p.area)
    return out


def on_grid(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` rounded to millimetres, kept valid."""
    return shapely.set_precision(geom, GRID_M)


def ring_points(ring) -> list[XY]:
    """A shapely ring as ``[x, y]`` points without the closing point, rounded to mm."""
    pts = [(round(float(x), 3) + 0.0, round(float(y), 3) + 0.0) for x, y, *_ in ring.coords]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    return pts


def largest_polygon(geom: BaseGeometry | None) -> tuple[Polygon | None, list[Polygon]]:
    """The largest valid polygon of ``geom`` and the other parts (largest first)."""
    polys = polygons_of(geom)
    if not polys:
        return None, []
    return polys[0], polys[1:]


def fix_polygon(points: Sequence[Sequence[float]]) -> Polygon | None:
    """A polygon from raw points, made valid (largest part), or None when degenerate."""
    pts = [(float(p[0]), float(p[1])) for p in points]
    if len(pts) < 3:
        return None
    try:
        poly = Polygon(pts)
    except (ValueError, TypeError, shapely.errors.GEOSException):
        return None
    best, _ = largest_polygon(poly)
    return best


def local_projection(lat0: float, lon0: float):
    """WGS84 -> plan metres around (lat0, lon0): a local equirectangular projection.

    Good to centimetres over a campus (a few km); returns ``f(lon, lat) -> (x, y)``.

    >>> f = local_projection(51.0, 13.7)
    >>> f(13.7, 51.0)
    (0.0, 0.0)
    >>> round(f(13.7, 51.001)[1], 1)
    111.2
    """
    phi = math.radians(lat0)
    m_lat = 111132.954 - 559.822 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi)
    m_lon = 111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi) + 0.118 * math.cos(5 * phi)

    def project(lon: float, lat: float) -> XY:
        return ((lon - lon0) * m_lon + 0.0, (lat - lat0) * m_lat + 0.0)

    project.lat0, project.lon0 = lat0, lon0  # type: ignore[attr-defined]
    project.m_lat = m_lat  # type: ignore[attr-defined]
    project.m_lon = m_lon  # type: ignore[attr-defined]
    return project


def offset_origin(lat: float, lon: float, dx: float, dy: float) -> tuple[float, float]:
    """The WGS84 position ``dx`` m east and ``dy`` m north of (lat, lon)."""
    proj = local_projection(lat, lon)
    return lat + dy / proj.m_lat, lon + dx / proj.m_lon  # type: ignore[attr-defined]


# --- drafts -----------------------------------------------------------------------------------

@dataclass
class DoorDraft:
    """A door as read from the source. ``exterior`` decides whether it is snapped onto the
    outline; ``kind`` must already follow the source (see each importer's rule)."""

    at: XY
    level: int
    kind: DoorKind
    main: bool = False
    width: float | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass
class StairDraft:
    at: XY
    levels: list[int]
    name: str | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass
class RoomDraft:
    level: int
    polygon: BaseGeometry | None
    name: str | None = None
    number: str | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass
class WindowDraft:
    at: XY
    level: int
    width: float | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass
class FeatureDraft:
    kind: FeatureKind
    at: XY
    level: int
    name: str | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass
class BuildingDraft:
    """One building before clean-up. ``footprint`` may be any shapely geometry; its holes
    become courtyards only when ``keep_holes`` (the source drew them as holes)."""

    name: str
    footprint: BaseGeometry | None
    storeys: list[tuple[int, str]]
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None
    keep_holes: bool = True
    doors: list[DoorDraft] = field(default_factory=list)
    stairs: list[StairDraft] = field(default_factory=list)
    rooms: list[RoomDraft] = field(default_factory=list)
    windows: list[WindowDraft] = field(default_factory=list)
    features: list[FeatureDraft] = field(default_factory=list)


@dataclass
class SiteFeatureDraft:
    kind: SiteFeatureKind
    geometry: BaseGeometry
    name: str | None = None
    source_id: str | None = None


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
        notes.error("no-footprint", f"building '{d.name}': no outline could be found; draw the "
                    "footprint in the site file", d.source_id or "")
        return None
    if rest:
        total = poly.area + sum(p.area for p in rest)
        parts = ", ".join(f"{p.area:,.0f} m²" for p in rest[:6])
        notes.warning("footprint-parts", f"building '{d.name}': the outline falls into "
                      f"{len(rest) + 1} separate parts ({total:,.0f} m² in all); the largest "
                      f"({poly.area:,.0f} m²) is used as the footprint and the others ({parts}) "
                      "are left out: if they are separate buildings, add them to the site file",
                      d.source_id or "")
    if not d.keep_holes and poly.interiors:
        holes = [Polygon(r) for r in poly.interiors]
        big = [h for h in holes if h.area >= 4.0]
        poly = Polygon(poly.exterior)
        if big:
            notes.info("holes-filled", f"building '{d.name}': {len(big)} hole(s) inside the "
                       f"outline ({', '.join(f'{h.area:,.0f} m²' for h in big[:5])}) were filled; "
                       "add them as courtyards if they are open to the sky", d.source_id or "")
    # drop slivers of holes, simplify collinear points, round to millimetres
    if poly.interiors:
        keep = [r for r in poly.interiors if Polygon(r).area >= 1.0]
        poly = Polygon(poly.exterior, keep)
    poly = poly.simplify(0.01, preserve_topology=True)
    best, _ = largest_polygon(on_grid(poly))
    if best is None or best.area < 1.0:
        notes.error("no-footprint", f"building '{d.name}': the outline has no area "
                    f"({poly.area:.2f} m²); check the drawing units", d.source_id or "")
        return None
    return orient(best, sign=-1.0)


class BoundaryIndex:
    """Nearest points on an outline in O(log n) per query: an STRtree of its segments.

    ``boundary.distance(point)`` costs O(n) for an outline of n vertices, so snapping d doors
    onto it cost O(d·n); with the index it is O((d + n) log n).
    """

    def __init__(self, boundary: BaseGeometry | None):
        segs = []
        if boundary is not None and not boundary.is_empty:
            for part in shapely.get_parts(boundary):
                c = shapely.get_coordinates(part)
                if len(c) >= 2:
                    segs.append(np.stack([c[:-1], c[1:]], axis=1))
        arr = np.concatenate(segs) if segs else np.empty((0, 2, 2))
        self.segments = shapely.linestrings(arr) if len(arr) else np.empty(0, dtype=object)
        self.tree = shapely.STRtree(self.segments)

    def __bool__(self) -> bool:
        return len(self.segments) > 0

    def distance(self, geom: BaseGeometry) -> float:
        """Distance of ``geom`` to the outline (inf for an empty outline)."""
        if not len(self.segments) or geom is None or geom.is_empty:
            return math.inf
        _, dist = self.tree.query_nearest(geom, return_distance=True, all_matches=False)
        return float(dist[0]) if len(dist) else math.inf

    def within(self, geom: BaseGeometry, distance: float) -> bool:
        """Whether ``geom`` lies within ``distance`` of the outline."""
        if not len(self.segments) or geom is None or geom.is_empty:
            return False
        return bool(len(self.tree.query(geom, predicate="dwithin", distance=distance)))

    def snap(self, xy: XY) -> tuple[XY, float]:
        """The nearest point of the outline to ``xy`` and its distance."""
        p = Point(xy)
        if not len(self.segments):
            return xy, math.inf
        idx = self.tree.query_nearest(p, all_matches=False)
        seg = self.segments[int(idx[0])]
        q = nearest_points(seg, p)[0]
        return (q.x, q.y), float(seg.distance(p))


def _snap_to_boundary(boundary: BaseGeometry | BoundaryIndex, xy: XY) -> tuple[XY, float]:
    if not isinstance(boundary, BoundaryIndex):
        boundary = BoundaryIndex(boundary)
    return boundary.snap(xy)


def count_vertices(geom: BaseGeometry | None) -> int:
    """The number of coordinates of ``geom`` (0 for None)."""
    return 0 if geom is None else int(shapely.get_num_coordinates(geom))


def largest_ring_vertices(geom: BaseGeometry | None) -> int:
    """Vertices of the longest ring or line in ``geom`` (what one outline costs)."""
    if geom is None or geom.is_empty:
        return 0
    rings = [geom]
    out = 0
    while rings:
        g = rings.pop()
        if isinstance(g, Polygon):
            out = max(out, len(g.exterior.coords), *(len(r.coords) for r in g.interiors))
        elif hasattr(g, "geoms"):
            rings.extend(g.geoms)
        else:
            out = max(out, count_vertices(g))
    return out


def _inside_point(poly: Polygon, inner: BaseGeometry, xy: XY) -> tuple[XY | None, float]:
    p = Point(xy)
    if poly.contains(p):
        return xy, 0.0
    dist = poly.distance(p)
    if inner.is_empty:
        r = poly.representative_point()
        return (r.x, r.y), dist
    q = nearest_points(inner, p)[0]
    return (q.x, q.y), dist


def _r(v: float) -> float:
    return round(float(v), 3) + 0.0


def _xy(p: XY) -> list[float]:
    return [_r(p[0]), _r(p[1])]


def _width(w: float | None, bad: list[float]) -> float | None:
    if w is None or not (w > 0 and math.isfinite(w)):
        return None
    if w > 10:
        bad.append(w)
        return None
    return round(w, 3)


def build_building(d: BuildingDraft, ids_seen: set[str], notes: Notes, *,
                   max_door_snap_m: float = MAX_DOOR_SNAP_M,
                   limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> dict | None:
    """One building as plain site-file data, or None (with an error note) without an outline."""
    poly = _clean_footprint(d, notes, limits)
    if poly is None:
        return None
    if not d.storeys:
        notes.error("no-storeys", f"building '{d.name}': no storeys found", d.source_id or "")
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
    out["storeys"] = [{"level": lv, "name": clean_text(n) or str(lv)}
                      for lv, n in sorted(d.storeys)]
    if d.source_id:
        out["source_id"] = d.source_id

    def level_ok(level: int, what: str, sid: str | None) -> bool:
        if level in levels:
            return True
        notes.warning("level-unknown", f"building '{d.name}': {what} on level {level}, which is "
                      "not a storey of the building; left out", sid or "")
        return False

    # doors
    doors = []
    moved: list[float] = []
    far: list[tuple[float, str]] = []
    bad_widths: list[float] = []
    for dd in d.doors:
        if not level_ok(dd.level, "a door", dd.source_id):
            continue
        at = dd.at
        if dd.kind != DoorKind.inner:
            at, dist = _snap_to_boundary(boundary, dd.at)
            if dist > max_door_snap_m:
                far.append((dist, dd.source_id or "?"))
                continue
            if dist > 0.01:
                moved.append(dist)
        door = {"id": ids.new("d", *dd.id_hints, dd.source_id, "door"), "at": _xy(at),
                "level": dd.level, "kind": dd.kind.value}
        if dd.main:
            door["main"] = True
        w = _width(dd.width, bad_widths)
        if w is not None:
            door["width"] = w
        if dd.source_id:
            door["source_id"] = dd.source_id
        doors.append(door)
    if far:
        notes.warning("door-off-outline", f"building '{d.name}': {len(far)} exterior door(s) lie "
                      f"{min(far)[0]:.1f} to {max(far)[0]:.1f} m from the footprint outline (more "
                      f"than {max_door_snap_m:g} m) and are left out: add them by hand where "
                      "they really are", ", ".join(s for _, s in far[:8])
                      + (" …" if len(far) > 8 else ""))
    if moved:
        notes.info("doors-snapped", f"building '{d.name}': {len(moved)} exterior door(s) moved "
                   f"onto the outline (by up to {max(moved):.2f} m)")
    out["doors"] = doors

    # stairs
    stairs = []
    for sd in d.stairs:
        lv = sorted({x for x in sd.levels if x in levels})
        if not lv:
            level_ok(sd.levels[0] if sd.levels else 0, "a stair", sd.source_id)
            continue
        at, dist = _inside_point(poly, inner, sd.at)
        if dist > MAX_STAIR_SNAP_M or at is None:
            notes.warning("stair-outside", f"building '{d.name}': a stair lies {dist:.1f} m outside "
                          "the footprint; left out (add it by hand if it belongs to the building)",
                          sd.source_id or "")
            continue
        if dist > 0:
            notes.info("stair-moved", f"building '{d.name}': a stair just outside the footprint "
                       f"was moved inside (by {dist:.2f} m)", sd.source_id or "")
        st = {"id": ids.new("st", *sd.id_hints, sd.source_id, "stair"), "at": _xy(at), "levels": lv}
        if clean_text(sd.name):
            st["name"] = clean_text(sd.name)
        if sd.source_id:
            st["source_id"] = sd.source_id
        stairs.append(st)
    out["stairs"] = stairs

    # rooms
    rooms = []
    grown = poly.buffer(0.4)
    shapely.prepare(grown)
    clipped = emptied = 0
    big_rooms: list[int] = []
    for rd in d.rooms:
        if not level_ok(rd.level, "a room", rd.source_id):
            continue
        room = {"id": ids.new("r", *rd.id_hints, rd.source_id, "room"), "level": rd.level}
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
        if rp is not None:
            rp, _ = largest_polygon(on_grid(rp.simplify(0.005, preserve_topology=True)))
        if rp is not None and rp.area >= 0.01:
            room["polygon"] = [list(p) for p in ring_points(Polygon(rp.exterior).exterior)]
        if rd.number is not None:
            room["number"] = rd.number
        if rd.source_id:
            room["source_id"] = rd.source_id
        rooms.append(room)
    if clipped:
        notes.info("rooms-clipped", f"building '{d.name}': {clipped} room outline(s) reaching "
                   "outside the footprint were clipped to it")
    if big_rooms:
        notes.warning("room-too-many-vertices", f"building '{d.name}': {len(big_rooms)} room "
                      f"outline(s) have up to {max(big_rooms):,} vertices (limit "
                      f"max_ring_vertices = {limits.max_ring_vertices:,}); they are listed "
                      "without an outline: simplify them in the source or raise the limit")
    if emptied:
        notes.warning("rooms-outside", f"building '{d.name}': {emptied} room(s) lie outside the "
                      "footprint; they are listed without an outline")
    out["rooms"] = rooms

    # windows
    windows = []
    dropped_w = 0
    for wd in d.windows:
        if not level_ok(wd.level, "a window", wd.source_id):
            continue
        at, dist = _snap_to_boundary(boundary, wd.at)
        if dist > MAX_WINDOW_SNAP_M:
            dropped_w += 1
            continue
        win = {"id": ids.new("w", *wd.id_hints, wd.source_id, "window"), "at": _xy(at),
               "level": wd.level}
        w = _width(wd.width, bad_widths)
        if w is not None:
            win["width"] = w
        if wd.source_id:
            win["source_id"] = wd.source_id
        windows.append(win)
    if dropped_w:
        notes.info("windows-off-outline", f"building '{d.name}': {dropped_w} window(s) more than "
                   f"{MAX_WINDOW_SNAP_M:g} m from the footprint outline (roof lights, set-back "
                   "storeys) are left out")
    out["windows"] = windows
    if bad_widths:
        notes.warning("width-implausible", f"building '{d.name}': {len(bad_widths)} door or "
                      f"window width(s) of {min(bad_widths):g} to {max(bad_widths):g} m are "
                      "implausible (millimetres in a metre file?); those widths are left out")

    features = []
    for fd in d.features:
        if not level_ok(fd.level, f"a {fd.kind.value}", fd.source_id):
            continue
        f = {"kind": fd.kind.value, "at": _xy(fd.at), "level": fd.level}
        if clean_text(fd.name):
            f["name"] = clean_text(fd.name)
        f["id"] = ids.new(fd.kind.value.replace("_", "-"), *fd.id_hints, fd.source_id)
        if fd.source_id:
            f["source_id"] = fd.source_id
        features.append(f)
    out["features"] = features
    return out


def _line_points(g: BaseGeometry, max_points: int) -> tuple[list[list[float]], bool]:
    """A line's points rounded to millimetres (consecutive repeats dropped), simplified until
    at most ``max_points`` remain; and whether it was simplified. Rounding point by point (not
    ``set_precision``, which nodes a self-crossing line: quadratic in its crossings)."""
    c = np.round(shapely.get_coordinates(g), 3) + 0.0
    if len(c) > 1:
        keep = np.ones(len(c), dtype=bool)
        keep[1:] = np.any(c[1:] != c[:-1], axis=1)
        c = c[keep]
    simplified = False
    tol = 0.05
    while len(c) > max_points and tol < 1e7:
        c = np.round(shapely.get_coordinates(
            LineString(c).simplify(tol, preserve_topology=False)), 3) + 0.0
        simplified = True
        tol *= 4
    return [[float(x), float(y)] for x, y in c], simplified


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
        pts, was = _line_points(g, limits.max_line_points)
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
        out["at"] = _xy((c.x, c.y))
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
        return [_r(p[0] - dx), _r(p[1] - dy)]

    for b in data["buildings"]:
        b["footprint"] = [pt(p) for p in b["footprint"]]
        if "courtyards" in b:
            b["courtyards"] = [[pt(p) for p in c] for c in b["courtyards"]]
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


def assemble_site(*, name: str, drafts: Iterable[BuildingDraft], notes: Notes,
                  origin: tuple[float, float] | None = None, north_deg: float = 0.0,
                  site_features: Iterable[SiteFeatureDraft] = (), address: str | None = None,
                  max_door_snap_m: float = MAX_DOOR_SNAP_M,
                  limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> dict:
    """The whole site as plain data in the shape of ``orientation/site@1``.

    Adds the site-wide notes: no doors at all, no exterior door, no main entrance, several
    main entrances (the first is kept).
    """
    seen: set[str] = set()
    buildings = []
    for d in drafts:
        b = build_building(d, seen, notes, max_door_snap_m=max_door_snap_m, limits=limits)
        if b is not None:
            buildings.append(b)
    info: dict = {"name": clean_text(name) or "Imported site"}
    if clean_text(address):
        info["address"] = clean_text(address)
    north = round(float(north_deg) % 360.0, 3)
    if north >= 360.0 or abs(north) < 1e-9:
        north = 0.0
    info["north_deg"] = north
    data: dict = {"format": model.FORMAT, "site": info, "buildings": buildings}
    simplified: list[str] = []
    feats = [f for f in (_site_feature(s, limits, simplified) for s in site_features)
             if f is not None]
    if simplified:
        notes.warning("site-feature-simplified", f"{len(simplified)} site feature(s) have more "
                      f"points than the limits allow (max_line_points = "
                      f"{limits.max_line_points:,} per line, max_ring_vertices = "
                      f"{limits.max_ring_vertices:,} per outline); lines were simplified, "
                      "outlines left out; raise the limits to keep them as drawn",
                      ", ".join(simplified[:8]) + (" …" if len(simplified) > 8 else ""))
    if feats:
        data["site_features"] = feats
    if not buildings:
        if origin is not None:
            info["origin"] = {"lat": round(origin[0], 7), "lon": round(origin[1], 7)}
        return data

    # far from (0, 0): shift the plan to the site and move the geo anchor with it
    xs = [p[0] for b in buildings for p in b["footprint"]]
    ys = [p[1] for b in buildings for p in b["footprint"]]
    if max(abs(min(xs)), abs(max(xs)), abs(min(ys)), abs(max(ys))) > MAX_PLAN_OFFSET_M:
        dx, dy = math.floor(min(xs)), math.floor(min(ys))
        _shift(data, dx, dy)
        notes.warning("plan-shifted", f"the plan coordinates lie {math.hypot(dx, dy) / 1000:,.1f} "
                      f"km from (0, 0); the plan was shifted by ({-dx:g}, {-dy:g}) m so that "
                      "it starts near (0, 0)")
        if origin is not None:
            origin = offset_origin(origin[0], origin[1], dx, dy)
    if origin is not None:
        info["origin"] = {"lat": round(origin[0], 7), "lon": round(origin[1], 7)}

    # one main entrance per site
    mains = [(b, d) for b in buildings for d in b["doors"] if d.get("main")]
    for _, d in mains[1:]:
        d.pop("main")
    if len(mains) > 1:
        notes.warning("several-main-entrances", f"{len(mains)} doors are marked as main "
                      f"entrance; only the first ('{mains[0][1]['id']}' of building "
                      f"'{mains[0][0]['id']}') is kept as main: check which one it is")
    all_doors = [d for b in buildings for d in b["doors"]]
    exterior = [d for d in all_doors if d["kind"] != DoorKind.inner.value]
    if not all_doors:
        notes.error("no-doors", "the source has no doors at all: add the exterior doors "
                    "(entrances, emergency exits) to the site file by hand; none were invented")
    elif not exterior:
        notes.error("no-exterior-doors", f"none of the {len(all_doors)} doors lies on a building "
                    "outline: add the exterior doors to the site file by hand")
    if exterior and not mains:
        notes.warning("no-main-entrance", "no door is marked as the main entrance; set "
                      "'main: true' on it in the site file")
    return data


def exterior_kinds_summary(buildings: Sequence[dict]) -> str:
    """``'12 exterior doors: 10 emergency_exit, 2 entrance'`` for notes."""
    counts: dict[str, int] = {}
    for b in buildings:
        for d in b["doors"]:
            if d["kind"] != "inner":
                counts[d["kind"]] = counts.get(d["kind"], 0) + 1
    n = sum(counts.values())
    parts = ", ".join(f"{v} {k}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"{n} exterior door(s)" + (f": {parts}" if parts else "")
