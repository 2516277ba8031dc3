"""README's example outputs are what the program prints (tools/readme.py regenerates them)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_readme_examples_are_current() -> None:
    if shutil.which("afrel") is None or shutil.which("jq") is None:
        if os.environ.get("CI"):
            pytest.fail("afrel and jq must be on the PATH in CI")
        pytest.skip("afrel and jq on the PATH")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "readme.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr + result.stdout
