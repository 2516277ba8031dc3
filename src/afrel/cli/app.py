"""The Typer app and what every command shares: error reporting, options, loading the data, printing once."""

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from afrel import __version__
from afrel.cli.environment import Environment, Terminal, current, using
from afrel.dates import DateError, PartialDate, parse_user_date
from afrel.errors import DataErrors, ExitStatus, UsageError
from afrel.model import TAGS, Country, Dataset
from afrel.render import Format, renderer

if TYPE_CHECKING:
    from pathlib import Path

    from afrel.queries.timeline import TimelineFilter
    from afrel.render.views import Output


# Every command: the module that defines it, and the line `afrel --help` shows for it (the first paragraph of
# its docstring; a test keeps the two equal). Only the module of the command being run is imported, and only
# that command is turned into a click command, which keeps start-up close to that of Python and Typer alone.
COMMANDS: dict[str, tuple[str, str]] = {
    "timeline": ("afrel.cli.events", "Events between Afghanistan and other states, oldest first."),
    "search": ("afrel.cli.events", "Full-text search of titles, summaries and notes, best match first."),
    "show": (
        "afrel.cli.events",
        "One event in full: dates and precision, sources, notes, disputed dates, era, related events, origin.",
    ),
    "cite": ("afrel.cli.events", "Citations of the sources behind events, ready for a paper or a reference manager."),
    "chart": (
        "afrel.cli.events",
        "Terminal charts of the events: counts per year or decade, by counterpart or tag, or a band of eras.",
    ),
    "export": (
        "afrel.cli.events",
        "The (filtered) timeline as a file for other tools: TimelineJS, a self-contained HTML page, JSON or CSV.",
    ),
    "compare": (
        "afrel.cli.places",
        "Indicators side by side: area, population, GDP, GDP per capita, government, capital, languages.",
    ),
    "profile": (
        "afrel.cli.places",
        "One country: its indicators, the state of its relations with Afghanistan today, its relations in brief, and "
        "its latest events.",
    ),
    "status": (
        "afrel.cli.places",
        "The state of relations on a date: diplomatic relations, recognition of the Afghan "
        "government of the day, the counterpart's embassy in Kabul and Afghanistan's "
        "mission in its capital, each with its sources.",
    ),
    "countries": (
        "afrel.cli.places",
        "The countries and bodies the other commands accept, with their codes and names in other languages.",
    ),
    "stats": (
        "afrel.cli.places",
        "Counts of the data: events by counterpart, tag, decade, source publisher and date precision.",
    ),
    "validate": (
        "afrel.cli.data",
        "Check data files and list every problem, each with its file, line and field; exit 1 if there are any.",
    ),
    "schema": ("afrel.cli.data", "The JSON Schema of a command's JSON output (of all commands when none is named)."),
}

# The commands register here, not on `app`: Typer would otherwise build all of them on every call.
registry = typer.Typer()


