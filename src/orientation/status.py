"""The status of each sign: when it was ordered, mounted and checked, kept beside the site file.

The dates live in a side file next to the site file, ``<site>.status.yaml`` (not in
``plan.json``, which a render writes anew; not in the site file, which describes the
building): ``orientation status SITE`` shows and sets them, the proof sheet and the
installer list show them. Format ``orientation/status@1``::

    format: orientation/status@1
    site: Städtische Gesamtschule Beispielstadt
    signs:
      main/d-haupteingang:entrance:0: {sign: S-0002, code: E1, ordered: 2026-12-01, mounted: 2026-12-15}

A sign is keyed by :func:`sign_key` (its marking, kind and storey, as ``orientation diff``
matches signs), which stays when other signs come or go; ``sign`` and ``code`` are kept for
the reader. Dates are ISO days (``YYYY-MM-DD``). The file is written atomically, keys in
order, so the same status gives the same bytes.

:func:`qr_payload` is what the proof's QR code of a sign says (the site and the sign):
``ORIENTATION|<site>|<sign id>|<code>``; :func:`select_signs` accepts it, as it accepts a
sign id, a code, a key or ``all``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from .errors import OptionError, Problem, SiteFileError
from .fileio import read_input_bytes, replace_file
from .plan import Plan, Sign

STATUS_FORMAT = "orientation/status@1"
#: The steps of a sign's life after the plan, in order.
STEPS = ("ordered", "mounted", "checked")
Step = Literal["ordered", "mounted", "checked"]
#: The largest status file read.
MAX_STATUS_BYTES = 20_000_000
QR_PREFIX = "ORIENTATION"


@dataclass(frozen=True, slots=True)
class SignState:
    """The dates (ISO days) a sign was ordered, mounted and checked; None: not yet."""

    ordered: str | None = None
    mounted: str | None = None
    checked: str | None = None

    def get(self, step: str) -> str | None:
        return getattr(self, step)

    @property
    def empty(self) -> bool:
        return not (self.ordered or self.mounted or self.checked)


NO_STATE = SignState()


@dataclass(frozen=True)
class SignStatus:
    """The states of a site's signs by :func:`sign_key` (read-only)."""

    states: Mapping[str, SignState] = field(default_factory=lambda: MappingProxyType({}))

    def of(self, sign: Sign) -> SignState:
        """The state of a sign (:data:`NO_STATE` when the file says nothing of it)."""
        return self.states.get(sign_key(sign), NO_STATE)

    def __bool__(self) -> bool:
        return any(not s.empty for s in self.states.values())


def sign_key(sign: Sign) -> str:
    """A sign's key in the status file: marking, kind and storey, stable while other signs
    come and go.

    >>> from orientation.plan import Sign
    >>> s = Sign("S-0002", "main/d-main", "entrance", "E1", "exterior", 800, 400, 150, 10,
    ...          "#000000", "#FFFFFF", 1.0, "reflective", (0, 0), (0, -1), level=0)
    >>> sign_key(s)
    'main/d-main:entrance:0'
    """
    return f"{sign.marking}:{sign.kind}:{'' if sign.level is None else sign.level}"


def status_path(site_path: str | Path) -> Path:
    """The side file of a site file: ``school.yaml`` -> ``school.status.yaml``.

    >>> status_path("floorplans/rathaus.yaml").as_posix()
    'floorplans/rathaus.status.yaml'
    """
    p = Path(site_path)
    return p.with_name(f"{p.stem}.status.yaml")


