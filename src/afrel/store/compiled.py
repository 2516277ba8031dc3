"""The compiled form of a data set: one SQLite file with indexes, read only as far as a query needs.

A query opens the file read-only and reads the countries (to resolve names) and the events its filter
selects through the indexes on counterpart, tag and date; the other records are read when first asked for.
Each record is stored as the JSON array of its fields, in the order of the model's named tuples.
"""

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from afrel.dates import PartialDate
from afrel.model import AlternativeDate, Correction, Country, Dispute, Era, Event, Observation, Origin, Relation, Source

FORMAT = "afrel-compiled-14"
_BATCH = 500  # ids per query: below SQLite's limit on parameters


class StoredDataset:
    """A compiled data set, read lazily from its SQLite file; see `afrel.model.Dataset`."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(self._db.execute("SELECT name, value FROM meta"))
        except sqlite3.DatabaseError as error:
            raise ValueError(f"not a compiled data set: {error}") from None
        if meta.get("format") != FORMAT:
            raise ValueError(f"compiled format {meta.get('format')!r}, expected {FORMAT!r}")
        self._meta: dict[str, str] = {str(name): str(value) for name, value in meta.items()}

    @property
    def version(self) -> str:
        return self._meta["version"]

    @property
    def fingerprint(self) -> str:
        return self._meta["fingerprint"]

    @property
    def signature(self) -> str:
        return self._meta["signature"]

    @cached_property
    def replaced(self) -> Mapping[str, Origin]:
        return {event_id: Origin(*origin) for event_id, origin in json.loads(self._meta["replaced"]).items()}

    def _records(self, table: str) -> Iterator[Any]:
        return (json.loads(record) for (record,) in self._db.execute(f"SELECT record FROM {table} ORDER BY rowid"))

    @cached_property
    def countries(self) -> Mapping[str, Country]:
        # Each record is read when first asked for: a query names a few countries of two hundred.
        return _LazyCountries(self._db)

    @cached_property
    def _successors(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT id, successor FROM countries WHERE successor IS NOT NULL").fetchall())

    def successors(self) -> Mapping[str, str]:
        return self._successors  # read once: `status` of every state asks for each state's predecessors

    def latest_event(self) -> Event | None:
        if "events" in self.__dict__:  # already read in full
            return self.events[-1] if self.events else None
        row = self._db.execute("SELECT record FROM events ORDER BY sort_day DESC, id DESC LIMIT 1").fetchone()
        return _event(json.loads(row[0])) if row else None

    @cached_property
    def observations(self) -> tuple[Observation, ...]:
        return tuple(_observation(row) for row in self._records("observations"))

    @cached_property
    def eras(self) -> tuple[Era, ...]:
        return tuple(_era(row) for row in self._records("eras"))

    @cached_property
    def relations(self) -> tuple[Relation, ...]:
        return tuple(_relation(row) for row in self._records("relations"))

    @cached_property
    def events(self) -> tuple[Event, ...]:
        return tuple(
            _event(json.loads(record))
            for (record,) in self._db.execute("SELECT record FROM events ORDER BY sort_day, id")
        )

    def event(self, event_id: str) -> Event | None:
        found = self.events_with_ids([event_id])
        return found[0] if found else None

    def events_with_ids(self, event_ids: Iterable[str]) -> tuple[Event, ...]:
        # The unique index on id answers; a query never reads the other events for this.
        wanted = list(dict.fromkeys(event_ids))
        rows = []
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            rows += self._db.execute(
                f"SELECT sort_day, id, record FROM events WHERE id IN ({', '.join('?' * len(batch))})", batch
            ).fetchall()
        return tuple(_event(json.loads(record)) for _, _, record in sorted(rows))

    def event_ids(self) -> tuple[str, ...]:
        return tuple(event_id for (event_id,) in self._db.execute("SELECT id FROM events ORDER BY sort_day, id"))

    def relations_of(self, countries: Iterable[str]) -> tuple[Relation, ...]:
        wanted = list(dict.fromkeys(countries))
        if "relations" in self.__dict__:  # already read in full
            return tuple(relation for relation in self.relations if relation.country in wanted)
        rows = self._db.execute(
            f"SELECT record FROM relations WHERE country IN ({', '.join('?' * len(wanted))}) ORDER BY rowid", wanted
        )
        return tuple(_relation(json.loads(record)) for (record,) in rows)

    def observations_of(self, countries: Iterable[str]) -> tuple[Observation, ...]:
        wanted = set(countries)
        if "observations" in self.__dict__:  # already read in full
            return tuple(observation for observation in self.observations if observation.country in wanted)
        countries = list(wanted)
        rows = self._db.execute(
            f"SELECT record FROM observations WHERE country IN ({', '.join('?' * len(countries))}) ORDER BY rowid",
            countries,
        )
        return tuple(_observation(json.loads(record)) for (record,) in rows)

    def candidates(
        self,
        countries: Iterable[str] = (),
        tags: Iterable[str] = (),
        first_day: date = date.min,
        last_day: date = date.max,
    ) -> Iterable[Event]:
        if "events" in self.__dict__:  # already read in full
            return self.events
        countries, tags = list(countries), list(tags)
        start, end = first_day.toordinal(), last_day.toordinal()
        where: list[str] = ["first_day <= ? AND last_day >= ?"]
        parameters: list[int | str] = [end, start]
        if countries:
            # The index on (country, last_day) finds the counterpart's events that end on or after the start.
            where.append(
                f"position IN (SELECT position FROM event_countries WHERE country IN "
                f"({', '.join('?' * len(countries))}) AND last_day >= ?)"
            )
            parameters += [*countries, start]
        if tags:
            where.append(f"position IN (SELECT position FROM event_tags WHERE tag IN ({', '.join('?' * len(tags))}))")
            parameters += tags
        rows = self._db.execute(
            f"SELECT record FROM events WHERE {' AND '.join(where)} ORDER BY sort_day, id", parameters
        )
        return [_event(json.loads(record)) for (record,) in rows]


class _LazyCountries(Mapping[str, Country]):
    """Countries by id, each read and decoded the first time it is asked for (all at once when listed)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._ids = [country_id for (country_id,) in db.execute("SELECT id FROM countries ORDER BY rowid")]
        self._known = set(self._ids)
        self._decoded: dict[str, Country] = {}

    def __getitem__(self, country_id: str) -> Country:
        if (country := self._decoded.get(country_id)) is None:
            if country_id not in self._known:
                raise KeyError(country_id)
            (record,) = self._db.execute("SELECT record FROM countries WHERE id = ?", (country_id,)).fetchone()
            country = self._decoded[country_id] = _country(json.loads(record))
        return country

    def __contains__(self, country_id: object) -> bool:
        return country_id in self._known

    def __iter__(self) -> Iterator[str]:
        if len(self._decoded) < len(self._ids):  # a listing: read the rest in one query
            for country_id, record in self._db.execute("SELECT id, record FROM countries"):
                self._decoded.setdefault(country_id, _country(json.loads(record)))
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


