"""Counts for terminal charts: events per year or decade, in total or for each counterpart or tag."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from afrel.model import Event

PERIODS = ("year", "decade")
GROUPINGS = ("counterpart", "tag")


@dataclass(frozen=True)
class Series:
    key: str  # a counterpart id or a tag; "all" for the total
    counts: tuple[int, ...]  # one per bucket

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Histogram:
    per: str  # year or decade
    by: str | None  # counterpart, tag, or None for the total only
    buckets: tuple[int, ...]  # every year or decade from the first event's to the last's, gaps included
    series: tuple[Series, ...]  # largest total first
    omitted: int = 0  # series left out by `top`


def bucket_of(event: Event, per: str) -> int:
    return event.when.year if per == "year" else event.when.year // 10 * 10


def histogram(
    events: tuple[Event, ...],
    per: str = "decade",
    by: str | None = None,
    top: int | None = None,
) -> Histogram:
    """Event counts per bucket; with `by`, one series per counterpart or tag (an event counts for each of its)."""
    if not events:
        return Histogram(per, by, (), ())
    step = 1 if per == "year" else 10
    first, last = bucket_of(events[0], per), bucket_of(events[-1], per)
    first, last = min(first, last), max(first, last)
    buckets = tuple(range(first, last + 1, step))
    counts: dict[str, Counter[int]] = {}
    for event in events:
        keys = ("all",) if by is None else event.countries if by == "counterpart" else event.tags
        for key in keys:
            counts.setdefault(key, Counter())[bucket_of(event, per)] += 1
    series = [Series(key, tuple(counter[b] for b in buckets)) for key, counter in counts.items()]
    series.sort(key=lambda s: (-s.total, s.key))
    shown = series[:top] if top else series
    return Histogram(per, by, buckets, tuple(shown), len(series) - len(shown))
