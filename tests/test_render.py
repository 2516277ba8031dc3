import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afrel.render.jsonout import json_layout
from afrel.render.table import render_table
from afrel.render.views import VERTICAL_BELOW, Output, Table

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30
)


@given(values)
def test_laid_out_json_reads_back_as_the_value(value) -> None:
    assert json.loads(json_layout(value)) == json.loads(json.dumps(value))


def test_laid_out_json_puts_each_record_on_a_line() -> None:
    records = [{"id": "a", "date": {"value": "1919"}}, {"id": "b", "tags": ["x", "y"]}]
    lines = json_layout({"events": records, "count": 2}).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1] == '  "count": 2,'  # members in key order
    assert [json.loads(line.strip().rstrip(",")) for line in lines[3:5]] == records


def _output(table: Table) -> Output:
    return Output(None, (), table, (table,))


def test_search_words_are_highlighted_in_colour_only() -> None:
    table = Table(("Date", "Title"), (("1921", "Treaty of friendship with Italy"),), highlight=("treaty",))
    coloured = render_table(_output(table), width=80, color=True)
    assert "\x1b[1;7mTreaty\x1b[0m" in coloured  # bold reverse, whatever the case typed
    assert "\x1b[1;7mfriendship" not in coloured
    assert "\x1b[" not in render_table(_output(table), width=80)


def test_data_text_is_never_read_as_markup() -> None:
    table = Table(
        ("Date", "Title"), (("1921", "[bold]Treaty[/bold] of :warning: friendship"),), wide=frozenset({"Title"})
    )
    printed = render_table(_output(table), width=120, color=True)
    assert "[bold]Treaty[/bold] of :warning: friendship" in printed


def test_tabs_are_expanded_and_a_word_longer_than_the_line_stays_whole() -> None:
    word = "https://example.org/" + "x" * 130
    table = Table(("Date", "Title"), (("1921", f"Treaty\tof {word}"),), wide=frozenset({"Title"}))
    printed = render_table(_output(table), width=80)
    assert "\t" not in printed and "Treaty" in printed
    assert word in printed.splitlines()  # on a line of its own, past the width, never split


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_ids_and_addresses_are_never_split_across_lines(run, width: int) -> None:
    result = run("show", "ambassador-dubs-killed-kabul-1979", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    shown = run.json("show", "ambassador-dubs-killed-kabul-1979", "--json")
    words = {shown["id"], *(e["id"] for e in shown["related"]), *(s["url"] for s in shown["sources"] if s["url"])}
    for word in words:
        assert word in result.stdout, word
    table = next(line for line in result.stdout.splitlines() if line.startswith("┌"))
    assert len(table) <= width


def test_tables_fit_the_width_and_switch_to_records_when_narrow() -> None:
    table = Table(("Date", "Title"), (("1921", "Treaty of friendship " * 8),), wide=frozenset({"Title"}))
    for width in (VERTICAL_BELOW, 80, 137):
        lines = render_table(_output(table), width=width).splitlines()
        assert max(len(line) for line in lines) == width  # the wide column fills the line
    narrow = render_table(_output(table), width=VERTICAL_BELOW - 1)
    assert narrow.startswith("Date: 1921\nTitle: Treaty of friendship")


def test_ascii_tables_use_no_box_drawing_characters() -> None:
    table = Table(("Date", "Title"), (("1921", "Treaty"),))
    printed = render_table(_output(table), width=80, ascii=True)
    assert printed.isascii() and "+" in printed and "|" in printed


def test_a_narrow_column_gives_up_width_before_the_table_turns_into_records(run) -> None:
    # Five columns of short words fit 80 columns once the counterpart column yields its spare width.
    result = run("status", "--on", "2025-12-31", env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert lines[1].startswith("┏") and all(len(line) <= 80 for line in lines)


def test_a_heading_word_is_never_split_over_lines(run) -> None:
    # A column of short statuses ("none") once split its heading into "Dipl", "omat", "ic".
    lines = run("status", "--on", "2000", "--only", "none", env={"COLUMNS": "80"}).stdout.splitlines()
    assert lines[1].startswith("┏") and "Diplomatic" in "\n".join(lines) and all(len(x) <= 80 for x in lines)
