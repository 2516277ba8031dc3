"""The state of relations on a date, for one counterpart or for all of them."""

from __future__ import annotations

from typing import Any

from afrel.dates import PartialDate
from afrel.model import Dataset, Relation, rests_on_one_source
from afrel.queries.status import AspectStatus, CountryStatus
from afrel.render.views import (
    ASPECT_LABELS,
    Output,
    Table,
    address_text,
    check_fields,
    country_record,
    csv_flag,
    period_record,
    source_addresses,
    work_text,
)

NO_RECORD = "no record"
DID_NOT_EXIST = "did not exist"
# Marks of the all-countries table, explained in a note under it.
NEAR_BOUNDARY_MARK, UNCONFIRMED_MARK = "*", "+"


def _label(aspect: AspectStatus) -> str:
    """A short label: a government by the year it came to power; its full name leads the status text."""
    label = ASPECT_LABELS[aspect.aspect]
    return f"{label} ({aspect.government.start.year})" if aspect.government else label


HEAD_WORDS = {"ambassador": "under an ambassador", "charge-d-affaires": "under a chargé d'affaires"}


def status_words(period: Relation) -> str:
    """The status as words, with who heads the mission where the sources say: 'open under a chargé d'affaires'."""
    words = period.status.replace("-", " ")
    return f"{words} {HEAD_WORDS[period.head]}" if period.head else words


def _status_text(aspect: AspectStatus, existed: bool = True) -> str:
    period = aspect.period
    government = f"{aspect.government.name}: " if aspect.government else ""
    if period is None:
        return government + (NO_RECORD if existed else DID_NOT_EXIST)
    if period.start_known:
        text = government + f"{status_words(period)} since {period.start}"
    else:
        text = government + f"{status_words(period)} by {period.start} at the latest (no source dates its beginning)"
    text += f" (until {period.end})" if period.end else ""
    if rests_on_one_source(period.corrections):
        text += "; rests on one source, which no independent source confirms"
    if aspect.near_boundary:
        text += "; the change is dated only to the month or year, which includes this day: it may fall either side"
    if aspect.unconfirmed and period.as_of:
        text += f"; last confirmed {period.as_of}"
    return text


def _no_period() -> dict[str, Any]:
    """The fields of a period, empty: what an aspect with no record gives."""
    fields = ("country", "status", "start", "start_known", "end", "as_of", "head", "summary", "notes", "origin")
    empty = dict.fromkeys(fields)
    return {**empty, "events": [], "sources": [], **check_fields(None, ())}


def _aspect_record(aspect: AspectStatus) -> dict[str, Any]:
    """The period that covers the day, with the day's hedges; its fields are null where no period does."""
    fields = period_record(aspect.period) if aspect.period else _no_period()
    del fields["country"]  # the status record names the country once, above its aspects
    return {
        **fields,
        "aspect": aspect.aspect,
        "government": {"id": aspect.government.id, "name": aspect.government.name} if aspect.government else None,
        "near_boundary": aspect.near_boundary,
        "unconfirmed": aspect.unconfirmed,
    }


def _record(result: CountryStatus) -> dict[str, Any]:
    return {
        "country": country_record(result.country),
        "actor": result.actor.id,
        "on": result.on.isoformat(),
        "existed": result.existed,
        "aspects": [_aspect_record(a) for a in result.aspects],
    }


FLAT_COLUMNS = (
    "country", "actor", "on", "existed", "aspect", "government", "status", "start", "end", "near_boundary",
    "unconfirmed", "source_urls", "head", "start_known", "single_source_claim",
)  # fmt: skip


def _flat_rows(result: CountryStatus) -> list[tuple[str, ...]]:
    return [
        (
            result.country.id,
            result.actor.id,
            result.on.isoformat(),
            csv_flag(result.existed),
            a.aspect,
            a.government.id if a.government else "",
            a.period.status if a.period else "",
            str(a.period.start) if a.period else "",
            str(a.period.end) if a.period and a.period.end else "",
            csv_flag(a.near_boundary),
            csv_flag(a.unconfirmed),
            source_addresses(a.period.sources) if a.period else "",
            (a.period.head or "") if a.period else "",
            csv_flag(a.period.start_known) if a.period else "",
            csv_flag(rests_on_one_source(a.period.corrections)) if a.period else "",
        )
        for a in result.aspects
    ]


