"""Tables and summaries for the page: one plain ``dict`` per row for ``st.data_editor`` and
``st.dataframe``, the findings grouped for the alerts, sign captions.

The edit tables' editable columns (:data:`EDITABLE`) name the site-file keys they write; an
edited table goes back into the site through :func:`orientation.edits.apply_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from orientation import edits
from orientation.io.pinning import PIN_KEYS
from orientation.model import EXTERIOR_DOOR_KINDS, DoorKind, RoomUse, Site
from orientation.plan import SEVERITY_ORDER, Plan, Sign
from orientation.profiles import Profile

from .words import TEXTS, finding_text, kind_word

DOOR_KINDS = tuple(k.value for k in DoorKind)
#: the room uses a room's ``use`` cell offers (:class:`orientation.model.RoomUse`)
ROOM_USES = tuple(u.value for u in RoomUse)


def _storey_names(site: Site) -> dict[tuple[str, int], str]:
    return {(b.id, s.level): s.name for b in site.buildings for s in b.storeys}


def _codes(plan: Plan) -> dict[str, str]:
    return {m.id: m.code for m in plan.markings}


def _building_names(site: Site, plan: Plan) -> dict[str, str]:
    letters = {b.id: b.letter for b in plan.buildings}
    return {b.id: f"{letters.get(b.id, '')} {b.name}".strip() for b in site.buildings}


def building_rows(site: Site, plan: Plan) -> list[dict[str, Any]]:
    """Buildings: ``id``, ``name`` (editable), ``letter`` (now), ``pin`` (editable)."""
    letters = {b.id: b.letter for b in plan.buildings}
    return [{"id": b.id, "name": b.name, "letter": letters.get(b.id, ""), "pin": b.letter}
            for b in site.buildings]


def door_rows(site: Site, plan: Plan, lang: str = "en") -> list[dict[str, Any]]:
    """Doors: ``building``, ``id``, ``storey``, ``kind`` (editable), ``code`` (now),
    ``pin`` (editable; exterior doors only)."""
    codes, names, storeys = _codes(plan), _building_names(site, plan), _storey_names(site)
    return [{"building": names[b.id], "bid": b.id, "id": d.id,
             "storey": storeys.get((b.id, d.level), str(d.level)), "kind": d.kind.value,
             "code": codes.get(f"{b.id}/{d.id}", ""), "pin": d.label}
            for b in site.buildings for d in b.doors]


def stair_rows(site: Site, plan: Plan) -> list[dict[str, Any]]:
    """Stairs: ``building``, ``id``, ``storeys``, ``name`` (editable), ``code``, ``pin``."""
    codes, names, storeys = _codes(plan), _building_names(site, plan), _storey_names(site)
    return [{"building": names[b.id], "bid": b.id, "id": s.id,
             "storeys": ", ".join(storeys.get((b.id, lv), str(lv)) for lv in sorted(s.levels)),
             "name": s.name, "code": codes.get(f"{b.id}/{s.id}", ""), "pin": s.label}
            for b in site.buildings for s in b.stairs]


def room_rows(site: Site, plan: Plan) -> list[dict[str, Any]]:
    """Rooms: ``building``, ``id``, ``storey``, ``name``, ``use`` and ``landmark`` (editable),
    ``code``, ``pin``."""
    codes, names, storeys = _codes(plan), _building_names(site, plan), _storey_names(site)
    return [{"building": names[b.id], "bid": b.id, "id": r.id,
             "storey": storeys.get((b.id, r.level), str(r.level)), "name": r.name,
             "use": r.use.value if r.use else None, "landmark": r.landmark, "code": codes.get(f"{b.id}/{r.id}", ""), "pin": r.number}
            for b in site.buildings for r in b.rooms]


#: editable columns of each table -> the site-file key they write
EDITABLE = {
    "buildings": {"name": "name", "pin": "letter"},
    "doors": {"kind": "kind", "pin": PIN_KEYS["doors"]},
    "stairs": {"name": "name", "pin": PIN_KEYS["stairs"]},
    "rooms": {"name": "name", "use": "use", "landmark": "landmark", "pin": PIN_KEYS["rooms"]},
}
TABLE_ROWS = {"buildings": building_rows, "doors": door_rows, "stairs": stair_rows,
              "rooms": room_rows}


def rows_changed(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]],
                 table: str) -> bool:
    """Whether any editable cell differs (empty cells in any spelling count as equal)."""
    cols = EDITABLE[table]
    if len(before) != len(after):
        return True
    return any(edits.field_value(f, a.get(c)) != edits.field_value(f, b.get(c))
               for a, b in zip(before, after) for c, f in cols.items())


def apply_rows(site: Site, table: str, rows: Iterable[Mapping[str, Any]]) -> Site:
    """:func:`orientation.edits.apply_rows` for rows of these tables (their columns mapped to
    site-file keys through :data:`EDITABLE`; an unknown ``table`` is an
    :class:`~orientation.errors.OptionError`)."""
    cols = EDITABLE.get(table, {})

    def site_row(row: Mapping[str, Any]) -> dict[str, Any]:
        ids = {"id": row.get("id")} if table == "buildings" else {
            "building": row.get("bid"), "id": row.get("id")}
        return ids | {field: row.get(col) for col, field in cols.items()}

    return edits.apply_rows(site, table, [site_row(r) for r in rows])


def exterior_doors(site: Site, plan: Plan) -> list[tuple[str, str]]:
    """``(building/door id, "E1 · Hauptgebäude · d-haupteingang")`` for the main-entrance
    choice, in plan order (E1 first)."""
    codes = _codes(plan)
    names = {b.id: b.name for b in site.buildings}
    order = {m.id: i for i, m in enumerate(plan.markings)}
    out = [(f"{b.id}/{d.id}", f"{codes.get(f'{b.id}/{d.id}', '?')} · {names[b.id]} · {d.id}")
           for b in site.buildings for d in b.doors if d.kind in EXTERIOR_DOOR_KINDS]
    return sorted(out, key=lambda o: order.get(o[0], len(order)))


def marking_rows(plan: Plan, lang: str = "en") -> list[dict[str, Any]]:
    """The markings table: ``code``, ``kind`` (in words), ``building``, ``storey``, ``side``,
    ``grid``, ``name``, ``pinned``, in plan order."""
    names = {b.id: f"{b.letter} {b.name}".strip() for b in plan.buildings}
    storeys = {(b.id, lv): n for b in plan.buildings for lv, n in zip(b.levels, b.level_names)}

    def storey(m) -> str:
        if m.levels and len(m.levels) > 1:
            return f"{storeys.get((m.building, m.levels[0]), m.levels[0])} – " \
                   f"{storeys.get((m.building, m.levels[-1]), m.levels[-1])}"
        if m.level is None:
            return ""
        return storeys.get((m.building, m.level), str(m.level))

    return [{"code": m.code, "kind": kind_word(lang, m.kind), "building": names.get(m.building,
             m.building), "storey": storey(m), "side": m.side or "", "grid": m.grid or "",
             "name": m.name or "", "pinned": m.pinned} for m in plan.markings]


def findings_by_severity(plan: Plan, lang: str = "en") -> list[tuple[str, list[dict[str, str]]]]:
    """``[(severity, [{"element", "code", "message", "fix"}, …]), …]`` errors first; the
    element named as people know it (``E1 · main/d-haupteingang``, ``A Hauptgebäude``);
    ``message`` the finding's sentence in ``lang``; ``fix`` is the key of a text saying where
    in the app to fix it (or empty)."""
    markings = {m.id: m for m in plan.markings}
    buildings = {b.id: f"{b.letter} {b.name}".strip() for b in plan.buildings}

    def element(e: str) -> str:
        if e in buildings:
            return buildings[e]
        m = markings.get(e)
        return f"{m.code} · {e}" if m else e

    groups: dict[str, list[dict[str, str]]] = {}
    for f in sorted(plan.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
        groups.setdefault(f.severity, []).append(
            {"element": element(f.element), "code": f.code, "message": finding_text(lang, f),
             "fix": f"fix_{f.code}" if f"fix_{f.code}" in TEXTS["en"] else ""})
    return list(groups.items())


def sign_caption(sign: Sign, lang: str = "en", *, inches: bool = False) -> str:
    """``E1 · 800 × 400 mm`` for the gallery; the kind is named when the sign itself does
    not say it (``1 · Entrance · 12 × 12 in``); ``inches`` for an inch profile's panels."""
    from orientation.compose.common import format_size

    code = " ".join(sign.text.split())
    w_in, h_in = sign.width_mm / 25.4, sign.height_mm / 25.4
    if inches and abs(w_in - round(w_in)) < 0.01 and abs(h_in - round(h_in)) < 0.01:
        size = f"{round(w_in)} × {round(h_in)} in"
    else:
        size = format_size(sign.width_mm, sign.height_mm, lang, unit=True)
    parts = [code] + ([] if sign.subtext else [kind_word(lang, sign.kind)]) + [size]
    return " · ".join(parts)


