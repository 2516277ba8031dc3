"""Rich tables for people. Text from the data is never read as markup; long text wraps, nothing is cut."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table as RichTable
from rich.text import Text

from afrel.render.views import VERTICAL_BELOW, Output, Table


class PlainCell:
    """A table cell of plain text that brings the table's one space of padding either side (the table adds none).

    It is measured and wrapped as Rich lays out a padded `Text`, with Rich's own word division, folding words too
    long for the column, but without building a `Text`, its spans and a `Padding` for every cell: that is most of
    the cost of printing a long table. Only for printable text, since `Text` also removes control characters and
    expands tabs. `tests/test_render.py` checks that afrel's tables come out character for character as they do
    from a padded `Text` per cell. A column squeezed narrower than its padding is left to Rich entirely.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest_word = max(map(cell_len, self.text.split()), default=0)
        return Measurement(longest_word + 2, cell_len(self.text) + 2)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width - 2
        text = self.text
        if width < 1:  # squeezed below its padding
            yield Padding(Text(text), (0, 1))
            return
        breaks = divide_line(text, width, fold=True) if cell_len(text) > width else []
        for start, end in zip([0, *breaks], [*breaks, len(text)]):
            yield Segment(f" {set_cell_size(text[start:end].rstrip(), width)} \n")


def _text(text: str, highlight: tuple[str, ...]) -> Text:
    cell = Text(text)
    if highlight:
        cell.highlight_words(highlight, style="bold reverse", case_sensitive=False)
    return cell


def _cell(text: str, highlight: tuple[str, ...] = ()) -> RenderableType:
    if text.isprintable() and not highlight:
        return PlainCell(text)
    return Padding(_text(text, highlight), (0, 1))


def _table(table: Table, width: int, ascii: bool) -> RichTable:
    # Cells bring their own padding (see PlainCell), so the table adds none.
    rich_table = RichTable(title=Text(table.title) if table.title else None, show_lines=False, expand=bool(table.wide),
                           title_justify="left", header_style="bold", box=box.ASCII if ascii else box.HEAVY_HEAD,
                           show_header=any(c.strip() for c in table.columns), padding=0)
    narrow = [column for column in table.columns if column not in table.wide]
    # Narrow columns share half the width; the wide ones take the rest.
    narrow_width = max(10, width // (2 * len(narrow))) if narrow else width
    for column in table.columns:
        wide = column in table.wide
        rich_table.add_column(_cell(column), overflow="fold",
                              ratio=1 if wide else None, max_width=None if wide else narrow_width + 2)
    for row in table.rows:
        rich_table.add_row(*(_cell(cell, table.highlight) for cell in row))
    return rich_table


def _vertical(table: Table) -> RenderableType:
    parts: list[RenderableType] = []
    if table.title:
        parts.append(Text(table.title, style="bold"))
    for row in table.rows:
        block = Text()
        for column, cell in zip(table.columns, row):
            if column:
                block.append(f"{column}: ", style="bold")
            block.append_text(_text(cell, table.highlight))
            block.append("\n")
        parts.append(block)
    return Group(*parts)


def render_table(output: Output, *, width: int = 80, color: bool = False, ascii: bool = False, **_: Any) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False, markup=False,
                      legacy_windows=False)
    vertical = width < VERTICAL_BELOW
    for line in output.figure:
        console.print(Text(line), no_wrap=True, crop=False, overflow="ignore")
    for table in output.display:
        if not table.rows:
            continue
        if vertical:
            console.print(_vertical(table))
        else:
            # Rich lays a table out within the width already: cropping would only measure every line again.
            console.print(_table(table, width, ascii), crop=False)
    for note in output.notes:
        console.print(Text(note, style="yellow"))
    return buffer.getvalue()
