"""Rooms from wall lines, for DXF plans drawn only with LINE and ARC walls (no closed polylines).

* **wall lines**: the layers named like walls (``wall``, ``wand``, ``mauer``, ``mur`` …), with
  the layers of their doors, windows, glass and columns and the facade layer; without any
  wall layer, all line work except layers named like furniture, hatching, dimensions, text,
  axes, frames, floor patterns or roofs. Closed polylines on those layers count as their rings.
* **near misses**: a line end within ``SNAP_M`` (5 cm) of another line is joined to it (a short
  bridge, past the other line so that noding cuts there), so walls that nearly meet close.
* **door swings**: an ARC of at most a half turn whose centre (the hinge) lies on another line
  (and, with known units, of 0.4 to 2 m radius) is a door swing: it is replaced by its two
  radii, the leaf and the closed door, so the doorway closes and the swing makes no room.
* **faces**: the lines are noded (``union_all``) and polygonised. A face thinner than
  ``MIN_ROOM_WIDTH_M`` (0.4 m: the wall between two parallel lines, a door gap) is wall. A face
  holding a room label (TEXT/MTEXT on the label layer, the layer with the most texts inside
  faces) is a room, its holes filled unless another room or a courtyard lies in them (then a
  1 cm slit opens it into one ring, as a site's rooms are); one labelled like a
  courtyard (``Hof``, ``Innenhof``, ``courtyard``, ``patio``, ``cour``) is a courtyard. The
  other faces are not rooms.
* **footprint**: the union of the faces, holes closed except courtyards, the parts without a
  room left out; an unlabelled face around rooms (the paper around a plan inside a frame, a lot
  line) is not part of it.

Cost: curves come flattened within ``max_curve_points`` and ``max_points_per_file``; the wall
segments, the line ends near other lines and the pairs of touching segments (what noding and
polygonising multiply) are each bounded by ``max_wall_segments``
(:class:`~orientation.io.ImportLimits`, default :data:`orientation.defaults.MAX_WALL_SEGMENTS`):
at most that many segments, three times that many touching pairs and eight times that many
(line end, nearby segment) pairs (a real floor plan has one to two touching pairs a segment). A
drawing beyond that is not polygonised, and :class:`WallPlan` says so (``too_many``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ._limits import ImportLimits

#: Line ends within this of another line are joined to it (metres).
SNAP_M = 0.05
#: Faces thinner than this (the largest circle inside, metres) are walls, not rooms.
MIN_ROOM_WIDTH_M = 0.4
#: Width of the slit that opens a room around a courtyard into one ring (metres).
SLIT_M = 0.01
#: Radius range of a door swing arc (metres), checked when the units are known.
DOOR_RADIUS_M = (0.4, 2.0)
WALL_RE = re.compile(r"wall|w(a|ä|ae)nd|mauer|(^|[^a-z])mur|muro|parete|cloison|tabique|"
                     r"partition", re.I)
PART_RE = re.compile(r"door|t(ü|ue)r|porte|puerta|deur|window|fenster|fen(e|ê)tre|ventana|"
                     r"raam|glas|glaz|crystal|cristal|vitr|curtain|column|st(ü|ue)tze|pillar|"
                     r"pfeiler|poteau|opening|(ö|oe)ffnung", re.I)
NOT_WALLS_RE = re.compile(r"furn|m(ö|oe)bel|mobil|einricht|equip|dim|bema(ß|ss)|cote|hatch|"
                          r"schraff|patt|text|beschrift|anno|achs|axis|grid|raster|rahmen|"
                          r"frame|border|title|cartouche|floor|boden|ceiling|decke|roof|dach|"
                          r"project|symbol|defpoints|viewport", re.I)
COURTYARD_RE = re.compile(r"(^|\s)(innenhof|lichthof|hof|courtyard|patio|cour)(\s|$)", re.I)

Text = tuple[Point, str, str, "Point | None"]  # (insert, text, handle, middle of its box)


@dataclass(frozen=True)
class Arc:
    """An ARC as drawn: centre (world x, y), radius, sweep in degrees, and its end points."""

    center: tuple[float, float]
    radius: float
    sweep: float
    layer: str


@dataclass
class WallPlan:
    """What the wall lines gave (drawing units). ``rooms``: (face, handle of its label);
    ``too_many``: what went over ``max_wall_segments`` (nothing was polygonised):
    ``segments`` (``too_many_count`` of them), ``pairs`` (more than ``too_many_count``
    touching segment pairs) or ``ends`` (more than ``too_many_count`` line ends near other
    lines); empty when nothing did."""

    layers: list[str]
    rooms: list[tuple[Polygon, str]] = field(default_factory=list)
    footprint: BaseGeometry | None = None
    label_layer: str | None = None
    segments: int = 0
    faces: int = 0
    thin: int = 0
    unlabelled: int = 0
    courtyards: int = 0
    swings: int = 0
    bridges: int = 0
    too_many: str = ""
    too_many_count: int = 0

    def over(self, what: str, count: int) -> None:
        """Say that ``what`` went over the limit (``count``, see the class docstring)."""
        self.too_many, self.too_many_count = what, count


def guess_units(areas: list[float], size: float) -> tuple[str, float]:
    """The units of a drawing that does not declare them: those that make the median room 4
    to 400 m² (rooms tell best), else the building 3 m to 2 km across; metres first.

    >>> guess_units([150_000.0, 200_000.0, 300_000.0], 2000.0)
    ('cm', 0.01)
    >>> guess_units([], 25_000.0)
    ('mm', 0.001)
    """
    areas = sorted(a for a in areas if a > 0)
    median = areas[len(areas) // 2] if areas else 0.0
    for name, s in (("m", 1.0), ("mm", 0.001), ("cm", 0.01)):
        if (4 <= median * s * s <= 400) if median else (3 <= size * s <= 2000):
            return name, s
    return "m", 1.0


def wall_layers(loose: dict, closed: dict, fp_layer: str | None) -> list[str]:
    """The layers whose line work is the walls (see the module docstring)."""
    drawn = sorted(ly for ly in set(loose) | set(closed) if loose.get(ly) or closed.get(ly))
    usable = [ly for ly in drawn if not NOT_WALLS_RE.search(ly) or ly == fp_layer]
    walls = [ly for ly in usable if WALL_RE.search(ly)]
    if not walls:
        return usable
    return [ly for ly in usable if ly in walls or PART_RE.search(ly) or ly == fp_layer]


def _bounded_pairs(tree: shapely.STRtree, geoms: np.ndarray, budget: int, predicate: str,
                   distance: float | None = None) -> np.ndarray | None:
    """``tree.query(geoms, predicate)`` pairs, in chunks small enough that one chunk's answer
    stays within ``budget``; None as soon as there are more than ``budget`` pairs."""
    n = max(1, len(tree))
    step = max(8, budget // n)
    out: list[np.ndarray] = []
    total = 0
    for i in range(0, len(geoms), step):
        pairs = tree.query(geoms[i:i + step], predicate=predicate, distance=distance)
        pairs[0] += i
        total += pairs.shape[1]
        if total > budget:
            return None
        out.append(pairs)
    return np.concatenate(out, axis=1) if out else np.zeros((2, 0), dtype=np.intp)


def _segments(coords: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Segments ``(n, 2, 2)`` of the lines and the line each belongs to (zero lengths out)."""
    if not coords:
        return np.zeros((0, 2, 2)), np.zeros(0, dtype=np.intp)
    lens = np.array([len(c) for c in coords])
    pts = np.concatenate(coords)
    idx = np.repeat(np.arange(len(coords)), lens)
    same = idx[1:] == idx[:-1]
    seg = np.stack([pts[:-1][same], pts[1:][same]], axis=1)
    line = idx[:-1][same]
    keep = np.any(seg[:, 0] != seg[:, 1], axis=1)
    return seg[keep], line[keep]


