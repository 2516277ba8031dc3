"""Tables for people: laid out by `afrel.render.grid` where the text is plain, by Rich itself otherwise."""

from __future__ import annotations

from typing import Any

from afrel.render.grid import laid_out
from afrel.render.views import VERTICAL_BELOW, Output


def render_table(output: Output, *, width: int = 80, color: bool = False, ascii: bool = False, **_: Any) -> str:
    text = laid_out(output, width, color=color, ascii=ascii) if width >= VERTICAL_BELOW else None
    if text is None:
        from afrel.render.richtable import rich_layout

        text = rich_layout(output, width, color=color, ascii=ascii)
    return text
