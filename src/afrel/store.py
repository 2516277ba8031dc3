"""Find the data files, and keep a compiled JSON copy of them so queries never parse YAML twice.

The YAML files stay the source of truth. The compiled copy is keyed by a hash of their bytes (and of the
compiled format), so it is rebuilt whenever a file changes and is never stale. Wheels ship a copy built at
build time; otherwise the copy lives in the user's cache directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from afrel.dates import PartialDate, parse_partial_date
from afrel.errors import DataError, DataErrors
from afrel.model import AlternativeDate, Country, Dataset, Dispute, Era, Event, Observation, Origin, Relation, Source

FORMAT = "afrel-compiled-3"
COMPILED_NAME = "compiled.json"


def bundled_files() -> list[tuple[str, bytes]]:
    """The bundled data files as (name, bytes), named as in the source tree, e.g. data/events/russia.yaml."""
    found: list[tuple[str, bytes]] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            name = f"{prefix}/{entry.name}"
            if entry.is_dir():
                walk(entry, name)
            elif entry.name.endswith(".yaml"):
                found.append((name, entry.read_bytes()))

    walk(resources.files("afrel") / "data", "data")
    return sorted(found)


def fingerprint(files: list[tuple[str, bytes]]) -> str:
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
    shipped = resources.files("afrel") / "data" / COMPILED_NAME
    try:
        # A wheel's compiled copy was made from the very files installed beside it: no need to hash them.
        return from_compiled(json.loads(shipped.read_bytes()))
    except (OSError, ValueError):
        pass
    files = bundled_files()
    return _compiled_once("bundled", fingerprint(files), lambda: parse_files(files))


def _compiled_once(kind: str, key: str, build: Callable[[], Dataset]) -> Dataset:
    """The dataset compiled under `key` in the cache directory, built and stored first if it is not there."""
    cached = cache_dir() / f"{kind}-{key[:32]}.json"
    try:
        compiled = json.loads(cached.read_bytes())
        if compiled.get("fingerprint") == key:
            return from_compiled(compiled)
    except (OSError, ValueError):
        pass
    dataset = replace(build(), fingerprint=key)
    _write_quietly(cached, to_compiled(dataset, key))
    return dataset


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


def _write_quietly(path: Path, document: dict[str, Any]) -> None:
    # A read-only or missing cache directory only costs speed, never correctness.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


# Compiled form: plain JSON, dates as their data-file strings.


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _source(source: Source) -> list[str]:
    return [source.title, source.url, source.publisher, source.accessed]


def to_compiled(dataset: Dataset, key: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "fingerprint": key,
        "version": dataset.version,
        "countries": [
            [c.id, c.name, c.kind, c.origin.file, c.origin.line, c.formal_name, c.iso2, c.iso3, list(c.aliases),
             [list(pair) for pair in c.names], c.successor, _date(c.start), _date(c.end)]
            for c in dataset.countries.values()
        ],
        "events": [
            [e.id, str(e.date), e.title, e.summary, list(e.countries), list(e.tags), [_source(s) for s in e.sources],
             e.origin.file, e.origin.line, _date(e.end_date), e.notes,
             [[str(a.date), a.source, a.note] for a in e.alternative_dates],
             [[d.claim, d.claimed_by, d.status, d.note] for d in e.disputes]]
            for e in dataset.events
        ],
        "observations": [
            [o.country, o.indicator, o.value, o.unit, o.year, _source(o.source), o.origin.file, o.origin.line, o.note]
            for o in dataset.observations
        ],
        "eras": [
            [r.id, r.name, str(r.start), r.origin.file, r.origin.line, [_source(s) for s in r.sources], _date(r.end)]
            for r in dataset.eras
        ],
        "relations": [
            [r.country, r.aspect, r.status, str(r.start), r.summary, [_source(s) for s in r.sources], r.origin.file,
             r.origin.line, r.government, _date(r.end), _date(r.as_of), list(r.events), r.notes]
            for r in dataset.relations
        ],
        "replaced": {event_id: [o.file, o.line] for event_id, o in dataset.replaced.items()},
    }


def _maybe_date(value: str | None) -> PartialDate | None:
    return None if value is None else parse_partial_date(value)


def from_compiled(compiled: dict[str, Any]) -> Dataset:
    countries = {
        row[0]: Country(row[0], row[1], row[2], Origin(row[3], row[4]), row[5], row[6], row[7], tuple(row[8]),
                        tuple((language, name) for language, name in row[9]), row[10], _maybe_date(row[11]),
                        _maybe_date(row[12]))
        for row in compiled["countries"]
    }
    events = tuple(
        Event(
            id=row[0], date=parse_partial_date(row[1]), title=row[2], summary=row[3], countries=tuple(row[4]),
            tags=tuple(row[5]), sources=tuple(Source(*s) for s in row[6]), origin=Origin(row[7], row[8]),
            end_date=_maybe_date(row[9]), notes=row[10],
            alternative_dates=tuple(AlternativeDate(parse_partial_date(a[0]), a[1], a[2]) for a in row[11]),
            disputes=tuple(Dispute(*d) for d in row[12]),
        )
        for row in compiled["events"]
    )
    observations = tuple(
        Observation(row[0], row[1], row[2], row[3], row[4], Source(*row[5]), Origin(row[6], row[7]), row[8])
        for row in compiled["observations"]
    )
    eras = tuple(
        Era(row[0], row[1], parse_partial_date(row[2]), Origin(row[3], row[4]), tuple(Source(*s) for s in row[5]),
            _maybe_date(row[6]))
        for row in compiled["eras"]
    )
    relations = tuple(
        Relation(row[0], row[1], row[2], parse_partial_date(row[3]), row[4], tuple(Source(*s) for s in row[5]),
                 Origin(row[6], row[7]), row[8], _maybe_date(row[9]), _maybe_date(row[10]), tuple(row[11]), row[12])
        for row in compiled["relations"]
    )
    replaced = {event_id: Origin(*origin) for event_id, origin in compiled["replaced"].items()}
    return Dataset(compiled["version"], events, countries, observations, eras, relations, compiled["fingerprint"],
                   replaced)