def _bridges(seg: np.ndarray, seg_line: np.ndarray, coords: list[np.ndarray], tol: float,
             budget: int) -> np.ndarray | None:
    """Short segments joining each open line end that meets no other line end to the nearest
    other segment within ``tol``: to its end exactly, or past its middle (so noding cuts)."""
    ends, own = [], []
    first = np.searchsorted(seg_line, np.arange(len(coords)), side="left")
    last = np.searchsorted(seg_line, np.arange(len(coords)), side="right") - 1
    for i, c in enumerate(coords):
        if first[i] > last[i] or np.array_equal(c[0], c[-1]):
            continue
        ends += [c[0], c[-1]]
        own += [first[i], last[i]]
    if not ends or tol <= 0:
        return np.zeros((0, 2, 2))
    end_xy = np.array(ends)
    own_seg = np.array(own)
    tree = shapely.STRtree(shapely.linestrings(seg))
    pairs = _bounded_pairs(tree, shapely.points(end_xy), budget, "dwithin", tol)
    if pairs is None:
        return None
    e, s = pairs
    keep = s != own_seg[e]
    e, s = e[keep], s[keep]
    if not len(e):
        return np.zeros((0, 2, 2))
    p, a, b = end_xy[e], seg[s, 0], seg[s, 1]
    met = np.all(p == a, axis=1) | np.all(p == b, axis=1)
    joined = np.zeros(len(end_xy), dtype=bool)
    joined[e[met]] = True
    ab = b - a
    t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.einsum("ij,ij->i", ab, ab), 0.0, 1.0)
    foot = a + t[:, None] * ab
    d = np.hypot(*(foot - p).T)
    order = np.lexsort((d, e))
    e, s, t, foot, d = e[order], s[order], t[order], foot[order], d[order]
    firsts = np.ones(len(e), dtype=bool)
    firsts[1:] = e[1:] != e[:-1]
    out = []
    for k in np.flatnonzero(firsts):
        i = int(e[k])
        if joined[i]:
            continue
        start = end_xy[i]
        if t[k] <= 0.0 or t[k] >= 1.0:
            to = seg[s[k], 0 if t[k] <= 0.0 else 1]  # onto its end, exactly
        else:
            step = foot[k] - start
            if d[k] == 0.0:  # on the segment already: go on along the line's own direction
                j = int(own_seg[i])
                step = start - (seg[j, 1] if np.array_equal(seg[j, 0], start) else seg[j, 0])
            n = math.hypot(*step) or 1.0
            to = foot[k] + step / n * tol * 0.25
        out.append((start, to))
    return np.array(out).reshape(-1, 2, 2)


