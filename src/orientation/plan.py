"""The signage plan: markings, signs and findings (format ``orientation/plan@1``), and the map
geometry the responder maps are drawn from.

Plain frozen values made by :mod:`orientation.layout` and read by compose, exports, the app and
``plan.json``. Coordinates are plan metres; sign sizes millimetres. :meth:`Plan.to_json` gives
the contract of ``spec/outputs.md`` (more keys than the contract, never fewer).

:class:`MapGeometry` (``Plan.geometry``) carries everything the map booklet draws: the outline
of every building and of each of its storeys, courtyards, rooms with their label points, the
doors' and windows' places on the outline, building features, roads and other site features,
and each building's storey-plan scale and extent. It is for compose, not for the file: it is
not in ``plan.json`` (a plan read back from a file has none) and not in the plan's version.
Every collection in these values is a tuple, every mapping read-only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Literal

from . import words

PLAN_FORMAT = "orientation/plan@1"

Severity = Literal["error", "warning", "info"]
Placement = Literal["exterior", "interior"]
XY = tuple[float, float]
#: A ring of plan points without the closing point, as the site file lists it.
Ring = tuple[XY, ...]

MARKING_KINDS = ("building", "side", "entrance", "emergency_exit", "fire_brigade", "service",
                 "stair", "room", "window", "name", "guidance")
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
    #: a guidance sign's arrow, seen by the person it faces: ``ahead``, ``left``, ``right``
    #: or ``back``; ``direction`` is where it points in plan axes (a unit vector)
    arrow: str | None = None
    direction: XY | None = None
    #: the element id of the door the sign belongs to: an exterior door's own sign, a room
    #: sign's door (the room's door to the corridor), None for the others
    door: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the plan's reader should know or fix. ``code`` names the kind of finding,
    ``element`` what it is about (a marking id, a building id, ``site``), ``message`` the
    sentence in English (as ``plan.json`` has it).

    ``key`` and ``params`` are the sentence in the word catalogue (:mod:`orientation.words`),
    so that :meth:`text` words it in either language; a finding without a key (made by hand)
    reads its ``message`` in every language. Not in ``plan.json``."""

    severity: Severity
    code: str
    element: str
    message: str
    key: str = ""
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def worded(cls, severity: Severity, code: str, element: str, key: str, /,
               **params: Any) -> Finding:
        """A finding from its catalogue key and parameters; ``message`` is its English text.

        >>> f = Finding.worded("warning", "stair-one-storey", "a/s1", "finding.stair-one-storey",
        ...                    code="T1", level=0)
        >>> f.message[:28], f.text("de")[:34]
        ('stair T1 serves only level 0', 'Treppe T1 verbindet nur Geschoss 0')
        """
        return cls(severity, code, element, words.text(key, "en", **params), key,
                   tuple(params.items()))

    def text(self, lang: str | None) -> str:
        """The finding's sentence in ``lang`` (``de``/``en``; another language reads
        English)."""
        if not self.key:
            return self.message
        return words.text(self.key, lang, **dict(self.params))


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


# -- map geometry: what the map booklet draws, decided in layout ----------------------------


@dataclass(frozen=True, slots=True)
class RoomShape:
    """A room with an outline: its element id, the outline (plan metres, as in the site file)
    and the point its code is printed at (the room marking's ``at``; for a room without a
    marking, a shaft, shapely's representative point rounded to mm).

    ``use``: the room's :class:`~orientation.model.RoomUse` value, or None. ``hazard``: what
    the storey plan marks it as: ``"fire"`` (an area of raised fire risk: heating, flammables,
    battery store; drawn red) or ``"other"`` (explosion and other hazards: gas, chemicals,
    oxygen, radioactive, electrical; drawn yellow), ``""`` for none. ``shaft``: a stairwell
    or lift shaft (use ``stair`` or ``lift``): drawn as a shaft, without a room number."""

    id: str
    ring: Ring
    label_at: XY
    use: str | None = None
    hazard: Literal["", "fire", "other"] = ""
    shaft: bool = False


@dataclass(frozen=True, slots=True)
class DoorPoint:
    """An inner door on a storey plan: its point, its width in metres, and whether the
    layout assumed it (a hand-written site without inner doors: a room that shares a wall
    with the corridor gets one at the middle of that wall; the plan says so)."""

    at: XY
    width_m: float = 1.0
    assumed: bool = False


