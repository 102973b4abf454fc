"""IMDF import (Apple Indoor Mapping Data Format: a folder or a ``.zip`` of GeoJSON files).

Plain JSON and shapely, no extra dependency. Read: ``manifest.json``, ``venue``, ``address``,
``building``, ``footprint``, ``level``, ``unit``, ``opening`` and ``relationship``; the other
IMDF files are accepted and not used; files IMDF does not define (``enviroment.geojson``, typos) are ignored
with a warning, as are features that cannot be read. Archives found in the wild are often not
conformant, so only the absence of levels stops an import.

* **buildings**: ``building.geojson`` features (a building without levels is left out with a
  warning); the footprint is the ``ground`` footprint, else the union of the building's lowest
  level outlines. Holes become courtyards.
* **storeys**: one per level ``ordinal`` of a building (``ordinal`` 0 is the ground storey);
  several level features of the same ordinal are merged. The level polygons are the storey's
  own outline (their holes its courtyards; kept where they differ from the footprint).
* **rooms**: every unit but those that are no rooms (walls, columns, voids: see
  :mod:`._imdf_units`), on its level (``name`` in the manifest language, else English, else
  the first). The room number is the unit's ``alt_name``, else its ``name``, where that reads
  as a number (a code with a digit: ``B013``, ``2.07``; a ``name`` taken as the number is not
  the name too); unless rooms are renumbered. The room's use comes from the unit
  ``category``, then its name (:func:`~._imdf_units.unit_use`); the units without one are
  counted by category in one note.
* **stairs and lifts**: ``stairs``/``escalator`` and ``elevator`` units are shafts (use
  ``stair``/``lift``, no room number); the shafts an archive links by a ``relationship``, or
  that overlap on consecutive levels, are one stair over their levels, or one ``elevator``
  feature with ``levels`` (:func:`~._imdf_units.shaft_stacks`).
* **doors**: openings. An opening within 0.75 m of its level outline is **exterior**; the
  others are inner doors. Exterior kinds follow the opening category only:
  ``emergencyexit`` -> ``emergency_exit``; ``service``, ``automobile``, ``bicycle`` ->
  ``service``; any pedestrian category -> ``entrance``. ``pedestrian.principal`` openings are
  main-entrance candidates: exactly one is marked ``main``; several are reported, none marked.
  A door's ``between`` are the units it lies on (:func:`~._door_rooms.near_units`: their
  boundary within 0.75 m of the opening's middle), when one or two do (one for an exterior
  door); corridors are the ``walkway`` units (use ``corridor``).

A ``.zip`` is read in memory: members with absolute paths or ``..`` are refused, as are
archives whose members expand beyond :data:`MAX_UNCOMPRESSED_BYTES` in all or by more than
:data:`MAX_COMPRESSION_RATIO` each (zip bombs).

Coordinates: WGS84 projected to plan metres with :mod:`orientation.geo` (transverse Mercator
centred on the venue, the frame the exports unproject with); ``site.origin`` is that centre,
rounded to 7 decimals before projecting.
"""

from __future__ import annotations

import difflib
import io
import json
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import shapely
from shapely.geometry import LineString, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .. import geo
from ..errors import ImportError_, LimitError
from ..model import SHAFT_USES, DoorKind, FeatureKind, RoomUse
from ..words import Ref
from ._assemble import assemble_site
from ._door_rooms import near_units
from ._drafts import BuildingDraft, DoorDraft, FeatureDraft, RoomDraft, StairDraft
from ._geometry import BoundaryIndex
from ._imdf_units import NOT_ROOMS, Shaft, relationship_links, shaft_stacks, stack_point, unit_use
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import Notes
from ._text import as_code, clean_text

