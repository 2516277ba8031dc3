"""The quick reader: a well-formed event read at a fraction of the full checks' cost.

Anything unusual goes to `afrel.store.records`, which names every problem; a test checks that both agree.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from afrel.dates import DateError, PartialDate, parse_partial_date
from afrel.model import SOURCE_KINDS, TAGS, Event, Origin, Source
from afrel.store.records import BIDI_CONTROLS, ID_PATTERN, URL_PATTERN

# Most records of a large file are well formed. This reads such an event at a fraction of `_event`'s cost;
# anything unusual (an end date, alternative dates, disputes, text to strip, any problem at all) returns None
# and goes through `_event`, which names every problem. A test checks that both agree.
_QUICK_FIELDS = {"id", "date", "title", "summary", "countries", "tags", "sources", "notes"}
_QUICK_REQUIRED = {"id", "date", "title", "summary", "countries", "tags", "sources"}
_QUICK_SOURCE_FIELDS = {"title", "url", "publisher", "accessed", "kind"}


def _plain(text: Any) -> bool:
    return type(text) is str and bool(text) and text.strip() == text


def _plain_list(values: Any) -> bool:
    return type(values) is list and bool(values) and all(_plain(value) for value in values)


# Large files repeat the same few dates (access dates above all): each distinct text is parsed once.
@lru_cache(maxsize=1 << 16)
def _quick_date(text: str) -> PartialDate | None:
    try:
        return parse_partial_date(text)
    except DateError:
        return None


@lru_cache(maxsize=1 << 10)
def _quick_access_day(text: str) -> str | None:
    day = _quick_date(text)
    return day.iso() if day is not None and day.day is not None else None


def _well_formed_source(mapping: Any, texts: list[str]) -> Source | None:
    """The source, if well formed; its text is added to `texts`, which the event searches once for bidi controls."""
    if not isinstance(mapping, dict) or not mapping.keys() <= _QUICK_SOURCE_FIELDS or len(mapping) < 3:
        return None
    title, url, publisher = mapping.get("title"), mapping.get("url"), mapping.get("publisher")
    if not (
        isinstance(title, str)
        and isinstance(url, str)
        and isinstance(publisher, str)
        and _plain(title)
        and _plain(url)
        and _plain(publisher)
        and URL_PATTERN.fullmatch(url)
    ):
        return None
    kind = mapping.get("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        return None
    accessed = None
    if "accessed" in mapping:
        accessed = _quick_access_day(mapping["accessed"]) if type(mapping["accessed"]) is str else None
        if accessed is None:
            return None
    texts += (title, url, publisher)
    return Source(title, url, publisher, accessed, kind=kind)


def well_formed_event(mapping: Any, file: str, line: int) -> Event | None:
    if not isinstance(mapping, dict) or not (_QUICK_REQUIRED <= mapping.keys() <= _QUICK_FIELDS):
        return None
    ident, when, title, summary = mapping["id"], mapping["date"], mapping["title"], mapping["summary"]
    countries, tags, notes = mapping["countries"], mapping["tags"], mapping.get("notes")
    if not (
        type(ident) is str
        and ID_PATTERN.fullmatch(ident)
        and _plain(title)
        and _plain(summary)
        and (notes is None or _plain(notes))
        and _plain_list(countries)
        and _plain_list(tags)
        and type(when) is str
        and type(mapping["sources"]) is list
        and mapping["sources"]
    ):
        return None
    if "afghanistan" in countries or not all(tag in TAGS for tag in tags):
        return None
    date = _quick_date(when)
    if date is None:
        return None
    texts = [title, summary, notes or "", *countries, *tags]
    sources = [_well_formed_source(source, texts) for source in mapping["sources"]]
    if None in sources or BIDI_CONTROLS.search("\n".join(texts)):  # one search over all the event's text
        return None
    return Event(
        ident,
        date,
        title,
        summary,
        tuple(countries),
        tuple(tags),
        tuple(sources),  # type: ignore[arg-type]
        Origin(file, getattr(mapping, "line", line)),
        None,
        notes,
    )
