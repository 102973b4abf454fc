"""The booklet: the right-hand column and the title block of every sheet, the pages in order
and their names (:func:`map_pages`)."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Any, overload

from ...errors import LayoutError, OptionError
from ...plan import Plan
from ...profiles import Profile
from ...render.scene import Item, Page, Path, Rect, Stroke, Text
from ...runtime import collector_paused
from .. import labels as L
from .gazetteer import GazetteerEntry, _gazetteer_pages, _gazetteer_rows, gazetteer_entries
from .legend import _flow, _flow_balanced, _legend_rows, _note_rows
from .marks import _draw_north, _draw_scalebar
from .sheet import _Ctx, _fit, _Sheet
from .siteplan import _compose_site_plan
from .storeyplan import _compose_storey, _storey_view
from .style import _CAP, DEFAULT_STYLE, MapStyle, _layout, _palette, _words
from .view import Footprints


def _heading(ctx: _Ctx, x: float, y: float, text: str) -> list[Item]:
    return [Text(x, y + _CAP * 3.6, text, 3.6, ctx.pal.black)]


#: Legend rows a crowded sheet may leave out, the first first: what the drawing shows
#: plainly (a room with its number, the corridor's tone, an inner door's gap, a guidance
#: mark's arrow with its destination, a building's tone).
SELF_EVIDENT = ("room", "corridor", "inner_door", "guidance", "building", "neighbour")


def _column(ctx: _Ctx, sheet: _Sheet, *, gazetteer: list[GazetteerEntry] | None) -> bool:
    """Legend, notes and (if given and it fits) the gazetteer into the sheet's slots, one
    section under the other, each balanced over as many columns as the slot holds.
    Returns True when the gazetteer was placed (or not asked for)."""
    lay = ctx.lay
    slots = [list(s) for s in lay.slots]
    items: list[Item] = []
    head_h = 7.0

    def place(title: str, make_rows, col_w: float, *, max_cols: int | None = None) -> bool:
        for si, (sx, sy, sw, sh) in enumerate(slots):
            if sh < head_h + 5:
                continue
            gap = 2.0
            n_cols = max(1, int((sw + gap) // (col_w + gap)))
            if max_cols:
                n_cols = min(n_cols, max_cols)
            cw = (sw - gap * (n_cols - 1)) / n_cols
            rows = make_rows(cw)
            res = _flow_balanced(rows, (sx, sy + head_h, sw, sh - head_h),
                                 col_w, gap=gap, max_cols=max_cols)
            if res is None:
                continue
            got, used = res
            items.extend(_heading(ctx, sx, sy, title))
            items.extend(got)
            top = sy + head_h + used + 5.0
            slots[si] = [sx, top, sw, sy + sh - top]
            return True
        return False

    legend = lambda w: _legend_rows(ctx, sheet, w)  # noqa: E731
    compact = lambda w: _legend_rows(ctx, sheet, w, compact=True)  # noqa: E731
    title = ctx.words["legend"]
    if not (place(title, legend, 37.0) or place(title, legend, 33.0)
            or place(title, compact, 33.0)):
        # long legends on A4: flow through every slot, the heading above the first; a
        # legend that does not fit even so leaves out the rows that explain themselves,
        # fewest first, rather than go missing
        sx, sy, _sw, _sh = slots[0]
        body = [(s[0], s[1] + head_h, s[2], s[3] - head_h) for s in slots]
        whole = dict(sheet.legend)
        res = None
        for n in range(len(SELF_EVIDENT) + 1):
            sheet.legend = {k: v for k, v in whole.items() if k not in SELF_EVIDENT[:n]}
            res = _flow(compact(33.0), body, 33.0, gap=2.0)
            if res is not None:
                break
        sheet.legend = whole
        if res is not None:
            items.extend(_heading(ctx, sx, sy, title))
            items.extend(res[0])
            last = res[2]
            for k in range(last):
                slots[k] = [slots[k][0], slots[k][1] + slots[k][3], slots[k][2], 0.0]
            lx, ly, lw, lh = slots[last]
            top = res[1] + 5.0
            slots[last] = [lx, top, lw, ly + lh - top]
    placed_gaz = gazetteer is None
    if sheet.notes:
        notes = list(sheet.notes)
        if place(ctx.words["notes"], lambda w: _note_rows(ctx, notes, w), 78.0, max_cols=1):
            sheet.notes.clear()
    if gazetteer and lay.gazetteer_on_sheet:
        placed_gaz = place(ctx.words["gazetteer"],
                           lambda w: _gazetteer_rows(ctx, gazetteer, w), 37.0)
    sheet.add("margin", *items)
    return placed_gaz


def _title_block(ctx: _Ctx, sheet: _Sheet, sheet_title: str, n: int, m: int, scale: int) -> None:
    x, y, w, h = ctx.lay.title
    pal, wd = ctx.pal, ctx.words
    items: list[Item] = [Rect(x, y, w, h, fill=pal.white, stroke=Stroke(pal.black, 0.35))]
    pad = 2.5
    inner = w - 2 * pad
    cy = y + pad
    name = ctx.plan.site_name
    size = 4.2
    lines = L.wrap(name, inner, size, "bold", max_lines=2)
    while lines is None and size > 2.6:
        size -= 0.2
        lines = L.wrap(name, inner, size, "bold", max_lines=2)
    lines = lines or [name]
    for ln in lines:
        cy += L.ASCENT * size
        items.append(Text(x + pad, cy, ln, size, pal.black))
        cy += L.DESCENT * size + 0.4
    small = 2.8
    if ctx.plan.site_address:
        cy += L.ASCENT * small
        items.append(Text(x + pad, cy, _fit(ctx.plan.site_address, inner, small, "regular"), small,
                          pal.black, weight="regular"))
        cy += L.DESCENT * small
    cy += 1.2
    items.append(Path((((x, cy), (x + w, cy)),), closed=False, stroke=Stroke(pal.black, 0.25)))
    cy += 1.0
    tsize = 3.6
    for ln in (L.wrap(sheet_title, inner, tsize, "bold", max_lines=2) or [sheet_title]):
        cy += L.ASCENT * tsize
        items.append(Text(x + pad, cy, ln, tsize, pal.black))
        cy += L.DESCENT * tsize + 0.3
    prof_title = ctx.profile.title.split(" – ")[0].split(" - ")[0]
    date = f"{wd['date']} {ctx.plan.date}" if ctx.plan.date else wd["undated"]
    facts = [f"{wd['scale']} 1:{scale} · {wd['grid']} {ctx.frame.grid_m:g} m",
             f"{wd['profile']}: {prof_title}",
             f"{date} · {wd['version']} {ctx.plan.version or '–'}"]
    for ln in facts:
        cy += L.ASCENT * small + 0.4
        items.append(Text(x + pad, cy, _fit(ln, inner, small, "regular"), small, pal.black,
                          weight="regular"))
        cy += L.DESCENT * small
    refs = []  # where this sheet's lists went, bottom line first
    if sheet.notes_elsewhere:
        refs.append(wd["see_sheet"].format(n=sheet.notes_elsewhere))
    if sheet.gazetteer_on:
        a, b = sheet.gazetteer_on
        refs.append(wd["see_gazetteer"].format(n=str(a) if a == b else f"{a}–{b}"))
    for k, ref in enumerate(refs):
        items.append(Text(x + pad, y + h - pad - L.DESCENT * 2.8 - k * 3.6, ref, 2.8, pal.red))
    sheet_no = wd["sheet"].format(n=n, m=m)
    items.append(Text(x + w - pad, y + h - pad - L.DESCENT * 3.2, sheet_no, 3.2, pal.black,
                      anchor="end"))
    sheet.add("margin", *items)


def _see_sheet(ctx: _Ctx, sheet: _Sheet, n: int) -> None:
    """Remember where this sheet's numbered notes are listed (printed in the title block)."""
    sheet.notes_elsewhere = n




