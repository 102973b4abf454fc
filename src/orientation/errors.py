"""The one exception tree of `orientation`.

::

    OrientationError                 every error the program reports to a user (exit 1)
    ├── InputError                   a file named as input is missing, special or unreadable
    │   ├── SiteFileError            a site file cannot be read or is invalid (carries problems)
    │   └── PlanFileError            an earlier plan.json is unreadable, malformed or foreign
    ├── ProfileError                 a profile is unknown or its file is invalid
    ├── ImportError_                 a building file (IFC, DXF, IMDF, OSM) cannot be imported
    ├── MissingDependencyError       an optional extra is not installed (says what to install)
    ├── LimitError                   an input exceeds a configured limit (size, count, range)
    ├── OptionError                  an option's value is wrong (``option`` names it)
    ├── LayoutError                  the plan cannot be made or drawn as asked (``element``)
    │   └── SignLayoutError          a sign's text does not fit its panel
    └── OutputError                  the output folder or file cannot be written (``path``)

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


#: Problems a :class:`SiteFileError` message lists (a file with 1,000 copies of one mistake
#: would otherwise print 1,000 lines); every problem stays in ``problems``.
MAX_PROBLEMS_SHOWN = 30


class OrientationError(Exception):
    """Root of every error that `orientation` reports to a user."""


class InputError(OrientationError):
    """A file named as input cannot be used; ``file`` names it."""

    file: str = ""


class SiteFileError(InputError):
    """A site file cannot be read or does not validate. ``problems`` lists all of them."""

    def __init__(self, file: str, problems: list[Problem] | tuple[Problem, ...]):
        self.file = file
        self.problems = tuple(problems)
        lines = [f"{file}: {len(self.problems)} problem(s):"] if len(self.problems) > 1 else []
        if len(self.problems) == 1:
            lines.append(f"{file}: {self.problems[0]}")
        else:
            # all of them stay in ``problems``; the message lists the first ones
            shown = self.problems[:MAX_PROBLEMS_SHOWN]
            lines += [f"  - {p}" for p in shown]
            if len(self.problems) > len(shown):
                lines.append(f"  … and {len(self.problems) - len(shown):,} more problem(s) of "
                             "the same kinds; fix the ones above and check again")
        super().__init__("\n".join(lines))


class PlanFileError(SiteFileError):
    """An earlier ``plan.json`` (``diff``, ``render --since``) is unreadable, malformed or the
    plan of another site. A :class:`SiteFileError` too: it carries ``file`` and ``problems``
    with key paths (``markings[3].code``)."""


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


class OptionError(OrientationError):
    """An option's value is wrong (a library keyword or a command-line flag); ``option`` names
    it and the message lists the valid choices."""

    def __init__(self, option: str, message: str):
        self.option = option
        super().__init__(f"{option}: {message}")


class LayoutError(OrientationError):
    """The plan cannot be made or drawn as asked; ``element`` names what it is about."""

    def __init__(self, message: str, *, element: str = ""):
        self.element = element
        super().__init__(message)


class SignLayoutError(LayoutError):
    """A sign's text does not fit its panel (a layout bug or a hand-edited plan): the message
    names the sign, the sizes and what to do."""


class OutputError(OrientationError):
    """The output cannot be written where it was asked for; ``path`` names it when known."""

    def __init__(self, message: str, *, path: str = ""):
        self.path = path
        super().__init__(message)


__all__ = [
    "ImportError_",
    "InputError",
    "LayoutError",
    "LimitError",
    "MissingDependencyError",
    "OptionError",
    "OrientationError",
    "OutputError",
    "PlanFileError",
    "Problem",
    "ProfileError",
    "SignLayoutError",
    "SiteFileError",
]
