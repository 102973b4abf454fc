"""Profiles: a named rule set plus style, kept as YAML files in ``styles/``.

A profile holds the numbering settings, the sizing factors and minimum/maximum sizes, the
colours (by name from ``styles/colors.yaml``: RAL code, sRGB, CMYK), the language and a price
table for the schedule. :func:`load_profile` returns a frozen :class:`Profile`: by name
(``guetersloh``, ``us-k12``; :data:`DEFAULT_PROFILE` when none is given) or from a path to a
YAML file of the same shape (``./my-profile.yaml``; its own ``palette:`` may add colours).

Frozen all the way down: mappings are read-only (:class:`types.MappingProxyType`), sequences
tuples, so the one shared value :func:`load_profile` hands out cannot be changed by a caller.
:attr:`Profile.resolved` is the profile resolved once into a :class:`orientation.style.Style`
(inks with sRGB, CMYK, RAL code and names, sizes, words) for the compose step.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, ValidationError

from .defaults import DEFAULT_PROFILE
from .errors import ProfileError

if TYPE_CHECKING:
    from .style import Style


#: Sign kinds that a profile sizes and colours.
SIGN_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service", "building", "name",
              "stair", "room", "window", "interior_door")

Material = Literal["reflective", "photoluminescent", "foil"]


class _M(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_V = TypeVar("_V")


def _read_only(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


#: A read-only ``str -> value`` mapping: validated like a dict, kept as a
#: :class:`types.MappingProxyType`, written out as a dict.
ReadOnly = Annotated[Mapping[str, _V], AfterValidator(_read_only),
                     PlainSerializer(dict, return_type=dict[str, Any])]


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
    door_prefix: ReadOnly[str]
    door_scope: Literal["site", "building"] = "site"
    stair_prefix: str = "T"
    stair_scope: Literal["site", "building"] = "site"
    room_format: Literal["hotel"] = "hotel"
    basement_prefix: str = "U"
    #: The storey digit of level 0 rooms: 0 in Germany (EG rooms 0xx, 1. OG 1xx), 1 in the US
    #: (the ground floor is floor 1: rooms 1xx, one flight up 2xx). Basements keep the
    #: ``basement_prefix`` rule either way (level -1: ``U01`` / ``B01``; level -2: ``U201``).
    ground_floor_number: Literal[0, 1] = 0
    room_building_prefix: Literal["auto", "always", "never"] = "auto"
    #: ``keep``: a room's existing ``number`` (its door plate) is its code, new numbers go
    #: only to rooms without one; ``renumber``: every room gets a new hotel number and the
    #: existing numbers are not used (the site file is not changed).
    room_numbers: Literal["keep", "renumber"] = "keep"
    letters_skip: tuple[str, ...] = ("I", "O", "H")
    #: Building letters that equal a one-letter door or stair prefix (``E``, ``N``, ``T``)
    #: are skipped like ``letters_skip``: building "E" would read as an entrance code.
    letters_skip_code_prefixes: bool = False
    windows: bool = True
    interior_twin: bool = False

    @property
    def code_prefix_letters(self) -> tuple[str, ...]:
        """The one-letter prefixes of the door and stair codes, upper case, sorted.

        >>> load_profile("guetersloh").numbering.code_prefix_letters
        ('E', 'N', 'T')
        """
        prefixes = {*self.door_prefix.values(), self.stair_prefix}
        return tuple(sorted({p.upper() for p in prefixes if len(p) == 1 and p.isalpha()}))

    @property
    def skipped_letters(self) -> tuple[str, ...]:
        """Every letter no building letter is made of: ``letters_skip``, and the code
        prefixes when ``letters_skip_code_prefixes`` is set.

        >>> load_profile("guetersloh").numbering.skipped_letters
        ('I', 'O', 'H', 'E', 'N', 'T')
        """
        extra = self.code_prefix_letters if self.letters_skip_code_prefixes else ()
        return tuple(dict.fromkeys((*self.letters_skip, *extra)))


class Guidance(_M):
    """Guidance signs inside the building ("where corridors lead", issue 17): made at corridor
    decision points (stair landings, entrances, junctions, bends sharper than ``bend_deg``),
    one destination per sign (the next stair, a range of room numbers, a landmark), at most
    ``max_per_point`` signs facing one approach; points closer than ``merge_m`` along a
    corridor are one decision point."""

    enabled: bool = False
    max_per_point: Annotated[int, Field(ge=1, le=20)] = 6
    bend_deg: Annotated[float, Field(ge=10, le=170)] = 60.0
    merge_m: Annotated[float, Field(ge=0, le=20)] = 3.0


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


class StairSign(_M):
    """How a stair sign shows its storey ("at every stair the floor is shown"): the stair
    code's and the storey's cap heights in units of the sign's cap height (both bold; the
    storey at least 0.6 of the code), ``storey_number``: only the number of the storey's
    name (``Floor 2`` -> ``2``, as US stair identification signs show it), ``margin`` the
    sign's margin in units of its cap height, ``tactile``: a tactile twin (raised characters
    and Braille) goes with every stair sign (IBC 1023.9), which the schedule notes."""

    code: Annotated[float, Field(gt=0, le=1)] = 1.0
    storey: Annotated[float, Field(ge=0.6, le=1)] = 0.6
    storey_number: bool = False
    margin: Annotated[float, Field(ge=0.1, le=1)] = 0.5
    tactile: bool = False


class StoreyNames(_M):
    """Storey names for signs where the building names a storey only by its number (an
    import that brings OSM levels as ``-1``, ``0``, ``1``): ``ground`` for the ground floor,
    ``above``/``below`` with ``{n}`` the count of storeys above or below it (``1. OG``,
    ``1. UG``; US: ``Floor {n}`` with the ground floor as floor 1)."""

    ground: str = "EG"
    above: str = "{n}. OG"
    below: str = "{n}. UG"
    above_offset: int = 0

    def name(self, level: int) -> str:
        """The name of a storey level.

        >>> StoreyNames().name(0), StoreyNames().name(2), StoreyNames().name(-1)
        ('EG', '2. OG', '1. UG')
        >>> StoreyNames(ground="Floor 1", above="Floor {n}", above_offset=1).name(1)
        'Floor 2'
        """
        if level == 0:
            return self.ground
        if level > 0:
            return self.above.format(n=level + self.above_offset)
        return self.below.format(n=-level)


class Sizing(_M):
    """Sign sizes: cap height from the reading distance, then a standard format.

    ``series_mm``: per sign kind the formats (width, height) its signs are made in,
    smallest first (kinds without one take ``sizes_mm``); ``cap_step_mm``: the codes of a
    format are set at its cap height rounded down to this step. ``max_reading_distance_m``:
    approaches farther away do not count (nobody reads a door sign from there: an approach
    sign does); ``view_angle_deg``: an approach sees a wall sign within this angle of the
    wall's normal; ``door_overhang_m``: a door sign is at most this much wider than its
    door on each side. ``margin_kind``: a kind's own margin (units of its cap height).
    ``mount_height_m``: the height of a sign's bottom edge above the floor or ground it is
    read from, per kind (``exterior`` for the door signs; ``below_grade`` for a basement
    door's sign at the head of its outside stair)."""

    z_exterior: Annotated[float, Field(gt=0)]
    z_interior: Annotated[float, Field(gt=0)]
    photoluminescent_factor: Annotated[float, Field(gt=0, le=1)]
    min_reading_distance_m: Annotated[float, Field(ge=0)]
    min_cap_mm: ReadOnly[float]
    max_cap_mm: ReadOnly[float]
    interior_reading_distance_m: ReadOnly[float]
    margin: float = 0.5
    second_line: float = 0.3
    line_gap: float = 0.25
    corner_radius: float = 0.08
    keyline: float = 0.12
    sizes_mm: tuple[tuple[float, float], ...]
    mount_height_m: ReadOnly[float]
    series_mm: ReadOnly[tuple[tuple[float, float], ...]] = Field(default_factory=_empty)
    cap_step_mm: Annotated[float, Field(ge=0, le=50)] = 5.0
    max_reading_distance_m: Annotated[float, Field(gt=0)] = 80.0
    view_angle_deg: Annotated[float, Field(gt=0, le=90)] = 75.0
    door_overhang_m: Annotated[float, Field(ge=0, le=2)] = 0.15
    margin_kind: ReadOnly[float] = Field(default_factory=_empty)
    stair: StairSign = StairSign()
    storey_names: StoreyNames = StoreyNames()

    def series(self, kind: str) -> tuple[tuple[float, float], ...]:
        """The formats of a sign kind, smallest first (its ``series_mm``, else
        ``sizes_mm``)."""
        own = self.series_mm.get(kind)
        return tuple(own) if own else self.sizes_mm

    def margin_of(self, kind: str) -> float:
        """A kind's margin in units of its cap height."""
        if kind == "stair":
            return self.stair.margin
        return float(self.margin_kind.get(kind, self.margin))


#: Substrates a sign is made on (words: ``compose.substrate_<key>``).
Substrate = Literal["acm_3mm", "aluminium_2mm", "rigid_pvc_2mm", "glass"]
#: How a sign is fixed (words: ``compose.fixing_<key>``).
Fixing = Literal["security_screws", "screws", "mounting_tape", "film_outside"]


class Install(_M):
    """How a sign kind is made and fixed, for the installer list."""

    substrate: Substrate
    fixing: Fixing


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
    colors: ReadOnly[SignStyle]
    map: ReadOnly[str]
    prices: Prices
    palette: ReadOnly[NamedColor] = MappingProxyType({})
    guidance: Guidance = Guidance()
    #: per sign kind its substrate and fixing (the installer list)
    install: ReadOnly[Install] = Field(default_factory=_empty)
    #: the printing condition of signs.pdf (PDF/X-4 output intent, see
    #: :data:`orientation.render.pdfx.OUTPUT_INTENTS`)
    output_intent: Literal["FOGRA39", "GRACoL2006"] = "FOGRA39"

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

    @cached_property
    def resolved(self) -> Style:
        """The profile resolved into a frozen :class:`~orientation.style.Style`, once per
        profile (inks with sRGB, CMYK and RAL label; sizes; words)."""
        from .style import Style

        return Style.from_profile(self)


def _styles_dir():
    return resources.files("orientation") / "styles"


def profile_names() -> list[str]:
    """Names of the profiles on hand, default first."""
    names = sorted(p.name[:-5] for p in _styles_dir().iterdir()
                   if p.name.endswith(".yaml") and p.name != "colors.yaml")
    return sorted(names, key=lambda n: (n != DEFAULT_PROFILE, n))


@cache
def _palette() -> Mapping[str, NamedColor]:
    raw = yaml.safe_load((_styles_dir() / "colors.yaml").read_text(encoding="utf-8"))
    return MappingProxyType({k: NamedColor.model_validate(v) for k, v in raw.items()})


def is_profile_path(name: str) -> bool:
    """True when ``name`` names a profile file (``./mine.yaml``, ``styles/x.yml``) rather
    than a bundled profile (``guetersloh``).

    >>> is_profile_path("guetersloh"), is_profile_path("./mine.yaml"), is_profile_path("a/b")
    (False, True, True)
    """
    return name.lower().endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """The profile called ``name`` (``guetersloh`` or ``us-k12``), or the profile in the YAML
    file at the path ``name`` (see :func:`is_profile_path`).

    The value is shared between calls (it is immutable). A file is read again when it has
    changed. Raises :class:`~orientation.errors.ProfileError` for an unknown name, a missing
    or unreadable file, or a file that is not a valid profile (every problem with its key
    path, ``sizing.min_cap_mm.entrance: ...``).
    """
    if is_profile_path(name):
        path = Path(name).expanduser()
        try:
            st = path.resolve().stat()
        except OSError as exc:
            raise ProfileError(f"profile file {name}: cannot be read "
                               f"({exc.strerror or exc}); give the path of a profile YAML "
                               f"file or one of the names: {', '.join(profile_names())}"
                               ) from None
        return _load_file(str(path.resolve()), name, st.st_mtime_ns, st.st_size)
    return _load_named(name)


@cache
def _load_named(name: str) -> Profile:
    names = profile_names()
    if name not in names:
        raise ProfileError(f"unknown profile '{name}'; choose one of: {', '.join(names)} "
                           "(or give the path of a profile YAML file)")
    text = (_styles_dir() / f"{name}.yaml").read_text(encoding="utf-8")
    return _parse(text, f"styles/{name}.yaml")


@cache
def _load_file(resolved: str, shown: str, mtime_ns: int, size: int) -> Profile:
    try:
        text = Path(resolved).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"profile file {shown}: cannot be read ({exc})") from None
    return _parse(text, shown)


