import io
import json

from hypothesis import given
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from afrel.render.jsonout import laid_out
from afrel.render.table import PlainCell

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


# Table cells of plain text are laid out by afrel's own cell; it must match Rich's padded Text exactly, as long as
# the table leaves each column room for its padding (afrel's tables for people are at least 60 columns wide).

printable = st.text(st.characters(codec="utf-8"), max_size=60).filter(str.isprintable)


def _laid_out(rows: list[list[str]], width: int, narrow_width: int, plain: bool) -> str:
    """The first column takes the spare width; the others are at most `narrow_width` wide, as in afrel's tables."""
    table = RichTable(box=box.HEAVY_HEAD, expand=True, padding=0 if plain else (0, 1))
    for index, header in enumerate(rows[0]):
        table.add_column(PlainCell(header) if plain else Text(header), overflow="fold",
                         ratio=1 if index == 0 else None,
                         max_width=None if index == 0 else narrow_width + 2 * plain)
    for row in rows[1:]:
        table.add_row(*(PlainCell(cell) if plain else Text(cell) for cell in row))
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    console.print(table)
    return console.file.getvalue()


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[str]], int, int]:
    columns = draw(st.integers(1, 4))
    rows = draw(st.lists(st.lists(printable, min_size=columns, max_size=columns), min_size=1, max_size=5))
    narrow_width = draw(st.integers(1, 30))
    # Room for the borders, the narrow columns and three cells of the wide one.
    least = columns + 1 + (columns - 1) * (narrow_width + 2) + 3
    return rows, least + draw(st.integers(0, 80)), narrow_width


@given(tables())
def test_plain_cells_are_laid_out_as_rich_text(table) -> None:
    rows, width, narrow_width = table
    assert _laid_out(rows, width, narrow_width, plain=True) == _laid_out(rows, width, narrow_width, plain=False)


def test_plain_cells_wrap_fold_and_pad_as_rich_text() -> None:
    rows = [["Title", "Date", "Tags"],
            ["Qajar Persia besieges Herat and fails to take it", "1837-11 – 1838", "war"],
            ["Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "", "a, b,  c  "],
            ["ربط  افغانستان و روسیه", "２０２１年", "东亚 東アジア"]]
    for width in (35, 40, 60, 100):
        assert _laid_out(rows, width, 12, plain=True) == _laid_out(rows, width, 12, plain=False)
