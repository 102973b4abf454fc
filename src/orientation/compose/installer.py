"""Where each sign goes and how it is fixed: the installer's rows, in words a person can mount
from.

:func:`location_rows` gives one :class:`LocationRow` per sign, in installation order
(building by building; outside side by side, storey by storey; then inside): its number
(the number on the facade sheets, :mod:`orientation.compose.facades`), the room it belongs
to (number and name), the door (id and kind), building, storey, side, **where** on the wall
(:func:`where_text`: "über der Tür, mittig", "neben der Tür t-eg-03", "außen auf der
Scheibe, im Lichtschacht"), the **mounting height** (the bottom edge above the floor or ground
it is read from; never negative: a light-well window says so), its material, substrate and
fixing (the profile's ``install:``), and its status (ordered, mounted, checked; from the
status side file, :mod:`orientation.status`).

Lengths are in the profile's units (:func:`format_height`, :func:`format_panel`): metres and
millimetres, or feet and inches for an inch profile (``us-k12``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import words
from ..layout.placement import DOOR_KINDS
from ..plan import Marking, Plan, Sign
from ..profiles import Profile
from ..status import NO_STATE, SignState, SignStatus
from .common import (
    KIND_ORDER,
    arrow_word,
    buildings_by_id,
    format_length,
    format_number,
    format_size,
    natural_key,
    storey_name,
    word,
)

_PLACEMENT_ORDER = {"exterior": 0, "interior": 1}
#: The compass points a guidance sign can face, clockwise from north (``compose.compass_*``).
COMPASS = ("n", "ne", "e", "se", "s", "sw", "w", "nw")
#: Kinds whose mounting height is measured from the storey's floor inside the building.
_INSIDE = ("stair", "room", "interior_door", "guidance")


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def compass_point(north_deg: float, v: tuple[float, float]) -> str | None:
    """The compass point (``COMPASS``) a plan vector points to, the plan's +y axis being
    ``north_deg`` clockwise from true north; None for a zero vector.

    >>> compass_point(0, (0, 1)), compass_point(12, (-1, 0)), compass_point(90, (0, -1))
    ('n', 'w', 'w')
    """
    if v[0] == 0 and v[1] == 0:
        return None
    bearing = (north_deg + math.degrees(math.atan2(v[0], v[1]))) % 360
    return COMPASS[int((bearing + 22.5) // 45) % 8]


def guidance_place(plan: Plan, sign: Sign, marking: Marking | None, lang: str) -> str:
    """Where a guidance sign goes, for the installer: the point it hangs at (plan metres),
    the grid cell of its decision point where the plan has one, and the way it faces
    (towards the person it guides): ``x 49 / y 9 (Feld E6), von Westen lesbar`` /
    ``x 49 / y 9 (cell E6), facing west``."""
    x, y = sign.anchor
    out = words.text("compose.where_point", lang, x=format_length(x, lang),
                     y=format_length(y, lang))
    if marking is not None and marking.grid:
        out += f" ({words.text('compose.where_cell', lang, cell=marking.grid)})"
    way = compass_point(plan.north_deg, sign.facing)
    if way is not None:
        out += ", " + words.text("compose.where_facing", lang,
                                 way=word(lang, f"compass_{way}"))
    return out


# --- units ---------------------------------------------------------------------------------


def format_height(m: float, lang: str, *, imperial: bool = False) -> str:
    """A mounting height: ``2,3 m`` (``de``), ``2.3 m``, or ``7 ft 3 in`` (``imperial``).

    >>> format_height(2.3, "de"), format_height(2.2, "en", imperial=True)
    ('2,3 m', '7 ft 3 in')
    >>> format_height(0.3, "en", imperial=True)
    '12 in'
    """
    if not imperial:
        return f"{format_number(m, lang, decimals=2 if abs(m * 10 - round(m * 10)) > 0.05 else 1)} m"
    inches = round(m / 0.0254)
    if inches < 24:  # low heights in inches, as US guidance gives them (18 in)
        return f"{inches} in"
    ft, rest = divmod(inches, 12)
    return f"{ft} ft {rest} in" if rest else f"{ft} ft"


def format_panel(width_mm: float, height_mm: float, lang: str, *, imperial: bool = False
                 ) -> str:
    """A panel's size: ``800 × 400 mm`` or, for an inch profile, ``24 × 12 in``.

    >>> format_panel(800, 400, "de"), format_panel(609.6, 304.8, "en", imperial=True)
    ('800 × 400 mm', '24 × 12 in')
    """
    if imperial:
        def inch(v: float) -> str:
            x = v / 25.4
            return f"{round(x)}" if abs(x - round(x)) < 0.02 else format_number(x, lang, decimals=1)
        return f"{inch(width_mm)} × {inch(height_mm)} in"
    return format_size(width_mm, height_mm, lang, unit=True)


def short_date(iso: str | None, lang: str) -> str:
    """An ISO day as a card shows it: ``01.12.26`` (de), ``12/01/26`` (other languages).

    >>> short_date("2026-12-01", "de"), short_date("2026-12-01", "en"), short_date(None, "de")
    ('01.12.26', '12/01/26', '')
    """
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y[2:]}" if lang == "de" else f"{m}/{d}/{y[2:]}"


# --- rows ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LocationRow:
    """Where one sign goes. ``number``: its number in the list and on the facade sheets
    (1 …); ``building`` is the plan's building id, ``building_letter`` and ``building_name``
    its letter and name; ``storey`` the storey's name (``1. OG``; empty for building-wide
    signs); ``side`` the fire-service side (A-D) of an exterior sign; ``element`` the site
    file's element id (door, stair, room, window); ``room`` and ``room_name`` the room the
    sign belongs to (a room sign's, a window label's room behind it); ``door`` and
    ``door_kind`` the door it belongs to; ``where`` where on the wall, in words;
    ``mount_height_m`` the height of the sign's bottom edge above the floor or ground it is
    read from (``height_ref``: ``ground``, ``landing`` of an outside stair, ``floor`` of the
    storey, ``light_well`` of a basement window); ``material``, ``substrate`` and ``fixing``
    as the profile has them; ``ordered``/``mounted``/``checked`` the status dates."""

    sign_id: str
    code: str
    kind: str
    placement: str
    building: str
    building_letter: str
    building_name: str
    level: int | None
    storey: str
    side: str
    element: str
    marking: str
    width_mm: float
    height_mm: float
    subtext: str
    mount_height_m: float | None
    number: int = 0
    room: str = ""
    room_name: str = ""
    door: str = ""
    door_kind: str = ""
    where: str = ""
    height_ref: str = ""
    material: str = ""
    substrate: str = ""
    fixing: str = ""
    ordered: str = ""
    mounted: str = ""
    checked: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The row as plain values (for a CSV or the app)."""
        return {f: getattr(self, f) for f in self.__slots__}


