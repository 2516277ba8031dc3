"""CSV and TSV of the flat view: a header row, then one row per record."""

from __future__ import annotations

import csv
import io
from typing import Any

from afrel.render.views import Output


def _write(output: Output, dialect: type[csv.Dialect]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect=dialect)
    writer.writerow(output.flat.columns)
    writer.writerows(output.flat.rows)
    return buffer.getvalue()


class _Tabs(csv.excel_tab):
    lineterminator = "\n"


class _Commas(csv.excel):
    lineterminator = "\n"


def render_csv(output: Output, **_: Any) -> str:
    return _write(output, _Commas)


def render_tsv(output: Output, **_: Any) -> str:
    return _write(output, _Tabs)
