"""Commands about counterparts: compare, profile, status, countries and stats."""

from pathlib import Path
from typing import Annotated

import typer

from afrel.cli.app import (
    CalendarOption,
    CountryFilter,
    DataOption,
    FormatOption,
    JsonOption,
    choice,
    complete_country,
    emit,
    load,
    parse_date,
    registry,
    resolve,
    terminal,
    write_to,
)
from afrel.errors import UsageError
from afrel.render import Format


@registry.command()
def compare(
    countries: Annotated[
        list[str], typer.Argument(help="Two or more countries.", autocompletion=complete_country, show_default=False)
    ],
    latest: Annotated[
        bool,
        typer.Option(
            "--latest",
            help="Each country's latest figure, even if the years differ "
            "(default: the latest year all countries share).",
        ),
    ] = False,
    publisher: Annotated[
        str | None,
        typer.Option(
            help="Only figures from this publisher, e.g. 'world bank', "
            "'factbook' or 'wikipedia' (the seed article's infobox)."
        ),
    ] = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """Indicators side by side: area, population, GDP, GDP per capita, government, capital, languages.

    Each value shows its year; the sources are listed under the table. By default figures come from one
    publisher and the latest year every country has, so they compare like with like; a warning marks rows
    whose years differ. With two countries, Ratio is the first value divided by the second.

    \b
    Examples:
      afrel compare afghanistan russia
      afrel compare afghanistan pakistan iran --format markdown
      afrel compare afghanistan russia --publisher wikipedia
      afrel compare afghanistan russia --json | jq '.indicators[] | {indicator, ratio}'
    """
    from afrel.queries.indicators import compare_countries
    from afrel.render.views import compare_view

    if len(countries) < 2:
        raise UsageError("compare needs at least two countries, e.g. 'afrel compare afghanistan russia'")
    dataset = load(data)
    resolved = tuple(resolve(dataset, name) for name in countries)
    emit(compare_view(compare_countries(dataset, resolved, latest, publisher)), format, json)


@registry.command()
def profile(
    country: Annotated[str, typer.Argument(help="A country.", autocompletion=complete_country, show_default=False)],
    recent: Annotated[int, typer.Option(min=0, help="How many recent events to list.")] = 5,
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """One country: its indicators, the state of its relations with Afghanistan today, its relations in brief, and
    its latest events.

    \b
    Examples:
      afrel profile russia
      afrel profile pakistan --recent 10 --json
    """
    import datetime

    from afrel.queries.indicators import country_profile
    from afrel.queries.status import status_of
    from afrel.render.statusview import with_current_status
    from afrel.render.views import profile_view

    dataset = load(data)
    chosen = resolve(dataset, country)
    view = profile_view(country_profile(dataset, chosen, recent), dataset)
    emit(with_current_status(view, status_of(dataset, chosen, datetime.date.today())), format, json)


@registry.command()
def status(
    country: Annotated[
        str | None,
        typer.Argument(
            help="A country; leave out for every counterpart.", autocompletion=complete_country, show_default=False
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            help="The date: 2025-12-31, 1980, 'May 1997', or in an Afghan calendar: 1400-05-24sh, '24 Asad 1400', "
            "1443-01-07ah. A year or month means its last day. Default: today."
        ),
    ] = None,
    only: Annotated[
        str | None,
        typer.Option(
            metavar="STATUS",
            help="Only counterparts with this status in some aspect, e.g. recognised or taliban-appointed; "
            "with --changes, only changes to or from it.",
        ),
    ] = None,
    history: Annotated[
        bool,
        typer.Option(
            "--history",
            help="Every period of every aspect in date order, with its sources, and a strip per aspect "
            "across the years.",
        ),
    ] = False,
    changes: Annotated[
        tuple[str, str] | None,
        typer.Option(
            metavar="FROM TO",
            help="What changed between two dates: every aspect whose status differs, old and new, with the date "
            "and sources of the change.",
            show_default=False,
        ),
    ] = None,
    also: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            help="With --changes or --history: this country (repeat for more; several --history need --to svg).",
            autocompletion=complete_country,
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="svg",
            help="With --history: draw a self-contained SVG picture for an article instead of tables.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="With --to svg: write to this file instead of stdout.", dir_okay=False),
    ] = None,
    calendar: CalendarOption = "gregorian",
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """The state of relations on a date: diplomatic relations, recognition of the Afghan government of the day,
    the counterpart's embassy in Kabul and Afghanistan's mission in its capital, each with its sources.

    An aspect with no recorded period shows as 'no record': afrel never guesses a status. Relations that
    sources show at work but do not date read 'by DATE at the latest'; before a state came into being, every
    aspect reads 'did not exist'.

    \b
    Examples:
      afrel status russia
      afrel status pakistan --on 1998-06-01
      afrel status kazakhstan --on 1980
      afrel status --on 2025-12-31 --only recognised
      afrel status --on 2025-12-31 --json | jq '.[] | {country: .country.id, recognition: .aspects[1].status}'
      afrel status pakistan --history
      afrel status iran --on '24 Asad 1400' --calendar solar-hijri
      afrel status --changes 2021-08-01 2021-12-31
      afrel status pakistan --history --to svg -o pakistan.svg
      afrel status --history --country iran --country pakistan --to svg > neighbours.svg
      afrel status --changes 2021-08-01 2021-12-31 --only closed --json | jq -r '.changes[].country.id'
    """
    import datetime

    from afrel.model import RELATION_ASPECTS

    statuses = tuple(dict.fromkeys(s for values in RELATION_ASPECTS.values() for s in values))
    choice("--only", only, statuses)
    if history and (changes or on):
        raise UsageError("--history shows every date: leave out " + ("--changes" if changes else "--on"))
    choice("--to", to, ("svg",))
    if (to or output) and not history:
        raise UsageError("--to svg and --output draw a picture of --history, e.g. afrel status iran --history --to svg")
    if output and not to:
        raise UsageError("--output writes the picture: add --to svg")
    if also and not (changes or history):
        raise UsageError("--country selects countries for --changes or --history; for one date give COUNTRY")
    names = ([country] if country else []) + (also or [])
    if history and not names:
        raise UsageError("--history needs a COUNTRY, e.g. afrel status pakistan --history")
    if history and len(names) > 1 and not to:
        raise UsageError("--history shows one country in tables; for several, draw them: --to svg")
    dataset = load(data)
    if history:
        from afrel.queries.history import history_of

        today = datetime.date.today()
        if to:
            from afrel import __version__
            from afrel.render.svgview import history_svg

            histories = tuple(history_of(dataset, resolve(dataset, name)) for name in names)
            write_to(history_svg(histories, dataset, __version__, today), output)
            return
        from afrel.render.historyview import history_view

        screen = terminal()
        found = history_of(dataset, resolve(dataset, names[0]))
        emit(history_view(found, dataset, screen.width, screen.ascii, today), format, json, calendar)
        return
    if changes:
        from afrel.queries.history import changes_between
        from afrel.render.historyview import changes_view

        if on:
            raise UsageError("--changes compares two dates: leave out --on")
        first, second = (parse_date("--changes", text) for text in changes)
        assert first and second
        if first.last_day >= second.last_day:
            raise UsageError(f"--changes: {changes[0]} is not before {changes[1]}")
        chosen = tuple(resolve(dataset, name) for name in names)
        found_changes = changes_between(dataset, first.last_day, second.last_day, chosen)
        if only:
            found_changes = tuple(c for c in found_changes if c.has_status(only))
        emit(changes_view(found_changes, first.last_day, second.last_day), format, json, calendar)
        return
    from afrel.queries.status import status_of, status_of_all
    from afrel.render.statusview import status_view

    day = parse_date("--on", on)
    when = day.last_day if day else datetime.date.today()
    results = (status_of(dataset, resolve(dataset, country), when),) if country else status_of_all(dataset, when)
    if only:
        results = tuple(r for r in results if r.has_status(only))
    emit(status_view(results, dataset, single=country is not None), format, json, calendar)


@registry.command()
def countries(
    search: Annotated[
        str | None,
        typer.Option(
            help="Show what this name resolves to and why: the countries whose id, code, name or alias matches it "
            "exactly, else the closest names."
        ),
    ] = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """The countries and bodies the other commands accept, with their codes and names in other languages.

    Any of the id, ISO codes, names or aliases may be given where a country is asked for; case, accents and
    Arabic-script letter variants do not matter.

    \b
    Examples:
      afrel countries
      afrel countries --search СССР
      afrel countries --format csv
    """
    from afrel.queries.names import CountryIndex
    from afrel.render.views import countries_view, name_matches_view

    dataset = load(data)
    if search is not None:
        emit(name_matches_view(search, CountryIndex(dataset.countries.values()).explain(search)), format, json)
        return
    ordered = tuple(sorted(dataset.countries.values(), key=lambda c: c.id))
    emit(countries_view(ordered), format, json)


STATS_SECTIONS = ("counterpart", "tag", "decade", "publisher", "precision", "status")


@registry.command()
def stats(
    country: CountryFilter = None,
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section", metavar="NAME", help="Only this section (repeatable): " + ", ".join(STATS_SECTIONS) + "."
        ),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Every row of each section, not only the largest.")] = False,
    data: DataOption = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """Counts of the data: events by counterpart, tag, decade, source publisher and date precision.

    Also how far the data reaches: the date of the newest event, the last day the sources of status periods
    were checked, and what the status periods cover (by aspect, by recognised government, and how many of
    today's states have a dated period of diplomatic relations). Tables show the largest entries of each
    section; JSON always has every row.

    \b
    Examples:
      afrel stats
      afrel stats --section publisher --all
      afrel stats --section status
      afrel stats --country pakistan --json | jq .totals
    """
    from afrel.queries.stats import count_data
    from afrel.queries.timeline import TimelineFilter, predecessors, select_events
    from afrel.render.views import stats_view

    dataset = load(data)
    chosen = tuple(resolve(dataset, n).id for n in country or ())
    events = select_events(dataset, TimelineFilter(countries=chosen))
    lines = {actor for country_id in chosen for actor in predecessors(dataset, country_id)} if chosen else None
    sections = tuple(choice("--section", name, STATS_SECTIONS) or name for name in section or ())
    emit(stats_view(count_data(dataset, events, lines), dataset, sections, show_all), format, json)
