"""Data files' documents -> one checked data set: records read, layered over a base, and checked across records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from types import MappingProxyType
from typing import Any

from afrel.errors import DataError, DataErrors
from afrel.model import Country, Dataset, EncodedEvent, Origin, Relation
from afrel.store.memory import MemoryDataset
from afrel.store.quickread import well_formed_event
from afrel.store.records import READERS, SECTIONS, RecordReader


@dataclass
class Records:
    """What one layer of data files holds, read and checked record by record."""

    version: str = ""
    sections: dict[str, list[Any]] = dataclass_field(default_factory=lambda: {section: [] for section in READERS})


def read_records(
    documents: Iterable[tuple[str, Any]], problems: list[DataError], progress: Callable[[int], None] | None = None
) -> Records:
    """Read every record of every document; each problem found is added to `problems`.

    `progress`, if given, is told how many records have been read, every 10,000 records of a section.
    """
    records = Records()
    for file, document in documents:
        if not isinstance(document, dict):
            problems.append(DataError(file, 1, "(top)", f"expected a mapping with one of: {', '.join(SECTIONS)}"))
            continue
        for section, body in document.items():
            line = document.line_of(section) if hasattr(document, "line_of") else 1
            if section == "meta":
                meta = RecordReader(body, file, "meta", problems, line)
                if meta.fields({"version"}, ("version",)):
                    records.version = meta.text("version") or records.version
                continue
            if section not in READERS:
                problems.append(DataError(file, line, section, f"unknown section (known: {', '.join(SECTIONS)})"))
                continue
            if not isinstance(body, list):
                problems.append(DataError(file, line, section, "expected a list of records"))
                continue
            for index, item in enumerate(body):
                if progress and index % 10_000 == 9_999:
                    progress(10_000)
                if section == "events" and type(item) is EncodedEvent:  # checked already, by a worker
                    records.sections["events"].append(item)
                    continue
                if section == "events" and (event := well_formed_event(item, file, line)):
                    records.sections["events"].append(event)
                    continue
                record = RecordReader(item, file, f"{section}[{index}]", problems, line)
                value = READERS[section](record)
                if value is not None:
                    records.sections[section].append(value)
    return records


def check_documents(
    documents: Iterable[tuple[str, Any]], base: Dataset | None = None, progress: Callable[[int], None] | None = None
) -> tuple[MemoryDataset, list[DataError]]:
    """Read the documents, lay them over `base` (the bundled data) and check ids and cross-references.

    A record with the id of one in `base` replaces it; two records with one id in the same layer are an error.
    """
    problems: list[DataError] = []
    records = read_records(documents, problems, progress)
    for section in ("countries", "events", "eras"):
        _check_unique(records.sections[section], problems)
    sections = records.sections
    replaced: dict[str, Origin] = {}
    if base is not None:
        own_events = {event.id for event in sections["events"]}
        replaced = {event.id: event.origin for event in base.events if event.id in own_events}
        sections = {
            "countries": _overlay(list(base.countries.values()), sections["countries"]),
            "events": _overlay(list(base.events), sections["events"]),
            "eras": _overlay(list(base.eras), sections["eras"]),
            "observations": [*base.observations, *sections["observations"]],
            "relations": [*base.relations, *sections["relations"]],
        }
    _check_references(sections, problems)
    countries = _with_names({country.id: country for country in sections["countries"]}, records, problems)
    countries = _with_lifetimes(countries, records, problems)
    dataset = MemoryDataset(
        version=records.version or (base.version if base else "unversioned"),
        events=tuple(sorted(sections["events"], key=lambda event: event.sort_key)),
        countries=countries,
        observations=tuple(sections["observations"]),
        eras=tuple(sorted(sections["eras"], key=lambda era: era.start.sort_key)),
        relations=tuple(sorted(sections["relations"], key=lambda r: (r.country, r.aspect, r.start.sort_key))),
        replaced=MappingProxyType(replaced),
    )
    return dataset, problems


def build_dataset(documents: Iterable[tuple[str, Any]], base: Dataset | None = None) -> MemoryDataset:
    dataset, problems = check_documents(documents, base)
    if problems:
        raise DataErrors(problems)
    return dataset


def _with_names(countries: dict[str, Country], records: Records, problems: list[DataError]) -> dict[str, Country]:
    """Countries with the generated names of each added, for languages whose names the record does not keep."""
    for extra in records.sections["country_names"]:
        country = countries.get(extra.country)
        if country is None:
            problems.append(
                DataError(extra.origin.file, extra.origin.line, "country", f"unknown country {extra.country!r}")
            )
            continue
        kept = {language for language, _ in country.names}
        added = tuple((language, name) for language, name in extra.names if language not in kept)
        countries[extra.country] = country._replace(
            names=country.names + added, un=country.un or extra.un, region=country.region or extra.region
        )
    return countries


def _with_lifetimes(countries: dict[str, Country], records: Records, problems: list[DataError]) -> dict[str, Country]:
    """Countries with their dated start and end of existence, and the works that date them, applied."""
    for lifetime in records.sections["lifetimes"]:
        country = countries.get(lifetime.country)
        file, line = lifetime.origin.file, lifetime.origin.line
        if country is None:
            problems.append(DataError(file, line, "country", f"unknown country {lifetime.country!r}"))
        elif country.sources or (lifetime.start and country.start) or (lifetime.end and country.end):
            problems.append(DataError(file, line, "country", f"{lifetime.country} already has a dated lifetime"))
        else:
            countries[lifetime.country] = country._replace(
                start=lifetime.start or country.start, end=lifetime.end or country.end, sources=lifetime.sources
            )
    return countries


def _overlay(base: list[Any], own: list[Any]) -> list[Any]:
    ids = {record.id for record in own}
    return [record for record in base if record.id not in ids] + own


def _check_unique(records: list[Any], problems: list[DataError]) -> None:
    seen: dict[str, Any] = {}
    for record in records:
        if record.id in seen:
            first = seen[record.id].origin
            problems.append(
                DataError(
                    record.origin.file,
                    record.origin.line,
                    "id",
                    f"duplicate id {record.id!r} (first in {first.file}:{first.line})",
                )
            )
        else:
            seen[record.id] = record


def _check_references(records: dict[str, list[Any]], problems: list[DataError]) -> None:
    known = {country.id for country in records["countries"]}
    for country in records["countries"]:
        if country.successor and country.successor not in known:
            problems.append(
                DataError(
                    country.origin.file, country.origin.line, "successor", f"unknown country {country.successor!r}"
                )
            )
    for event in records["events"]:
        if known.issuperset(event.countries):  # nearly always: a million events are checked in C
            continue
        for name in event.countries:
            if name not in known:
                problems.append(
                    DataError(
                        event.origin.file,
                        event.origin.line,
                        "countries",
                        f"unknown country {name!r} in event {event.id!r}",
                    )
                )
    for observation in records["observations"]:
        if observation.country not in known:
            problems.append(
                DataError(
                    observation.origin.file,
                    observation.origin.line,
                    "country",
                    f"unknown country {observation.country!r}",
                )
            )
    _check_relations(records, known, problems)


def _check_relations(records: dict[str, list[Any]], known: set[str], problems: list[DataError]) -> None:
    eras = {era.id for era in records["eras"]}
    events = {event.id for event in records["events"]}
    periods: dict[tuple[str, str, str | None], list[Relation]] = {}
    for relation in records["relations"]:
        where = relation.origin
        if relation.country not in known:
            problems.append(DataError(where.file, where.line, "country", f"unknown country {relation.country!r}"))
        if relation.government and relation.government not in eras:
            problems.append(
                DataError(
                    where.file,
                    where.line,
                    "government",
                    f"unknown era {relation.government!r} (known: {', '.join(sorted(eras))})",
                )
            )
        for event_id in relation.events:
            if event_id not in events:
                problems.append(DataError(where.file, where.line, "events", f"unknown event {event_id!r}"))
        periods.setdefault((relation.country, relation.aspect, relation.government), []).append(relation)
    for group in periods.values():
        group.sort(key=lambda r: r.start.sort_key)
        for earlier, later in zip(group, group[1:], strict=False):
            # Periods of one aspect follow each other. One may end in the month or year the next starts in
            # ("1978" and "1978"): the change fell somewhere in it.
            if earlier.end is None or later.start.first_day < earlier.end.first_day:
                problems.append(
                    DataError(
                        later.origin.file,
                        later.origin.line,
                        "start",
                        f"{later.country} {later.aspect} period from {later.start} "
                        f"overlaps the one from {earlier.start}"
                        f" ({earlier.origin.file}:{earlier.origin.line})",
                    )
                )
