"""Tests for orientation.fonts: coverage runs, measuring, outlines, font programs."""

from __future__ import annotations

import io
import unicodedata

import pytest
from fontTools.ttLib import TTFont

from orientation import fonts


@pytest.mark.parametrize("weight", ["bold", "regular"])
@pytest.mark.parametrize("text", ["E", "Eingang", "Κέντρο", "Школа", "Gebäude Süd"])
def test_width_grows_with_text_length(text: str, weight: str) -> None:
    shorter = fonts.text_width_mm(text, size_mm=10, weight=weight)
    longer = fonts.text_width_mm(text + text[-1], size_mm=10, weight=weight)
    assert 0 < shorter < longer


def test_width_scales_with_size_and_empty_is_zero() -> None:
    assert fonts.text_width_mm("E12", size_mm=20) == pytest.approx(
        2 * fonts.text_width_mm("E12", size_mm=10)
    )
    assert fonts.text_width_mm("", size_mm=10) == 0.0


def test_width_uses_real_advances() -> None:
    # Atkinson Hyperlegible Bold: E is 580 units, I 458 units of a 1000-unit em.
    assert fonts.text_width_mm("E", size_mm=100) == pytest.approx(58.0)
    assert fonts.text_width_mm("I", size_mm=100) == pytest.approx(45.8)
    assert fonts.text_width_mm("EI", size_mm=100) == pytest.approx(103.8)


def test_figures_are_tabular() -> None:
    widths = {fonts.text_width_mm(f"E{d}", size_mm=10) for d in "0123456789"}
    assert len(widths) == 1


def test_regular_is_narrower_than_bold() -> None:
    assert fonts.text_width_mm("Eingang", size_mm=10, weight="regular") < fonts.text_width_mm(
        "Eingang", size_mm=10, weight="bold"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E1", [("atkinson-bold", "E1")]),
        ("Gebäude Süd", [("atkinson-bold", "Gebäude Süd")]),
        ("Школа", [("noto-bold", "Школа")]),
        ("Κέντρο", [("noto-bold", "Κέντρο")]),
        # A Greek word Atkinson could half print still goes whole to the fallback.
        ("Ωμέγα", [("noto-bold", "Ωμέγα")]),
        ("Школа 2", [("noto-bold", "Школа "), ("atkinson-bold", "2")]),
        ("", []),
    ],
)
def test_runs(text: str, expected: list[tuple[str, str]]) -> None:
    assert fonts.runs(text, "bold") == expected


def test_runs_regular_and_roundtrip() -> None:
    text = "Haus A – Κέντρο / Школа №5, Nguyễn"
    parts = fonts.runs(text, "regular")
    assert "".join(sub for _key, sub in parts) == text
    assert {key for key, _sub in parts} == {"atkinson-regular", "noto-regular"}
    assert all(a[0] != b[0] for a, b in zip(parts, parts[1:], strict=False))


def test_runs_normalise_decomposed_umlauts() -> None:
    decomposed = unicodedata.normalize("NFD", "Süd")
    assert fonts.runs(decomposed, "bold") == [("atkinson-bold", "Süd")]
    assert fonts.text_width_mm(decomposed, size_mm=10) == fonts.text_width_mm("Süd", size_mm=10)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Gebäude Süd, Κέντρο, Школа", ""),
        ("Halle 東", "東"),
        ("🚒 Zufahrt 🚒", "🚒"),
        ("東京", "東京"),
    ],
)
def test_missing_chars(text: str, missing: str) -> None:
    assert fonts.missing_chars(text) == missing


def test_missing_chars_are_measured_as_notdef() -> None:
    assert fonts.text_width_mm("東", size_mm=10) > 0
    assert fonts.layout("東").glyphs[0].glyph == ".notdef"


def test_cap_height() -> None:
    ratio = fonts.cap_height_ratio("bold")
    assert 0.6 < ratio < 0.75
    assert fonts.font_size_for_cap_height(100 * ratio, "bold") == pytest.approx(100)
    assert fonts.font_size_for_cap_height(10, weight="regular") == pytest.approx(
        10 / fonts.cap_height_ratio("regular")
    )


def test_unknown_weight_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="bold, regular"):
        fonts.text_width_mm("E1", size_mm=10, weight="heavy")  # type: ignore[arg-type]


def test_glyph_outlines() -> None:
    lay = fonts.layout("E Ш", weight="bold")
    e, space, sha = lay.glyphs
    assert fonts.glyph_svg_path(e.font_key, e.glyph).startswith("M")
    assert fonts.glyph_svg_path(space.font_key, space.glyph) == ""
    assert sha.font_key == "noto-bold"
    assert fonts.glyph_svg_path(sha.font_key, sha.glyph).endswith("Z")
    assert fonts.glyph_pdf_path(sha.font_key, sha.glyph).endswith("h")
    assert fonts.glyph_svg_path(e.font_key, e.glyph) is fonts.glyph_svg_path(e.font_key, e.glyph)


def test_layout_positions_accumulate() -> None:
    lay = fonts.layout("E1E", weight="bold")
    xs = [g.x_em for g in lay.glyphs]
    assert xs[0] == 0 and xs == sorted(xs)
    assert lay.advance_em * 10 == pytest.approx(fonts.text_width_mm("E1E", size_mm=10))


def test_fallback_program_is_a_small_static_font() -> None:
    program = fonts.font_program("noto-bold", chars="Школа")
    again = fonts.font_program("noto-bold", chars="акШол")
    assert program.data == again.data and program.name == again.name
    font = TTFont(io.BytesIO(program.data))
    assert "fvar" not in font and "gvar" not in font
    cmap = font.getBestCmap()
    assert {chr(cp) for cp in cmap} == set("Школа")
    assert font["OS/2"].fsType == 0
    assert font["OS/2"].usWeightClass == 700
    # The advances embedded are the ones measured.
    glyph = cmap[ord("Ш")]
    width = fonts.text_width_mm("Ш", size_mm=1000)
    assert font["hmtx"][glyph][0] == pytest.approx(width)


def test_primary_program_has_tabular_figures() -> None:
    program = fonts.font_program("atkinson-regular")
    font = TTFont(io.BytesIO(program.data))
    cmap = font.getBestCmap()
    assert cmap[ord("1")] == "one.tf"
    assert program.postscript_name == "AtkinsonHyperlegible-Regular"


def test_font_files_are_packaged() -> None:
    files = fonts.font_files()
    assert set(files) == set(fonts.FONT_KEYS)
    assert all("fontpkg_" in path for path in files.values())


@pytest.mark.parametrize("key", fonts.FONT_KEYS)
def test_font_programs_carry_no_build_time(key: str) -> None:
    """Saving must not stamp today's date into ``head``: PDFs stay byte-identical."""
    program = fonts.font_program(key, chars="Κέντρο")
    head = TTFont(io.BytesIO(program.data))["head"]
    source = TTFont(fonts.font_files()[key])["head"]
    assert head.modified == source.modified or head.modified == source.created


def test_the_public_names_stay_importable_from_orientation_fonts():
    # fonts is a package (faces, measure, outlines); its public names live on at the old path
    from orientation.fonts import faces, measure, outlines

    for name in fonts.__all__:
        assert getattr(fonts, name) is not None, name
    assert fonts.text_width_mm is measure.text_width_mm
    assert fonts.font_program is outlines.font_program
    assert fonts.units_per_em is faces.units_per_em
