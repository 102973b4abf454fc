"""The proof sheet for the approval walk with police and fire service.

:func:`proof_pages` shows every sign small on A4 portrait pages, one card per sign: the sign
to scale in its colours and cut shape; a small **key map** of its building (the storey's
outline for a sign inside, the site's orientation as on the maps) with the sign's place
marked; its code and id, kind and drawing scale, size, location (building, storey, side),
where on the wall and how high; the **status** dates (ordered, mounted, checked) where the
status side file has them; a **box to tick** on the walk; and a **QR code** that says the
site and the sign (:func:`orientation.status.qr_payload`), made with segno and drawn as
vector modules. The first page carries the approval purpose and signature lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import fonts
from ..layout.mapframe import to_grid
from ..plan import Plan, Sign
from ..profiles import Profile
from ..render.scene import Circle, Color, Group, Item, Page, Path, Rect, Stroke
from ..status import NO_STATE, SignStatus, qr_payload
from .common import (
    A4_PORTRAIT,
    GREY,
    INK,
    RULE,
    Buildings,
    building_label,
    buildings_by_id,
    plan_language,
    plan_stamp,
    scale_items,
    sign_kind_label,
    storey_name,
    word,
    wrap_lines,
)
from .common import text as ptext
from .installer import format_panel, height_cell, location_rows, short_date

PROOF_MARGIN_MM = 12.0
PROOF_COLUMNS = 3
PROOF_GUTTER_MM = 6.0
PROOF_PICTURE_MM = 22.0
"""Height of the picture row of a proof card (the sign and its key map), in mm."""
PROOF_KEYMAP_MM = 20.0
"""Side of a card's key map, in mm."""
PROOF_QR_MM = 14.0
"""Side of a card's QR code, in mm (modules of about 0.4 mm)."""
PROOF_LABEL_PITCH_MM = 3.9
PROOF_ROW_MM = 60.0
"""Height of one proof row (picture, labels, status and tick box), mm."""
PROOF_HEADER_MM = 20.0
PROOF_APPROVAL_MM = 50.0
PROOF_WIDE = 4.0
"""Signs at least this many times wider than tall take a whole proof row."""
QR_INK = Color("#000000", (0.0, 0.0, 0.0, 1.0), "black (QR)")
MARK = Color("#CC0605", (0.0, 0.97, 0.98, 0.2), "RAL 3020 traffic red (key map)")
OUTLINE = Color("#E6E6E6", (0.0, 0.0, 0.0, 0.1), "grey 10 %")


def _location(buildings: Buildings, sign: Sign, lang: str) -> str:
    """``A Hauptgebäude · EG · Seite A``; the same for every sign of a place (see
    :func:`proof_pages`, which asks once per place)."""
    parts = [building_label(buildings, sign.building)]
    storey = storey_name(buildings, sign.building, sign.level)
    if storey and sign.kind != "name":
        parts.append(storey)
    if sign.side:
        parts.append(f"{word(lang, 'side')} {sign.side}")
    return " · ".join(p for p in parts if p)


def _scale_label(k: float) -> str:
    """The drawing scale of a miniature, ``1:14``."""
    return f"1:{round(1 / k):d}" if k > 0 else ""


def _miniature(sign: Sign, profile: Profile, x: float, y: float, w: float, h: float
               ) -> tuple[tuple[Item, ...], float]:
    """The sign scaled into the box (x, y, w, h), centred across and standing on the box's
    bottom edge (next to its label); its cut shape drawn."""
    from .signs import design_items

    background, art_items, radius = design_items(sign, profile)
    k = min(w / sign.width_mm, h / sign.height_mm)
    sw, sh = sign.width_mm * k, sign.height_mm * k
    ox, oy = x + (w - sw) / 2, y + h - sh
    r = min(radius * k, sw / 2, sh / 2)
    shape = Rect(ox, oy, sw, sh, fill=background, stroke=Stroke(RULE, 0.15), radius_mm=r)
    art = Group(scale_items(art_items, k, dx=ox, dy=oy), clip=(ox, oy, sw, sh))
    return (shape, art), k


