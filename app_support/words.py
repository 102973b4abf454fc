"""The app's words: :data:`TEXTS` (``de``/``en``), :func:`tr`, :func:`kind_word` and
:func:`finding_text`.

Every word is in the project's one catalogue (:mod:`orientation.words`): the interface's under
``app.<key>``, the kinds under ``kind.<kind>``, the findings under ``finding.<name>``; this
module only looks them up. A finding reads in the interface's language
(:meth:`orientation.plan.Finding.text`); the library's error messages are English.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from orientation import words
from orientation.errors import OrientationError
from orientation.model import Site
from orientation.plan import Finding
from orientation.profiles import DEFAULT_PROFILE, load_profile

LANGUAGES = words.LANGUAGES

#: The interface's words per language: the catalogue's ``app.<key>`` (read-only).
TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: words.table("app.", lang) for lang in LANGUAGES})


def tr(lang: str, key: str, **values: Any) -> str:
    """The interface text ``key`` in ``lang`` (``de``/``en``; others fall back to English),
    formatted with ``values``; an unknown key comes back as itself.

    >>> tr("de", "signs_shown", shown=24, total=317)
    '24 von 317 Schildern'
    >>> tr("fr", "metric_signs"), tr("en", "no-such-key")
    ('Signs', 'no-such-key')
    """
    text = words.get("app." + key, lang, key) or key
    return text.format(**values) if values else text


def kind_word(lang: str, kind: str) -> str:
    """A marking, sign or door kind for people (``emergency_exit`` -> ``Notausgang``): the
    library's word, or the app's for the kinds only the app names (``inner``, ``side``).

    >>> kind_word("de", "emergency_exit"), kind_word("en", "inner"), kind_word("de", "x-y")
    ('Notausgang', 'Inner door', 'x-y')
    """
    if f"kind_{kind}" in TEXTS["en"]:
        return tr(lang, f"kind_{kind}")
    return words.word(lang, kind)


def use_word(lang: str, use: str | None) -> str:
    """A room use for people, as the legend of the storey plans explains it (empty for none).

    >>> use_word("de", "heating"), use_word("en", "toilet"), use_word("en", None)
    ('Heizung, Kesselraum', 'Restroom', '')
    """
    return words.get("room-use-name." + use, lang, use) if use else ""


def finding_text(lang: str, finding: Finding) -> str:
    """A finding's sentence in the interface's language.

    >>> f = Finding.worded("error", "no-main-entrance", "site", "finding.no-main-entrance")
    >>> finding_text("de", f)[:37], finding_text("en", f)[:37]
    ('Keine Tür ist als Haupteingang markie', 'no door is marked as the main entranc')
    """
    return finding.text(lang)


def profile_of(site: Site) -> str:
    """The profile the site names, else the default."""
    return site.profile or DEFAULT_PROFILE


def interface_language(choice: str, site: Site | None) -> str:
    """``de`` or ``en``: the sidebar's ``choice``, or for ``auto`` the profile's language."""
    if choice in LANGUAGES:
        return choice
    try:
        return load_profile(profile_of(site) if site else DEFAULT_PROFILE).language
    except OrientationError:
        return "en"


__all__ = ["LANGUAGES", "TEXTS", "finding_text", "interface_language", "kind_word", "profile_of",
           "tr"]
