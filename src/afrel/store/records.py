"""Raw mappings read from data files -> model records; every problem names its file, line and field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from afrel.dates import DateError, PartialDate, parse_partial_date
from afrel.errors import DataError
from afrel.model import (
    CHECKED_DOCUMENTS,
    CORRECTION_KINDS,
    CORRECTION_OUTCOMES,
    COUNTRY_KINDS,
    DISPUTE_STATUSES,
    INDICATORS,
    MISSION_HEADS,
    NAME_LANGUAGES,
    REGIONS,
    RELATION_ASPECTS,
    SOURCE_KINDS,
    TAGS,
    UN_STATUSES,
    AlternativeDate,
    Correction,
    Country,
    CountryLifetime,
    CountryNames,
    Dispute,
    Era,
    Event,
    Observation,
    Origin,
    Relation,
    Source,
)

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL_PATTERN = re.compile(r"https?://\S+")
# Embedding, override and isolate controls and directional marks can make text display in another order
# than it is stored; data must not carry them.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

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
    "checked",
    "corrections",
}
SOURCE_FIELDS = {"publisher", "title", "author", "published", "url", "locator", "kind", "language", "accessed", "via"}
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
COUNTRY_FIELDS = {
    "id", "name", "kind", "formal_name", "iso2", "iso3", "aliases", "names", "successor", "start", "end", "un",
    "region",
}  # fmt: skip
COUNTRY_NAMES_FIELDS = {"country", "un", "region", "names"}
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
    "checked",
    "corrections",
    "head",
    "start_known",
}
LIFETIME_FIELDS = {"country", "start", "end", "sources"}
SECTIONS = ("meta", "countries", "country_names", "lifetimes", "events", "observations", "eras", "relations")


class RecordReader:
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
        if BIDI_CONTROLS.search(text):
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
        if value and not ID_PATTERN.fullmatch(value):
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
            elif BIDI_CONTROLS.search(item):
                self.problem(field, "contains a Unicode bidirectional control character", line)
            else:
                result.append(item.strip())
        return tuple(result)

    def origin(self) -> Origin:
        return Origin(self.file, self.line)

    def nested(self, item: Any, field: str, line: int) -> RecordReader:
        return RecordReader(item, self.file, field, self.problems, line)


def _source(record: RecordReader) -> Source | None:
    known_problems = len(record.problems)
    if not record.fields(SOURCE_FIELDS, ("title", "publisher")):
        return None
    title, url, publisher = record.text("title"), record.text("url", required=False), record.text("publisher")
    via, locator = record.text("via", required=False), record.text("locator", required=False)
    kind, language = record.text("kind", required=False), record.text("language", required=False)
    accessed, published = record.partial_date("accessed"), record.partial_date("published")
    author = record.strings("author")
    for key, address in (("url", url), ("via", via)):
        if address and not URL_PATTERN.fullmatch(address):
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


def _sources(record: RecordReader, key: str = "sources") -> tuple[Source, ...]:
    found = (_source(record.nested(item, field, line)) for item, line, field in record.items(key, required=True))
    return tuple(source for source in found if source)


def _checks(record: RecordReader) -> tuple[PartialDate | None, tuple[Correction, ...]]:
    """When the record's claims were last checked, and what that check corrected."""
    checked = record.partial_date("checked")
    if checked and checked.day is None:
        record.problem(f"{record.where}.checked", "give the day of the check: YYYY-MM-DD", record.line_of("checked"))
    corrections = []
    for item, line, field in record.items("corrections"):
        entry = record.nested(item, field, line)
        if entry.fields({"kind", "outcome", "was", "note"}, ("kind", "outcome", "was", "note")):
            kind, outcome, was, note = entry.text("kind"), entry.text("outcome"), entry.text("was"), entry.text("note")
            if kind and kind not in CORRECTION_KINDS:
                entry.problem(f"{field}.kind", f"expected one of {', '.join(CORRECTION_KINDS)}", entry.line_of("kind"))
            if outcome and outcome not in CORRECTION_OUTCOMES:
                entry.problem(
                    f"{field}.outcome", f"expected one of {', '.join(CORRECTION_OUTCOMES)}", entry.line_of("outcome")
                )
            if kind and outcome and was and note:
                corrections.append(Correction(kind, outcome, was, note))
    return checked, tuple(corrections)


def _event(record: RecordReader) -> Event | None:
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
    _check_order(record, date, end, "end_date")
    # An alternative date names its source by address, or by title for a work in print.
    urls = {name for source in sources for name in (source.url, source.via, source.title) if name}
    alternatives = []
    for item, line, field in record.items("alternative_dates"):
        alt = record.nested(item, field, line)
        if alt.fields({"date", "source", "note"}, ("date", "source", "note")):
            alt_date, alt_source, note = alt.partial_date("date"), alt.text("source"), alt.text("note")
            if alt_source and alt_source not in urls:
                alt.problem(
                    f"{field}.source",
                    "must be the URL (or, for a work in print, the title) of one of the event's sources",
                    alt.line_of("source"),
                )
            if alt_date and alt_source and note:
                alternatives.append(AlternativeDate(alt_date, alt_source, note))
    checked, corrections = _checks(record)
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
        checked=checked,
        corrections=corrections,
    )