class _Group(TyperGroup):
    """Builds only the command that runs, and turns every failure into one line on stderr with a named exit status."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            from importlib import import_module

            from typer.main import get_command_from_info

            import_module(COMMANDS[cmd_name][0])
            info = next(i for i in registry.registered_commands if i.callback and i.callback.__name__ == cmd_name)
            self.commands[cmd_name] = get_command_from_info(info, pretty_exceptions_short=False, rich_markup_mode=None)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # Each description in full, wrapped by the formatter: a sentence cut short says less than a long line.
        with formatter.section("Commands"):
            formatter.write_dl([(name, line) for name, (_, line) in COMMANDS.items()])

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in COMMANDS and not args[0].startswith("-") and not ctx.resilient_parsing:
            from difflib import get_close_matches

            close = ", ".join(repr(name) for name in get_close_matches(args[0], COMMANDS))
            raise UsageError(f"No such command {args[0]!r}." + (f" Did you mean {close}?" if close else ""))
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        given = extra.get("obj")
        with using(given if isinstance(given, Environment) else current()):
            status = self._run(argv, complete_var, windows_expand_args, **extra)
        if standalone_mode:
            sys.exit(status)
        return status

    def _run(self, argv: list[str], complete_var: str | None, windows_expand_args: bool, **extra: Any) -> int:
        try:
            status = super().main(argv, "afrel", complete_var, False, windows_expand_args, **extra)
            status = status if isinstance(status, int) else ExitStatus.OK
        except BrokenPipeError:
            status = _quiet_broken_pipe()
        except Exception as error:  # noqa: BLE001 - the one place that reports every failure
            status = _report(error, debug="--debug" in argv or bool(current().env.get("AFREL_DEBUG")))
        return int(status)


def _report(error: Exception, debug: bool) -> int:
    if isinstance(error, (UsageError, DateError)):
        _error_line(str(error))
        return ExitStatus.USAGE
    if type(error).__name__ == "NoArgsIsHelpError":
        current().write(error.format_message() + "\n")  # type: ignore[attr-defined]
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
    _error_line(
        f"internal error: {type(error).__name__}: {error}. This is a bug: please report it"
        + ("" if debug else " with the output of the same command run with --debug")
    )
    return ExitStatus.INTERNAL


def _error_line(message: str) -> None:
    current().error_line(message)


def _quiet_broken_pipe() -> int:
    # The reader went away (`afrel timeline | head -1`): that is not an error worth a word.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return ExitStatus.OK


app = typer.Typer(
    cls=_Group,
    name="afrel",
    help="Afghanistan's foreign relations: sourced timelines, the state of relations on any date, and country "
    "comparisons.",
    epilog="Run 'afrel COMMAND --help' for a command's options and examples.",
    rich_markup_mode=None,  # plain help: keeps Rich off the start-up path
    pretty_exceptions_enable=False,
    add_completion=True,
    no_args_is_help=True,
)


def _version(value: bool) -> None:
    if value:
        from afrel.queries.stats import freshness

        dataset = load()
        newest, checked = freshness(dataset)
        current().write(
            f"afrel {__version__} (data {dataset.version}, {len(dataset.events)} events, the newest of {newest}; "
            f"status periods checked to {checked})\n"
        )
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the program and data versions and exit."
        ),
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="auto|always|never",
            help="Colour in tables: auto (terminal, unless NO_COLOR or TERM=dumb), always or never.",
        ),
    ] = "auto",
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page long output. On a terminal it goes through $AFREL_PAGER or $PAGER (default: less -FRX); "
            "piped output never does.",
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    current().color = choice("--color", color, ("auto", "always", "never")) or "auto"
    current().pager = not no_pager


# Loading: the bundled data, with the user's data laid over it.

DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        metavar="PATH",
        help="Your own data (YAML, JSON, JSON lines or CSV file, or a folder of them) laid over the bundled data; "
        "repeatable. Also read: $AFREL_DATA and the data folder of the afrel config directory.",
    ),
]


def bundled() -> Dataset:
    datasets = current().datasets
    if "bundled" not in datasets:
        from afrel.store.cache import load_bundled

        datasets["bundled"] = load_bundled()
    return datasets["bundled"]


def load(data: list[str] | None = None) -> Dataset:
    from afrel.store.locations import user_paths

    paths = user_paths(data or [])
    if not paths:
        return bundled()
    from afrel.store.cache import load_with_user_data

    with _ProgressBar() as progress:
        return load_with_user_data(paths, bundled(), progress if current().err.isatty() else None)


class _ProgressBar:
    """Bars on stderr for the stages of a first load of user data. Rich is imported only if a stage reports,
    so loading data that is already compiled costs nothing."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.advance(self._tasks[stage], done)

    def __enter__(self) -> "_ProgressBar":
        return self

    def __exit__(self, *_: Any) -> None:
        if self._bar is not None:
            self._bar.stop()


def resolve(dataset: Dataset, name: str) -> Country:
    if name in dataset.countries:
        # The common case, and never ambiguous: a test checks that no name of one country is another's id.
        return dataset.countries[name]
    from afrel.queries.names import CountryIndex

    return CountryIndex(dataset.countries.values()).resolve(name)


def _calendar_date(text: str) -> PartialDate | None:
    """A day typed in an Afghan calendar (1400-05-24sh, '24 Asad 1400', 1443-01-06ah), as a Gregorian day."""
    if not any(c.isalpha() for c in text):
        return None  # ISO and numeric dates: the calendar module is not even imported
    from afrel.calendars import parse_calendar_date

    day = parse_calendar_date(text)
    return PartialDate(day.year, day.month, day.day) if day else None


