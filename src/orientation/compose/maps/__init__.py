"""Plan -> the responder map booklet (DIN 14095) and the fire-alarm route cards (DIN 14675).

:func:`map_pages` returns the booklet's pages in order (the pipeline writes ``maps.pdf`` and
``maps/<page.name>.svg``):

1. **General object information** (``01-objektinformationen`` / ``01-object-information``,
   :mod:`.objectsheet`): the object, contacts, the fire alarm system and the fire service's
   points, water, hazards from the rooms' uses, shut-offs, accesses, notes, the plan's number,
   date and author, and the list of every sheet; "not given" where the file says nothing.
2. **Overview plan** (``02-uebersichtsplan`` / ``02-site-plan``) in the plan's
   :class:`MapFrame`: turned so that the main access is at the bottom edge, at the frame's
   round scale, with the alphanumeric grid whose cells ``register.csv`` names (``grid``
   column), every exterior code at its door. A crowded site gets an overview (letters,
   roads and accesses, the main and fire-brigade entrances, the parts' frames) and **part
   plans** (``03-uebersichtsplan-teil-1`` …) at the coarsest scale at which every exterior
   code sits at its door, each with a key map (:mod:`.parts`).
3. **Gazetteer** (``…-verzeichnis`` / ``…-gazetteer``), only when the list of code -> grid
   cell does not fit the overview plan's right-hand column.
4. **Storey plans** (``…-a-ug``, ``…-a-eg`` …): buildings in plan order (A, B, C …), storeys
   **from the lowest to the highest** (UG, EG, 1. OG …), so that turning the pages goes up
   through the building as the stairs do. **One scale for all storey plans of the site**
   (DIN 14095; :func:`orientation.layout.mapgeometry.storey_plan_scale`); a storey that does
   not fit one sheet at it is drawn on part plans (``…-a-eg-teil-1``) with key maps. Same
   rotation as the site plan; the site plan's grid is drawn over it, so ``T2 in E6`` reads
   the same on both. Each draws the storey as it is: its own outline (the rest of the
   footprint dashed), each room's use under its number, hazard rooms tinted red (raised fire
   risk) or yellow (explosion and other hazards) with the warning triangle, shafts hatched
   without a number, fire walls and compartment boundaries in their colours, a lift, riser or
   shut-off on every storey it serves (risers and shut-offs with their storeys). No label
   crosses a wall.

:func:`alarm_card_pages` returns the route cards (:mod:`.alarmcards`): one card per detector
group, a side per storey its way walks on. ``mono=True`` draws both in black and white,
hatches and line styles instead of tones (``render --mono``).

Sheet layout (visual brief): 10 mm margins, the drawing left, grid labels in a 6 mm band on
all four sides, the scale bar under the drawing, a right-hand column (A3: 78 mm) with the
north arrow at the top, then a part plan's key map, legend, notes and gazetteer, and the
title block at the bottom right (site, DIN sheet name, scale, date, plan number, author,
version, sheet n of m; :mod:`.column`). A4 portrait puts legend, north arrow and title block
under the drawing.

Every size is a :class:`MapStyle` field in millimetres on paper; **text sizes are font sizes**
(em), as everywhere in the scene, and no text is smaller than ``MapStyle.min_text_mm``
(2.5 mm). Labels never overlap each other, a code box or a symbol: they are placed from
candidate positions with leader lines (:mod:`orientation.compose.labels`); what cannot be
placed becomes a numbered callout listed under "Hinweise" / "Notes" (never an exterior code
on the overview plan or its parts).

Compose draws from the plan alone: every outline, room, road and opening comes from the
plan's :class:`~orientation.plan.MapGeometry`, the frame from ``plan.frame``, the object
information and the route cards' ways from the plan; nothing here reads the site model or
re-runs layout.

The package follows the booklet's parts: :mod:`.style` (sizes, words, paper layout,
palette, its monochrome twin), :mod:`.view` (plan -> paper), :mod:`.sheet` (a sheet under
construction), :mod:`.marks` (door codes, sides, symbols, grid, north arrow, scale bar),
:mod:`.din` (the DIN 14095 symbols, fire lines, neighbours, hatches), :mod:`.siteplan`,
:mod:`.parts`, :mod:`.storeyplan`, :mod:`.rooms` (room fills, hazards, shafts, walls, room
labels with their uses), :mod:`.routes` (escape routes, inner doors, guidance marks),
:mod:`.legend`, :mod:`.gazetteer`, :mod:`.objectsheet`, :mod:`.column` (the column and the
title block), :mod:`.booklet` (:func:`map_pages`) and :mod:`.alarmcards`.
"""

from __future__ import annotations

from .alarmcards import alarm_card_pages
from .booklet import map_pages
from .gazetteer import GazetteerEntry, gazetteer_entries
from .style import WORDS, MapStyle
from .view import true_north_on_paper

__all__ = ["GazetteerEntry", "MapStyle", "WORDS", "alarm_card_pages", "gazetteer_entries",
           "map_pages", "true_north_on_paper"]