def _day(value: Any, where: str, file: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise SiteFileError(file, [Problem(where, f"{text!r} is not a date; write "
                                           "YYYY-MM-DD, e.g. 2026-12-01")]) from None


def parse_status(raw: bytes, *, file: str) -> SignStatus:
    """A status file's contents (see the module docstring); a
    :class:`~orientation.errors.SiteFileError` naming the key for anything else."""
    import yaml

    try:
        data = yaml.safe_load(raw.decode("utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SiteFileError(file, [Problem("", f"not a readable status file: {exc}")]) from None
    if not isinstance(data, dict) or data.get("format") != STATUS_FORMAT:
        raise SiteFileError(file, [Problem("format", f"expected {STATUS_FORMAT} (a status "
                                           "file made by orientation status)")])
    signs = data.get("signs") or {}
    if not isinstance(signs, dict):
        raise SiteFileError(file, [Problem("signs", "expected a mapping of sign keys")])
    out: dict[str, SignState] = {}
    for key, rec in signs.items():
        if not isinstance(rec, dict):
            raise SiteFileError(file, [Problem(f"signs.{key}", "expected a mapping of dates")])
        out[str(key)] = SignState(*(_day(rec.get(step), f"signs.{key}.{step}", file)
                                    for step in STEPS))
    return SignStatus(MappingProxyType(out))


def read_status(site_path: str | Path) -> SignStatus:
    """The status of a site's signs (empty when it has no side file yet)."""
    path = status_path(site_path)
    if not path.exists():
        return SignStatus()
    return parse_status(read_input_bytes(path, max_bytes=MAX_STATUS_BYTES, what="status file"),
                        file=str(path))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def status_yaml(status: SignStatus, plan: Plan) -> str:
    """The side file's text: every state of the plan's signs in plan order (then the states
    of signs the plan no longer has, in key order), each with the sign's id and code."""
    lines = [f"format: {STATUS_FORMAT}", f"site: {_quote(plan.site_name)}", "signs:"]
    seen: set[str] = set()

    def record(key: str, state: SignState, sign: Sign | None) -> None:
        parts = []
        if sign is not None:
            parts += [f"sign: {sign.id}", f"code: {_quote(sign.text)}"]
        parts += [f"{step}: {state.get(step)}" for step in STEPS if state.get(step)]
        lines.append(f"  {_quote(key)}: {{{', '.join(parts)}}}")

    for sign in plan.signs:
        key = sign_key(sign)
        state = status.states.get(key)
        if state is not None and not state.empty and key not in seen:
            seen.add(key)
            record(key, state, sign)
    for key in sorted(status.states):
        if key not in seen and not status.states[key].empty:
            record(key, status.states[key], None)
    if lines[-1] == "signs:":
        lines[-1] = "signs: {}"
    return "\n".join(lines) + "\n"


def write_status(site_path: str | Path, status: SignStatus, plan: Plan) -> Path:
    """Write the side file of ``site_path`` atomically; returns its path."""
    path = status_path(site_path)
    replace_file(path, status_yaml(status, plan))
    return path


def qr_payload(plan: Plan, sign: Sign) -> str:
    """What a sign's QR code on the proof says: the site and the sign.

    >>> from orientation.plan import Sign
    >>> s = Sign("S-0002", "main/d-main", "entrance", "E1", "exterior", 800, 400, 150, 10,
    ...          "#000000", "#FFFFFF", 1.0, "reflective", (0, 0), (0, -1))
    >>> class P: site_name = "Rathaus | Nord"
    >>> qr_payload(P(), s)  # type: ignore[arg-type]
    'ORIENTATION|Rathaus / Nord|S-0002|E1'
    """
    site = plan.site_name.replace("|", "/")
    return f"{QR_PREFIX}|{site}|{sign.id}|{sign.text.replace('|', '/')}"


def select_signs(plan: Plan, selectors: Iterable[str]) -> list[Sign]:
    """The signs named by ``selectors``, in plan order: ``all``, a sign id (``S-0002``), a
    key (:func:`sign_key`), a QR payload (:func:`qr_payload`) or a code (``E1``; every sign
    with that text, e.g. a stair's sign on each storey; the guidance signs that point to it
    only when no other sign has it). An unknown name is an
    :class:`~orientation.errors.OptionError` that lists a few known ones."""
    by_id = {s.id: s for s in plan.signs}
    by_key = {sign_key(s): s for s in plan.signs}
    chosen: dict[str, Sign] = {}
    for raw in selectors:
        text = raw.strip()
        if text.lower() == "all":
            chosen.update((s.id, s) for s in plan.signs)
            continue
        if text.upper().startswith(QR_PREFIX + "|"):
            parts = text.split("|")
            text = parts[2] if len(parts) > 2 else text
        if text in by_id:
            chosen[text] = by_id[text]
        elif text in by_key:
            chosen[by_key[text].id] = by_key[text]
        else:  # a code: its own signs (a stair's on every storey), not the guidance
            # signs that point to it, unless only those carry it
            hits = [s for s in plan.signs if s.text == text and s.kind != "guidance"] or \
                [s for s in plan.signs if s.text == text]
            if not hits:
                known = ", ".join(s.id for s in plan.signs[:3])
                raise OptionError("SIGN", f"no sign {raw!r} in the plan; name a sign id "
                                  f"({known} …), a code (E1), a key from the status file, "
                                  "a proof QR code or all")
            chosen.update((s.id, s) for s in hits)
    order = {s.id: i for i, s in enumerate(plan.signs)}
    return sorted(chosen.values(), key=lambda s: order[s.id])


def set_step(status: SignStatus, signs: Iterable[Sign], step: str, day: str | None
             ) -> SignStatus:
    """``status`` with ``step`` (``ordered``, ``mounted``, ``checked``) of every sign set to
    ``day`` (an ISO day) or cleared (``None``)."""
    if step not in STEPS:
        raise OptionError("step", f"unknown step {step!r}; choose one of: {', '.join(STEPS)}")
    if day is not None:
        _day(day, f"--{step}", "the command line")
    out = dict(status.states)
    for sign in signs:
        key = sign_key(sign)
        out[key] = replace(out.get(key, NO_STATE), **{step: day})
    return SignStatus(MappingProxyType(out))


__all__ = ["MAX_STATUS_BYTES", "NO_STATE", "QR_PREFIX", "STATUS_FORMAT", "STEPS", "SignState",
           "SignStatus", "Step", "parse_status", "qr_payload", "read_status", "select_signs",
           "set_step", "sign_key", "status_path", "status_yaml", "write_status"]
