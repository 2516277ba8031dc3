"""JSON and JSON lines: stable key order, UTF-8 text, no colour or wrapping."""

from __future__ import annotations

import json
from typing import Any

from afrel.render.views import Output


def dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent)


def render_json(output: Output, **_: Any) -> str:
    return dumps(output.document, indent=2) + "\n"


def render_jsonl(output: Output, **_: Any) -> str:
    return "".join(dumps(item) + "\n" for item in output.items)
