"""The booklet: the pages in order and their names (:func:`map_pages`): the general object
information, the overview plan (with its part plans when the site is crowded), the
gazetteer when it needs pages of its own, then the storey plans (with their part plans where
a storey does not fit one sheet at the site's one storey scale)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, overload

from ...errors import LayoutError, OptionError
from ...plan import BuildingShape, Plan
from ...profiles import Profile
from ...render.scene import Page
from ...runtime import collector_paused
from .. import labels as L
from .column import _see_sheet, _title_block, finish_map
from .gazetteer import _gazetteer_pages, gazetteer_entries
from .objectsheet import object_sheet
from .parts import core_on_paper, cores_of, frame_parts, site_parts
from .sheet import _Ctx, _Sheet
from .siteplan import FULL, OVERVIEW, _compose_site_plan
from .storeyplan import _compose_storey, _storey_view
from .style import DEFAULT_STYLE, MapStyle, _layout, _palette, _words
from .view import Footprints

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
              language: str | None = None, style: MapStyle = DEFAULT_STYLE,
              mono: bool = False) -> list[Page]: ...


@overload
def map_pages(site: Any, plan: Plan, profile: Profile, /, *, paper: str | None = None,
              language: str | None = None, style: MapStyle = DEFAULT_STYLE,
              mono: bool = False) -> list[Page]: ...


def map_pages(*args: Any, paper: str | None = None, language: str | None = None,
              style: MapStyle = DEFAULT_STYLE, mono: bool = False) -> list[Page]:
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
    ``mono``: black and white only, hatches and line styles instead of tones (``render
    --mono``; also ``MapStyle.mono``). Raises :class:`~orientation.errors.LayoutError` for a
    plan without map geometry (one read back from ``plan.json``).
    """
    if len(args) == 3:  # map_pages(site, plan, profile): the site is not needed any more
        args = args[1:]
    if len(args) != 2 or not isinstance(args[0], Plan):
        raise TypeError("map_pages(plan, profile, *, paper=None, language=None, style=...)")
    plan, profile = args
    with collector_paused():
        return _map_pages(plan, profile, paper=paper, language=language, style=style,
                          mono=mono)


@dataclass
class _Planned:
    """A sheet of the booklet before its title block: the sheet, its title (the DIN sheet
    name), its file-name slug and its scale (0: no drawing)."""

    sheet: _Sheet
    title: str
    slug: str
    scale: int


def make_ctx(plan: Plan, profile: Profile, *, paper: str | None, language: str | None,
             style: MapStyle = DEFAULT_STYLE, mono: bool = False) -> _Ctx:
    """The context every sheet of a plan's maps reads (see :class:`~.sheet._Ctx`); checks
    that the plan has map geometry and was made for ``paper``."""
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
    ctx = _Ctx(plan=plan, geometry=geometry, profile=profile, lang=lang, words=_words(lang),
               style=style, pal=_palette(profile, mono=mono or style.mono), lay=lay,
               frame=frame, letters={b.id: b.letter for b in plan.buildings},
               building_plans={b.id: b for b in plan.buildings},
               shapes={b.id: b for b in geometry.buildings},
               footprints=Footprints(geometry.buildings))
    for shape in geometry.buildings:
        for o in shape.openings:
            ctx.openings.setdefault(o.marking, o)
    for m in plan.markings:
        ctx.marks_of.setdefault(m.building, []).append(m)
    return ctx


def blank(ctx: _Ctx) -> _Sheet:
    """An empty sheet of the paper (no drawing: the object sheet, the gazetteer)."""
    box = (0.0, 0.0, ctx.lay.width, ctx.lay.height)
    return _Sheet(ctx, box, L.Placer(box))


def _site_sheets(ctx: _Ctx) -> tuple[list[_Planned], bool]:
    """The overview plan: the whole site when every exterior code sits at its door there,
    else the overview of the crowded site and its part plans (:func:`~.parts.site_parts`).
    Returns the sheets and whether the gazetteer found room on the first."""
    wd, frame = ctx.words, ctx.frame
    entries = gazetteer_entries(ctx.plan, ctx.lang)
    sheet, failed = _compose_site_plan(ctx, mode=FULL)
    out: list[_Planned] = []
    if not failed:
        placed = finish_map(ctx, sheet, frame.scale, gazetteer=entries)
        return [_Planned(sheet, wd["site_plan"], wd["slug_site"], frame.scale)], placed
    scale, windows, parts = site_parts(ctx)
    overview, _ = _compose_site_plan(ctx, mode=OVERVIEW)
    frame_parts(overview, windows)
    placed = finish_map(ctx, overview, frame.scale, gazetteer=entries)
    out.append(_Planned(overview, f"{wd['site_plan']} – {wd['overview']}", wd["slug_site"],
                        frame.scale))
    rings = [b.outline for b in ctx.geometry.buildings]
    for i, part in enumerate(parts):
        finish_map(ctx, part, scale, parts=(rings, windows, i))
        out.append(_Planned(part, f"{wd['site_plan']} – {wd['part'].format(n=i + 1, m=len(parts))}",
                            f"{wd['slug_site']}-{wd['slug_part']}-{i + 1}", scale))
    return out, placed


