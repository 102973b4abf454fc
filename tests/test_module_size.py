"""No module of ``src/orientation`` is over :data:`MAX_LINES` lines (issue 15: "no module over
about 600 lines"), so that every concern keeps a home a reader can take in.

A module that has to be longer is listed in :data:`EXCEPTIONS` with the reason; the list may
only shrink: an exception that is back under the limit (or gone) fails too (remove it).
"""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "orientation"

#: The most lines a module may have ("about 600", with room for a docstring's growth).
MAX_LINES = 650

#: Modules allowed over :data:`MAX_LINES` (path relative to ``src/orientation``) -> why.
EXCEPTIONS: dict[str, str] = {}


def _line_counts(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
            for p in sorted(root.rglob("*.py"))}


def test_no_module_is_over_the_limit():
    counts = _line_counts(SRC)
    assert counts, f"no modules found under {SRC}"
    over = {m: n for m, n in counts.items() if n > MAX_LINES and m not in EXCEPTIONS}
    assert not over, (f"modules over {MAX_LINES} lines (split them along their concerns, or "
                      f"list them in EXCEPTIONS with the reason): {over}")


def test_exceptions_only_shrink():
    counts = _line_counts(SRC)
    stale = [m for m in EXCEPTIONS if counts.get(m, 0) <= MAX_LINES]
    assert not stale, f"these are no longer over {MAX_LINES} lines: remove them: {stale}"


def test_the_count_sees_a_long_module(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "short.py").write_text("x = 1\n", encoding="utf-8")
    counts = _line_counts(tmp_path)
    assert counts == {"pkg/long.py": MAX_LINES + 1, "short.py": 1}
