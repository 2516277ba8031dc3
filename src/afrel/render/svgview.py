"""Relations over time as a self-contained SVG picture: one row per aspect, coloured by status, for articles."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape, quoteattr

from afrel.model import Dataset, Era, Relation
from afrel.queries.history import History
from afrel.render.historyview import STATUS_GROUPS, short_label
from afrel.render.views import start_words

# Colours for the kinds of status of STATUS_GROUPS, in its order: they stay apart for the common kinds of
# colour blindness and in greyscale print.
GROUP_COLOURS = ("#1b7837", "#762a83", "#e08214", "#b2182b")
NO_RECORD_COLOUR = "#f0f0f0"
STATUS_COLOURS = {
    status: colour for (_, statuses, _), colour in zip(STATUS_GROUPS, GROUP_COLOURS, strict=True) for status in statuses
}
LEGEND = (
    *((text, colour) for (text, _, _), colour in zip(STATUS_GROUPS, GROUP_COLOURS, strict=True)),
    ("no record", NO_RECORD_COLOUR),
)
WIDTH, LABEL, ROW, GAP, MARGIN = 960, 170, 18, 6, 12
FONT = 'font-family="Helvetica, Arial, sans-serif"'


def _x(day: date, first: date, last: date) -> float:
    span = (last - first).days or 1
    return LABEL + (WIDTH - LABEL - MARGIN) * (day - first).days / span


def _text(x: float, y: float, text: str, size: int = 11, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" {FONT}{extra}>{escape(text)}</text>'
    )


def _period_title(period: Relation) -> str:
    end = str(period.end) if period.end else "still"
    return f"{period.status.replace('-', ' ')}: {start_words(period)} to {end}"


def _eras_band(eras: tuple[Era, ...], first: date, last: date, y: float) -> list[str]:
    parts = []
    shown = [e for e in eras if e.start.first_day <= last and (e.end is None or e.end.last_day >= first)]
    for index, era in enumerate(shown):
        start = max(era.start.first_day, first)
        end = min(era.end.last_day if era.end else last, last)
        x0, x1 = _x(start, first, last), _x(end, first, last)
        fill = "#e8e8e8" if index % 2 == 0 else "#d4d4d4"
        parts.append(
            f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 0.5):.1f}" height="{ROW}" fill="{fill}">'
            f"<title>{escape(era.name)}: {era.start} to {era.end or 'today'}</title></rect>"
        )
        if x1 - x0 > 6.2 * len(era.name) * 0.8:  # the name fits inside its band
            parts.append(_text(x0 + 3, y + 13, era.name, 10))
    parts.append(_text(MARGIN, y + 13, "Afghan government", 11, extra=' font-weight="bold"'))
    return parts


def _axis(first: date, last: date, y: float) -> list[str]:
    years = last.year - first.year
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if years / s <= 12)
    parts = []
    for year in range((first.year // step + 1) * step, last.year + 1, step):
        x = _x(date(year, 1, 1), first, last)
        parts.append(
            f'<line x1="{x:.1f}" y1="{MARGIN + 24}" x2="{x:.1f}" y2="{y:.1f}" stroke="#bbbbbb" stroke-width="0.5"/>'
        )
        parts.append(_text(x, y + 12, str(year), 10, "middle"))
    return parts


def history_svg(histories: tuple[History, ...], dataset: Dataset, version: str, today: date) -> str:
    """The strips of one or more counterparts' status periods, with era bands, a legend and a caption."""
    starts = [p.start.first_day for h in histories for s in h.strands for p in s.periods]
    first, last = date(min(starts).year if starts else today.year - 1, 1, 1), today
    names = ", ".join(h.country.name for h in histories)
    title = f"Relations with Afghanistan: {names}, {first.year}–{last.year}"
    y = MARGIN + 26.0
    bands = _eras_band(dataset.eras, first, last, y)
    y += ROW + GAP
    rows: list[str] = []
    indent = 10 if len(histories) > 1 else 0
    for history in histories:
        if len(histories) > 1:
            rows.append(_text(MARGIN, y + 13, history.country.name, 12, extra=' font-weight="bold"'))
            y += ROW
        for strand in history.strands:
            background = f'x="{LABEL}" y="{y:.1f}" width="{WIDTH - LABEL - MARGIN}" height="{ROW}"'
            rows.append(f'<rect {background} fill="{NO_RECORD_COLOUR}"/>')
            rows.append(_text(MARGIN + indent, y + 13, short_label(strand)))
            for period in strand.periods:
                x0 = _x(max(period.start.first_day, first), first, last)
                x1 = _x(min(period.end.last_day if period.end else last, last), first, last)
                rows.append(
                    f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 1.5):.1f}" height="{ROW}" '
                    f'fill="{STATUS_COLOURS[period.status]}" data-status="{period.status}">'
                    f"<title>{escape(_period_title(period))}</title></rect>"
                )
            y += ROW + 2
        if not history.strands:
            rows.append(_text(MARGIN + indent, y + 13, f"No status periods are recorded for {history.country.name}."))
            y += ROW
        y += GAP
    axis = _axis(first, last, y)
    y += 22
    legend, x = [], float(MARGIN)
    for text, colour in LEGEND:
        swatch = f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" fill="{colour}"'
        legend.append(swatch + ' stroke="#999999" stroke-width="0.5"/>')
        legend.append(_text(x + 16, y + 10, text, 10))
        x += 24 + 5.6 * len(text)
    y += 30
    caption = (
        f"Source: afrel {version}, data {dataset.version}; each bar is a status period with its sources "
        "(afrel status COUNTRY --history). Gaps mean no record, not a change."
    )
    height = y + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        _text(MARGIN, MARGIN + 14, title, 15, extra=' font-weight="bold"'),
        *bands,
        *rows,
        *axis,
        *legend,
        _text(MARGIN, y, caption, 10, extra=' fill="#444444"'),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
