"""Commands about events: timeline, search, show, cite, chart and export."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from afrel.cli.app import (
    CalendarOption,
    CountryFilter,
    DataOption,
    ExactOption,
    FormatOption,
    JsonOption,
    SearchFilter,
    SinceOption,
    StartingOption,
    TagFilter,
    UntilOption,
    choice,
    complete_event,
    emit,
    load,
    registry,
    selection,
    terminal,
    write,
    write_to,
)
from afrel.errors import UsageError
from afrel.render import Format

LimitOption = Annotated[int | None, typer.Option(min=1, help="Print at most this many events.")]


@registry.command()
def timeline(
    country: CountryFilter = None,
    exact: ExactOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    starting: StartingOption = False,
    tag: TagFilter = None,
    search: SearchFilter = None,
    limit: LimitOption = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
    calendar: CalendarOption = "gregorian",
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """Events between Afghanistan and other states, oldest first.

    A date known only to the year or month matches any range it overlaps:
    --since 1919-06 includes an event dated only 1919.

    \b
    Examples:
      afrel timeline --country russia
      afrel timeline --country pakistan --tag border --since 2021
      afrel timeline --country iran --since 1400-01-01sh --calendar solar-hijri
      afrel timeline --country russia --format json | jq '.[].title'
    """
    from afrel.queries.timeline import select_events
    from afrel.render.views import timeline_view

    dataset = load(data)
    chosen = selection(
        dataset, country, exact, since, until, tag, search=search, limit=limit, reverse=reverse, starting=starting
    )
    emit(timeline_view(select_events(dataset, chosen), dataset), format, json, calendar)


@registry.command()
def search(
    text: Annotated[
        str, typer.Argument(help="Words to look for; each must start a word of the event.", show_default=False)
    ],
    country: CountryFilter = None,
    exact: ExactOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagFilter = None,
    limit: LimitOption = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """Full-text search of titles, summaries and notes, best match first.

    Every word must match the start of a word ('recogni' finds 'recognised'); case, accents and Arabic-script
    letter variants are ignored. A match in a title counts three times one in a summary; notes count half.
    Matching words are highlighted in tables.

    \b
    Examples:
      afrel search "durand line"
      afrel search embassy --country india --since 2021
      afrel search recognition --json | jq '.[] | {id, score}'
    """
    from afrel.queries.search import search_events
    from afrel.queries.timeline import select_events
    from afrel.render.detailview import search_view

    dataset = load(data)
    events = select_events(dataset, selection(dataset, country, exact, since, until, tag))
    hits = search_events(events, text)
    emit(search_view(hits[:limit] if limit else hits, len(hits), dataset), format, json)


@registry.command()
def show(
    event_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="An event id, as timeline and search print it.",
            autocompletion=complete_event,
            show_default=False,
        ),
    ],
    calendar: CalendarOption = "gregorian",
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """One event in full: dates and precision, sources, notes, disputed dates, era, related events, origin.

    \b
    Examples:
      afrel show russia-recognises-taliban-government-2025
      afrel show treaty-of-rawalpindi-1919 --json | jq '.sources[].url'
    """
    from afrel.queries.details import event_details
    from afrel.render.detailview import show_view

    dataset = load(data)
    emit(show_view(event_details(dataset, event_id), dataset), format, json, calendar)


class CiteStyle(StrEnum):
    text = "text"
    bibtex = "bibtex"
    csl_json = "csl-json"


@registry.command()
def cite(
    event_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID]...",
            help="Event ids; or none, to cite the events the filters select.",
            autocompletion=complete_event,
            show_default=False,
        ),
    ] = None,
    style: Annotated[CiteStyle, typer.Option(help="Citation style.", case_sensitive=False)] = CiteStyle.text,
    country: CountryFilter = None,
    exact: ExactOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagFilter = None,
    search: SearchFilter = None,
    data: DataOption = None,
) -> None:
    """Citations of the sources behind events, ready for a paper or a reference manager.

    Each work is cited once, with a key made from its author or publisher, its year and a word of its title:
    the same work has the same key whatever else is cited. text is one reference per line; bibtex gives
    biblatex entries (@article, @book, @online, @misc); csl-json is the CSL JSON that Zotero, Pandoc and
    citeproc read. Name events by id, or select them with the timeline's filters.

    \b
    Examples:
      afrel cite treaty-of-rawalpindi-1919
      afrel cite treaty-of-rawalpindi-1919 --style bibtex >> refs.bib
      afrel cite --country japan --since 2021 --style bibtex
      afrel cite treaty-of-rawalpindi-1919 --style csl-json | jq '.[0].URL'
    """
    from afrel.queries.citations import cited_sources
    from afrel.queries.details import find_event
    from afrel.queries.timeline import select_events
    from afrel.render.cite import STYLES

    dataset = load(data)
    filtered = bool(country or since or until or tag or search)
    if not event_ids and not filtered:
        raise UsageError("name events by id, or select them with --country, --since, --until, --tag or --search")
    events = [find_event(dataset, event_id) for event_id in event_ids or ()]
    if filtered:
        events += select_events(dataset, selection(dataset, country, exact, since, until, tag, search=search))
    if not events:
        raise UsageError("no events match the filters, so there is nothing to cite")
    write(STYLES[style.value](cited_sources(dataset, events)))


@registry.command()
def chart(
    per: Annotated[str, typer.Option(metavar="year|decade", help="Count events per year or per decade.")] = "decade",
    by: Annotated[
        str | None,
        typer.Option(metavar="counterpart|tag", help="One row per counterpart or tag instead of one bar per period."),
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="With --by: how many rows (the largest) to show.")] = 15,
    eras: Annotated[
        bool, typer.Option("--eras", help="Draw Afghanistan's eras as a band, with the events on it.")
    ] = False,
    country: CountryFilter = None,
    exact: ExactOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagFilter = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """Terminal charts of the events: counts per year or decade, by counterpart or tag, or a band of eras.

    Charts fit the terminal width and use plain ASCII when the output cannot show other characters
    (TERM=dumb, or a non-UTF-8 encoding). JSON, CSV and the other formats give the counts themselves.

    \b
    Examples:
      afrel chart
      afrel chart --country pakistan --per year --since 2001
      afrel chart --by counterpart --top 10
      afrel chart --eras
    """
    from afrel.queries.charts import GROUPINGS, PERIODS, histogram
    from afrel.queries.timeline import select_events
    from afrel.render.chartview import era_band_view, histogram_view

    choice("--per", per, PERIODS)
    choice("--by", by, GROUPINGS)
    dataset = load(data)
    events = select_events(dataset, selection(dataset, country, exact, since, until, tag))
    screen = terminal()
    if eras:
        if by:
            raise UsageError("--eras draws one band; it does not take --by")
        emit(era_band_view(dataset, events, screen.width, screen.ascii), format, json)
        return
    emit(histogram_view(histogram(events, per, by, top), dataset, screen.width, screen.ascii), format, json)


class ExportFormat(StrEnum):
    timelinejs = "timelinejs"
    html = "html"
    json = "json"
    csv = "csv"


@registry.command()
def export(
    to: Annotated[ExportFormat, typer.Option("--to", help="What to write.", case_sensitive=False)],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False)
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title of the page or timeline.")] = None,
    country: CountryFilter = None,
    exact: ExactOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    starting: StartingOption = False,
    tag: TagFilter = None,
    group_by: Annotated[
        str,
        typer.Option(
            "--group-by",
            metavar="region|none",
            help="TimelineJS: one row of the timeline per region of the counterpart, or a single row.",
        ),
    ] = "region",
    data: DataOption = None,
) -> None:
    """The (filtered) timeline as a file for other tools: TimelineJS, a self-contained HTML page, JSON or CSV.

    timelinejs is TimelineJS3's JSON (events with dates, text, groups by region, and Afghanistan's eras);
    html is one page with the events and their sources that needs no network access to view; json and csv are
    the same as 'timeline --format json|csv'.

    Without --title, the title says which dates were asked for and whether events overlapping them or
    starting within them (--starting) were chosen.

    \b
    Examples:
      afrel export --to html --country russia -o russia.html
      afrel export --to timelinejs --country pakistan > pakistan-timeline.json
      afrel export --to html --since 1979 --until 1989 --starting -o soviet-war.html
    """
    from afrel.queries.timeline import select_events
    from afrel.render.export import EXPORTERS

    dataset = load(data)
    chosen = selection(dataset, country, exact, since, until, tag, starting=starting)
    if title is None and (chosen.since or chosen.until):
        span = f"{chosen.since or '…'} to {chosen.until or '…'}"
        title = f"Afghanistan's foreign relations: events {'starting' if starting else 'overlapping'} {span}"
    options = {"group_by": choice("--group-by", group_by, ("region", "none"))} if to.value == "timelinejs" else {}
    write_to(EXPORTERS[to.value](select_events(dataset, chosen), dataset, title, **options), output)