def _slit(poly: Polygon, width: float) -> Polygon:
    """A room around a courtyard or another room as one ring, as a site's rooms are: a slit
    ``width`` wide cut from each hole to the outside (the largest piece is kept)."""
    for _ in range(len(poly.interiors)):
        if not poly.interiors:
            break
        cut = shapely.shortest_line(poly.interiors[0], poly.exterior)
        rest = poly.difference(cut.buffer(width / 2, cap_style="square"))
        parts = [g for g in shapely.get_parts(rest) if isinstance(g, Polygon)]
        if not parts:
            break
        poly = max(parts, key=lambda g: g.area)
    return poly


def _texts_in(faces: np.ndarray, tree: shapely.STRtree, texts: list[Text]) -> list[int]:
    """The face each text lies in (its insert point, else the middle of its box), or -1."""
    if not texts:
        return []
    where = [-1] * len(texts)
    for pick in (0, 3):
        todo = [i for i, w in enumerate(where) if w < 0 and texts[i][pick] is not None]
        if not todo:
            break
        pi, fi = tree.query([texts[i][pick] for i in todo], predicate="within")
        for a, b in zip(pi, fi, strict=True):
            where[todo[int(a)]] = int(b)
    return where


def rooms_from_walls(loose: dict[str, list[tuple[LineString, str]]],
                     closed: dict[str, list[tuple[Polygon, str]]],
                     arcs: dict[tuple[str, str], Arc], texts: dict[str, list[Text]], *,
                     fp_layer: str | None, label_layer: str | None, scale: float,
                     limits: ImportLimits) -> WallPlan | None:
    """Rooms and footprint from the wall lines (drawing units; see the module docstring), or
    None when the drawing has no line work to try. ``scale``: metres per drawing unit, 0 when
    unknown (then the room sizes decide, as :func:`guess_units` does)."""
    layers = wall_layers(loose, closed, fp_layer)
    if not any(loose.get(ly) or closed.get(ly) for ly in layers):
        return None
    cap = limits.max_wall_segments
    plan = WallPlan(layers=layers)
    if not scale:
        first = _polygonise(plan, loose, closed, arcs, texts, label_layer, 0.0, cap)
        if first is None:
            return plan
        areas = [f.area for f in first]
        x0, y0, x1, y1 = shapely.total_bounds([g for ly in layers for g, _ in
                                               loose.get(ly, []) + closed.get(ly, [])])
        size = max(x1 - x0, y1 - y0)
        scale = guess_units(areas, float(size) if math.isfinite(size) else 0.0)[1]
        plan = WallPlan(layers=layers)
    _polygonise(plan, loose, closed, arcs, texts, label_layer, scale, cap)
    return plan


