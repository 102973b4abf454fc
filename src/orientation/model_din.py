"""The DIN 14095 / DIN 14675 keys of the site model: ``site.object`` (the general object
information), ``buildings[].fire_lines`` (fire walls, fire and smoke compartment boundaries),
``buildings[].detector_groups`` (the fire alarm system's detector groups, one route card each)
and the ``use``/``storeys`` of a neighbouring building (``site_features[]`` of kind
``neighbour``). :class:`orientation.model.SiteInfo`, :class:`~orientation.model.Building` and
:class:`~orientation.model.SiteFeature` hold them; :func:`din_problems` checks what the
schema cannot (levels and rooms that exist, group numbers used once).

The object number, the plan number and the fire alarm system's number are the dispatch
centre's keys (``site.dispatch``, :mod:`orientation.model_dispatch`); the object sheet of the
maps prints them from there. Nothing here is invented for a site that does not say it: the
maps print "not given" where a key is absent.

>>> ObjectInfo(author="Brandschutzbüro Muster", contacts=[{"role": "Hausmeister",
...            "phone": "05241 100"}]).contacts[0].role
'Hausmeister'
>>> FireLine(kind="fire_wall", line=[[0, 0], [0, 10]]).levels is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import StringConstraints as Str

from .errors import Problem
from .kinds import DetectorKind, FireLineKind, SiteFeatureKind
from .model_dispatch import _a_list, _Text

if TYPE_CHECKING:  # the checks read a site; the classes need none
    from .model import Site

#: Most contacts, notes, fire lines of a building and detector groups of a building.
MAX_CONTACTS = 20
MAX_NOTES = 20
MAX_FIRE_LINES = 500
MAX_DETECTOR_GROUPS = 2_000


#: A storey level, as :data:`orientation.model.Level`.
_Level = Annotated[int, Field(ge=-9, le=199)]
_Id = Annotated[str, Str(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
_Coord = Annotated[float, Field(allow_inf_nan=False)]
_Point = tuple[_Coord, _Coord]
_List = BeforeValidator(_a_list)  # a list of the file, held as a tuple
_Line = Annotated[tuple[_Point, ...], _List, Field(min_length=2, max_length=1_000)]
_Ring = Annotated[tuple[_Point, ...], _List, Field(min_length=3, max_length=1_000)]
_Levels = Annotated[tuple[_Level, ...], _List, Field(min_length=1, max_length=209)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Contact(_Model):
    """Someone the fire service can reach about the object (DIN 14095: the contacts of the
    general object information): their ``role`` (Hausmeister, Schulleitung, Brandschutz-
    beauftragte), optionally ``name`` and ``phone``, printed as written."""

    role: _Text = Field(description="what the person is for the object (caretaker, head)")
    name: _Text | None = Field(None, description="the person's or the office's name")
    phone: _Text | None = Field(None, description="how to reach them, as printed")


class ObjectInfo(_Model):
    """The general object information of the responder maps (DIN 14095, Allgemeine
    Objektinformationen: the first sheet of ``maps.pdf``). Every key is optional; the sheet
    says "not given" for what the file leaves out, and takes the object number, plan number
    and fire alarm number from ``site.dispatch``, the address and plan date from ``site``,
    the key depot, first information point, building radio, hydrants and risers from the
    features, and the hazards from the rooms' uses."""

    author: _Text | None = Field(None, description="who drew the plan (Planersteller)")
    use: _Text | None = Field(None, description="what the object is used for (Nutzung)")
    occupancy: _Text | None = Field(
        None, description="how many people are usually in it (day and night, visitors)")
    contacts: Annotated[tuple[Contact, ...], _List, Field(
        max_length=MAX_CONTACTS, description="contacts for the fire service")] = ()
    fire_alarm: _Text | None = Field(
        None, description="the fire alarm system: what it covers and where it reports "
        "(its number at the dispatch centre is site.dispatch.fire_alarm_number)")
    water_supply: _Text | None = Field(
        None, description="fire-fighting water beyond the hydrants drawn (cisterns, rates)")
    notes: Annotated[tuple[_Text, ...], _List, Field(
        max_length=MAX_NOTES, description="special notes for the fire service, a line each")] = ()


class FireLine(_Model):
    """A fire wall, or the boundary of a fire or smoke compartment, as a line on the plan
    (plan metres, along the wall it is). ``levels``: the storeys it is drawn on; absent:
    every storey of the building (a fire wall runs through them all)."""

    kind: FireLineKind
    line: _Line = Field(description="the wall's line: [x, y] points, plan metres")
    levels: _Levels | None = Field(None, description="its storeys; absent: every storey")
    name: _Text | None = None
    source_id: str | None = None


