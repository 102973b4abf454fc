"""The plan editor's logic, without Streamlit: what the editor component draws (:func:`view_data`,
plan metres), what one of its events does to the site (:func:`apply_event`, through
:mod:`orientation.plan_edits`), the undo stack (:func:`pushed`, :func:`popped`) and which mode
fixes an item of the "what is missing" list (:func:`mode_for`).

The component (``plan_editor_component/``, see :func:`component`) draws a view of the site and
sends one event per edit, a JSON object with an ``action`` and a ``seq`` that is new for every
event (the component's value stays the same over later reruns; :func:`new_event` tells a new
one from it):

* ``{"action": "add-door", "building": id, "at": [x, y]}``
* ``{"action": "move", "ref": ref, "kind": kind, "at": [x, y]}`` (a door, stair or feature
  dragged) / ``… "by": [dx, dy]}`` (a line or an area dragged); ``{"action": "move-door",
  "building": id, "door": id, "at": [x, y]}``
* ``{"action": "set-main", "building": id, "door": id}``
* ``{"action": "delete", "ref": ref, "kind": kind}`` / ``{"action": "delete", "building": id,
  "element": id}`` / ``{"action": "delete", "site_feature": index}``
* ``{"action": "add-line", "line": [[x, y], …]}`` (kind: the editor's line kind)
* ``{"action": "place", "at": [x, y], "building": id or null}`` (kind: the editor's)
* ``{"action": "pick-point", "at": [x, y]}`` (the point whose latitude/longitude is typed next)

``ref`` is the element's reference (:func:`orientation.plan_edits.find`: ``haus/d-1``,
``haus/features[3]`` for a feature without an id, ``site_features[2]``), as :func:`view_data`
gives it with every element it draws; ``kind`` is the kind drawn, so that a click on a plan
that has changed since is refused rather than applied to another element.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from orientation import words
from orientation.errors import InputError
from orientation.model import Building, Site
from orientation.plan import Plan

from .words import kind_word

#: The editor's modes, in the order the page offers them.
MODES = ("look", "add-door", "set-main", "move", "delete", "line", "place", "position")
#: Line kinds the editor draws, and the kinds it places (site features, then building features).
LINE_KINDS = ("road", "fire_lane", "footway")
SITE_POINT_KINDS = ("hydrant", "assembly_point", "gate")
BUILDING_POINT_KINDS = ("key_box", "fire_alarm_panel", "first_info_point")
PLACE_KINDS = SITE_POINT_KINDS + BUILDING_POINT_KINDS
#: The door kinds the editor adds (exterior doors).
DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")
#: Earlier sites kept for "undo".
UNDO_LIMIT = 30
#: The site plan's view key; a storey's is ``"<building>@<level>"``.
SITE_VIEW = "site"
#: missing-item action -> the editor mode that fixes it (None: a field beside the plan).
FIX_MODES: Mapping[str, str | None] = {
    "add-door": "add-door", "set-main": "set-main", "add-road": "line", "set-date": None,
    "set-origin": "position", "remove-storey": None}

COMPONENT_DIR = Path(__file__).resolve().parent / "plan_editor_component"


@lru_cache(maxsize=1)
def component() -> Any:
    """The editor as a Streamlit custom component (its page and script ship beside this file
    and load nothing from elsewhere)."""
    from streamlit.components.v1 import declare_component

    return declare_component("plan_editor", path=str(COMPONENT_DIR))


# --- what the component draws ----------------------------------------------------------------

def storey_view(building: str, level: int) -> str:
    return f"{building}@{level}"


def parse_view(view: str) -> tuple[str, int] | None:
    """``(building, level)`` of a storey view, None for the site plan.

    >>> parse_view("haus@-1"), parse_view("site")
    (('haus', -1), None)
    """
    building, at, level = view.rpartition("@")
    if not at or not building:
        return None
    try:
        return building, int(level)
    except ValueError:
        return None


def views(site: Site) -> list[str]:
    """The site plan, then every storey of every building (lowest first)."""
    return [SITE_VIEW, *(storey_view(b.id, s.level) for b in site.buildings
                         for s in sorted(b.storeys, key=lambda s: s.level))]


def removable_storeys(site: Site) -> list[str]:
    """The storey views of buildings with more than one storey (a building keeps one)."""
    return [storey_view(b.id, s.level) for b in site.buildings if len(b.storeys) > 1
            for s in sorted(b.storeys, key=lambda s: s.level)]


def view_title(site: Site, view: str, site_word: str) -> str:
    """``Lageplan`` / ``Hauptgebäude · EG`` (the storey's name)."""
    where = parse_view(view)
    if where is None:
        return site_word
    b = site.building(where[0])
    s = b.storey(where[1]) if b else None
    return f"{b.name} · {s.name}" if b and s else view


def _pts(ring: Sequence[Sequence[float]] | None) -> list[list[float]] | None:
    return [[round(float(x), 3), round(float(y), 3)] for x, y in ring] if ring else None


def _xy(p: Sequence[float]) -> list[float]:
    return [round(float(p[0]), 3), round(float(p[1]), 3)]


def codes_of(plan: Plan | None) -> dict[tuple[str, str], tuple[str, bool]]:
    """``(building, element) -> (code, main)`` of every marking of the plan."""
    if plan is None:
        return {}
    return {(m.building, m.element): (m.code, m.main) for m in plan.markings}


def feature_word(lang: str, kind: str) -> str:
    """A site or building feature's kind for people (``fire_lane`` -> ``Feuerwehrzufahrt``).

    >>> feature_word("de", "fire_lane"), feature_word("en", "key_box")
    ('Feuerwehrzufahrt', 'Key box')
    """
    text = words.get("feature." + kind, lang, kind) or kind
    return text[:1].upper() + text[1:]


def label(lang: str, element: Any, code: str = "") -> str:
    """What an element is, for people: ``Eingang E1``, ``Treppe T1``, ``Hydrant: UH 1``."""
    kind = getattr(getattr(element, "kind", None), "value", None)
    if type(element).__name__ == "Door":
        return f"{kind_word(lang, kind or '')} {code or element.id}"
    if kind is None:  # a stair
        return f"{kind_word(lang, 'stair')} {code or element.name or element.id}"
    name = getattr(element, "name", None)
    return feature_word(lang, kind) + (f": {name}" if name else "")


def view_data(site: Site, plan: Plan | None, view: str, lang: str = "de") -> dict[str, Any]:
    """What the component draws of ``view``, JSON-ready, in plan metres (x east, y north):
    building outlines, storey outline, rooms, doors with their codes, stairs, the building
    features (on the site plan: those of the ground floor) and the site features. Each door,
    stair and feature comes with its reference (``ref``, see :mod:`orientation.plan_edits`:
    the id, or its place for one without an id) and a ``label`` in ``lang``."""
    codes = codes_of(plan)
    where = parse_view(view)
    shown = [b for b in site.buildings if where is None or b.id == where[0]]
    level = where[1] if where else None
    out: dict[str, Any] = {"view": view, "level": level, "buildings": [], "outlines": [],
                           "rooms": [], "doors": [], "stairs": [], "features": [],
                           "site_features": []}
    for b in shown:
        code = codes.get((b.id, b.id), ("", False))[0]
        out["buildings"].append({"id": b.id, "name": b.name, "code": code,
                                 "ring": _pts(b.footprint),
                                 "courtyards": [_pts(c) for c in b.courtyards]})
        on = _level_of_doors(b) if level is None else level
        s = b.storey(on)
        if level is not None and s is not None:
            holes = s.courtyards if s.outline else (*b.courtyards, *s.courtyards)
            out["outlines"].append({"ring": _pts(s.outline or b.footprint),
                                    "courtyards": [_pts(c) for c in holes]})
            for r in b.rooms:
                if r.level == level and r.polygon:
                    out["rooms"].append({"id": r.id, "ring": _pts(r.polygon),
                                         "label": codes.get((b.id, r.id), ("", False))[0]
                                         or r.number or r.name or ""})
            for st in b.stairs:
                if level in st.levels:
                    code = codes.get((b.id, st.id), ("", False))[0]
                    out["stairs"].append({"id": st.id, "at": _xy(st.at), "code": code,
                                          "ref": f"{b.id}/{st.id}",
                                          "label": label(lang, st, code)})
        for i, f in enumerate(b.features):
            if on in f.served_levels:
                out["features"].append({"building": b.id, "id": f.id, "index": i,
                                        "kind": f.kind.value, "at": _xy(f.at),
                                        "name": f.name or "", "label": label(lang, f),
                                        "ref": f"{b.id}/{f.id or f'features[{i}]'}"})
        for d in b.doors:
            if level is None and (d.level != on or d.kind.value == "inner"):
                continue
            if level is not None and d.level != level:
                continue
            code, main = codes.get((b.id, d.id), (d.label or "", d.main))
            out["doors"].append({"building": b.id, "id": d.id, "at": _xy(d.at),
                                 "kind": d.kind.value, "code": code, "main": bool(d.main or main),
                                 "level": d.level, "ref": f"{b.id}/{d.id}",
                                 "label": label(lang, d, code)})
    if where is None:
        for i, sf in enumerate(site.site_features):
            out["site_features"].append({"index": i, "kind": sf.kind.value, "name": sf.name or "",
                                         "at": _xy(sf.at) if sf.at else None,
                                         "line": _pts(sf.line), "polygon": _pts(sf.polygon),
                                         "ref": f"site_features[{i}]", "label": label(lang, sf)})
    out["bounds"] = _bounds(out)
    return out


def _level_of_doors(b: Building) -> int:
    """The storey whose exterior doors the site plan shows: the ground floor, else the lowest."""
    levels = sorted(s.level for s in b.storeys)
    return 0 if 0 in levels else levels[0]


def _bounds(data: Mapping[str, Any]) -> list[float]:
    xs: list[float] = []
    ys: list[float] = []

    def take(pts: Sequence[Sequence[float]] | None) -> None:
        for x, y in pts or ():
            xs.append(x)
            ys.append(y)

    for b in data["buildings"]:
        take(b["ring"])
    for f in data["site_features"]:
        take(f["line"] or f["polygon"] or ([f["at"]] if f["at"] else None))
    for key in ("doors", "stairs", "features"):
        take([e["at"] for e in data[key]])
    if not xs:
        return [-10.0, -10.0, 10.0, 10.0]
    return [min(xs), min(ys), max(xs), max(ys)]


# --- one event -> one edit -------------------------------------------------------------------

@dataclass(frozen=True)
class Choices:
    """What the page's widgets beside the plan say: the kind of door to add and whether it is
    the main entrance, the kind of line to draw and of point to place, and the view (its
    storey is the level of new doors and features), and the interface's language (for the
    words of the notices)."""

    door_kind: str = "entrance"
    main: bool = False
    line_kind: str = "road"
    place_kind: str = "hydrant"
    view: str = SITE_VIEW
    name: str | None = None
    lang: str = "de"


@dataclass(frozen=True)
class Applied:
    """What an event did: the new site (None: nothing changed), the point picked for the
    position (``pick-point``), and what to tell the user (an ``app.`` key and its values)."""

    site: Site | None
    point: tuple[float, float] | None = None
    notice: str = ""
    values: tuple[tuple[str, Any], ...] = ()


def new_event(value: Any, seen: Any) -> Mapping[str, Any] | None:
    """The component's value when it is an event not handled yet (its ``seq`` is not ``seen``)."""
    if not isinstance(value, Mapping) or "action" not in value:
        return None
    if value.get("seq") is None or value.get("seq") == seen:
        return None
    return value


def _bad(what: str) -> InputError:
    return InputError(f"the plan editor sent {what}; click on the plan once more")


def _point(value: Any) -> tuple[float, float]:
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                    and math.isfinite(v) for v in value)):
        return round(float(value[0]), 3), round(float(value[1]), 3)
    raise _bad(f"no point ({value!r})")


