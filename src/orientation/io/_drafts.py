"""What an importer reads a format into: draft values in plan metres with source ids and
shapely geometry, before :func:`~orientation.io._assemble.assemble_site` cleans them up."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from ..model import DoorKind, FeatureKind, RoomUse, SiteFeatureKind
from ._geometry import XY


@dataclass
class StairDraft:
    at: XY
    levels: list[int]
    name: str | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass(eq=False)
class RoomDraft:
    level: int
    polygon: BaseGeometry | None
    name: str | None = None
    number: str | None = None
    use: RoomUse | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass(eq=False)
class DoorDraft:
    """A door as read from the source. An exterior ``kind`` is snapped onto the outline;
    ``kind`` must already follow the source (see each importer's rule). ``between``: the
    room drafts (of the same building) that the source says the door opens into; assembly
    keeps those that are kept as rooms on the door's level and writes their ids as the
    door's ``between`` when one or two are left (one for an exterior door). ``opening``: an
    open passage without a door leaf (an IFC virtual boundary, an OSM ``door=no``); only an
    inner door is written as one."""

    at: XY
    level: int
    kind: DoorKind
    main: bool = False
    width: float | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None
    between: tuple[RoomDraft, ...] = ()
    opening: bool = False


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
    levels: list[int] | None = None  # every storey it is on (a lift, a riser); None: ``level``
    name: str | None = None
    id_hints: tuple[object, ...] = ()
    source_id: str | None = None


@dataclass
class BuildingDraft:
    """One building before clean-up. ``footprint`` may be any shapely geometry; its holes
    become courtyards only when ``keep_holes`` (the source drew them as holes).
    ``storey_outlines``: level -> the storey's own outline where the source has one (its
    holes become the storey's courtyards)."""

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
    storey_outlines: dict[int, BaseGeometry] = field(default_factory=dict)


@dataclass
class SiteFeatureDraft:
    kind: SiteFeatureKind
    geometry: BaseGeometry
    name: str | None = None
    source_id: str | None = None


__all__ = ["BuildingDraft", "DoorDraft", "FeatureDraft", "RoomDraft", "SiteFeatureDraft",
           "StairDraft", "WindowDraft"]
