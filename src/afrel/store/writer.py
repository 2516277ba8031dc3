"""Writing the compiled form of a data set (read by `afrel.store.compiled`): one SQLite file with indexes.

Each record is stored as the JSON array of its fields, in the order of the model's named tuples. Only a
first load writes; queries never import this module.
"""

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path

from afrel.model import Dataset, EncodedEvent, Event
from afrel.store.compiled import FORMAT

_TABLES = """
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE countries(id TEXT PRIMARY KEY, successor TEXT, record TEXT NOT NULL);
CREATE TABLE observations(country TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE eras(record TEXT NOT NULL);
CREATE TABLE relations(country TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE events(position INTEGER PRIMARY KEY, id TEXT NOT NULL, sort_day INTEGER NOT NULL,
                    first_day INTEGER NOT NULL, last_day INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE event_countries(country TEXT NOT NULL, last_day INTEGER NOT NULL, position INTEGER NOT NULL);
CREATE TABLE event_tags(tag TEXT NOT NULL, position INTEGER NOT NULL);
"""
# Built after the rows are in: one sort per index instead of an update per row.
_INDEXES = """
CREATE UNIQUE INDEX events_by_id ON events(id);
CREATE INDEX observations_by_country ON observations(country);
CREATE INDEX events_by_last_day ON events(last_day);
CREATE INDEX event_countries_by_country ON event_countries(country, last_day, position);
CREATE INDEX event_tags_by_tag ON event_tags(tag, position);
"""


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# Named tuples, partial dates included, are written as JSON arrays.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


_EVENT_COLUMNS = itemgetter(0, 1, 2, 3, 6)  # id, sort_day, first_ordinal, last_ordinal, record


def encoded(event: Event | EncodedEvent) -> EncodedEvent:
    if isinstance(event, EncodedEvent):
        return event
    return EncodedEvent(
        event.id,
        event.when.sort_key,
        event.first_day.toordinal(),
        event.last_day.toordinal(),
        event.countries,
        event.tags,
        _dumps(event),
        *event.origin,
    )


_BATCH = 20_000  # events written per transaction step, and per progress report


class Writer:
    """Writes a new compiled file: events as they are read (`add_events`), then the rest of the data set (`finish`).

    Events are stored in the order they come, and read back in date order through the `sort_day` column.
    Events read by worker processes are written while the rest of the file is still being read.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path)
        self.count = 0
        self.written: set[str] = set()  # ids
        self.failure: Exception | None = None
        # No journal: a file left half-written is never used (see afrel.store.cache).
        # Helper threads sort for the indexes.
        self.db.executescript(
            f"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA threads = {usable_cpus()};" + _TABLES
        )

    def add_events(self, events: list[EncodedEvent]) -> None:
        """Write these events; a failure to write is raised by `finish`, so that reading goes on regardless."""
        if self.failure:
            return
        first = self.count + 1
        try:
            # Positions are numbered from 1 in the order events come, as SQLite numbers rows not given a number.
            self.db.executemany(
                "INSERT INTO events(id, sort_day, first_day, last_day, record) VALUES (?, ?, ?, ?, ?)",
                map(_EVENT_COLUMNS, events),
            )
            self.db.executemany(
                "INSERT INTO event_countries VALUES (?, ?, ?)",
                (
                    (country, e.last_ordinal, position)
                    for position, e in enumerate(events, first)
                    for country in set(e.countries)
                ),
            )
            self.db.executemany(
                "INSERT INTO event_tags VALUES (?, ?)",
                ((tag, position) for position, e in enumerate(events, first) for tag in set(e.tags)),
            )
        except (OSError, sqlite3.Error) as error:
            self.failure = error
        self.written.update(e.id for e in events)
        self.count += len(events)

    def finish(
        self,
        dataset: Dataset,
        signature: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Write the rest of `dataset` and the indexes.

        `progress` is told how many more events are written, of how many.

        `signature` identifies the files the data set was read from (see `afrel.store.signature`).
        """
        db = self.db
        try:
            if self.failure:
                raise self.failure
            meta = {
                "format": FORMAT,
                "fingerprint": dataset.fingerprint,
                "signature": signature,
                "version": dataset.version,
                "replaced": _dumps({event_id: origin for event_id, origin in dataset.replaced.items()}),
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.executemany(
                "INSERT INTO countries VALUES (?, ?, ?)",
                ((c.id, c.successor, _dumps(c)) for c in dataset.countries.values()),
            )
            db.executemany("INSERT INTO eras VALUES (?)", ((_dumps(era),) for era in dataset.eras))
            db.executemany("INSERT INTO relations VALUES (?, ?)", ((r.country, _dumps(r)) for r in dataset.relations))
            db.executemany(
                "INSERT INTO observations VALUES (?, ?)", ((o.country, _dumps(o)) for o in dataset.observations)
            )
            events = [e for e in dataset.events if e.id not in self.written]
            if self.count + len(events) != len(dataset.events):
                raise ValueError("events were written that the data set does not hold")
            if progress and self.count:
                progress(self.count, len(dataset.events))
            for start in range(0, len(events), _BATCH):
                batch = list(map(encoded, events[start : start + _BATCH]))
                self.add_events(batch)
                if progress:
                    progress(len(batch), len(dataset.events))
            # Statistics from a sample of each index: as good for choosing plans, and no pass over a million rows.
            db.executescript(_INDEXES + "PRAGMA analysis_limit = 1000; ANALYZE;")
            db.commit()
        finally:
            db.close()

    def discard(self) -> None:
        """Close the file and remove it, if it is still there."""
        self.db.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def write(
    dataset: Dataset,
    path: Path,
    signature: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write `dataset` to a new SQLite file (see `Writer.finish`)."""
    Writer(path).finish(dataset, signature, progress)
