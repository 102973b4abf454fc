"""What the GIS and dispatch exports need besides the plan, as plain values: the site's
reference on the earth (:class:`~orientation.geo.Georef`), the CRS of the GeoPackage and the
object sheet's grid coordinates, the dispatch keys (``site.dispatch``), the source ids of the
elements (IFC GlobalId, OSM node, IMDF id) and the inner doors. The pipeline makes it from the
site (:func:`orientation.pipeline.export_context`); a plan alone gives one from its origin
(:meth:`ExportContext.of_plan`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..geo import Georef, site_georef
from ..plan import XY, Plan


@dataclass(frozen=True, slots=True)
class InnerDoor:
    """An inner door of the site file (the register's ``doors`` layer lists them beside the
    coded exterior doors): building and element id, storey, point, width, whether it is an
    open passage, its source id and the rooms it joins."""

    building: str
    id: str
    level: int
    at: XY
    width_m: float | None = None
    opening: bool = False
    source_id: str | None = None
    between: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DispatchKeys:
    """``site.dispatch`` as plain values (see :class:`orientation.model_dispatch.Dispatch`)."""

    object_number: str | None = None
    plan_number: str | None = None
    fire_alarm_number: str | None = None
    access_notes: tuple[str, ...] = ()
    agency_id: str | None = None


def _no_strings() -> Mapping[str, str]:
    return MappingProxyType({})


def _no_rooms() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class ExportContext:
    """``georef``: where the plan lies (None: not georeferenced, so no GeoJSON, GeoPackage or
    NG911 layers). ``crs``: the EPSG code of ``register.gpkg`` and of the object sheet's grid
    coordinates (None: :attr:`Georef.grid_epsg`). ``sources``: ``<building>/<element>`` ->
    source id (a building's under its id alone). ``door_rooms``: ``<building>/<door>`` -> the rooms the file says it opens
    into."""

    georef: Georef | None = None
    crs: int | None = None
    dispatch: DispatchKeys = field(default_factory=DispatchKeys)
    sources: Mapping[str, str] = field(default_factory=_no_strings)
    inner_doors: tuple[InnerDoor, ...] = ()
    door_rooms: Mapping[str, tuple[str, ...]] = field(default_factory=_no_rooms)

    @property
    def epsg(self) -> int | None:
        """The projected CRS of the GeoPackage and the grid coordinates, or None."""
        if self.georef is None:
            return None
        return self.crs if self.crs is not None else self.georef.grid_epsg

    @classmethod
    def of_plan(cls, plan: Plan) -> ExportContext:
        """The context a plan gives alone: its ``origin`` and ``north_deg``, nothing else."""
        georef, _ = site_georef(plan.origin, plan.north_deg) if plan.origin else (None, [])
        return cls(georef=georef)


def projected(geometry: Any, georef: Georef, epsg: int) -> Any:
    """A shapely geometry in plan metres, in EPSG ``epsg`` (easting or longitude first; Z
    values kept) through :meth:`Georef.to_crs`."""
    import numpy as np
    import shapely

    def move(coords: Any) -> Any:
        x, y = georef.to_crs(epsg, coords[:, 0], coords[:, 1])
        out = np.array(coords, dtype=float, copy=True)
        out[:, 0], out[:, 1] = x, y
        return out

    return shapely.transform(geometry, move, include_z=shapely.has_z(geometry))


__all__ = ["DispatchKeys", "ExportContext", "InnerDoor", "projected"]
