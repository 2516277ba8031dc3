"""Commands about the data and the program's interface: validate and schema."""

from typing import Annotated, Any

import typer

from afrel.cli.app import FormatOption, JsonOption, bundled, emit, registry, write
from afrel.errors import ExitStatus, UsageError
from afrel.render import Format


@registry.command()
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Data files or folders to check (default: the bundled data and your own data "
            "from $AFREL_DATA and the config folder).",
            show_default=False,
        ),
    ] = None,
    format: FormatOption = Format.table,
    json: JsonOption = False,
) -> None:
    """Check data files and list every problem, each with its file, line and field; exit 1 if there are any.

    Files are checked as they would be used: laid over the bundled data, so they may name its countries and
    replace its events. The bundled data itself is checked when no path is given. Sources are also checked
    against the source standard (docs/data.md): a source cited at a mirror, a proxy, a raw address, a copy of
    a book or a content farm, or a record that rests only on copies and wikis, gets a warning; warnings do not
    change the exit status.

    \b
    Examples:
      afrel validate my-events.yaml
      afrel validate research/ --format json | jq '.problems[] | .file'
    """
    from pathlib import Path

    from afrel.render.views import validation_view
    from afrel.store.cache import bundled_files, check_user_files, read_user_files
    from afrel.store.locations import user_paths

    if paths:
        files = read_user_files([Path(p) for p in paths])
        if not files:
            raise UsageError(f"no data files (.yaml, .yml, .json, .jsonl, .csv) in {', '.join(paths)}")
        dataset, problems = check_user_files(files, bundled())
    else:
        # The bundled YAML itself, not its compiled copy: this is the check that guards it.
        shipped = bundled_files()
        dataset, problems = check_user_files(shipped, None)
        files = read_user_files(user_paths([]))
        if files:
            dataset, more = check_user_files(files, dataset)
            problems += more
        files = shipped + files
    from afrel.store.sourcecheck import source_warnings

    warnings = source_warnings(dataset) if not problems else []
    emit(validation_view([name for name, _ in files], dataset, problems, warnings), format, json)
    if problems:
        raise typer.Exit(ExitStatus.INVALID_DATA)


@registry.command()
def schema(
    command: Annotated[
        str | None, typer.Argument(help="A command whose JSON output to describe.", show_default=False)
    ] = None,
) -> None:
    """The JSON Schema of a command's JSON output (of all commands when none is named).

    \b
    Examples:
      afrel schema timeline
      afrel schema | jq 'keys'
    """
    from afrel.queries.names import suggest_word
    from afrel.render.jsonout import dumps
    from afrel.render.schemas import SCHEMAS

    if command is None:
        document: Any = SCHEMAS
    elif command in SCHEMAS:
        document = SCHEMAS[command]
    else:
        raise UsageError(
            f"no JSON schema for {command!r}{suggest_word(command, SCHEMAS)} (commands: {', '.join(SCHEMAS)})"
        )
    write(dumps(document, indent=2) + "\n")