def _text(value: Any, what: str) -> str:
    if isinstance(value, str) and value:
        return value
    raise _bad(f"no {what}")


def nearest_building(site: Site, at: tuple[float, float]) -> str:
    """The building whose outline is nearest to ``at`` (inside counts as distance 0)."""
    best, best_d = site.buildings[0].id, math.inf
    for b in site.buildings:
        d = 0.0 if _inside(at, b.footprint) else _ring_distance(at, b.footprint)
        if d < best_d:
            best, best_d = b.id, d
    return best


def _inside(p: tuple[float, float], ring: Sequence[Sequence[float]]) -> bool:
    x, y = p
    inside = False
    n = len(ring)
    for i in range(n):
        (x1, y1), (x2, y2) = ring[i], ring[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _ring_distance(p: tuple[float, float], ring: Sequence[Sequence[float]]) -> float:
    best = math.inf
    n = len(ring)
    for i in range(n):
        (x1, y1), (x2, y2) = ring[i], ring[(i + 1) % n]
        dx, dy = x2 - x1, y2 - y1
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((p[0] - x1) * dx + (p[1] - y1) * dy)
                                                  / (dx * dx + dy * dy)))
        best = min(best, math.hypot(p[0] - x1 - t * dx, p[1] - y1 - t * dy))
    return best