#: All members of an archive together, uncompressed (bytes).
MAX_UNCOMPRESSED_BYTES = 400_000_000
#: The .zip file itself (bytes).
MAX_ARCHIVE_BYTES = 200_000_000
#: Uncompressed / compressed size of one member (checked above 1 MB).
MAX_COMPRESSION_RATIO = 100
#: Members in an archive.
MAX_MEMBERS = 2_000
#: One file in a folder (bytes).
MAX_FILE_BYTES = 300_000_000
#: An opening this close to its level outline is exterior (metres).
EXTERIOR_OPENING_M = 0.75

KNOWN_FILES = {"address", "amenity", "anchor", "building", "detail", "fixture", "footprint",
               "geofence", "kiosk", "level", "occupant", "opening", "relationship", "section",
               "unit", "venue"}


def is_imdf_folder(path: Path) -> bool:
    """True for a folder holding ``manifest.json`` or ``venue.geojson``."""
    return path.is_dir() and ((path / "manifest.json").is_file()
                              or (path / "venue.geojson").is_file())


# --- reading the files ------------------------------------------------------------------------

def _files_from_folder(path: Path, file: str,
                       limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> dict[str, bytes]:
    from .importing import read_source

    out: dict[str, bytes] = {}
    total = 0
    max_file = min(MAX_FILE_BYTES, limits.max_file_bytes)
    max_total = min(MAX_UNCOMPRESSED_BYTES, limits.max_unzipped_bytes)
    for p in sorted(path.iterdir()):
        if p.name.startswith(".") or p.suffix.lower() not in (".geojson", ".json"):
            continue
        if not p.is_file():  # FIFOs, devices, folders: never opened
            if p.exists() and not p.is_dir():
                raise ImportError_(f"{file}: {p.name} is not a regular file (a FIFO or a "
                                   "device?); remove it from the IMDF folder")
            continue
        size = p.stat().st_size
        total += size
        if size > max_file or total > max_total:
            raise LimitError(f"{file}: {p.name} is too large ({size:,} bytes; limit "
                             f"max_file_bytes = {max_file:,} per file, max_unzipped_bytes = "
                             f"{max_total:,} in all)")
        out[p.name] = read_source(p, f"{file}/{p.name}", limits)
    return out


def _files_from_zip(raw: bytes, file: str,
                    limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> dict[str, bytes]:
    max_total = min(MAX_UNCOMPRESSED_BYTES, limits.max_unzipped_bytes)
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ImportError_(f"{file}: not a readable zip archive ({exc}); pack the IMDF folder "
                           "again as .zip") from None
    if len(infos) > MAX_MEMBERS:
        raise ImportError_(f"{file}: refused: {len(infos):,} members (limit {MAX_MEMBERS:,}); an "
                           "IMDF archive holds a few dozen files")
    total = 0
    for info in infos:
        name = info.filename
        pp = PurePosixPath(name.replace("\\", "/"))
        if name.startswith(("/", "\\")) or ".." in pp.parts or (len(name) > 1 and name[1] == ":"):
            raise ImportError_(f"{file}: refused: the archive member '{name}' points outside the "
                               "archive (path traversal); pack the IMDF files again without "
                               "absolute paths or '..'")
        total += info.file_size
        if total > max_total:
            raise ImportError_(f"{file}: refused: the archive expands to more than "
                               f"{max_total:,} bytes (a zip bomb?); limit "
                               "max_unzipped_bytes")
        if info.file_size > 1_000_000 and info.file_size > MAX_COMPRESSION_RATIO * max(
                info.compress_size, 1):
            raise ImportError_(f"{file}: refused: the member '{name}' expands "
                               f"{info.file_size / max(info.compress_size, 1):,.0f} times (limit "
                               f"{MAX_COMPRESSION_RATIO}; a zip bomb?)")
        if info.flag_bits & 0x1:
            raise ImportError_(f"{file}: the member '{name}' is encrypted; pack the archive "
                               "without a password")
    out: dict[str, bytes] = {}
    folders: set[str] = set()
    for info in infos:
        if info.is_dir():
            continue
        pp = PurePosixPath(info.filename.replace("\\", "/"))
        if pp.name.startswith(".") or "__MACOSX" in pp.parts:
            continue
        if pp.suffix.lower() not in (".geojson", ".json"):
            continue
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise ImportError_(f"{file}: refused: the member '{info.filename}' is larger than "
                               "the archive says (a forged zip?)")
        folders.add(str(pp.parent))
        if pp.name in out:
            raise ImportError_(f"{file}: the archive holds '{pp.name}' in several folders "
                               f"({', '.join(sorted(folders))}); put one IMDF dataset in one zip")
        out[pp.name] = data
    return out


def _load(files: dict[str, bytes], file: str, notes: Notes) -> tuple[dict[str, list[dict]], dict]:
    manifest: dict = {}
    layers: dict[str, list[dict]] = {}
    for name, raw in files.items():
        stem = name.rsplit(".", 1)[0].lower()
        if name.lower() == "manifest.json":
            try:
                m = json.loads(raw.decode("utf-8-sig"))
                manifest = m if isinstance(m, dict) else {}
            except (ValueError, UnicodeDecodeError):
                notes.warning("imdf-bad-manifest", "manifest.json")
            continue
        if stem not in KNOWN_FILES:
            near = difflib.get_close_matches(stem, sorted(KNOWN_FILES), n=1, cutoff=0.8)
            hint = Ref.to("import.imdf-did-you-mean", name=near[0]) if near else ""
            notes.warning("imdf-unknown-file", name, name=name, hint=hint)
            continue
        try:
            doc = json.loads(raw.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            notes.warning("imdf-bad-json", name, name=name, error=str(exc))
            continue
        feats = doc.get("features") if isinstance(doc, dict) else None
        if not isinstance(feats, list):
            notes.warning("imdf-bad-file", name, name=name)
            continue
        layers[stem] = [f for f in feats if isinstance(f, dict)]
    if not manifest:
        notes.info("imdf-no-manifest")
    return layers, manifest


# --- helpers ----------------------------------------------------------------------------------

def _name(value, lang: str) -> str | None:
    """A localised IMDF name: the manifest language, else English, else the first.

    >>> _name({"ru": "Этаж 1", "en": "Level 1"}, "en"), _name("Hall", "en"), _name({}, "en")
    ('Level 1', 'Hall', None)
    """
    if value is None:
        return None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        for key in (lang, lang.split("-")[0], "en"):
            if clean_text(value.get(key)):
                return clean_text(value[key])
        for v in value.values():
            if clean_text(v):
                return clean_text(v)
    return None


def _props(f: dict) -> dict:
    p = f.get("properties")
    return p if isinstance(p, dict) else {}


def _geom(f: dict):
    g = f.get("geometry")
    if not isinstance(g, dict):
        return None
    try:
        geom = shape(g)
    except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
        return None
    if geom.is_empty:
        return None
    return geom if geom.is_valid else shapely.make_valid(geom)


def _ordinal(v) -> int | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() and -9 <= f <= 199 else None


def _unit_number(name: str | None, alt_name: str | None) -> str | None:
    """The room number of a unit: its ``alt_name`` when that reads as a number (a code with a
    digit: ``B013``, ``2.07``), else its ``name`` when that does; otherwise None.

    >>> _unit_number("Library", "1.07"), _unit_number("204", None), _unit_number("Room 5", None)
    ('1.07', '204', None)
    """
    for text in (alt_name, name):
        code = as_code(text)
        if code and any(ch.isdigit() for ch in code):
            return code
    return None


def _counted(counts: Counter[str], most: int = 12) -> str:
    """Counted categories for a note, most frequent first.

    >>> _counted(Counter({"room": 10, "nonpublic": 4}))
    'room (10), nonpublic (4)'
    """
    shown = ", ".join(f"{k} ({n})" for k, n in counts.most_common(most))
    return shown + (" …" if len(counts) > most else "")


# --- the import -------------------------------------------------------------------------------

@dataclass
class ImdfDrafts:
    """What an IMDF archive reads into, before the site is built from it."""

    name: str
    buildings: list[BuildingDraft]
    origin: tuple[float, float]
    address: str | None


def read_imdf(path: Path, *, file: str, notes: Notes, keep_room_numbers: bool = False,
              limits: ImportLimits = DEFAULT_IMPORT_LIMITS, data: bytes | None = None) -> dict:
    """Read an IMDF folder or ``.zip`` into site-file data (see the module docstring).
    ``data`` is the content of the ``.zip`` when it is not read from ``path`` (an upload).

    ``keep_room_numbers`` (the default of :func:`~orientation.io.import_file`) takes a unit's
    number from ``alt_name``, else ``name``, where it reads as one (:func:`_unit_number`).
    """
    d = read_imdf_drafts(path, file=file, notes=notes, keep_room_numbers=keep_room_numbers,
                         limits=limits, data=data)
    return assemble_site(name=d.name, drafts=d.buildings, notes=notes, origin=d.origin,
                         address=d.address, limits=limits)


def read_imdf_drafts(path: Path, *, file: str, notes: Notes, keep_room_numbers: bool = False,
                     limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
                     data: bytes | None = None) -> ImdfDrafts:
    """Read an IMDF folder or ``.zip`` into building drafts (what :func:`read_imdf` builds the
    site from)."""
    if data is None and path.is_dir():
        files = _files_from_folder(path, file, limits)
    else:
        if data is None:
            from .importing import read_source

            data = read_source(path, file, limits)
        if len(data) > MAX_ARCHIVE_BYTES:
            raise LimitError(f"{file}: {len(data):,} bytes exceed the limit of "
                             f"{MAX_ARCHIVE_BYTES:,} bytes for an IMDF archive")
        files = _files_from_zip(data, file, limits)
        del data
    layers, manifest = _load(files, file, notes)
    lang = str(manifest.get("language") or "en")

    levels = [f for f in layers.get("level", []) if _geom(f) is not None]
    if not levels:
        raise ImportError_(f"{file}: no level features with a geometry (level.geojson); an "
                           "IMDF archive needs levels to give storeys")

    # projection centre: the venue, else all levels
    venue = layers.get("venue", [])
    vgeom = _geom(venue[0]) if venue else None
    if vgeom is None:
        vgeom = unary_union([_geom(f) for f in levels])
        notes.warning("imdf-no-venue")
    c = vgeom.envelope.centroid
    lon0, lat0 = c.x, c.y
    if not (-180 <= lon0 <= 180 and -90 <= lat0 <= 90):
        raise ImportError_(f"{file}: coordinates ({lon0:g}, {lat0:g}) are not WGS84 longitude/"
                           "latitude; IMDF is always in WGS84")
    origin = geo.round_origin(lat0, lon0)

    def P(g):
        return shapely.transform(g, lambda a: geo.wgs84_to_plan_coords(origin, 0.0, a))

    venue_props = _props(venue[0]) if venue else {}
    site_name = _name(venue_props.get("name"), lang) or path.stem
    addresses = {f.get("id"): _props(f) for f in layers.get("address", [])}
    addr = addresses.get(venue_props.get("address_id"))
    address = None
    if addr:
        address = ", ".join(x for x in (clean_text(addr.get("address")),
                                        clean_text(addr.get("locality"))) if x) or None

    # buildings and their levels
    buildings = {f.get("id"): f for f in layers.get("building", []) if f.get("id")}
    # level id (as found in the file: any JSON value) -> (building id, ordinal)
    level_of: dict[object, tuple[str, int]] = {}
    b_levels: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    level_names: dict[tuple[str, int], str] = {}
    bad_levels = 0
    for f in levels:
        p = _props(f)
        ordinal = _ordinal(p.get("ordinal"))
        if ordinal is None:
            bad_levels += 1
            continue
        bids = [b for b in (p.get("building_ids") or []) if b in buildings]
        if not bids:
            bids = list(buildings) if len(buildings) == 1 else ["__venue__"]
        g = P(_geom(f))
        for bid in bids[:1]:
            b_levels[bid][ordinal].append(g)
            level_of[f.get("id")] = (bid, ordinal)
            nm = _name(p.get("name"), lang) or _name(p.get("short_name"), lang)
            if nm:
                level_names.setdefault((bid, ordinal), nm)
    if bad_levels:
        notes.warning("imdf-bad-level", n=bad_levels)
    if "__venue__" in b_levels:
        notes.info("imdf-no-building")
    for bid, f in buildings.items():
        if bid not in b_levels:
            nm = _name(_props(f).get("name"), lang) or bid
            notes.warning("imdf-building-without-levels", str(bid), building=str(nm))

    footprints: dict[str, list] = defaultdict(list)
    for f in layers.get("footprint", []):
        p = _props(f)
        g = _geom(f)
        if g is None or p.get("category", "ground") != "ground":
            continue
        for bid in p.get("building_ids") or []:
            footprints[bid].append(P(g))

    drafts: dict[str, BuildingDraft] = {}
    outlines: dict[tuple[str, int], BaseGeometry] = {}
    for bid, by_ord in b_levels.items():
        for o, gs in by_ord.items():
            outlines[(bid, o)] = unary_union(gs)
        if footprints.get(bid):
            fp = unary_union(footprints[bid])
        else:
            low = min(by_ord, key=lambda o: (o < 0, abs(o)))
            fp = outlines[(bid, low)]
            notes.info("imdf-footprint-from-level", str(bid), building=str(bid), level=low)
        bf = buildings.get(bid)
        name = (_name(_props(bf).get("name"), lang) or _name(_props(bf).get("alt_name"), lang)
                if bf else None) or (site_name if len(b_levels) == 1 or bid == "__venue__" else None)
        drafts[bid] = BuildingDraft(
            name=name or f"{site_name} ({str(bid)[:8]})", footprint=fp,
            storeys=[(o, level_names.get((bid, o)) or f"Level {o}") for o in sorted(by_ord)],
            id_hints=(name, str(bid)[:8]), source_id=None if bid == "__venue__" else str(bid),
            keep_holes=True, storey_outlines={o: outlines[(bid, o)] for o in sorted(by_ord)})

    # units -> rooms; their shafts -> stairs and lifts
    links = relationship_links(layers.get("relationship", []))
    linked = {uid: use for use, ids in links for uid in ids}
    shafts: dict[str, list[Shaft]] = defaultdict(list)
    level_units: dict[tuple[str, int], list[tuple[RoomDraft, BaseGeometry]]] = defaultdict(list)
    orphan_units = 0
    not_rooms: Counter[str] = Counter()
    unmapped: Counter[str] = Counter()
    n_units = 0
    for f in layers.get("unit", []):
        p = _props(f)
        lid = p.get("level_id")
        g = _geom(f)
        if lid not in level_of or g is None:
            orphan_units += 1
            continue
        cat = str(p.get("category") or "")
        if cat.lower() in NOT_ROOMS:
            not_rooms[cat] += 1
            continue
        n_units += 1
        bid, ordinal = level_of[lid]
        g = P(g)
        uid = str(f.get("id") or "")
        name = _name(p.get("name"), lang)
        alt = _name(p.get("alt_name"), lang)
        use = unit_use(cat, name, alt) or linked.get(uid)
        if use is None:
            unmapped[cat or "-"] += 1
        number = _unit_number(name, alt) if keep_room_numbers else None
        if use in SHAFT_USES:
            number = None  # a shaft has no room number: its stair or lift is coded
            shafts[bid].append(Shaft(ordinal, g, uid, name or alt, use))
        if number is not None and number == name:
            name = None
        rd = RoomDraft(level=ordinal, polygon=g, name=name, number=number, use=use,
                       id_hints=(number, name, uid[:8]), source_id=uid or None)
        drafts[bid].rooms.append(rd)
        if g.area > 0:
            level_units[(bid, ordinal)].append((rd, g))
    if orphan_units:
        notes.warning("imdf-orphan-units", n=orphan_units)
    if not_rooms:
        notes.info("imdf-structure-units", n=sum(not_rooms.values()),
                   categories=_counted(not_rooms))
    if unmapped:
        notes.info("imdf-uses-unmapped", n=sum(unmapped.values()), total=n_units,
                   categories=_counted(unmapped))
    for bid, units in shafts.items():
        order = [o for o, _ in drafts[bid].storeys]
        for group in shaft_stacks(units, [ids for _, ids in links], order):
            levels_ = sorted({s.level for s in group})
            at = stack_point(group)
            lowest = group[0]
            name = next((s.name for s in group if s.name), None)
            if lowest.kind is RoomUse.lift:
                drafts[bid].features.append(FeatureDraft(
                    kind=FeatureKind.elevator, at=at, level=levels_[0], levels=levels_,
                    name=name, id_hints=(lowest.uid[:8],), source_id=lowest.uid or None))
            else:
                drafts[bid].stairs.append(StairDraft(at=at, levels=levels_, name=name,
                                                     id_hints=(lowest.uid[:8],),
                                                     source_id=lowest.uid or None))

    # openings -> doors
    openings = layers.get("opening", [])
    principal: list[DoorDraft] = []
    rings: dict[tuple[str, int], BoundaryIndex] = {}
    unit_trees: dict[tuple[str, int], tuple[list[BaseGeometry], shapely.STRtree]] = {}
    skipped = 0
    for f in openings:
        p = _props(f)
        lid = p.get("level_id")
        g = _geom(f)
        if lid not in level_of or g is None:
            skipped += 1
            continue
        bid, ordinal = level_of[lid]
        g = P(g)
        mid = g.interpolate(0.5, normalized=True) if isinstance(g, LineString) else g.centroid
        ring = rings.get((bid, ordinal))
        if ring is None:
            ring = rings[(bid, ordinal)] = BoundaryIndex(outlines[(bid, ordinal)].boundary)
        exterior = ring.within(g, EXTERIOR_OPENING_M)
        cat = str(p.get("category") or "pedestrian")
        if not exterior:
            kind = DoorKind.inner
        elif cat == "emergencyexit":
            kind = DoorKind.emergency_exit
        elif cat in ("service", "automobile", "bicycle"):
            kind = DoorKind.service
        else:
            kind = DoorKind.entrance
        oid = str(f.get("id") or "")
        width = g.length if isinstance(g, LineString) and g.length > 0.3 else None
        # the rooms it opens into: the units it lies on (geometry: IMDF says nothing else)
        on_level = level_units.get((bid, ordinal), [])
        if (bid, ordinal) not in unit_trees:
            unit_trees[(bid, ordinal)] = ([ug for _, ug in on_level],
                                          shapely.STRtree([ug for _, ug in on_level]))
        polys, tree = unit_trees[(bid, ordinal)]
        between = tuple(on_level[i][0] for i in near_units(g, polys, tree))
        d = DoorDraft(at=(mid.x, mid.y), level=ordinal, kind=kind, width=width,
                      id_hints=(_name(p.get("name"), lang), oid[:8]), source_id=oid or None,
                      between=between)
        if exterior and cat == "pedestrian.principal":
            principal.append(d)
        drafts[bid].doors.append(d)
    if skipped:
        notes.warning("imdf-orphan-openings", n=skipped)
    if len(principal) == 1:
        principal[0].main = True
    elif len(principal) > 1:
        notes.warning("imdf-several-principal", n=len(principal),
                      candidates=", ".join(str(d.source_id) for d in principal[:6]))
    if openings and not any(d.kind != DoorKind.inner for b in drafts.values() for d in b.doors):
        notes.info("imdf-openings-interior", n=len(openings), distance=EXTERIOR_OPENING_M)

    return ImdfDrafts(name=site_name, buildings=list(drafts.values()), origin=origin,
                      address=address)


__all__ = ["ImdfDrafts", "is_imdf_folder", "read_imdf", "read_imdf_drafts"]

