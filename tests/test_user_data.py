"""The user's own data: every file format, merging over the bundled data, and `afrel validate`."""

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

USER = FIXTURES / "user" / "events.yaml"


def test_user_events_are_added_and_replace_bundled_ones(run_small) -> None:
    events = run_small.json("timeline", "--data", str(USER), "--json")
    ids = [e["id"] for e in events]
    assert "my-own-1950" in ids and ids.count("war-1979") == 1
    war = next(e for e in events if e["id"] == "war-1979")
    assert war["title"] == "The war, as I date it"
    assert war["origin"]["file"] == str(USER)
    mine = next(e for e in events if e["id"] == "my-own-1950")
    assert mine["date"] == {"value": "1950", "precision": "year", "approximate": True}
    assert mine["sources"][0]["accessed"] is None


def test_show_says_where_a_record_came_from_and_what_it_replaced(run_small) -> None:
    shown = run_small.json("show", "war-1979", "--data", str(USER), "--json")
    assert shown["origin"]["file"] == str(USER)
    assert shown["replaces"]["file"].endswith("small/events.yaml")
    table = run_small("show", "war-1979", "--data", str(USER), env={"COLUMNS": "300"}).stdout
    assert "replaces the bundled record" in table


def test_environment_variable_and_config_folder(run_small, tmp_path: Path) -> None:
    assert "my-own-1950" in run_small("timeline", "--json", env={"AFREL_DATA": str(USER)}).stdout
    folder = tmp_path / "afrel" / "data"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(USER.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_small("timeline", "--json", env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert "my-own-1950" in result.stdout


@pytest.mark.parametrize("format", ["json", "jsonl", "csv"])
def test_printed_output_reads_back_as_data(run_small, tmp_path: Path, format: str) -> None:
    """Round trip: print, edit, and give the file back with --data."""
    text = run_small("timeline", "--country", "russia", "--format", format).stdout
    text = text.replace("A treaty of friendship", "A treaty of friendship (edited)")
    path = tmp_path / f"edited.{format}"
    path.write_text(text, encoding="utf-8")
    events = run_small.json("timeline", "--data", str(path), "--json")
    assert len(events) == 6  # replaced, not added
    treaty = next(e for e in events if e["id"] == "treaty-1921")
    assert treaty["title"] == "A treaty of friendship (edited)"
    assert treaty["origin"] == {"file": str(path), "line": treaty["origin"]["line"]}
    year_only = next(e for e in events if e["id"] == "year-only-1919")
    assert year_only["date"]["precision"] == "year"


def test_csv_with_the_documented_columns(run_small, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "approximate", "title", "summary", "countries", "tags", "source_urls"])
        writer.writerow(
            [
                "csv-event-1960",
                "1960-05",
                "true",
                "From a spreadsheet",
                "Typed in a spreadsheet.",
                "pakistan; iran",
                "trade",
                "https://example.org/x https://example.org/y",
            ]
        )
    [event] = [e for e in run_small.json("timeline", "--data", str(path), "--json") if e["id"] == "csv-event-1960"]
    assert event["countries"] == ["pakistan", "iran"]
    assert event["date"] == {"value": "1960-05", "precision": "month", "approximate": True}
    assert [s["publisher"] for s in event["sources"]] == ["example.org", "example.org"]


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad.yaml", "events:\n  - id: x\n    id: y\n", "bad.yaml:3: id: duplicate key"),
        ("bad.yaml", "events: [\n", "bad.yaml:2: yaml:"),
        ("bad.json", '[\n  {"id": "x",\n   "date": }\n]', "bad.json:3: json:"),
        ("bad.json", '{"events": [{"id": "a", "id": "b"}]}', "bad.json:1: json: duplicate key 'id'"),
        ("bad.jsonl", '{"id": "x"}\n{oops}\n', "bad.jsonl:2: json:"),
        ("bad.csv", "id,date,title\n", "bad.csv:1: header: missing column(s) summary"),
        ("bad.csv", "id,date,title,summary,countries,tags,source_urls,colour\n", "unknown column(s) colour"),
        (
            "bad.csv",
            'id,date,title,summary,countries,tags,source_urls\nx,"2020\n',
            "bad.csv:2: row: 2 cells for 7 columns",
        ),
        (
            "bad.yaml",
            "events:\n  - {id: x, date: '2021-02-30', title: t, summary: s, countries: [iran], tags: [trade],"
            " sources: [{title: a, url: 'https://a.org', publisher: a}]}\n",
            "bad.yaml:2: events[0].date: ",
        ),
        (
            "bad.yaml",
            "events:\n  - {id: x, date: '2021', title: t, summary: s, countries: [iran], tags: [trade],"
            " sources: [{title: a, url: 'https://a.org', publisher: a}]}\n"
            "  - {id: x, date: '2021', title: t, summary: s, countries: [iran], tags: [trade],"
            " sources: [{title: a, url: 'https://a.org', publisher: a}]}\n",
            "bad.yaml:3: id: duplicate id 'x'",
        ),
        (
            "bad.yaml",
            "events:\n  - {id: x, date: '2021', title: \"a\u202eb\", summary: s, countries: [iran],"
            " tags: [trade], sources: [{title: a, url: 'https://a.org', publisher: a}]}\n",
            "bidirectional control character",
        ),
        (
            "bad.yaml",
            "events:\n  - {id: x, date: '2021', title: t, summary: s, countries: [iran], tags: [trade], sources: []}\n",
            "bad.yaml:2: events[0].sources: must not be empty",
        ),
    ],
)
def test_malformed_user_data_names_file_line_and_field(
    run_small, tmp_path: Path, name: str, content: str, where: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_small("timeline", "--data", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("afrel: error: invalid data: ") and result.stderr.count("\n") == 1
    assert where in result.stderr.replace(str(tmp_path) + "/", "")
    checked = run_small("validate", str(path), "--format", "tsv")
    assert checked.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(checked.stdout), delimiter="\t"))
    assert any(where in f"{Path(r['file']).name}:{r['line']}: {r['field']}: {r['message']}" for r in rows)


