"""Plan shapes of IFC elements: the geometry kernel's meshes (world coordinates, metres)
projected onto the plan, for :mod:`orientation.io.ifc`.

Elements whose outline matters (walls, spaces, slabs) are projected exactly, triangle by
triangle; the others (doors, openings, stairs, lifts) as the convex hull of their points,
which is cheap and all that their position needs.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint
from shapely.geometry.base import BaseGeometry


@dataclass
class Shape:
    """An element's plan shape (plan metres) and its height range (metres)."""

    plan: BaseGeometry
    zmin: float
    zmax: float


def plan_of_mesh(verts: np.ndarray, faces: np.ndarray, *, exact: bool) -> BaseGeometry | None:
    """The plan of a triangle mesh: the union of its triangles (``exact``), else the convex
    hull of its points (a sliver is grown by 5 cm)."""
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


def tessellate(ifcopenshell, f, elements: list, exact_ids: set[int],
               shapes: dict[int, Shape]) -> None:
    """Plan shapes of ``elements`` into ``shapes`` (by STEP id), with the multi-threaded
    iterator: world coordinates in metres, no opening subtraction, coarse curves. Elements
    without geometry are left out (the caller reports them)."""
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
                plan = plan_of_mesh(v, fc, exact=sh.id in exact_ids)
                if plan is not None and not plan.is_empty:
                    shapes[sh.id] = Shape(plan, float(v[:, 2].min()), float(v[:, 2].max()))
        except (ValueError, shapely.errors.GEOSException):
            pass
        if not it.next():
            break


__all__ = ["Shape", "plan_of_mesh", "tessellate"]
