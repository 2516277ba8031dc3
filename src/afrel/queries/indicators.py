"""Indicators of countries side by side (compare) and one country in brief (profile)."""

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from afrel.errors import UsageError
from afrel.model import INDICATORS, Country, Dataset, Event, Observation
from afrel.queries.names import normalise
from afrel.queries.timeline import TimelineFilter, predecessors, select_events

# Whose figures `compare` and `profile` prefer for each indicator, best first; other publishers follow.
PREFERRED_PUBLISHERS: dict[str, tuple[str, ...]] = {
    "area": ("Central Intelligence Agency",),
    "population": ("World Bank", "Central Intelligence Agency"),
    "gdp": ("World Bank", "Central Intelligence Agency"),
    "gdp_per_capita": ("World Bank",),
    "government_type": ("Central Intelligence Agency",),
    "capital": ("Central Intelligence Agency",),
    "languages": ("Central Intelligence Agency",),
}


class Figure(NamedTuple):
    """The observation `compare` shows for one country and indicator, or None where there is none."""

    country: Country
    observation: Observation | None


class IndicatorRow(NamedTuple):
    indicator: str
    label: str
    unit: str
    figures: tuple[Figure, ...]
    ratio: float | None  # first country's value / second's, for two numeric values
    years_differ: bool


class Comparison(NamedTuple):
    countries: tuple[Country, ...]
    rows: tuple[IndicatorRow, ...]


def _publishers(indicator: str, observations: list[Observation]) -> list[str]:
    preferred = list(PREFERRED_PUBLISHERS.get(indicator, ()))
    others = sorted({o.source.publisher for o in observations} - set(preferred))
    return preferred + others


def choose_figures(
    observations: Iterable[Observation],
    indicator: str,
    countries: tuple[Country, ...],
    latest: bool = False,
    publisher: str | None = None,
) -> list[Observation | None]:
    """One observation per country for an indicator.

    By default the most recent year that every country has from one publisher, so that the figures compare
    like with like; with `latest`, or where no such year exists, each country's most recent figure from the
    most preferred publisher that has one.
    """
    wanted = normalise(publisher) if publisher else None
    by_country = {
        c.id: [
            o
            for o in observations
            if o.country == c.id
            and o.indicator == indicator
            and (wanted is None or wanted in normalise(f"{o.source.publisher} {o.source.title}"))
        ]
        for c in countries
    }
    publishers = _publishers(indicator, [o for obs in by_country.values() for o in obs])
    if not latest:
        for publisher in publishers:
            years = [
                {o.year for o in by_country[c.id] if o.source.publisher == publisher and o.year is not None}
                for c in countries
            ]
            common = set.intersection(*years) if years else set()
            if common:
                year = max(common)
                return [
                    next(o for o in by_country[c.id] if o.source.publisher == publisher and o.year == year)
                    for c in countries
                ]
    chosen: list[Observation | None] = []
    for country in countries:
        candidates = by_country[country.id]
        best = None
        for publisher in publishers:
            own = [o for o in candidates if o.source.publisher == publisher]
            if own:
                best = max(own, key=lambda o: o.year or 0)  # an undated figure only where no dated one is
                break
        chosen.append(best)
    return chosen


def publishers(dataset: Dataset) -> tuple[str, ...]:
    return tuple(sorted({o.source.publisher for o in dataset.observations}))


def compare_countries(
    dataset: Dataset, countries: tuple[Country, ...], latest: bool = False, publisher: str | None = None
) -> Comparison:
    """Indicators side by side; `publisher` keeps only figures whose publisher contains that text."""
    if len({c.id for c in countries}) < len(countries):
        raise UsageError("name each country once")
    if publisher:
        known = publishers(dataset)
        titles = {f"{o.source.publisher} {o.source.title}" for o in dataset.observations}
        if not any(normalise(publisher) in normalise(name) for name in titles):
            raise UsageError(f"no figures from a publisher matching {publisher!r} (publishers: {', '.join(known)})")
    rows = []
    observed = dataset.observations_of(c.id for c in countries)
    for indicator, (label, unit) in INDICATORS.items():
        chosen = choose_figures(observed, indicator, countries, latest, publisher)
        figures = tuple(Figure(c, o) for c, o in zip(countries, chosen, strict=True))
        years = {o.year for o in chosen if o is not None}
        ratio = None
        if len(chosen) == 2 and all(o is not None and isinstance(o.value, (int, float)) for o in chosen):
            first, second = (o.value for o in chosen if o is not None)
            if isinstance(first, (int, float)) and isinstance(second, (int, float)) and second:
                ratio = first / second
        rows.append(IndicatorRow(indicator, label, unit, figures, ratio, len(years) > 1))
    return Comparison(countries, tuple(rows))


class Profile(NamedTuple):
    country: Country
    figures: tuple[IndicatorRow, ...]
    event_count: int
    first_event: Event | None
    latest_event: Event | None
    tag_counts: tuple[tuple[str, int], ...]  # most frequent first, then by name
    recent_events: tuple[Event, ...]  # newest first
    actors: tuple[str, ...]  # the country and the predecessors its events include


def country_profile(dataset: Dataset, country: Country, recent: int = 5) -> Profile:
    figures = compare_countries(dataset, (country,), latest=True).rows
    actors = predecessors(dataset, country.id)
    events = select_events(dataset, TimelineFilter(countries=(country.id,)))
    counts = Counter(tag for event in events for tag in event.tags)
    return Profile(
        country=country,
        figures=figures,
        event_count=len(events),
        first_event=events[0] if events else None,
        latest_event=events[-1] if events else None,
        tag_counts=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        recent_events=tuple(reversed(events[-recent:])) if recent else (),
        actors=actors,
    )
