"""The one exception tree of `orientation`.

::

    OrientationError                 every error the program reports to a user (exit 1)
    ├── SiteFileError                a site file cannot be read or is invalid (carries problems)
    ├── ProfileError                 a profile is unknown or its file is invalid
    ├── ImportError_                 a building file (IFC, DXF, IMDF, OSM) cannot be imported
    ├── MissingDependencyError       an optional extra is not installed (says what to install)
    ├── LimitError                   an input exceeds a configured limit (size, count, range)
    └── OutputError                  the output folder cannot be written

Foreign exceptions (pydantic, YAML, JSON, ezdxf, ifcopenshell, OS errors) are translated once,
at the boundary where they occur; nothing above ``io/`` sees them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in an input file.

    ``path`` is the key path inside the file (``buildings[0].doors[3].at``), empty for the
    whole file; ``message`` says what is wrong and what to do.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class OrientationError(Exception):
    """Root of every error that `orientation` reports to a user."""


class SiteFileError(OrientationError):
    """A site file cannot be read or does not validate. ``problems`` lists all of them."""

    def __init__(self, file: str, problems: list[Problem] | tuple[Problem, ...]):
        self.file = file
        self.problems = tuple(problems)
        lines = [f"{file}: {len(self.problems)} problem(s):"] if len(self.problems) > 1 else []
        if len(self.problems) == 1:
            lines.append(f"{file}: {self.problems[0]}")
        else:
            lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class ProfileError(OrientationError):
    """A profile name is unknown or its style file is invalid."""


class ImportError_(OrientationError):  # noqa: N801 - the builtin name is taken
    """A building file (IFC, DXF, IMDF, OSM) cannot be imported."""


class MissingDependencyError(OrientationError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, what: str, extra: str):
        super().__init__(
            f"{what} needs the optional extra '{extra}': pip install 'orientation[{extra}]'"
        )


class LimitError(OrientationError):
    """An input exceeds a configured limit; the message names the limit and how to raise it."""


class OutputError(OrientationError):
    """The output cannot be written where it was asked for."""


__all__ = [
    "ImportError_",
    "LimitError",
    "MissingDependencyError",
    "OrientationError",
    "OutputError",
    "Problem",
    "ProfileError",
    "SiteFileError",
]
