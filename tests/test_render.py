import io
import json

from hypothesis import given
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from afrel.render.jsonout import laid_out
from afrel.render.table import render_table
from afrel.render.views import VERTICAL_BELOW, Output, Table

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                      max_leaves=30)


@given(values)
def test_laid_out_json_reads_back_as_the_value(value) -> None:
    assert json.loads(laid_out(value)) == json.loads(json.dumps(value))


def test_laid_out_json_puts_each_record_on_a_line() -> None:
    records = [{"id": "a", "date": {"value": "1919"}}, {"id": "b", "tags": ["x", "y"]}]
    lines = laid_out({"events": records, "count": 2}).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1] == '  "count": 2,'  # members in key order
    assert [json.loads(line.strip().rstrip(",")) for line in lines[3:5]] == records


# Cells of plain text lay themselves out (render.table.PlainCell); tables must come out exactly as Rich lays them
# out from a padded Text per cell.

printable = st.text(st.characters(codec="utf-8"), max_size=60).filter(str.isprintable)


def _with_rich_text(table: Table, width: int) -> str:
    rich_table = RichTable(title=Text(table.title) if table.title else None, expand=bool(table.wide),
                           title_justify="left", header_style="bold", box=box.HEAVY_HEAD,
                           show_header=any(c.strip() for c in table.columns))
    narrow = [column for column in table.columns if column not in table.wide]
    narrow_width = max(10, width // (2 * len(narrow))) if narrow else width
    for column in table.columns:
        wide = column in table.wide
        rich_table.add_column(Text(column), overflow="fold", ratio=1 if wide else None,
                              max_width=None if wide else narrow_width)
    for row in table.rows:
        rich_table.add_row(*map(Text, row))
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False, markup=False, emoji=False,
                      legacy_windows=False)
    console.print(rich_table)
    return console.file.getvalue()


def _with_afrel(table: Table, width: int) -> str:
    return render_table(Output(None, (), table, (table,)), width=width)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    columns = draw(st.lists(printable, min_size=1, max_size=4, unique=True))
    rows = draw(st.lists(st.tuples(*[printable] * len(columns)), min_size=1, max_size=5))
    wide = draw(st.sets(st.sampled_from(columns)))
    return Table(tuple(columns), tuple(rows), title=draw(st.none() | printable), wide=frozenset(wide))


@given(tables(), st.integers(VERTICAL_BELOW, 160))
def test_tables_of_plain_text_are_laid_out_as_rich_lays_out_text(table, width) -> None:
    assert _with_afrel(table, width) == _with_rich_text(table, width)


def test_plain_cells_wrap_fold_and_pad_as_rich_text() -> None:
    table = Table(("Date", "Title", "Tags"),
                  (("1837-11 – 1838", "Qajar Persia besieges Herat and fails to take it", "war"),
                   ("", "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a, b,  c  "),
                   ("２０２１年", "ربط  افغانستان و روسیه", "东亚 東アジア"),
                   # one cell longer than the Tags column at 60 columns (15), the others just within it
                   ("1878-07-22 – 1878-08-24", "Stoletov's mission", "diplomacy, trade"),
                   ("2021-08-15", "x" * 15, "border,security")),
                  wide=frozenset({"Title"}))
    for width in (60, 80, 100, 137):
        assert _with_afrel(table, width) == _with_rich_text(table, width)
