"""Find the data files, and keep a compiled copy of them so queries never parse YAML twice.

The YAML files stay the source of truth. The compiled copy (an SQLite file, see `afrel.compiled`) is keyed
by a hash of their bytes and of the compiled format, so it is rebuilt whenever a file changes and is never
stale. Wheels ship a copy built at build time; otherwise the copy lives in the user's cache directory.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from afrel.compiled import FORMAT, StoredDataset, write
from afrel.errors import DataError, DataErrors
from afrel.model import Dataset

COMPILED_NAME = "compiled.sqlite"
DATA_DIR = Path(__file__).parent / "data"


def bundled_files() -> list[tuple[str, bytes]]:
    """The bundled data files as (name, bytes), named as in the source tree, e.g. data/events/russia.yaml."""
    return sorted((f"data/{path.relative_to(DATA_DIR).as_posix()}", path.read_bytes())
                  for path in DATA_DIR.rglob("*.yaml"))


def fingerprint(files: list[tuple[str, bytes]]) -> str:
    import hashlib

    digest = hashlib.sha256(FORMAT.encode())
    for name, content in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def parse_files(files: list[tuple[str, bytes]]) -> Dataset:
    """Parse and validate YAML files (the slow path, taken once per change of the data)."""
    from afrel.validate import build_dataset
    from afrel.yamlfile import read_yaml

    return build_dataset((name, read_yaml(content.decode("utf-8"), name)) for name, content in files)


def cache_dir() -> Path:
    if override := os.environ.get("AFREL_CACHE_DIR"):
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "afrel" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "afrel"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "afrel"


def load_bundled() -> Dataset:
    shipped = DATA_DIR / COMPILED_NAME
    if shipped.is_file():
        # A wheel's compiled copy was made from the very files installed beside it: no need to hash them.
        return StoredDataset(shipped)
    files = bundled_files()
    return _compiled_once("bundled", fingerprint(files), lambda: parse_files(files))


def _compiled_once(kind: str, key: str, build: Callable[[], Dataset]) -> Dataset:
    """The dataset compiled under `key` in the cache directory, built and stored first if it is not there."""
    cached = cache_dir() / f"{kind}-{key[:32]}.sqlite"
    try:
        stored = StoredDataset(cached)
        if stored.fingerprint == key:
            return stored
    except (sqlite3.Error, ValueError):
        pass
    dataset = build()
    dataset.fingerprint = key
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        write(dataset, temporary, key)
        os.replace(temporary, cached)
        return StoredDataset(cached)
    except (OSError, sqlite3.Error):
        return dataset  # a read-only or missing cache directory only costs speed, never correctness


def read_user_files(paths: list[Path]) -> list[tuple[str, bytes]]:
    """The bytes of every data file at the user's paths, named by path as the user gave it."""
    from afrel.load import data_files, read_bytes

    return [(str(file), read_bytes(file)) for path in paths for file in data_files(path)]


def check_user_files(files: list[tuple[str, bytes]], base: Dataset | None) -> tuple[Dataset, list[DataError]]:
    """Parse and check data files, laid over `base` if given; every problem in every file is returned."""
    from afrel.load import parse
    from afrel.validate import check_documents

    documents, problems = [], []
    for name, content in files:
        try:
            documents.append((name, parse(name, content)))
        except DataError as error:
            problems.append(error)
    dataset, more = check_documents(documents, base)
    return dataset, problems + more


def load_with_user_data(paths: list[Path], base: Dataset) -> Dataset:
    """The bundled data with the user's files laid over it, compiled once per change of either."""
    files = read_user_files(paths)
    if not files:
        return base

    def build() -> Dataset:
        dataset, problems = check_user_files(files, base)
        if problems:
            raise DataErrors(problems)
        return dataset

    return _compiled_once("user", fingerprint([*files, ("(bundled)", base.fingerprint.encode())]), build)
