"""A data set held in memory: what checking data files builds, and what a query uses when no cache can be written."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from types import MappingProxyType

from afrel.model import Country, Era, Event, Observation, Origin, Relation


@dataclass(frozen=True)
class MemoryDataset:
    """Every record of one data set, in memory; see `afrel.model.Dataset`."""

    version: str
    events: tuple[Event, ...]
    countries: Mapping[str, Country]
    observations: tuple[Observation, ...]
    eras: tuple[Era, ...]
    relations: tuple[Relation, ...] = ()
    fingerprint: str = ""
    replaced: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def _by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    def event(self, event_id: str) -> Event | None:
        return self._by_id.get(event_id)

    def events_with_ids(self, event_ids: Iterable[str]) -> tuple[Event, ...]:
        found = {event for event_id in event_ids if (event := self._by_id.get(event_id))}
        return tuple(sorted(found, key=lambda event: event.sort_key))

    @cached_property
    def _successors(self) -> dict[str, str]:
        return {c.id: c.successor for c in self.countries.values() if c.successor}

    def successors(self) -> Mapping[str, str]:
        return self._successors

    def latest_event(self) -> Event | None:
        return self.events[-1] if self.events else None

    def event_ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def relations_of(self, countries: Iterable[str]) -> tuple[Relation, ...]:
        wanted = set(countries)
        return tuple(relation for relation in self.relations if relation.country in wanted)

    def observations_of(self, countries: Iterable[str]) -> tuple[Observation, ...]:
        wanted = set(countries)
        return tuple(observation for observation in self.observations if observation.country in wanted)

    def candidates(
        self,
        countries: Iterable[str] = (),
        tags: Iterable[str] = (),
        first_day: date = date.min,
        last_day: date = date.max,
    ) -> Iterable[Event]:
        return self.events
