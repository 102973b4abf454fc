"""Codes: building letters, fire-service sides, door, stair, room and window codes.

Rules (see ``domain.md`` and the README's "How codes are assigned"):

* **Building order and letters.** The building with the site's main entrance comes first; the
  others follow clockwise (seen from above) around it, starting from the direction its main
  entrance faces. Letters run A, B, C … skipping the profile's ``letters_skip`` (I, O, H) and,
  with ``letters_skip_code_prefixes``, the one-letter door and stair prefixes (E, N, T: a
  building "E" reads as an entrance code), then AA, AB … past Z. Pinned letters are kept and
  never given to another building.
* **Sides A-D.** Side A is the face of the main entrance (a building without one: the face
  towards the road the site's address names, :func:`address_road_lines`; without such a road,
  towards the nearest road; without roads, towards the site's main entrance; else south). B, C, D follow clockwise seen from above, so B is on your left as you face side A.
  Every outline edge takes the side its outward normal faces.
* **Clockwise.** Doors are ordered by walking the outline with the building on the right,
  starting at the main entrance (or the start of side A), outer ring first, then courtyards.
* **Series.** Each door prefix (``E``, ``N``; ``""`` for US numbers) is one series, counted
  across the site building by building (``door_scope: site``) or restarted per building. Pinned
  codes are kept; new elements take the next number in walking order, skipping every pinned
  or reserved code (codes of an earlier plan are reserved, so a removed door's code is never
  handed to another door).
* **Rooms** take hotel numbers: storey digit + two-digit index counted clockwise from the
  building's start point (``004``, ``107``); the storey digit of level 0 is the profile's
  ``ground_floor_number`` (``guetersloh`` 0: EG rooms ``004``; ``us-k12`` 1: the ground floor
  is floor 1, rooms ``101``, one flight up ``201``); basements use the profile's prefix
  (``U01``, ``B01``; level -2 ``U201``); with several buildings the building letter is
  prefixed (``A107``). A room's existing ``number`` (its door plate) is kept (profile
  ``room_numbers: keep``); a new number never equals another room's existing number, nor,
  without its building letter, an existing number of its own building (``A101`` beside a
  door plate ``101``). Stair and lift shafts (``use: stair | lift``) get no number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import LimitError
from ..model import Building, Door, Site, SiteFeatureKind
from ..profiles import Profile
from .geometry import (
    XY,
    LineIndex,
    Outline,
    bearing_cw,
    edge_normal,
    edges,
    exterior_doors,
    locate,
    outline,
    ring_length,
)

AMBIGUOUS = set("IOl")


def letter_sequence(skip: Iterable[str] = ("I", "O", "H")) -> Iterator[str]:
    """A, B, C … without the skipped letters, then AA, AB … ZZ (skipped letters left out in
    both places); it ends there: :func:`letter_count` letters in all.

    >>> seq = letter_sequence(); [next(seq) for _ in range(9)]
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'J', 'K']
    >>> list(letter_sequence())[23:26], list(letter_sequence())[-1]
    (['AA', 'AB', 'AC'], 'ZZ')
    """
    alphabet = _alphabet(skip)
    yield from alphabet
    for a in alphabet:
        for b in alphabet:
            yield a + b


def _alphabet(skip: Iterable[str]) -> list[str]:
    skipped = set(skip)
    return [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in skipped]


def letter_count(skip: Iterable[str] = ("I", "O", "H")) -> int:
    """How many letters :func:`letter_sequence` gives: one- and two-letter ones.

    >>> letter_count(), letter_count(())
    (552, 702)
    """
    n = len(_alphabet(skip))
    return n + n * n


@dataclass(frozen=True, slots=True)
class BuildingFrame:
    """Where numbering starts on a building and which way side A faces."""

    building: Building
    outline: Outline
    side_a: XY  # unit vector: outward normal of side A
    start: tuple[int, float]  # ring 0, distance along the clockwise ring
    main_door: Door | None
    reason: str  # how side A was found (for findings)


def _unit(v: XY) -> XY:
    n = math.hypot(*v) or 1.0
    return (v[0] / n, v[1] / n)


def side_label(normal: XY, side_a: XY) -> str:
    """The side (A-D) that an outward normal faces, given side A's direction.

    >>> side_label((0, -1), (0, -1)), side_label((-1, 0), (0, -1)), side_label((1, 0), (0, -1))
    ('A', 'B', 'D')
    """
    diff = (bearing_cw(normal) - bearing_cw(side_a)) % 360.0
    return "ABCD"[int(((diff + 45.0) % 360.0) // 90.0)]


def building_frames(site: Site, roads: LineIndex, front: LineIndex | None = None
                    ) -> tuple[list[BuildingFrame], Door | None]:
    """Side A direction and numbering start for each building, plus the site's main entrance.

    ``front``: the road the site's address names (:func:`address_road_lines`); side A of a
    building without its own main entrance faces it (the address side), else the nearest of
    ``roads``."""
    main_door = next((d for b in site.buildings for d in b.doors if d.main), None)
    main_point = main_door.at if main_door else None
    frames = []
    for b in site.buildings:
        o = outline(b)
        own_main = next((d for d in b.doors if d.main), None)
        if own_main is not None:
            pos = locate(o, own_main.at)
            side_a, reason = pos.normal, "main entrance"
            start = (pos.ring, pos.along)
            if pos.ring != 0:  # a main entrance in a courtyard: number the outer ring from its side
                side_a, start, reason = _facing(o, _towards(o, roads, main_point, front))
        else:
            side_a, start, reason = _facing(o, _towards(o, roads, main_point, front))
        frames.append(BuildingFrame(b, o, side_a, start, own_main, reason))
    return frames, main_door


def _towards(o: Outline, roads: LineIndex, main_point: XY | None,
             front: LineIndex | None = None) -> tuple[XY, str]:
    c = o.polygon.centroid
    centre = (c.x, c.y)
    if front:
        _, q = front.nearest(centre)  # type: ignore[misc]
        return (q[0] - centre[0], q[1] - centre[1]), "address road"
    if roads:
        _, q = roads.nearest(centre)  # type: ignore[misc]
        return (q[0] - centre[0], q[1] - centre[1]), "nearest road"
    if main_point is not None:
        return (main_point[0] - centre[0], main_point[1] - centre[1]), "site main entrance"
    return (0.0, -1.0), "south (no main entrance, no road)"


def _facing(o: Outline, towards: tuple[XY, str]) -> tuple[XY, tuple[int, float], str]:
    """Side A faces ``towards``; numbering starts at the first vertex of that side (its left end
    as you face the building), which is the clockwise start of the run of side-A edges."""
    direction, reason = towards
    if direction == (0.0, 0.0):
        direction = (0.0, -1.0)
    side_a = _unit(direction)
    ring = o.rings[0]
    # the start: the first vertex of the longest edge facing side A
    best, acc, start = -1.0, 0.0, 0.0
    for a, b in zip(ring, ring[1:] + ring[:1]):
        length = math.dist(a, b)
        if length > 0 and side_label(edge_normal(a, b), side_a) == "A" and length > best:
            best, start = length, acc
        acc += length
    return side_a, (0, start), reason


#: Street-type words and their abbreviations, read as one (``Oak St.`` is ``Oak Street``).
_STREET_WORDS = {"street": "st", "st": "st", "avenue": "ave", "ave": "ave", "road": "rd",
                 "rd": "rd"}
#: German ``-straße`` / ``Straße`` / ``Str.`` (casefolded ``ß`` is ``ss``) at a word's end.
_STRASSE = re.compile(r"^(.*?)(strasse|str)$")


def street_key(name: str) -> str:
    """A street name as compared with another: case, ``Straße``/``Str.``, ``Street``/``St``
    and spaces, hyphens and dots left out.

    >>> street_key("Schulstraße") == street_key("Schul-Str.") == street_key("schulstr")
    True
    >>> street_key("Oak Street") == street_key("oak st."), street_key("Oak Street")
    (True, 'oakst')
    """
    out = []
    for token in name.casefold().split():
        token = token.strip(".")
        if token in _STREET_WORDS:
            token = _STREET_WORDS[token]
        else:
            m = _STRASSE.match(token)
            token = m.group(1) + "str" if m else token
        out.append(token)
    return "".join(c for c in "".join(out) if c.isalnum())


def address_streets(address: str | None) -> list[str]:
    """The names an address may give its street: each comma-separated part without its
    house number, post code and other words with digits.

    >>> address_streets("1200 Oak Street, Springfield, TX 75001")
    ['Oak Street', 'Springfield', 'TX']
    >>> address_streets("Schulstraße 1, 33330 Gütersloh"), address_streets(None)
    (['Schulstraße', 'Gütersloh'], [])
    """
    out = []
    for part in (address or "").split(","):
        words = [w for w in part.split() if not any(c.isdigit() for c in w)]
        if words:
            out.append(" ".join(words))
    return out


def address_road_lines(site: Site) -> list:
    """The lines of the ``road`` site features named like the street of the site's address
    (the first part of the address that names a road; compared by :func:`street_key`)."""
    named: dict[str, list] = {}
    for f in site.site_features:
        if f.kind == SiteFeatureKind.road and f.name and f.line:
            named.setdefault(street_key(f.name), []).append(f.line)
    for street in address_streets(site.site.address):
        lines = named.get(street_key(street))
        if lines:
            return lines
    return []


def walk_key(frame: BuildingFrame, xy: XY, *, outer_only: bool = False) -> tuple[int, float]:
    """Sort key of a point on (or near) the outline: ring, then clockwise distance from start.
    ``outer_only`` projects inner points (stairs) onto the outer outline."""
    pos = locate(frame.outline, xy, outer_only=outer_only)
    if pos.ring == 0:
        length = ring_length(frame.outline, 0)
        return (0, (pos.along - frame.start[1]) % length)
    return (pos.ring, pos.along)


def order_buildings(frames: list[BuildingFrame], main_door: Door | None) -> list[BuildingFrame]:
    """The main-entrance building first, the others clockwise around it from side A's direction
    (ties by distance, then id). Without a main entrance: around the site centroid from south."""
    if not frames:
        return []
    first = next((f for f in frames if f.main_door is not None), None)
    if first is None:
        cx = sum(f.outline.polygon.centroid.x for f in frames) / len(frames)
        cy = sum(f.outline.polygon.centroid.y for f in frames) / len(frames)
        centre, ref = (cx, cy), (0.0, -1.0)
        rest = frames
        head: list[BuildingFrame] = []
    else:
        c = first.outline.polygon.centroid
        centre, ref = (c.x, c.y), first.side_a
        rest = [f for f in frames if f is not first]
        head = [first]

    def key(f: BuildingFrame):
        c = f.outline.polygon.centroid
        v = (c.x - centre[0], c.y - centre[1])
        ang = (bearing_cw(v) - bearing_cw(ref)) % 360.0 if v != (0.0, 0.0) else 0.0
        return (round(ang, 6), round(math.hypot(*v), 6), f.building.id)

    return head + sorted(rest, key=key)


def assign_letters(ordered: list[BuildingFrame], skip: Iterable[str]) -> dict[str, str]:
    """Building id -> letter; pinned letters kept and never reused.

    Raises :class:`~orientation.errors.LimitError` when more buildings need a letter than
    A … ZZ (without the skipped letters) leaves free, before handing out any."""
    skip = tuple(skip)
    pinned = {f.building.id: f.building.letter for f in ordered if f.building.letter}
    taken = set(pinned.values())
    free = [c for c in letter_sequence(skip) if c not in taken]
    need = [f.building.id for f in ordered if f.building.id not in pinned]
    if len(need) > len(free):
        skipped = "".join(sorted(set(skip)))
        raise LimitError(
            f"{len(need):,} buildings need a letter, but only {len(free):,} are free: the letters "
            f"run A … Z, then AA … ZZ{f' (without {skipped})' if skipped else ''}, "
            f"{letter_count(skip):,} in all, {letter_count(skip) - len(free):,} of them pinned. "
            "Split the site into "
            "several site files, or pin letters with a digit ('letter: A1', 'A2' …) on some "
            "buildings")
    seq = iter(free)
    return {f.building.id: pinned.get(f.building.id) or next(seq) for f in ordered}


def building_sides(frame: BuildingFrame) -> list[tuple[str, XY, XY, int]]:
    """(label, start, end, ring) for every edge of every ring."""
    out = []
    for ri in range(len(frame.outline.rings)):
        for a, b in edges(frame.outline, ri):
            out.append((side_label(edge_normal(a, b), frame.side_a), a, b, ri))
    return out


_NUM = re.compile(r"^(.*?)(\d+)$")


def split_code(code: str) -> tuple[str, int] | None:
    """A code's prefix and number.

    >>> split_code("E12"), split_code("7"), split_code("T2a")
    (('E', 12), ('', 7), None)
    """
    m = _NUM.match(code)
    return (m.group(1), int(m.group(2))) if m else None


class Series:
    """Hands out ``prefix + n`` codes in order, skipping taken codes (pins, reserved), also
    those that differ from a taken one only in case (a pin ``e3`` keeps ``E3`` free of others:
    both read the same on a sign and on the radio).

    >>> s = Series("E", {"e2"}); s.next(), s.next()
    ('E1', 'E3')
    """

    def __init__(self, prefix: str, taken: set[str]):
        self.prefix = prefix
        self.taken = taken
        self._folded = {c.casefold() for c in taken}
        self.n = 0

    def next(self) -> str:
        while True:
            self.n += 1
            code = f"{self.prefix}{self.n}"
            if code not in self.taken and code.casefold() not in self._folded:
                self.taken.add(code)
                return code


def room_code(level: int, index: int, *, basement_prefix: str, building_prefix: str,
              ground_floor: int = 0) -> str:
    """Hotel number: storey digit + two-digit index (three digits past 99). The storey digit
    of level ``n >= 0`` is ``n + ground_floor`` (the profile's ``ground_floor_number``: 0 in
    Germany, 1 in the US, where the ground floor is floor 1); basements take the basement
    prefix whatever ``ground_floor`` is (level -1: prefix + index, level -2: prefix + 2 + index).

    >>> room_code(0, 4, basement_prefix="U", building_prefix="")
    '004'
    >>> room_code(1, 7, basement_prefix="U", building_prefix="A")
    'A107'
    >>> room_code(-1, 3, basement_prefix="U", building_prefix=""), room_code(-2, 3, basement_prefix="U", building_prefix="")
    ('U03', 'U203')
    >>> [room_code(lv, 1, basement_prefix="B", building_prefix="", ground_floor=1) for lv in (-2, -1, 0, 1)]
    ['B201', 'B01', '101', '201']
    """
    idx = f"{index:02d}"
    if level >= 0:
        return f"{building_prefix}{level + ground_floor}{idx}"
    storey = "" if level == -1 else str(-level)
    return f"{building_prefix}{basement_prefix}{storey}{idx}"


#: Hotel indices have two digits; past this many rooms on a storey they take three.
MAX_HOTEL_INDEX = 99

_HOTEL = re.compile(r"^([A-Za-z]{0,3})(\d+)$")
_DOTTED = re.compile(r"^[A-Za-z]{0,3}\d+\.\d+$")


def number_scheme(number: str, basement_prefix: str) -> str:
    """The scheme an existing room number follows: ``hotel`` (storey digit + two-digit
    index, after a building letter or not, ``204``, ``A107``; a basement's prefix + index,
    ``U01``), ``dotted`` (floor.room as in the EOS scheme, ``2.04``), else ``other``
    (``12``, ``Aula-3``).

    >>> [number_scheme(n, "U") for n in ("204", "A107", "U01", "2.04", "12", "Aula-3")]
    ['hotel', 'hotel', 'hotel', 'dotted', 'other', 'other']
    """
    m = _HOTEL.match(number)
    if m:
        letters, digits = m.groups()
        basement = bool(basement_prefix) and letters.upper().endswith(basement_prefix.upper())
        return "hotel" if len(digits) >= 3 or (len(digits) == 2 and basement) else "other"
    return "dotted" if _DOTTED.match(number) else "other"


def hotel_storey_matches(number: str, level: int, *, basement_prefix: str,
                         ground_floor: int = 0) -> bool:
    """Whether a hotel number's storey part (all digits but the last two, after the letters)
    is the one :func:`room_code` gives ``level``: ``104`` on level 1 (``ground_floor`` 0),
    ``U01`` on level -1, ``U201`` on level -2. Numbers of another scheme match.

    >>> [hotel_storey_matches(n, 1, basement_prefix="U") for n in ("104", "A104", "204", "U01")]
    [True, True, False, False]
    >>> hotel_storey_matches("204", 1, basement_prefix="B", ground_floor=1)
    True
    >>> hotel_storey_matches("U201", -2, basement_prefix="U"), hotel_storey_matches("001", -1, basement_prefix="U")
    (True, False)
    """
    m = _HOTEL.match(number)
    if m is None or number_scheme(number, basement_prefix) != "hotel":
        return True
    letters, digits = m.groups()
    if level >= 0:
        storey = str(level + ground_floor)
    else:
        if not letters.upper().endswith(basement_prefix.upper()):
            return False
        storey = "" if level == -1 else str(-level)
    head = digits[:-2]
    return head == storey or (len(digits) == len(storey) + 3 and digits.startswith(storey))


def room_order_key(frame: BuildingFrame, inside: XY | None, fallback: int) -> tuple:
    """Rooms count clockwise: by the walking position of a point inside each (shapely's
    representative point) projected onto the outer outline (rooms without an outline keep
    file order, after the others)."""
    if inside is None:
        return (1, 0.0, fallback)
    pos = locate(frame.outline, inside, outer_only=True)
    length = ring_length(frame.outline, 0)
    along = (pos.along - frame.start[1]) % length
    return (0, round(along, 6), fallback)


def door_series_prefix(profile: Profile, door: Door) -> str:
    return profile.numbering.door_prefix.get(door.kind.value, "")


def ambiguous_chars(code: str) -> str:
    """Characters in a pinned code that read as digits (I, O, l).

    >>> ambiguous_chars("E1O"), ambiguous_chars("N12")
    ('O', '')
    """
    return "".join(sorted({c for c in code if c in AMBIGUOUS}))


__all__ = [
    "MAX_HOTEL_INDEX",
    "BuildingFrame",
    "Series",
    "ambiguous_chars",
    "assign_letters",
    "building_frames",
    "building_sides",
    "address_road_lines",
    "address_streets",
    "door_series_prefix",
    "exterior_doors",
    "hotel_storey_matches",
    "letter_count",
    "letter_sequence",
    "number_scheme",
    "order_buildings",
    "room_code",
    "room_order_key",
    "side_label",
    "split_code",
    "street_key",
    "walk_key",
]