def exterior_side(plan: Plan, sign: Sign) -> str:
    """The side (A-D) an exterior sign is on: its own, else the side of the outline edge
    nearest its anchor (a building letter)."""
    if sign.side:
        return sign.side
    b = next((b for b in plan.buildings if b.id == sign.building), None)
    if b is None or not b.sides:
        return ""
    ax, ay = sign.anchor

    def dist(s) -> float:
        (x0, y0), (x1, y1) = s.start, s.end
        dx, dy = x1 - x0, y1 - y0
        t = max(0.0, min(1.0, ((ax - x0) * dx + (ay - y0) * dy) / (dx * dx + dy * dy or 1.0)))
        return math.hypot(ax - x0 - t * dx, ay - y0 - t * dy)

    return min(b.sides, key=dist).label


def height_ref(sign: Sign) -> str:
    """What a sign's mounting height is measured from: ``ground``, ``landing`` (a door on an
    upper storey's outside stair), ``floor`` (inside, and window foils: the room's floor)
    or ``light_well`` (a basement window)."""
    level = sign.level or 0
    if sign.kind == "window":
        return "light_well" if level < 0 else "floor"
    if sign.kind in _INSIDE:
        return "floor"
    if sign.kind in DOOR_KINDS and level > 0:
        return "landing"
    return "ground"


