"""Site -> Plan: every code, sign size, placement and finding, by a profile's rules.

:func:`make_plan` narrates the steps, each a function of its own:

1. frames (side A and the numbering start per building: the main entrance, else the road
   the address names), building order and letters, the map frame (rotation, scale, grid:
   every marking gets its grid cell as it is made);
2. pinned codes collected (rooms' existing numbers with them, checked against the profile's
   scheme); building letters, sides and door codes (:mod:`.codes`);
3. stairs; 4. rooms (shafts get none); 5. windows (the room behind each); 6. the facility
   name;
7. the inside: the walking graph (:mod:`.walking`) and what it shows is wrong, the
   guidance signs (:mod:`.guidance`, when the profile makes them), each room's way in
   (:mod:`.routes`);
8. signs (reading distance, cap height, panel, anchor, facing, contrast) and their places
   on the facades, clear of other signs and windows (:mod:`.placement`);
9. findings on the site as a whole (main entrance, roads, printable names);
10. the map geometry the booklet draws (:mod:`.mapgeometry`), with the storeys' inner
    doors and escape routes, and the general object information;
11. the fire-alarm route cards (:mod:`.alarmcards`).

Deterministic: the same site and options give the same plan.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from .. import fonts
from ..model import Site, SiteFeatureKind
from ..plan import Plan, RoomAccess
from ..profiles import DEFAULT_PROFILE, Profile, load_profile
from ..words import Ref, get, word
from . import codes, mapframe, numbering, placement, routes
from .alarmcards import alarm_cards
from .codes import Work
from .geometry import LineIndex
from .guidance import make_guidance
from .mapgeometry import map_geometry, object_facts
from .walking import inside_findings, walking_graph


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """``paper``: ``A3`` (landscape) or ``A4`` (portrait) for the site plan's grid;
    ``date``: the plan date (ISO) printed and recorded, never the clock;
    ``reserved``: codes an earlier plan used, never handed to a new element."""

    paper: str = "A3"
    date: str | None = None
    reserved: frozenset[str] = frozenset()
    language: str | None = None


def make_plan(site: Site, profile: Profile | str | None = None, *,
              options: PlanOptions = PlanOptions()) -> Plan:
    """The signage plan of a validated site (see :func:`orientation.load_site`)."""
    if profile is None:
        profile = site.profile or DEFAULT_PROFILE
    prof = load_profile(profile) if isinstance(profile, str) else profile
    w = Work(site=site, prof=prof, lang=options.language or prof.language,
             reserved=options.reserved)
    roads = LineIndex([f.line for f in site.site_features
                       if f.kind in (SiteFeatureKind.road, SiteFeatureKind.fire_lane) and f.line])
    front = numbering.address_road_lines(site)

    # 1. frames, order, letters, the map frame
    frames, main_door = numbering.building_frames(site, roads, LineIndex(front) if front else None)
    _approach_findings(w, main_door is not None, bool(front))
    ordered = numbering.order_buildings(frames, main_door)
    letters = numbering.assign_letters(ordered, prof.numbering.skipped_letters)
    w.frame = mapframe.make_frame(site, ordered, paper=options.paper)
    codes.check_letters(w, ordered)
    # 2. pinned codes and existing room numbers; letters, sides and door codes
    codes.collect_pins(w, ordered)
    codes.existing_number_findings(w, ordered)
    codes.building_codes(w, ordered, letters)
    # 3.-6. stairs, rooms, windows (the room behind each), the facility name
    codes.stair_codes(w, ordered)
    codes.room_codes(w, ordered, letters)
    codes.window_codes(w, ordered)
    codes.name_marking(w, ordered)
    # 7. the inside: the walking graph, its findings, guidance signs, each room's way in
    walk = walking_graph(site)
    inside_findings(walk, w.find, w.room_codes)
    guides = make_guidance(w, walk) if prof.guidance.enabled else []
    w.markings += [m for m, _sub, _g in guides]
    access = tuple(RoomAccess(a.room, a.entrance, a.stair, a.length_m)
                   for a in routes.room_access(walk, w.markings))
    # 8. signs, and their places on the facades
    frame_by_id = {f.building.id: f for f in ordered}
    signs = placement.make_signs(prof, w.lang, site, w.markings, frame_by_id, roads,
                                 w.door_marks, w.window_marks, w.find, guides)
    signs = placement.place_on_facades(signs, frame_by_id, site, w.find)
    # 9. printable characters
    _unprintable(site, w.find)
    # 10. what the maps draw
    geometry = map_geometry(site, w.frame, w.markings,
                            {m.id: width for m, _kind, width in w.door_marks},
                            {m.id: width for m, width in w.window_marks},
                            routes.storey_insides(walk))
    # 11. the fire-alarm route cards (DIN 14675), from the panel along the walking graph
    cards = alarm_cards(site, walk, w.markings, w.lang, w.find)

    plan = Plan(
        site_name=site.site.name, site_address=site.site.address, profile=prof.name,
        language=w.lang, buildings=tuple(w.building_plans), markings=tuple(w.markings),
        signs=tuple(signs),
        findings=tuple(sorted(w.findings, key=lambda x: (_SEV[x.severity], x.code, x.element))),
        north_deg=site.site.north_deg,
        origin=(site.site.origin.lat, site.site.origin.lon) if site.site.origin else None,
        date=options.date or site.site.date, frame=w.frame, geometry=geometry, access=access,
        object_info=object_facts(site), alarm_cards=cards)
    return replace(plan, version=plan_version(plan))


_SEV = {"error": 0, "warning": 1, "info": 2}


def _approach_findings(w: Work, has_main_entrance: bool, address_road: bool) -> None:
    """An error without a main entrance, a warning without a road, an info when the site
    has named roads but none is the address's street."""
    if not has_main_entrance:
        w.find("error", "no-main-entrance", "site", "finding.no-main-entrance")
    info = w.site.site
    if info.origin is None and getattr(info, "crs", None) is None:
        w.find("info", "no-position", "site", "finding.no-position")
    roads = [f for f in w.site.site_features if f.kind == SiteFeatureKind.road]
    if not roads:
        w.find("warning", "no-road", "site", "finding.no-road",
               distance=w.prof.sizing.min_reading_distance_m)
    elif w.site.site.address and not address_road and any(f.name for f in roads):
        w.find("info", "address-road-unknown", "site", "finding.address-road-unknown",
               address=w.site.site.address)


