"""The command line: parse options, run a query, pick a renderer, print once. No domain logic here."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from afrel import __version__
from afrel.dates import DateError, PartialDate, parse_user_date
from afrel.errors import DataErrors, ExitStatus, UsageError
from afrel.model import TAGS, Dataset
from afrel.render import Format, renderer

if TYPE_CHECKING:
    from afrel.render.views import Output


class _Group(TyperGroup):
    """Turns every failure into one line on stderr with a named exit status."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        try:
            status = super().main(argv, "afrel", complete_var, standalone_mode=False, **extra)
            status = status if isinstance(status, int) else ExitStatus.OK
        except BrokenPipeError:
            status = _quiet_broken_pipe()
        except Exception as error:  # noqa: BLE001 - the one place that reports every failure
            status = _report(error, debug="--debug" in argv or bool(os.environ.get("AFREL_DEBUG")))
        if standalone_mode:
            sys.exit(status)
        return status


def _report(error: Exception, debug: bool) -> int:
    if isinstance(error, (UsageError, DateError)):
        _error_line(str(error))
        return ExitStatus.USAGE
    if type(error).__name__ == "NoArgsIsHelpError":
        sys.stdout.write(error.format_message() + "\n")  # type: ignore[attr-defined]
        return ExitStatus.OK
    if hasattr(error, "format_message") and hasattr(error, "exit_code"):
        # Click's own errors (bad option, bad value, missing argument), from whichever click Typer uses.
        _error_line(error.format_message())
        return int(error.exit_code)
    if isinstance(error, typer.Abort):
        return 130 if isinstance(error.__context__, KeyboardInterrupt) else 1
    if isinstance(error, KeyboardInterrupt):
        return 130
    if isinstance(error, DataErrors):
        first = error.problems[0]
        more = f" (and {len(error.problems) - 1} more; 'afrel validate' lists them)" if len(error.problems) > 1 else ""
        _error_line(f"invalid data: {first}{more}")
        return ExitStatus.USAGE
    if debug:
        import traceback

        traceback.print_exception(error)
    _error_line(f"internal error: {type(error).__name__}: {error}. This is a bug: please report it"
                + ("" if debug else " with the output of the same command run with --debug"))
    return ExitStatus.INTERNAL


def _error_line(message: str) -> None:
    sys.stderr.write(f"afrel: error: {' '.join(message.split())}\n")


def _quiet_broken_pipe() -> int:
    # The reader went away (`afrel timeline | head -1`): that is not an error worth a word.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return ExitStatus.OK


app = typer.Typer(
    cls=_Group,
    name="afrel",
    help="Afghanistan's foreign relations: sourced timelines and country comparisons.",
    epilog="Run 'afrel COMMAND --help' for a command's options and examples.",
    rich_markup_mode=None,  # plain help: keeps Rich off the start-up path
    pretty_exceptions_enable=False,
    add_completion=True,
    no_args_is_help=True,
)

_settings: dict[str, Any] = {"color": "auto"}


def _version(value: bool) -> None:
    if value:
        dataset = _dataset()
        sys.stdout.write(f"afrel {__version__} (data {dataset.version}, {len(dataset.events)} events)\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the program and data versions and exit.")] = False,
    color: Annotated[str, typer.Option("--color", metavar="auto|always|never",
                                       help="Colour in tables: auto (terminal, unless NO_COLOR or TERM=dumb), "
                                            "always or never.")] = "auto",
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    if color not in ("auto", "always", "never"):
        raise UsageError(f"--color must be auto, always or never, not {color!r}")
    _settings["color"] = color


# Loading and resolving.

_cache: dict[str, Dataset] = {}


def _dataset() -> Dataset:
    if "bundled" not in _cache:
        from afrel.store import load_bundled

        _cache["bundled"] = load_bundled()
    return _cache["bundled"]


def _resolve(name: str) -> Any:
    from afrel.resolve import CountryIndex

    return CountryIndex(_dataset().countries.values()).resolve(name)


