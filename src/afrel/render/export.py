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


def _tl_date(value: PartialDate) -> dict[str, str]:
    # TimelineJS wants the parts as strings and shows only the parts given: a year-only date stays a year.
    parts = {"year": str(value.year)}
    if value.month:
        parts["month"] = str(value.month)
    if value.day:
        parts["day"] = str(value.day)
    if value.approximate:
        parts["display_date"] = f"c. {value.iso()}"
    return parts


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


def timelinejs(events: tuple[Event, ...], dataset: Dataset, title: str | None) -> str:
    """TimelineJS3's JSON: https://timeline.knightlab.com/docs/json-format.html"""
    slides = []
    for event in events:
        slide = {
            "unique_id": event.id,
            "start_date": _tl_date(event.when),
            "text": {"headline": escape(event.title), "text": f"<p>{escape(event.summary)}</p>" + _sources_html(event)},
            "group": ", ".join(dataset.countries[c].name for c in event.countries),
        }
        if event.end_date:
            slide["end_date"] = _tl_date(event.end_date)
        slides.append(slide)
    first = min((e.first_day for e in events), default=None)
    last = max((e.last_day for e in events), default=None)
    eras = [
        {
            "start_date": _tl_date(era.start),
            "end_date": _tl_date(era.end) if era.end else {"year": str(last.year)},
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
"""


def html(events: tuple[Event, ...], dataset: Dataset, title: str | None) -> str:
    """One page with the events, grouped by era, and their sources; it loads nothing from the network."""
    from afrel.queries.stats import freshness

    newest, checked = freshness(dataset, dataset.events)
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
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def as_json(events: tuple[Event, ...], dataset: Dataset, title: str | None) -> str:
    return render_json(timeline_view(events, dataset))


def as_csv(events: tuple[Event, ...], dataset: Dataset, title: str | None) -> str:
    return render_csv(timeline_view(events, dataset))


EXPORTERS: dict[str, Callable[[tuple[Event, ...], Dataset, str | None], str]] = {
    "timelinejs": timelinejs,
    "html": html,
    "json": as_json,
    "csv": as_csv,
}