#: The longest file-name part made from a name (file systems allow 255 bytes per name).
MAX_SLUG_CHARS = 60


def _slug(text: str) -> str:
    """A safe file-name part: ``"1. OG"`` -> ``"1-og"``, ``"Übergang"`` -> ``"uebergang"``;
    at most :data:`MAX_SLUG_CHARS` characters: a longer one is cut and ends in a short hash of
    the whole name, so that two long names that start alike still get different files.

    >>> _slug("1. OG"), _slug("Straße Süd"), _slug("***")
    ('1-og', 'strasse-sued', '')
    >>> len(_slug("Obergeschoss " * 20)) == MAX_SLUG_CHARS
    True
    """
    t = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if len(slug) <= MAX_SLUG_CHARS:
        return slug
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:MAX_SLUG_CHARS - 9].rstrip('-')}-{digest}"


@overload
def map_pages(plan: Plan, profile: Profile, /, *, paper: str | None = None,
              language: str | None = None, style: MapStyle = DEFAULT_STYLE) -> list[Page]: ...


@overload
def map_pages(site: Any, plan: Plan, profile: Profile, /, *, paper: str | None = None,
              language: str | None = None, style: MapStyle = DEFAULT_STYLE) -> list[Page]: ...


def map_pages(*args: Any, paper: str | None = None, language: str | None = None,
              style: MapStyle = DEFAULT_STYLE) -> list[Page]:
    """The responder map booklet of a plan as scene pages, in booklet order (see the package
    docstring): ``map_pages(plan, profile, paper=..., language=...)``.

    Everything drawn comes from the plan (its ``frame`` and ``geometry``, made by
    :func:`~orientation.layout.engine.make_plan`); the profile gives the palette and the
    title block's profile name. The earlier form ``map_pages(site, plan, profile, ...)`` is
    still accepted and the site ignored.

    ``paper``: ``"A3"`` (landscape) or ``"A4"`` (portrait); None takes the paper the plan's
    map frame was made for. It must match ``plan.frame.paper``, because the frame's scale and
    grid (and so ``register.csv``'s grid cells) were chosen for that sheet
    (:class:`~orientation.errors.OptionError` otherwise). ``language``: ``"de"`` or ``"en"``;
    None takes the plan's language (the profile's, or the ``--lang`` given to the plan).
    Raises :class:`~orientation.errors.LayoutError` for a plan without map geometry (one
    read back from ``plan.json``).
    """
    if len(args) == 3:  # map_pages(site, plan, profile): the site is not needed any more
        args = args[1:]
    if len(args) != 2 or not isinstance(args[0], Plan):
        raise TypeError("map_pages(plan, profile, *, paper=None, language=None, style=...)")
    plan, profile = args
    with collector_paused():
        return _map_pages(plan, profile, paper=paper, language=language, style=style)


