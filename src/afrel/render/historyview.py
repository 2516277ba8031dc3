"""Relations over time: the status periods of a counterpart as tables and strips, and what changed between days."""

from __future__ import annotations

from datetime import date
from typing import Any

from afrel.model import Dataset, Relation, Source, rests_on_one_source
from afrel.queries.history import Change, History, Standing, Strand
from afrel.queries.status import covering
from afrel.render.statusview import NO_RECORD, status_words
from afrel.render.views import (
    ASPECT_LABELS,
    VERTICAL_BELOW,
    Output,
    Table,
    country_record,
    csv_flag,
    date_record,
    period_record,
    source_addresses,
    start_words,
)

# The kinds of status a strip or a picture tells apart: a working relationship, a Taliban-appointed mission,
# a reduced one, and none. The terminal marks them (Unicode, ASCII), the picture colours them.
STATUS_GROUPS = (
    ("established, open, recognised", ("established", "open", "recognised"), ("█", "#")),
    ("Taliban-appointed", ("taliban-appointed",), ("▓", "%")),
    ("downgraded, suspended", ("downgraded", "suspended"), ("▒", "=")),
    ("severed, closed, not recognised, none", ("severed", "closed", "not-recognised", "none"), ("░", "-")),
)
STATUS_MARKS = {status: marks for _, statuses, marks in STATUS_GROUPS for status in statuses}
NO_RECORD_MARK = ("·", ".")
LABEL_WIDTH = 22


def short_label(strand: Strand) -> str:
    """A label that fits beside a strip: a government by the years it held power."""
    if government := strand.government:
        return f"Recognition {government.start.year}-{government.end.year if government.end else ''}"
    return {"relations": "Relations"}.get(strand.aspect, ASPECT_LABELS[strand.aspect])


def strips(history: History, width: int, ascii: bool, today: date) -> tuple[str, ...]:
    """One strip per aspect across the years, each character a stretch of time, with the years at both ends."""
    starts = [p.start.first_day for s in history.strands for p in s.periods]
    if not starts:
        return ()
    first, last = date(min(starts).year, 1, 1), today
    side = width >= VERTICAL_BELOW
    room = max(10, width - LABEL_WIDTH - 1 if side else width)
    span = (last - first).days + 1
    pick = 1 if ascii else 0
    lines = [f"Relations with {history.country.name}, {first.year}-{last.year}"]
    for strand in history.strands:
        cells = []
        for i in range(room):
            middle = first.toordinal() + int((i + 0.5) * span / room)
            period = covering(strand.periods, date.fromordinal(min(middle, last.toordinal())))
            cells.append(STATUS_MARKS[period.status][pick] if period else NO_RECORD_MARK[pick])
        label = short_label(strand)
        if side:
            lines.append(f"{label:<{LABEL_WIDTH}} {''.join(cells)}")
        else:
            lines += [label, "".join(cells)]
    axis = f"{first.year}".ljust(room - 4) + f"{last.year}"
    lines.append((" " * (LABEL_WIDTH + 1) if side else "") + axis)
    legend = [f"{marks[pick]} {text}" for text, _, marks in STATUS_GROUPS] + [f"{NO_RECORD_MARK[pick]} no record"]
    joined = "   ".join(legend)
    lines += [joined] if len(joined) <= width else legend
    return tuple(lines)


FLAT_COLUMNS = (
    "country", "aspect", "government", "status", "start", "end", "as_of", "events", "source_urls", "head",
    "start_known", "single_source_claim",
)  # fmt: skip


def _flat(period: Relation) -> tuple[str, ...]:
    return (
        period.country,
        period.aspect,
        period.government or "",
        period.status,
        str(period.start),
        str(period.end) if period.end else "",
        str(period.as_of) if period.as_of else "",
        " ".join(period.events),
        source_addresses(period.sources),
        period.head or "",
        csv_flag(period.start_known),
        csv_flag(rests_on_one_source(period.corrections)),
    )


def _sources_text(sources: tuple[Source, ...]) -> str:
    return "; ".join(f"{s.publisher}" + (f" ({s.published})" if s.published else "") for s in sources)


def _sources_of(periods: tuple[Relation, ...]) -> tuple[Source, ...]:
    """The works behind some periods, each once: a change's old and new periods often cite the same page."""
    return tuple({(s.address or s.title, s.publisher): s for p in periods for s in p.sources}.values())


