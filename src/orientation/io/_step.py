"""The STEP pre-check of IFC files (:func:`check_step`): a linear scan of the raw bytes that
refuses a truncated, damaged or cyclic model before ifcopenshell parses it (and crashes or reads
half of it)."""

from __future__ import annotations

import re

from ..errors import ImportError_, LimitError
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits

_TOKEN = re.compile(rb"'(?:[^']|'')*'|#(\d+)(?:\s*=\s*([A-Za-z0-9_]+))?")


def check_step(raw: bytes, *, file: str, limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> int:
    """Refuse a STEP file that would make the IFC parser crash or read half a model, before
    ifcopenshell sees it; returns the number of entity instances.

    * the file must start with ``ISO-10303-21;`` and end with ``END-ISO-10303-21;`` after an
      ``ENDSEC;`` of its DATA section: a file cut off in transfer otherwise imports silently
      with part of its rooms;
    * every ``#id`` referenced must be defined (a cut-off or hand-edited file);
    * the references must not form a cycle (``#115=IFCLOCALPLACEMENT(#115,#114)``: the
      placement walk of ifcopenshell recurses until it segfaults);
    * at most ``max_points_per_file`` instances.

    Linear in the size of the file (one regular-expression pass and an iterative walk).
    """
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.upper().startswith(b"ISO-10303-21"):
        raise ImportError_(f"{file}: not an IFC (STEP) file: it does not start with "
                           "'ISO-10303-21;'; export the model again as IFC2X3 or IFC4")
    tail = raw[-4096:].rstrip(b" \t\r\n\x00\x1a")
    data_at = raw.find(b"DATA;")
    end = raw.rfind(b"ENDSEC;")
    if data_at < 0:
        raise ImportError_(f"{file}: not a readable IFC file (no DATA section); export the "
                           "model again as IFC2X3 or IFC4")
    if not tail.upper().endswith(b"END-ISO-10303-21;") or end < data_at:
        raise ImportError_(f"{file}: the file is truncated: it does not end with 'ENDSEC;' and "
                           "'END-ISO-10303-21;' (cut off while copying or uploading?); nothing "
                           "was imported, because part of the model would be missing. Copy or "
                           "export the file again")
    kinds: dict[int, bytes] = {}
    refs: dict[int, list[int]] = {}
    current: list[int] = []
    # one pass: strings are skipped (they may hold '#' and ';'), '#n=' starts an instance,
    # any other '#n' is a reference of the current one
    for m in _TOKEN.finditer(raw, data_at + 5, end):
        num = m.group(1)
        if num is None:
            continue
        if m.group(2) is not None:
            nid = int(num)
            kinds[nid] = m.group(2)
            current = refs.setdefault(nid, [])
        else:
            current.append(int(num))
    if len(kinds) > limits.max_points_per_file:
        raise LimitError(f"{file}: {len(kinds):,} entity instances (limit max_points_per_file "
                         f"= {limits.max_points_per_file:,}); cut the model down to the site "
                         "or raise the limit")
    missing: dict[int, int] = {}
    for nid, out in refs.items():
        for r in out:
            if r not in kinds and r not in missing:
                missing[r] = nid
    if missing:
        r, by = next(iter(missing.items()))
        raise ImportError_(f"{file}: the file is damaged or truncated: #{by} "
                           f"({kinds[by].decode('ascii', 'replace')}) refers to #{r}, which is "
                           f"not in the file ({len(missing):,} missing instance(s) in all); "
                           "export the model again")
    # cycles: iterative depth-first search, colours 1 = on the path, 2 = done
    colour: dict[int, int] = {}
    for root in refs:
        if root in colour:
            continue
        colour[root] = 1
        stack = [(root, iter(refs.get(root, ())))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = 2
                stack.pop()
                continue
            c = colour.get(nxt)
            if c == 1:
                path = [n for n, _ in stack]
                cyc = path[path.index(nxt):] + [nxt]
                chain = " -> ".join(f"#{n}" for n in cyc[:8]) + (" …" if len(cyc) > 8 else "")
                raise ImportError_(
                    f"{file}: the file is damaged: #{nxt} "
                    f"({kinds[nxt].decode('ascii', 'replace')}) refers back to itself "
                    f"({chain}); an IFC model has no such cycles and the IFC reader would "
                    "crash on it. Repair the file (in a text editor, or export it again)")
            if c is None:
                if nxt in refs:
                    colour[nxt] = 1
                    stack.append((nxt, iter(refs[nxt])))
                else:
                    colour[nxt] = 2
    return len(kinds)


__all__ = ["check_step"]
