"""Full-text search over events: every word must match; hits in titles weigh more than in summaries or notes."""

import re
from typing import NamedTuple

from afrel.errors import UsageError
from afrel.model import Event
from afrel.queries.names import normalise

# How much one matching word counts in each field.
WEIGHTS = {"title": 3.0, "summary": 1.0, "notes": 0.5}


class Hit(NamedTuple):
    event: Event
    score: float
    words: tuple[str, ...]  # the words of the text that matched, as written there (for highlighting)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(normalised, as written) for each word of a text."""
    return [(normalise(word), word) for word in re.findall(r"\w+", text)]


def search_events(events: tuple[Event, ...], query: str) -> tuple[Hit, ...]:
    """Events in which every query word starts a word of the title, summary or notes, best first.

    A query word matches the start of a word, so 'recogni' finds 'recognised' and 'recognition'; case,
    accents and Arabic-script letter variants are ignored. Ties keep date order.
    """
    wanted = [token for token, _ in _tokens(query) if token]
    if not wanted:
        raise UsageError("give at least one word to search for")
    hits = []
    for event in events:
        score = 0.0
        found: set[str] = set()
        written: set[str] = set()
        for field, weight in WEIGHTS.items():
            for token, word in _tokens(getattr(event, field) or ""):
                for query_word in wanted:
                    if token.startswith(query_word):
                        score += weight
                        found.add(query_word)
                        written.add(word)
        if len(found) == len(wanted):
            hits.append(Hit(event, score, tuple(sorted(written))))
    hits.sort(key=lambda hit: -hit.score)  # stable: equal scores stay in date order
    return tuple(hits)
