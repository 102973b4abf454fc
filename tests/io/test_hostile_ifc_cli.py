"""The self-referencing IFC of issue 14 on the command line (exit status and message, as a whole process).

Issue 14's acceptance: "The self-referencing IFC gives exit 1 with a message on the command
line". The library is tested in ``tests/io/test_import_hostile.py`` (``import_file``) and the app
in ``tests/app/test_browser.py``; this test runs ``orientation import`` the way a user does: as
a whole process (so a crash of the process would show as a signal, not a Python exception), and
in process through ``cli.main``. FZK-Haus from ``../shared/data`` with
``#115=IFCLOCALPLACEMENT(#115,#114)``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orientation.cli import main

ROOT = Path(__file__).resolve().parents[2]
FZK = ROOT.parent / "shared" / "data" / "ifc" / "fzk-haus" / "AC20-FZK-Haus.ifc"

pytestmark = pytest.mark.shared_data


@pytest.fixture
def cyclic_ifc(tmp_path) -> Path:
    pytest.importorskip("ifcopenshell", reason="IFC import needs the 'ifc' extra")
    if not FZK.is_file():
        pytest.skip(f"{FZK.resolve()} is absent: real building files are not available here")
    raw = FZK.read_bytes()
    bad = raw.replace(b"#115=IFCLOCALPLACEMENT($,#114);", b"#115=IFCLOCALPLACEMENT(#115,#114);")
    assert bad != raw, "FZK-Haus no longer has #115=IFCLOCALPLACEMENT($,#114)"
    src = tmp_path / "in" / "fzk-zyklisch.ifc"
    src.parent.mkdir()
    src.write_bytes(bad)
    return src


def test_orientation_import_as_a_process_exits_1_with_a_message(cyclic_ifc, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    out = work / "fzk.yaml"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-m", "orientation", "import", str(cyclic_ifc),
                           "-o", str(out)], capture_output=True, text=True, env=env,
                          cwd=work, timeout=300)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])  # not -11 (SIGSEGV)
    err = proc.stderr
    assert err.startswith(f"error: {cyclic_ifc}: "), err
    assert "#115 (IFCLOCALPLACEMENT) refers back to itself" in err
    assert "Repair the file" in err or "export it again" in err
    assert "Traceback" not in err
    assert proc.stdout == ""
    assert list(work.iterdir()) == []  # no site file, no temporary file


def test_cli_main_returns_1_and_writes_nothing(cyclic_ifc, tmp_path, capsys):
    out = tmp_path / "fzk.yaml"
    assert main(["import", str(cyclic_ifc), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "refers back to itself" in err and "Traceback" not in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