def uses_inches(profile: Profile) -> bool:
    """Whether the profile's panels are whole inches (the US profile): captions in inches."""
    from orientation.compose.common import uses_inches as _uses_inches

    return _uses_inches(profile)


def signs_of_kind(plan: Plan, kind: str | None) -> list[Sign]:
    """The plan's signs of one kind (all for None), in plan order."""
    return [s for s in plan.signs if kind is None or s.kind == kind]


def sign_kinds(plan: Plan) -> list[str]:
    """The kinds of sign in the plan, in the order they first appear."""
    return list(dict.fromkeys(s.kind for s in plan.signs))


def counts(site: Site, plan: Plan) -> dict[str, int]:
    """The numbers at the top of the page."""
    sev = [f.severity for f in plan.findings]
    return {
        "buildings": len(site.buildings),
        "doors": sum(1 for b in site.buildings for d in b.doors if d.kind in EXTERIOR_DOOR_KINDS),
        "stairs": sum(len(b.stairs) for b in site.buildings),
        "rooms": sum(len(b.rooms) for b in site.buildings),
        "signs": len(plan.signs),
        "errors": sev.count("error"),
        "warnings": sev.count("warning"),
    }


__all__ = ["DOOR_KINDS", "EDITABLE", "ROOM_USES", "TABLE_ROWS", "apply_rows", "building_rows", "counts",
           "door_rows", "exterior_doors", "findings_by_severity", "marking_rows", "room_rows",
           "rows_changed", "sign_caption", "sign_kinds", "signs_of_kind", "stair_rows",
           "uses_inches"]