def where_text(plan: Plan, sign: Sign, lang: str, *, door: str = "", room: str = "") -> str:
    """Where on the wall a sign goes, in words (the catalogue's ``compose.place_*``)."""
    kind, level = sign.kind, sign.level or 0
    if kind == "guidance":
        return guidance_place(plan, sign, plan.marking(sign.marking), lang)
    if kind in DOOR_KINDS:
        if level < 0:
            return word(lang, "place_below_grade")
        key = "place_beside_door" if plan.profile == "us-k12" or _beside(plan, sign) else \
            "place_above_door"
        return words.text(f"compose.{key}", lang, door=door or "")
    if kind == "interior_door":
        return words.text("compose.place_interior_door", lang, door=door or "")
    if kind == "window":
        out = word(lang, "place_window")
        return f"{out}, {word(lang, 'place_light_well')}" if level < 0 else out
    if kind == "room":
        if door:
            return words.text("compose.place_room", lang, door=door)
        return word(lang, "place_room_nodoor")
    if kind == "stair":
        return word(lang, "place_stair")
    if kind == "building":
        return words.text("compose.place_building", lang, side=exterior_side(plan, sign))
    if kind == "name":
        return word(lang, "place_name")
    return ""


def _beside(plan: Plan, sign: Sign) -> bool:
    """Whether a door sign hangs beside its door (US practice: the plan's door sign and
    door point differ by more than half the sign's width along the wall)."""
    m = plan.marking(sign.marking)
    if m is None:
        return False
    return math.dist(m.at, sign.anchor) > sign.width_mm / 2000 + 0.3


def location_rows(plan: Plan, profile: Profile | None = None, *,
                  status: SignStatus | None = None, language: str | None = None
                  ) -> list[LocationRow]:
    """Every sign with its place, in installation order: building by building (plan
    order), outside first (building-wide signs, then side A, B, C, D, each storey from the
    lowest), then inside storey by storey from the lowest; within a place by kind and code
    (``E2`` before ``E10``). Rows are numbered 1 … in that order. ``profile`` adds the
    substrate and fixing, ``status`` the dates; ``language`` words ``where`` (the plan's)."""
    lang = language or plan.language or (profile.language if profile else "en")
    border = {b.id: i for i, b in enumerate(plan.buildings)}
    buildings = buildings_by_id(plan)
    letters = {b.id: (b.letter, b.name) for b in plan.buildings}
    install = profile.install if profile is not None else {}
    out: list[tuple[tuple, LocationRow]] = []
    for i, s in enumerate(plan.signs):
        m = plan.marking(s.marking)
        letter, name = letters.get(s.building, ("", s.building))
        room, room_name = _room_of(plan, s, m)
        door, door_kind = _door_of(s, m)
        exterior = s.placement == "exterior"
        side = exterior_side(plan, s) if exterior else (s.side or "")
        state: SignState = status.of(s) if status is not None else NO_STATE
        spec = install.get(s.kind)
        row = LocationRow(
            sign_id=s.id, code=s.text, kind=s.kind, placement=s.placement,
            building=s.building, building_letter=letter, building_name=name,
            level=s.level, storey=storey_name(buildings, s.building, s.level),
            side=side, element=m.element if m else s.marking, marking=s.marking,
            width_mm=s.width_mm, height_mm=s.height_mm, subtext=s.subtext,
            mount_height_m=s.mount_height_m, room=room, room_name=room_name, door=door,
            door_kind=door_kind, where=where_text(plan, s, lang, door=door, room=room),
            height_ref=height_ref(s), material=s.material,
            substrate=spec.substrate if spec else "", fixing=spec.fixing if spec else "",
            ordered=state.ordered or "", mounted=state.mounted or "",
            checked=state.checked or "")
        key = (border.get(s.building, len(border)), _PLACEMENT_ORDER.get(s.placement, 9),
               side if exterior else "", s.level if s.level is not None else -99,
               _kind_rank(s.kind), natural_key(s.text), i)
        out.append((key, row))
    out.sort(key=lambda t: t[0])
    from dataclasses import replace

    return [replace(r, number=n) for n, (_, r) in enumerate(out, start=1)]


