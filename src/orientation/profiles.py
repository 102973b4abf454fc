"""Profiles: a named rule set plus style, kept as YAML files in ``styles/``.

A profile holds the numbering settings, the sizing factors and minimum/maximum sizes, the
colours (by name from ``styles/colors.yaml``: RAL code, sRGB, CMYK), the language and a price
table for the schedule. :func:`load_profile` returns a frozen :class:`Profile`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ProfileError

#: Sign kinds that a profile sizes and colours.
SIGN_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service", "building", "name",
              "stair", "room", "window", "interior_door")

Material = Literal["reflective", "photoluminescent", "foil"]


class _M(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NamedColor(_M):
    """One colour of the table: ``ral`` code, readable ``name``, ``srgb`` hex and ``cmyk`` 0..1."""

    ral: str
    name: str
    srgb: Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
    cmyk: tuple[float, float, float, float]

    @property
    def label(self) -> str:
        """``RAL 5017 Verkehrsblau / traffic blue`` or the name alone."""
        return f"{self.ral} {self.name}".strip()


class Numbering(_M):
    door_prefix: dict[str, str]
    door_scope: Literal["site", "building"] = "site"
    stair_prefix: str = "T"
    stair_scope: Literal["site", "building"] = "site"
    room_format: Literal["hotel"] = "hotel"
    basement_prefix: str = "U"
    room_building_prefix: Literal["auto", "always", "never"] = "auto"
    letters_skip: tuple[str, ...] = ("I", "O", "H")
    windows: bool = True
    interior_twin: bool = False


class Sizing(_M):
    z_exterior: Annotated[float, Field(gt=0)]
    z_interior: Annotated[float, Field(gt=0)]
    photoluminescent_factor: Annotated[float, Field(gt=0, le=1)]
    min_reading_distance_m: Annotated[float, Field(ge=0)]
    min_cap_mm: dict[str, float]
    max_cap_mm: dict[str, float]
    interior_reading_distance_m: dict[str, float]
    margin: float = 0.5
    second_line: float = 0.3
    line_gap: float = 0.25
    corner_radius: float = 0.08
    keyline: float = 0.12
    sizes_mm: tuple[tuple[float, float], ...]
    mount_height_m: dict[str, float]


class SignStyle(_M):
    background: str
    foreground: str
    material: Material


class Price(_M):
    base: float
    per_m2: float


class Prices(_M):
    currency: str
    reflective: Price
    photoluminescent: Price
    foil: Price

    def unit_price(self, material: Material, width_mm: float, height_mm: float) -> float:
        """Price of one sign of that material and panel size, rounded to cents."""
        p: Price = getattr(self, material)
        return round(p.base + p.per_m2 * (width_mm / 1000) * (height_mm / 1000), 2)


class Profile(_M):
    name: str
    title: str
    language: Literal["de", "en"]
    numbering: Numbering
    sizing: Sizing
    colors: dict[str, SignStyle]
    map: dict[str, str]
    prices: Prices
    palette: dict[str, NamedColor] = {}

    def color(self, name: str) -> NamedColor:
        """A named colour of the palette (``traffic_blue``)."""
        try:
            return self.palette[name]
        except KeyError:
            raise ProfileError(f"profile '{self.name}': unknown colour '{name}'; "
                               f"known: {', '.join(sorted(self.palette))}") from None

    def style(self, kind: str) -> SignStyle:
        """Colours and material of a sign kind."""
        return self.colors[kind]


def _styles_dir():
    return resources.files("orientation") / "styles"


def profile_names() -> list[str]:
    """Names of the profiles on hand, default first."""
    names = sorted(p.name[:-5] for p in _styles_dir().iterdir()
                   if p.name.endswith(".yaml") and p.name != "colors.yaml")
    return sorted(names, key=lambda n: (n != DEFAULT_PROFILE, n))


DEFAULT_PROFILE = "guetersloh"


@cache
def _palette() -> dict[str, NamedColor]:
    raw = yaml.safe_load((_styles_dir() / "colors.yaml").read_text(encoding="utf-8"))
    return {k: NamedColor.model_validate(v) for k, v in raw.items()}


@cache
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """The profile called ``name`` (``guetersloh`` or ``us-k12``)."""
    names = profile_names()
    if name not in names:
        raise ProfileError(f"unknown profile '{name}'; choose one of: {', '.join(names)}")
    path = _styles_dir() / f"{name}.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        prof = Profile.model_validate({**raw, "palette": _palette()})
    except (yaml.YAMLError, ValidationError) as exc:
        raise ProfileError(f"styles/{name}.yaml is not a valid profile: {exc}") from None
    missing = [k for k in SIGN_KINDS if k not in prof.colors]
    for style in prof.colors.values():
        prof.color(style.background)
        prof.color(style.foreground)
    if missing:
        raise ProfileError(f"styles/{name}.yaml: colours missing for sign kinds {missing}")
    return prof


__all__ = [
    "DEFAULT_PROFILE",
    "Material",
    "NamedColor",
    "Profile",
    "SIGN_KINDS",
    "load_profile",
    "profile_names",
]