def status_view(results: tuple[CountryStatus, ...], dataset: Dataset, single: bool) -> Output:
    records = [_record(r) for r in results]
    flat = Table(FLAT_COLUMNS, tuple(row for r in results for row in _flat_rows(r)))
    if single:
        [result] = results
        return Output(records[0], (records[0],), flat, _single_tables(result, dataset), _unrecorded_note(result))
    columns = ("Counterpart", *dict.fromkeys(ASPECT_LABELS[a.aspect] for r in results[:1] for a in r.aspects))
    rows = []
    for result in results:
        cells: dict[str, list[str]] = {}
        for aspect in result.aspects:
            # "not recognised" wraps at its space in a narrow column; the JSON keeps the status as written.
            shown = status_words(aspect.period) if aspect.period else NO_RECORD
            if not aspect.period and not result.existed:
                shown = DID_NOT_EXIST
            shown += (NEAR_BOUNDARY_MARK if aspect.near_boundary else "") + (
                UNCONFIRMED_MARK if aspect.unconfirmed else ""
            )
            if aspect.government and sum(1 for a in result.aspects if a.aspect == "recognition") > 1:
                shown = f"{aspect.government.name}: {shown}"
            cells.setdefault(ASPECT_LABELS[aspect.aspect], []).append(shown)
        name = result.country.name + (f" (as {result.actor.name})" if result.actor.id != result.country.id else "")
        rows.append((name, *("; ".join(cells.get(c, [NO_RECORD])) for c in columns[1:])))
    day = results[0].on.isoformat() if results else ""
    table = Table(columns, tuple(rows), f"State of relations on {day}" if day else None, frozenset(columns[1:]))
    marks = [a for r in results for a in r.aspects]
    notes: tuple[str, ...] = ("No counterpart matches.",)
    if rows:
        notes = ("'afrel status COUNTRY --on DATE' shows the sources and the events behind each status.",)
        if any(a.near_boundary for a in marks):
            notes += (f"{NEAR_BOUNDARY_MARK} the change is dated only to its month or year, which includes this day.",)
        if any(a.unconfirmed for a in marks):
            notes += (f"{UNCONFIRMED_MARK} still in the data, but no source confirms it as late as this day.",)
    return Output(records, tuple(records), flat, (table,), notes)


def _on_or_in(when: PartialDate) -> str:
    return f"on {when}" if when.precision == "day" else f"in {when}"


def _unrecorded_note(result: CountryStatus) -> tuple[str, ...]:
    """Why every aspect reads "did not exist" or "no record", and where to look instead."""
    country = result.country
    if not result.existed:
        if country.start and result.on < country.start.first_day:
            when = _on_or_in(country.start)
            return (f"{country.name} did not exist as a state on this day: it came into being {when}.",)
        if country.end and result.on > country.end.last_day:
            return (f"{country.name} did not exist on this day: it ceased to exist {_on_or_in(country.end)}.",)
        return ()
    if any(aspect.period for aspect in result.aspects):
        return ()
    name, key = result.country.name, result.country.id
    return (
        f"No status period of {name} covers this day: the sources in the data do not settle it, which does not "
        f"mean there were no relations. 'afrel timeline --country {key}' lists its events; "
        "'afrel stats --section status' shows how far the status data reaches.",
    )


def with_current_status(output: Output, result: CountryStatus) -> Output:
    """A profile with the state of relations today added: each aspect, its status and since when."""
    document = {**output.document, "status": _record(result)}
    rows = tuple((_label(a), _status_text(a, result.existed)) for a in result.aspects)
    table = Table(("Aspect", "Status"), rows, f"Relations today ({result.on.isoformat()})", frozenset({"Status"}))
    flat_rows = tuple(
        ("status", a.aspect, a.period.status, "", a.period.start.iso(), source_addresses(a.period.sources[:1]))
        for a in result.aspects
        if a.period
    )
    flat = output.flat._replace(rows=output.flat.rows + flat_rows)
    display = (*output.display[:1], table, *output.display[1:])
    return output._replace(document=document, items=(document,), flat=flat, display=display)


def _single_tables(result: CountryStatus, dataset: Dataset) -> tuple[Table, ...]:
    title = f"Relations with {result.country.name} on {result.on.isoformat()}"
    if result.actor.id != result.country.id:
        title += f" (the counterpart of that time: {result.actor.name})"
    rows = []
    for aspect in result.aspects:
        detail = _status_text(aspect, result.existed)
        if aspect.period:
            detail += f". {aspect.period.summary}"
            if aspect.period.notes:
                detail += f" Note: {aspect.period.notes}"
        rows.append((_label(aspect), detail))
    works = [s for a in result.aspects if a.period for s in a.period.sources]
    if not result.existed:
        works += result.country.sources  # the works that date when the state came into being or ceased to be
    sources = sorted({(work_text(s), address_text(s)) for s in works})
    return (
        Table(("Aspect", "Status"), tuple(rows), title, frozenset({"Status"})),
        Table(("Work", "Where"), tuple(sources), "Sources", frozenset({"Work", "Where"})),
        Table(
            ("Date", "Id", "Title"),
            tuple((str(e.when), e.id, e.title) for e in result.events),
            "Events behind these statuses",
            frozenset({"Title"}),
        ),
    )