def _polygonise(plan: WallPlan, loose: dict, closed: dict, arcs: dict[tuple[str, str], Arc],
                texts: dict[str, list[Text]], label_layer: str | None, scale: float,
                cap: int) -> list[Polygon] | None:
    """Fill ``plan`` from its layers' lines; ``scale`` 0 is a first, exact pass that only
    finds the labelled faces (returned, for the units)."""
    unit = 1.0 / scale if scale else 0.0
    tol = SNAP_M * unit
    # --- lines, door swings out ---------------------------------------------------------------
    straight: list[np.ndarray] = []
    curved: list[tuple[np.ndarray, Arc]] = []
    for ly in plan.layers:
        for ls, handle in loose.get(ly, []):
            xy = np.asarray(ls.coords)[:, :2]
            if not np.isfinite(xy).all():
                continue
            arc = arcs.get((ly, handle)) if handle else None
            if arc is not None:
                curved.append((xy, arc))
            else:
                straight.append(xy)
        for poly, _ in closed.get(ly, []):
            for ring in (poly.exterior, *poly.interiors):
                xy = np.asarray(ring.coords)[:, :2]
                if np.isfinite(xy).all():
                    straight.append(xy)
    n_est = sum(len(c) - 1 for c in straight) + sum(len(c) - 1 for c, _ in curved)
    if n_est > cap:
        plan.over("segments", n_est)
        return None
    seg, _ = _segments(straight)
    hinge = tol or 1e-9 * max(1.0, float(np.abs(seg).max()) if len(seg) else 1.0)
    swing = np.zeros(len(curved), dtype=bool)
    if curved and len(seg):
        lo, hi = (r * unit for r in DOOR_RADIUS_M) if unit else (0.0, math.inf)
        cand = [i for i, (_, a) in enumerate(curved)
                if a.sweep <= 181.0 and lo <= a.radius <= hi]
        if cand:
            tree = shapely.STRtree(shapely.linestrings(seg))
            hits = tree.query_nearest(shapely.points([curved[i][1].center for i in cand]),
                                      max_distance=hinge, all_matches=False)
            swing[[cand[int(k)] for k in np.unique(hits[0])]] = True
    coords = list(straight)
    for (xy, arc), is_swing in zip(curved, swing, strict=True):
        if is_swing:
            c = np.array(arc.center)
            coords += [np.array([c, xy[0]]), np.array([c, xy[-1]])]
        else:
            coords.append(xy)
    plan.swings = int(swing.sum())
    seg, seg_line = _segments(coords)
    plan.segments = len(seg)
    if len(seg) > cap:
        plan.over("segments", len(seg))
        return None
    bridges = _bridges(seg, seg_line, coords, tol, 8 * cap)
    if bridges is None:
        plan.over("ends", 8 * cap)
        return None
    plan.bridges = len(bridges)
    lines = shapely.linestrings(np.concatenate([seg, bridges]) if len(bridges) else seg)
    # each touching pair comes twice, each segment touches itself
    touching = _bounded_pairs(shapely.STRtree(lines), lines, 6 * cap + len(lines), "intersects")
    if touching is None:
        plan.over("pairs", 3 * cap)
        return None
    # --- faces --------------------------------------------------------------------------------
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(lines))))
    faces = faces[shapely.area(faces) > 0]
    plan.faces = len(faces)
    if not len(faces):
        return []
    if unit:
        width = 2.0 * shapely.length(shapely.maximum_inscribed_circle(faces, 0.02 * unit))
        thin = width < MIN_ROOM_WIDTH_M * unit
    else:
        thin = np.zeros(len(faces), dtype=bool)
    plan.thin = int(thin.sum())
    tree = shapely.STRtree(faces)
    where = {ly: _texts_in(faces, tree, ts) for ly, ts in texts.items()}
    if label_layer is None:
        inside = {ly: sum(1 for w in ws if w >= 0 and not thin[w]) for ly, ws in where.items()}
        best = max(inside, key=lambda ly: (inside[ly], len(texts[ly])), default=None)
        label_layer = best if best is not None and inside[best] else None
    plan.label_layer = label_layer
    labels: dict[int, list[int]] = {}
    for i, w in enumerate(where.get(label_layer, []) if label_layer else []):
        if w >= 0 and not thin[w]:
            labels.setdefault(w, []).append(i)
    if not scale:
        return [faces[f] for f in labels]
    ts = texts[label_layer] if label_layer else []
    court = {f for f, idx in labels.items()
             if all(COURTYARD_RE.search(" ".join(ts[i][1].split())) for i in idx)}
    room_ids = sorted(f for f in labels if f not in court)
    plan.courtyards = len(court)
    plan.unlabelled = int((~thin).sum()) - len(labels)
    if not room_ids:
        return None
    marks = np.array([faces[f].point_on_surface() for f in room_ids], dtype=object)
    court_marks = np.array([faces[f].point_on_surface() for f in court], dtype=object)

    def holds_room(ring, courts: bool = False) -> bool:
        hole = Polygon(ring)
        return bool(shapely.contains(hole, marks).any()) or (
            courts and bool(shapely.contains(hole, court_marks).any()))

    rooms = []
    for f in room_ids:
        p = faces[f]
        holes = [h for h in p.interiors if holds_room(h, courts=True)]
        room = _slit(Polygon(p.exterior, holes), SLIT_M * unit)
        rooms.append((room, ts[labels[f][0]][2]))
    plan.rooms = rooms
    holed = np.flatnonzero(shapely.get_num_interior_rings(faces) > 0)
    around = {int(f) for f in holed if f not in labels and not thin[f]
              and any(holds_room(h) for h in faces[f].interiors)}
    parts = [faces[f] for f in range(len(faces)) if f not in around and f not in court]
    if not parts or not rooms:
        return None
    union = shapely.coverage_union_all(parts)  # the faces tile the plane: a fast union
    filled = [Polygon(p.exterior) for p in shapely.get_parts(union) if isinstance(p, Polygon)]
    filled = [p for p in filled if shapely.contains(p, marks).any()]
    fp = shapely.union_all(filled)
    if court:
        fp = fp.difference(shapely.union_all([faces[f] for f in court]))
    plan.footprint = fp
    return None


__all__ = ["Arc", "MIN_ROOM_WIDTH_M", "SNAP_M", "WallPlan", "guess_units", "rooms_from_walls",
           "wall_layers"]