def _storey_sheets(ctx: _Ctx, bp_letter: str, bp_name: str, b: BuildingShape) -> list[_Planned]:
    """The storey plans of one building, from the lowest storey up, each on its parts when
    it has them (every storey of a building has the same parts)."""
    wd = ctx.words
    scale = b.storey_scale
    windows = list(b.parts)
    cores = cores_of(windows)
    out: list[_Planned] = []
    for storey in b.storeys:  # from the lowest to the highest
        level, lname = storey.level, storey.name
        title = f"{wd['storey_plan']} {bp_letter} {bp_name} – {lname}"
        slug = f"{_slug(bp_letter)}-{_slug(lname) or f'level{level}'}"
        if not windows:
            view = _storey_view(ctx, b, scale)
            sheet = _compose_storey(ctx, b, storey, view)
            finish_map(ctx, sheet, scale, badge=(bp_letter, lname))
            out.append(_Planned(sheet, title, slug, scale))
            continue
        rings = [storey.outline, *[outer for outer, _h in (storey.extent or ())]]
        for i, (window, core) in enumerate(zip(windows, cores, strict=True)):
            view = _storey_view(ctx, b, scale, window)
            sheet = _compose_storey(ctx, b, storey, view, core=core_on_paper(view, core))
            finish_map(ctx, sheet, scale, badge=(bp_letter, lname), parts=(rings, windows, i))
            part = wd["part"].format(n=i + 1, m=len(windows))
            out.append(_Planned(sheet, f"{title} – {part}", f"{slug}-{wd['slug_part']}-{i + 1}",
                                scale))
    return out


def _map_pages(plan: Plan, profile: Profile, *, paper: str | None,
               language: str | None, style: MapStyle, mono: bool = False) -> list[Page]:
    ctx = make_ctx(plan, profile, paper=paper, language=language, style=style, mono=mono)
    wd, lay = ctx.words, ctx.lay

    # 1. the overview plan (and its parts), 2. the storey plans (and theirs)
    sheets, placed = _site_sheets(ctx)
    n_site = len(sheets)
    for bp in plan.buildings:
        b = ctx.shapes.get(bp.id)
        if b is not None:
            sheets += _storey_sheets(ctx, bp.letter, bp.name, b)

    # 3. the gazetteer pages: when the list does not fit the overview plan, or when notes
    # found no room on their own sheet (they are listed there under their sheet's number).
    # Sheet 1 is the object information, the overview plan and its parts follow, then the
    # gazetteer pages, then the storey plans.
    def number(i: int, n_gaz: int) -> int:
        return i + 2 + (n_gaz if i >= n_site else 0)

    overflow = [i for i, s in enumerate(sheets) if s.sheet.notes]
    if not placed or overflow:
        moved = [list(sheets[i].sheet.notes) for i in overflow]
        for i in overflow:
            sheets[i].sheet.notes.clear()
        # The notes name the sheets they belong to, and those numbers move by the number of
        # gazetteer pages: lay out until the count holds (the headings are one line each,
        # so the second round agrees).
        n_gaz = 1
        entries = gazetteer_entries(plan, ctx.lang)
        for _ in range(3):
            notes = [(wd["notes_for"].format(n=number(i, n_gaz)), texts)
                     for i, texts in zip(overflow, moved, strict=True)]
            gz_sheets, note_pages, gaz_last = _gazetteer_pages(ctx, entries if not placed else [],
                                                               notes)
            if len(gz_sheets) == n_gaz:
                break
            n_gaz = len(gz_sheets)
        first = n_site + 2
        for i, page in zip(overflow, note_pages, strict=True):
            _see_sheet(ctx, sheets[i].sheet, first + page)
        if not placed and entries:  # the overview plan says where its gazetteer went
            sheets[0].sheet.gazetteer_on = (first, first + gaz_last)
        title = wd["gazetteer"] if not placed else wd["notes"]
        slug = wd["slug_gazetteer"] if not placed else wd["slug_notes"]
        for k, gz in enumerate(gz_sheets):
            suffix = f"-{k + 1}" if len(gz_sheets) > 1 else ""
            sheets.insert(n_site + k, _Planned(gz, title, slug + suffix, 0))

    # 4. the general object information, first, with the booklet's contents
    contents = [(1, wd["object_sheet"])] + [(i + 2, s.title) for i, s in enumerate(sheets)]
    obj = object_sheet(ctx, plan.alarm_cards, contents, lambda: blank(ctx))
    sheets.insert(0, _Planned(obj, wd["object_sheet"], wd["slug_object"], 0))

    pages: list[Page] = []
    total = len(sheets)
    for i, s in enumerate(sheets, start=1):
        _title_block(ctx, s.sheet, s.title, i, total, s.scale)
        meta = [("sheet", f"{i}/{total}"), ("scale", f"1:{s.scale}" if s.scale else "–"),
                ("profile", profile.name), ("language", ctx.lang)]
        v = s.sheet.view
        if v is not None and s.scale:  # plan metres -> paper: k mm per m, grid at (ox, oy)
            meta.append(("view", f"{v.k:.6g},{v.ox:.4f},{v.oy:.4f}"))
        pages.append(Page(lay.width, lay.height, tuple(s.sheet.items()), name=f"{i:02d}-{s.slug}",
                          title=s.title, meta=tuple(meta)))
    return pages


__all__ = ["blank", "make_ctx", "map_pages"]
