"""Tables for people, laid out by Rich: bordered tables, or record blocks on narrow terminals.

Text from the data is never read as markup; long text wraps, nothing is cut.
"""

from __future__ import annotations

import io
import re
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from afrel.render.views import VERTICAL_BELOW, Output, Table


def table_box(ascii: bool) -> box.Box:
    """Heavy lines under a heavy header, or ASCII for terminals without them."""
    return box.ASCII if ascii else box.HEAVY_HEAD


def shows_header(table: Table) -> bool:
    """Whether the table has a header row: not when every column name is blank."""
    return any(column.strip() for column in table.columns)


def narrow_width(table: Table, width: int) -> int:
    """The most a narrow column's text may take: narrow columns share half the line, wide ones take the rest."""
    narrow = [column for column in table.columns if column not in table.wide]
    return max(10, width // (2 * len(narrow))) if narrow else width


_ADDRESS = re.compile(r"https?://[^\s;]+[^\s;.,)]")


def _text(text: str, highlight: tuple[str, ...], links: bool = False) -> Text:
    cell = Text(text)
    if highlight:
        cell.highlight_words(highlight, style="bold reverse", case_sensitive=False)
    if links:
        # Terminals that know OSC 8 make each address a link, whole even where the cell folds it.
        for match in _ADDRESS.finditer(text):
            cell.stylize(Style(link=match.group(0)), match.start(), match.end())
    return cell


def _table(table: Table, width: int, ascii: bool, links: bool) -> RichTable:
    rich_table = RichTable(
        title=Text(table.title) if table.title else None,
        show_lines=False,
        expand=bool(table.wide),
        title_justify="left",
        header_style="bold",
        box=table_box(ascii),
        show_header=shows_header(table),
    )
    cap = narrow_width(table, width)
    for index, column in enumerate(table.columns):
        if column in table.wide:
            rich_table.add_column(Text(column), overflow="fold", ratio=1)
            continue
        # A narrow column is as wide as its longest line, up to the cap: given as its width, Rich need not
        # measure every cell of it (most of the cost of a long table).
        longest = max((cell_len(line) for row in table.rows for line in row[index].splitlines() or [""]), default=0)
        fixed = min(cap, max(longest, cell_len(column)))
        rich_table.add_column(Text(column), overflow="fold", width=fixed, max_width=cap)
    for row in table.rows:
        rich_table.add_row(*(_text(cell, table.highlight, links) for cell in row))
    return rich_table


def _vertical(table: Table, links: bool) -> RenderableType:
    parts: list[RenderableType] = []
    if table.title:
        parts.append(Text(table.title, style="bold"))
    for row in table.rows:
        block = Text()
        for column, cell in zip(table.columns, row, strict=True):
            if column:
                block.append(f"{column}: ", style="bold")
            block.append_text(_text(cell, table.highlight, links))
            block.append("\n")
        parts.append(block)
    return Group(*parts)


def render_table(output: Output, *, width: int = 80, color: bool = False, ascii: bool = False, **_: Any) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    vertical = width < VERTICAL_BELOW
    for line in output.figure:
        console.print(Text(line), no_wrap=True, crop=False, overflow="ignore")
    for table in output.display:
        if table.rows:
            console.print(_vertical(table, color) if vertical else _table(table, width, ascii, color))
    for note in output.notes:
        console.print(Text(note, style="yellow"))
    return buffer.getvalue()
