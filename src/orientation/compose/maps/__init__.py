"""Plan -> the responder map booklet: site plan, gazetteer, one storey plan per storey.

:func:`map_pages` returns the booklet's pages in order (the pipeline writes ``maps.pdf`` and
``maps/<page.name>.svg``):

1. **Site plan** (``01-lageplan`` / ``01-site-plan``) in the plan's :class:`MapFrame`: turned so
   that the main access is at the bottom edge, at the frame's round scale, with the
   alphanumeric grid whose cells ``register.csv`` names (``grid`` column).
2. **Gazetteer** (``02-verzeichnis`` / ``02-gazetteer``), only when the list of code -> grid
   cell does not fit the site plan's right-hand column.
3. **Storey plans** (``03-a-ug``, ``04-a-eg`` …): buildings in plan order (A, B, C …), storeys
   **from the lowest to the highest** (UG, EG, 1. OG …), so that turning the pages goes up
   through the building as the stairs do. One scale per building, chosen so its largest
   storey fits (:func:`orientation.layout.mapframe.storey_scale`); same rotation as the site
   plan; the site plan's grid is drawn over it, so ``T2 in E6`` reads the same on both. Each
   draws the storey as it is: its own outline (the rest of the footprint dashed), each room's
   use under its number, hazard rooms tinted red (raised fire risk) or yellow (explosion and
   other hazards) with the warning triangle, shafts hatched without a number, and a lift or
   riser on every storey it serves. No label crosses a wall.

Sheet layout (visual brief): 10 mm margins, the drawing left, grid labels in a 6 mm band on
all four sides, the scale bar under the drawing, a right-hand column (A3: 78 mm) with the
north arrow at the top, then legend, notes and gazetteer, and the title block at the bottom
right. A4 portrait puts legend, north arrow and title block under the drawing.

Every size is a :class:`MapStyle` field in millimetres on paper; **text sizes are font sizes**
(em), as everywhere in the scene, and no text is smaller than ``MapStyle.min_text_mm``
(2.5 mm). Labels never overlap each other, a code box or a symbol: they are placed from
candidate positions with leader lines (:mod:`orientation.compose.labels`); what cannot be
placed becomes a numbered callout listed under "Hinweise" / "Notes".

Compose draws from the plan alone: every outline, room, road and opening comes from the
plan's :class:`~orientation.plan.MapGeometry` and the frame from ``plan.frame``; nothing here
reads the site model or re-runs layout.

The package follows the booklet's parts: :mod:`.style` (sizes, words, paper layout,
palette), :mod:`.view` (plan -> paper), :mod:`.sheet` (a sheet under construction),
:mod:`.marks` (door codes, sides, symbols, grid, north arrow, scale bar), :mod:`.siteplan`,
:mod:`.storeyplan`, :mod:`.rooms` (room fills, hazards, shafts, walls, room labels with their
uses), :mod:`.legend`, :mod:`.gazetteer` and :mod:`.booklet` (the column, the
title block and :func:`map_pages`).
"""

from __future__ import annotations

from .booklet import map_pages
from .gazetteer import GazetteerEntry, gazetteer_entries
from .style import WORDS, MapStyle
from .view import true_north_on_paper

__all__ = ["GazetteerEntry", "MapStyle", "WORDS", "gazetteer_entries", "map_pages",
           "true_north_on_paper"]
