"""The word catalogue: every word and sentence people read, in German and English.

One table for the whole project: the signs' and markings' kind words, the findings, the
schedule's and proof's words, the map booklet's words, the importers' notes and the app's
interface. Each text has a stable key (``kind.stair``, ``finding.no-main-entrance``,
``compose.col_size``, ``symbol.hydrant``, ``map.legend``, ``import.no-doors``,
``app.findings_header``) and one template per language, with named placeholders in
:meth:`str.format` syntax (format specs allowed: ``{distance:g}``)::

    >>> text("kind.stair", "de")
    'Treppe'
    >>> text("map.sheet", "en", n=2, m=5)
    'Sheet 2 of 5'

A parameter may itself be a phrase of the catalogue (:class:`Ref`): it is worded in the
language of the text it is part of, so that a finding stored once reads in either language::

    >>> box = Ref("feature.key_box")
    >>> text("what.feature-name", "de", feature=box, building="A")
    'Der Name eines Objekts (Feuerwehr-Schlüsseldepot) in Gebäude A'
    >>> text("what.feature-name", "en", feature=box, building="A")
    'the name of a key box of building A'

A language the catalogue does not have reads English (:data:`FALLBACK`). Both languages have
every key, with the same placeholders (``tests/test_words.py``).

The tables live in the modules beside this one, one per area: :mod:`._layout` (kinds,
findings), :mod:`._compose` (schedule, proof and sign pages; the map symbols' names),
:mod:`._maps` (the booklet), :mod:`._import` and :mod:`._import_formats` (the importers'
notes), :mod:`._app` (the app's interface), :mod:`._walk` (the walking graph's
findings, guidance signs and route text), :mod:`._gis` (the GIS and dispatch exports).
Usable from every layer: it imports only the standard library.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from . import _app, _compose, _edit, _gis, _import, _import_formats, _layout, _maps, _walk

#: The languages every text has, in the order the tables list them.
LANGUAGES = ("de", "en")
#: The language of a text asked for in a language the catalogue does not have.
FALLBACK = "en"


def _build() -> Mapping[str, Mapping[str, str]]:
    out: dict[str, Mapping[str, str]] = {}
    for module in (_layout, _compose, _maps, _import, _import_formats, _app, _edit, _walk,
                   _gis):
        for prefix, tables in module.SECTIONS.items():
            keys = dict.fromkeys([*tables["de"], *tables["en"]])
            for k in keys:
                key = prefix + k
                if key in out:
                    raise ValueError(f"the word {key!r} is in the catalogue twice")
                out[key] = MappingProxyType({lang: tables[lang][k] for lang in LANGUAGES
                                             if k in tables[lang]})
    return MappingProxyType(out)


#: key -> language -> template; read-only.
CATALOGUE: Mapping[str, Mapping[str, str]] = _build()


@dataclass(frozen=True, slots=True)
class Ref:
    """A phrase of the catalogue as a parameter of another text, worded in that text's
    language: ``Ref("kind.entrance")``, ``Ref.to("what.room-name", room="r1")``."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def to(cls, key: str, **params: Any) -> Ref:
        return cls(key, tuple(params.items()))

    def text(self, lang: str) -> str:
        return text(self.key, lang, **dict(self.params))


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        if isinstance(value, Ref):
            value = value.text(self.lang)
        return super().format_field(value, format_spec)


def _lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else FALLBACK


def template(key: str, lang: str | None) -> str:
    """The template of ``key`` in ``lang`` (English for another language), unformatted.
    Raises :class:`KeyError` for a key the catalogue does not have."""
    return CATALOGUE[key][_lang(lang)]


def get(key: str, lang: str | None, default: str | None = None) -> str | None:
    """The template of ``key`` in ``lang``, or ``default`` for a key the catalogue lacks.

    >>> get("kind.room", "de"), get("kind.no-such-kind", "de", "x")
    ('Raum', 'x')
    """
    entry = CATALOGUE.get(key)
    return default if entry is None else entry[_lang(lang)]


def text(key: str, lang: str | None, /, **params: Any) -> str:
    """The text ``key`` in ``lang`` with its placeholders filled from ``params`` (a
    :class:`Ref` parameter is worded in ``lang`` too). Raises :class:`KeyError` for an
    unknown key or a missing parameter.

    >>> text("finding.no-road", "de", distance=10.0)[:28]
    'Die Standortdatei hat keine '
    """
    lang = _lang(lang)
    return _Formatter(lang).vformat(CATALOGUE[key][lang], (), params)


def word(lang: str | None, kind: str) -> str:
    """The word for a sign or marking kind (``kind.<kind>``), else ``kind`` itself.

    >>> word("de", "stair"), word("fr", "stair"), word("en", "other")
    ('Treppe', 'Stair', 'other')
    """
    return get("kind." + kind, lang, kind) or kind


@lru_cache(maxsize=64)
def table(prefix: str, lang: str | None) -> Mapping[str, str]:
    """Every template whose key starts with ``prefix``, keyed without it, in ``lang``
    (read-only): the words of one area at once, e.g. ``table("map.", "de")["legend"]``.

    >>> table("map.", "de")["legend"], table("map.", "xx")["legend"]
    ('Legende', 'Legend')
    """
    lang = _lang(lang)
    n = len(prefix)
    return MappingProxyType({k[n:]: v[lang] for k, v in CATALOGUE.items()
                             if k.startswith(prefix)})


def placeholders(template_text: str) -> frozenset[str]:
    """The names of a template's placeholders.

    >>> sorted(placeholders("{n} of {m:d} ({n})"))
    ['m', 'n']
    """
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(template_text)
                     if name is not None)


__all__ = ["CATALOGUE", "FALLBACK", "LANGUAGES", "Ref", "get", "placeholders", "table",
           "template", "text", "word"]
