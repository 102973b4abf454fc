"""The site file to download: :mod:`orientation.edits` over a loaded :class:`Source`, and why
a file cannot keep its own text, worded for ``st.error``."""

from __future__ import annotations

from pathlib import Path

from orientation import edits
from orientation.errors import OrientationError
from orientation.model import Site
from orientation.plan import Plan

from .loading import Source
from .markdown import problem_text


def site_text(source: Source, site: Site, *, strict: bool = False) -> str:
    """:func:`orientation.edits.site_text` of the loaded file: its own text with the app's
    edits written in (comments, order and layout kept), else the site written afresh (with
    ``strict``: the :class:`~orientation.errors.SiteFileError` saying why)."""
    return edits.site_text(source.text, site, name=source.name, strict=strict)


def pinned_site_text(source: Source, site: Site, plan: Plan, *, strict: bool = False) -> str:
    """:func:`site_text` with every code of ``plan`` pinned (:func:`orientation.edits
    .pinned_site_text`)."""
    return edits.pinned_site_text(source.text, site, plan, name=source.name, strict=strict)


def site_text_problem(source: Source, site: Site) -> str | None:
    """Why the downloads of ``site`` cannot keep the loaded file's own text (and are written
    afresh, without its comments), as Markdown for ``st.error``; None when they can. Only a
    file that shares elements through YAML anchors and aliases can be such a case."""
    if not edits.may_share_elements(source.text, name=source.name):
        return None
    try:
        site_text(source, site, strict=True)
    except OrientationError as exc:
        return problem_text(exc)
    return None


def pinned_text_problem(source: Source, site: Site, plan: Plan) -> str | None:
    """:func:`site_text_problem` of the site with every code of ``plan`` pinned (the download
    :func:`pinned_site_text`)."""
    if not edits.may_share_elements(source.text, name=source.name):
        return None
    try:
        frozen, _ = edits.freeze_codes(site, plan)
    except OrientationError as exc:
        return problem_text(exc)
    return site_text_problem(source, frozen)


def pinned_name(source: Source) -> str:
    """``gesamtschule-pinned.yaml``."""
    p = Path(source.name)
    return f"{p.stem}-pinned{source.suffix if p.suffix.lower() != '.yml' else '.yml'}"


__all__ = ["pinned_name", "pinned_site_text", "pinned_text_problem", "site_text",
           "site_text_problem"]
