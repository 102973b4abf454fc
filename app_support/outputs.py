"""Plans and pictures for the page, files for the downloads.

:func:`plan_for` and :func:`render_for` take the Site as JSON text (:func:`site_json`), so that
a cache keyed by their arguments (``st.cache_data``) is keyed by the site's content.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from orientation.layout.engine import PlanOptions, make_plan
from orientation.model import Site
from orientation.pipeline import Outputs, render_outputs
from orientation.plan import Plan
from orientation.profiles import load_profile

from .words import profile_of

PAPERS = ("A3", "A4")
#: Files offered one by one (the ZIP holds every file).
DOWNLOADS = ("signs.pdf", "maps.pdf", "proof.pdf", "schedule.pdf", "schedule.csv", "register.csv")
MIME = {".pdf": "application/pdf", ".csv": "text/csv", ".zip": "application/zip",
        ".yaml": "application/x-yaml", ".yml": "application/x-yaml", ".json": "application/json",
        ".svg": "image/svg+xml", ".geojson": "application/geo+json"}


def site_json(site: Site) -> str:
    """The site as JSON text: a cache key that changes exactly when the content does."""
    return site.model_dump_json()


def plan_for(site_json_text: str, *, paper: str = "A3") -> Plan:
    """The plan of a site given as :func:`site_json` text (the profile is the site's)."""
    site = Site.model_validate_json(site_json_text)
    return make_plan(site, load_profile(profile_of(site)), options=PlanOptions(
        paper=paper, date=site.site.date))


def render_for(site_json_text: str, *, paper: str = "A3",
               formats: Sequence[str] = ("svg", "pdf")) -> Outputs:
    """Every output file in memory (``render_outputs``) for a site given as JSON text."""
    site = Site.model_validate_json(site_json_text)
    return render_outputs(site, profile=load_profile(profile_of(site)), formats=tuple(formats),
                          paper=paper, date=site.site.date)


def map_pages(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """``page name -> SVG`` of the map booklet, in booklet order."""
    return {k[len("maps/"):-len(".svg")]: v for k, v in files.items()
            if k.startswith("maps/") and k.endswith(".svg")}


def sign_svgs(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """``sign id -> SVG`` in plan order."""
    return {k[len("signs/"):-len(".svg")]: v for k, v in files.items()
            if k.startswith("signs/") and k.endswith(".svg")}


def svg_title(svg: bytes, default: str = "") -> str:
    """The ``<title>`` of an SVG page (the renderer writes the page title there).

    >>> svg_title(b'<svg><title>Lageplan &amp; Umgebung</title></svg>')
    'Lageplan & Umgebung'
    """
    import html

    m = re.search(rb"<title>(.*?)</title>", svg[:4000], re.S)
    return html.unescape(m.group(1).decode("utf-8", "replace")).strip() if m else default


def svg_text(svg: bytes) -> str:
    """An SVG as text for ``st.image`` (which shows SVG markup as a picture)."""
    return svg.decode("utf-8")


def zip_outputs(files: Mapping[str, bytes], *, folder: str,
                extra: Mapping[str, bytes] | None = None) -> bytes:
    """A ZIP of the output files inside ``folder/``; byte-stable (fixed times and order)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for rel, data in {**files, **(extra or {})}.items():
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def mime_of(name: str) -> str:
    return MIME.get(Path(name).suffix.lower(), "application/octet-stream")


__all__ = ["DOWNLOADS", "MIME", "PAPERS", "map_pages", "mime_of", "plan_for", "render_for",
           "sign_svgs", "site_json", "svg_text", "svg_title", "zip_outputs"]
