"""What an import changed or could not find: :class:`ImportNote` values, collected (and capped
at ``max_notes``) by :class:`Notes`.

Every note is a sentence of the word catalogue (:mod:`orientation.words`, ``import.<code>``
and a second key where one code has two sentences), so that it reads in German or English
(:meth:`ImportNote.text`); its ``message`` is the English text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from .. import words
from ._limits import DEFAULT_IMPORT_LIMITS

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class ImportNote:
    """Something an importer could not find, or changed, in a source file.

    ``severity``: ``error`` (the site will not pass ``orientation check`` without a fix),
    ``warning`` (the site is usable, but something is missing or was guessed from geometry),
    ``info`` (what the importer did). ``code`` is a stable kebab-case key (``no-doors``);
    ``element`` names the source element when there is one (an IFC GlobalId, an OSM id, a DXF
    handle, a file name). ``message`` is the English sentence; ``key`` and ``params`` are the
    sentence in the word catalogue, so that :meth:`text` words it in either language (a note
    without a key, made by hand, reads its ``message``).
    """

    severity: Severity
    code: str
    message: str
    element: str = ""
    key: str = ""
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def worded(cls, severity: Severity, code: str, element: str, key: str, /,
               **params: Any) -> ImportNote:
        """A note from its catalogue key and parameters; ``message`` is its English text.

        >>> n = ImportNote.worded("error", "no-doors", "", "import.no-doors")
        >>> n.message[:30], n.text("de")[:30]
        ('the source has no doors at all', 'Die Quelldatei enthält keine T')
        """
        return cls(severity, code, words.text(key, "en", **params), element, key,
                   tuple(params.items()))

    def text(self, lang: str | None) -> str:
        """The note's sentence in ``lang`` (``de``/``en``; others read English)."""
        if not self.key:
            return self.message
        return words.text(self.key, lang, **dict(self.params))

    def __str__(self) -> str:
        where = f" [{self.element}]" if self.element else ""
        return f"{self.severity}: {self.message}{where} ({self.code})"

    def to_json(self) -> list[Any]:
        """The note as plain JSON values (the contained import's answer):
        ``[severity, code, message, element, key, params]``."""
        return [self.severity, self.code, self.message, self.element, self.key,
                {k: _param_to_json(v) for k, v in self.params}]

    @classmethod
    def from_json(cls, value: Any) -> ImportNote | None:
        """A note from :meth:`to_json`'s values (or the older four), checked: None for values
        that are not a note; a key the catalogue cannot word is dropped (the English message
        stays)."""
        if not (isinstance(value, list) and len(value) in (4, 6)
                and all(isinstance(x, str) for x in value[:4])
                and value[0] in ("error", "warning", "info")):
            return None
        note = cls(value[0], value[1], value[2], value[3])
        if len(value) == 6 and isinstance(value[4], str) and isinstance(value[5], dict):
            try:
                params = tuple((str(k), _param_from_json(v)) for k, v in value[5].items())
                worded = cls(note.severity, note.code, note.message, note.element, value[4],
                             params)
                if value[4].startswith("import.") and all(
                        worded.text(lang) for lang in words.LANGUAGES):
                    return worded
            except (KeyError, ValueError, TypeError, IndexError, AttributeError):
                pass
        return note


def _param_to_json(value: Any) -> Any:
    if isinstance(value, words.Ref):
        return {"ref": value.key, "params": {k: _param_to_json(v) for k, v in value.params}}
    return value


def _param_from_json(value: Any) -> Any:
    if isinstance(value, dict):
        key, params = value["ref"], value["params"]
        if not (isinstance(key, str) and key.startswith("import.") and isinstance(params, dict)):
            raise ValueError("not a phrase of the importers")
        return words.Ref(key, tuple((str(k), _param_from_json(v)) for k, v in params.items()))
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"not a parameter: {type(value).__name__}")


_RANK = {"info": 0, "warning": 1, "error": 2}


class Notes:
    """Collects notes in the order they are found, at most ``max_items`` of them; the rest
    are counted and summed up by :meth:`close` in one last note (``notes-capped``).

    A note is its ``code``, the ``element`` it is about, and the parameters of its sentence
    in the word catalogue: ``import.<code>``, or ``key`` where a code has another sentence::

        notes.warning("rooms-outside", d.source_id or "", building=d.name, n=emptied)
    """

    def __init__(self, max_items: int = DEFAULT_IMPORT_LIMITS.max_notes) -> None:
        self.items: list[ImportNote] = []
        self.max_items = max_items
        self.dropped: Counter[str] = Counter()
        self.dropped_severity: Severity = "info"
        self.closed = False

    def add(self, severity: Severity, code: str, element: str = "", /, *, key: str = "",
            **params: Any) -> None:
        if len(self.items) >= self.max_items:
            self.dropped[code] += 1
            if _RANK[severity] > _RANK[self.dropped_severity]:
                self.dropped_severity = severity
            return
        self.items.append(ImportNote.worded(severity, code, element, key or f"import.{code}",
                                            **params))

    def has(self, code: str) -> bool:
        return code in self.dropped or any(n.code == code for n in self.items)

    def close(self) -> list[ImportNote]:
        """The notes, with one summary note for those beyond ``max_items`` (once)."""
        if self.dropped and not self.closed:
            n = sum(self.dropped.values())
            codes = ", ".join(f"{c} ({k})" for c, k in self.dropped.most_common(8))
            self.items.append(ImportNote.worded(
                self.dropped_severity, "notes-capped", "", "import.notes-capped", n=n,
                codes=codes, limit=self.max_items))
        self.closed = True
        return self.items

    def error(self, code: str, element: str = "", /, *, key: str = "", **params: Any) -> None:
        self.add("error", code, element, key=key, **params)

    def warning(self, code: str, element: str = "", /, *, key: str = "", **params: Any) -> None:
        self.add("warning", code, element, key=key, **params)

    def info(self, code: str, element: str = "", /, *, key: str = "", **params: Any) -> None:
        self.add("info", code, element, key=key, **params)

    def codes(self) -> list[str]:
        return [n.code for n in self.items]


__all__ = ["ImportNote", "Notes", "Severity"]
