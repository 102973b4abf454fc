"""The draft mark: what every page of a plan that is not fit to print carries.

A plan with error findings or without a plan date is a draft (:meth:`orientation.plan.Plan.
draft_reasons`). :func:`mark_draft` lays over a page, on top of everything, the words
``draft.mark`` ("ENTWURF – nicht freigegeben" / "DRAFT – not approved") large along its
diagonal, in translucent traffic red with a translucent white halo (readable on a red sign as on
a white sheet), and a dashed red frame inside its edge. Translucent, so the code and the map
below stay readable for proofing; on a sign page it runs across the sign itself, so a draft sign
is never mounted. It is part of the scene, so the SVG and the PDF carry the same mark (the
words are text: searchable in the PDF, the ``aria-label`` of the SVG).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from .. import fonts, words
from ..render.scene import Color, Group, Page, Rect, Stroke, Text

#: RAL 3020 traffic red, translucent: no sign or map ink is translucent red.
DRAFT_RED = Color("#CC0605", (0.0, 0.97, 0.98, 0.20), "RAL 3020 traffic red (draft mark)",
                  alpha=0.5)
#: The halo behind the words, so they read on a red sign too.
DRAFT_HALO = Color("#FFFFFF", (0.0, 0.0, 0.0, 0.0), "white (draft mark)", alpha=0.45)

#: The words run along this share of the page's diagonal.
DIAGONAL_SHARE = 0.8
#: Their cap height is at most this share of the page's width across the diagonal.
CAP_SHARE = 0.3


def mark_text(language: str) -> str:
    """The words of the mark in ``language``.

    >>> mark_text("de"), mark_text("en")
    ('ENTWURF – nicht freigegeben', 'DRAFT – not approved')
    """
    return words.text("draft.mark", language)


def mark_draft(page: Page, language: str) -> Page:
    """``page`` with the draft mark drawn over it (see the module)."""
    W, H = page.width_mm, page.height_mm
    text = mark_text(language)
    diag = math.hypot(W, H)
    across = 2 * W * H / diag  # the page's width at right angles to its diagonal, at its centre
    per_mm = fonts.text_width_mm(text, size_mm=1.0, weight="bold")
    size = min(DIAGONAL_SHARE * diag / per_mm,
               CAP_SHARE * across / fonts.cap_height_ratio("bold"))
    cap = size * fonts.cap_height_ratio("bold")
    cx, cy = W / 2, H / 2
    words_item = Group((Text(cx, cy + cap / 2, text, size, DRAFT_RED, weight="bold",
                             anchor="middle", halo=DRAFT_HALO, halo_mm=size * 0.05),),
                       rotate_deg=-math.degrees(math.atan2(H, W)), ox=cx, oy=cy)
    short = min(W, H)
    inset = max(1.0, 0.025 * short)
    width = max(0.5, 0.012 * short)
    frame = Rect(inset, inset, W - 2 * inset, H - 2 * inset,
                 stroke=Stroke(DRAFT_RED, width, (3 * width, 2 * width)))
    return replace(page, items=(*page.items, words_item, frame))


def mark_drafts(pages: Iterable[Page], language: str) -> list[Page]:
    """Every page with the draft mark (:func:`mark_draft`)."""
    return [mark_draft(p, language) for p in pages]


__all__ = ["DRAFT_HALO", "DRAFT_RED", "mark_draft", "mark_drafts", "mark_text"]
