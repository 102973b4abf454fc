"""Hostile and mutated input, atomic output, byte-stable files."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import site_dict
from orientation.cli import main
from orientation.errors import OrientationError
from orientation.pipeline import load_site_bytes, render

BASE = site_dict()

# -- property-based: mutate a valid site file ------------------------------------------------

weird_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(BASE) if p]


def _apply(data, path, op, value):
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if op == "drop":
        del parent[last]
    elif op == "set":
        parent[last] = value
    elif op == "rename" and isinstance(parent, dict):
        parent[f"{last}_x"] = parent.pop(last)
    return data


mutations = st.lists(st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["drop", "set", "rename"]),
                               weird_values), min_size=1, max_size=3)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations, st.sampled_from(["json", "yaml"]))
def test_mutated_files_raise_only_orientation_errors(muts, fmt):
    data = copy.deepcopy(BASE)
    for path, op, value in muts:
        try:
            _apply(data, path, op, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the parent
    if fmt == "json":
        raw = json.dumps(data, allow_nan=True).encode()
    else:
        import yaml

        raw = yaml.safe_dump(data, allow_unicode=True).encode()
    try:
        load_site_bytes(raw, name=f"mutated.{fmt}")
    except OrientationError as exc:
        assert str(exc)  # a message, never empty


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_orientation_errors(raw):
    with pytest.raises(OrientationError):
        load_site_bytes(raw, name="junk.yaml")


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40))
def test_unicode_names_load_or_fail_cleanly(name):
    data = copy.deepcopy(BASE)
    data["site"]["name"] = name
    try:
        site = load_site_bytes(json.dumps(data).encode(), name="u.json")
    except OrientationError:
        return
    assert site.site.name and site.site.name in name  # kept as given, only trimmed


def test_cli_exit_1_and_nothing_written_for_a_mutated_file(tmp_path, capsys):
    data = copy.deepcopy(BASE)
    data["buildings"][0]["doors"][0]["at"] = ["x", None]
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(data))
    out = tmp_path / "out"
    assert main(["render", str(p), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "buildings[0].doors[0].at" in err and "Traceback" not in err
    assert not out.exists()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["bad.json"]


# -- all or nothing -----------------------------------------------------------------------------

def test_failed_render_leaves_existing_output_untouched(tmp_path, monkeypatch):
    out = tmp_path / "out"
    render("floorplans/rathaus.yaml", out, formats=("pdf",))
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    from orientation.render import pdf

    def boom(*_a, **_k):
        raise OrientationError("simulated failure while writing PDF")

    monkeypatch.setattr(pdf, "render_pdf", boom)
    with pytest.raises(OrientationError):
        render("floorplans/gesamtschule.yaml", out, formats=("pdf",))
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temp folders left behind


def test_output_naming_a_file_is_refused(tmp_path, capsys):
    f = tmp_path / "file.txt"
    f.write_text("keep me")
    assert main(["render", "floorplans/rathaus.yaml", "-o", str(f)]) == 1
    assert "is a file" in capsys.readouterr().err
    assert f.read_text() == "keep me"


def test_two_renders_are_byte_identical(tmp_path):
    import time

    a, b = tmp_path / "a", tmp_path / "b"
    render("floorplans/gesamtschule.yaml", a)
    time.sleep(1.1)
    render("floorplans/gesamtschule.yaml", b)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) > 20
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_markup_in_names_stays_text(tmp_path):
    import xml.etree.ElementTree as ET

    data = copy.deepcopy(BASE)
    data["site"]["name"] = 'Schule </svg><script>alert("x")</script> & "Co" <b>'
    data["buildings"][0]["name"] = "<img src=x onerror=alert(1)>"
    p = tmp_path / "evil.json"
    p.write_text(json.dumps(data))
    out = tmp_path / "out"
    render(p, out)
    for svg in list((out / "maps").glob("*.svg")) + list((out / "signs").glob("*.svg")):
        root = ET.fromstring(svg.read_bytes())  # well-formed
        tags = {el.tag.split("}")[-1] for el in root.iter()}
        assert "script" not in tags and "img" not in tags and "b" not in tags, svg


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_greek_and_cyrillic_names_reach_the_pdf_text(tmp_path):
    # poppler reads the ToUnicode maps correctly; pypdf 7 loses some Greek subset codes

    data = copy.deepcopy(BASE)
    data["site"]["name"] = "Σχολείο Κέντρο"
    data["buildings"][0]["name"] = "Школа №1"
    p = tmp_path / "intl.json"
    p.write_text(json.dumps(data, ensure_ascii=False))
    out = tmp_path / "out"
    render(p, out, formats=("pdf",))
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out / "maps.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Σχολείο" in text and "Школа" in text
