"""Charts drawn with characters: bars, a grid of counts per period, and a band of Afghan eras."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from afrel.errors import UsageError
from afrel.model import Dataset, Event
from afrel.queries.charts import Histogram
from afrel.render.views import VERTICAL_BELOW, Output, Table

# Shades from none to most; the first is used for zero only. Zero is a mark, not a space, so that a strip is
# one word: tables keep it on one line instead of wrapping it at its gaps.
LEVELS_UNICODE = "·▁▂▃▄▅▆▇█"
LEVELS_ASCII = "_.:-=+*#%@"
BAR_UNICODE, BAR_ASCII = "█", "#"
MARGIN = 30  # width taken by labels, counts and table borders next to a bar or a strip


def _level(count: int, most: int, levels: str) -> str:
    if count == 0 or most == 0:
        return levels[0]
    return levels[max(1, math.ceil(count / most * (len(levels) - 1)))]


def _label(bucket: int, per: str) -> str:
    return str(bucket) if per == "year" else f"{bucket}s"


def histogram_view(histogram: Histogram, dataset: Dataset, width: int, ascii: bool) -> Output:
    per, buckets = histogram.per, histogram.buckets
    document: dict[str, Any] = {
        "per": per,
        "by": histogram.by,
        "buckets": [_label(b, per) for b in buckets],
        "series": [{"key": s.key, "total": s.total, "counts": list(s.counts)} for s in histogram.series],
        "omitted_series": histogram.omitted,
    }
    flat = Table(
        ("series", per, "count"),
        tuple(
            (s.key, _label(b, per), str(c)) for s in histogram.series for b, c in zip(buckets, s.counts, strict=True)
        ),
    )
    notes = [] if buckets else ["No events match."]
    if histogram.omitted:
        notes.append(f"{histogram.omitted} smaller {histogram.by} rows not shown; use --top to show more.")
    if histogram.by is None:
        counts = histogram.series[0].counts if histogram.series else ()
        most = max(counts, default=0)
        # Narrow terminals draw one line per period, the bar after a label and a count; wider ones a table.
        narrow = width < VERTICAL_BELOW
        room = max(5, width - 13) if narrow else max(10, width - MARGIN)
        bar = BAR_ASCII if ascii else BAR_UNICODE
        rows = tuple(
            (_label(b, per), str(c), bar * math.ceil(c / most * room) if c else "")
            for b, c in zip(buckets, counts, strict=True)
        )
        if narrow:
            figure = tuple(f"{label:<6} {count:>5} {bars}" for label, count, bars in rows)
            return Output(document, tuple(document["series"]), flat, (), tuple(notes), (f"Events per {per}", *figure))
        table = Table((per.capitalize(), "Events", ""), rows, f"Events per {per}", frozenset({""}))
        return Output(document, tuple(document["series"]), flat, (table,), tuple(notes))
    # Narrow terminals show each row on two lines: its name and count, then its strip.
    room = width - MARGIN if width >= VERTICAL_BELOW else width - 2
    if len(buckets) > room:
        raise UsageError(
            f"{len(buckets)} {per}s do not fit in {width} columns: use a wider terminal"
            + (", --per decade" if per == "year" else "")
            + " or a shorter range (--since, --until)"
        )
    levels = LEVELS_ASCII if ascii else LEVELS_UNICODE
    most = max((c for s in histogram.series for c in s.counts), default=0)

    def name(key: str) -> str:
        return dataset.countries[key].name if histogram.by == "counterpart" and key in dataset.countries else key

    rows = tuple(
        (name(s.key), str(s.total), "".join(_level(c, most, levels) for c in s.counts)) for s in histogram.series
    )
    first, last = (_label(buckets[0], per), _label(buckets[-1], per)) if buckets else ("", "")
    strip = f"{first} … {last}" if not ascii else f"{first} ... {last}"
    notes.append(f"Shades from fewest to most events ({most} in one {per}): '{levels[1:]}'; '{levels[0]}': none.")
    if width < VERTICAL_BELOW:
        lines = [f"Events per {per} by {histogram.by},", f"{strip}:"]
        for key, total, cells in rows:
            lines += [f"{key} ({total})", f"  {cells}"]
        return Output(document, tuple(document["series"]), flat, (), tuple(notes), tuple(lines))
    table = Table(
        (histogram.by.capitalize(), "Events", strip),
        rows,
        f"Events per {per} by {histogram.by}: one character per {per}",
    )
    return Output(document, tuple(document["series"]), flat, (table,), tuple(notes))


def era_band_view(dataset: Dataset, events: tuple[Event, ...], width: int, ascii: bool) -> Output:
    """A band across the terminal: one letter per slice of time for the era in power, event density below."""
    eras = dataset.eras
    first_year = min([e.start.year for e in eras] + [e.when.year for e in events])
    last_year = max([date.today().year] + [e.when.year for e in events])
    slots = max(20, min(width, 120) - 8)
    span = (last_year - first_year + 1) / slots
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def slot_of(year: float) -> int:
        return min(slots - 1, int((year - first_year) / span))

    band = []
    for slot in range(slots):
        middle = first_year + (slot + 0.5) * span
        # Where two governments overlap (1996-2001), the one that came to power later is drawn.
        ruling = [
            i
            for i, era in enumerate(eras)
            if era.start.year <= middle < (era.end.year + 1 if era.end else last_year + 1)
        ]
        band.append(letters[ruling[-1] % len(letters)] if ruling else " ")
    density = [0] * slots
    for event in events:
        density[slot_of(event.when.year + (event.when.month or 6) / 12)] += 1
    levels = LEVELS_ASCII if ascii else LEVELS_UNICODE
    most = max(density, default=0)
    axis = [" "] * slots
    for year in range(math.ceil(first_year / 50) * 50, last_year + 1, 50):
        label = str(year)
        start = slot_of(year)
        if start + len(label) <= slots and all(c == " " for c in axis[max(0, start - 1) : start + len(label) + 1]):
            axis[start : start + len(label)] = label
    figure = (
        "eras    " + "".join(band),
        "events  " + "".join(_level(c, most, levels) for c in density),
        "        " + "".join(axis),
    )
    counts = [
        sum(
            1
            for e in events
            if era.start.first_day <= e.first_day and (era.end is None or e.first_day <= era.end.last_day)
        )
        for era in eras
    ]
    rows = tuple(
        (letters[i % len(letters)], era.name, str(era.start), str(era.end) if era.end else "today", str(n))
        for i, (era, n) in enumerate(zip(eras, counts, strict=True))
    )
    legend = Table(("", "Era", "From", "To", "Events"), rows, "Eras of Afghan government", frozenset({"Era"}))
    records: list[dict[str, Any]] = [
        {
            "era": era.id,
            "name": era.name,
            "start": str(era.start),
            "end": str(era.end) if era.end else None,
            "events": n,
        }
        for era, n in zip(eras, counts, strict=True)
    ]
    document = {"first_year": first_year, "last_year": last_year, "eras": records, "events": len(events)}
    flat = Table(
        ("era", "name", "start", "end", "events"),
        tuple((r["era"], r["name"], r["start"], r["end"] or "", str(r["events"])) for r in records),
    )
    note = (
        f"One character is about {span:.1f} years; event shades from fewest to most ({most}): '{levels[1:]}'. "
        "Events in overlapping eras count in each."
    )
    return Output(document, tuple(records), flat, (legend,), (note,), figure)
