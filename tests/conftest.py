"""Shared fixtures: the small fixture dataset, and a CLI runner that can use it instead of the bundled data."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from afrel import cli
from afrel.cli.environment import Environment
from afrel.model import Dataset
from afrel.store.cache import bundled_files, parse_files

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_files(folder: str) -> list[tuple[str, bytes]]:
    root = FIXTURES / folder
    return sorted((path.relative_to(FIXTURES).as_posix(), path.read_bytes()) for path in root.rglob("*.yaml"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFREL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    """The bundled data, read from its YAML files."""
    return parse_files(bundled_files())


@pytest.fixture(scope="session")
def small() -> Dataset:
    return parse_files(fixture_files("small"))


class Run:
    """Runs afrel in-process, in an environment of its own, and keeps stdout and stderr apart."""

    def __init__(self, dataset: Dataset | None = None) -> None:
        self.runner = CliRunner()
        self.environment = Environment(datasets={"bundled": dataset} if dataset else {})

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Any:
        # A fresh environment per call, sharing the loaded data: settings such as --color never leak.
        environment = Environment(datasets=self.environment.datasets)
        return self.runner.invoke(cli.app, list(args), env=env, obj=environment)

    def json(self, *args: str) -> Any:
        result = self(*args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Run:
    """afrel over the bundled data."""
    return Run()


@pytest.fixture
def run_small(small: Dataset) -> Run:
    """afrel over the small fixture dataset."""
    return Run(small)


# Chromium from the distribution, for the tests that open exports in a real browser.
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a closed network and no user profile: nothing may be fetched, nothing is remembered.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser() -> str:
    if BROWSER is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs the Debian package 'chromium'")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return BROWSER
