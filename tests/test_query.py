from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from afrel.dates import PartialDate, parse_partial_date
from afrel.errors import UsageError
from afrel.queries.indicators import compare_countries, country_profile
from afrel.queries.timeline import TimelineFilter, era_of, predecessors, select_events


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_country_includes_predecessors_unless_exact(small) -> None:
    assert predecessors(small, "russia") == ("russia", "soviet-union")
    assert ids(select_events(small, TimelineFilter(countries=("russia",)))) == [
        "year-only-1919",
        "treaty-1921",
        "war-1979",
        "recognition-2025",
    ]
    assert ids(select_events(small, TimelineFilter(countries=("russia",), exact=True))) == ["recognition-2025"]


def test_since_includes_a_coarser_date_that_overlaps(small) -> None:
    # decided in docs/data-model.md: an event dated only 1919 may fall in or after June 1919
    chosen = ids(
        select_events(small, TimelineFilter(since=parse_partial_date("1919-06"), until=parse_partial_date("1919-06")))
    )
    assert chosen == ["year-only-1919", "june-1919"]


def test_an_event_with_an_end_date_matches_while_it_lasts(small) -> None:
    chosen = ids(
        select_events(small, TimelineFilter(since=parse_partial_date("1985"), until=parse_partial_date("1985")))
    )
    assert chosen == ["war-1979"]


def test_tags_search_reverse_limit(small) -> None:
    assert ids(select_events(small, TimelineFilter(tags=("recognition",)))) == ["year-only-1919", "recognition-2025"]
    assert ids(select_events(small, TimelineFilter(search="MARKUP war"))) == ["war-1979"]
    assert ids(select_events(small, TimelineFilter(reverse=True, limit=2))) == ["same-day-b", "recognition-2025"]


def test_since_after_until_is_a_usage_error(small) -> None:
    with pytest.raises(UsageError, match="after"):
        select_events(small, TimelineFilter(since=parse_partial_date("2000"), until=parse_partial_date("1999")))


@settings(max_examples=60)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
)
def test_range_filter_returns_exactly_the_overlapping_events_in_order(small, one: date, two: date) -> None:
    since, until = sorted((one, two))
    chosen = select_events(
        small,
        TimelineFilter(
            since=PartialDate(since.year, since.month, since.day), until=PartialDate(until.year, until.month, until.day)
        ),
    )
    expected = [e for e in small.events if e.first_day <= until and e.last_day >= since]
    assert list(chosen) == expected
    assert [e.sort_key for e in chosen] == sorted(e.sort_key for e in chosen)


def test_compare_uses_the_latest_year_both_countries_share(small) -> None:
    countries = (small.countries["afghanistan"], small.countries["russia"])
    rows = {row.indicator: row for row in compare_countries(small, countries).rows}
    population = rows["population"]
    assert [f.observation.year for f in population.figures if f.observation] == [2022, 2022]
    assert population.ratio == pytest.approx(40_000_000 / 144_000_000)
    assert not population.years_differ
    # no common year for area: each country's latest, flagged
    assert [f.observation.year for f in rows["area"].figures if f.observation] == [2026, 2025]
    assert rows["area"].years_differ
    assert rows["capital"].ratio is None
    assert [f.observation for f in rows["gdp"].figures] == [None, None]


def test_compare_latest_takes_each_countrys_newest_figure(small) -> None:
    countries = (small.countries["afghanistan"], small.countries["russia"])
    population = next(r for r in compare_countries(small, countries, latest=True).rows if r.indicator == "population")
    assert [f.observation.year for f in population.figures if f.observation] == [2023, 2024]
    assert population.years_differ


def test_profile_summarises_the_relation(small) -> None:
    result = country_profile(small, small.countries["russia"], recent=2)
    assert result.event_count == 4
    assert result.first_event and result.first_event.id == "year-only-1919"
    assert result.latest_event and result.latest_event.id == "recognition-2025"
    assert ids(result.recent_events) == ["recognition-2025", "war-1979"]
    assert dict(result.tag_counts)["recognition"] == 2


def test_era_of_a_date(small) -> None:
    era = era_of(small, parse_partial_date("1950-05"))
    assert era is not None and era.id == "kingdom"
    assert era_of(small, parse_partial_date("1990")) is None
