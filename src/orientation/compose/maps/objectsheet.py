"""The general object information (DIN 14095, Allgemeine Objektinformationen): the first
sheet of the booklet, in tables flowing through columns.

* **Object**: name, address, the dispatch centre's object number, use, occupancy, each
  building with its letter and storeys.
* **Contacts** as the site file lists them.
* **Fire alarm system and the fire service's points**: the system, its number, where the
  fire alarm panel, the first information point, the key depot, the building radio, the
  smoke extraction controls and the sprinkler valves are (building, storey, grid cell of
  the overview plan), and how many route cards there are.
* **Water supply**: hydrants with their cells, risers with the storeys they carry, dry
  risers' inlets, and what the file says besides.
* **Hazards** from the rooms' uses (each hazard use with its rooms' codes and storeys), the
  hazard features, and the gas, power and water shut-offs.
* **Access**: the main entrance, the fire-brigade accesses, the access notes.
* **Special notes**; **the plan**: plan number, date, author, version; and the list of the
  booklet's sheets (its contents).

What the site file does not say is printed as "not given", never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ... import fonts, words
from ...layout import mapframe
from ...plan import AlarmCard, FeaturePoint
from ...render.scene import Item, Path, Stroke, Text
from .. import labels as L
from .din import storey_span
from .legend import _flow_from, _Row
from .sheet import _Ctx, _fit, _Sheet
from .style import _CAP, DOOR_KINDS

#: Feature kinds listed under the fire alarm system and the fire service's points.
SERVICE_POINTS = ("fire_alarm_panel", "first_info_point", "key_box", "building_radio",
                  "smoke_extraction", "sprinkler_valve")
SHUTOFFS = ("gas_shutoff", "power_shutoff", "water_shutoff")

Entry = tuple[str, str | None]  # label, value (None: not given)


def _where(ctx: _Ctx, building: str, level: int, at: tuple[float, float]) -> str:
    """``A · EG · D7``: the building's letter, the storey and the overview's grid cell."""
    bp = ctx.building_plans.get(building)
    names = dict(zip(bp.levels, bp.level_names, strict=False)) if bp else {}
    cell = mapframe.grid_cell(ctx.frame, at)
    parts = [ctx.letters.get(building, ""), names.get(level, str(level))]
    if cell:
        parts.append(ctx.words["leader_note"].format(cell=cell))
    return " · ".join(p for p in parts if p)


def _features(ctx: _Ctx, kind: str) -> list[tuple[str, FeaturePoint]]:
    return [(b.id, f) for b in ctx.geometry.buildings for f in b.features if f.kind == kind]


def _symbol_name(ctx: _Ctx, kind: str) -> str:
    return (words.get("symbol." + kind, ctx.lang, kind) or kind).replace(L.SHY, "")


def object_entries(ctx: _Ctx, cards: Sequence[AlarmCard],
                   contents: Sequence[tuple[int, str]]) -> list[tuple[str, list[Entry]]]:
    """The sheet's sections: (heading, [(label, value or None)])."""
    wd, plan = ctx.words, ctx.plan
    facts = plan.object_info
    names = {b.id: dict(zip(b.levels, b.level_names, strict=False)) for b in plan.buildings}

    def fact(name: str) -> str | None:
        return getattr(facts, name) if facts is not None else None

    obj: list[Entry] = [(wd["obj_name"], plan.site_name), (wd["obj_address"], plan.site_address),
                        (wd["obj_number"], fact("number")), (wd["obj_use"], fact("use")),
                        (wd["obj_occupancy"], fact("occupancy"))]
    for bp in plan.buildings:
        obj.append((f"{wd['building']} {bp.letter}",
                    f"{bp.name}: {', '.join(bp.level_names)}"))
    contacts: list[Entry] = [(c.role, ", ".join(x for x in (c.name, c.phone) if x) or None)
                             for c in (facts.contacts if facts else ())]
    if not contacts:
        contacts = [(wd["obj_contacts"], None)]
    alarm: list[Entry] = [(wd["obj_fire_alarm"], fact("fire_alarm")),
                          (wd["obj_alarm_number"], fact("fire_alarm_number"))]
    for kind in SERVICE_POINTS:
        found = _features(ctx, kind)
        if not found and kind in ("smoke_extraction", "sprinkler_valve"):
            continue  # only what the object has (the first four are asked for every object)
        value = "; ".join(_where(ctx, bid, f.level, f.at) + (f" ({f.name})" if f.name else "")
                          for bid, f in found) or None
        alarm.append((_symbol_name(ctx, kind), value))
    if cards:
        alarm.append((wd["obj_cards"], wd["obj_cards_n"].format(n=len(cards))))
    water: list[Entry] = []
    for sf in ctx.geometry.features:
        if sf.kind == "hydrant" and sf.at is not None:
            cell = mapframe.grid_cell(ctx.frame, sf.at)
            water.append((sf.name or _symbol_name(ctx, "hydrant"),
                          wd["leader_note"].format(cell=cell) if cell else "–"))
    for kind in ("riser", "riser_inlet"):
        for bid, ft in _features(ctx, kind):
            span = storey_span(names.get(bid, {}), ft.levels or (ft.level,))
            where = f"{ctx.letters.get(bid, '')} · {span}"
            water.append((ft.name or _symbol_name(ctx, kind), where))
    water.append((wd["obj_water"], fact("water_supply")))
    hazards: list[Entry] = _hazards(ctx, names)
    for kind in SHUTOFFS:
        for bid, ft in _features(ctx, kind):
            span = storey_span(names.get(bid, {}), ft.levels or (ft.level,))
            cell = mapframe.grid_cell(ctx.frame, ft.at)
            hazards.append((ft.name or _symbol_name(ctx, kind),
                            f"{ctx.letters.get(bid, '')} · {span}"
                            + (f" · {wd['leader_note'].format(cell=cell)}" if cell else "")))
    if not hazards:
        hazards = [(wd["obj_hazards"], wd["obj_none"])]
    access: list[Entry] = []
    for m in plan.markings:
        if m.kind in DOOR_KINDS and (m.main or m.kind == "fire_brigade"):
            label = wd["obj_main"] if m.main else wd["fire_brigade"]
            access.append((label, f"{m.code} · {_where(ctx, m.building, m.level or 0, m.at)}"))
    access += [(wd["obj_access"], a) for a in (facts.access_notes if facts else ())]
    notes: list[Entry] = [("–", n) for n in (facts.notes if facts else ())] or [
        (wd["obj_notes"], None)]
    the_plan: list[Entry] = [(wd["obj_plan_number"], fact("plan_number")),
                             (wd["date"], plan.date), (wd["obj_author"], fact("author")),
                             (wd["version"], plan.version or None)]
    sheets: list[Entry] = [(str(n), t) for n, t in contents]
    return [(wd["obj_h_object"], obj), (wd["obj_h_contacts"], contacts),
            (wd["obj_h_alarm"], alarm), (wd["obj_h_water"], water),
            (wd["obj_h_hazards"], hazards), (wd["obj_h_access"], access or
                                             [(wd["obj_main"], None)]),
            (wd["obj_h_notes"], notes), (wd["obj_h_plan"], the_plan),
            (wd["obj_h_contents"], sheets)]


