"""Find the data files, and keep a compiled copy of them so queries never parse YAML twice.

The data files stay the source of truth. The compiled copy (an SQLite file, see `afrel.store.compiled`) records the
size, modification time and change time of every file it was built from, and is rebuilt as soon as one of
them differs, so it is never stale (docs/decisions.md explains why this signature, rather than a hash of the
bytes, decides). Wheels ship a copy built at build time; otherwise the copy lives in the user's cache
directory.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from afrel.errors import DataError, DataErrors
from afrel.model import Dataset
from afrel.store.compiled import FORMAT, StoredDataset, decoded

if TYPE_CHECKING:
    from afrel.store.memory import MemoryDataset
    from afrel.store.writer import Writer

COMPILED_NAME = "compiled.sqlite"
DATA_DIR = Path(__file__).parent.parent / "data"
# data/checks holds what `afrel validate` checks the data against; it is not data itself.
CHECKS_DIR = "checks"


def bundled_paths() -> list[Path]:
    found: list[Path] = []

    def walk(folder: str) -> None:
        for entry in os.scandir(folder):
            if entry.is_dir():
                if entry.name != CHECKS_DIR:
                    walk(entry.path)
            elif entry.name.endswith(".yaml"):
                found.append(Path(entry.path))

    walk(str(DATA_DIR))
    return sorted(found)


def bundled_files() -> list[tuple[str, bytes]]:
    """The bundled data files as (name, bytes), named as in the source tree, e.g. data/events/russia.yaml."""
    return [(f"data/{path.relative_to(DATA_DIR).as_posix()}", path.read_bytes()) for path in bundled_paths()]


def signature(paths: list[Path]) -> str:
    """What changes whenever a file is written: its size and its modification and change times, in ns.

    The change time cannot be set back by a program (unlike the modification time), so a file rewritten
    with the same size and an old modification time still shows a new signature.
    """
    lines = []
    for path in paths:
        info = path.stat()
        lines.append(f"{path}\t{info.st_size}\t{info.st_mtime_ns}\t{info.st_ctime_ns}\t{info.st_ino}")
    return "\n".join(lines)


def fingerprint(files: list[tuple[str, bytes]]) -> str:
    import hashlib

    digest = hashlib.sha256(FORMAT.encode())
    for name, content in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def parse_files(files: list[tuple[str, bytes]]) -> MemoryDataset:
    """Parse and validate YAML files (the slow path, taken once per change of the data)."""
    from afrel.store.assemble import build_dataset
    from afrel.store.yamlfile import read_yaml

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
        # A wheel's compiled copy was made from the very files installed beside it.
        return StoredDataset(shipped)
    paths = bundled_paths()

    def build(_: Writer | None) -> MemoryDataset:
        from dataclasses import replace

        files = bundled_files()
        return replace(parse_files(files), fingerprint=fingerprint(files))

    return _compiled_once("bundled", signature(paths), build)


def _compiled_once(
    kind: str,
    signed: str,
    build: Callable[[Writer | None], MemoryDataset],
    written: Callable[[int, int], None] | None = None,
) -> Dataset:
    """The dataset compiled from files with this signature, built and stored in the cache first if need be.

    `build` is given the writer of the new compiled file (None if the cache cannot be written), to write events
    to as it reads them, if it can.
    """
    import contextlib
    import gc
    import zlib

    # One cache file per set of paths: a new version of the files replaces the old copy.
    paths = "\n".join(line.split("\t")[0] for line in signed.splitlines())
    cached = cache_dir() / f"{kind}-{zlib.crc32(paths.encode()):08x}.sqlite"
    try:
        stored = StoredDataset(cached)
        if stored.signature == signed:
            return stored
    except (sqlite3.Error, ValueError):
        pass
    from afrel.store.writer import Writer  # only now: a query of compiled data never needs it

    # Building makes millions of objects and frees none: the cycle collector would only rescan them.
    gc.disable()
    writer = None
    try:
        with contextlib.suppress(OSError, sqlite3.Error):
            cached.parent.mkdir(parents=True, exist_ok=True)
            writer = Writer(cached.with_suffix(f".{os.getpid()}.tmp"))
        dataset = build(writer)
        if writer is not None:
            with contextlib.suppress(OSError, sqlite3.Error):
                writer.finish(dataset, signed, written)
                os.replace(writer.path, cached)
                return StoredDataset(cached)
        # A read-only or missing cache directory only costs speed, never correctness.
        from dataclasses import replace

        return replace(dataset, events=decoded(dataset.events))
    finally:
        if writer is not None:
            writer.discard()  # only a file that was not written in full is still there
        gc.enable()


def read_user_files(paths: list[Path]) -> list[tuple[str, bytes]]:
    """The bytes of every data file at the user's paths, named by path as the user gave it."""
    from afrel.store.load import read_bytes
    from afrel.store.locations import data_files

    return [(str(file), read_bytes(file)) for path in paths for file in data_files(path)]


# Told which stage a first load is at, and how far it has got: (stage, amount done since the last call, total).
Progress = Callable[[str, int, int], None]


def check_user_files(
    files: list[tuple[str, bytes]], base: Dataset | None, progress: Progress | None = None, writer: Writer | None = None
) -> tuple[MemoryDataset, list[DataError]]:
    """Parse and check data files, laid over `base` if given; every problem in every file is returned.

    Events that worker processes read are given to `writer`, if any, as they come (see `afrel.store.bulk`).
    """
    from afrel.store.assemble import check_documents
    from afrel.store.load import parse

    documents, problems = [], []
    size = sum(len(content) for _, content in files)
    read = (lambda amount: progress("Reading your data", amount, size)) if progress else None
    for name, content in files:
        try:
            documents.append((name, parse(name, content, read, writer.add_events if writer else None)))
        except DataError as error:
            problems.append(error)
    records = sum(
        len(body)
        for _, document in documents
        if isinstance(document, dict)
        for body in document.values()
        if isinstance(body, list)
    )
    step = (lambda done: progress("Checking records", done, records)) if progress else None
    dataset, more = check_documents(documents, base, step)
    return dataset, problems + more


def load_with_user_data(paths: list[Path], base: Dataset, progress: Progress | None = None) -> Dataset:
    """The bundled data with the user's files laid over it, compiled once per change of either."""
    from afrel.store.locations import data_files

    found = [file for path in paths for file in data_files(path)]
    if not found:
        return base

    def build(writer: Writer | None) -> MemoryDataset:
        from dataclasses import replace

        files = read_user_files(paths)
        dataset, problems = check_user_files(files, base, progress, writer)
        if problems:
            raise DataErrors(problems)
        return replace(dataset, fingerprint=fingerprint([*files, ("(bundled)", base.fingerprint.encode())]))

    written = (lambda done, total: progress("Writing the index", done, total)) if progress else None
    return _compiled_once("user", f"(bundled {base.fingerprint})\n" + signature(found), build, written)
