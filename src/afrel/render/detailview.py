"""Views of single events and of search results."""

from __future__ import annotations

from typing import Any

from afrel.model import CHECKED_DOCUMENTS, SINGLE_SOURCE, Dataset, Event
from afrel.queries.details import EventDetails
from afrel.queries.search import Hit
from afrel.render.views import (
    EVENT_COLUMNS,
    Output,
    Table,
    address_text,
    date_record,
    event_record,
    event_row,
    show_date,
    work_text,
)


def search_view(hits: tuple[Hit, ...], total: int, dataset: Dataset) -> Output:
    records = [{**event_record(hit.event), "score": hit.score, "matched": list(hit.words)} for hit in hits]
    words = tuple(sorted({word for hit in hits for word in hit.words}))

    def names(event: Event) -> str:
        return ", ".join(dataset.countries[c].name for c in event.countries)

    display = Table(
        ("Score", "Date", "Counterpart", "Title", "Id"),
        tuple(
            (f"{hit.score:g}", show_date(hit.event), names(hit.event), hit.event.title, hit.event.id) for hit in hits
        ),
        wide=frozenset({"Title", "Id"}),
        highlight=words,
    )
    flat = Table(("score", *EVENT_COLUMNS), tuple((f"{hit.score:g}", *event_row(hit.event)) for hit in hits))
    if not hits:
        notes: tuple[str, ...] = ("No events match.",)
    elif len(hits) < total:
        notes = (f"Showing the best {len(hits)} of {total} matching events.",)
    else:
        notes = ()
    return Output(records, tuple(records), flat, (display,), notes)


def _document_name(key: str) -> str:
    document = CHECKED_DOCUMENTS.get(key)
    return work_text(document) if document else key


def _checked_words(event: Event) -> str:
    """When the event's claims were checked, and whether any still rests on one source."""
    if not event.checked:
        return "not yet"
    words = f"every claim against the sources on {event.checked}"
    single = sum(1 for c in event.corrections if c.outcome == SINGLE_SOURCE)
    if single:
        claims = "a claim rests" if single == 1 else f"{single} claims rest"
        words += f"; {claims} on one source, which no independent source confirms (see What the check found)"
    return words


def _source_rows(event: Event) -> tuple[tuple[str, ...], ...]:
    return tuple((work_text(s), address_text(s)) for s in event.sources)


def show_view(result: EventDetails, dataset: Dataset) -> Output:
    event = result.event
    origin = f"{event.origin.file}:{event.origin.line}"
    replaced = f"{result.replaced.file}:{result.replaced.line}" if result.replaced else None
    document: dict[str, Any] = {
        **event_record(event),
        "era": {"id": result.era.id, "name": result.era.name} if result.era else None,
        "related": [{"id": e.id, "date": date_record(e.when), "title": e.title} for e in result.related],
        "status_periods": [
            {
                "country": r.country,
                "aspect": r.aspect,
                "status": r.status,
                "government": r.government,
                "start": date_record(r.start),
                "end": date_record(r.end),
            }
            for r in result.relations
        ],
        "replaces": {"file": result.replaced.file, "line": result.replaced.line} if result.replaced else None,
    }
    facts = [
        ("Id", event.id),
        (
            "Date",
            f"{show_date(event)} (known to the {event.when.precision.value}"
            + (", approximate)" if event.when.approximate else ")"),
        ),
        ("Counterparts", ", ".join(f"{dataset.countries[c].name} ({c})" for c in event.countries)),
        ("Tags", ", ".join(event.tags)),
        ("Era", result.era.name if result.era else "–"),
        ("Summary", event.summary),
    ]
    if event.notes:
        facts.append(("Notes", event.notes))
    facts.append(("Checked", _checked_words(event)))
    facts.append(("From", origin + (f" (replaces the bundled record at {replaced})" if replaced else "")))
    tables = [
        Table(("", " "), tuple(facts), event.title, frozenset({" "})),
        Table(("Work", "Where"), _source_rows(event), "Sources", frozenset({"Work", "Where"})),
        Table(
            ("Date", "Source", "Note"),
            tuple((str(a.when), a.source, a.note) for a in event.alternative_dates),
            "Other dates given by sources",
            frozenset({"Note"}),
        ),
        Table(
            ("Claim", "By", "Status", "What the sources show"),
            tuple((d.claim, _document_name(d.claimed_by), d.status, d.note) for d in event.disputes),
            "Disputed claims",
            frozenset({"Claim", "What the sources show"}),
        ),
        Table(
            ("Kind", "Outcome", "Claim", "What the sources show"),
            tuple((c.kind, c.outcome, c.was, c.note) for c in event.corrections),
            "What the check found",
            frozenset({"Claim", "What the sources show"}),
        ),
        Table(
            ("Country", "Aspect", "Status", "From", "To"),
            tuple(
                (
                    r.country,
                    r.aspect + (f" ({r.government})" if r.government else ""),
                    r.status,
                    str(r.start),
                    str(r.end) if r.end else "",
                )
                for r in result.relations
            ),
            "Status periods this event set or ended",
        ),
        Table(
            ("Date", "Id", "Title"),
            tuple((show_date(e), e.id, e.title) for e in result.related),
            "Related events",
            frozenset({"Id", "Title"}),
        ),
    ]
    flat_rows = [(key.lower(), value) for key, value in facts]
    flat_rows += [("source", address) for s in event.sources if (address := s.address)]
    flat_rows += [("alternative_date", f"{a.when} {a.source}") for a in event.alternative_dates]
    flat_rows += [("related", e.id) for e in result.related]
    return Output(document, (document,), Table(("field", "value"), tuple(flat_rows)), tuple(tables))
