"""Large JSON lines files are read by worker processes, a chunk of lines each, when the machine has CPUs to spare.

A worker reads each line as the single-process reader does (`afrel.store.jsonread.json_line`, then the quick reader
`afrel.store.quickread.well_formed_event`) and hands back each well-formed event already encoded for the compiled
file (`afrel.model.EncodedEvent`). A line it cannot take that way (malformed, or anything the quick reader
leaves to the full checks) comes back as its number and text, and the main process reads it as usual, so
every problem is reported exactly as without workers. Decoding and encoding a million records are most of a
first load; the checks across records (ids, references) stay in the main process.
"""

from __future__ import annotations

import gc
import heapq
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from afrel.errors import DataError
from afrel.model import EncodedEvent
from afrel.store.jsonread import from_output, json_line, numbered_lines
from afrel.store.quickread import well_formed_event
from afrel.store.writer import encoded, usable_cpus

# Below this size, starting workers costs more than they save.
MINIMUM_BYTES = 8 << 20
CHUNK_BYTES = 4 << 20


def workers() -> int:
    """How many worker processes to start: one per CPU this process may use, none on a single CPU."""
    usable = usable_cpus()
    return usable if usable > 1 else 0


def worth_it(content: bytes) -> bool:
    return len(content) >= MINIMUM_BYTES and workers() > 0


def read_json_lines(
    name: str,
    content: bytes,
    progress: Callable[[int], None] | None = None,
    sink: Callable[[list[EncodedEvent]], None] | None = None,
) -> dict[str, Any] | None:
    """The file's events, in line order, encoded where well formed, else as records for the full checks.

    None if a chunk is not UTF-8 text: the single-process reader then names the line. `progress`, if given,
    is told how many more bytes have been read as each chunk comes back, and `sink` of the chunk's encoded
    events, so that they can be written while the workers read on.
    """
    chunks = list(_chunks(content))
    pool = ProcessPoolExecutor(workers())
    try:
        results = pool.map(
            _read_chunk,
            [name] * len(chunks),
            [content[start:end] for start, end, _ in chunks],
            [first_line for _, _, first_line in chunks],
        )
        events: list[Any] = []
        for (start, end, _), result in zip(chunks, results, strict=True):
            if result is None:
                # Not UTF-8: the file is refused, so what the sink was given is discarded with it.
                return None
            quick = [EncodedEvent._make(row) for row in result[0]]
            others = [(number, from_output(json_line(line, name, number))) for number, line in result[1]]
            if sink:
                sink(quick)
            events += _in_line_order(quick, others)
            if progress:
                progress(end - start)
    finally:
        # On a problem, chunks not yet started are dropped rather than read for nothing.
        pool.shutdown(cancel_futures=True)
    return {"events": events}


def _chunks(content: bytes) -> Iterator[tuple[int, int, int]]:
    """(start, end, number of the first line) of pieces of about CHUNK_BYTES that end at a line break."""
    start, line = 0, 1
    while start < len(content):
        end = content.find(b"\n", min(start + CHUNK_BYTES, len(content)) - 1)
        end = len(content) if end < 0 else end + 1
        yield start, end, line
        line += content.count(b"\n", start, end)
        start = end


def _read_chunk(name: str, chunk: bytes, first_line: int) -> tuple[list[tuple[Any, ...]], list[tuple[int, str]]] | None:
    """In a worker: (encoded well-formed events, (number, text) of every other line that is not blank)."""
    gc.disable()  # the chunk's objects are freed by reference counting; the collector would only rescan them
    try:
        text = chunk.decode("utf-8-sig" if first_line == 1 else "utf-8")
    except UnicodeDecodeError:
        return None
    quick: list[tuple[Any, ...]] = []
    others: list[tuple[int, str]] = []
    for number, line in numbered_lines(text, first_line):
        try:
            event = well_formed_event(from_output(json_line(line, name, number)), name, number)
        except DataError:
            event = None
        if event is None:
            others.append((number, line))
        else:
            quick.append(tuple(encoded(event)))
    return quick, others


def _in_line_order(quick: list[EncodedEvent], others: list[tuple[int, Any]]) -> list[Any]:
    """Encoded events and the other lines' records, merged back into the order of their lines."""
    if not others:
        return quick
    merged = heapq.merge(((event.line, event) for event in quick), others, key=lambda pair: pair[0])
    return [item for _, item in merged]