@dataclass(frozen=True, slots=True)
class StoreyShape:
    """One storey of a building as its storey plan draws it.

    ``outline``/``courtyards``: the storey's own outline and holes where the site file gives
    them (an upper storey over one wing), else the building's footprint and courtyards (with
    the storey's own courtyards added). ``rooms``: the rooms of this level with an outline,
    in file order (rooms without one are listed in the plan but not drawn). ``extent``: for a
    storey without its own outline whose rooms cover only part of the footprint (a basement
    under one wing), the part it occupies, as polygons (outer ring, holes); None when the
    storey fills its outline."""

    level: int
    name: str
    outline: Ring
    courtyards: tuple[Ring, ...]
    rooms: tuple[RoomShape, ...]
    extent: tuple[tuple[Ring, tuple[Ring, ...]], ...] | None = None
    #: inner doors (given or assumed) of this storey
    inner_doors: tuple[DoorPoint, ...] = ()
    #: horizontal escape routes (DIN 14095, RAL 6019): polylines along the corridors, each
    #: running towards its exit or stair (the last point is at the exit or the stair)
    escape_routes: tuple[Ring, ...] = ()
    #: the corridor areas on the escape routes (outer ring, holes), drawn in RAL 6019
    escape_areas: tuple[tuple[Ring, tuple[Ring, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class FeaturePoint:
    """A building feature (key box, fire alarm panel, riser, lift …) at its point;
    ``kind`` is a :class:`~orientation.model.FeatureKind` value. ``level`` is the storey it
    stands on (the lowest of its levels), ``levels`` every storey it is drawn on (a lift or a
    riser through several storeys is one feature on each of them), lowest first."""

    kind: str
    at: XY
    level: int
    name: str | None = None
    levels: tuple[int, ...] = ()

    def on(self, level: int) -> bool:
        """True when the feature is drawn on the storey at ``level``."""
        return level in self.levels if self.levels else level == self.level


@dataclass(frozen=True, slots=True)
class Opening:
    """An exterior door or a coded window on its building's outline: the marking it belongs
    to, the nearest point on the outline, the outward unit normal there (plan axes) and its
    width in metres (the site file's, else the default)."""

    marking: str
    point: XY
    normal: XY
    width_m: float


@dataclass(frozen=True, slots=True)
class FireLineShape:
    """A fire wall or the boundary of a fire or smoke compartment (DIN 14095) as the maps
    draw it: ``kind`` a :class:`~orientation.model.FireLineKind` value (``fire_wall``,
    ``compartment``, ``smoke_compartment``), its line in plan metres, the storeys it is on
    (empty: every storey of the building) and its name."""

    kind: str
    line: Ring
    levels: tuple[int, ...] = ()
    name: str | None = None

    def on(self, level: int) -> bool:
        """True when the line is drawn on the storey at ``level``."""
        return not self.levels or level in self.levels


#: A window on the site plan's grid: (right0, down0, right1, down1) in metres (see
#: :func:`orientation.layout.mapframe.to_grid`).
GridBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class BuildingShape:
    """A building as the maps draw it: outline and courtyards as in the site file, its storeys
    from the lowest up, its features, the places of its coded doors and windows, and its
    storey plans' scale (the denominator: one for every storey plan of the site, DIN 14095)
    and extent: the bounds (right0, down0, right1, down1) in metres on the site plan's grid
    (see :func:`orientation.layout.mapframe.to_grid`) of the outline and every room, on which
    the storey plans are centred.

    ``parts``: when the extent does not fit one sheet at ``storey_scale``, the overlapping
    windows (grid metres) of its part plans, in reading order (empty: one sheet).
    ``fit_scale``: the scale at which the whole building fits one sheet (its route cards'
    scale). ``fire_lines``: its fire walls and compartment boundaries."""

    id: str
    outline: Ring
    courtyards: tuple[Ring, ...]
    storeys: tuple[StoreyShape, ...]
    features: tuple[FeaturePoint, ...]
    openings: tuple[Opening, ...]
    storey_scale: int
    extent: tuple[float, float, float, float]
    fire_lines: tuple[FireLineShape, ...] = ()
    parts: tuple[GridBox, ...] = ()
    fit_scale: int = 0

    def storey(self, level: int) -> StoreyShape | None:
        """The storey at ``level``, or None."""
        return next((s for s in self.storeys if s.level == level), None)


@dataclass(frozen=True, slots=True)
class SiteShape:
    """A site feature in plan metres: ``kind`` a :class:`~orientation.model.SiteFeatureKind`
    value (``road``, ``fire_lane``, ``footway``, ``hydrant`` …), its name, and its point, line
    or area (what the site file gives); a neighbouring building (``neighbour``) its use and
    its storeys above ground where the file gives them."""

    kind: str
    name: str | None = None
    at: XY | None = None
    line: Ring | None = None
    polygon: Ring | None = None
    use: str | None = None
    storeys: int | None = None


@dataclass(frozen=True, slots=True)
class MapGeometry:
    """Everything the map booklet draws besides the markings: the buildings and the site
    features, both in site-file order (the booklet's page order is ``Plan.buildings``)."""

    buildings: tuple[BuildingShape, ...]
    features: tuple[SiteShape, ...]

    def building(self, building_id: str) -> BuildingShape | None:
        """The building with this id, or None."""
        return next((b for b in self.buildings if b.id == building_id), None)

    @property
    def roads(self) -> tuple[SiteShape, ...]:
        """The public roads (kind ``road``), in file order."""
        return tuple(f for f in self.features if f.kind == "road")


@dataclass(frozen=True, slots=True)
class RoomAccess:
    """How crews reach a room (from the walking graph): the room marking's id, the code of
    the entrance to use, the code of the first stair on the way (None when the room is on
    the entrance's storey) and the way's length in metres."""

    room: str
    entrance: str
    stair: str | None
    length_m: float


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact of the general object information: role, name and phone as written."""

    role: str
    name: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class ObjectFacts:
    """The general object information (DIN 14095) as the site file gives it: the dispatch
    centre's object number, the plan number and the fire alarm system's number
    (``site.dispatch``), and ``site.object``: author, use, occupancy, contacts, the fire
    alarm system, water supply, notes. None where the file says nothing (never guessed)."""

    number: str | None = None
    plan_number: str | None = None
    fire_alarm_number: str | None = None
    author: str | None = None
    use: str | None = None
    occupancy: str | None = None
    contacts: tuple[Contact, ...] = ()
    fire_alarm: str | None = None
    water_supply: str | None = None
    notes: tuple[str, ...] = ()
    access_notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CardLeg:
    """One storey of a route card's way: its building and level, the way's points (plan
    metres) from where it arrives on the storey (the fire alarm panel, a stair, a door) to
    where it leaves it or ends, and the codes of the stair it arrives by and leaves by."""

    building: str
    level: int
    points: Ring
    arrive: str | None = None
    leave: str | None = None


@dataclass(frozen=True, slots=True)
class AlarmCard:
    """A fire-alarm route card (Laufkarte, DIN 14675) of one detector group: its number, name,
    building and storey, its rooms (element ids, with their codes), the area it covers
    (plan metres, or None), its detectors' kind and note, and the way from the fire alarm
    panel (``panel``: point, building, level) to its rooms, storey by storey (``legs``), with
    its steps worded in the plan's language and its length in metres."""

    number: int
    building: str
    level: int
    name: str | None = None
    rooms: tuple[str, ...] = ()
    #: the rooms the way reaches (a room in a part of the storey no way leads to is drawn
    #: as the group's all the same, and reported)
    reached: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    area: Ring | None = None
    detectors: str | None = None
    note: str | None = None
    panel: XY = (0.0, 0.0)
    panel_building: str = ""
    panel_level: int = 0
    legs: tuple[CardLeg, ...] = ()
    #: on the group's storey, the ways from the first of its rooms to each other one
    tour: tuple[Ring, ...] = ()
    steps: tuple[str, ...] = ()
    length_m: float = 0.0


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
    #: what the maps draw (see :class:`MapGeometry`); not part of ``plan.json``
    geometry: MapGeometry | None = field(default=None, repr=False)
    #: every coded room's way in (entrance and stair), in marking order
    access: tuple[RoomAccess, ...] = ()
    #: the general object information (DIN 14095), for the maps' first sheet; not in plan.json
    object_info: ObjectFacts | None = None
    #: a route card per detector group (DIN 14675), in group-number order; not in plan.json
    alarm_cards: tuple[AlarmCard, ...] = field(default=(), repr=False)
    # marking id -> marking (the first, should ids repeat), read-only, made with the plan
    # (``dataclasses.replace`` makes a new plan with its own index)
    _by_id: Mapping[str, Marking] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Marking] = {}
        for m in self.markings:
            index.setdefault(m.id, m)
        object.__setattr__(self, "_by_id", MappingProxyType(index))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # pickled (batch workers) and copied by its fields; the index is made again
        return (type(self), tuple(getattr(self, f.name) for f in fields(self) if f.init))

    def marking(self, marking_id: str) -> Marking | None:
        """The marking with this id (the first, should ids repeat), or None."""
        return self._by_id.get(marking_id)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def draft_reasons(self, language: str = "en") -> tuple[str, ...]:
        """Why the plan is a draft, not fit to print (empty when it is fit): its error
        findings (counted, with their kinds) and a missing plan date, worded in ``language``.

        Every output of a draft carries the draft mark (``draft.mark``); ``render --final``
        refuses it."""
        reasons = []
        errors = [f for f in self.findings if f.severity == "error"]
        if errors:
            codes = ", ".join(dict.fromkeys(f.code for f in errors))
            reasons.append(words.text("draft.errors", language, n=len(errors), codes=codes))
        if not self.date:
            reasons.append(words.text("draft.undated", language))
        return tuple(reasons)

    @property
    def is_draft(self) -> bool:
        """Whether the plan has errors or no plan date (see :meth:`draft_reasons`)."""
        return not self.date or self.has_errors

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain data in the ``orientation/plan@1`` format.

        Records are read field by field rather than with ``dataclasses.asdict``, which deep-
        copies every value and was most of the cost of a plan.json; the values are the same
        (immutable numbers, strings and tuples)."""

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
            "map": _record(self.frame, _FRAME_FIELDS) if self.frame else None,
            "buildings": [
                {"id": b.id, "letter": b.letter, "name": b.name, "pinned": b.pinned,
                 "levels": list(b.levels), "level_names": list(b.level_names),
                 "sides": [{"label": s.label, "start": list(s.start), "end": list(s.end),
                            "ring": s.ring} for s in b.sides]}
                for b in self.buildings
            ],
            "markings": [_record(m, _MARKING_FIELDS, clean=True)
                         | {"pinned": m.pinned, "level": m.level, "side": m.side}
                         for m in self.markings],
            "signs": [_record(s, _SIGN_FIELDS, clean=True) | {"level": s.level, "side": s.side}
                      for s in self.signs],
            "findings": [_record(f, _FINDING_FIELDS) for f in self.findings],
        } | ({"access": [_record(a, _ACCESS_FIELDS) for a in self.access]} if self.access
             else {}) | ({"draft": True, "draft_reasons": list(self.draft_reasons())} if self.is_draft
             else {})

    def to_json(self) -> str:
        """``plan.json`` text: the top level indented, every record of its lists (buildings,
        markings, signs, findings) on a line of its own, a final newline (see
        :func:`dumps_records`)."""
        return dumps_records(self.to_dict()) + "\n"


_MARKING_FIELDS = tuple(f.name for f in fields(Marking))
_SIGN_FIELDS = tuple(f.name for f in fields(Sign))
#: what plan.json has of a finding (its catalogue key and parameters are not in the file)
_FINDING_FIELDS = ("severity", "code", "element", "message")
_FRAME_FIELDS = tuple(f.name for f in fields(MapFrame))
_ACCESS_FIELDS = tuple(f.name for f in fields(RoomAccess))


def _record(obj: Any, names: tuple[str, ...], *, clean: bool = False) -> dict[str, Any]:
    """A flat record's fields as a dict, in field order; ``clean`` leaves out None, empty
    tuples and empty strings."""
    if not clean:
        return {k: getattr(obj, k) for k in names}
    out = {}
    for k in names:
        v = getattr(obj, k)
        if v is not None and v != () and v != "":
            out[k] = v
    return out


_RECORD = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=True).encode


def dumps_records(doc: dict[str, Any]) -> str:
    """A JSON object with its keys on lines of their own and each item of a list value on a
    line of its own, every value written compactly on its line.

    A plan is thousands of small records; one line each reads like a table, shows a changed
    code as one changed line in a diff, and makes the file about a quarter smaller than a
    fully indented one (written by the standard library's C encoder, record by record).

    >>> print(dumps_records({"format": "x", "site": {"name": "A"}, "rows": [{"a": 1}, {"a": 2}], "none": []}))
    {
      "format": "x",
      "site": {"name": "A"},
      "rows": [
        {"a": 1},
        {"a": 2}
      ],
      "none": []
    }
    """
    out = ["{"]
    last = len(doc) - 1
    for i, (key, value) in enumerate(doc.items()):
        comma = "," if i < last else ""
        head = f"  {_RECORD(key)}: "
        if isinstance(value, (list, tuple)) and value:
            out.append(head + "[")
            out.append(",\n".join("    " + _RECORD(item) for item in value))
            out.append("  ]" + comma)
        else:
            out.append(head + _RECORD(value) + comma)
    out.append("}")
    return "\n".join(out)


__all__ = [
    "AlarmCard",
    "BuildingPlan",
    "BuildingShape",
    "CardLeg",
    "Contact",
    "DoorPoint",
    "FeaturePoint",
    "Finding",
    "FireLineShape",
    "GridBox",
    "MARKING_KINDS",
    "MapFrame",
    "MapGeometry",
    "Marking",
    "ObjectFacts",
    "Opening",
    "PLAN_FORMAT",
    "Plan",
    "Ring",
    "RoomAccess",
    "RoomShape",
    "Severity",
    "Side",
    "Sign",
    "SiteShape",
    "StoreyShape",
]