def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _parse(text: str, file: str) -> Profile:
    """A profile from YAML text; ``file`` names it in messages."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProfileError(f"{file} is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ProfileError(f"{file} is not a valid profile: expected a mapping of settings "
                           "(name, title, language, numbering, sizing, colors, map, prices)")
    own = raw.get("palette") or {}
    if not isinstance(own, dict):
        raise ProfileError(f"{file}: palette: expected a mapping of colour names")
    try:
        prof = Profile.model_validate({**raw, "palette": {**_palette(), **own}})
    except ValidationError as exc:
        problems = "; ".join(f"{_loc(e['loc']) or '(top)'}: {e['msg']}" for e in exc.errors())
        raise ProfileError(f"{file} is not a valid profile: {problems}") from None
    missing = [k for k in SIGN_KINDS if k not in prof.colors]
    if prof.guidance.enabled and "guidance" not in prof.colors:
        missing.append("guidance")
    if missing:
        raise ProfileError(f"{file}: colors: colours missing for sign kinds {missing}")
    unknown = [f"colors.{kind}.{role}: unknown colour '{getattr(st, role)}'"
               for kind, st in prof.colors.items() for role in ("background", "foreground")
               if getattr(st, role) not in prof.palette]
    unknown += [f"map.{kind}: unknown colour '{c}'" for kind, c in prof.map.items()
                if c not in prof.palette]
    if unknown:
        raise ProfileError(f"{file}: {'; '.join(unknown)}; known colours: "
                           f"{', '.join(sorted(prof.palette))}")
    return prof


__all__ = [
    "DEFAULT_PROFILE",
    "Fixing",
    "Install",
    "Material",
    "NamedColor",
    "Profile",
    "ReadOnly",
    "SIGN_KINDS",
    "StairSign",
    "StoreyNames",
    "Substrate",
    "is_profile_path",
    "load_profile",
    "profile_names",
]
