"""The profile resolved once for drawing: a frozen :class:`Style` of inks, sizes and words.

A profile names its colours (``traffic_blue``); the style holds each as an :class:`Ink` with
everything print and people need: sRGB hex, CMYK (0..1), the RAL code and the name in German
and English. Compose reads inks here and nowhere else; it never looks a CMYK value up again.

* :attr:`Style.inks`: every palette colour by name; :meth:`Style.ink` one of them;
* :attr:`Style.signs`: per sign kind the background and foreground ink and the material;
* :attr:`Style.map`: per marking kind (``entrance``, ``stair`` ...) the ink of its map mark;
  :attr:`Style.paper`: the fixed map and symbol roles (``red``, ``grey_20`` ...);
* :attr:`Style.sizing` (the profile's sizing rules), :attr:`Style.rules` (the proportions a
  sign is drawn with, hashable), :attr:`Style.prices`;
* words: :attr:`Style.language`, :attr:`Style.title`, :attr:`Style.short_title`,
  :attr:`Style.currency`, :attr:`Style.inches`.

Get it with ``profile.resolved`` (made once per profile, see
:attr:`orientation.profiles.Profile.resolved`) or :func:`style_of`. No renderer here: compose
turns an ink into a scene colour (:func:`orientation.compose.common.ink_color`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from .errors import ProfileError
from .profiles import NamedColor, Prices, Profile, Sizing, StairSign

CMYK = tuple[float, float, float, float]

#: Fixed map and symbol roles and the palette colour each is drawn in. ``hazard_fire`` and
#: ``hazard_other`` (with their ``_tint``) mark hazard rooms on storey plans: red for areas of
#: raised fire risk, yellow for explosion and other hazards (DIN 14095 / TRVB 121).
PAPER_ROLES: Mapping[str, str] = MappingProxyType({
    "black": "black", "white": "pure_white", "grey_75": "grey_75", "grey_50": "grey_50",
    "grey_20": "grey_20", "grey_10": "grey_10", "red": "signal_red", "green": "signal_green",
    "yellow": "signal_yellow", "hazard_fire": "signal_red", "hazard_other": "signal_yellow",
    "hazard_fire_tint": "hazard_fire_tint", "hazard_other_tint": "hazard_other_tint",
})

#: Map mark colours of the marking kinds a profile's ``map:`` table may leave out.
MAP_DEFAULTS: Mapping[str, str] = MappingProxyType({
    "entrance": "traffic_blue", "emergency_exit": "traffic_blue",
    "fire_brigade": "traffic_blue", "service": "traffic_blue", "stair": "signal_black",
})


def cmyk_from_srgb(hex_color: str) -> CMYK:
    """CMYK (0..1) by the plain UCR formula, for colours the palette does not hold.

    >>> cmyk_from_srgb("#FFFFFF"), cmyk_from_srgb("#000000")
    ((0.0, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 1.0))
    """
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    k = 1 - max(r, g, b)
    if k >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    c, m, y = (round((1 - v - k) / (1 - k), 3) for v in (r, g, b))
    return (c, m, y, round(k, 3))


@dataclass(frozen=True, slots=True)
class Ink:
    """One printable colour.

    ``key`` is the palette name (``traffic_blue``; empty for a colour the palette does not
    hold), ``hex`` the sRGB value in upper case, ``cmyk`` 0..1, ``ral`` the RAL code (``RAL
    5017``, may be empty), ``name_de``/``name_en`` the colour's name in each language and
    ``label`` the full palette label (``RAL 5017 Verkehrsblau / traffic blue``), as signs in
    the plan carry it.
    """

    key: str
    hex: str
    cmyk: CMYK
    ral: str
    name_de: str
    name_en: str
    label: str

    @classmethod
    def named(cls, key: str, color: NamedColor) -> Ink:
        """The ink of a palette entry (names written ``Deutsch / English``)."""
        parts = [p.strip() for p in color.name.split(" / ")]
        de, en = (parts[0], parts[1]) if len(parts) > 1 else (parts[0], parts[0])
        return cls(key, color.srgb.upper(), tuple(float(v) for v in color.cmyk),  # type: ignore[arg-type]
                   color.ral, de, en, color.label)

    @classmethod
    def unnamed(cls, hex_color: str, label: str = "") -> Ink:
        """A colour outside the palette: CMYK by :func:`cmyk_from_srgb`, named by its label
        (or its sRGB value)."""
        name = label or hex_color.upper()
        return cls("", hex_color.upper(), cmyk_from_srgb(hex_color), "", name, name, label)

    def name(self, language: str) -> str:
        """``RAL 5017 Verkehrsblau`` (``de``) or ``RAL 5017 traffic blue`` (other languages).

        >>> Ink("", "#063971", (0, 0, 0, 0), "RAL 5017", "Verkehrsblau", "traffic blue", "").name("en")
        'RAL 5017 traffic blue'
        """
        return f"{self.ral} {self.name_de if language == 'de' else self.name_en}".strip()

    def short(self, language: str) -> str:
        """The RAL code alone where there is one, else :meth:`name`."""
        return self.ral or self.name(language)


@dataclass(frozen=True, slots=True)
class SignInks:
    """How a sign kind is printed: ``background`` and ``foreground`` ink and the material."""

    background: Ink
    foreground: Ink
    material: Literal["reflective", "photoluminescent", "foil"]


@dataclass(frozen=True, slots=True)
class SignRules:
    """The proportions a sign is drawn with, in units of the code's cap height (see
    :class:`orientation.profiles.Sizing`); hashable, so drawings can be cached by value."""

    margin: float
    second_line: float
    line_gap: float
    corner_radius: float
    keyline: float
    #: how a stair sign shows its storey (:class:`orientation.profiles.StairSign`)
    stair: StairSign = StairSign()
    #: kinds with a margin of their own, (kind, margin) pairs
    margin_kind: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, sizing: Sizing) -> SignRules:
        return cls(sizing.margin, sizing.second_line, sizing.line_gap, sizing.corner_radius,
                   sizing.keyline, sizing.stair, tuple(sorted(sizing.margin_kind.items())))

    def margin_of(self, kind: str) -> float:
        """A kind's margin in units of its cap height (as
        :meth:`orientation.profiles.Sizing.margin_of`)."""
        if kind == "stair":
            return self.stair.margin
        return dict(self.margin_kind).get(kind, self.margin)


def _inch(v: float) -> bool:
    return abs(v / 25.4 - round(v / 25.4)) < 0.002 and v > 0


@dataclass(frozen=True, eq=False)
class Style:
    """A profile resolved for drawing (see the module docstring). Immutable: mappings are
    read-only. Compared by identity; :attr:`profile` names the profile it came from."""

    profile: str
    language: str
    title: str
    inks: Mapping[str, Ink]
    signs: Mapping[str, SignInks]
    map: Mapping[str, Ink]
    paper: Mapping[str, Ink]
    sizing: Sizing
    rules: SignRules
    prices: Prices
    _by_label: Mapping[str, Ink]
    _by_hex: Mapping[str, Ink]

    @classmethod
    def from_profile(cls, profile: Profile) -> Style:
        """Resolve ``profile``; unknown colour names raise
        :class:`~orientation.errors.ProfileError`."""
        inks = {k: Ink.named(k, c) for k, c in profile.palette.items()}

        def ink(key: str, where: str) -> Ink:
            try:
                return inks[key]
            except KeyError:
                raise ProfileError(f"profile '{profile.name}': {where}: unknown colour "
                                   f"'{key}'; known: {', '.join(sorted(inks))}") from None

        signs = {kind: SignInks(ink(st.background, f"colors.{kind}.background"),
                                ink(st.foreground, f"colors.{kind}.foreground"), st.material)
                 for kind, st in profile.colors.items()}
        marks = {**MAP_DEFAULTS, **profile.map}
        by_label: dict[str, Ink] = {}
        by_hex: dict[str, Ink] = {}
        for i in inks.values():  # the first of a label or sRGB value wins, as in the table
            by_label.setdefault(i.label, i)
            by_hex.setdefault(i.hex, i)
        ro = MappingProxyType
        return cls(
            profile=profile.name, language=profile.language, title=profile.title,
            inks=ro(inks), signs=ro(signs),
            map=ro({k: ink(v, f"map.{k}") for k, v in marks.items()}),
            paper=ro({role: ink(key, f"palette ({role})") for role, key in PAPER_ROLES.items()
                      if key in inks}),
            sizing=profile.sizing, rules=SignRules.of(profile.sizing), prices=profile.prices,
            _by_label=ro(by_label), _by_hex=ro(by_hex))

    # -- inks ---------------------------------------------------------------------------

    def ink(self, key: str) -> Ink:
        """The palette ink called ``key`` (``traffic_blue``)."""
        try:
            return self.inks[key]
        except KeyError:
            raise ProfileError(f"profile '{self.profile}': unknown colour '{key}'; known: "
                               f"{', '.join(sorted(self.inks))}") from None

    def find(self, hex_color: str, label: str = "") -> Ink:
        """The palette ink with this label, else with this sRGB value, else an unnamed ink
        (:meth:`Ink.unnamed`): the colour a plan records (sRGB and label) as print needs it."""
        if label and label in self._by_label:
            return self._by_label[label]
        found = self._by_hex.get(hex_color.upper())
        return found if found is not None else Ink.unnamed(hex_color, label)

    def sign_ink(self, kind: str, role: Literal["background", "foreground"], hex_color: str,
                 label: str = "") -> Ink:
        """The ink of a sign's ``background`` or ``foreground``: the profile's ink for the
        sign kind when the sign carries its colour (as every sign the layout makes does),
        else the colour the sign records (:meth:`find`; a plan edited by hand)."""
        st = self.signs.get(kind)
        if st is not None:
            ink = st.background if role == "background" else st.foreground
            if ink.hex == hex_color.upper() and (not label or label == ink.label):
                return ink
        return self.find(hex_color, label)

    # -- words --------------------------------------------------------------------------

    @property
    def short_title(self) -> str:
        """The title before its first dash: ``Gütersloher Modell``."""
        return self.title.split(" – ")[0]

    @property
    def currency(self) -> str:
        """The price table's currency code (``EUR``)."""
        return self.prices.currency

    @property
    def inches(self) -> bool:
        """True when every panel of the size series is a whole number of inches."""
        return all(_inch(w) and _inch(h) for w, h in self.sizing.sizes_mm)


def style_of(profile: Profile) -> Style:
    """The style of ``profile``, resolved once per profile value."""
    return profile.resolved


__all__ = ["CMYK", "Ink", "MAP_DEFAULTS", "PAPER_ROLES", "SignInks", "SignRules", "Style",
           "cmyk_from_srgb", "style_of"]
