"""Read the user's data files (YAML, JSON, JSON lines, CSV, or folders of them) into documents to validate.

Every document has the shape of a bundled YAML file: a mapping of sections (`events`, `countries` ...) to
lists of records, each record a LineDict that knows its line. JSON, JSON lines and CSV may also hold what
afrel itself prints (`timeline --format json|jsonl|csv`), so output can be edited and read back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from afrel.errors import DataError, UsageError
from afrel.store.jsonread import from_output, json_document, json_lines
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
        return {"events": [from_output(record) for record in json_lines(text, name)]}
    if suffix == ".csv":
        return {"events": list(_csv_events(text, name))}
    return json_document(text, name)


# JSON


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