class DetectorGroup(_Model):
    """A detector group of the fire alarm system (Meldergruppe, DIN 14675): its ``number``
    on the panel, its storey, the rooms its detectors are in (ids of this building's rooms
    on that storey) or an ``area`` of the storey (a hall, a void), what the detectors are,
    and a ``note`` for the card ("Melder in der Zwischendecke"). Each group gets a
    fire-alarm route card (Laufkarte): the way from the fire alarm panel to its rooms."""

    number: Annotated[int, Field(ge=1, le=99_999)]
    level: _Level
    name: _Text | None = None
    rooms: Annotated[tuple[_Id, ...], _List, Field(
        max_length=500, description="ids of the rooms its detectors are in")] = ()
    area: _Ring | None = Field(None, description="the part of the storey it covers")
    detectors: DetectorKind | None = None
    note: _Text | None = None


#: ``site_features[].use``: what a neighbouring building is used for (DIN 14095 overview plan).
NeighbourUse = Annotated[_Text | None, Field(
    description="a neighbour's use (Wohnhaus, Gewerbe); only for kind neighbour")]
#: ``site_features[].storeys``: a neighbouring building's storeys above ground.
NeighbourStoreys = Annotated[Annotated[int, Field(ge=1, le=199)] | None, Field(
    description="a neighbour's storeys above ground; only for kind neighbour")]
#: ``buildings[].fire_lines`` and ``buildings[].detector_groups``.
FireLines = Annotated[tuple[FireLine, ...], _List, Field(
    max_length=MAX_FIRE_LINES, description="fire walls and compartment boundaries")]
DetectorGroups = Annotated[tuple[DetectorGroup, ...], _List, Field(
    max_length=MAX_DETECTOR_GROUPS,
    description="the fire alarm system's detector groups (one route card each)")]


def din_problems(site: Site) -> list[Problem]:
    """What the schema cannot check of the DIN keys, every problem in file order: levels
    that are storeys of the building, a detector group's rooms (of its building, on its
    storey) or area, group numbers used once in the site, and ``use``/``storeys`` only on a
    neighbouring building."""
    out: list[Problem] = []
    numbers: dict[int, str] = {}
    for bi, b in enumerate(site.buildings):
        bp = f"buildings[{bi}]"
        levels = {s.level for s in b.storeys}
        names = ", ".join(str(s.level) for s in b.storeys)

        def no_storey(path: str, level: int, _bid: str = b.id, _names: str = names) -> None:
            out.append(Problem(path, f"level {level} is not a storey of building '{_bid}' "
                               f"(storeys: {_names}); add the storey or fix the level"))

        for fi, fl in enumerate(b.fire_lines):
            for li, lv in enumerate(fl.levels or ()):
                if lv not in levels:
                    no_storey(f"{bp}.fire_lines[{fi}].levels[{li}]", lv)
        rooms = {r.id: r.level for r in b.rooms}
        for gi, g in enumerate(b.detector_groups):
            p = f"{bp}.detector_groups[{gi}]"
            if g.level not in levels:
                no_storey(f"{p}.level", g.level)
            if not g.rooms and g.area is None:
                out.append(Problem(p, "a detector group needs its 'rooms' (room ids) or an "
                                   "'area' of the storey; give the rooms its detectors are in"))
            for ri, rid in enumerate(g.rooms):
                if rid not in rooms:
                    out.append(Problem(f"{p}.rooms[{ri}]", f"'{rid}' is not a room of "
                                       f"building '{b.id}'; give the ids of its rooms"))
                elif rooms[rid] != g.level:
                    out.append(Problem(f"{p}.rooms[{ri}]", f"room '{rid}' is on level "
                                       f"{rooms[rid]}, the group on level {g.level}; a group "
                                       "is on one storey: split it, one group per storey"))
            if g.number in numbers:
                out.append(Problem(f"{p}.number", f"detector group {g.number} is already "
                                   f"{numbers[g.number]}; each group has its own number"))
            numbers.setdefault(g.number, p)
    for fi, sf in enumerate(site.site_features):
        if sf.kind != SiteFeatureKind.neighbour:
            for key in ("use", "storeys"):
                if getattr(sf, key) is not None:
                    out.append(Problem(f"site_features[{fi}].{key}", f"'{key}' is for a "
                                       "neighbouring building (kind neighbour); remove it"))
    return out


__all__ = ["Contact", "DetectorGroup", "DetectorGroups", "FireLine", "FireLines",
           "MAX_CONTACTS", "MAX_DETECTOR_GROUPS", "MAX_FIRE_LINES",
           "MAX_NOTES", "NeighbourStoreys", "NeighbourUse", "ObjectInfo", "din_problems"]