def _country(record: RecordReader) -> Country | None:
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
    un, region = _one_of(record, "un", UN_STATUSES), _one_of(record, "region", REGIONS)
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
        un,
        region,
    )


def _check_order(record: RecordReader, start: PartialDate | None, end: PartialDate | None, key: str = "end") -> None:
    """A record that ends before it starts is refused, naming its end field."""
    if start and end and end.last_day < start.first_day:
        record.problem(f"{record.where}.{key}", f"ends ({end}) before it starts ({start})", record.line_of(key))


def _lifetime(record: RecordReader) -> CountryLifetime | None:
    complete = record.fields(LIFETIME_FIELDS, ("country", "sources"))
    country, sources = record.text("country"), _sources(record)
    start, end = record.partial_date("start"), record.partial_date("end")
    if not (start or end):
        record.problem(record.where, "a lifetime gives start, end or both")
    _check_order(record, start, end)
    if not (complete and country and sources and (start or end)):
        return None
    return CountryLifetime(country, record.origin(), sources, start, end)


def _one_of(record: RecordReader, key: str, choices: tuple[str, ...]) -> str | None:
    """An optional field that must be one of a fixed set of values."""
    value = record.text(key, required=False)
    if value and value not in choices:
        record.problem(f"{record.where}.{key}", f"expected one of {', '.join(choices)}", record.line_of(key))
        return None
    return value or None


def _country_names(record: RecordReader) -> CountryNames | None:
    complete = record.fields(COUNTRY_NAMES_FIELDS, ("country", "names"))
    country, names = record.text("country"), _names(record)
    un, region = _one_of(record, "un", UN_STATUSES), _one_of(record, "region", REGIONS)
    if not (complete and country and names):
        return None
    return CountryNames(country, names, record.origin(), un, region)


def _names(record: RecordReader) -> tuple[tuple[str, str], ...]:
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
            elif BIDI_CONTROLS.search(item):
                record.problem(field, "contains a Unicode bidirectional control character", line)
            else:
                names.append((language, item.strip()))
    return tuple(names)


def _observation(record: RecordReader) -> Observation | None:
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
    undated = year == "undated"
    if "year" in record.mapping and not undated and (isinstance(year, bool) or not isinstance(year, int)):
        record.problem(f"{record.where}.year", "expected a year such as 2024, or undated", record.line_of("year"))
        year = None
    source = None
    if "source" in record.mapping:
        source = _source(record.nested(record.mapping["source"], f"{record.where}.source", record.line_of("source")))
    if not (complete and country and indicator and unit and source and value is not None):
        return None
    if year is None and not undated:
        return None
    return Observation(
        country, indicator, value, unit, None if undated else year, source, record.origin(), note or None
    )


def _era(record: RecordReader) -> Era | None:
    complete = record.fields(ERA_FIELDS, ("id", "name", "start", "sources"))
    ident, name, start, end = (
        record.ident(),
        record.text("name"),
        record.partial_date("start"),
        record.partial_date("end"),
    )
    sources = _sources(record)
    _check_order(record, start, end)
    if not (complete and ident and name and start and sources):
        return None
    return Era(ident, name, start, record.origin(), sources, end)


def _relation(record: RecordReader) -> Relation | None:
    complete = record.fields(RELATION_FIELDS, ("country", "aspect", "status", "start", "summary", "sources"))
    country, aspect, status = record.text("country"), record.text("aspect"), record.text("status")
    government = record.text("government", required=False)
    start, end, as_of = record.partial_date("start"), record.partial_date("end"), record.partial_date("as_of")
    summary, notes = record.text("summary"), record.text("notes", required=False)
    events, sources = record.strings("events"), _sources(record)
    checked, corrections = _checks(record)
    head = record.text("head", required=False)
    start_known = record.mapping.get("start_known", True)
    if not isinstance(start_known, bool):
        record.problem(f"{record.where}.start_known", "expected true or false", record.line_of("start_known"))
    if head and head not in MISSION_HEADS:
        record.problem(f"{record.where}.head", f"expected one of {', '.join(MISSION_HEADS)}", record.line_of("head"))
    elif head and aspect not in ("embassy", "afghan-mission"):
        record.problem(f"{record.where}.head", "only a mission has a head", record.line_of("head"))
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
    _check_order(record, start, end)
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
        checked,
        corrections,
        head or None,
        start_known is not False,
    )


READERS: dict[str, Callable[[RecordReader], Any]] = {
    "countries": _country,
    "events": _event,
    "observations": _observation,
    "eras": _era,
    "relations": _relation,
    "country_names": _country_names,
    "lifetimes": _lifetime,
}
