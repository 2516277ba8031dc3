import json

from hypothesis import given, settings
from hypothesis import strategies as st
from afrel.render.grid import BOLD, RESET, column_widths, laid_out, shows_header
from afrel.render.jsonout import laid_out as json_laid_out
from afrel.render.richtable import rich_layout
from afrel.render.table import render_table
from afrel.render.views import VERTICAL_BELOW, Output, Table

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                      max_leaves=30)


@given(values)
def test_laid_out_json_reads_back_as_the_value(value) -> None:
    assert json.loads(json_laid_out(value)) == json.loads(json.dumps(value))


def test_laid_out_json_puts_each_record_on_a_line() -> None:
    records = [{"id": "a", "date": {"value": "1919"}}, {"id": "b", "tags": ["x", "y"]}]
    lines = json_laid_out({"events": records, "count": 2}).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1] == '  "count": 2,'  # members in key order
    assert [json.loads(line.strip().rstrip(",")) for line in lines[3:5]] == records


# Tables of plain text are laid out by render.grid without a Rich Console; they must come out exactly as Rich prints
# them (render.richtable, which draws everything else).

# printable text: every category str.isprintable() refuses is left out, except the plain space
printable = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"),
                                  include_characters=" "), max_size=60).filter(str.isprintable)
# text with many spaces, repeated and wide characters, so that cells wrap and fold often
wordy = st.text(st.sampled_from("ab cd  ef–é東 x"), max_size=90)


def _bold_runs_joined(text: str) -> str:
    # Rich styles a header cell's padding and text as separate runs of bold; the characters and styles are the same.
    return text.replace(RESET + BOLD, "")


@st.composite
def tables(draw: st.DrawFn) -> Table:
    text = printable | wordy
    columns = draw(st.lists(text, min_size=1, max_size=6, unique=True))
    rows = draw(st.lists(st.tuples(*[text] * len(columns)), min_size=1, max_size=5))
    wide = draw(st.sets(st.sampled_from(columns)))
    return Table(tuple(columns), tuple(rows), title=draw(st.none() | text), wide=frozenset(wide))


@settings(deadline=None)  # Rich's first table in a process is slow to print; timings are not what this tests
@given(st.lists(tables(), min_size=1, max_size=2), st.lists(printable | wordy, max_size=2),
       st.integers(VERTICAL_BELOW, 160), st.booleans(), st.booleans())
def test_plain_tables_are_laid_out_as_rich_prints_them(tables, notes, width, color, ascii) -> None:
    output = Output(None, (), tables[0], tuple(tables), tuple(notes))
    laid = laid_out(output, width, color=color, ascii=ascii)
    printed = rich_layout(output, width, color=color, ascii=ascii)
    if laid is None:  # only when a column is squeezed to its padding
        assert min(min(column_widths(t, width, shows_header(t))) for t in tables) <= 2
    else:
        assert laid == (_bold_runs_joined(printed) if color else printed)
    assert render_table(output, width=width, color=color, ascii=ascii) == (laid or printed)


def test_plain_cells_wrap_fold_and_pad_as_rich_text() -> None:
    table = Table(("Date", "Title", "Tags"),
                  (("1837-11 – 1838", "Qajar Persia besieges Herat and fails to take it", "war"),
                   ("", "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a, b,  c  "),
                   ("２０２１年", "ربط  افغانستان و روسیه", "东亚 東アジア"),
                   # one cell longer than the Tags column at 60 columns (15), the others just within it
                   ("1878-07-22 – 1878-08-24", "Stoletov's mission", "diplomacy, trade"),
                   ("2021-08-15", "x" * 15, "border,security")),
                  title="Events, with a title long enough to wrap at sixty columns of the terminal",
                  wide=frozenset({"Title"}))
    # notes: one that wraps with spaces at the break, one that needs folding, and one whose spaces at the
    # break overflow the line by characters though not by cells (combining accents take none)
    output = Output(None, (), table, (table,), ("Dates   differ " * 8, "y" * 130, "e\u0301" * 58 + "   xx"))
    for width in (60, 80, 100, 137):
        assert laid_out(output, width) == rich_layout(output, width)


def test_squeezed_and_headless_tables_are_laid_out_as_rich_prints_them() -> None:
    # narrow columns fill the line, and the wide one keeps Rich's minimum of one character and its padding
    squeezed = Table((*"ABCDE", "Title"), ((*["word " * 6] * 5, "ab cd"),), wide=frozenset({"Title"}))
    # column names of spaces hide the header, and then do not count towards the widths
    headless = Table(("", " " * 10), (("a", "b"),))
    for table in (squeezed, headless):
        output = Output(None, (), table, (table,))
        laid = laid_out(output, 60)
        assert laid is not None and laid == rich_layout(output, 60)


def test_text_rich_must_change_goes_to_rich() -> None:
    plain = Table(("Date", "Title"), (("1921", "Treaty of friendship"),))
    tab = Table(("Date", "Title"), (("1921", "Treaty\tof friendship"),))
    highlighted = plain._replace(highlight=("treaty",))
    for table in (tab, highlighted):
        output = Output(None, (), table, (table,))
        assert laid_out(output, 80) is None
        assert render_table(output, width=80, color=True) == rich_layout(output, 80, color=True)
    assert "Treaty  of" in render_table(Output(None, (), tab, (tab,)), width=80)  # the tab expanded by Rich
    charted = Output(None, (), plain, (plain,), figure=("▇▇▇ 1921",))
    assert laid_out(charted, 80) is None and render_table(charted, width=80).startswith("▇▇▇ 1921\n")
    many = Table(tuple(f"C{n}" for n in range(17)), (("xx",) * 17,))  # at 60 columns, some are 2 wide, some 3
    assert laid_out(Output(None, (), many, (many,)), 60) is None  # columns squeezed to their padding
