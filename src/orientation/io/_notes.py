"""What an import changed or could not find: :class:`ImportNote` values, collected (and capped
at ``max_notes``) by :class:`Notes`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ._limits import DEFAULT_IMPORT_LIMITS

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class ImportNote:
    """Something an importer could not find, or changed, in a source file.

    ``severity``: ``error`` (the site will not pass ``orientation check`` without a fix),
    ``warning`` (the site is usable, but something is missing or was guessed from geometry),
    ``info`` (what the importer did). ``code`` is a stable kebab-case key (``no-doors``);
    ``element`` names the source element when there is one (an IFC GlobalId, an OSM id, a DXF
    handle, a file name).
    """

    severity: Severity
    code: str
    message: str
    element: str = ""

    def __str__(self) -> str:
        where = f" [{self.element}]" if self.element else ""
        return f"{self.severity}: {self.message}{where} ({self.code})"


_RANK = {"info": 0, "warning": 1, "error": 2}


class Notes:
    """Collects notes in the order they are found, at most ``max_items`` of them; the rest
    are counted and summed up by :meth:`close` in one last note (``notes-capped``)."""

    def __init__(self, max_items: int = DEFAULT_IMPORT_LIMITS.max_notes) -> None:
        self.items: list[ImportNote] = []
        self.max_items = max_items
        self.dropped: Counter[str] = Counter()
        self.dropped_severity: Severity = "info"
        self.closed = False

    def add(self, severity: Severity, code: str, message: str, element: str = "") -> None:
        if len(self.items) >= self.max_items:
            self.dropped[code] += 1
            if _RANK[severity] > _RANK[self.dropped_severity]:
                self.dropped_severity = severity
            return
        self.items.append(ImportNote(severity, code, message, element))

    def has(self, code: str) -> bool:
        return code in self.dropped or any(n.code == code for n in self.items)

    def close(self) -> list[ImportNote]:
        """The notes, with one summary note for those beyond ``max_items`` (once)."""
        if self.dropped and not self.closed:
            n = sum(self.dropped.values())
            codes = ", ".join(f"{c} ({k})" for c, k in self.dropped.most_common(8))
            self.items.append(ImportNote(
                self.dropped_severity, "notes-capped",
                f"and {n:,} more note(s) not shown ({codes}; limit max_notes = "
                f"{self.max_items:,}); raise the limit to see them all"))
        self.closed = True
        return self.items

    def error(self, code: str, message: str, element: str = "") -> None:
        self.add("error", code, message, element)

    def warning(self, code: str, message: str, element: str = "") -> None:
        self.add("warning", code, message, element)

    def info(self, code: str, message: str, element: str = "") -> None:
        self.add("info", code, message, element)

    def codes(self) -> list[str]:
        return [n.code for n in self.items]


__all__ = ["ImportNote", "Notes", "Severity"]
