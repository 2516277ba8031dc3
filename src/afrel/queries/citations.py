"""The sources behind events, each once, with a citation key derived from the work itself."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from afrel.model import Dataset, Event, Source

# Words that say nothing about a work: skipped when a key takes a word of the title or publisher.
_SKIPPED = {
    "a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "at", "by", "from", "as", "is", "are", "its",
    "le", "la", "les", "de", "der", "die", "das", "el", "al",
}  # fmt: skip


class CitedSource(NamedTuple):
    key: str
    source: Source
    events: tuple[Event, ...]  # the events it is cited for, in date order


def identity(source: Source) -> tuple[str, str]:
    """What makes two records the same work: its address, else its publisher and title, plus the page."""
    return (source.url or source.via or f"{source.publisher}\n{source.title}", source.locator or "")


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [word for word in re.findall(r"[a-z0-9]+", folded) if word not in _SKIPPED]


def base_key(source: Source) -> str:
    """Author's surname (or the publisher's first word), year of publication, first word of the title."""
    who = _words(source.author[0])[-1:] if source.author else []
    who = who or _words(source.publisher)[:1] or ["anon"]
    year = source.published[:4] if source.published else "nd"
    title = [word for word in _words(source.title) if not word.isdigit()][:1] or ["work"]
    return f"{who[0]}{year}{title[0]}"


def citation_keys(sources: Iterable[Source]) -> dict[tuple[str, str], str]:
    """A key for every distinct work; works that share a base key get a, b, c ... in a stable order."""
    by_base: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for source in sources:
        by_base[base_key(source)].add(identity(source))
    keys = {}
    for base, works in by_base.items():
        ordered = sorted(works)
        for index, work in enumerate(ordered):
            keys[work] = base if len(ordered) == 1 else f"{base}{_suffix(index)}"
    return keys


def _suffix(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def cited_sources(dataset: Dataset, events: Iterable[Event]) -> tuple[CitedSource, ...]:
    """Each source of `events` once, keyed as in the whole data set, so a key never depends on what else is cited."""
    keys = citation_keys(source for event in dataset.events for source in event.sources)
    found: dict[tuple[str, str], tuple[Source, list[Event]]] = {}
    for event in events:
        for source in event.sources:
            found.setdefault(identity(source), (source, []))[1].append(event)
    cited = [
        CitedSource(keys[work], source, tuple(sorted(set(cited_for), key=lambda e: e.sort_key)))
        for work, (source, cited_for) in found.items()
    ]
    return tuple(sorted(cited, key=lambda c: c.key))