def parse_date(option: str, text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        value = _calendar_date(text) or parse_user_date(text)
    except DateError as error:
        raise UsageError(f"{option}: {error}") from None
    from datetime import date

    if value.first_day > date.today():
        current().note(f"warning: {option} {text} lies in the future; the answer is what the data holds today")
    return value


def check_tags(names: list[str] | None) -> tuple[str, ...]:
    from afrel.queries.names import suggest_word

    for name in names or ():
        if name not in TAGS:
            raise UsageError(f"unknown tag {name!r}{suggest_word(name, TAGS)} (run 'afrel timeline --help' for all)")
    return tuple(names or ())


def choice(option: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is not None and value not in choices:
        from afrel.queries.names import suggest_word

        raise UsageError(f"{option} must be one of {', '.join(choices)}, not {value!r}{suggest_word(value, choices)}")
    return value


# Completion: offered by the shell after `afrel --install-completion`.


def complete_country(incomplete: str) -> list[str]:
    try:
        ids = sorted(bundled().countries)
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []
    return [name for name in ids if name.startswith(incomplete.casefold())]


def complete_tag(incomplete: str) -> list[tuple[str, str]]:
    return [(tag, help) for tag, help in TAGS.items() if tag.startswith(incomplete)]


def complete_event(incomplete: str) -> list[str]:
    try:
        return [e.id for e in bundled().events if e.id.startswith(incomplete.casefold())]
    except Exception:  # noqa: BLE001
        return []


# The filters that every command listing events shares.

TAG_HELP = "Only events with this tag (repeatable): " + ", ".join(TAGS) + "."
CountryFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        "-c",
        help="Only events with this counterpart (repeatable). Predecessor states are included: "
        "russia also gives the Soviet Union and the Russian Empire.",
        autocompletion=complete_country,
    ),
]
ExactOption = Annotated[bool, typer.Option("--exact", help="Only the states named, not their predecessors.")]
SinceOption = Annotated[str | None, typer.Option(help="From this date: 1919, 1919-08, 1919-08-08 or 'March 1919'.")]
SearchFilter = Annotated[
    str | None,
    typer.Option(help="Only events whose title, summary or notes contain all these words (case and accents ignored)."),
]
StartingOption = Annotated[
    bool,
    typer.Option(
        "--starting",
        help="Only events that start between --since and --until, not every event that overlaps them.",
    ),
]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date, inclusive (same forms as --since).")]
TagFilter = Annotated[list[str] | None, typer.Option("--tag", "-t", help=TAG_HELP, autocompletion=complete_tag)]


def selection(
    dataset: Dataset,
    country: list[str] | None,
    exact: bool,
    since: str | None,
    until: str | None,
    tag: list[str] | None,
    **more: Any,
) -> "TimelineFilter":
    from afrel.queries.timeline import TimelineFilter

    return TimelineFilter(
        countries=tuple(resolve(dataset, name).id for name in country or ()),
        exact=exact,
        since=parse_date("--since", since),
        until=parse_date("--until", until),
        tags=check_tags(tag),
        **more,
    )


# Output.

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def terminal() -> Terminal:
    return current().terminal()


def write(text: str) -> None:
    current().write(text)


def write_to(text: str, output: "Path | None") -> None:
    """Write to the file if one is named (and say so on stderr), else to stdout."""
    if output is None:
        write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {str(output)!r}: {error.strerror or error}") from None
    current().err.write(f"wrote {output}\n")


CalendarOption = Annotated[
    str,
    typer.Option(
        metavar="gregorian|solar-hijri|lunar-hijri",
        help="Show each full date in tables also in the Solar Hijri calendar of Afghanistan (24 Asad 1400) or the "
        "lunar Hijri calendar (Umm al-Qura). JSON and CSV keep ISO dates.",
    ),
]


def emit(output: "Output", format: Format, as_json: bool, calendar: str = "gregorian") -> None:
    chosen = Format.json if as_json else format
    if calendar != "gregorian":
        from afrel.calendars import CALENDARS
        from afrel.render.calendarview import in_calendar_too

        choice("--calendar", calendar, CALENDARS)
        output = in_calendar_too(output, calendar)
    screen = terminal()
    text = renderer(chosen)(output, width=screen.width, color=screen.color, ascii=screen.ascii)
    if chosen in (Format.table, Format.markdown) and current().page(text):
        return
    write(text)
