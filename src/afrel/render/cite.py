"""Citations of the sources behind events: plain text, BibTeX and CSL JSON."""

from __future__ import annotations

import re
from collections.abc import Callable

from afrel.model import Event, Source
from afrel.render.jsonout import dumps


def _cited(events: list[Event]) -> list[tuple[str, Source, list[Event]]]:
    """Each source once (by URL), with a stable key and the events it is cited for."""
    by_url: dict[str, tuple[Source, list[Event]]] = {}
    for event in events:
        for source in event.sources:
            by_url.setdefault(source.url, (source, []))[1].append(event)
    cited = []
    for number, (source, for_events) in enumerate(by_url.values(), 1):
        key = re.sub(r"[^A-Za-z0-9]+", "-", for_events[0].id).strip("-") + (f"-{number}" if len(by_url) > 1 else "")
        cited.append((key, source, for_events))
    return cited


def _for(events: list[Event]) -> str:
    return "; ".join(f"{e.title} ({e.when})" for e in events)


def text(events: list[Event]) -> str:
    lines = []
    for _, source, for_events in _cited(events):
        accessed = f" (accessed {source.accessed})" if source.accessed else ""
        lines.append(
            f"{source.publisher}. \u201c{source.title}.\u201d {source.url}{accessed}. Cited for: {_for(for_events)}."
        )
    return "\n".join(lines) + "\n"


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")


def _bib(value: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(escape, value)


def bibtex(events: list[Event]) -> str:
    entries = []
    for key, source, for_events in _cited(events):
        fields = [
            ("title", _bib(source.title)),
            ("organization", _bib(source.publisher)),
            ("howpublished", "\\url{" + source.url.replace("%", "\\%").replace("#", "\\#") + "}"),
            ("url", source.url),
        ]
        if source.accessed:
            fields.append(("urldate", source.accessed))
            fields.append(("note", f"Accessed {source.accessed}. Cited for: {_bib(_for(for_events))}"))
        else:
            fields.append(("note", f"Cited for: {_bib(_for(for_events))}"))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@misc{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def csl_json(events: list[Event]) -> str:
    items = []
    for key, source, for_events in _cited(events):
        item = {
            "id": key,
            "type": "webpage",
            "title": source.title,
            "URL": source.url,
            "container-title": source.publisher,
            "publisher": source.publisher,
            "note": f"Cited for: {_for(for_events)}",
        }
        if source.accessed:
            item["accessed"] = {"date-parts": [[int(part) for part in source.accessed.split("-")]]}
        items.append(item)
    return dumps(items, indent=2) + "\n"


STYLES: dict[str, Callable[[list[Event]], str]] = {"text": text, "bibtex": bibtex, "csl-json": csl_json}
