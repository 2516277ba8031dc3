"""Tables for people, laid out by Rich: bordered tables, or record blocks on narrow terminals.

Text from the data is never read as markup; long text wraps, nothing is cut.
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
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
    """The most a narrow column's text may take: narrow columns share half the line, wide ones take the rest;
    without wide columns, the narrow ones share the whole line."""
    narrow = [column for column in table.columns if column not in table.wide]
    shares = len(narrow) * (2 if len(narrow) < len(table.columns) else 1)
    return max(10, width // shares) if narrow else width


_ADDRESS = re.compile(r"https?://[^\s;]+[^\s;.,)]")


def _has_other_letters(word: str) -> bool:
    return not word.isascii() and any(c.isalpha() and not c.isascii() for c in word)


def _longest_word(table: Table, index: int) -> int:
    """The widest run of text without a space in a column or its heading: an id, an address, a chart strip or a
    heading's word, kept whole.

    Words with letters beyond ASCII (scripts written without spaces: Chinese, Japanese, Thai) may still fold.
    """
    cells = [row[index] for row in table.rows] + [table.columns[index]]
    words = (word for cell in cells for word in cell.split() if not _has_other_letters(word))
    return max((cell_len(word) for word in words), default=0)


MIN_PROSE = 24  # the narrowest a wide column of text may be before the table is shown as records


def column_widths(table: Table, width: int) -> list[int] | None:
    """Each column's width within the line, none narrower than its longest word; None if they cannot fit.

    Narrow columns are as wide as their longest line, up to an equal share of half the line; wide columns
    share what is left. No id or address is ever split: a table that cannot keep them whole is shown as
    records instead.
    """
    available = width - (3 * len(table.columns) + 1)  # a space either side of each cell, and the rules
    cap = narrow_width(table, width)
    words = [_longest_word(table, i) for i in range(len(table.columns))]
    widths = []
    for index, column in enumerate(table.columns):
        if column in table.wide:
            widths.append(max(words[index], 1))
            continue
        lines = (cell_len(line) for row in table.rows for line in row[index].splitlines() or [""])
        widths.append(max(words[index], min(cap, max(max(lines, default=0), cell_len(column)))))
    spare = available - sum(widths)
    # Too wide: narrow columns give up width, down to their longest word, the widest first.
    narrow = [i for i, column in enumerate(table.columns) if column not in table.wide]
    while spare < 0 and any(widths[i] > words[i] for i in narrow):
        index = max((i for i in narrow if widths[i] > words[i]), key=widths.__getitem__)
        widths[index] -= 1
        spare += 1
    if spare < 0:
        return None
    wide = [i for i, column in enumerate(table.columns) if column in table.wide]
    longest = {i: max((cell_len(row[i]) for row in table.rows), default=0) for i in wide}
    # Fill the wide columns towards their longest text, the shortest need first, then share what is left.
    needs = {i: longest[i] - widths[i] for i in wide if longest[i] > widths[i]}
    while spare and needs:
        share = max(1, spare // len(needs))
        for index in sorted(needs, key=needs.__getitem__):
            given = min(share, needs[index], spare)
            widths[index] += given
            spare -= given
            needs[index] -= given
            if not needs[index]:
                del needs[index]
    for n, index in enumerate(wide):
        widths[index] += spare // len(wide) + (1 if n < spare % len(wide) else 0)
    # Prose squeezed into a sliver beside a long address or id reads worse than a record per row.
    if max(words, default=0) > MIN_PROSE and any(widths[i] < min(longest[i], MIN_PROSE) for i in wide):
        return None
    return widths


def _text(text: str, highlight: tuple[str, ...], links: bool = False) -> Text:
    cell = Text(text)
    if highlight:
        cell.highlight_words(highlight, style="bold reverse", case_sensitive=False)
    if links:
        # Terminals that know OSC 8 make each address a link.
        for match in _ADDRESS.finditer(text):
            cell.stylize(Style(link=match.group(0)), match.start(), match.end())
    return cell


def _table(table: Table, widths: list[int], ascii: bool, links: bool) -> RichTable:
    rich_table = RichTable(
        show_lines=False,
        header_style="bold",
        box=table_box(ascii),
        show_header=shows_header(table),
    )
    # Given every width, Rich need not measure each cell (most of the cost of a long table).
    for column, column_width in zip(table.columns, widths, strict=True):
        rich_table.add_column(Text(column), overflow="fold", width=column_width)
    for row in table.rows:
        rich_table.add_row(*(_text(cell, table.highlight, links) for cell in row))
    return rich_table


def _vertical(table: Table, width: int, links: bool) -> list[Text]:
    """Each row as a block of "column: text" lines, wrapped at spaces; a word longer than the line runs past
    its end rather than being split, so ids and addresses can be copied whole."""
    lines: list[Text] = []
    if table.title:
        lines.append(Text(table.title, style="bold"))
    for row in table.rows:
        for column, cell in zip(table.columns, row, strict=True):
            label = f"{column}: " if column else ""
            for number, paragraph in enumerate(cell.split("\n") or [""]):
                text = (label if number == 0 else "") + paragraph
                wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
                for index, line in enumerate(wrapped):
                    rendered = _text(line, table.highlight, links)
                    if number == 0 and index == 0 and label:
                        rendered.stylize("bold", 0, len(label) - 1)
                    lines.append(rendered)
        lines.append(Text())
    return lines


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
    for figure_line in output.figure:
        console.print(Text(figure_line), no_wrap=True, crop=False, overflow="ignore")
    for table in output.display:
        if not table.rows:
            continue
        widths = None if vertical else column_widths(table, width)
        if widths is None:
            for line in _vertical(table, width, color):
                console.print(line, no_wrap=True, crop=False, overflow="ignore")
        else:
            # The title is a line of its own: as Rich's table title it would wrap at the table's width.
            if table.title:
                console.print(Text(table.title, style="italic"))
            console.print(_table(table, widths, ascii, color))
    for note in output.notes:
        console.print(Text(note, style="yellow"))
    return buffer.getvalue()
