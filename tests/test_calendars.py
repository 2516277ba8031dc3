"""Afghan calendars: typed Solar and lunar Hijri dates, and tables that show days in them."""

from __future__ import annotations

from datetime import date

import pytest

from afrel.calendars import SOLAR_MONTHS, in_calendar, parse_calendar_date
from afrel.dates import DateError


@pytest.mark.parametrize(
    "text, day",
    [
        ("1400-01-01sh", date(2021, 3, 21)),  # 1 Hamal: Nowruz
        ("1 Hamal 1400", date(2021, 3, 21)),
        ("1403-01-01sh", date(2024, 3, 20)),  # Nowruz after a leap year falls a day earlier
        ("24 Asad 1400", date(2021, 8, 15)),  # the Taliban enter Kabul
        ("1400-05-24SH", date(2021, 8, 15)),
        ("24 اسد 1400", date(2021, 8, 15)),  # Dari
        ("24 زمری 1400", date(2021, 8, 15)),  # Pashto
        ("24 Asad 1400 SH", date(2021, 8, 15)),
        ("1 Muharram 1443", date(2021, 8, 9)),  # Umm al-Qura
        ("1443-01-07ah", date(2021, 8, 15)),
        ("1 Ramadan 1445", date(2024, 3, 11)),
    ],
)
def test_known_pairs(text: str, day: date) -> None:
    assert parse_calendar_date(text) == day


@pytest.mark.parametrize("day", [date(1980, 1, 1), date(2001, 12, 22), date(2021, 8, 15), date(2026, 3, 20)])
def test_solar_hijri_round_trip(day: date) -> None:
    assert parse_calendar_date(in_calendar(day, "solar-hijri")) == day
    assert parse_calendar_date(in_calendar(day, "lunar-hijri")) == day


def test_other_text_is_not_taken_for_a_calendar_date() -> None:
    assert parse_calendar_date("1 September 1998") is None
    assert parse_calendar_date("2021-08-15") is None


@pytest.mark.parametrize(
    "text, message",
    [
        ("1400-05sh", "give the day too"),
        ("30 Hut 1400", "not a day of the Solar Hijri calendar"),
        ("1400-13-01sh", "the month must be 1 to 12"),
        ("1 Muharram 1300", "from 1343 to 1500 AH"),
    ],
)
def test_impossible_days_are_refused(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_calendar_date(text)


def test_every_solar_month_has_three_names() -> None:
    assert len(SOLAR_MONTHS) == 12 and all(len(set(names)) == 3 for names in SOLAR_MONTHS)


def test_status_takes_a_solar_hijri_date_and_shows_days_in_it(run) -> None:
    result = run("status", "iran", "--on", "24 Asad 1400", "--calendar", "solar-hijri", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    assert "Relations with Iran on 2021-08-15 (24 Asad 1400)" in result.stdout
    as_json = run.json("status", "iran", "--on", "1400-05-24sh", "--calendar", "solar-hijri", "--json")
    assert as_json["on"] == "2021-08-15"  # JSON keeps ISO dates


def test_addresses_and_ids_keep_their_dates(run) -> None:
    result = run("status", "--changes", "2021-08-01", "2021-12-31", "--calendar", "lunar-hijri", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "2021-08-01 (22 Dhu al-Hijjah 1442 AH)" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["status", "iran", "--on", "31 Hut 1400"], ["status", "iran", "--calendar", "julian"]],
)
def test_bad_calendar_input_is_one_line_and_exit_2(run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