def _room_of(plan: Plan, sign: Sign, m: Marking | None) -> tuple[str, str]:
    """The room a sign belongs to: a room sign's own, a window label's room behind it."""
    if m is None:
        return "", ""
    if sign.kind == "room":
        return m.code, m.name or ""
    if sign.kind == "window" and m.name:
        room = plan.marking(f"{m.building}/{m.name}")
        return (room.code, room.name or "") if room is not None else (m.code, "")
    return "", ""


def _door_of(sign: Sign, m: Marking | None) -> tuple[str, str]:
    """The door a sign belongs to: (element id, door kind)."""
    if sign.kind in DOOR_KINDS or sign.kind == "interior_door":
        return sign.door or (m.element if m else ""), m.kind if m else sign.kind
    if sign.kind == "room" and sign.door:
        return sign.door, "inner"
    return "", ""


# --- cells ---------------------------------------------------------------------------------


def room_cell(r: LocationRow, lang: str) -> str:
    """``Raum A002 Sekretariat`` / ``Tür d-haupteingang (Eingang)`` / the building's name
    (a building letter) / the element."""
    if r.kind == "building":
        return r.building_name
    if r.kind == "name":
        return ""
    if r.room:
        return " ".join(p for p in (word(lang, "room_short"), r.room, r.room_name) if p)
    if r.door:
        kind = word(lang, "door_" + r.door_kind) if r.door_kind else ""
        return f"{word(lang, 'door_short')} {r.door}" + (f" ({kind})" if kind else "")
    return r.element


def height_cell(r: LocationRow, lang: str, *, imperial: bool = False) -> str:
    """The bottom edge's height with what it is measured from: ``2,3 m ü. Gelände``."""
    if r.mount_height_m is None:
        return ""
    ref = word(lang, "ref_" + r.height_ref) if r.height_ref else ""
    return f"{format_height(r.mount_height_m, lang, imperial=imperial)} {ref}".strip()


def make_cell(r: LocationRow, lang: str) -> str:
    """Material, then substrate · fixing on a second line, in words."""
    rest = [word(lang, "substrate_" + r.substrate) if r.substrate else "",
            word(lang, "fixing_" + r.fixing) if r.fixing else ""]
    first = word(lang, r.material) if r.material else ""
    second = " · ".join(p for p in rest if p)
    return f"{first}\n{second}" if second else first


def status_cell(r: LocationRow, lang: str) -> str:
    """``best. 2026-12-01 · mont. 2026-12-15``: the steps done, shortest words."""
    parts = [f"{word(lang, 'status_' + step + '_short')} {getattr(r, step)}"
             for step in ("ordered", "mounted", "checked") if getattr(r, step)]
    return " · ".join(parts)


def second_cell(plan: Plan, signs: Mapping[str, Sign], r: LocationRow, lang: str) -> str:
    """The sign's second line; a guidance sign's with its arrow (``Treppe · Pfeil links``)."""
    sign = signs.get(r.sign_id)
    if r.subtext == word(lang, r.kind):  # "Eingang" on an entrance's sign: the kind says it
        return ""
    if r.kind == "guidance" and sign is not None:
        way = arrow_word(lang, sign.arrow)
        arrow = f"{word(lang, 'arrow')} {way}" if way else ""
        return " · ".join(p for p in (r.subtext, arrow) if p)
    return r.subtext


__all__ = ["COMPASS", "LocationRow", "compass_point", "exterior_side", "format_height",
           "format_panel", "guidance_place", "short_date", "height_cell", "height_ref", "location_rows",
           "make_cell", "room_cell", "second_cell", "status_cell", "where_text"]
