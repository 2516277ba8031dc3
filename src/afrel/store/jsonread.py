"""JSON documents and JSON lines, read so that every record knows the line it starts on.

Used by the loader (`afrel.store.load`) and by the worker processes that read large files (`afrel.store.bulk`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from afrel.errors import DataError
from afrel.store.yamlfile import LineDict


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


def json_document(text: str, name: str) -> Any:
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


def json_lines(text: str, name: str) -> Iterator[Any]:
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
    for key in ("date", "end_date", "start", "end", "as_of", "checked"):
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