@lru_cache(maxsize=1 << 14)
def qr_modules(payload: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """A QR code (error correction M) as (modules per side, runs of dark modules: row,
    first column, length), without the quiet zone."""
    import segno

    qr = segno.make(payload, error="m", micro=False)
    runs = []
    for row, line in enumerate(qr.matrix):
        col = 0
        n = len(line)
        while col < n:
            if line[col]:
                start = col
                while col < n and line[col]:
                    col += 1
                runs.append((row, start, col - start))
            else:
                col += 1
    return len(qr.matrix), tuple(runs)


def qr_item(payload: str, x: float, y: float, side: float) -> Path:
    """The QR code of ``payload`` as one filled path of its dark modules, in the square of
    ``side`` mm at (x, y) (the quiet zone is the cell's white around it)."""
    n, runs = qr_modules(payload)
    m = side / n
    rings = tuple(((x + c * m, y + r * m), (x + (c + ln) * m, y + r * m),
                   (x + (c + ln) * m, y + (r + 1) * m), (x + c * m, y + (r + 1) * m))
                  for r, c, ln in runs)
    return Path(rings, fill=QR_INK)


def _key_map(plan: Plan, sign: Sign, x: float, y: float, side: float) -> list[Item]:
    """The sign's building (its storey for a sign inside) in a square of ``side`` mm,
    turned as the maps are, with the sign's place as a red dot."""
    geo = plan.geometry.building(sign.building) if plan.geometry is not None else None
    items: list[Item] = [Rect(x, y, side, side, stroke=Stroke(RULE, 0.15))]
    if geo is None:
        return items
    ring = geo.outline
    if sign.placement == "interior" and sign.level is not None:
        st = geo.storey(sign.level)
        if st is not None:
            ring = st.outline
    frame = plan.frame

    def page(p: tuple[float, float]) -> tuple[float, float]:
        return to_grid(frame, p) if frame is not None else (p[0], -p[1])

    pts = [page(p) for p in ring]
    anchor = page(sign.anchor)
    xs, ys = [p[0] for p in pts] + [anchor[0]], [p[1] for p in pts] + [anchor[1]]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    pad = 1.5
    k = min((side - 2 * pad) / w if w else 1.0, (side - 2 * pad) / h if h else 1.0)
    ox = x + (side - w * k) / 2 - min(xs) * k
    oy = y + (side - h * k) / 2 - min(ys) * k
    items.append(Path((tuple((ox + px * k, oy + py * k) for px, py in pts),), fill=OUTLINE,
                      stroke=Stroke(GREY, 0.2)))
    items.append(Circle(ox + anchor[0] * k, oy + anchor[1] * k, 1.1, fill=MARK,
                        stroke=Stroke(Color("#FFFFFF", (0, 0, 0, 0), "white"), 0.3)))
    return items


def _cell(plan: Plan, profile: Profile, sign: Sign, x: float, y: float, w: float, lang: str,
          inches: bool, location: str, where: str, height: str, state) -> list[Item]:
    """One card: the sign and its key map; code, kind, size, sign id and scale beside the
    QR code; location, where and how high across the card; the box to tick and the status
    dates at its foot."""
    pic_w = w - PROOF_KEYMAP_MM - 3.0
    pic, k = _miniature(sign, profile, x, y, pic_w, PROOF_PICTURE_MM)
    items: list[Item] = list(pic)
    items += _key_map(plan, sign, x + w - PROOF_KEYMAP_MM, y + PROOF_PICTURE_MM - PROOF_KEYMAP_MM,
                      PROOF_KEYMAP_MM)
    ly = y + PROOF_PICTURE_MM + 4.6
    p = PROOF_LABEL_PITCH_MM
    narrow = w - PROOF_QR_MM - 2.0  # the lines beside the QR code
    items.append(ptext(x, ly, sign.text, 4.2, weight="bold", max_width_mm=narrow))
    items.append(ptext(x, ly + p, sign_kind_label(lang, sign), 3.2, max_width_mm=narrow))
    size = format_panel(sign.width_mm, sign.height_mm, lang, imperial=inches)
    items.append(ptext(x, ly + 2 * p, size, 3.2, max_width_mm=narrow))
    items.append(ptext(x, ly + 3 * p, sign.id, 3.0, fill=GREY))
    items.append(ptext(x + narrow, ly + 3 * p, _scale_label(k), 3.0, fill=GREY, anchor="end"))
    items.append(qr_item(qr_payload(plan, sign), x + w - PROOF_QR_MM, ly - 3.2, PROOF_QR_MM))
    items.append(ptext(x, ly + 4 * p, location, 3.2, max_width_mm=w))
    items.append(ptext(x, ly + 5 * p, where, 3.0, fill=GREY, max_width_mm=w))
    if height:
        items.append(ptext(x, ly + 6 * p, height, 3.0, fill=GREY, max_width_mm=w))
    # the box to tick on the walk, and what the status file says
    by = ly + 6 * p + 2.2
    items.append(Rect(x, by, 3.6, 3.6, stroke=Stroke(INK, 0.3)))
    if state.checked:  # ticked: the status file says it was checked
        items.append(Path((((x + 0.7, by + 1.9), (x + 1.5, by + 2.9), (x + 3.0, by + 0.6)),),
                          closed=False, stroke=Stroke(INK, 0.45)))
    done = [f"{word(lang, 'status_' + st + '_short')} {short_date(state.get(st), lang)}"
            for st in ("ordered", "mounted", "checked") if state.get(st)]
    label = " · ".join(done) if done else word(lang, "tick")
    items.append(ptext(x + 5.0, by + 3.0, label, 3.2 if not done else 3.0,
                       max_width_mm=w - 5.0))
    return items


def _proof_rows(signs: Sequence[Sign]) -> list[list[Sign]]:
    rows: list[list[Sign]] = []
    row: list[Sign] = []
    for s in signs:
        if s.width_mm >= PROOF_WIDE * s.height_mm:
            if row:
                rows.append(row)
                row = []
            rows.append([s])
            continue
        row.append(s)
        if len(row) == PROOF_COLUMNS:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows


def _proof_header(plan: Plan, profile: Profile, lang: str, n: int, m: int) -> list[Item]:
    pw, _ = A4_PORTRAIT
    x0, x1 = PROOF_MARGIN_MM, pw - PROOF_MARGIN_MM
    y = PROOF_MARGIN_MM + 4.5
    page = f"{word(lang, 'page')} {n}/{m}"
    items: list[Item] = [
        ptext(x0, y, f"{word(lang, 'proof_title')} – {plan.site_name}", 5.0, weight="bold",
              max_width_mm=x1 - x0 - 25),
        ptext(x1, y, page, 3.4, anchor="end"),
    ]
    sub = [plan.site_address or "",
           f"{word(lang, 'profile')}: {profile.resolved.short_title}",
           plan_stamp(plan, lang),
           f"{len(plan.signs)} {word(lang, 'signs_count')}"]
    from .common import hrule

    items.append(ptext(x0, y + 5.5, " · ".join(p for p in sub if p), 3.2, fill=GREY,
                       max_width_mm=x1 - x0))
    items.append(hrule(x0, x1, PROOF_MARGIN_MM + PROOF_HEADER_MM - 6.0, width_mm=0.3,
                       color=INK))
    return items


def _approval(lang: str, y: float) -> list[Item]:
    from .common import hrule

    pw, _ = A4_PORTRAIT
    x0, x1 = PROOF_MARGIN_MM, pw - PROOF_MARGIN_MM
    items: list[Item] = [
        ptext(x0, y + 5.0, word(lang, "approval"), 4.6, weight="bold", max_width_mm=x1 - x0),
    ]
    note = [word(lang, "approval_note")]
    if fonts.text_width_mm(note[0], size_mm=3.4, weight="regular") > x1 - x0:
        note = wrap_lines(note[0], 2, size_mm=3.4, weight="regular")
    for i, ln in enumerate(note):
        items.append(ptext(x0, y + 10.5 + i * 4.6, ln, 3.4, max_width_mm=x1 - x0))
    gap = 8.0
    fw = (x1 - x0 - 2 * gap) / 3
    line_y = y + 31.0
    for i, key in enumerate(("sign_police", "sign_fire", "sign_owner")):
        fx = x0 + i * (fw + gap)
        items.append(hrule(fx, fx + fw, line_y, width_mm=0.3, color=INK))
        items.append(ptext(fx, line_y + 4.2, word(lang, key), 3.4, weight="bold",
                           max_width_mm=fw))
        items.append(ptext(fx, line_y + 8.2, word(lang, "signature"), 3.0, fill=GREY,
                           max_width_mm=fw))
    items.append(hrule(x0, x1, y + PROOF_APPROVAL_MM - 5.0, width_mm=0.3, color=INK))
    return items


def proof_pages(plan: Plan, profile: Profile, *, status: SignStatus | None = None
                ) -> list[Page]:
    """Every sign small on A4 portrait pages (210 x 297 mm), for the approval walk.

    Three cards a row (signs at least :data:`PROOF_WIDE` times wider than tall, such as the
    name board, take a whole row), each with the sign to scale in its colours and cut
    shape, its key map, code and sign id; kind and drawing scale; size in mm (and inches
    for inch profiles); location (building letter and name, storey, side); where on the wall
    and how high; the status dates (``status``); a box to tick and the QR code of the site
    and the sign. Every page has a header with the site, address, profile, plan
    date/version, the number of signs and ``page n/m``; the first page carries the approval
    purpose ("Freigabe mit Polizei und Feuerwehr" / "For approval by police and fire
    service") and signature lines for police, fire service and owner. Signs in plan order;
    words in the plan's language.
    """
    lang = plan_language(plan, profile)
    inches = profile.resolved.inches
    buildings = buildings_by_id(plan)
    pw, ph = A4_PORTRAIT
    x0, x1 = PROOF_MARGIN_MM, pw - PROOF_MARGIN_MM
    body_top = PROOF_MARGIN_MM + PROOF_HEADER_MM
    body_bottom = ph - PROOF_MARGIN_MM
    rows = _proof_rows(plan.signs)
    places = {r.sign_id: (r.where, (f"{word(lang, 'col_height')} "
                                    f"{height_cell(r, lang, imperial=inches)}"
                                    if r.mount_height_m is not None else ""))
              for r in location_rows(plan, profile, language=lang)}

    pages_rows: list[list[list[Sign]]] = []
    current: list[list[Sign]] = []
    y = body_top + PROOF_APPROVAL_MM
    for row in rows:
        if y + PROOF_ROW_MM > body_bottom + 0.01 and current:
            pages_rows.append(current)
            current, y = [], body_top
        current.append(row)
        y += PROOF_ROW_MM
    pages_rows.append(current)

    m = len(pages_rows)
    cw = (x1 - x0 - (PROOF_COLUMNS - 1) * PROOF_GUTTER_MM) / PROOF_COLUMNS
    # the location line once per place: looking a building up in the plan takes a pass over
    # its buildings, too many for every sign of a large site
    located: dict[tuple[str, int | None, bool, str | None], str] = {}

    def location(sign: Sign) -> str:
        key = (sign.building, sign.level, sign.kind == "name", sign.side)
        if key not in located:
            located[key] = _location(buildings, sign, lang)
        return located[key]

    def state(sign: Sign):
        return status.of(sign) if status is not None else NO_STATE

    pages: list[Page] = []
    for n, prow in enumerate(pages_rows, start=1):
        items: list[Item] = _proof_header(plan, profile, lang, n, m)
        y = body_top
        if n == 1:
            items += _approval(lang, body_top - 2.0)
            y = body_top + PROOF_APPROVAL_MM
        for row in prow:
            if len(row) == 1 and row[0].width_mm >= PROOF_WIDE * row[0].height_mm:
                s = row[0]
                items += _cell(plan, profile, s, x0, y, x1 - x0, lang, inches, location(s),
                               *places.get(s.id, ("", "")), state(s))
            else:
                for i, sign in enumerate(row):
                    items += _cell(plan, profile, sign, x0 + i * (cw + PROOF_GUTTER_MM), y, cw,
                                   lang, inches, location(sign), *places.get(sign.id, ("", "")),
                                   state(sign))
            y += PROOF_ROW_MM
        pages.append(Page(pw, ph, tuple(items), name=f"proof-{n}",
                          title=f"{word(lang, 'proof_title')} {n}/{m} – {plan.site_name}"))
    return pages


__all__ = ["PROOF_COLUMNS", "PROOF_QR_MM", "PROOF_ROW_MM", "proof_pages", "qr_item",
           "qr_modules"]
