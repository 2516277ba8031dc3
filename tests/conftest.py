"""Shared fixtures: the small fixture dataset, and a CLI runner that can use it instead of the bundled data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from afrel import cli
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
    """Runs afrel in-process and keeps stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Any:
        return self.runner.invoke(cli.app, list(args), env=env)

    def json(self, *args: str) -> Any:
        result = self(*args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Iterator[Run]:
    """afrel over the bundled data."""
    cli._cache.clear()
    yield Run()
    cli._cache.clear()


@pytest.fixture
def run_small(small: Dataset) -> Iterator[Run]:
    """afrel over the small fixture dataset."""
    cli._cache["bundled"] = small
    yield Run()
    cli._cache.clear()
