"""Read the user's data files (YAML, JSON, JSON lines, CSV, or folders of them) into documents to validate.

Every document has the shape of a bundled YAML file: a mapping of sections (`events`, `countries` ...) to
lists of records, each record a LineDict that knows its line. JSON, JSON lines and CSV may also hold what
afrel itself prints (`timeline --format json|jsonl|csv`), so output can be edited and read back.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from afrel.errors import DataError, UsageError
from afrel.store.yamlfile import LineDict, read_yaml

# CSV columns, as `timeline --format csv` writes them. `precision` is implied by how the date is written.
CSV_REQUIRED = ("id", "date", "title", "summary", "countries", "tags", "source_urls")
CSV_OPTIONAL = ("precision", "approximate", "end_date", "notes")
LIST_SEPARATOR = ";"


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read data file {str(path)!r}: {error.strerror or error}") from None


def parse(
    name: str,
    content: bytes,
    progress: Callable[[int], None] | None = None,
    sink: Callable[[list[Any]], None] | None = None,
) -> Any:
    """One file's bytes -> a document with sections; malformed content is a DataError with file and line.

    `progress`, if given, is told how many more bytes have been read. A large JSON lines file is read by
    worker processes, and `sink`, if given, is told of the events they checked, as they come (see `afrel.store.bulk`).
    """
    if name.lower().endswith(".jsonl"):
        from afrel.store import bulk

        if bulk.worth_it(content) and (document := bulk.read_json_lines(name, content, progress, sink)) is not None:
            return document
    document = _parse(name, content)
    if progress:
        progress(len(content))
    return document


def _parse(name: str, content: bytes) -> Any:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise DataError(name, line, "encoding", "not UTF-8 text") from None
    suffix = Path(name).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(text, name)
    if suffix == ".jsonl":
        return {"events": [from_output(record) for record in _json_lines(text, name)]}
    if suffix == ".csv":
        return {"events": list(_csv_events(text, name))}
    return _json_document(text, name)


# JSON


def _mapping(pairs: list[tuple[str, Any]]) -> LineDict:
    mapping = LineDict(pairs)
    if len(mapping) < len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate key {duplicate!r}")
    return mapping


_DECODER = json.JSONDecoder(object_pairs_hook=_mapping)


def _decode(text: str, position: int, name: str) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, position)
    except json.JSONDecodeError as error:
        raise DataError(name, error.lineno, "json", error.msg) from None
    except ValueError as error:  # a duplicate key
        raise DataError(name, text.count("\n", 0, position) + 1, "json", str(error)) from None


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _json_array(text: str, position: int, name: str) -> tuple[list[Any], int]:
    """Decode the array at `position` element by element, so each record knows the line it starts on."""
    items: list[Any] = []
    position = _skip_space(text, position + 1)
    while position < len(text) and text[position] != "]":
        line = text.count("\n", 0, position) + 1
        item, position = _decode(text, position, name)
        if isinstance(item, LineDict):
            item.line = line
        items.append(item)
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
        elif position < len(text) and text[position] != "]":
            raise DataError(name, text.count("\n", 0, position) + 1, "json", "expected ',' or ']'")
    if position >= len(text):
        raise DataError(name, text.count("\n") + 1, "json", "unterminated array")
    return items, position + 1


def _json_document(text: str, name: str) -> Any:
    position = _skip_space(text, 0)
    if text.startswith("[", position):
        # An array of events, as `afrel timeline --format json` prints them.
        items, position = _json_array(text, position, name)
        document: Any = {"events": [from_output(item) for item in items]}
    elif text.startswith("{", position):
        document = LineDict()
        document.key_lines = {}
        position = _skip_space(text, position + 1)
        while position < len(text) and text[position] != "}":
            line = text.count("\n", 0, position) + 1
            key, position = _decode(text, position, name)
            position = _skip_space(text, position)
            if not isinstance(key, str) or not text.startswith(":", position):
                raise DataError(name, line, "json", "expected a section name and ':'")
            position = _skip_space(text, position + 1)
            if text.startswith("[", position):
                value, position = _json_array(text, position, name)
                value = [from_output(item) for item in value]
            else:
                value, position = _decode(text, position, name)
            if key in document:
                raise DataError(name, line, "json", f"duplicate key {key!r}")
            document[key] = value
            document.key_lines[key] = line
            position = _skip_space(text, position)
            if text.startswith(",", position):
                position = _skip_space(text, position + 1)
        position += 1
    else:
        _decode(text, position, name)  # reports what is wrong
        raise DataError(name, 1, "json", "expected an array of events or a mapping of sections")
    if _skip_space(text, position) < len(text):
        raise DataError(name, text.count("\n", 0, position) + 1, "json", "unexpected text after the document")
    return document


def _json_lines(text: str, name: str) -> Iterator[Any]:
    for number, line in numbered_lines(text):
        yield json_line(line, name, number)


def numbered_lines(text: str, first: int = 1) -> Iterator[tuple[int, str]]:
    """(number, line) of each line of JSON lines text that is not blank, counting from `first`."""
    # JSON lines end at "\n" only: a record's text may hold other line breaks (U+2028, a lone "\r").
    for number, line in enumerate(text.split("\n"), first):
        if line.strip():
            yield number, line


def json_line(line: str, name: str, number: int) -> Any:
    """One line of a JSON lines file -> its record; malformed JSON is a DataError naming the line."""
    try:
        record = _DECODER.decode(line)
    except ValueError as error:
        message = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        raise DataError(name, number, "json", message) from None
    if isinstance(record, LineDict):
        record.line = number
    return record


def from_output(record: Any) -> Any:
    """A record as afrel prints it -> as data files write it: dates as text, the printed origin dropped."""
    if not isinstance(record, LineDict):
        return record
    record.pop("origin", None)
    for key in ("date", "end_date", "start", "end", "as_of"):
        if key in record:
            record[key] = _date_text(record[key])
            if record[key] is None and key != "date":
                del record[key]  # printed as null: the same as leaving it out
    for alternative in record.get("alternative_dates") or ():
        if isinstance(alternative, dict) and "date" in alternative:
            alternative["date"] = _date_text(alternative["date"])
    return record


def _date_text(value: Any) -> Any:
    if isinstance(value, dict) and "value" in value:
        return ("~" if value.get("approximate") else "") + str(value["value"])
    return value


# CSV


def _csv_events(text: str, name: str) -> Iterator[LineDict]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        raise DataError(name, 1, "csv", str(error)) from None
    columns = [column.strip() for column in header]
    unknown = [c for c in columns if c not in CSV_REQUIRED + CSV_OPTIONAL]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    if unknown or missing:
        parts = [f"unknown column(s) {', '.join(unknown)}"] if unknown else []
        parts += [f"missing column(s) {', '.join(missing)}"] if missing else []
        raise DataError(name, 1, "header", "; ".join(parts) + f" (columns: {', '.join(CSV_REQUIRED + CSV_OPTIONAL)})")
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise DataError(name, start, "csv", str(error)) from None
        if any(cell.strip() for cell in row):
            if len(row) != len(columns):
                raise DataError(name, start, "row", f"{len(row)} cells for {len(columns)} columns")
            yield _csv_event(dict(zip(columns, row, strict=True)), start)
        start = reader.line_num + 1


def _csv_event(cells: dict[str, str], line: int) -> LineDict:
    record = LineDict()
    record.line = line
    record.key_lines = {}
    approximate = cells.get("approximate", "").strip().lower() == "true"
    date = cells["date"].strip()
    record["id"] = cells["id"].strip()
    record["date"] = "~" + date if approximate and not date.startswith("~") else date
    if cells.get("end_date", "").strip():
        record["end_date"] = cells["end_date"].strip()
    record["title"] = cells["title"]
    record["summary"] = cells["summary"]
    record["countries"] = _split(cells["countries"])
    record["tags"] = _split(cells["tags"])
    # CSV carries each source's URL only: its title is the URL and its publisher the site's host name.
    record["sources"] = [
        {"title": url, "url": url, "publisher": urlsplit(url).hostname or url} for url in cells["source_urls"].split()
    ]
    if cells.get("notes", "").strip():
        record["notes"] = cells["notes"]
    return record


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]
