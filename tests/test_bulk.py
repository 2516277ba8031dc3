"""Large JSON lines files read by worker processes give the same events and the same problems as one process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from afrel.model import EncodedEvent, Event
from afrel.store import bulk
from afrel.store.cache import check_user_files, load_with_user_data
from afrel.store.compiled import StoredDataset, decoded
from afrel.store.writer import Writer, write

NAME = "big.jsonl"


def _event(number: int, **changes: Any) -> dict[str, Any]:
    event = {
        "id": f"bulk-{number:03d}",
        "date": {
            "value": f"19{number % 90 + 10:02d}-0{number % 9 + 1}",
            "precision": "month",
            "approximate": number % 4 == 0,
        },
        "title": f"Event number {number}",
        "summary": f"What happened, number {number}.",
        "countries": ["pakistan", "iran"][: number % 2 + 1],
        "tags": ["trade"],
        "sources": [
            {
                "title": "A source",
                "url": f"https://example.org/{number}",
                "publisher": "Example",
                "accessed": "2026-01-02",
            }
        ],
    }
    event.update(changes)
    return event


def _lines(events: list[Any]) -> bytes:
    return "".join(
        (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in events
    ).encode()


def _read(
    content: bytes, small, workers: bool, monkeypatch: pytest.MonkeyPatch, name: str = NAME
) -> tuple[Any, list[str], int]:
    """(dataset, problems as text, bytes the progress was told of), read with or without workers."""
    with monkeypatch.context() as patch:
        if workers:
            patch.setattr(bulk, "MINIMUM_BYTES", 0)
            patch.setattr(bulk, "CHUNK_BYTES", 700)  # a few lines per chunk
            patch.setattr(bulk, "workers", lambda: 2)
        else:
            patch.setattr(bulk, "MINIMUM_BYTES", len(content) + 1)
        told: list[int] = []
        dataset, problems = check_user_files([(name, content)], small, lambda stage, done, total: told.append(done))
    return dataset, [str(problem) for problem in problems], sum(told)


def _good_lines() -> list[Any]:
    lines: list[Any] = [_event(n) for n in range(40)]
    lines[5] = _event(5, end_date={"value": "1990-02", "precision": "month", "approximate": False})  # full checks
    lines[9] = _event(9, title="A line\u2028break inside a title")  # not a JSON lines line break
    lines[12] = ""
    lines[20] = json.dumps(_event(20)) + "\r"  # a Windows line ending
    lines[30] = _event(30, id="treaty-1921")  # replaces a bundled event
    return lines


def test_workers_read_the_events_one_process_reads(small, monkeypatch) -> None:
    content = b"\xef\xbb\xbf" + _lines(_good_lines())  # with a byte order mark
    alone, alone_problems, _ = _read(content, small, False, monkeypatch)
    shared, shared_problems, told = _read(content, small, True, monkeypatch)
    assert not alone_problems and not shared_problems
    assert sum(type(event) is EncodedEvent for event in shared.events) > 30, "the workers took the well-formed lines"
    assert all(type(event) is Event for event in alone.events)
    assert decoded(shared.events) == alone.events
    assert shared.replaced == alone.replaced and "treaty-1921" in shared.replaced
    assert told == len(content)
    lines = {event.id: event.origin.line for event in alone.events if event.origin.file == NAME}
    assert lines["bulk-005"] == 6 and lines["bulk-039"] == 40


@pytest.mark.parametrize(
    "change, line, message",
    [
        # Records that fail the checks, anywhere in the file: every problem, each on its line.
        (
            lambda lines: (
                lines.__setitem__(3, _event(3, tags=["no-such-tag"]))
                or lines.__setitem__(25, _event(25, countries=["narnia"]))
                or lines.__setitem__(33, _event(2))
            ),
            4,
            "tags",
        ),
        # Malformed JSON stops the file at its first bad line.
        (lambda lines: lines.__setitem__(17, '{"id": "broken"') or lines.__setitem__(35, "[1, 2"), 18, "json"),
        (lambda lines: lines.__setitem__(22, '{"id": "twice", "id": "again"}'), 23, "duplicate key"),
        (lambda lines: lines.__setitem__(31, b"\xff\xfe not text"), 32, "not UTF-8"),
    ],
)
def test_workers_report_the_problems_one_process_reports(small, monkeypatch, change, line, message) -> None:
    lines = _good_lines()
    change(lines)
    content = b"".join(line if isinstance(line, bytes) else _lines([line]) for line in lines)
    _, alone, _ = _read(content, small, False, monkeypatch)
    _, shared, _ = _read(content, small, True, monkeypatch)
    assert shared == alone
    assert alone[0].startswith(f"{NAME}:{line}:") and message in alone[0]


def test_events_from_workers_are_stored_and_read_back_as_events(small, monkeypatch, tmp_path: Path) -> None:
    content = _lines(_good_lines())
    alone, _, _ = _read(content, small, False, monkeypatch)
    shared, _, _ = _read(content, small, True, monkeypatch)
    write(shared, tmp_path / "compiled.sqlite")
    assert StoredDataset(tmp_path / "compiled.sqlite").events == alone.events


def test_without_a_cache_events_from_workers_are_decoded(small, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(_lines(_good_lines()))
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("AFREL_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(bulk, "MINIMUM_BYTES", 0)
    monkeypatch.setattr(bulk, "CHUNK_BYTES", 700)
    monkeypatch.setattr(bulk, "workers", lambda: 2)
    dataset = load_with_user_data([path], small)
    assert not isinstance(dataset, StoredDataset)
    assert all(type(event) is Event for event in dataset.events)
    assert any(event.id == "bulk-039" for event in dataset.events)


def test_events_from_workers_are_written_as_they_come(small, monkeypatch, tmp_path: Path) -> None:
    content = _lines(_good_lines())
    path = tmp_path / NAME
    path.write_bytes(content)
    alone, _, _ = _read(content, small, False, monkeypatch, str(path))
    batches: list[int] = []
    add_events = Writer.add_events

    def counted(writer: Writer, events: list[EncodedEvent]) -> None:
        batches.append(len(events))
        add_events(writer, events)

    monkeypatch.setattr(Writer, "add_events", counted)
    monkeypatch.setattr(bulk, "MINIMUM_BYTES", 0)
    monkeypatch.setattr(bulk, "CHUNK_BYTES", 700)
    monkeypatch.setattr(bulk, "workers", lambda: 2)
    stored = load_with_user_data([path], small)
    assert isinstance(stored, StoredDataset)
    assert len(batches) > 3, "each chunk's events were written as it came back"
    # Through the indexes first: once every event is read, `candidates` answers with all of them.
    assert list(stored.candidates(countries=["iran"])) == [e for e in alone.events if "iran" in e.countries]
    assert stored.events == alone.events
    assert stored.replaced == alone.replaced
