"""Rich tables for people. Text from the data is never read as markup; long text wraps, nothing is cut."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from afrel.render.views import VERTICAL_BELOW, Output, Table


def _cell(text: str, table: Table) -> Text:
    cell = Text(text)
    if table.highlight:
        cell.highlight_words(table.highlight, style="bold reverse", case_sensitive=False)
    return cell


def _table(table: Table, width: int, ascii: bool) -> RichTable:
    rich_table = RichTable(title=Text(table.title) if table.title else None, show_lines=False, expand=bool(table.wide),
                           title_justify="left", header_style="bold", box=box.ASCII if ascii else box.HEAVY_HEAD,
                           show_header=any(c.strip() for c in table.columns))
    narrow = [column for column in table.columns if column not in table.wide]
    # Narrow columns share half the width; the wide ones take the rest.
    narrow_width = max(10, width // (2 * len(narrow))) if narrow else width
    for column in table.columns:
        wide = column in table.wide
        rich_table.add_column(Text(column), overflow="fold",
                              ratio=1 if wide else None, max_width=None if wide else narrow_width)
    for row in table.rows:
        rich_table.add_row(*(_cell(cell, table) for cell in row))
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
            block.append_text(_cell(cell, table))
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
        if table.rows:
            console.print(_vertical(table) if vertical else _table(table, width, ascii))
    for note in output.notes:
        console.print(Text(note, style="yellow"))
    return buffer.getvalue()
