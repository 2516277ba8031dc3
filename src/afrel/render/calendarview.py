"""Tables for people with each full date followed by the same day in another calendar."""

from __future__ import annotations

import re
from datetime import date

from afrel.render.views import Output, Table

# A day in ISO form standing alone: not part of an address, an id or a longer number.
_DAY = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])")


def _cell(text: str, calendar: str) -> str:
    from afrel.calendars import in_calendar

    def also(match: re.Match[str]) -> str:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return f"{match[0]} ({in_calendar(day, calendar)})"

    return _DAY.sub(also, text)


def _table(table: Table, calendar: str) -> Table:
    rows = tuple(tuple(_cell(cell, calendar) for cell in row) for row in table.rows)
    title = _cell(table.title, calendar) if table.title else None
    return table._replace(rows=rows, title=title)


def in_calendar_too(output: Output, calendar: str) -> Output:
    """The output with every full date of its tables for people shown in the calendar too; JSON and CSV keep ISO."""
    if calendar == "gregorian":
        return output
    return output._replace(display=tuple(_table(t, calendar) for t in output.display))