def _hazards(ctx: _Ctx, names: dict[str, dict[int, str]]) -> list[Entry]:
    """Each hazard use with the codes of its rooms and their storeys, from the storeys'
    rooms (DIN 14095: hazards of the object), then the hazard features."""
    codes = {(m.building, m.element): m.code for m in ctx.plan.markings if m.kind == "room"}
    by_use: dict[str, list[str]] = {}
    for b in ctx.geometry.buildings:
        for s in b.storeys:
            for r in s.rooms:
                if r.hazard and r.use:
                    code = codes.get((b.id, r.id))
                    where = f"{code} ({ctx.letters.get(b.id, '')} {s.name})" if code else \
                        f"{ctx.letters.get(b.id, '')} {s.name}"
                    by_use.setdefault(r.use, []).append(where)
    out: list[Entry] = []
    for use, rooms in by_use.items():
        name = words.get("room-use-name." + use, ctx.lang, use) or use
        out.append((name, ", ".join(rooms)))
    for bid, f in _features(ctx, "hazard"):
        out.append((f.name or _symbol_name(ctx, "hazard"), _where(ctx, bid, f.level, f.at)))
    return out


def _label_lines(label: str, width: float, size: float) -> tuple[list[str], float]:
    """A label in its column: wrapped (at spaces, hyphens), smaller down to the minimum text
    height where a word is wider than the column, cut with an ellipsis as the last resort."""
    for sz in (size, min(size, 2.8), 2.5):
        lines = L.wrap(label, width, sz, "bold", max_lines=3)
        if lines:
            return lines, sz
    return [_fit(label, width, 2.5, "bold")], 2.5