def _map_pages(plan: Plan, profile: Profile, *, paper: str | None,
               language: str | None, style: MapStyle) -> list[Page]:
    frame, geometry = plan.frame, plan.geometry
    if frame is None or geometry is None:
        raise LayoutError("the plan carries no map frame or map geometry (a plan read back "
                          "from plan.json has none): make the plan with make_plan to draw "
                          "its maps", element="plan")
    paper = (paper or frame.paper).upper()
    lay = _layout(paper)
    if frame.paper.upper() != paper:
        raise OptionError(
            "paper", f"the plan's map grid was made for {frame.paper} but the maps are asked "
            f"for {paper}; make the plan with the same paper (PlanOptions(paper='{paper}')) so "
            "that the grid cells in register.csv match the map")
    lang = language or plan.language or profile.language
    wd = _words(lang)
    ctx = _Ctx(plan=plan, geometry=geometry, profile=profile, lang=lang, words=wd, style=style,
               pal=_palette(profile), lay=lay, frame=frame,
               letters={b.id: b.letter for b in plan.buildings},
               building_plans={b.id: b for b in plan.buildings},
               shapes={b.id: b for b in geometry.buildings},
               footprints=Footprints(geometry.buildings))
    for shape in geometry.buildings:
        for o in shape.openings:
            ctx.openings.setdefault(o.marking, o)
    for m in plan.markings:
        ctx.marks_of.setdefault(m.building, []).append(m)

    # 1. site plan
    site_sheet = _compose_site_plan(ctx)
    entries = gazetteer_entries(plan, lang)
    placed = _column(ctx, site_sheet, gazetteer=entries)
    _draw_north(site_sheet, lay.north, ctx, f"1:{frame.scale}")
    _draw_scalebar(site_sheet, ctx, 1000.0 / frame.scale, frame.scale)
    sheets: list[tuple[_Sheet, str, str, int]] = [
        (site_sheet, wd["site_plan"], wd["slug_site"], frame.scale)]

    # 3. storey plans
    bmap = ctx.shapes
    scales: dict[str, int] = {}
    for bp in plan.buildings:
        b = bmap.get(bp.id)
        if b is not None:
            scales[b.id] = b.storey_scale
    distinct = sorted(set(scales.values()))

    @functools.cache
    def other_scales(scale: int) -> str:
        """The note on a storey plan whose scale differs from others; once per scale, not
        per page (it lists every building)."""
        others = [f"{ctx.letters[o]} 1:{s}" for o, s in scales.items() if s != scale]
        return wd["floor_other"].format(others=", ".join(others))

    for bp in plan.buildings:
        b = bmap.get(bp.id)
        if b is None:
            continue
        scale = scales[b.id]
        view = _storey_view(ctx, b, scale)
        for storey in b.storeys:  # from the lowest to the highest
            level, lname = storey.level, storey.name
            sheet = _compose_storey(ctx, b, storey, view)
            _column(ctx, sheet, gazetteer=None)
            _draw_north(sheet, lay.north, ctx, f"1:{scale}", badge=(bp.letter, lname))
            extra = ""
            if len(distinct) > 1:
                extra = other_scales(scale)
            _draw_scalebar(sheet, ctx, 1000.0 / scale, scale, extra)
            title = f"{wd['storey_plan']} {bp.letter} {bp.name} – {lname}"
            slug = f"{_slug(bp.letter)}-{_slug(lname) or f'level{level}'}"
            sheets.append((sheet, title, slug, scale))

    # 2. the gazetteer page: when the list does not fit the site plan, or when notes found
    # no room on their own sheet (they are listed there under their sheet's number)
    overflow = [i for i, (sh, *_rest) in enumerate(sheets) if sh.notes]
    if not placed or overflow:
        moved = [list(sheets[i][0].notes) for i in overflow]
        for i in overflow:
            sheets[i][0].notes.clear()
        # The notes name the sheets they belong to, and those numbers move by the number of
        # gazetteer pages: lay out until the count holds (the headings are one line each,
        # so the second round agrees).
        n_gaz = 1
        for _ in range(3):
            numbers = [1] + list(range(2 + n_gaz, len(sheets) + 1 + n_gaz))
            notes = [(wd["notes_for"].format(n=numbers[i]), texts)
                     for i, texts in zip(overflow, moved, strict=True)]
            gz_sheets, note_pages, gaz_last = _gazetteer_pages(ctx, entries if not placed else [],
                                                               notes)
            if len(gz_sheets) == n_gaz:
                break
            n_gaz = len(gz_sheets)
        for i, page in zip(overflow, note_pages, strict=True):
            _see_sheet(ctx, sheets[i][0], 2 + page)
        if not placed and entries:  # the site plan says where its gazetteer went
            site_sheet.gazetteer_on = (2, 2 + gaz_last)
        title = wd["gazetteer"] if not placed else wd["notes"]
        slug = wd["slug_gazetteer"] if not placed else wd["slug_notes"]
        for k, gz in enumerate(gz_sheets):
            suffix = f"-{k + 1}" if len(gz_sheets) > 1 else ""
            sheets.insert(1 + k, (gz, title, slug + suffix, frame.scale))

    pages: list[Page] = []
    total = len(sheets)
    for i, (sheet, title, slug, scale) in enumerate(sheets, start=1):
        _title_block(ctx, sheet, title, i, total, scale)
        pages.append(Page(lay.width, lay.height, tuple(sheet.items()), name=f"{i:02d}-{slug}",
                          title=title,
                          meta=(("sheet", f"{i}/{total}"), ("scale", f"1:{scale}"),
                                ("profile", profile.name), ("language", lang))))
    return pages
