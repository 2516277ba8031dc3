"""Files for other tools: TimelineJS3 JSON, a self-contained HTML page, and the timeline as JSON or CSV."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from afrel import __version__
from afrel.dates import PartialDate
from afrel.model import Dataset, Event, Source
from afrel.queries.timeline import era_of
from afrel.render.delimited import render_csv
from afrel.render.jsonout import dumps, render_json
from afrel.render.views import timeline_view

DEFAULT_TITLE = "Afghanistan's foreign relations"


_MONTHS = ("January February March April May June July August September October November December").split()
INTERNATIONAL = "International bodies"


def _shown(value: PartialDate) -> str:
    """A date as people read it: 1919, March 1919, 8 March 1919."""
    if value.day:
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value.month else str(value.year)
    return f"{_MONTHS[value.month - 1]} {value.year}" if value.month else str(value.year)


def _tl_date(value: PartialDate, end: bool = False) -> dict[str, str]:
    """TimelineJS's parts of a date, as strings. TimelineJS draws a year or month at its first day, so an end
    known only to the year or month is given as its last day, and shown as written."""
    if end and value.day is None:
        last = value.last_day
        parts = {"year": str(last.year), "month": str(last.month), "day": str(last.day)}
        parts["display_date"] = ("c. " if value.approximate else "") + _shown(value)
        return parts
    parts = {"year": str(value.year)}
    if value.month:
        parts["month"] = str(value.month)
    if value.day:
        parts["day"] = str(value.day)
    if value.approximate:
        parts["display_date"] = f"c. {_shown(value)}"
    return parts


def _group(dataset: Dataset, event: Event) -> str:
    """The region of the event's first counterpart (its latest successor's, for a historical state)."""
    country = dataset.countries[event.countries[0]]
    seen = {country.id}
    while country.region is None and country.successor and country.successor not in seen:
        country = dataset.countries[country.successor]
        seen.add(country.id)
    return country.region or INTERNATIONAL


def _work_html(source: Source) -> str:
    """The work first (linked to the original where it is online), then the copy it was read in."""
    work = f"{escape(source.publisher)}: {escape(source.title)}"
    html = f'<a href="{escape(source.url)}">{work}</a>' if source.url else work
    details = [escape(part) for part in (source.published, source.locator) if part]
    if details:
        html += f" ({', '.join(details)})"
    if source.via:
        html += f' (read via <a href="{escape(source.via)}">a copy</a>)'
    return html


def _sources_html(event: Event) -> str:
    return f"<p>Sources: {'; '.join(_work_html(s) for s in event.sources)}</p>"


def timelinejs(events: tuple[Event, ...], dataset: Dataset, title: str | None, group_by: str = "region") -> str:
    """TimelineJS3's JSON: https://timeline.knightlab.com/docs/json-format.html"""
    slides = []
    for event in events:
        slide = {
            "unique_id": event.id,
            "start_date": _tl_date(event.when),
            "text": {"headline": escape(event.title), "text": f"<p>{escape(event.summary)}</p>" + _sources_html(event)},
        }
        if group_by == "region":
            slide["group"] = _group(dataset, event)  # a handful of rows: TimelineJS gives each group one
        if event.end_date:
            slide["end_date"] = _tl_date(event.end_date, end=True)
        slides.append(slide)
    first = min((e.first_day for e in events), default=None)
    last = max((e.last_day for e in events), default=None)
    eras = [
        {
            "start_date": _tl_date(era.start),
            "end_date": _tl_date(era.end, end=True) if era.end else _tl_date(PartialDate(last.year), end=True),
            "text": {"headline": escape(era.name)},
        }
        for era in dataset.eras
        if first and last and era.start.first_day <= last and (era.end is None or era.end.last_day >= first)
    ]
    document = {
        "title": {
            "text": {
                "headline": escape(title or DEFAULT_TITLE),
                "text": f"<p>{len(events)} events from afrel {__version__}, data {dataset.version}.</p>",
            }
        },
        "events": slides,
        "eras": eras,
    }
    return dumps(document, indent=2) + "\n"


_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2rem; }
article { margin: 1rem 0 1.5rem; } article h3 { font-size: 1.05rem; margin: 0; }
.date { font-weight: bold; color: #555; } .meta, .sources { font-size: 0.9rem; color: #555; }
.notes { font-size: 0.9rem; border-left: 3px solid #ddd; padding-left: 0.6rem; }
p, li { overflow-wrap: anywhere; }
"""


def html(events: tuple[Event, ...], dataset: Dataset, title: str | None) -> str:
    """One page with the events, grouped by era, and their sources; it loads nothing from the network."""
    from afrel.queries.stats import freshness

    newest, checked = freshness(dataset)
    heading = escape(title or DEFAULT_TITLE)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{heading}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{heading}</h1>",
        f'<p class="meta">{len(events)} events. Made with afrel {__version__}, data {escape(dataset.version)}; '
        f"the newest event in the data is of {escape(newest or '–')}, and status periods were last checked on "
        f"{escape(checked or '–')}.</p>",
    ]
    current = None
    for event in events:
        era = era_of(dataset, event.when)
        if era is not None and era != current:
            current = era
            parts.append(f"<h2>{escape(era.name)}</h2>")
        counterparts = ", ".join(escape(dataset.countries[c].name) for c in event.countries)
        when = escape(str(event.when) + (f" – {event.end_date}" if event.end_date else ""))
        parts += [
            f'<article id="{escape(event.id)}">',
            f'<h3><span class="date">{when}</span> {escape(event.title)}</h3>',
            f'<p class="meta">{counterparts} · {escape(", ".join(event.tags))}</p>',
            f'<p dir="auto">{escape(event.summary)}</p>',
        ]
        if event.notes:
            parts.append(f'<p class="notes" dir="auto">{escape(event.notes)}</p>')
        links = "".join(
            f"<li>{_work_html(s)}" + (f", accessed {escape(s.accessed)}" if s.accessed else "") + "</li>"
            for s in event.sources
        )
        parts += [f'<ul class="sources">{links}</ul>', "</article>"]
    if not events:
        parts.append("<p>No events match.</p>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def as_json(events: tuple[Event, ...], dataset: Dataset, title: str | None) -> str:
    return render_json(timeline_view(events, dataset))


def as_csv(events: tuple[Event, ...], dataset: Dataset, title: str | None) -> str:
    return render_csv(timeline_view(events, dataset))


EXPORTERS: dict[str, Callable[..., str]] = {
    "timelinejs": timelinejs,
    "html": html,
    "json": as_json,
    "csv": as_csv,
}
