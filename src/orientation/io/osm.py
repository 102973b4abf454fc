"""OSM indoor import (Simple Indoor Tagging, ``.osm`` XML) into a site.

The XML is parsed with ``defusedxml`` (entity declarations, external entities and DTDs are
refused), then:

* **buildings**: closed ways and ``type=multipolygon`` relations tagged ``building=*`` (not
  ``building:part``); inner rings of a multipolygon become courtyards;
* **storeys**: ``min_level``..``max_level``, else ``building:levels`` (0..n-1) and
  ``building:levels:underground``, plus every whole level used by indoor elements inside the
  building; names from ``indoor=level`` elements (``name``, ``level:ref``), else the number.
  Level values may be ranges (``0-3``, ``-1-3``) and lists (``0;1``); ``repeat_on`` adds
  levels. Half levels (``0.5``) have no storey in the site model and are skipped with a note;
  **storey outlines**: a level's ``indoor=level`` polygons, else the union of its indoor areas
  (rooms, corridors, areas) closed over wall gaps (:func:`~._osm_levels.indoor_outline`), so
  that an atrium open over upper floors is no floor there;
* **rooms**: ``indoor=room`` ways and multipolygons, ``indoor=corridor`` ones (use
  ``corridor``) and ``indoor=area`` ones whose tags or name say corridor, lobby, hall or stair
  (:func:`~._osm_levels.room_kind`: the Foyer of an atrium), one room per level they are on,
  ``ref`` the room number as it is (unless rooms are renumbered; not of a corridor, whose ref
  names it on its storey), ``name`` the name; the use from ``room=*``, ``amenity=*``, the
  stair and lift tags, then the name (:func:`~._osm_levels.osm_use`; one note counts the
  rooms without one);
* **doors**: nodes tagged ``door=*`` or ``entrance=*``. A door is **exterior** when it is a
  node of a building outline (or, tagged ``entrance=*``, within 0.5 m of it), on its lowest
  level; the others are inner doors of the building that contains them, one on each level.
  ``door=no`` (a doorway without a leaf) is an inner door with ``opening: true`` where it is
  a node of a room's outline, else nothing. A door's ``between`` are the rooms on its level whose outline has
  its node (:mod:`._door_rooms` keeps one or two), and for an inner door on one such room
  the one room whose outline passes through it (:func:`~._door_rooms.add_touching`);
* **shafts**: a stairwell (``stairs=yes`` rooms/areas, ``room=stairs`` or a stair name;
  ``highway=steps`` inside a building) or a lift (``highway=elevator`` nodes and ways,
  ``room=elevator``) is one stair or one ``elevator`` feature with all its levels, however
  many pieces the source draws it in (:func:`~._osm_levels.merge_shafts`: the same ``ref``,
  or the same place); its rooms get the use ``stair``/``lift`` and no room number (the ref
  names the stair or lift);
* **site features**: named roads (``highway=*`` for vehicles) as ``road``, footways/paths as
  ``footway``, ``emergency=fire_hydrant`` as ``hydrant``, ``emergency=assembly_point``.

Exterior door kinds follow the source only: ``entrance=main`` is an ``entrance`` with
``main: true``; ``entrance=emergency`` (or ``exit=emergency``) an ``emergency_exit``;
``entrance=service`` a ``service`` door; any other exterior door (``entrance=yes``,
``secondary``, untagged) an ``entrance``. No emergency exit is ever inferred.

Coordinates: WGS84 projected to plan metres with :mod:`orientation.geo` (transverse Mercator
centred on the buildings, the frame the exports unproject with); ``site.origin`` is that
centre, rounded to 7 decimals before projecting so that the plan and the origin agree exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union

from .. import geo
from ..errors import ImportError_, LimitError
from ..model import SHAFT_USES, DoorKind, FeatureKind, RoomUse, SiteFeatureKind
from ..words import Ref
from ._assemble import assemble_site
from ._door_rooms import add_touching
from ._drafts import (
    BuildingDraft,
    DoorDraft,
    FeatureDraft,
    RoomDraft,
    SiteFeatureDraft,
    StairDraft,
)
from ._geometry import polygons_of
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import Notes
from ._osm_levels import (
    Shaft,
    indoor_outline,
    merge_shafts,
    parse_levels,
    room_kind,
    too_wide,
)
from ._text import clean_text

#: Largest .osm file read (bytes).
MAX_OSM_BYTES = 300_000_000

_ROAD_TYPES = {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified",
               "residential", "living_street", "service", "road", "motorway_link", "trunk_link",
               "primary_link", "secondary_link", "tertiary_link", "track", "busway"}
_FOOT_TYPES = {"footway", "path", "pedestrian", "cycleway", "steps", "bridleway", "corridor"}
def _float(v: str | None) -> float | None:
    if v is None:
        return None
    m = re.match(r"^\s*(\d+(?:[.,]\d+)?)\s*(m|cm)?\s*$", v)
    if not m:
        return None
    x = float(m.group(1).replace(",", "."))
    return x / 100 if m.group(2) == "cm" else x


def _parse(path: Path, file: str, data: bytes | None = None,
           limits: ImportLimits = DEFAULT_IMPORT_LIMITS):
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    if data is None:
        from .importing import read_source

        data = read_source(path, file, limits)
    if len(data) > MAX_OSM_BYTES:
        raise ImportError_(f"{file}: {len(data):,} bytes exceed the limit of {MAX_OSM_BYTES:,} "
                           "bytes for an OSM file; cut the extract down to the site (e.g. in "
                           "JOSM)")
    try:
        root = DET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise ImportError_(f"{file}: refused: the XML declares a DTD or entities "
                           f"({type(exc).__name__}); OSM files never need them, so this file "
                           "is not a plain OSM export (an entity-expansion bomb?)") from None
    except DET.ParseError as exc:
        raise ImportError_(f"{file}: not valid XML ({exc}); export the data again as .osm "
                           "from JOSM or the OSM API") from None
    if root.tag != "osm":
        raise ImportError_(f"{file}: the XML root is <{root.tag}>, not <osm>; this is not an "
                           "OSM XML file")
    nodes: dict[int, tuple[float, float, dict]] = {}
    ways: dict[int, tuple[list[int], dict]] = {}
    rels: dict[int, tuple[list[tuple[str, int, str]], dict]] = {}
    bad = 0
    for count, el in enumerate(root, 1):
        if count > limits.max_points_per_file:
            raise LimitError(f"{file}: more than {limits.max_points_per_file:,} OSM elements "
                             "(limit max_points_per_file); cut the extract down to the site, "
                             "or raise the limit")
        try:
            if el.tag == "node":
                tags = {t.get("k"): t.get("v") for t in el.iter("tag")}
                nodes[int(el.get("id"))] = (float(el.get("lon")), float(el.get("lat")), tags)
            elif el.tag == "way":
                tags = {t.get("k"): t.get("v") for t in el.iter("tag")}
                ways[int(el.get("id"))] = ([int(n.get("ref")) for n in el.iter("nd")], tags)
            elif el.tag == "relation":
                tags = {t.get("k"): t.get("v") for t in el.iter("tag")}
                mem = [(m.get("type"), int(m.get("ref")), m.get("role") or "")
                       for m in el.iter("member")]
                rels[int(el.get("id"))] = (mem, tags)
        except (TypeError, ValueError):
            bad += 1
    return nodes, ways, rels, bad


def read_osm(path: Path, *, file: str, notes: Notes, keep_room_numbers: bool = False,
             limits: ImportLimits = DEFAULT_IMPORT_LIMITS, data: bytes | None = None) -> dict:
    """Read an ``.osm`` file into site-file data (see the module docstring). ``data`` is the
    file's content when it is not read from ``path`` (an upload)."""
    nodes, ways, rels, bad = _parse(path, file, data, limits)
    del data
    max_range = limits.max_levels_per_range
    wide = 0

    def parse_levels(value: str | None) -> tuple[list[int], bool]:
        nonlocal wide
        wide += too_wide(value, max_range)
        return _parse_levels(value, max_range)

    def quiet_levels(tags: dict) -> list[int]:
        """Every whole level of ``level`` and ``repeat_on``, nothing counted."""
        return sorted(set(_parse_levels(tags.get("level"), max_range)[0])
                      | set(_parse_levels(tags.get("repeat_on"), max_range)[0]))

    if bad:
        notes.warning("osm-bad-elements", n=bad)

    def way_coords(wid: int) -> list[tuple[float, float]] | None:
        w = ways.get(wid)
        if w is None:
            return None
        pts = [nodes[n][:2] for n in w[0] if n in nodes]
        return pts if len(pts) == len(w[0]) and pts else None

    # --- geometry in lon/lat, projected later -----------------------------------------------
    def way_polygon(wid: int) -> Polygon | None:
        pts = way_coords(wid)
        if not pts or len(pts) < 4 or ways[wid][0][0] != ways[wid][0][-1]:
            return None
        return Polygon(pts)

    def rel_polygon(rid: int) -> BaseGeometry | None:
        members = rels[rid][0]
        outer: list[LineString] = []
        inner: list[LineString] = []
        for typ, ref, role in members:
            if typ != "way":
                continue
            pts = way_coords(ref)
            if not pts or len(pts) < 2:
                continue
            (inner if role == "inner" else outer).append(LineString(pts))
        if not outer:
            return None
        o = unary_union(list(polygonize(unary_union(outer))))
        if o.is_empty:
            return None
        if inner:
            i = unary_union(list(polygonize(unary_union(inner))))
            o = o.difference(i)
        return o

    # (source id, tags, geom, nodes)
    building_geoms: list[tuple[str, dict, BaseGeometry, set[int]]] = []
    for wid, (nds, tags) in ways.items():
        if tags.get("building", "no") != "no" and "building:part" not in tags:
            g = way_polygon(wid)
            if g is not None:
                building_geoms.append((f"way/{wid}", tags, g, set(nds)))
    for rid, (mem, tags) in rels.items():
        if tags.get("type") == "multipolygon" and tags.get("building", "no") != "no":
            g = rel_polygon(rid)
            if g is not None:
                ns: set[int] = set()
                for typ, ref, _ in mem:
                    if typ == "way" and ref in ways:
                        ns.update(ways[ref][0])
                building_geoms.append((f"relation/{rid}", tags, g, ns))
    if not building_geoms:
        raise ImportError_(f"{file}: no building outline found (a closed way or multipolygon "
                           "tagged building=*); include the building in the OSM extract")

    # projection around the centre of the buildings
    # bounds without a union: a self-crossing outline must not stop the import here
    minx, miny, maxx, maxy = (float(v) for v in shapely.total_bounds(
        [g for _, _, g, _ in building_geoms]))
    lon0, lat0 = (minx + maxx) / 2, (miny + maxy) / 2
    if not (-180.0 <= lon0 <= 180.0 and -90.0 <= lat0 <= 90.0):
        raise ImportError_(f"{file}: the buildings lie at ({lon0:g}, {lat0:g}), which is not a "
                           "WGS84 longitude/latitude; OSM files are always in WGS84")
    origin = geo.round_origin(lat0, lon0)

    def P(g):
        return shapely.transform(g, lambda a: geo.wgs84_to_plan_coords(origin, 0.0, a))

    def pt(lon: float, lat: float) -> tuple[float, float]:
        x, y = geo.wgs84_to_plan(origin, 0.0, (lon, lat))
        return float(x), float(y)

    outlines = [P(g) for _, _, g, _ in building_geoms]
    outlines = [g if g.is_valid else unary_union(polygons_of(g)) for g in outlines]
    tree = shapely.STRtree(outlines)

    def building_of(geom) -> int | None:
        rp = geom.representative_point() if not isinstance(geom, Point) else geom
        hits = [int(i) for i in tree.query(rp, predicate="within")]
        if hits:
            return min(hits, key=lambda i: outlines[i].area)
        return None

    drafts: list[BuildingDraft] = []
    levels_used: list[set[int]] = []
    for (sid, tags, _, _), outline in zip(building_geoms, outlines):
        name = clean_text(tags.get("name")) or clean_text(tags.get("loc_ref"))
        drafts.append(BuildingDraft(name=name or "", footprint=outline, storeys=[],
                                    id_hints=(tags.get("loc_ref"), name, sid.replace("/", "-")),
                                    source_id=sid, keep_holes=True))
        levels_used.append(set())

    half_levels = 0
    no_level = 0
    outside = 0

    def element_levels(tags: dict) -> list[int]:
        nonlocal half_levels, no_level
        lv, odd = parse_levels(tags.get("level"))
        rep, _ = parse_levels(tags.get("repeat_on"))
        lv = sorted(set(lv) | set(rep))
        if not lv:
            if odd:
                half_levels += 1
            else:
                no_level += 1
        return lv

    # --- level names and outlines from indoor=level -----------------------------------------
    level_names: dict[int, str] = {}
    level_polys: list[dict[int, list[BaseGeometry]]] = [{} for _ in drafts]
    areas: list[dict[int, list[BaseGeometry]]] = [{} for _ in drafts]  # indoor areas per level
    level_items: list[tuple[dict, BaseGeometry | None]] = [(t, None) for _, _, t in nodes.values()]
    level_items += [(t, way_polygon(wid)) for wid, (_, t) in ways.items()
                    if t.get("indoor") == "level"]
    level_items += [(t, rel_polygon(rid)) for rid, (_, t) in rels.items()
                    if t.get("indoor") == "level" and t.get("type") == "multipolygon"]
    for tags, lg in level_items:
        if tags.get("indoor") != "level":
            continue
        lv, _ = parse_levels(tags.get("level"))
        nm = clean_text(tags.get("level:ref") or tags.get("name"))
        if len(lv) == 1 and nm:
            level_names.setdefault(lv[0], nm)
        if lg is not None and not lg.is_empty:
            lg = P(lg)
            lb = building_of(lg)
            if lb is not None:
                for level in sorted(set(lv) | set(quiet_levels(tags))):
                    level_polys[lb].setdefault(level, []).append(lg)

    # --- rooms, stairs and elevators from ways and relations ----------------------------------
    indoor_items: list[tuple[str, dict, BaseGeometry]] = []
    item_nodes: dict[str, list[int]] = {}  # an indoor way or multipolygon -> its nodes
    for wid, (nds, tags) in ways.items():
        if tags.get("indoor") in ("room", "area", "corridor", "yes") or tags.get("highway") in (
                "steps", "elevator") or tags.get("stairs") == "yes":
            g = way_polygon(wid)
            if g is None:
                pts = way_coords(wid)
                g = LineString(pts) if pts and len(pts) >= 2 else None
                if tags.get("indoor") == "yes" and "stairs" not in tags:
                    continue  # an open indoor=yes way: a line on the floor, no area
            if g is not None:
                indoor_items.append((f"way/{wid}", tags, P(g)))
                item_nodes[f"way/{wid}"] = nds
    for rid, (mem, tags) in rels.items():
        if tags.get("type") == "multipolygon" and tags.get("indoor") in ("room", "area",
                                                                          "corridor"):
            g = rel_polygon(rid)
            if g is not None:
                indoor_items.append((f"relation/{rid}", tags, P(g)))
                item_nodes[f"relation/{rid}"] = [n for typ, ref, _ in mem
                                                 if typ == "way" and ref in ways
                                                 for n in ways[ref][0]]
    for nid, (lon, lat, tags) in nodes.items():
        if tags.get("highway") == "elevator" or (tags.get("indoor") == "room" and "ref" in tags):
            indoor_items.append((f"node/{nid}", tags, Point(pt(lon, lat))))

    shafts: list[list[tuple[Shaft, tuple]]] = [[] for _ in drafts]  # (piece, id hints)
    node_rooms: dict[int, list[str]] = {}           # node -> the rooms whose outline has it
    room_at: dict[tuple[str, int], RoomDraft] = {}  # (room source id, level) -> its draft
    uses_total = uses_missing = 0
    unknown_rooms: dict[str, int] = {}
    for sid, tags, g in indoor_items:
        bi = building_of(g)
        if bi is not None and g.area > 0 and tags.get("indoor") in ("room", "area", "corridor",
                                                                     "yes"):
            for level in quiet_levels(tags):
                areas[bi].setdefault(level, []).append(g)
        is_room, use, unknown = room_kind(tags, g)
        is_stair = (tags.get("stairs") == "yes" or tags.get("highway") == "steps"
                    or use == RoomUse.stair)
        is_lift = tags.get("highway") == "elevator" or use == RoomUse.lift
        if not (is_room or is_stair or is_lift):
            continue
        if bi is None:
            if tags.get("highway") != "steps":  # outdoor steps are common and not ours
                outside += 1
            continue
        lv = element_levels(tags)
        if not lv:
            continue
        levels_used[bi].update(lv)
        d = drafts[bi]
        ref = clean_text(tags.get("ref"))
        name = clean_text(tags.get("name"))
        if is_room:
            uses_total += 1
            if use is None:
                uses_missing += 1
                if unknown:
                    unknown_rooms[unknown] = unknown_rooms.get(unknown, 0) + 1
            shaft = use in SHAFT_USES
            # a shaft's ref names the stair or lift, a corridor's the corridor on its storey
            # (F01 on every floor): no room number
            numbered = keep_room_numbers and not shaft and tags.get("indoor") != "corridor"
            for n in set(item_nodes.get(sid, ())):
                node_rooms.setdefault(n, []).append(sid)
            for level in lv:
                hint = f"{ref or name or sid.replace('/', '-')}" + (f" l{level}" if len(lv) > 1 else "")
                rd = RoomDraft(level=level, polygon=g, name=(name or ref) if shaft else name,
                               number=ref if numbered else None, use=use, id_hints=(hint,),
                               source_id=sid)
                d.rooms.append(rd)
                room_at[(sid, level)] = rd
        hints = (ref, name, sid.replace("/", "-"))
        if is_stair:
            shafts[bi].append((Shaft("stair", g, lv, ref, name, sid), hints))
        if is_lift:
            shafts[bi].append((Shaft("lift", g, lv, ref, name, sid), hints))

    # one stair or lift per shaft, on all the levels of its pieces
    for d, pieces in zip(drafts, shafts):
        for sh in merge_shafts([p for p, _ in pieces]):
            hints = pieces[sh.members[0]][1]
            if isinstance(sh.geom, LineString):
                rp = sh.geom.interpolate(0.5, normalized=True)
            else:
                rp = sh.geom.representative_point()
            if sh.kind == "stair":
                d.stairs.append(StairDraft(at=(rp.x, rp.y), levels=sh.levels,
                                           name=sh.name or sh.ref, id_hints=hints,
                                           source_id=sh.source_id))
            else:
                d.features.append(FeatureDraft(kind=FeatureKind.elevator, at=(rp.x, rp.y),
                                               level=sh.levels[0], levels=sh.levels,
                                               name=sh.name or sh.ref, id_hints=hints,
                                               source_id=sh.source_id))

    # --- doors --------------------------------------------------------------------------------
    outline_nodes: dict[int, int] = {}
    for bi, (_, _, _, ns) in enumerate(building_geoms):
        for n in ns:
            outline_nodes.setdefault(n, bi)
    boundaries = [o.boundary for o in outlines]
    btree = shapely.STRtree(boundaries)
    for nid, (lon, lat, tags) in nodes.items():
        door = tags.get("door")
        entrance = tags.get("entrance")
        # door=no: a doorway without a door leaf; an inner one on room outlines still
        # connects those rooms (below), one elsewhere is nothing to place
        opening = door == "no" and not entrance
        if not (door or entrance) or (opening and nid not in node_rooms):
            continue
        xy = pt(lon, lat)
        p = Point(xy)
        bi = outline_nodes.get(nid)
        if bi is None and entrance:
            near = btree.query(p, predicate="dwithin", distance=0.5)
            if len(near):
                bi = int(min(near, key=lambda i: boundaries[int(i)].distance(p)))
        exterior = bi is not None
        if exterior and opening:
            continue  # a gap in the outline without an entrance tag: no door is invented
        if bi is None:
            bi = building_of(p)
            if bi is None:
                outside += 1
                continue
        lv = element_levels(tags)
        if not lv:
            if not exterior:
                continue
            lv = [0]  # an entrance on the outline without a level: the ground storey
        if exterior:
            lv = lv[:1]  # an exterior door is coded once, on its lowest level
        levels_used[bi].update(lv)
        if exterior:
            exit_tag = tags.get("exit")
            if entrance == "main":
                kind, main = DoorKind.entrance, True
            elif entrance == "emergency" or exit_tag == "emergency":
                kind, main = DoorKind.emergency_exit, False
            elif entrance == "service":
                kind, main = DoorKind.service, False
            else:
                kind, main = DoorKind.entrance, False
        else:
            kind, main = DoorKind.inner, False
        on_rooms = node_rooms.get(nid, ())
        for level in lv:  # an inner door repeated on several storeys is a door on each
            # the rooms it opens into: those on its level whose outline has its node
            between = tuple(room_at[(r, level)] for r in on_rooms if (r, level) in room_at)
            drafts[bi].doors.append(DoorDraft(
                at=xy, level=level, kind=kind, main=main, width=_float(tags.get("width")),
                id_hints=(clean_text(tags.get("name")),
                          f"n{nid}" + (f"-l{level}" if len(lv) > 1 else "")),
                source_id=f"node/{nid}", between=between, opening=opening))

    for d in drafts:  # a door on one room's way that lies on another room's outline too
        add_touching(d.doors, d.rooms)

    # --- storeys ------------------------------------------------------------------------------
    for (sid, tags, _, _), d, used in zip(building_geoms, drafts, levels_used):
        levels: set[int] = set(used)
        lo, _ = parse_levels(tags.get("min_level"))
        hi, _ = parse_levels(tags.get("max_level"))
        if lo and hi:
            levels.update(range(max(lo[0], -9), min(hi[-1], 199) + 1))
        else:
            n_levels = _float(tags.get("building:levels"))
            if n_levels and n_levels >= 1:
                levels.update(range(0, min(int(n_levels), 200, max_range)))
            u = _float(tags.get("building:levels:underground"))
            if u and u >= 1:
                levels.update(range(-min(int(u), 9), 0))
        levels = {lv for lv in levels if -9 <= lv <= 199}
        if not levels:
            levels = {0}
            notes.info("storeys-assumed", sid, building=d.name or sid)
        d.storeys = [(lv, level_names.get(lv, str(lv))) for lv in sorted(levels)]
    for bi, d in enumerate(drafts):
        # the storey's own outline: its indoor=level polygons, else its indoor areas
        for level, _ in d.storeys:
            if level_polys[bi].get(level):
                d.storey_outlines[level] = unary_union(level_polys[bi][level])
            elif areas[bi].get(level):
                own = indoor_outline(areas[bi][level], outlines[bi])
                if own is not None:
                    d.storey_outlines[level] = own
        if not d.name:
            d.name = Path(file).stem

    if wide:
        notes.warning("level-range-too-wide", n=wide, most=max_range)
    if half_levels:
        notes.info("half-levels", n=half_levels)
    if no_level:
        notes.info("no-level", n=no_level)
    if outside:
        notes.info("outside-buildings", n=outside)
    if uses_missing:
        values = ", ".join(f"'{v[:30]}' ({k})" for v, k in sorted(
            unknown_rooms.items(), key=lambda x: (-x[1], x[0]))[:8])
        notes.info("osm-uses-unmapped", n=uses_missing, total=uses_total,
                   values=Ref.to("import.osm-room-values", values=values) if values else "")
    for d in drafts:
        if not d.rooms:
            notes.info("no-rooms", d.source_id or "", building=d.name)

    # --- site features ------------------------------------------------------------------------
    feats: list[SiteFeatureDraft] = []
    unnamed_roads = 0
    for wid, (_, tags) in ways.items():
        hw = tags.get("highway")
        if not hw or tags.get("area") == "yes" or tags.get("indoor"):
            continue
        pts = way_coords(wid)
        if not pts or len(pts) < 2:
            continue
        line = P(LineString(pts))
        if hw in _ROAD_TYPES:
            if not tags.get("name"):
                unnamed_roads += 1
                continue
            feats.append(SiteFeatureDraft(SiteFeatureKind.road, line, tags.get("name"), f"way/{wid}"))
        elif hw in _FOOT_TYPES and not tags.get("level"):
            feats.append(SiteFeatureDraft(SiteFeatureKind.footway, line, tags.get("name"),
                                          f"way/{wid}"))
    for nid, (lon, lat, tags) in nodes.items():
        em = tags.get("emergency")
        node_kind = {"fire_hydrant": SiteFeatureKind.hydrant,
                     "assembly_point": SiteFeatureKind.assembly_point}.get(em or "")
        if node_kind is not None:
            feats.append(SiteFeatureDraft(node_kind, Point(pt(lon, lat)), tags.get("name"), f"node/{nid}"))
    if unnamed_roads:
        notes.info("unnamed-roads", n=unnamed_roads)

    site_name = drafts[0].name if len(drafts) == 1 else Path(file).stem
    t = building_geoms[0][1]
    addr = None
    if t.get("addr:street"):
        addr = " ".join(x for x in (t.get("addr:street"), t.get("addr:housenumber")) if x)
        city = " ".join(x for x in (t.get("addr:postcode"), t.get("addr:city")) if x)
        if city:
            addr += f", {city}"
    return assemble_site(name=site_name, drafts=drafts, notes=notes, origin=origin,
                         site_features=feats, address=addr, limits=limits)


_parse_levels = parse_levels

__all__ = ["parse_levels", "read_osm"]
