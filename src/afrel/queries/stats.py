"""Counts over the data: events by counterpart, tag, decade, source publisher and date precision."""

from collections import Counter
from typing import Any, NamedTuple

from afrel.model import Dataset, Event


class Stats(NamedTuple):
    version: str
    events: int
    counterparts: int
    sources: int  # distinct works cited
    with_alternative_dates: int
    with_disputes: int
    by_counterpart: tuple[tuple[str, int], ...]
    by_tag: tuple[tuple[str, int], ...]
    by_decade: tuple[tuple[int, int], ...]
    by_publisher: tuple[tuple[str, int], ...]
    by_precision: tuple[tuple[str, int], ...]
    newest_event: str | None = None  # the date of the newest event counted
    status_checked: str | None = None  # the latest day a source of a status period was consulted


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


def count_data(dataset: Dataset, events: tuple[Event, ...]) -> Stats:
    """Counts over the given events (all of them, or a timeline's selection)."""
    by_counterpart = Counter(country for event in events for country in event.countries)
    newest, checked = freshness(dataset, events)
    return Stats(
        version=dataset.version,
        events=len(events),
        counterparts=len(by_counterpart),
        sources=len({source.address or source.title for event in events for source in event.sources}),
        with_alternative_dates=sum(1 for event in events if event.alternative_dates),
        with_disputes=sum(1 for event in events if event.disputes),
        by_counterpart=_ranked(by_counterpart),
        by_tag=_ranked(Counter(tag for event in events for tag in event.tags)),
        by_decade=tuple(sorted(Counter(event.when.year // 10 * 10 for event in events).items())),
        by_publisher=_ranked(Counter(source.publisher for event in events for source in event.sources)),
        by_precision=_ranked(Counter(event.when.precision.value for event in events)),
        newest_event=newest,
        status_checked=checked,
    )
