import csv
import io
import json
import sys

import jsonschema
import pytest

from afrel import __version__
from afrel.render import Format
from afrel.render.schemas import SCHEMAS
from tests.conftest import FIXTURES

COMMANDS = {
    "timeline": ["timeline", "--country", "russia"],
    "compare": ["compare", "afghanistan", "russia"],
    "profile": ["profile", "russia"],
    "countries": ["countries"],
    "stats": ["stats"],
    "search": ["search", "treaty"],
    "show": ["show", "war-1979"],
    "status": ["status", "russia", "--on", "2025-12-31"],
    "chart": ["chart"],
    "validate": ["validate", str(FIXTURES / "user" / "events.yaml")],
}
# More ways to call some commands, each checked in every format against the command's schema.
VARIANTS = {
    "status-all": ["status", "--on", "2025-12-31"],
    "status-history": ["status", "russia", "--history"],
    "status-changes": ["status", "--changes", "2021-01-01", "2025-12-31"],
    "chart-by": ["chart", "--by", "counterpart"],
    "chart-eras": ["chart", "--eras"],
    "countries-search": ["countries", "--search", "USSR"],
}


@pytest.mark.parametrize("command", [*COMMANDS, *VARIANTS])
@pytest.mark.parametrize("format", [f.value for f in Format])
def test_every_command_prints_every_format(run_small, command: str, format: str) -> None:
    result = run_small(*{**COMMANDS, **VARIANTS}[command], "--format", format)
    assert result.exit_code == 0, result.stderr
    # JSON lines of `validate` are its problems: none here.
    assert result.stdout.strip() or (command, format) == ("validate", "jsonl")
    assert result.stderr == ""
    if format == "json":
        jsonschema.validate(json.loads(result.stdout), SCHEMAS[command.split("-")[0]])
    elif format == "jsonl":
        for line in result.stdout.splitlines():
            json.loads(line)
    elif format in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(result.stdout), delimiter="," if format == "csv" else "\t"))
        assert len({len(row) for row in rows}) == 1  # every row has the header's width
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_json_shorthand_matches_format_json(run_small) -> None:
    assert run_small("timeline", "--json").stdout == run_small("timeline", "--format", "json").stdout


def test_timeline_json_carries_dates_with_precision(run_small) -> None:
    events = run_small.json("timeline", "--country", "russia", "--json")
    assert [e["id"] for e in events] == ["year-only-1919", "treaty-1921", "war-1979", "recognition-2025"]
    assert events[0]["date"] == {"value": "1919", "precision": "year", "approximate": False}
    assert events[2]["end_date"]["value"] == "1989-02-15"
    assert events[2]["alternative_dates"][0]["date"]["value"] == "1979-12-27"


def test_timeline_filters_through_the_cli(run_small) -> None:
    events = run_small.json("timeline", "--since", "June 1919", "--until", "1919", "--json")
    assert [e["id"] for e in events] == ["year-only-1919", "june-1919"]
    events = run_small.json("timeline", "-c", "USSR", "-c", "pakistan", "--exact", "--tag", "border", "--json")
    assert [e["id"] for e in events] == ["june-1919"]
    events = run_small.json("timeline", "--reverse", "--limit", "1", "--json")
    assert [e["id"] for e in events] == ["same-day-b"]


def test_csv_has_every_event_and_its_sources(run_small) -> None:
    rows = list(csv.DictReader(io.StringIO(run_small("timeline", "--format", "csv").stdout)))
    assert len(rows) == 6
    war = next(r for r in rows if r["id"] == "war-1979")
    assert war["end_date"] == "1989-02-15"
    assert war["source_urls"].split() == [
        "https://example.org/a",
        "https://news.example.com/1979/12/28/troops",
    ]  # the printed book has no address


def test_markup_in_data_prints_literally(run_small) -> None:
    # `show` prints the summary, which carries the markup; in colour Rich would otherwise turn it into bold.
    for color in ("never", "always"):
        result = run_small("--color", color, "show", "war-1979", env={"COLUMNS": "120"})
        assert result.exit_code == 0 and "[bold]markup[/bold]" in result.stdout
    assert "[bold]markup[/bold]" in run_small("show", "war-1979", "--format", "markdown").stdout
    summary = run_small.json("timeline", "--search", "markup", "--json")[0]["summary"]
    assert "[bold]markup[/bold]" in summary


