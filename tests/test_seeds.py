"""The acceptance corpus: an audit of ../shared/seeds meets every expectation in EXPECTED.yaml, as judged
by the shared scoring script."""
from __future__ import annotations

import subprocess
import sys

from conftest import REFERENCE_DATE, ROOT, SHARED, needs_shared


@needs_shared
def test_seed_expectations_all_met(tmp_path):
    out = tmp_path / "seeds"
    audit = subprocess.run([sys.executable, "-m", "checker.cli", "audit", str(SHARED / "seeds"), "--out", str(out),
                            "--reference-date", REFERENCE_DATE.isoformat(), "--fail-on", "never"],
                           capture_output=True, text=True, cwd=ROOT)
    assert audit.returncode == 0, audit.stderr
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_seeds.py"), str(SHARED / "seeds" / "EXPECTED.yaml"),
                            str(out)], capture_output=True, text=True)
    print(check.stdout)
    assert check.returncode == 0, check.stdout
    last = check.stdout.strip().splitlines()[-1]
    met, total = last.split()[1].split("/")
    assert met == total and int(total) > 0
