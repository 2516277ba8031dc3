"""Result records -> an Output: the JSON document, its flat rows and the tables people read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from afrel.dates import PartialDate
from afrel.errors import DataError
from afrel.model import CHECKED_DOCUMENTS, Correction, Country, Dataset, Event, Observation, Relation, Source

if TYPE_CHECKING:  # types only: a timeline need not import the other queries
    from afrel.queries.indicators import Comparison, Profile
    from afrel.queries.stats import Stats

# Below this width a table of several columns cannot wrap readably: tables show each record as a block instead.
VERTICAL_BELOW = 60


class Table(NamedTuple):
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None
    wide: frozenset[str] = frozenset()  # columns that take the spare width when text wraps
    highlight: tuple[str, ...] = ()  # words to highlight in tables for people (search matches)


class Output(NamedTuple):
    """Everything a renderer may need; each format uses the part that fits it."""

    document: Any  # the JSON document (json)
    items: tuple[Any, ...]  # one JSON value per line (jsonl)
    flat: Table  # one flat table (csv, tsv)
    display: tuple[Table, ...]  # tables for people (table, markdown)
    notes: tuple[str, ...] = ()  # warnings shown under the tables for people
    figure: tuple[str, ...] = ()  # lines drawn to the terminal's width, shown above the tables


# JSON records: the keys below are the documented, stable interface (see `afrel schema`).


def date_record(value: PartialDate | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"value": value.iso(), "precision": value.precision.value, "approximate": value.approximate}


def source_record(source: Source) -> dict[str, Any]:
    return {
        "publisher": source.publisher,
        "title": source.title,
        "author": list(source.author),
        "published": source.published,
        "url": source.url,
        "locator": source.locator,
        "kind": source.kind,
        "language": source.language,
        "accessed": source.accessed,
        "via": source.via,
    }


def work_text(source: Source) -> str:
    """The work in one line, as a reader would cite it: authors, publisher, title, date, page."""
    text = f"{'; '.join(source.author)}. " if source.author else ""
    text += f"{source.publisher}: {source.title}"
    details = [part for part in (source.published, source.locator) if part]
    return text + (f" ({', '.join(details)})" if details else "")


def address_text(source: Source) -> str:
    """Where to read the work: the original's address, and the copy it was read in, if any."""
    parts = [source.url] if source.url else ["(in print)"]
    if source.via:
        parts.append(f"read via {source.via}")
    if source.accessed:
        parts.append(f"accessed {source.accessed}")
    return "; ".join(parts)


def source_addresses(sources: tuple[Source, ...]) -> str:
    """The sources' addresses for one cell of CSV: the original where known, else the copy read."""
    return " ".join(address for s in sources if (address := s.address))


def check_fields(checked: PartialDate | None, corrections: tuple[Correction, ...]) -> dict[str, Any]:
    """When a record's claims were last checked against its sources, and what the check corrected."""
    return {
        "checked": date_record(checked),
        "corrections": [c._asdict() for c in corrections],
    }


def csv_flag(value: bool) -> str:
    """A yes/no as the CSV outputs write it."""
    return "true" if value else "false"


def start_words(period: Relation) -> str:
    """When a period began: its start, or "by" the earliest date a source attests it where none dates it."""
    return str(period.start) if period.start_known else f"by {period.start}"


def period_record(period: Relation) -> dict[str, Any]:
    """A status period as JSON gives it (status --history and --changes; status gives its fields per aspect)."""
    return {
        "country": period.country,
        "aspect": period.aspect,
        "government": period.government,
        "status": period.status,
        "start": date_record(period.start),
        "start_known": period.start_known,
        "end": date_record(period.end),
        "as_of": date_record(period.as_of),
        "head": period.head,
        "summary": period.summary,
        "notes": period.notes,
        "events": list(period.events),
        "sources": [source_record(s) for s in period.sources],
        **check_fields(period.checked, period.corrections),
        "origin": {"file": period.origin.file, "line": period.origin.line},
    }


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": date_record(event.when),
        "end_date": date_record(event.end_date),
        "title": event.title,
        "summary": event.summary,
        "countries": list(event.countries),
        "tags": list(event.tags),
        "sources": [source_record(s) for s in event.sources],
        "notes": event.notes,
        "alternative_dates": [
            {"date": date_record(a.when), "source": a.source, "note": a.note} for a in event.alternative_dates
        ],
        "disputes": [
            {
                "claim": d.claim,
                "claimed_by": d.claimed_by,
                "document": source_record(CHECKED_DOCUMENTS[d.claimed_by])
                if d.claimed_by in CHECKED_DOCUMENTS
                else None,
                "status": d.status,
                "note": d.note,
            }
            for d in event.disputes
        ],
        **check_fields(event.checked, event.corrections),
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