def history_view(history: History, dataset: Dataset, width: int, ascii: bool, today: date) -> Output:
    document = {
        "country": country_record(history.country),
        "aspects": [
            {
                "aspect": strand.aspect,
                "government": {"id": strand.government.id, "name": strand.government.name}
                if strand.government
                else None,
                "periods": [period_record(p) for p in strand.periods],
            }
            for strand in history.strands
        ],
        "events": [{"id": e.id, "date": date_record(e.when), "title": e.title} for e in history.events],
    }
    periods = [p for s in history.strands for p in s.periods]
    flat = Table(FLAT_COLUMNS, tuple(_flat(p) for p in periods))
    rows = tuple(
        (
            short_label(strand),
            status_words(p),
            start_words(p),
            str(p.end) if p.end else (f"still (confirmed {p.as_of})" if p.as_of else "still"),
            _sources_text(p.sources) + ("; a claim rests on one source" if rests_on_one_source(p.corrections) else ""),
        )
        for strand in history.strands
        for p in strand.periods
    )
    table = Table(
        ("Aspect", "Status", "From", "To", "Sources"),
        rows,
        f"Relations with {history.country.name} over time",
        frozenset({"Sources"}),
    )
    events = Table(
        ("Date", "Id", "Title"),
        tuple((str(e.when), e.id, e.title) for e in history.events),
        "Events behind these periods",
        frozenset({"Title"}),
    )
    notes: tuple[str, ...] = ()
    if not periods:
        notes = (f"No status periods are recorded for {history.country.name}.",)
    else:
        notes = ("A gap between periods means no record for that time, not a change of status.",)
    figure = strips(history, width, ascii, today)
    return Output(document, tuple(document["aspects"]), flat, (table, events), notes, figure)


def _standing_text(standing: Standing) -> str:
    government = f" (government of {standing.government.start.year})" if standing.government else ""
    return standing.status.replace("-", " ") + government


def _statuses_text(statuses: tuple[Standing, ...]) -> str:
    return "; ".join(_standing_text(s) for s in statuses) or NO_RECORD


def _standing_record(standing: Standing) -> dict[str, Any]:
    government = standing.government
    return {
        "status": standing.status,
        "government": {"id": government.id, "name": government.name} if government else None,
    }


def _change_text(change: Change) -> str:
    parts = [f"{p.status.replace('-', ' ')} from {start_words(p)}" for p in change.steps]
    parts += [f"{p.status.replace('-', ' ')} ended {p.end}" for p in change.ended]
    return "; ".join(parts) or "the government of the day changed"


CHANGE_COLUMNS = ("country", "aspect", "before", "after", "changes", "source_urls")


def changes_view(changes: tuple[Change, ...], first: date, second: date) -> Output:
    records = [
        {
            "country": country_record(c.country),
            "aspect": c.aspect,
            "before": [_standing_record(s) for s in c.before],
            "after": [_standing_record(s) for s in c.after],
            "steps": [period_record(p) for p in c.steps],
            "ended": [period_record(p) for p in c.ended],
        }
        for c in changes
    ]
    document = {"from": first.isoformat(), "to": second.isoformat(), "changes": records}
    flat = Table(
        CHANGE_COLUMNS,
        tuple(
            (
                c.country.id,
                c.aspect,
                "; ".join(_standing_text(s) for s in c.before),
                "; ".join(_standing_text(s) for s in c.after),
                _change_text(c),
                source_addresses(_sources_of((*c.steps, *c.ended))),
            )
            for c in changes
        ),
    )
    tables = []
    for aspect, label in ASPECT_LABELS.items():
        rows = tuple(
            (
                c.country.name,
                _statuses_text(c.before),
                _statuses_text(c.after),
                _change_text(c),
                _sources_text(_sources_of((*c.steps, *c.ended))),
            )
            for c in changes
            if c.aspect == aspect
        )
        if rows:
            tables.append(
                Table(
                    ("Counterpart", f"On {first.isoformat()}", f"On {second.isoformat()}", "Change", "Sources"),
                    rows,
                    f"{label}: what changed between {first.isoformat()} and {second.isoformat()}",
                    frozenset({"Change", "Sources"}),
                )
            )
    notes: tuple[str, ...] = ()
    if not changes:
        notes = ("No recorded status differs between the two days.",)
    else:
        notes = ("'afrel status COUNTRY --history' shows every period with its sources.",)
    return Output(document, tuple(records), flat, tuple(tables), notes)
