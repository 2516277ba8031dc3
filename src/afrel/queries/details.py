"""One event in full: the event, the era it fell in, related events and the status periods it set."""

from __future__ import annotations

from dataclasses import dataclass

from afrel.errors import UsageError
from afrel.model import Dataset, Era, Event, Origin, Relation
from afrel.queries.timeline import era_of

RELATED = 5  # how many related events `show` lists


@dataclass(frozen=True)
class EventDetails:
    event: Event
    era: Era | None
    related: tuple[Event, ...]  # same counterpart and a shared tag, nearest in time first
    relations: tuple[Relation, ...]  # status periods that this event set or ended
    replaced: Origin | None  # the bundled record this one (from the user's data) replaced


def find_event(dataset: Dataset, event_id: str) -> Event:
    if event := dataset.event(event_id):
        return event
    import difflib

    close = difflib.get_close_matches(event_id.casefold(), dataset.event_ids(), n=3, cutoff=0.6)
    hint = f"; did you mean: {', '.join(close)}?" if close else "; 'afrel search WORDS' finds events by their text"
    raise UsageError(f"no event with id {event_id!r}{hint}")


def related_events(dataset: Dataset, event: Event, count: int = RELATED) -> tuple[Event, ...]:
    candidates = [
        other
        for other in dataset.candidates(event.countries, event.tags)
        if other.id != event.id and set(other.countries) & set(event.countries) and set(other.tags) & set(event.tags)
    ]
    candidates.sort(key=lambda other: (abs((other.first_day - event.first_day).days), other.id))
    return tuple(sorted(candidates[:count], key=lambda other: other.sort_key))


def event_details(dataset: Dataset, event_id: str) -> EventDetails:
    event = find_event(dataset, event_id)
    return EventDetails(
        event=event,
        era=era_of(dataset, event.when),
        related=related_events(dataset, event),
        relations=tuple(r for r in dataset.relations if event.id in r.events),
        replaced=dataset.replaced.get(event.id),
    )
