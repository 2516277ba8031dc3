"""Rich's layout of a table of plain text, worked out without a Rich Console.

Importing `rich.console` and letting it render a table cell by cell costs more than the whole query behind the
table (docs/decisions.md). Text that Rich would print as it is (printable, nothing highlighted) is laid out here
as Rich lays out a `rich.table.Table` of `Text` cells, from Rich's own parts: its boxes, its word division
(`rich._wrap.divide_line`, which `Text.wrap` calls), its cell widths and the width sharing of `Table`. Everything
else goes to Rich (`afrel.render.richtable`). `tests/test_render.py` compares the two, character for character.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich._ratio import ratio_distribute, ratio_reduce
from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.table import Table as RichTable

from afrel.render.views import Output, Table

PADDING = 2  # one space either side of every cell, Rich's default
BOLD, YELLOW, RESET = "\x1b[1m", "\x1b[33m", "\x1b[0m"  # header cells and notes, as Rich's standard colours


def laid_out(output: Output, width: int, *, color: bool = False, ascii: bool = False) -> str | None:
    """The tables and notes of `output` as Rich prints them `width` columns wide; None where Rich must do it."""
    if output.figure or any(table.highlight for table in output.display):
        return None
    if not all(text.isprintable() for text in _texts(output)):  # Rich removes control codes and expands tabs
        return None
    parts = []
    for table in output.display:
        if table.rows:
            laid = _table(table, width, ascii, color)
            if laid is None:
                return None
            parts.append(laid)
    for note in output.notes:
        parts += [f"{YELLOW}{line}{RESET}\n" if color and line else f"{line}\n" for line in _note_lines(note, width)]
    return "".join(parts)


def _texts(output: Output) -> Iterable[str]:
    yield from output.notes
    for table in output.display:
        yield table.title or ""
        yield from table.columns
        for row in table.rows:
            yield from row


def table_box(ascii: bool) -> box.Box:
    """The box of afrel's tables: heavy lines under a heavy header, or ASCII for terminals without them."""
    return box.ASCII if ascii else box.HEAVY_HEAD


def shows_header(table: Table) -> bool:
    """Whether the table has a header row: not when every column name is blank."""
    return any(column.strip() for column in table.columns)


def _table(table: Table, width: int, ascii: bool, color: bool) -> str | None:
    show_header = shows_header(table)
    frame = table_box(ascii) if show_header else table_box(ascii).get_plain_headed_box()
    widths = column_widths(table, width, show_header)
    if min(widths) <= PADDING:  # a column squeezed to its padding: Rich's rules for it are its own
        return None
    rows = [table.columns, *table.rows] if show_header else list(table.rows)
    # Rich draws the first row with the head's verticals, the last with the foot's, the others with the middle's.
    sides = [(frame.head_left, frame.head_vertical, frame.head_right),
             (frame.mid_left, frame.mid_vertical, frame.mid_right),
             (frame.foot_left, frame.foot_vertical, frame.foot_right)]
    lines = [] if not table.title else _wrapped(table.title, sum(widths) + len(widths) + 1)
    lines.append(frame.get_top(widths))
    for index, row in enumerate(rows):
        header = show_header and index == 0
        cells = [[f" {line} " for line in _wrapped(text, cell_width - PADDING)]
                 for text, cell_width in zip(row, widths)]
        height = max(map(len, cells))
        for cell, cell_width in zip(cells, widths):
            blank = [" " * cell_width] * (height - len(cell))
            cell[:] = blank + cell if header else cell + blank  # headers sit at the bottom of their row
            if header and color:
                cell[:] = [f"{BOLD}{line}{RESET}" for line in cell]
        left, vertical, right = sides[0 if index == 0 else 2 if index == len(rows) - 1 else 1]
        lines += [left + vertical.join(cell[line] for cell in cells) + right for line in range(height)]
        if header:
            lines.append(frame.get_row(widths, "head", edge=True))
    lines.append(frame.get_bottom(widths))
    return "\n".join(lines) + "\n"


def column_widths(table: Table, width: int, show_header: bool) -> list[int]:
    """Each column's width with its padding, as `rich.table.Table` shares out a line of `width` columns.

    afrel's narrow columns are capped at a share of the width; wide ones share what is left (Rich's `ratio`),
    and the table then fills the width. Only the widest cell of a column counts: Rich sizes columns by their
    widest cell and wraps the rest.
    """
    columns = table.columns
    available = width - len(columns) - 1  # less the frame's verticals
    cap = narrow_width(table, width) + PADDING
    caps = [None if column in table.wide else cap for column in columns]
    rows = [columns, *table.rows] if show_header else table.rows
    widest = [max(cell_len(row[index]) for row in rows) + PADDING for index in range(len(columns))]

    def measured(index: int, limit: int) -> int:
        if limit < 1:
            return 0
        return min(widest[index], limit, caps[index] or limit)

    maxima = [measured(index, available) for index in range(len(columns))]
    widths = [maximum or 1 for maximum in maxima]
    flexible = [column in table.wide for column in columns]
    if any(flexible):
        fixed = [0 if flex else maximum for flex, maximum in zip(flexible, maxima)]
        shares = iter(ratio_distribute(available - sum(fixed), [1] * sum(flexible), [1 + PADDING] * sum(flexible)))
        widths = [next(shares) if flex else fixed_width for flex, fixed_width in zip(flexible, widths)]
    total = sum(widths)
    if total > available:
        widths = RichTable._collapse_widths(widths, [True] * len(widths), available)
        total = sum(widths)
        if total > available:
            widths = ratio_reduce(total - available, [1] * len(widths), widths, widths)
            total = sum(widths)
        widths = [measured(index, limit) for index, limit in enumerate(widths)]  # Rich keeps the earlier total
    if total < available and table.wide:  # Rich's `expand`: the table fills the line
        widths = [share + pad for share, pad in zip(widths, ratio_distribute(available - total, widths))]
    return widths


def narrow_width(table: Table, width: int) -> int:
    """The most a narrow column's text may take: narrow columns share half the line, wide ones take the rest."""
    narrow = [column for column in table.columns if column not in table.wide]
    return max(10, width // (2 * len(narrow))) if narrow else width


def _wrapped(text: str, width: int) -> list[str]:
    """`text` wrapped as Rich wraps a left-justified `Text`, folding long words; every line `width` cells."""
    breaks = divide_line(text, width, fold=True) if cell_len(text) > width else []
    return [set_cell_size(text[start:end].rstrip(), width) for start, end in zip([0, *breaks], [*breaks, len(text)])]


def _note_lines(note: str, width: int) -> list[str]:
    """`note` wrapped as Rich prints a `Text`: trailing spaces stay unless the line would overflow."""
    breaks = divide_line(note, width, fold=True)
    lines = []
    for start, end in zip([0, *breaks], [*breaks, len(note)]):
        line = note[start:end]
        excess = len(line) - width
        if excess > 0:
            line = line[:len(line) - min(excess, len(line) - len(line.rstrip()))]
        lines.append(set_cell_size(line, width) if cell_len(line) > width else line)
    return lines
