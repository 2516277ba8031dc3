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


class _Commas(csv.excel):
    lineterminator = "\n"


def render_csv(output: Output, **_: Any) -> str:
    return _write(output, _Commas)


# TSV as the IANA text/tab-separated-values format and its readers (Miller, pandas with escapechar, PostgreSQL's
# text COPY) expect it: no quoting; a tab, line break or backslash inside a value is written \t, \n or \\.
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def render_tsv(output: Output, **_: Any) -> str:
    rows = [output.flat.columns, *output.flat.rows]
    return "".join("\t".join(cell.translate(_TSV_ESCAPES) for cell in row) + "\n" for row in rows)