# From JSON arrays back to records.


def decoded(events: Iterable[Any]) -> tuple[Event, ...]:
    """Events, any still encoded for writing (`afrel.model.EncodedEvent`) decoded: for when no file is written."""
    return tuple(e if type(e) is Event else _event(json.loads(e.record)) for e in events)


def _date(value: list[Any] | None) -> PartialDate | None:
    return None if value is None else PartialDate(*value)


def _checks(row: list[Any]) -> tuple[PartialDate | None, tuple[Correction, ...]]:
    checked, corrections = row[:2]
    return _date(checked), tuple(Correction(*c) for c in corrections)


def _source(row: list[Any]) -> Source:
    title, url, publisher, accessed, author, *rest = row  # JSON has lists where the record has tuples
    return Source(title, url, publisher, accessed, tuple(author), *rest)


def _sources(rows: list[list[Any]]) -> tuple[Source, ...]:
    return tuple(_source(row) for row in rows)


def _event(row: list[Any]) -> Event:
    (event_id, when, title, summary, countries, tags, sources, origin, end, notes, alternatives, disputes) = row[:12]
    return Event(
        event_id,
        PartialDate(*when),
        title,
        summary,
        tuple(countries),
        tuple(tags),
        _sources(sources),
        Origin(*origin),
        _date(end),
        notes,
        tuple(AlternativeDate(PartialDate(*a[0]), a[1], a[2]) for a in alternatives),
        tuple(Dispute(*d) for d in disputes),
        *_checks(row[12:]),
    )


def _country(row: list[Any]) -> Country:
    country_id, name, kind, origin, formal_name, iso2, iso3, aliases, names, successor, start, end, un, region = row[
        :14
    ]
    return Country(
        country_id,
        name,
        kind,
        Origin(*origin),
        formal_name,
        iso2,
        iso3,
        tuple(aliases),
        tuple((language, text) for language, text in names),
        successor,
        _date(start),
        _date(end),
        un,
        region,
        _sources(row[14]),
    )


def _observation(row: list[Any]) -> Observation:
    (country, indicator, value, unit, year, source, origin, note) = row
    return Observation(country, indicator, value, unit, year, _source(source), Origin(*origin), note)


def _era(row: list[Any]) -> Era:
    (era_id, name, start, origin, sources, end) = row
    return Era(era_id, name, PartialDate(*start), Origin(*origin), _sources(sources), _date(end))


def _relation(row: list[Any]) -> Relation:
    (country, aspect, status, start, summary, sources, origin, government, end, as_of, events, notes) = row[:12]
    return Relation(
        country,
        aspect,
        status,
        PartialDate(*start),
        summary,
        _sources(sources),
        Origin(*origin),
        government,
        _date(end),
        _date(as_of),
        tuple(events),
        notes,
        *_checks(row[12:]),
        row[14],
        row[15],
    )