def _target(site: Site, event: Mapping[str, Any]) -> tuple[Any, Any]:
    """The place and the element an event's ``ref`` names, when it is still of the ``kind``
    the component drew (a click on a plan that has changed since is refused)."""
    from orientation import plan_edits as pe

    ref, element = pe.find(site, _text(event.get("ref"), "reference"))
    kind = event.get("kind")
    now = getattr(getattr(element, "kind", None), "value", None)
    if kind is not None and kind != now:
        raise _bad(f"a click on {ref}, which is no {kind} (any more)")
    return ref, element


def _code(element: Any) -> str:
    """The pinned code of a door or a stair (the notice names the element by it), or ""."""
    return getattr(element, "label", None) or ""


def apply_event(site: Site, event: Mapping[str, Any], choices: Choices) -> Applied:
    """The edit one event of the component asks for, through :mod:`orientation.plan_edits`.

    Raises :class:`~orientation.errors.OrientationError` (the library's, or
    :class:`~orientation.errors.InputError` for an event that makes no sense) with a message
    for ``st.error``."""
    from orientation import plan_edits as pe

    action = event.get("action")
    where = parse_view(choices.view)
    level = where[1] if where else None
    if action == "add-door":
        at = _point(event.get("at"))
        building = event.get("building") or (where[0] if where else nearest_building(site, at))
        new, door = pe.add_door(site, _text(building, "building"), at, kind=choices.door_kind,
                                level=level, main=choices.main)
        return Applied(new, notice="pe_door_added", values=(("door", door),))
    if action == "move-door":
        new = pe.move_door(site, _text(event.get("building"), "building"),
                           _text(event.get("door"), "door"), _point(event.get("at")))
        return Applied(new, notice="pe_door_moved", values=(("door", event["door"]),))
    if action == "move":
        ref, e = _target(site, event)
        at, by = event.get("at"), event.get("by")
        if (at is None) == (by is None):
            raise _bad("a move without at or by")
        new = pe.move(site, ref, at=None if at is None else _point(at),
                      by=None if by is None else _point(by))
        if ref.key == "doors":
            return Applied(new, notice="pe_door_moved", values=(("door", e.id),))
        return Applied(new, notice="pe_moved", values=(("what", label(choices.lang, e)),))
    if action == "set-main":
        door = _text(event.get("door"), "door")
        new = pe.set_main_door(site, _text(event.get("building"), "building"), door)
        return Applied(new, notice="pe_main_set", values=(("door", door),))
    if action == "delete":
        if event.get("ref") is None:  # the older forms: a site feature's index, an element's id
            index = event.get("site_feature")
            if index is not None and (not isinstance(index, int) or isinstance(index, bool)):
                raise _bad(f"no feature number ({index!r})")
            event = {"ref": f"site_features[{index}]" if index is not None else
                     f"{_text(event.get('building'), 'building')}/"
                     f"{_text(event.get('element'), 'element')}"}
        ref, e = _target(site, event)
        return Applied(pe.remove(site, ref), notice="pe_deleted",
                       values=(("what", label(choices.lang, e, _code(e))),))
    if action == "add-line":
        raw = event.get("line")
        if not isinstance(raw, list) or len(raw) < 2:
            raise _bad("a line of fewer than two points")
        line = [_point(p) for p in raw]
        new, _ = pe.add_site_feature(site, choices.line_kind, line=line, name=choices.name)
        return Applied(new, notice="pe_line_added", values=(("n", len(line)),))
    if action == "place":
        at = _point(event.get("at"))
        kind = choices.place_kind
        if kind in SITE_POINT_KINDS:
            new, _ = pe.add_site_feature(site, kind, at=at, name=choices.name)
        else:
            building = event.get("building") or (where[0] if where else
                                                 nearest_building(site, at))
            new = pe.add_feature(site, _text(building, "building"), kind, at, level=level,
                                 name=choices.name)
        return Applied(new, notice="pe_placed", values=(("x", at[0]), ("y", at[1])))
    if action == "pick-point":
        at = _point(event.get("at"))
        return Applied(None, point=at, notice="pe_point_picked", values=(("x", at[0]),
                                                                           ("y", at[1])))
    raise _bad(f"an unknown action ({action!r})")


