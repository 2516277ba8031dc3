"""The state of relations with a counterpart on a given day, from the curated status periods."""

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from afrel.model import RELATION_ASPECTS, Country, Dataset, Era, Event, Relation
from afrel.queries.timeline import predecessors


class AspectStatus(NamedTuple):
    """One aspect of relations on the day asked: the period that covers it, or None where nothing is recorded."""

    aspect: str
    period: Relation | None
    government: Era | None = None  # recognition only: the Afghan government the answer concerns
    # The day falls inside the month or year to which the period's start or end is known: the answer may be off.
    near_boundary: bool = False
    # The status still holds in the data, but no source confirms it as late as the day asked.
    unconfirmed: bool = False


class CountryStatus(NamedTuple):
    country: Country
    actor: Country  # the state of that time (the Soviet Union for russia in 1980)
    on: date
    aspects: tuple[AspectStatus, ...]
    events: tuple[Event, ...]  # the events that set the statuses shown
    existed: bool = True  # False: neither the country nor any predecessor existed on the day

    def has_status(self, status: str) -> bool:
        return any(a.period is not None and a.period.status == status for a in self.aspects)


def governments_on(dataset: Dataset, day: date) -> tuple[Era, ...]:
    """The Afghan governments in power on a day; two where rival governments overlapped (1996-2001)."""
    return tuple(
        era for era in dataset.eras if era.start.first_day <= day and (era.end is None or day <= era.end.last_day)
    )


def covering(periods: Iterable[Relation], day: date) -> Relation | None:
    """The period that holds on a day, if any."""
    matches = [p for p in periods if p.start.first_day <= day <= p.last_day]
    # On a shared boundary day the later period (the one that starts that day) is the current one.
    return max(matches, key=lambda p: p.start.sort_key) if matches else None


def _aspect_status(aspect: str, period: Relation | None, day: date, government: Era | None = None) -> AspectStatus:
    if period is None:
        return AspectStatus(aspect, None, government)
    near = (period.start.precision.value != "day" and period.start.first_day <= day <= period.start.last_day) or (
        period.end is not None
        and period.end.precision.value != "day"
        and period.end.first_day <= day <= period.end.last_day
    )
    unconfirmed = period.end is None and period.as_of is not None and day > period.as_of.last_day
    return AspectStatus(aspect, period, government, near, unconfirmed)


def status_of(dataset: Dataset, country: Country, day: date) -> CountryStatus:
    """Every aspect of relations with a country (or its predecessor of the time) on a day."""
    line = predecessors(dataset, country.id)
    existing = [dataset.countries[c] for c in line if _existed(dataset.countries[c], day)]
    actor = existing[0] if existing else country
    periods = dataset.relations_of(line)
    aspects = []
    for aspect in RELATION_ASPECTS:
        own = [p for p in periods if p.aspect == aspect]
        if aspect != "recognition":
            aspects.append(_aspect_status(aspect, covering(own, day), day))
            continue
        for government in governments_on(dataset, day) or (None,):
            of_government = [p for p in own if government is None or p.government == government.id]
            aspects.append(_aspect_status(aspect, covering(of_government, day), day, government))
    shown = {event_id for a in aspects if a.period for event_id in a.period.events}
    events = dataset.events_with_ids(shown)
    return CountryStatus(country, actor, day, tuple(aspects), events, existed=bool(existing))


def status_of_all(dataset: Dataset, day: date) -> tuple[CountryStatus, ...]:
    """The status on a day of every counterpart with recorded periods, by the state that continues it today."""
    recorded = {r.country for r in dataset.relations}
    current = sorted({_latest_successor(dataset, c) for c in recorded})
    return tuple(status_of(dataset, dataset.countries[c], day) for c in current)


def _latest_successor(dataset: Dataset, country_id: str) -> str:
    seen = {country_id}
    while (successor := dataset.countries[country_id].successor) and successor not in seen:
        country_id = successor
        seen.add(country_id)
    return country_id


def _existed(country: Country, day: date) -> bool:
    return (country.start is None or country.start.first_day <= day) and (
        country.end is None or day <= country.end.last_day
    )