def _rows(ctx: _Ctx, sections: list[tuple[str, list[Entry]]], col_w: float,
          size: float = 2.8) -> list[_Row]:
    pal, wd = ctx.pal, ctx.words
    pitch = size * 1.22
    head = size + 0.8
    # the label column as wide as its longest word (within reason), the values beside it
    widest = max((fonts.text_width_mm(w, size_mm=size, weight="bold") for _t, es in sections
                  for label, _v in es for w in label.split()), default=20.0)
    label_w = min(max(col_w * 0.34, widest + 2.0), col_w * 0.45)
    rows: list[_Row] = []
    for title, entries in sections:
        heads = L.wrap(title, col_w, head, "bold", max_lines=2) or [title]

        def heading(x: float, y: float, w: float, heads: list[str] = heads) -> list[Item]:
            out: list[Item] = []
            base = y + 2.0 + _CAP * head
            for k, ln in enumerate(heads):
                out.append(Text(x, base + k * head * 1.2, ln, head, pal.black))
            base += (len(heads) - 1) * head * 1.2
            out.append(Path((((x, base + 1.3), (x + w, base + 1.3)),), closed=False,
                            stroke=Stroke(pal.grey50, 0.25)))
            return out

        rows.append(_Row(head * 1.2 * len(heads) + 3.6, heading, keep_with_next=True))
        for label, value in entries:
            lab, lsize = _label_lines(label, label_w - 1.5, size)
            text = value if value is not None else wd["obj_not_given"]
            val = L.wrap(text, col_w - label_w, size, "regular", max_lines=12) or [
                _fit(text, col_w - label_w, size, "regular")]
            n = max(len(lab), len(val))

            def draw(x: float, y: float, w: float, lab: list[str] = lab,
                     val: list[str] = val, given: bool = value is not None,
                     lsize: float = lsize) -> list[Item]:
                out: list[Item] = []
                ty = y + 0.3 + _CAP * size
                for ln in lab:
                    out.append(Text(x, ty, ln, lsize, pal.black))
                    ty += pitch
                ty = y + 0.3 + _CAP * size
                for ln in val:
                    out.append(Text(x + label_w, ty, ln, size,
                                    pal.black if given else pal.grey75, weight="regular"))
                    ty += pitch
                return out

            rows.append(_Row(n * pitch + 0.8, draw))
    return rows


def object_sheet(ctx: _Ctx, cards: Sequence[AlarmCard], contents: Sequence[tuple[int, str]],
                 make: Callable[[], _Sheet]) -> _Sheet:
    """The general object information sheet (see the module docstring); ``contents``: the
    booklet's sheets (number, title); ``make`` a new empty sheet."""
    lay, pal, wd = ctx.lay, ctx.pal, ctx.words
    sheet = make()
    x0, top = 10.0, 10.0
    sheet.add("margin", Text(x0, top + _CAP * 6.0, wd["object_sheet"], 6.0, pal.black))
    y = top + 10.0
    tx, ty, _tw, _th = lay.title
    gap = 6.0
    sections = object_entries(ctx, cards, contents)
    # the largest text that takes every row, in as few columns as hold it
    landscape = lay.width > lay.height
    tries = [(size, n) for size in (3.4, 3.0, 2.8, 2.5)
             for n in ((3,) if landscape else (2,))] + (
        [(2.5, 4), (2.5, 5)] if landscape else [(2.5, 3)])
    for size, n_cols in tries:
        if landscape:  # A3 landscape: columns left of the title block's
            width = tx - gap - x0
            slots = [(x0, y, width, lay.height - 10 - y)]
        else:  # A4 portrait: columns above the title block, then beside it
            width = lay.width - 20
            slots = [(x0, y, width, ty - 5 - y), (x0, ty, tx - 5 - x0, lay.height - 10 - ty)]
        col_w = (width - gap * (n_cols - 1)) / n_cols
        rows = _rows(ctx, sections, col_w, size)
        got, reached, _ = _flow_from(rows, 0, slots, col_w, gap=gap)
        if reached >= len(rows):
            break
    sheet.add("margin", *got)
    return sheet


__all__ = ["SERVICE_POINTS", "SHUTOFFS", "object_entries", "object_sheet"]
