from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afrel.dates import DateError, PartialDate, Precision, parse_partial_date, parse_user_date


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("1919", PartialDate(1919), Precision.YEAR),
        ("1919-08", PartialDate(1919, 8), Precision.MONTH),
        ("1919-08-08", PartialDate(1919, 8, 8), Precision.DAY),
        ("~1747", PartialDate(1747, approximate=True), Precision.YEAR),
    ],
)
def test_data_dates_keep_their_precision(text: str, expected: PartialDate, precision: Precision) -> None:
    parsed = parse_partial_date(text)
    assert parsed == expected
    assert parsed.precision is precision
    assert str(parsed) == text


@pytest.mark.parametrize("text", ["2022-13-01", "2021-02-30", "1919-8", "19190", "", "yesterday", "0000"])
def test_malformed_data_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_partial_date(text)


def test_a_date_covers_the_days_of_its_precision() -> None:
    assert parse_partial_date("1919").first_day == date(1919, 1, 1)
    assert parse_partial_date("1919").last_day == date(1919, 12, 31)
    assert parse_partial_date("2024-02").last_day == date(2024, 2, 29)
    assert parse_partial_date("2023-02").last_day == date(2023, 2, 28)


def test_words_keep_only_the_parts_given() -> None:
    # dateutil alone would fill the missing day from today's date.
    assert parse_user_date("March 1919") == PartialDate(1919, 3)
    assert parse_user_date("8 Aug 1919") == PartialDate(1919, 8, 8)
    assert parse_user_date(" 1919-08 ") == PartialDate(1919, 8)


@pytest.mark.parametrize("text", ["yesterday", "", "   ", "March", "2022-13-01", "2021-02-30", "31 February 2021"])
def test_bad_user_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_user_date(text)


def test_year_only_sorts_before_dated_events_of_that_year() -> None:
    dates = [parse_partial_date(t) for t in ["1919-08-08", "1919", "1919-08", "1918-12-31"]]
    assert [str(d) for d in sorted(dates, key=lambda d: d.sort_key)] == ["1918-12-31", "1919", "1919-08", "1919-08-08"]


@given(st.dates(min_value=date(1, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_iso_round_trip(day: date, precision: str) -> None:
    value = PartialDate(day.year, day.month if precision != "year" else None, day.day if precision == "day" else None)
    parsed = parse_partial_date(value.iso())
    assert parsed == value
    assert parsed.first_day <= day <= parsed.last_day


def test_a_numeric_date_that_is_no_date_either_way_says_so() -> None:
    import pytest

    from afrel.dates import DateError, parse_user_date

    with pytest.raises(DateError, match="is not a date"):
        parse_user_date("13/13/2020")
    with pytest.raises(DateError, match=r"1998-01-09 or 1998-09-01"):
        parse_user_date("01/09/1998")
