"""Relations over time: every status period of a counterpart, and what changed between two days."""

from datetime import date
from typing import NamedTuple

from afrel.model import RELATION_ASPECTS, Country, Dataset, Era, Event, Relation
from afrel.queries.status import CountryStatus, status_of, status_of_all
from afrel.queries.timeline import predecessors


class Strand(NamedTuple):
    """The periods of one aspect in date order; for recognition, of one Afghan government."""

    aspect: str
    government: Era | None
    periods: tuple[Relation, ...]


class History(NamedTuple):
    country: Country
    strands: tuple[Strand, ...]
    events: tuple[Event, ...]  # the events that set or ended any of the periods, by date


def _ruled_from(era: Era | None) -> int:
    return era.start.sort_key if era else 0


def history_of(dataset: Dataset, country: Country) -> History:
    """Every status period of a country and its predecessors, aspect by aspect, each in date order."""
    line = predecessors(dataset, country.id)
    periods = sorted(dataset.relations_of(line), key=lambda r: r.start.sort_key)
    eras = {era.id: era for era in dataset.eras}
    strands = []
    for aspect in RELATION_ASPECTS:
        own = [p for p in periods if p.aspect == aspect]
        if aspect != "recognition":
            if own:
                strands.append(Strand(aspect, None, tuple(own)))
            continue
        # Governments in the order they ruled, so recognition reads from the oldest government down.
        governments = sorted(dict.fromkeys(p.government for p in own), key=lambda g: _ruled_from(eras.get(g or "")))
        for government in governments:
            era = eras.get(government) if government else None
            strands.append(Strand(aspect, era, tuple(p for p in own if p.government == government)))
    events = dataset.events_with_ids({e for p in periods for e in p.events})
    return History(country, tuple(strands), events)


class Standing(NamedTuple):
    status: str
    government: Era | None  # recognition only


class Change(NamedTuple):
    """One aspect of relations with one counterpart that stood differently on the two days."""

    country: Country
    aspect: str
    before: tuple[Standing, ...]  # the status on the first day, one per government for recognition; () = no record
    after: tuple[Standing, ...]
    steps: tuple[Relation, ...]  # the periods that began after the first day and by the second, in order
    ended: tuple[Relation, ...]  # periods of the first day that ended by the second day

    def has_status(self, status: str) -> bool:
        """Whether the aspect stood in this status on either day."""
        return any(s.status == status for s in self.before + self.after)


def _statuses(status: CountryStatus, aspect: str) -> tuple[Standing, ...]:
    return tuple(Standing(a.period.status, a.government) for a in status.aspects if a.aspect == aspect and a.period)


def changes_between(
    dataset: Dataset, first: date, second: date, countries: tuple[Country, ...] = ()
) -> tuple[Change, ...]:
    """Every aspect whose status differs between two days, with the periods that made the difference."""
    if countries:
        pairs = [(status_of(dataset, c, first), status_of(dataset, c, second)) for c in countries]
    else:
        pairs = list(zip(status_of_all(dataset, first), status_of_all(dataset, second), strict=True))
    changes = []
    for before, after in pairs:
        line = predecessors(dataset, before.country.id)
        periods = dataset.relations_of(line)
        for aspect in RELATION_ASPECTS:
            old, new = _statuses(before, aspect), _statuses(after, aspect)
            if old == new:
                continue
            own = sorted((p for p in periods if p.aspect == aspect), key=lambda p: p.start.sort_key)
            steps = tuple(p for p in own if first < p.start.last_day and p.start.first_day <= second)
            held = [a.period for a in before.aspects if a.aspect == aspect and a.period]
            ended = tuple(p for p in held if p.end and p.end.first_day <= second)
            changes.append(Change(before.country, aspect, old, new, steps, ended))
    return tuple(changes)
