"""Pure queries over a dataset: each takes the data and the user's choices and returns a result record."""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from afrel.dates import PartialDate
from afrel.errors import UsageError
from afrel.model import INDICATORS, Country, Dataset, Era, Event, Observation
from afrel.resolve import normalise

# Whose figures `compare` and `profile` prefer for each indicator, best first; other publishers follow.
PREFERRED_PUBLISHERS: dict[str, tuple[str, ...]] = {
    "area": ("CIA World Factbook",),
    "population": ("World Bank", "CIA World Factbook"),
    "gdp": ("World Bank", "CIA World Factbook"),
    "gdp_per_capita": ("World Bank",),
    "government_type": ("CIA World Factbook",),
    "capital": ("CIA World Factbook",),
    "languages": ("CIA World Factbook",),
}


class TimelineFilter(NamedTuple):
    countries: tuple[str, ...] = ()  # resolved ids
    exact: bool = False  # True: only the states named, not their predecessors
    since: PartialDate | None = None
    until: PartialDate | None = None
    tags: tuple[str, ...] = ()
    search: str | None = None
    limit: int | None = None
    reverse: bool = False


def predecessors(dataset: Dataset, country_id: str) -> tuple[str, ...]:
    """The country and every state whose line of successors leads to it (Soviet Union -> Russia ...)."""
    found = [country_id]
    changed = True
    while changed:
        changed = False
        for country in dataset.countries.values():
            if country.successor in found and country.id not in found:
                found.append(country.id)
                changed = True
    return tuple(found)


def in_range(event: Event, since: PartialDate | None, until: PartialDate | None) -> bool:
    """True when the days an event may cover overlap the days from `since` to `until`, both inclusive.

    A date known only to the year or month covers all of its days, so `--since 1919-06` keeps an event
    dated only 1919: it may have happened in June or later.
    """
    start: date = since.first_day if since else date.min
    end: date = until.last_day if until else date.max
    return event.first_day <= end and event.last_day >= start


def timeline(dataset: Dataset, selection: TimelineFilter) -> tuple[Event, ...]:
    if selection.since and selection.until and selection.since.first_day > selection.until.last_day:
        raise UsageError(f"--since {selection.since} is after --until {selection.until}")
    wanted: set[str] = set()
    for country_id in selection.countries:
        wanted.update((country_id,) if selection.exact else predecessors(dataset, country_id))
    words = normalise(selection.search).split() if selection.search else []
    chosen = []
    first_day = selection.since.first_day if selection.since else date.min
    last_day = selection.until.last_day if selection.until else date.max
    for event in dataset.candidates(wanted, selection.tags, first_day, last_day):
        if wanted and wanted.isdisjoint(event.countries):
            continue
        if selection.tags and not set(selection.tags) & set(event.tags):
            continue
        if not in_range(event, selection.since, selection.until):
            continue
        if words:
            text = normalise(" ".join((event.title, event.summary, event.notes or "")))
            if not all(word in text for word in words):
                continue
        chosen.append(event)
    if selection.reverse:
        chosen.reverse()
    if selection.limit is not None:
        chosen = chosen[: selection.limit]
    return tuple(chosen)


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
    observations: Iterable[Observation], indicator: str, countries: tuple[Country, ...], latest: bool = False,
    publisher: str | None = None,
) -> list[Observation | None]:
    """One observation per country for an indicator.

    By default the most recent year that every country has from one publisher, so that the figures compare
    like with like; with `latest`, or where no such year exists, each country's most recent figure from the
    most preferred publisher that has one.
    """
    wanted = normalise(publisher) if publisher else None
    by_country = {
        c.id: [o for o in observations if o.country == c.id and o.indicator == indicator
               and (wanted is None or wanted in normalise(o.source.publisher))]
        for c in countries
    }
    publishers = _publishers(indicator, [o for obs in by_country.values() for o in obs])
    if not latest:
        for publisher in publishers:
            years = [{o.year for o in by_country[c.id] if o.source.publisher == publisher} for c in countries]
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
                best = max(own, key=lambda o: o.year)
                break
        chosen.append(best)
    return chosen


def publishers(dataset: Dataset) -> tuple[str, ...]:
    return tuple(sorted({o.source.publisher for o in dataset.observations}))


def compare(
    dataset: Dataset, countries: tuple[Country, ...], latest: bool = False, publisher: str | None = None
) -> Comparison:
    """Indicators side by side; `publisher` keeps only figures whose publisher contains that text."""
    if len({c.id for c in countries}) < len(countries):
        raise UsageError("name each country once")
    if publisher:
        known = publishers(dataset)
        if not any(normalise(publisher) in normalise(name) for name in known):
            raise UsageError(f"no figures from a publisher matching {publisher!r} (publishers: {', '.join(known)})")
    rows = []
    observed = dataset.observations_of(c.id for c in countries)
    for indicator, (label, unit) in INDICATORS.items():
        chosen = choose_figures(observed, indicator, countries, latest, publisher)
        figures = tuple(Figure(c, o) for c, o in zip(countries, chosen))
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


def profile(dataset: Dataset, country: Country, recent: int = 5) -> Profile:
    figures = compare(dataset, (country,), latest=True).rows
    actors = predecessors(dataset, country.id)
    events = timeline(dataset, TimelineFilter(countries=(country.id,)))
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


def era_of(dataset: Dataset, when: PartialDate) -> Era | None:
    """The Afghan era a date fell in (by its first possible day)."""
    day = when.first_day
    for era in reversed(dataset.eras):
        if era.start.first_day <= day and (era.end is None or day <= era.end.last_day):
            return era
    return None


class Stats(NamedTuple):
    version: str
    events: int
    counterparts: int
    sources: int  # distinct source URLs
    with_alternative_dates: int
    with_disputes: int
    by_counterpart: tuple[tuple[str, int], ...]
    by_tag: tuple[tuple[str, int], ...]
    by_decade: tuple[tuple[int, int], ...]
    by_publisher: tuple[tuple[str, int], ...]
    by_precision: tuple[tuple[str, int], ...]


def _ranked(counts: Counter[Any]) -> tuple[tuple[Any, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))


def stats(dataset: Dataset, events: tuple[Event, ...]) -> Stats:
    """Counts over the given events (all of them, or a timeline's selection)."""
    by_counterpart = Counter(country for event in events for country in event.countries)
    return Stats(
        version=dataset.version,
        events=len(events),
        counterparts=len(by_counterpart),
        sources=len({source.url for event in events for source in event.sources}),
        with_alternative_dates=sum(1 for event in events if event.alternative_dates),
        with_disputes=sum(1 for event in events if event.disputes),
        by_counterpart=_ranked(by_counterpart),
        by_tag=_ranked(Counter(tag for event in events for tag in event.tags)),
        by_decade=tuple(sorted(Counter(event.date.year // 10 * 10 for event in events).items())),
        by_publisher=_ranked(Counter(source.publisher for event in events for source in event.sources)),
        by_precision=_ranked(Counter(event.date.precision.value for event in events)),
    )