@pytest.mark.parametrize(
    ("path", "message"),
    [("missing.yaml", "does not exist"), ("notes.txt", "expected one of .yaml")],
)
def test_unusable_data_path_is_a_usage_error(run_small, tmp_path: Path, path: str, message: str) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    result = run_small("timeline", "--data", str(tmp_path / path))
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_unreadable_data_file(run_small, tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("events: []\n", encoding="utf-8")
    path.chmod(0)
    try:
        if path.stat().st_mode and _can_read(path):
            pytest.skip("running as a user who can read any file")
        result = run_small("timeline", "--data", str(path))
        assert result.exit_code == 2 and "cannot read data file" in result.stderr
    finally:
        path.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
        return True
    except OSError:
        return False


def test_validate_reports_every_problem_at_once(run_small, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("events:\n  - {id: a}\n", encoding="utf-8")
    (tmp_path / "b.json").write_text("[", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "relations:\n  - {country: narnia, aspect: embassy, status: shut, start: '2020', summary: s,"
        " sources: [{title: a, url: 'https://a.org', publisher: a}]}\n",
        encoding="utf-8",
    )
    result = run_small("validate", str(tmp_path), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    files = {Path(p["file"]).name for p in report["problems"]}
    assert files == {"a.yaml", "b.json", "c.yaml"}
    messages = " ".join(p["message"] for p in report["problems"])
    assert "missing required field" in messages and "embassy is one of" in messages
    assert "unknown country 'narnia'" in messages


def test_validate_passes_good_data_and_guards_the_bundled_data(run_small, run) -> None:
    assert run_small("validate", str(USER)).exit_code == 0
    result = run("validate", "--json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["counts"]["events"] >= 300


def test_overlapping_status_periods_are_refused(run_small, tmp_path: Path) -> None:
    period = (
        "  - {{country: iran, aspect: embassy, status: {status}, start: '{start}', {end} summary: s,"
        " sources: [{{title: a, url: 'https://a.org', publisher: a}}]}}\n"
    )
    text = (
        "relations:\n"
        + period.format(status="open", start="1990", end="end: '2000',")
        + period.format(status="closed", start="1999-06", end="")
    )
    path = tmp_path / "periods.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_small("validate", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 1 and rows[0]["line"] == "3" and "overlaps" in rows[0]["message"]
    path.write_text(text.replace("1999-06", "2000"), encoding="utf-8")  # ends and starts within 2000: allowed
    assert run_small("validate", str(path)).exit_code == 0


def test_a_changed_file_is_compiled_again_even_with_its_old_size_and_time(run_small, tmp_path: Path) -> None:
    import os

    mine = tmp_path / "mine.yaml"
    mine.write_text(USER.read_text(encoding="utf-8"), encoding="utf-8")
    before = mine.stat()
    titles = {e["title"] for e in run_small.json("timeline", "--data", str(mine), "--json")}
    assert "The war, as I date it" in titles
    mine.write_text(mine.read_text(encoding="utf-8").replace("as I date it", "as I see it!"), encoding="utf-8")
    os.utime(mine, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same modification time
    assert mine.stat().st_size == before.st_size
    titles = {e["title"] for e in run_small.json("timeline", "--data", str(mine), "--json")}
    assert "The war, as I see it!" in titles and "The war, as I date it" not in titles
