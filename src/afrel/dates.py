"""Partial dates: a year, a month or a day, possibly approximate, and the span of days each covers."""

import re
from datetime import date
from enum import StrEnum
from typing import NamedTuple


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_ISO = re.compile(r"(?P<approx>~)?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


class DateError(ValueError):
    """A date string that is not a valid partial date."""


class PartialDate(NamedTuple):
    """A date known to the year, month or day; `approximate` marks a date that is itself uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        if self.month is not None:
            return date(self.year, self.month, days_in_month(self.year, self.month))
        return date(self.year, 12, 31)

    @property
    def sort_key(self) -> int:
        # A year-only date sorts before the dated events of that year: it is known to start no later.
        # One number rather than a tuple: a million events sort several times faster.
        return self.year * 10_000 + (self.month or 0) * 100 + (self.day or 0)

    def iso(self) -> str:
        """The ISO form with only the known parts: 1919, 1919-08 or 1919-08-08 (no '~')."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return ("~" if self.approximate else "") + self.iso()


def parse_partial_date(text: str) -> PartialDate:
    """Parse the data files' form: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', with an optional leading '~'."""
    match = _ISO.fullmatch(text.strip())
    if not match:
        raise DateError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if year < 1:
        raise DateError(f"{text!r} has no year 0")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}")
    if day is not None and month is not None and not 1 <= day <= days_in_month(year, month):
        raise DateError(f"{text!r} is not a day of the calendar")
    return PartialDate(year, month, day, approximate=bool(match["approx"]))


# Numbers only, the year last or first, joined by slashes, dots or dashes: 01/09/1998, 1.5.2021, 1998/09/01.
_NUMERIC = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./]\d{1,2}[./]\d{1,2}")


def parse_user_date(text: str) -> PartialDate:
    """Parse a date typed on the command line: the ISO forms, or words such as 'March 1919' or '8 Aug 1919'.

    Only the parts the user gave are kept: 'March 1919' is a month, never a day filled in from today.
    """
    text = text.strip()
    if not text:
        raise DateError("the date is empty")
    if _ISO.fullmatch(text):
        return parse_partial_date(text)
    if not re.search(r"\d{4}", text):
        raise DateError(f"{text!r} is not a date: give a year, e.g. 1919, 1919-08 or 1919-08-08")
    if _NUMERIC.fullmatch(text):
        # 01/09/1998 is 1 September in most of the world and January 9 in the United States: never guess.
        numbers = [int(part) for part in re.split(r"[./-]", text)]
        year, first, second = (numbers[2], numbers[0], numbers[1]) if numbers[2] > 31 else numbers
        readings = sorted(
            {
                f"{year:04d}-{m:02d}-{d:02d}"
                for m, d in ((second, first), (first, second))
                if 1 <= m <= 12 and 1 <= d <= 31
            }
        )
        if not readings:
            raise DateError(f"{text!r} is not a date: write it as YYYY-MM-DD or in words, e.g. '1 September 1998'")
        raise DateError(
            f"{text!r} could be read day first or month first: write the date as YYYY-MM-DD"
            + (f" ({' or '.join(readings)})" if readings else "")
            + " or in words, e.g. '1 September 1998'"
        )
    return _parse_words(text)


def _parse_words(text: str) -> PartialDate:
    # dateutil fills missing fields from a default date; parsing with two different defaults
    # shows which fields the text really gave. Imported here to keep it off the start-up path.
    from datetime import datetime

    from dateutil import parser

    try:
        one = parser.parse(text, default=datetime(1, 1, 1))
        two = parser.parse(text, default=datetime(2, 2, 2))
    except (ValueError, OverflowError) as error:
        raise DateError(f"{text!r} is not a date: {error}") from None
    if one.year != two.year:
        raise DateError(f"{text!r} gives no year")
    month = one.month if one.month == two.month else None
    day = one.day if one.day == two.day else None
    if day is not None and month is None:
        raise DateError(f"{text!r} gives a day without a month")
    return PartialDate(one.year, month, day)
