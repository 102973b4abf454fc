"""The budgets of one import (:class:`ImportLimits`): every place where the size of a building
file can multiply the work has one."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from .. import defaults, model
from ..errors import LimitError


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
    ``max_wall_segments`` (20,000): segments of the wall lines of a DXF plan drawn without
    closed room outlines; beyond it the walls are not formed into rooms (noted), since noding
    and polygonising crossing lines grows faster than their number.
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
    max_wall_segments: int = defaults.MAX_WALL_SEGMENTS
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


__all__ = ["DEFAULT_IMPORT_LIMITS", "ImportLimits"]
