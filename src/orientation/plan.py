"""The signage plan: markings, signs and findings (format ``orientation/plan@1``).

Plain frozen values made by :mod:`orientation.layout` and read by compose, exports, the app and
``plan.json``. Coordinates are plan metres; sign sizes millimetres. :meth:`Plan.to_json` gives
the contract of ``spec/outputs.md`` (more keys than the contract, never fewer).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PLAN_FORMAT = "orientation/plan@1"

Severity = Literal["error", "warning", "info"]
Placement = Literal["exterior", "interior"]
XY = tuple[float, float]

MARKING_KINDS = ("building", "side", "entrance", "emergency_exit", "fire_brigade", "service",
                 "stair", "room", "window", "name")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Side:
    """A fire-service side label (A-D) of one outline edge (``start`` -> ``end``, clockwise)."""

    label: str
    start: XY
    end: XY
    ring: int = 0  # 0 outer outline, 1.. courtyard rings


@dataclass(frozen=True, slots=True)
class BuildingPlan:
    id: str
    letter: str
    name: str
    sides: tuple[Side, ...]
    pinned: bool = False
    levels: tuple[int, ...] = ()
    level_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Marking:
    """One code on the building: an exterior door, a stair, a room, a window, a building letter,
    a side, or the facility name. ``id`` is ``<building>/<element>`` (``main/d-main``)."""

    id: str
    code: str
    kind: str
    building: str
    level: int | None
    at: XY
    side: str | None
    element: str
    pinned: bool = False
    name: str | None = None
    levels: tuple[int, ...] = ()
    landmark: bool = False
    grid: str | None = None
    main: bool = False


@dataclass(frozen=True, slots=True)
class Sign:
    """One physical sign. Sizes in mm, distances in m, ``anchor`` in plan metres, ``facing`` a
    unit vector out of the wall (plan axes)."""

    id: str
    marking: str
    kind: str
    text: str
    placement: Placement
    width_mm: float
    height_mm: float
    cap_height_mm: float
    reading_distance_m: float
    background: str
    foreground: str
    contrast: float
    material: str
    anchor: XY
    facing: XY
    subtext: str = ""
    building: str = ""
    level: int | None = None
    side: str | None = None
    background_name: str = ""
    foreground_name: str = ""
    mount_height_m: float | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    code: str
    element: str
    message: str


@dataclass(frozen=True, slots=True)
class MapFrame:
    """How the site plan is laid on paper; decided once so that maps and the register agree.

    ``rotation_deg``: the plan is turned counter-clockwise by this angle on paper so that the
    main access is at the bottom edge. ``scale``: the denominator (500 for 1:500).
    ``origin``: the plan point at the top-left corner of the grid; ``grid_m`` the cell size;
    ``columns``/``rows`` the grid extent (letters across, numbers down).
    """

    paper: str
    rotation_deg: float
    scale: int
    grid_m: float
    origin: XY
    columns: int
    rows: int


@dataclass(frozen=True, slots=True)
class Plan:
    site_name: str
    site_address: str | None
    profile: str
    language: str
    buildings: tuple[BuildingPlan, ...]
    markings: tuple[Marking, ...]
    signs: tuple[Sign, ...]
    findings: tuple[Finding, ...]
    north_deg: float = 0.0
    origin: tuple[float, float] | None = None  # (lat, lon) of plan (0, 0)
    date: str | None = None
    version: str = ""
    frame: MapFrame | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def marking(self, marking_id: str) -> Marking | None:
        return next((m for m in self.markings if m.id == marking_id), None)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain data in the ``orientation/plan@1`` format."""

        def clean(d: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in d.items() if v is not None and v != () and v != ""}

        return {
            "format": PLAN_FORMAT,
            "site": clean({"name": self.site_name, "address": self.site_address,
                           "north_deg": self.north_deg,
                           "origin": ({"lat": self.origin[0], "lon": self.origin[1]}
                                      if self.origin else None)}),
            "profile": self.profile,
            "language": self.language,
            "date": self.date,
            "version": self.version,
            "map": asdict(self.frame) if self.frame else None,
            "buildings": [
                {"id": b.id, "letter": b.letter, "name": b.name, "pinned": b.pinned,
                 "levels": list(b.levels), "level_names": list(b.level_names),
                 "sides": [{"label": s.label, "start": list(s.start), "end": list(s.end),
                            "ring": s.ring} for s in b.sides]}
                for b in self.buildings
            ],
            "markings": [clean(asdict(m)) | {"pinned": m.pinned, "level": m.level,
                                             "side": m.side}
                         for m in self.markings],
            "signs": [clean(asdict(s)) | {"level": s.level, "side": s.side}
                      for s in self.signs],
            "findings": [asdict(f) for f in self.findings],
        }

    def to_json(self) -> str:
        """``plan.json`` text: sorted keys inside records, 2-space indent, a final newline."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


__all__ = [
    "BuildingPlan",
    "Finding",
    "MARKING_KINDS",
    "MapFrame",
    "Marking",
    "PLAN_FORMAT",
    "Plan",
    "Severity",
    "Side",
    "Sign",
]
