"""GitHub-flavoured Markdown tables of the views people read."""

from __future__ import annotations

from typing import Any

from afrel.render.views import Output, Table


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _table(table: Table) -> str:
    lines = []
    if table.title:
        lines += [f"### {_cell(table.title)}", ""]
    lines.append("| " + " | ".join(_cell(c) for c in table.columns) + " |")
    lines.append("|" + "|".join("---" for _ in table.columns) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def render_markdown(output: Output, **_: Any) -> str:
    parts = ["```\n" + "\n".join(output.figure) + "\n```\n"] if output.figure else []
    parts += [_table(table) for table in output.display if table.rows]
    parts += [f"> {_cell(note)}\n" for note in output.notes]
    return "\n".join(parts)
