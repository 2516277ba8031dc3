"""Raw mappings read from data files -> model records; every problem names its file, line and field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from afrel.dates import DateError, PartialDate, parse_partial_date
from afrel.errors import DataError, DataErrors
from afrel.model import (
    CHECKED_DOCUMENTS,
    COUNTRY_KINDS,
    DISPUTE_STATUSES,
    INDICATORS,
    NAME_LANGUAGES,
    RELATION_ASPECTS,
    SOURCE_KINDS,
    TAGS,
    AlternativeDate,
    Country,
    Dataset,
    Dispute,
    EncodedEvent,
    Era,
    Event,
    Observation,
    Origin,
    Relation,
    Source,
)
from afrel.store.memory import MemoryDataset

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_URL = re.compile(r"https?://\S+")
# Embedding, override and isolate controls and directional marks can make text display in another order
# than it is stored; data must not carry them.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

EVENT_FIELDS = {
    "id",
    "date",
    "end_date",
    "title",
    "summary",
    "countries",
    "tags",
    "sources",
    "notes",
    "alternative_dates",
    "disputes",
}
SOURCE_FIELDS = {"publisher", "title", "author", "published", "url", "locator", "kind", "language", "accessed", "via"}
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
COUNTRY_FIELDS = {"id", "name", "kind", "formal_name", "iso2", "iso3", "aliases", "names", "successor", "start", "end"}
OBSERVATION_FIELDS = {"country", "indicator", "value", "unit", "year", "source", "note"}
ERA_FIELDS = {"id", "name", "start", "end", "sources"}
RELATION_FIELDS = {
    "country",
    "aspect",
    "status",
    "government",
    "start",
    "end",
    "as_of",
    "summary",
    "events",
    "sources",
    "notes",
}
SECTIONS = ("meta", "countries", "events", "observations", "eras", "relations")


class _Record:
    """Reads the fields of one mapping and collects what is wrong with them."""

    def __init__(self, mapping: Any, file: str, where: str, problems: list[DataError], line: int = 0):
        self.file = file
        self.where = where
        self.problems = problems
        self.is_mapping = isinstance(mapping, dict)
        self.mapping = mapping if self.is_mapping else {}
        self.line = getattr(mapping, "line", line)
        if not self.is_mapping:
            self.problem(where, "expected a mapping of fields")

    def line_of(self, key: str) -> int:
        line_of = getattr(self.mapping, "line_of", None)
        return line_of(key) if line_of else self.line

    def problem(self, field: str, message: str, line: int | None = None) -> None:
        self.problems.append(DataError(self.file, line or self.line, field, message))

    def fields(self, allowed: set[str], required: Iterable[str]) -> bool:
        if not self.is_mapping:
            return False
        for key in self.mapping:
            if key not in allowed:
                self.problem(
                    f"{self.where}.{key}", f"unknown field (allowed: {', '.join(sorted(allowed))})", self.line_of(key)
                )
        missing = [key for key in required if key not in self.mapping]
        for key in missing:
            self.problem(f"{self.where}.{key}", "missing required field")
        return not missing

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.mapping.get(key)
        if value is None:
            if required and key in self.mapping:
                self.problem(f"{self.where}.{key}", "must not be empty", self.line_of(key))
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(f"{self.where}.{key}", "expected text", self.line_of(key))
            return None
        text = str(value).strip()
        if required and not text:
            self.problem(f"{self.where}.{key}", "must not be empty", self.line_of(key))
        if _BIDI.search(text):
            self.problem(f"{self.where}.{key}", "contains a Unicode bidirectional control character", self.line_of(key))
        return text

    def partial_date(self, key: str) -> PartialDate | None:
        value = self.mapping.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # an unquoted year
        if not isinstance(value, str):
            self.problem(
                f"{self.where}.{key}",
                'write dates as quoted strings: "1919", "1919-08", "1919-08-08"',
                self.line_of(key),
            )
            return None
        try:
            return parse_partial_date(value)
        except DateError as error:
            self.problem(f"{self.where}.{key}", str(error), self.line_of(key))
            return None

    def ident(self, key: str = "id") -> str | None:
        value = self.text(key)
        if value and not _ID.fullmatch(value):
            self.problem(
                f"{self.where}.{key}", f"{value!r} is not a lowercase slug (a-z, 0-9, hyphens)", self.line_of(key)
            )
        return value

    def items(self, key: str, required: bool = False) -> list[tuple[Any, int, str]]:
        """The elements of a list field, each with its line and its field path."""
        value = self.mapping.get(key)
        field = f"{self.where}.{key}"
        if value is None:
            if required and key in self.mapping:
                self.problem(field, "must not be empty", self.line_of(key))
            return []
        if not isinstance(value, list):
            self.problem(field, "expected a list", self.line_of(key))
            return []
        if required and not value:
            self.problem(field, "must not be empty", self.line_of(key))
        line = self.line_of(key)
        return [(item, getattr(item, "line", line), f"{field}[{index}]") for index, item in enumerate(value)]

    def strings(self, key: str, required: bool = False) -> tuple[str, ...]:
        result = []
        for item, line, field in self.items(key, required):
            if not isinstance(item, str) or not item.strip():
                self.problem(field, "expected non-empty text", line)
            elif _BIDI.search(item):
                self.problem(field, "contains a Unicode bidirectional control character", line)
            else:
                result.append(item.strip())
        return tuple(result)

    def origin(self) -> Origin:
        return Origin(self.file, self.line)

    def nested(self, item: Any, field: str, line: int) -> _Record:
        return _Record(item, self.file, field, self.problems, line)


def _source(record: _Record) -> Source | None:
    known_problems = len(record.problems)
    if not record.fields(SOURCE_FIELDS, ("title", "publisher")):
        return None
    title, url, publisher = record.text("title"), record.text("url", required=False), record.text("publisher")
    via, locator = record.text("via", required=False), record.text("locator", required=False)
    kind, language = record.text("kind", required=False), record.text("language", required=False)
    accessed, published = record.partial_date("accessed"), record.partial_date("published")
    author = record.strings("author")
    for key, address in (("url", url), ("via", via)):
        if address and not _URL.fullmatch(address):
            record.problem(f"{record.where}.{key}", f"{address!r} is not an http(s) URL", record.line_of(key))
    if not (url or via or locator or published):
        record.problem(
            f"{record.where}.url", "give the work's url, or for a work in print its published date or locator"
        )
    if kind and kind not in SOURCE_KINDS:
        record.problem(f"{record.where}.kind", f"expected one of {', '.join(SOURCE_KINDS)}", record.line_of("kind"))
    if language and not _LANGUAGE.fullmatch(language):
        record.problem(
            f"{record.where}.language",
            f"{language!r} is not a language code such as en, fa or pt-BR",
            record.line_of("language"),
        )
    if accessed and accessed.day is None:
        record.problem(
            f"{record.where}.accessed", "give the full day the work was consulted", record.line_of("accessed")
        )
    if (
        title
        and publisher
        and len(record.problems) == known_problems
        and (accessed or "accessed" not in record.mapping)
    ):
        return Source(
            title,
            url or None,
            publisher,
            accessed.iso() if accessed else None,
            author,
            published.iso() if published else None,
            locator or None,
            kind or None,
            language or None,
            via or None,
        )
    return None


def _sources(record: _Record, key: str = "sources") -> tuple[Source, ...]:
    found = (_source(record.nested(item, field, line)) for item, line, field in record.items(key, required=True))
    return tuple(source for source in found if source)


def _event(record: _Record) -> Event | None:
    complete = record.fields(EVENT_FIELDS, ("id", "date", "title", "summary", "countries", "tags", "sources"))
    ident, date, end = record.ident(), record.partial_date("date"), record.partial_date("end_date")
    title, summary, notes = record.text("title"), record.text("summary"), record.text("notes", required=False)
    countries, tags = record.strings("countries", required=True), record.strings("tags", required=True)
    sources = _sources(record)
    for tag in tags:
        if tag not in TAGS:
            record.problem(
                f"{record.where}.tags", f"unknown tag {tag!r} (known: {', '.join(TAGS)})", record.line_of("tags")
            )
    if "afghanistan" in countries:
        record.problem(
            f"{record.where}.countries", "name the counterparts only, not afghanistan", record.line_of("countries")
        )
    if date and end and end.last_day < date.first_day:
        record.problem(
            f"{record.where}.end_date", f"ends ({end}) before it starts ({date})", record.line_of("end_date")
        )
    urls = {address for source in sources for address in (source.url, source.via) if address}
    alternatives = []
    for item, line, field in record.items("alternative_dates"):
        alt = record.nested(item, field, line)
        if alt.fields({"date", "source", "note"}, ("date", "source", "note")):
            alt_date, alt_source, note = alt.partial_date("date"), alt.text("source"), alt.text("note")
            if alt_source and alt_source not in urls:
                alt.problem(f"{field}.source", "must be the URL of one of the event's sources", alt.line_of("source"))
            if alt_date and alt_source and note:
                alternatives.append(AlternativeDate(alt_date, alt_source, note))
    disputes = []
    for item, line, field in record.items("disputes"):
        dispute = record.nested(item, field, line)
        if dispute.fields({"claim", "claimed_by", "status", "note"}, ("claim", "claimed_by", "status", "note")):
            claim, by = dispute.text("claim"), dispute.text("claimed_by")
            status, note = dispute.text("status"), dispute.text("note")
            if by and by not in CHECKED_DOCUMENTS:
                dispute.problem(f"{field}.claimed_by", f"expected one of {', '.join(CHECKED_DOCUMENTS)}")
            if status and status not in DISPUTE_STATUSES:
                dispute.problem(f"{field}.status", f"expected one of {', '.join(DISPUTE_STATUSES)}")
            if claim and by and status and note:
                disputes.append(Dispute(claim, by, status, note))
    if not (complete and ident and date and title and summary and countries and tags and sources):
        return None
    return Event(
        id=ident,
        when=date,
        end_date=end,
        title=title,
        summary=summary,
        countries=countries,
        tags=tags,
        sources=sources,
        notes=notes or None,
        alternative_dates=tuple(alternatives),
        disputes=tuple(disputes),
        origin=record.origin(),
    )


# Most records of a large file are well formed. This reads such an event at a fraction of `_event`'s cost;
# anything unusual (an end date, alternative dates, disputes, text to strip, any problem at all) returns None
# and goes through `_event`, which names every problem. A test checks that both agree.
_QUICK_FIELDS = {"id", "date", "title", "summary", "countries", "tags", "sources", "notes"}
_QUICK_REQUIRED = {"id", "date", "title", "summary", "countries", "tags", "sources"}
_QUICK_SOURCE_FIELDS = {"title", "url", "publisher", "accessed", "kind"}


def _plain(text: Any) -> bool:
    return type(text) is str and bool(text) and text.strip() == text


def _plain_list(values: Any) -> bool:
    return type(values) is list and bool(values) and all(_plain(value) for value in values)


# Large files repeat the same few dates (access dates above all): each distinct text is parsed once.
@lru_cache(maxsize=1 << 16)
def _quick_date(text: str) -> PartialDate | None:
    try:
        return parse_partial_date(text)
    except DateError:
        return None


@lru_cache(maxsize=1 << 10)
def _quick_access_day(text: str) -> str | None:
    day = _quick_date(text)
    return day.iso() if day is not None and day.day is not None else None


def _well_formed_source(mapping: Any, texts: list[str]) -> Source | None:
    """The source, if well formed; its text is added to `texts`, which the event searches once for bidi controls."""
    if not isinstance(mapping, dict) or not mapping.keys() <= _QUICK_SOURCE_FIELDS or len(mapping) < 3:
        return None
    title, url, publisher = mapping.get("title"), mapping.get("url"), mapping.get("publisher")
    if not (
        isinstance(title, str)
        and isinstance(url, str)
        and isinstance(publisher, str)
        and _plain(title)
        and _plain(url)
        and _plain(publisher)
        and _URL.fullmatch(url)
    ):
        return None
    kind = mapping.get("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        return None
    accessed = None
    if "accessed" in mapping:
        accessed = _quick_access_day(mapping["accessed"]) if type(mapping["accessed"]) is str else None
        if accessed is None:
            return None
    texts += (title, url, publisher)
    return Source(title, url, publisher, accessed, kind=kind)


def well_formed_event(mapping: Any, file: str, line: int) -> Event | None:
    if not isinstance(mapping, dict) or not (_QUICK_REQUIRED <= mapping.keys() <= _QUICK_FIELDS):
        return None
    ident, when, title, summary = mapping["id"], mapping["date"], mapping["title"], mapping["summary"]
    countries, tags, notes = mapping["countries"], mapping["tags"], mapping.get("notes")
    if not (
        type(ident) is str
        and _ID.fullmatch(ident)
        and _plain(title)
        and _plain(summary)
        and (notes is None or _plain(notes))
        and _plain_list(countries)
        and _plain_list(tags)
        and type(when) is str
        and type(mapping["sources"]) is list
        and mapping["sources"]
    ):
        return None
    if "afghanistan" in countries or not all(tag in TAGS for tag in tags):
        return None
    date = _quick_date(when)
    if date is None:
        return None
    texts = [title, summary, notes or "", *countries, *tags]
    sources = [_well_formed_source(source, texts) for source in mapping["sources"]]
    if None in sources or _BIDI.search("\n".join(texts)):  # one search over all the event's text
        return None
    return Event(
        ident,
        date,
        title,
        summary,
        tuple(countries),
        tuple(tags),
        tuple(sources),  # type: ignore[arg-type]
        Origin(file, getattr(mapping, "line", line)),
        None,
        notes,
    )


def _country(record: _Record) -> Country | None:
    complete = record.fields(COUNTRY_FIELDS, ("id", "name", "kind"))
    ident, name, kind = record.ident(), record.text("name"), record.text("kind")
    iso2, iso3 = record.text("iso2", required=False), record.text("iso3", required=False)
    if kind and kind not in COUNTRY_KINDS:
        record.problem(f"{record.where}.kind", f"expected one of {', '.join(COUNTRY_KINDS)}", record.line_of("kind"))
    for key, value, size in (("iso2", iso2, 2), ("iso3", iso3, 3)):
        if value and not re.fullmatch(f"[A-Z]{{{size}}}", value):
            record.problem(f"{record.where}.{key}", f"expected {size} capital letters", record.line_of(key))
    start, end = record.partial_date("start"), record.partial_date("end")
    aliases, formal, successor = (
        record.strings("aliases"),
        record.text("formal_name", False),
        record.text("successor", False),
    )
    names = _names(record)
    if not (complete and ident and name and kind):
        return None
    return Country(
        ident,
        name,
        kind,
        record.origin(),
        formal or None,
        iso2 or None,
        iso3 or None,
        aliases,
        names,
        successor or None,
        start,
        end,
    )


def _names(record: _Record) -> tuple[tuple[str, str], ...]:
    value = record.mapping.get("names")
    if value is None:
        return ()
    line = record.line_of("names")
    if not isinstance(value, dict):
        record.problem(f"{record.where}.names", "expected a mapping of language to name", line)
        return ()
    names = []
    for language, written in value.items():
        field = f"{record.where}.names.{language}"
        if language not in NAME_LANGUAGES:
            record.problem(field, f"unknown language (known: {', '.join(NAME_LANGUAGES)})", line)
            continue
        for item in written if isinstance(written, list) else [written]:
            if not isinstance(item, str) or not item.strip():
                record.problem(field, "expected non-empty text", line)
            elif _BIDI.search(item):
                record.problem(field, "contains a Unicode bidirectional control character", line)
            else:
                names.append((language, item.strip()))
    return tuple(names)


def _observation(record: _Record) -> Observation | None:
    complete = record.fields(OBSERVATION_FIELDS, ("country", "indicator", "value", "unit", "year", "source"))
    country, indicator, unit = record.text("country"), record.text("indicator"), record.text("unit")
    note = record.text("note", required=False)
    value = record.mapping.get("value")
    year = record.mapping.get("year")
    if indicator and indicator not in INDICATORS:
        record.problem(
            f"{record.where}.indicator",
            f"unknown indicator {indicator!r} (known: {', '.join(INDICATORS)})",
            record.line_of("indicator"),
        )
    if "value" in record.mapping and (
        isinstance(value, bool) or not isinstance(value, (int, float, str)) or value == ""
    ):
        record.problem(f"{record.where}.value", "expected a number or text", record.line_of("value"))
        value = None
    if "year" in record.mapping and (isinstance(year, bool) or not isinstance(year, int)):
        record.problem(f"{record.where}.year", "expected a year such as 2024", record.line_of("year"))
        year = None
    source = None
    if "source" in record.mapping:
        source = _source(record.nested(record.mapping["source"], f"{record.where}.source", record.line_of("source")))
    if not (complete and country and indicator and unit and source and value is not None and year is not None):
        return None
    return Observation(country, indicator, value, unit, year, source, record.origin(), note or None)


def _era(record: _Record) -> Era | None:
    complete = record.fields(ERA_FIELDS, ("id", "name", "start", "sources"))
    ident, name, start, end = (
        record.ident(),
        record.text("name"),
        record.partial_date("start"),
        record.partial_date("end"),
    )
    sources = _sources(record)
    if start and end and end.last_day < start.first_day:
        record.problem(f"{record.where}.end", f"ends ({end}) before it starts ({start})", record.line_of("end"))
    if not (complete and ident and name and start and sources):
        return None
    return Era(ident, name, start, record.origin(), sources, end)


def _relation(record: _Record) -> Relation | None:
    complete = record.fields(RELATION_FIELDS, ("country", "aspect", "status", "start", "summary", "sources"))
    country, aspect, status = record.text("country"), record.text("aspect"), record.text("status")
    government = record.text("government", required=False)
    start, end, as_of = record.partial_date("start"), record.partial_date("end"), record.partial_date("as_of")
    summary, notes = record.text("summary"), record.text("notes", required=False)
    events, sources = record.strings("events"), _sources(record)
    if aspect and aspect not in RELATION_ASPECTS:
        record.problem(
            f"{record.where}.aspect",
            f"unknown aspect {aspect!r} (known: {', '.join(RELATION_ASPECTS)})",
            record.line_of("aspect"),
        )
    elif aspect and status and status not in RELATION_ASPECTS[aspect]:
        record.problem(
            f"{record.where}.status",
            f"{aspect} is one of: {', '.join(RELATION_ASPECTS[aspect])}",
            record.line_of("status"),
        )
    if aspect == "recognition" and not government:
        record.problem(f"{record.where}.government", "recognition names the era of the government it concerns")
    elif aspect != "recognition" and government:
        record.problem(
            f"{record.where}.government", "only recognition names a government", record.line_of("government")
        )
    if start and end and end.last_day < start.first_day:
        record.problem(f"{record.where}.end", f"ends ({end}) before it starts ({start})", record.line_of("end"))
    if end and as_of:
        record.problem(
            f"{record.where}.as_of", "only a status that still holds (no end) takes as_of", record.line_of("as_of")
        )
    if not (complete and country and aspect and status and start and summary and sources):
        return None
    return Relation(
        country,
        aspect,
        status,
        start,
        summary,
        sources,
        record.origin(),
        government or None,
        end,
        as_of,
        events,
        notes or None,
    )


_READERS: dict[str, Callable[[_Record], Any]] = {
    "countries": _country,
    "events": _event,
    "observations": _observation,
    "eras": _era,
    "relations": _relation,
}


@dataclass
class Records:
    """What one layer of data files holds, read and checked record by record."""

    version: str = ""
    sections: dict[str, list[Any]] = dataclass_field(default_factory=lambda: {section: [] for section in _READERS})


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
                meta = _Record(body, file, "meta", problems, line)
                if meta.fields({"version"}, ("version",)):
                    records.version = meta.text("version") or records.version
                continue
            if section not in _READERS:
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
                record = _Record(item, file, f"{section}[{index}]", problems, line)
                value = _READERS[section](record)
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
    countries = {country.id: country for country in sections["countries"]}
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
