"""Counts over the data: events by counterpart, tag, decade, source publisher and date precision; and how much
of relations over time the status periods cover."""

from collections import Counter
from collections.abc import Iterable
from typing import Any, NamedTuple

from afrel.model import Dataset, Event, Relation, rests_on_one_source


class StatusCoverage(NamedTuple):
    """How much the status periods say: counts by aspect and by recognised government, and how many of the
    states of today (UN members and observers) have a dated period of diplomatic relations."""

    periods: int
    checked: int  # periods checked claim by claim
    with_single_source_claim: int  # periods with a claim that rests on one source
    states: int  # UN member and observer states among the counterparts counted (Afghanistan aside)
    states_with_relations: int  # of those, states with a `relations` period whose start a source dates
    states_relations_undated: int  # states in relations by a date, where no source dates the beginning
    states_never_related: int  # states that sources say never had diplomatic relations with Afghanistan
    by_aspect: tuple[tuple[str, int], ...]
    by_government: tuple[tuple[str, int], ...]  # recognition periods, by the era of the government


class Stats(NamedTuple):
    version: str
    events: int
    counterparts: int
    sources: int  # distinct works cited
    with_alternative_dates: int
    with_disputes: int
    with_single_source_claim: int  # events with a claim that rests on one source
    by_counterpart: tuple[tuple[str, int], ...]
    by_tag: tuple[tuple[str, int], ...]
    by_decade: tuple[tuple[int, int], ...]
    by_publisher: tuple[tuple[str, int], ...]
    by_precision: tuple[tuple[str, int], ...]
    coverage: StatusCoverage  # of the status periods of the counterparts counted
    newest_event: str | None = None  # the date of the newest event counted
    status_checked: str | None = None  # the latest day a source of a status period was consulted


def status_coverage(dataset: Dataset, countries: Iterable[str] | None = None) -> StatusCoverage:
    """Coverage of the status periods of `countries` (ids with their predecessors), or of every counterpart."""
    wanted = None if countries is None else set(countries)
    periods: tuple[Relation, ...] = dataset.relations if wanted is None else dataset.relations_of(sorted(wanted))
    relations = [period for period in periods if period.aspect == "relations"]
    dated = {period.country for period in relations if period.start_known and period.status != "none"}
    undated = {period.country for period in relations if not period.start_known} - dated
    never = {period.country for period in relations if period.status == "none"} - dated - undated
    states = [
        country
        for country in dataset.countries.values()
        if country.un and country.id != "afghanistan" and (wanted is None or country.id in wanted)
    ]
    return StatusCoverage(
        periods=len(periods),
        checked=sum(1 for period in periods if period.checked),
        with_single_source_claim=sum(1 for period in periods if rests_on_one_source(period.corrections)),
        states=len(states),
        states_with_relations=sum(1 for country in states if country.id in dated),
        states_relations_undated=sum(1 for country in states if country.id in undated),
        states_never_related=sum(1 for country in states if country.id in never),
        by_aspect=_ranked(Counter(period.aspect for period in periods)),
        by_government=_ranked(Counter(period.government for period in periods if period.government)),
    )


def freshness(dataset: Dataset, events: tuple[Event, ...] | None = None) -> tuple[str | None, str | None]:
    """How far the data reaches: the newest event's date (of `events`, or of all), and the last day status
    periods were checked."""
    if events is None:
        latest = dataset.latest_event()  # one event decoded, not all of them
        newest = latest.when if latest else None
    else:
        newest = max((event.when for event in events), key=lambda when: when.sort_key, default=None)
    checked = max((s.accessed for r in dataset.relations for s in r.sources if s.accessed), default=None)
    return (newest.iso() if newest else None), checked


def _ranked(counts: Counter[Any]) -> tuple[tuple[Any, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))


def count_data(dataset: Dataset, events: tuple[Event, ...], countries: Iterable[str] | None = None) -> Stats:
    """Counts over the given events (all of them, or a timeline's selection), and the coverage of the status
    periods of `countries` (None: of every counterpart)."""
    by_counterpart = Counter(country for event in events for country in event.countries)
    newest, checked = freshness(dataset, events)
    return Stats(
        version=dataset.version,
        events=len(events),
        counterparts=len(by_counterpart),
        sources=len({source.address or source.title for event in events for source in event.sources}),
        with_alternative_dates=sum(1 for event in events if event.alternative_dates),
        with_disputes=sum(1 for event in events if event.disputes),
        with_single_source_claim=sum(1 for event in events if rests_on_one_source(event.corrections)),
        by_counterpart=_ranked(by_counterpart),
        by_tag=_ranked(Counter(tag for event in events for tag in event.tags)),
        by_decade=tuple(sorted(Counter(event.when.year // 10 * 10 for event in events).items())),
        by_publisher=_ranked(Counter(source.publisher for event in events for source in event.sources)),
        by_precision=_ranked(Counter(event.when.precision.value for event in events)),
        coverage=status_coverage(dataset, countries),
        newest_event=newest,
        status_checked=checked,
    )
