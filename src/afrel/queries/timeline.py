"""Which events a timeline shows: counterparts with their predecessors, tags, a range of dates; and eras."""

from datetime import date
from typing import NamedTuple

from afrel.dates import PartialDate
from afrel.errors import UsageError
from afrel.model import Dataset, Era, Event


class TimelineFilter(NamedTuple):
    countries: tuple[str, ...] = ()  # resolved ids
    exact: bool = False  # True: only the states named, not their predecessors
    since: PartialDate | None = None
    until: PartialDate | None = None
    tags: tuple[str, ...] = ()
    search: str | None = None
    limit: int | None = None
    reverse: bool = False
    starting: bool = False  # True: only events whose start date lies within since..until, not any that overlap


def predecessors(dataset: Dataset, country_id: str) -> tuple[str, ...]:
    """The country and every state whose line of successors leads to it (Soviet Union -> Russia ...)."""
    children: dict[str, list[str]] = {}
    for country, successor in dataset.successors().items():
        children.setdefault(successor, []).append(country)
    found = [country_id]
    for current in found:  # grows as predecessors are found: breadth first, nearest first
        found += [child for child in children.get(current, ()) if child not in found]
    return tuple(found)


def in_range(event: Event, since: PartialDate | None, until: PartialDate | None) -> bool:
    """True when the days an event may cover overlap the days from `since` to `until`, both inclusive.

    A date known only to the year or month covers all of its days, so `--since 1919-06` keeps an event
    dated only 1919: it may have happened in June or later.
    """
    start: date = since.first_day if since else date.min
    end: date = until.last_day if until else date.max
    return event.first_day <= end and event.last_day >= start


def starts_in_range(event: Event, since: PartialDate | None, until: PartialDate | None) -> bool:
    """True when the event's start date, all the days it may be, lies from `since` to `until` inclusive."""
    start: date = since.first_day if since else date.min
    end: date = until.last_day if until else date.max
    return start <= event.when.first_day and event.when.last_day <= end


def select_events(dataset: Dataset, selection: TimelineFilter) -> tuple[Event, ...]:
    if selection.since and selection.until and selection.since.first_day > selection.until.last_day:
        raise UsageError(f"--since {selection.since} is after --until {selection.until}")
    wanted: set[str] = set()
    for country_id in selection.countries:
        wanted.update((country_id,) if selection.exact else predecessors(dataset, country_id))
    if selection.search:
        from afrel.queries.names import normalise  # only a search needs the folding of text
    words = normalise(selection.search).split() if selection.search else []
    chosen = []
    first_day = selection.since.first_day if selection.since else date.min
    last_day = selection.until.last_day if selection.until else date.max
    for event in dataset.candidates(wanted, selection.tags, first_day, last_day):
        if wanted and wanted.isdisjoint(event.countries):
            continue
        if selection.tags and not set(selection.tags) & set(event.tags):
            continue
        in_selection = starts_in_range if selection.starting else in_range
        if not in_selection(event, selection.since, selection.until):
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


def era_of(dataset: Dataset, when: PartialDate) -> Era | None:
    """The Afghan era a date fell in (by its first possible day)."""
    day = when.first_day
    for era in reversed(dataset.eras):
        if era.start.first_day <= day and (era.end is None or day <= era.end.last_day):
            return era
    return None