# --- undo ------------------------------------------------------------------------------------

def pushed(stack: Sequence[Site], site: Site, limit: int = UNDO_LIMIT) -> list[Site]:
    """``stack`` with ``site`` on top (the oldest dropped past ``limit``)."""
    return [*stack, site][-limit:]


def popped(stack: Sequence[Site]) -> tuple[list[Site], Site | None]:
    """``stack`` without its top, and the top (None when empty)."""
    if not stack:
        return [], None
    return list(stack[:-1]), stack[-1]


# --- the "what is missing" list --------------------------------------------------------------

def mode_for(item: Any) -> tuple[str | None, str | None]:
    """``(mode, view)`` that fixes a :class:`orientation.plan_edits.Missing` item: the editor
    mode (None: a field beside the plan) and the view to show (None: keep)."""
    action = getattr(item, "action", "")
    mode = FIX_MODES.get(action)
    building, level = getattr(item, "building", None), getattr(item, "level", None)
    if action == "remove-storey" and building is not None and level is not None:
        return None, storey_view(building, level)
    if action in ("add-door", "set-main", "add-road", "set-origin"):
        return mode, SITE_VIEW
    return mode, None


__all__ = ["BUILDING_POINT_KINDS", "DOOR_KINDS", "FIX_MODES", "LINE_KINDS", "MODES", "PLACE_KINDS",
           "SITE_POINT_KINDS", "SITE_VIEW", "UNDO_LIMIT", "Applied", "Choices", "apply_event",
           "codes_of", "component", "feature_word", "label", "mode_for", "nearest_building", "new_event", "parse_view",
           "popped", "pushed", "removable_storeys", "storey_view", "view_data", "view_title", "views"]