def _date(option: str, text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return parse_user_date(text)
    except DateError as error:
        raise UsageError(f"{option}: {error}") from None


def _tags(names: list[str]) -> tuple[str, ...]:
    from afrel.resolve import suggest_word

    for name in names:
        if name not in TAGS:
            raise UsageError(f"unknown tag {name!r}{suggest_word(name, TAGS)} (run 'afrel timeline --help' for all)")
    return tuple(names)


# Completion: offered by the shell after `afrel --install-completion`.


def _complete_country(incomplete: str) -> list[str]:
    try:
        ids = sorted(_dataset().countries)
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []
    return [name for name in ids if name.startswith(incomplete.casefold())]


def _complete_tag(incomplete: str) -> list[tuple[str, str]]:
    return [(tag, help) for tag, help in TAGS.items() if tag.startswith(incomplete)]


# Output.

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def _terminal() -> tuple[int, bool]:
    """Width and whether to use colour, from the terminal and the usual environment variables."""
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns
    choice = _settings["color"]
    if choice == "always":
        return width, True
    if choice == "never" or "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return width, False
    return width, sys.stdout.isatty()


def _emit(output: Output, format: Format, as_json: bool) -> None:
    chosen = Format.json if as_json else format
    width, color = _terminal()
    text = renderer(chosen)(output, width=width, color=color)
    stream = sys.stdout
    if (stream.encoding or "").lower().replace("-", "") not in ("utf8", "utf8sig"):
        # Persian, Russian or Hebrew text on an ASCII terminal: replace what it cannot show, never crash.
        text = text.encode(stream.encoding or "ascii", errors="replace").decode(stream.encoding or "ascii")
    stream.write(text)
    stream.flush()


# Commands.

TAG_HELP = "Only events with this tag (repeatable): " + ", ".join(TAGS) + "."


@app.command()
def timeline(
    country: Annotated[list[str] | None, typer.Option(
        "--country", "-c", help="Only events with this counterpart (repeatable). Predecessor states are included: "
                                "russia also gives the Soviet Union and the Russian Empire.",
        autocompletion=_complete_country)] = None,
    exact: Annotated[bool, typer.Option("--exact", help="Only the states named, not their predecessors.")] = False,
    since: Annotated[str | None, typer.Option(help="From this date: 1919, 1919-08, 1919-08-08 or 'March 1919'.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, inclusive (same forms as --since).")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help=TAG_HELP, autocompletion=_complete_tag)] = None,
    search: Annotated[str | None, typer.Option(help="Only events whose title, summary or notes contain all these "
                                                    "words (case and accents ignored).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Print at most this many events.")] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
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
      afrel timeline --country russia --format json | jq '.[].title'
    """
    from afrel.query import TimelineFilter
    from afrel.query import timeline as run_timeline
    from afrel.render.views import timeline_view

    selection = TimelineFilter(
        countries=tuple(_resolve(name).id for name in country or ()),
        exact=exact,
        since=_date("--since", since),
        until=_date("--until", until),
        tags=_tags(tag or []),
        search=search,
        limit=limit,
        reverse=reverse,
    )
    events = run_timeline(_dataset(), selection)
    _emit(timeline_view(events, _dataset()), format, json)


@app.command()
def compare(
    countries: Annotated[list[str], typer.Argument(help="Two or more countries.", autocompletion=_complete_country,
                                                   show_default=False)],
    latest: Annotated[bool, typer.Option("--latest", help="Each country's latest figure, even if the years differ "
                                                          "(default: the latest year all countries share).")] = False,
    publisher: Annotated[str | None, typer.Option(help="Only figures from this publisher, e.g. 'world bank', "
                                                       "'factbook' or 'wikipedia' (the seed article's infobox).")] = None,
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
    from afrel.query import compare as run_compare
    from afrel.render.views import compare_view

    if len(countries) < 2:
        raise UsageError("compare needs at least two countries, e.g. 'afrel compare afghanistan russia'")
    resolved = tuple(_resolve(name) for name in countries)
    _emit(compare_view(run_compare(_dataset(), resolved, latest, publisher)), format, json)


@app.command()
def profile(
    country: Annotated[str, typer.Argument(help="A country.", autocompletion=_complete_country, show_default=False)],
    recent: Annotated[int, typer.Option(min=0, help="How many recent events to list.")] = 5,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """One country: its indicators, its relations with Afghanistan in brief, and its latest events.

    \b
    Examples:
      afrel profile russia
      afrel profile pakistan --recent 10 --json
    """
    from afrel.query import profile as run_profile
    from afrel.render.views import profile_view

    _emit(profile_view(run_profile(_dataset(), _resolve(country), recent), _dataset()), format, json)


@app.command()
def countries(format: FormatOption = Format.table, json: JsonOption = False) -> None:
    """The countries and bodies the other commands accept, with their codes and aliases.

    Any of the id, ISO codes, name or aliases may be given where a country is asked for.

    \b
    Examples:
      afrel countries
      afrel countries --format csv
    """
    from afrel.render.views import countries_view

    ordered = tuple(sorted(_dataset().countries.values(), key=lambda c: c.id))
    _emit(countries_view(ordered), format, json)


@app.command()
def stats(
    country: Annotated[list[str] | None, typer.Option(
        "--country", "-c", help="Count only events with this counterpart and its predecessors (repeatable).",
        autocompletion=_complete_country)] = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """Counts of the data: events by counterpart, tag, decade, source publisher and date precision.

    \b
    Examples:
      afrel stats
      afrel stats --country pakistan --json | jq .totals
    """
    from afrel.query import TimelineFilter
    from afrel.query import stats as run_stats
    from afrel.query import timeline as run_timeline
    from afrel.render.views import stats_view

    events = run_timeline(_dataset(), TimelineFilter(countries=tuple(_resolve(name).id for name in country or ())))
    _emit(stats_view(run_stats(_dataset(), events), _dataset()), format, json)


@app.command()
def schema(
    command: Annotated[str | None, typer.Argument(help="A command: timeline, compare, profile, countries or stats.",
                                                  show_default=False)] = None,
) -> None:
    """The JSON Schema of a command's JSON output (of all commands when none is named).

    \b
    Examples:
      afrel schema timeline
      afrel schema | jq 'keys'
    """
    from afrel.render.jsonout import dumps
    from afrel.schemas import SCHEMAS
    from afrel.resolve import suggest_word

    if command is None:
        document: Any = SCHEMAS
    elif command in SCHEMAS:
        document = SCHEMAS[command]
    else:
        raise UsageError(f"no JSON schema for {command!r}{suggest_word(command, SCHEMAS)} "
                         f"(commands: {', '.join(SCHEMAS)})")
    sys.stdout.write(dumps(document, indent=2) + "\n")


def main() -> NoReturn:
    app()
    raise SystemExit(0)  # pragma: no cover - app() always exits
