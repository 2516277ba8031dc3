"""Every example in every command's --help runs as written, pipes included, and exits 0."""

import inspect
import os
import shutil
import subprocess
from importlib import import_module
from pathlib import Path

import pytest

from afrel.cli.app import COMMANDS, registry

FIXTURES = Path(__file__).parent / "fixtures"


def _examples() -> list[str]:
    for module in {module for module, _ in COMMANDS.values()}:
        import_module(module)
    found = []
    for info in registry.registered_commands:
        doc = inspect.getdoc(info.callback) or ""
        if "Examples:" in doc:
            found += [
                line.strip() for line in doc.split("Examples:")[1].splitlines() if line.strip().startswith("afrel")
            ]
    return found


def test_every_command_has_examples() -> None:
    commands = {example.split()[1] for example in _examples()}
    assert commands == set(COMMANDS)


@pytest.mark.parametrize("example", _examples())
def test_help_example_runs(example: str, tmp_path: Path) -> None:
    if shutil.which("afrel") is None or shutil.which("jq") is None:
        if os.environ.get("CI"):
            pytest.fail("afrel and jq must be on the PATH in CI")
        pytest.skip("afrel and jq on the PATH")
    # The files the validate examples name: a user data file and a folder of them.
    shutil.copy(FIXTURES / "user" / "events.yaml", tmp_path / "my-events.yaml")
    (tmp_path / "research").mkdir()
    shutil.copy(FIXTURES / "user" / "events.yaml", tmp_path / "research" / "events.yaml")
    env = {**os.environ, "AFREL_DATA": "", "COLUMNS": "100"}
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", example], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{example}\n{result.stderr}"
    assert "Traceback" not in result.stderr