def _other_names(country: Country) -> list[str]:
    """The country's other names, each once (many languages spell a name alike), the name itself left out."""
    seen = {country.name.casefold()}
    names = []
    for name in (*country.aliases, *(name for _, name in country.names)):
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def country_record(country: Country) -> dict[str, Any]:
    return {
        "id": country.id,
        "name": country.name,
        "formal_name": country.formal_name,
        "kind": country.kind,
        "iso2": country.iso2,
        "iso3": country.iso3,
        "aliases": list(country.aliases),
        "names": names_record(country),
        "successor": country.successor,
        "start": date_record(country.start),
        "end": date_record(country.end),
        "un": country.un,
    }


def names_record(country: Country) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for language, name in country.names:
        names.setdefault(language, []).append(name)
    return names


# Text for people.


def show_date(event: Event) -> str:
    text = str(event.when)
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
    "id",
    "date",
    "precision",
    "approximate",
    "end_date",
    "countries",
    "tags",
    "title",
    "summary",
    "source_urls",
    "notes",
)


def event_row(event: Event) -> tuple[str, ...]:
    return (
        event.id,
        event.when.iso(),
        event.when.precision.value,
        csv_flag(event.when.approximate),
        str(event.end_date) if event.end_date else "",
        _joined(event.countries),
        _joined(event.tags),
        event.title,
        event.summary,
        source_addresses(event.sources),
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
    return Output(records, tuple(records), Table(EVENT_COLUMNS, tuple(event_row(e) for e in events)), (display,), notes)


def year_text(observation: Observation) -> str:
    return "undated" if observation.year is None else str(observation.year)


def publisher_text(observation: Observation) -> str:
    """Who gives the figure; for a figure afrel computes, that it is computed and from whose figures."""
    return (
        f"computed from {observation.source.publisher} figures"
        if observation.computed
        else observation.source.publisher
    )


def _figure_text(observation: Observation | None) -> str:
    if observation is None:
        return "–"
    return f"{show_value(observation.value)} ({year_text(observation)}{', computed' if observation.computed else ''})"


def compare_view(comparison: Comparison) -> Output:
    indicators = []
    flat_rows = []
    for row in comparison.rows:
        indicators.append(
            {
                "indicator": row.indicator,
                "label": row.label,
                "unit": row.unit,
                "values": [
                    {"country": f.country.id, **(observation_record(f.observation) or {"value": None})}
                    for f in row.figures
                ],
                "ratio": row.ratio,
                "years_differ": row.years_differ,
            }
        )
        for figure in row.figures:
            o = figure.observation
            flat_rows.append(
                (
                    row.indicator,
                    figure.country.id,
                    "" if o is None else str(o.value),
                    row.unit,
                    "" if o is None or o.year is None else str(o.year),
                    "" if o is None else publisher_text(o),
                    "" if o is None else o.source.address or "",
                )
            )
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
    sources = sorted(
        {
            (publisher_text(f.observation), address_text(f.observation.source))
            for row in comparison.rows
            for f in row.figures
            if f.observation
        }
    )
    source_table = Table(("Publisher", "Where"), tuple(sources), "Sources", frozenset({"Where"}))
    notes = tuple(
        f"{row.label}: the figures are from different years; compare with care."
        for row in comparison.rows
        if row.years_differ
    )
    flat = Table(("indicator", "country", "value", "unit", "year", "publisher", "source_url"), tuple(flat_rows))
    side_by_side = Table(columns, tuple(rows), wide=frozenset(columns[1 : len(comparison.countries) + 1]))
    return Output(document, tuple(indicators), flat, (side_by_side, source_table), notes)


def profile_view(result: Profile, dataset: Dataset) -> Output:
    country = result.country
    figures = [
        {
            "indicator": row.indicator,
            "label": row.label,
            **(observation_record(row.figures[0].observation) or {"value": None, "unit": row.unit}),
        }
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
            year = "" if o.year is None else str(o.year)
            flat_rows.append(("indicator", row.indicator, str(o.value), o.unit, year, o.source.address or ""))
    flat_rows.append(("relation", "event_count", str(result.event_count), "", "", ""))
    for key, event in (("first_event", result.first_event), ("latest_event", result.latest_event)):
        if event:
            flat_rows.append(("relation", key, event.id, "", event.when.iso(), source_addresses(event.sources[:1])))
    flat_rows += [("tag_count", tag, str(count), "", "", "") for tag, count in result.tag_counts]
    flat_rows += [
        ("recent_event", e.id, e.title, "", e.when.iso(), source_addresses(e.sources[:1])) for e in result.recent_events
    ]
    flat = Table(("section", "key", "value", "unit", "year_or_date", "source_url"), tuple(flat_rows))

    facts = Table(
        ("Indicator", "Value", "Source"),
        tuple(
            (
                row.label,
                _figure_text(row.figures[0].observation),
                publisher_text(row.figures[0].observation) if row.figures[0].observation else "",
            )
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


COUNTRY_COLUMNS = ("id", "name", "kind", "iso2", "iso3", "successor", "aliases", "names", "start", "end", "source_urls")


def countries_view(countries: tuple[Country, ...]) -> Output:
    records = [{**country_record(c), "sources": [source_record(s) for s in c.sources]} for c in countries]
    flat = Table(
        COUNTRY_COLUMNS,
        tuple(
            (
                c.id,
                c.name,
                c.kind,
                c.iso2 or "",
                c.iso3 or "",
                c.successor or "",
                _joined(c.aliases),
                _joined([f"{language}:{name}" for language, name in c.names]),
                str(c.start) if c.start else "",
                str(c.end) if c.end else "",
                source_addresses(c.sources),
            )
            for c in countries
        ),
    )
    display = Table(
        ("Id", "Name", "Codes", "Also known as"),
        tuple(
            (
                c.id,
                c.name,
                " ".join(x for x in (c.iso2, c.iso3) if x),
                ", ".join(_other_names(c)),
            )
            for c in countries
        ),
        wide=frozenset({"Also known as"}),
    )
    return Output(records, tuple(records), flat, (display,))


def name_matches_view(text: str, matches: tuple[Any, ...]) -> Output:
    """What a name resolves to (`countries --search`): each candidate, the name that matched and how."""
    records = [
        {
            "country": m.country.id,
            "name": m.country.name,
            "matched": m.matched,
            "how": m.how,
            "exact": m.exact,
            "score": round(m.score, 3),
        }
        for m in matches
    ]
    flat = Table(
        ("country", "name", "matched", "how", "exact", "score"),
        tuple(
            (r["country"], r["name"], r["matched"], r["how"], str(r["exact"]).lower(), f"{r['score']:.3f}")
            for r in records
        ),
    )
    display = Table(
        ("Country", "Name", "Matched", "How"),
        tuple(
            (m.country.id, m.country.name, m.matched, m.how + ("" if m.exact else " (close, not exact)"))
            for m in matches
        ),
        wide=frozenset({"Matched"}),
    )
    exact = [m for m in matches if m.exact]
    if len(exact) == 1:
        note = f"{text!r} resolves to {exact[0].country.id}."
    elif exact:
        note = f"{text!r} is ambiguous: commands will ask which of these you mean."
    elif matches:
        note = f"{text!r} matches no name exactly; commands will refuse it and suggest these."
    else:
        note = f"{text!r} matches no name; run 'afrel countries' for the names afrel knows."
    return Output({"query": text, "matches": records}, tuple(records), flat, (display,), (note,))


def validation_view(
    files: list[str],
    dataset: Dataset,
    problems: list[DataError],
    warnings: tuple[DataError, ...] | list[DataError] = (),
) -> Output:
    records = [{"file": p.file, "line": p.line, "field": p.field, "message": p.message} for p in problems]
    warning_records = [{"file": w.file, "line": w.line, "field": w.field, "message": w.message} for w in warnings]
    document = {
        "valid": not problems,
        "files": files,
        "counts": {
            "events": len(dataset.events),
            "countries": len(dataset.countries),
            "observations": len(dataset.observations),
            "eras": len(dataset.eras),
            "relations": len(dataset.relations),
        },
        "problems": records,
        "warnings": warning_records,
    }
    flat = Table(
        ("severity", "file", "line", "field", "message"),
        tuple(("error", p.file, str(p.line), p.field, p.message) for p in problems)
        + tuple(("warning", w.file, str(w.line), w.field, w.message) for w in warnings),
    )
    display = Table(
        ("File", "Line", "Field", "Problem"),
        tuple(row[1:] for row in flat.rows if row[0] == "error"),
        wide=frozenset({"Problem"}),
    )
    warned = Table(
        ("File", "Line", "Field", "Warning"),
        tuple(row[1:] for row in flat.rows if row[0] == "warning"),
        "Warnings",
        wide=frozenset({"Warning"}),
    )
    summary = (
        f"{len(problems)} problem(s) in {len(files)} file(s)."
        if problems
        else f"OK: {len(files)} file(s); {len(dataset.events)} events, {len(dataset.countries)} countries, "
        f"{len(dataset.observations)} figures, {len(dataset.relations)} status periods."
    )
    if warnings:
        summary += f" {len(warnings)} warning(s) about sources."
    return Output(document, tuple(records), flat, (display, warned), (summary,))


# The aspects of relations as tables name them (the status, history and stats views).
ASPECT_LABELS = {
    "relations": "Diplomatic relations",
    "recognition": "Recognition",
    "embassy": "Embassy in Kabul",
    "afghan-mission": "Afghan mission",
}
STATS_TOP = 10  # rows per section in the table, unless all are asked for


# Labels for totals whose key, read as words, would say less than it means.
TOTAL_LABELS = {"with_single_source_claim": "With a claim resting on one source"}


def _total_label(key: str) -> str:
    return TOTAL_LABELS.get(key, key.replace("_", " ").capitalize())


def stats_view(result: Stats, dataset: Dataset, sections: tuple[str, ...] = (), show_all: bool = False) -> Output:
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
        "with_single_source_claim": result.with_single_source_claim,
    }
    coverage = result.coverage
    status_totals = {
        "periods": coverage.periods,
        "checked": coverage.checked,
        "with_single_source_claim": coverage.with_single_source_claim,
        "states": coverage.states,
        "states_with_relations": coverage.states_with_relations,
        "states_relations_undated": coverage.states_relations_undated,
        "states_never_related": coverage.states_never_related,
    }
    status_groups = {"aspect": coverage.by_aspect, "government": coverage.by_government}
    document = {
        "data_version": result.version,
        "newest_event": result.newest_event,
        "status_checked": result.status_checked,
        "totals": totals,
        **{f"by_{name}": [{"key": str(key), "count": count} for key, count in pairs] for name, pairs in groups.items()},
        "status": {
            **status_totals,
            **{f"by_{name}": [{"key": k, "count": n} for k, n in pairs] for name, pairs in status_groups.items()},
        },
    }
    flat = Table(
        ("group", "key", "count"),
        tuple(("total", key, str(value)) for key, value in totals.items())
        + tuple((name, str(key), str(count)) for name, pairs in groups.items() for key, count in pairs)
        + tuple(("status", key, str(value)) for key, value in status_totals.items())
        + tuple((f"status {name}", key, str(count)) for name, pairs in status_groups.items() for key, count in pairs),
    )

    def label(name: str, key: object) -> str:
        return dataset.countries[str(key)].name if name == "counterpart" and key in dataset.countries else str(key)

    reach = (("Newest event", result.newest_event or "–"), ("Status periods checked", result.status_checked or "–"))
    display = [
        Table(
            ("", " "),
            tuple((_total_label(key), str(value)) for key, value in totals.items()) + reach,
            f"afrel data {result.version}",
        )
    ]
    notes = []
    cut = False  # some section shown only in part
    for name, pairs in groups.items():
        if sections and name not in sections:
            continue
        shown = pairs if show_all or name == "decade" else pairs[:STATS_TOP]
        cut = cut or len(shown) < len(pairs)
        display.append(
            Table(
                (name.capitalize(), "Events" if name != "publisher" else "Citations"),
                tuple((label(name, key), str(count)) for key, count in shown),
                f"By {name}" + (f" (top {len(shown)} of {len(pairs)})" if len(shown) < len(pairs) else ""),
            )
        )
    if not sections or "status" in sections:
        eras = {era.id: era.name for era in dataset.eras}
        rows = (
            ("Status periods", str(coverage.periods)),
            ("Checked claim by claim", str(coverage.checked)),
            ("With a claim resting on one source", str(coverage.with_single_source_claim)),
            ("States with a dated period of relations", f"{coverage.states_with_relations} of {coverage.states}"),
            ("In relations by a date, beginning undated", f"{coverage.states_relations_undated}"),
            ("Never in diplomatic relations", f"{coverage.states_never_related}"),
            *((f"Aspect: {ASPECT_LABELS.get(key, key)}", str(count)) for key, count in coverage.by_aspect),
            *((f"Recognition of: {eras.get(key, key)}", str(count)) for key, count in coverage.by_government),
        )
        display.append(Table(("Status data", "Count"), rows, "What the status periods cover"))
    if cut:
        notes.append("--all shows every row; --section NAME shows only that section (JSON always has every row).")
    return Output(document, (document,), flat, tuple(display), tuple(notes))
