"""Result records -> an Output: the JSON document, its flat rows and the tables people read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from afrel.dates import PartialDate
from afrel.model import Country, Dataset, Event, Observation, Source
from afrel.query import Comparison, Profile, Stats


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None
    wide: frozenset[str] = frozenset()  # columns that take the spare width when text wraps


@dataclass(frozen=True)
class Output:
    """Everything a renderer may need; each format uses the part that fits it."""

    document: Any  # the JSON document (json)
    items: tuple[Any, ...]  # one JSON value per line (jsonl)
    flat: Table  # one flat table (csv, tsv)
    display: tuple[Table, ...]  # tables for people (table, markdown)
    notes: tuple[str, ...] = field(default=())  # warnings shown under the tables for people


# JSON records: the keys below are the documented, stable interface (see `afrel schema`).


def date_record(value: PartialDate | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"value": value.iso(), "precision": value.precision.value, "approximate": value.approximate}


def source_record(source: Source) -> dict[str, str]:
    return {"title": source.title, "url": source.url, "publisher": source.publisher, "accessed": source.accessed}


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": date_record(event.date),
        "end_date": date_record(event.end_date),
        "title": event.title,
        "summary": event.summary,
        "countries": list(event.countries),
        "tags": list(event.tags),
        "sources": [source_record(s) for s in event.sources],
        "notes": event.notes,
        "alternative_dates": [
            {"date": date_record(a.date), "source": a.source, "note": a.note} for a in event.alternative_dates
        ],
        "disputes": [
            {"claim": d.claim, "claimed_by": d.claimed_by, "status": d.status, "note": d.note} for d in event.disputes
        ],
        "origin": {"file": event.origin.file, "line": event.origin.line},
    }


def observation_record(observation: Observation | None) -> dict[str, Any] | None:
    if observation is None:
        return None
    return {
        "value": observation.value,
        "unit": observation.unit,
        "year": observation.year,
        "source": source_record(observation.source),
        "note": observation.note,
    }


def country_record(country: Country) -> dict[str, Any]:
    return {
        "id": country.id,
        "name": country.name,
        "formal_name": country.formal_name,
        "kind": country.kind,
        "iso2": country.iso2,
        "iso3": country.iso3,
        "aliases": list(country.aliases),
        "successor": country.successor,
        "start": date_record(country.start),
        "end": date_record(country.end),
    }


# Text for people.


def show_date(event: Event) -> str:
    text = str(event.date)
    return f"{text} – {event.end_date}" if event.end_date else text


def show_value(value: float | int | str) -> str:
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}" if abs(value) < 1e6 else f"{value:,.0f}"


def show_ratio(ratio: float | None) -> str:
    if ratio is None:
        return ""
    return f"{ratio:.3g}" if ratio < 1000 else f"{ratio:,.0f}"


def _joined(values: tuple[str, ...] | list[str]) -> str:
    return "; ".join(values)


# Views, one per command.

EVENT_COLUMNS = (
    "id", "date", "precision", "approximate", "end_date", "countries", "tags", "title", "summary", "source_urls",
    "notes",
)


def _event_row(event: Event) -> tuple[str, ...]:
    return (
        event.id,
        event.date.iso(),
        event.date.precision.value,
        "true" if event.date.approximate else "false",
        str(event.end_date) if event.end_date else "",
        _joined(event.countries),
        _joined(event.tags),
        event.title,
        event.summary,
        " ".join(s.url for s in event.sources),
        event.notes or "",
    )


def timeline_view(events: tuple[Event, ...], dataset: Dataset) -> Output:
    records = [event_record(e) for e in events]

    def names(event: Event) -> str:
        return ", ".join(dataset.countries[c].name for c in event.countries)

    display = Table(
        ("Date", "Counterpart", "Title", "Tags"),
        tuple((show_date(e), names(e), e.title, ", ".join(e.tags)) for e in events),
        wide=frozenset({"Title"}),
    )
    notes = () if events else ("No events match.",)
    return Output(records, tuple(records), Table(EVENT_COLUMNS, tuple(_event_row(e) for e in events)), (display,), notes)


def _figure_text(observation: Observation | None) -> str:
    if observation is None:
        return "–"
    return f"{show_value(observation.value)} ({observation.year})"


def compare_view(comparison: Comparison) -> Output:
    indicators = []
    flat_rows = []
    for row in comparison.rows:
        indicators.append({
            "indicator": row.indicator,
            "label": row.label,
            "unit": row.unit,
            "values": [
                {"country": f.country.id, **(observation_record(f.observation) or {"value": None})}
                for f in row.figures
            ],
            "ratio": row.ratio,
            "years_differ": row.years_differ,
        })
        for figure in row.figures:
            o = figure.observation
            flat_rows.append((
                row.indicator, figure.country.id, "" if o is None else str(o.value), row.unit,
                "" if o is None else str(o.year), "" if o is None else o.source.publisher,
                "" if o is None else o.source.url,
            ))
    document = {"countries": [country_record(c) for c in comparison.countries], "indicators": indicators}
    columns = ("Indicator", *(c.name for c in comparison.countries))
    if len(comparison.countries) == 2:
        columns += ("Ratio",)
    rows = []
    for row in comparison.rows:
        cells = [f"{row.label} ({row.unit})" if row.unit != "text" else row.label]
        cells += [_figure_text(f.observation) for f in row.figures]
        if len(comparison.countries) == 2:
            cells.append(show_ratio(row.ratio))
        if row.years_differ:
            cells[0] += " ⚠ years differ"
        rows.append(tuple(cells))
    sources = sorted({
        (f.observation.source.publisher, f.observation.source.url)
        for row in comparison.rows for f in row.figures if f.observation
    })
    source_table = Table(("Publisher", "Source"), tuple(sources), "Sources", frozenset({"Source"}))
    notes = tuple(
        f"{row.label}: the figures are from different years; compare with care." for row in comparison.rows
        if row.years_differ
    )
    flat = Table(("indicator", "country", "value", "unit", "year", "publisher", "source_url"), tuple(flat_rows))
    side_by_side = Table(columns, tuple(rows), wide=frozenset(columns[1 : len(comparison.countries) + 1]))
    return Output(document, tuple(indicators), flat, (side_by_side, source_table), notes)


def profile_view(result: Profile, dataset: Dataset) -> Output:
    country = result.country
    figures = [
        {"indicator": row.indicator, "label": row.label,
         **(observation_record(row.figures[0].observation) or {"value": None, "unit": row.unit})}
        for row in result.figures
    ]
    document = {
        "country": country_record(country),
        "indicators": figures,
        "relation": {
            "actors": list(result.actors),
            "event_count": result.event_count,
            "first_event": event_record(result.first_event) if result.first_event else None,
            "latest_event": event_record(result.latest_event) if result.latest_event else None,
            "tag_counts": dict(result.tag_counts),
        },
        "recent_events": [event_record(e) for e in result.recent_events],
    }
    flat_rows: list[tuple[str, ...]] = []
    for row in result.figures:
        o = row.figures[0].observation
        if o is not None:
            flat_rows.append(("indicator", row.indicator, str(o.value), o.unit, str(o.year), o.source.url))
    flat_rows.append(("relation", "event_count", str(result.event_count), "", "", ""))
    for key, event in (("first_event", result.first_event), ("latest_event", result.latest_event)):
        if event:
            flat_rows.append(("relation", key, event.id, "", event.date.iso(), event.sources[0].url))
    flat_rows += [("tag_count", tag, str(count), "", "", "") for tag, count in result.tag_counts]
    flat_rows += [("recent_event", e.id, e.title, "", e.date.iso(), e.sources[0].url) for e in result.recent_events]
    flat = Table(("section", "key", "value", "unit", "year_or_date", "source_url"), tuple(flat_rows))

    facts = Table(
        ("Indicator", "Value", "Source"),
        tuple(
            (row.label, _figure_text(row.figures[0].observation),
             row.figures[0].observation.source.publisher if row.figures[0].observation else "")
            for row in result.figures
        ),
        f"{country.name}" + (f" ({country.formal_name})" if country.formal_name else ""),
        frozenset({"Value"}),
    )
    names = ", ".join(dataset.countries[a].name for a in result.actors)
    relation_rows = [("Events", f"{result.event_count} (counterparts: {names})")]
    if result.first_event:
        relation_rows.append(("First", f"{show_date(result.first_event)}  {result.first_event.title}"))
    if result.latest_event:
        relation_rows.append(("Latest", f"{show_date(result.latest_event)}  {result.latest_event.title}"))
    if result.tag_counts:
        relation_rows.append(("By tag", ", ".join(f"{tag} {count}" for tag, count in result.tag_counts)))
    relation = Table(("", " "), tuple(relation_rows), "Relations with Afghanistan", frozenset({" "}))
    recent = Table(
        ("Date", "Title", "Tags"),
        tuple((show_date(e), e.title, ", ".join(e.tags)) for e in result.recent_events),
        "Most recent events",
        frozenset({"Title"}),
    )
    return Output(document, (document,), flat, (facts, relation, recent))


COUNTRY_COLUMNS = ("id", "name", "kind", "iso2", "iso3", "successor", "aliases")


def countries_view(countries: tuple[Country, ...]) -> Output:
    records = [country_record(c) for c in countries]
    flat = Table(
        COUNTRY_COLUMNS,
        tuple((c.id, c.name, c.kind, c.iso2 or "", c.iso3 or "", c.successor or "", _joined(c.aliases))
              for c in countries),
    )
    display = Table(
        ("Id", "Name", "Codes", "Aliases"),
        tuple((c.id, c.name, " ".join(x for x in (c.iso2, c.iso3) if x), ", ".join(c.aliases)) for c in countries),
        wide=frozenset({"Aliases"}),
    )
    return Output(records, tuple(records), flat, (display,))


def stats_view(result: Stats, dataset: Dataset) -> Output:
    groups = {
        "counterpart": result.by_counterpart,
        "tag": result.by_tag,
        "decade": tuple((f"{decade}s", count) for decade, count in result.by_decade),
        "publisher": result.by_publisher,
        "precision": result.by_precision,
    }
    totals = {
        "events": result.events,
        "counterparts": result.counterparts,
        "sources": result.sources,
        "with_alternative_dates": result.with_alternative_dates,
        "with_disputes": result.with_disputes,
    }
    document = {
        "data_version": result.version,
        "totals": totals,
        **{f"by_{name}": [{"key": str(key), "count": count} for key, count in pairs] for name, pairs in groups.items()},
    }
    flat = Table(
        ("group", "key", "count"),
        tuple(("total", key, str(value)) for key, value in totals.items())
        + tuple((name, str(key), str(count)) for name, pairs in groups.items() for key, count in pairs),
    )

    def label(name: str, key: object) -> str:
        return dataset.countries[str(key)].name if name == "counterpart" and key in dataset.countries else str(key)

    display = [Table(("", " "), tuple((key.replace("_", " ").capitalize(), str(value)) for key, value in totals.items()),
                     f"afrel data {result.version}")]
    display += [Table((name.capitalize(), "Events" if name != "publisher" else "Citations"),
                      tuple((label(name, key), str(count)) for key, count in pairs), f"By {name}")
                for name, pairs in groups.items()]
    return Output(document, (document,), flat, tuple(display))