def plan_version(plan: Plan) -> str:
    """A short hash of the plan's content (without its version and date)."""
    d = plan.to_dict()
    d.pop("version", None)
    d.pop("date", None)
    d.pop("draft", None)  # follows from the findings and the date
    d.pop("draft_reasons", None)
    return hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest()[:12]


#: At most this many elements get their own unprintable-characters finding; one more names
#: how many others there are (a file imported from a CJK source would have one per room).
MAX_UNPRINTABLE_FINDINGS = 20


def _feature(kind: str) -> Ref | str:
    """A feature kind as running text names it (the catalogue's ``feature.<kind>``)."""
    return Ref("feature." + kind) if get("feature." + kind, "en") else kind.replace("_", " ")


def _unprintable(site: Site, find) -> None:
    """A warning for every named element whose name holds characters no bundled font has
    (CJK today): printed, they would be empty boxes on signs and maps."""
    texts: list[tuple[str, Ref, str]] = [("site", Ref("what.site-name"), site.site.name),
                                         ("site", Ref("what.address"), site.site.address or "")]
    for b in site.buildings:
        texts.append((b.id, Ref.to("what.building-name", building=b.id), b.name or ""))
        texts += [(f"{b.id}/level {s.level}",
                   Ref.to("what.storey-name", level=s.level, building=b.id), s.name or "")
                  for s in b.storeys]
        texts += [(f"{b.id}/{s.id}", Ref.to("what.stair-name", stair=s.id), s.name or "")
                  for s in b.stairs]
        texts += [(f"{b.id}/{r.id}", Ref.to("what.room-name", room=r.id), r.name or "")
                  for r in b.rooms]
        texts += [(b.id, Ref.to("what.feature-name", feature=_feature(ft.kind.value),
                                building=b.id), ft.name or "") for ft in b.features]
    texts += [("site", Ref.to("what.site-feature-name", i=i, feature=_feature(f.kind.value)),
               f.name or "") for i, f in enumerate(site.site_features)]
    seen: set[tuple[str, str]] = set()
    bad: list[tuple[str, Ref, str, str]] = []
    for element, what, text in texts:
        if not text or (element, text) in seen:
            continue
        seen.add((element, text))
        missing = fonts.missing_chars(text)
        if missing:
            bad.append((element, what, text, missing))
    for element, what, text, missing in bad[:MAX_UNPRINTABLE_FINDINGS]:
        shown = text if len(text) <= 40 else text[:39] + "…"
        find("warning", "unprintable-characters", element, "finding.unprintable-characters",
             what=what, shown=shown, missing=missing)
    if len(bad) > MAX_UNPRINTABLE_FINDINGS:
        chars = "".join(dict.fromkeys("".join(b[3] for b in bad[MAX_UNPRINTABLE_FINDINGS:])))
        find("warning", "unprintable-characters", "site", "finding.unprintable-more",
             n=len(bad) - MAX_UNPRINTABLE_FINDINGS, chars=chars[:40])


__all__ = ["PlanOptions", "make_plan", "plan_version", "word"]
