"""JSON and JSON lines: stable key order, UTF-8 text, no colour or wrapping."""

from __future__ import annotations

import json
from typing import Any

from afrel.render.views import Output

# Python's C encoder is used only without indentation, so documents are laid out by hand: the members of the
# top two levels of objects on lines of their own, every item of an array on one line, encoded in one piece.
_compact = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": ")).encode
_NESTED_LEVELS = 2


def dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent)


def json_layout(value: Any, level: int = 0) -> str:
    """`value` as JSON, one record per line: see the comment above."""
    if level >= _NESTED_LEVELS or not value or not isinstance(value, (dict, list, tuple)):
        return _compact(value)
    inner, outer = "  " * (level + 1), "  " * level
    if isinstance(value, dict):
        members = [f"{inner}{_compact(str(key))}: {json_layout(value[key], level + 1)}" for key in sorted(value)]
        return "{\n" + ",\n".join(members) + "\n" + outer + "}"
    return "[\n" + ",\n".join(inner + _compact(item) for item in value) + "\n" + outer + "]"


def render_json(output: Output, **_: Any) -> str:
    return json_layout(output.document) + "\n"


def render_jsonl(output: Output, **_: Any) -> str:
    return "".join(dumps(item) + "\n" for item in output.items)
