"""The Typer app and what every command shares: error reporting, options, loading the data, printing once."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from afrel import __version__
from afrel.dates import DateError, PartialDate, parse_user_date
from afrel.errors import DataErrors, ExitStatus, UsageError
from afrel.model import TAGS, Country, Dataset
from afrel.render import Format, renderer

if TYPE_CHECKING:
    from afrel.query import TimelineFilter
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
    help="Afghanistan's foreign relations: sourced timelines, the state of relations on any date, and country "
         "comparisons.",
    epilog="Run 'afrel COMMAND --help' for a command's options and examples.",
    rich_markup_mode=None,  # plain help: keeps Rich off the start-up path
    pretty_exceptions_enable=False,
    add_completion=True,
    no_args_is_help=True,
)

_settings: dict[str, Any] = {"color": "auto"}


def _version(value: bool) -> None:
    if value:
        dataset = load()
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
    _settings["color"] = choice("--color", color, ("auto", "always", "never"))


# Loading: the bundled data, with the user's data laid over it.

_cache: dict[str, Dataset] = {}

DataOption = Annotated[list[str] | None, typer.Option(
    "--data", metavar="PATH",
    help="Your own data (YAML, JSON, JSON lines or CSV file, or a folder of them) laid over the bundled data; "
         "repeatable. Also read: $AFREL_DATA and the data folder of the afrel config directory.")]


def bundled() -> Dataset:
    if "bundled" not in _cache:
        from afrel.store import load_bundled

        _cache["bundled"] = load_bundled()
    return _cache["bundled"]


def load(data: list[str] | None = None) -> Dataset:
    from afrel.locations import user_paths

    paths = user_paths(data or [])
    if not paths:
        return bundled()
    from afrel.store import load_with_user_data

    return load_with_user_data(paths, bundled())


def resolve(dataset: Dataset, name: str) -> Country:
    from afrel.resolve import CountryIndex

    return CountryIndex(dataset.countries.values()).resolve(name)


def parse_date(option: str, text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return parse_user_date(text)
    except DateError as error:
        raise UsageError(f"{option}: {error}") from None


def check_tags(names: list[str] | None) -> tuple[str, ...]:
    from afrel.resolve import suggest_word

    for name in names or ():
        if name not in TAGS:
            raise UsageError(f"unknown tag {name!r}{suggest_word(name, TAGS)} (run 'afrel timeline --help' for all)")
    return tuple(names or ())


def choice(option: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is not None and value not in choices:
        from afrel.resolve import suggest_word

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
CountryFilter = Annotated[list[str] | None, typer.Option(
    "--country", "-c", help="Only events with this counterpart (repeatable). Predecessor states are included: "
                            "russia also gives the Soviet Union and the Russian Empire.",
    autocompletion=complete_country)]
ExactOption = Annotated[bool, typer.Option("--exact", help="Only the states named, not their predecessors.")]
SinceOption = Annotated[str | None, typer.Option(help="From this date: 1919, 1919-08, 1919-08-08 or 'March 1919'.")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date, inclusive (same forms as --since).")]
TagFilter = Annotated[list[str] | None, typer.Option("--tag", "-t", help=TAG_HELP, autocompletion=complete_tag)]


def selection(dataset: Dataset, country: list[str] | None, exact: bool, since: str | None, until: str | None,
              tag: list[str] | None, **more: Any) -> TimelineFilter:
    from afrel.query import TimelineFilter

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


@dataclass(frozen=True)
class Terminal:
    """What the output stream can show."""

    width: int
    color: bool
    ascii: bool  # only ASCII: box lines and chart bars drawn with + - | #


def terminal() -> Terminal:
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns
    dumb = os.environ.get("TERM") == "dumb"
    encoding = (sys.stdout.encoding or "ascii").lower().replace("-", "").replace("_", "")
    ascii_only = dumb or encoding not in ("utf8", "utf8sig", "utf16", "utf32")
    choice = _settings["color"]
    if choice == "always":
        return Terminal(width, True, ascii_only)
    if choice == "never" or "NO_COLOR" in os.environ or dumb:
        return Terminal(width, False, ascii_only)
    return Terminal(width, sys.stdout.isatty(), ascii_only)


def write(text: str) -> None:
    stream = sys.stdout
    encoding = stream.encoding or "ascii"
    if encoding.lower().replace("-", "") not in ("utf8", "utf8sig"):
        # Persian, Russian or Hebrew text on an ASCII terminal: replace what it cannot show, never crash.
        text = text.encode(encoding, errors="replace").decode(encoding)
    stream.write(text)
    stream.flush()


def emit(output: Output, format: Format, as_json: bool) -> None:
    chosen = Format.json if as_json else format
    screen = terminal()
    write(renderer(chosen)(output, width=screen.width, color=screen.color, ascii=screen.ascii))
