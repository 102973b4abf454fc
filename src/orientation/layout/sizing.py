"""Sign sizes and contrast.

* Cap height from the reading distance: ``h = L / Z`` (``L`` in m gives ``h`` in m; DIN 4844-1,
  ASR A1.3), Z from the profile (exterior codes 150, interior 300); photoluminescent signs are
  sized for ``L / photoluminescent_factor`` (they lose about 35 % of their reading distance in
  the dark). Clamped to the profile's minimum; above its maximum the size is capped and the
  caller raises a finding.
* Panel size from the real glyph widths of the bold face, margins ``margin * h`` on every side,
  a second line ``second_line * h`` after a gap ``line_gap * h``; never narrower than tall; then
  rounded up to the smallest panel of the profile's size series that holds it.
* Michelson contrast (DIN 32975) ``K = (L1 - L2) / (L1 + L2)`` of the relative luminances.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .. import fonts
from ..profiles import Profile

#: Building letters sit on a square panel, the letter 0.7 of the panel height (visual brief).
BUILDING_LETTER_FILL = 0.7


@lru_cache(maxsize=256)  # a profile has a handful of colours; every sign asks
def relative_luminance(hex_color: str) -> float:
    """sRGB relative luminance (0 black .. 1 white).

    >>> round(relative_luminance("#FFFFFF"), 3), round(relative_luminance("#000000"), 3)
    (1.0, 0.0)
    """
    h = hex_color.lstrip("#")
    out = 0.0
    for i, w in zip((0, 2, 4), (0.2126, 0.7152, 0.0722)):
        c = int(h[i : i + 2], 16) / 255
        c = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        out += w * c
    return out


def michelson_contrast(a: str, b: str) -> float:
    """Michelson contrast of two sRGB colours, 0..1 (DIN 32975 asks K >= 0.7 for signs).

    >>> round(michelson_contrast("#FFFFFF", "#063971"), 2)
    0.92
    >>> michelson_contrast("#808080", "#808080")
    0.0
    """
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return 0.0 if hi + lo == 0 else round((hi - lo) / (hi + lo), 3)


@dataclass(frozen=True, slots=True)
class CapHeight:
    cap_mm: float
    needed_mm: float
    capped: bool


def cap_height(profile: Profile, kind: str, distance_m: float, *, exterior: bool,
               material: str) -> CapHeight:
    """Cap height (mm) for a sign kind read from ``distance_m``."""
    s = profile.sizing
    z = s.z_exterior if exterior else s.z_interior
    effective = distance_m / s.photoluminescent_factor if material == "photoluminescent" else distance_m
    needed = effective * 1000.0 / z
    lo = s.min_cap_mm.get(kind, 0.0)
    hi = s.max_cap_mm.get(kind, math.inf)
    cap = max(needed, lo)
    capped = cap > hi
    cap = min(cap, hi)
    return CapHeight(round(cap, 1), round(needed, 1), capped)


@dataclass(frozen=True, slots=True)
class Panel:
    width_mm: float
    height_mm: float
    standard: bool


def panel_size(profile: Profile, kind: str, text: str, subtext: str, cap_mm: float) -> Panel:
    """Panel (mm) that holds the code and its second line with the profile's margins."""
    s = profile.sizing
    if kind == "building":
        side = cap_mm / BUILDING_LETTER_FILL
        # the letter fills 0.7 of the panel height; sideways a 0.15 panel margin is enough
        need_w = max(side, fonts.text_width_mm(text, size_mm=fonts.font_size_for_cap_height(cap_mm))
                     + 0.3 * side)
        need_h = side
    else:
        size = fonts.font_size_for_cap_height(cap_mm)
        w = fonts.text_width_mm(text, size_mm=size)
        h = cap_mm
        if subtext:
            sub_cap = s.second_line * cap_mm
            sub_w = fonts.text_width_mm(subtext, size_mm=fonts.font_size_for_cap_height(
                sub_cap, weight="regular"), weight="regular")
            w = max(w, sub_w)
            h += s.line_gap * cap_mm + sub_cap
        need_w = w + 2 * s.margin * cap_mm
        need_h = h + 2 * s.margin * cap_mm
        need_w = max(need_w, need_h)  # never narrower than tall
    fits = [(pw * ph, pw, ph) for pw, ph in s.sizes_mm if pw >= need_w - 0.01 and ph >= need_h - 0.01]
    if fits and kind != "name":
        _, pw, ph = min(fits)
        return Panel(pw, ph, True)
    # beyond the series (long name boards): round up to 50 mm
    return Panel(math.ceil(need_w / 50) * 50.0, math.ceil(need_h / 50) * 50.0, False)


__all__ = ["BUILDING_LETTER_FILL", "CapHeight", "Panel", "cap_height", "michelson_contrast",
           "panel_size", "relative_luminance"]
