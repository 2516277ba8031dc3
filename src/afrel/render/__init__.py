"""Output formats, registered by name; every renderer takes an Output and returns the text to print."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from importlib import import_module


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"


# module and function of each renderer; imported on use so that JSON output never loads Rich.
_RENDERERS: dict[Format, tuple[str, str]] = {
    Format.table: ("afrel.render.table", "render_table"),
    Format.json: ("afrel.render.jsonout", "render_json"),
    Format.jsonl: ("afrel.render.jsonout", "render_jsonl"),
    Format.csv: ("afrel.render.delimited", "render_csv"),
    Format.tsv: ("afrel.render.delimited", "render_tsv"),
    Format.markdown: ("afrel.render.markdown", "render_markdown"),
}


def renderer(format: Format) -> Callable[..., str]:
    module, function = _RENDERERS[format]
    rendered: Callable[..., str] = getattr(import_module(module), function)
    return rendered