def test_search_highlights_the_words_found_in_colour(run_small) -> None:
    coloured = run_small("--color", "always", "search", "LONG", env={"COLUMNS": "120"}).stdout
    assert "A \x1b[1;7mlong\x1b[0m war" in coloured  # bold reverse on the word itself, as the data spells it
    plain = run_small("--color", "never", "search", "long", env={"COLUMNS": "120"}).stdout
    assert "A long war" in plain and "\x1b[" not in plain


def test_narrow_terminal_shows_every_record_without_cutting(run_small) -> None:
    result = run_small("timeline", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    for title in ("A treaty of friendship", "Something in June 1919", "Russia recognises the government"):
        assert title in result.stdout  # vertical layout: whole values on their lines


def test_compare_json_and_warning(run_small) -> None:
    document = run_small.json("compare", "afghanistan", "russia", "--json")
    area = next(i for i in document["indicators"] if i["indicator"] == "area")
    assert area["years_differ"] is True
    assert [v["year"] for v in area["values"]] == [2026, 2025]
    table = run_small("compare", "afghanistan", "russia").stdout
    assert "Area: the figures are from different years" in table
    assert "https://example.org/wb" in table


def test_profile_json(run_small) -> None:
    document = run_small.json("profile", "Россия", "--json")
    assert document["country"]["id"] == "russia"
    assert document["relation"]["event_count"] == 4
    assert document["relation"]["actors"] == ["russia", "soviet-union"]


def test_stats_counts_the_fixture(run_small) -> None:
    document = run_small.json("stats", "--json")
    assert document["totals"]["events"] == 6
    assert document["totals"]["with_alternative_dates"] == 1
    assert {"key": "1910s", "count": 2} in document["by_decade"]
    assert run_small.json("stats", "-c", "russia", "--json")["totals"]["events"] == 4


def test_schema_command(run_small) -> None:
    assert run_small.json("schema", "timeline")["type"] == "array"
    assert set(run_small.json("schema")) == set(COMMANDS)


def test_version(run_small) -> None:
    result = run_small("--version")
    assert result.exit_code == 0
    # The newest event is dated 2025-07-03; the fixture's status periods were last checked on 2026-11-23.
    assert result.stdout == (
        f"afrel {__version__} (data test-1, 6 events, the newest of 2025-07-03; status periods checked to 2026-11-23)\n"
    )


def test_every_command_has_help_with_an_example(run_small) -> None:
    for command in [*COMMANDS, "schema", "cite", "export"]:
        result = run_small(command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout and f"afrel {command}" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--country", "narnia"], "unknown country 'narnia'"),
        (["timeline", "--country", "rusia"], "did you mean: russia"),
        (["timeline", "--tag", "treaties"], "unknown tag 'treaties'; did you mean: treaty"),
        (["timeline", "--since", "2022-13-01"], "--since: '2022-13-01' has no month 13"),
        (["timeline", "--until", "2021-02-30"], "not a day of the calendar"),
        (["timeline", "--since", "yesterday"], "not a date"),
        (["timeline", "--since", ""], "the date is empty"),
        (["timeline", "--since", "2000", "--until", "1999"], "--since 2000 is after --until 1999"),
        (["timeline", "--limit", "0"], "--limit"),
        (["timeline", "--limit", "-3"], "--limit"),
        (["timeline", "--format", "xml"], "xml"),
        (["compare", "afghanistan"], "at least two countries"),
        (["compare", "russia", "USSR", "narnia"], "unknown country 'narnia'"),
        (["profile", "atlantis"], "unknown country 'atlantis'"),
        (["schema", "timelin"], "did you mean: timeline"),
        (["--color", "purple", "countries"], "--color must be"),
        (["frobnicate"], "No such command"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_small, args: list[str], message: str) -> None:
    result = run_small(*args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert result.stderr.startswith("afrel: error: ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_ambiguous_name_lists_candidates(run_small, small) -> None:
    from dataclasses import replace

    from afrel.model import Country, Origin

    countries = dict(small.countries)
    countries["georgia"] = Country("georgia", "Georgia", "state", Origin("x", 1), aliases=("GE",))
    countries["georgia-us"] = Country("georgia-us", "Georgia (US state)", "state", Origin("x", 2), aliases=("georgia",))
    run_small.environment.datasets["bundled"] = replace(small, countries=countries)
    result = run_small("profile", "Georgia")
    assert result.exit_code == 2
    assert "ambiguous" in result.stderr and "georgia-us" in result.stderr


def test_internal_error_is_one_line_with_a_hint(run_small, monkeypatch) -> None:
    from afrel.queries import timeline as query

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(query, "select_events", broken)
    result = run_small("timeline")
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "boom" in result.stderr and "--debug" in result.stderr
    debug = run_small("--debug", "timeline")
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_compare_can_keep_one_publisher(run_small) -> None:
    document = run_small.json("compare", "afghanistan", "russia", "--publisher", "factbook", "--json")
    population = next(i for i in document["indicators"] if i["indicator"] == "population")
    assert [v["value"] for v in population["values"]] == [None, None]
    capital = next(i for i in document["indicators"] if i["indicator"] == "capital")
    assert [v["value"] for v in capital["values"]] == ["Kabul", "Moscow"]
    result = run_small("compare", "afghanistan", "russia", "--publisher", "nobody")
    assert result.exit_code == 2 and "publishers: Central Intelligence Agency, World Bank" in result.stderr


def _modules_loaded_by(tmp_path, *args: str) -> list[str]:
    """The heavy modules loaded by a command once the data is compiled."""
    import ast
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from afrel.cli import app\n"
        f"app({list(args)!r}, standalone_mode=False)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'yaml', 'dateutil', 'pydantic'))\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    env = {**os.environ, "AFREL_CACHE_DIR": str(tmp_path), "AFREL_DATA": ""}
    subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True)  # compiles once
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    loaded: list[str] = ast.literal_eval(result.stderr)
    return loaded


def test_json_path_does_not_import_rich_yaml_or_dateutil(tmp_path) -> None:
    """Once the data is compiled, a JSON query must not load the table, YAML or date-parsing libraries."""
    assert _modules_loaded_by(tmp_path, "timeline", "--country", "russia", "--json") == []


def test_command_table_matches_the_commands() -> None:
    """`afrel --help` lists commands from a table, so that it need not build them; the table must stay true."""
    import inspect
    from importlib import import_module

    from afrel.cli.app import COMMANDS, registry

    for module in {module for module, _ in COMMANDS.values()}:
        import_module(module)
    defined = {info.callback.__name__: info.callback for info in registry.registered_commands if info.callback}
    assert sorted(defined) == sorted(COMMANDS)
    for name, (module, line) in COMMANDS.items():
        assert defined[name].__module__ == module
        first_paragraph = " ".join((inspect.getdoc(defined[name]) or "").split("\n\n")[0].split())
        assert line == first_paragraph, name


def test_command_names_complete_with_their_help(tmp_path) -> None:
    import os
    import subprocess

    env = {**os.environ, "_AFREL_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afrel st"}
    result = subprocess.run([sys.executable, "-m", "afrel"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert '"status":"The state of relations on a date' in result.stdout
    assert '"stats":"Counts of the data' in result.stdout and "timeline" not in result.stdout


def test_unknown_command_suggests_the_closest(run) -> None:
    result = run("timelin")
    assert (
        result.exit_code == 2 and result.stderr == "afrel: error: No such command 'timelin'. Did you mean 'timeline'?\n"
    )


def test_program_entry_runs_the_command_and_exits_with_its_status(monkeypatch, capsys) -> None:
    import gc

    import pytest

    from afrel.entry import main

    monkeypatch.setattr("sys.argv", ["afrel", "timeline", "--country", "narnia"])
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        gc.unfreeze()  # main() leaves everything frozen for the exit of a real process
    assert exited.value.code == 2
    assert gc.isenabled()  # the cycle collector is off only while the program starts
    assert capsys.readouterr().err.startswith("afrel: error: ")
