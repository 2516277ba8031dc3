"""Citations of the works behind events: plain text, BibTeX (biblatex fields) and CSL JSON."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from afrel.model import Event, Source
from afrel.queries.citations import CitedSource
from afrel.render.jsonout import dumps

# The BibTeX entry type of each kind of work, and the field that names its publisher.
_BIBTEX_TYPES: dict[str, tuple[str, str]] = {
    "news": ("article", "journaltitle"),
    "scholarly": ("book", "publisher"),
    "official": ("online", "organization"),
    "international-organisation": ("online", "organization"),
    "reference": ("online", "organization"),
    "encyclopedia": ("online", "organization"),
    "wiki": ("online", "organization"),
    "other": ("misc", "publisher"),
}
# The CSL type of each kind, and the variable that names its publisher (one only: styles print each).
_CSL_TYPES: dict[str, tuple[str, str]] = {
    "news": ("article-newspaper", "container-title"),
    "scholarly": ("book", "publisher"),
    "official": ("webpage", "publisher"),
    "international-organisation": ("webpage", "publisher"),
    "reference": ("webpage", "container-title"),
    "encyclopedia": ("entry-encyclopedia", "container-title"),
    "wiki": ("entry-encyclopedia", "container-title"),
    "other": ("webpage", "container-title"),
}
# Names of organisations, not people: BibTeX must not split them into given and family names.
_ORGANISATION = re.compile(r"\b(agency|agence|press|presse|news|ministry|office|department|service|bureau|"
                           r"council|committee|commission|reuters|xinhua|tass|associated|staff)\b", re.I)  # fmt: skip


def _for(events: tuple[Event, ...]) -> str:
    return "; ".join(f"{e.title} ({e.when})" for e in events)


def _read_via(source: Source) -> str:
    return f"Read via {source.via}" if source.via else ""


def text(cited: tuple[CitedSource, ...]) -> str:
    lines = []
    for item in cited:
        s = item.source
        parts = [f"[{item.key}]"]
        if s.author:
            parts.append("; ".join(s.author) + ".")
        parts.append(f"\u201c{s.title}.\u201d {s.publisher}")
        parts[-1] += f", {s.published}." if s.published else "."
        if s.locator:
            parts.append(f"{s.locator}.")
        if s.url:
            parts.append(f"{s.url}.")
        if s.via:
            parts.append(f"{_read_via(s)}.")
        if s.accessed:
            parts.append(f"Accessed {s.accessed}.")
        parts.append(f"Cited for: {_for(item.events)}.")
        lines.append(" ".join(parts))
    return "\n".join(lines) + "\n"


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")


def _bib(value: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(escape, value)


def _protected(title: str) -> str:
    """The title escaped, each word with a capital in braces: styles that change case keep names as written."""
    return "".join(f"{{{word}}}" if word != word.lower() else word for word in re.split(r"(\s+)", _bib(title)))


def _bib_url(url: str) -> str:
    return url.replace("%", "\\%").replace("#", "\\#")


def _bib_name(name: str) -> str:
    return f"{{{_bib(name)}}}" if _ORGANISATION.search(name) or " " not in name.strip() else _bib(name)


def bibtex(cited: tuple[CitedSource, ...]) -> str:
    entries = []
    for item in cited:
        s = item.source
        entry_type, publisher_field = _BIBTEX_TYPES.get(s.kind or "other", _BIBTEX_TYPES["other"])
        fields: list[tuple[str, str]] = []
        if s.author:
            fields.append(("author", " and ".join(_bib_name(name) for name in s.author)))
        fields.append(("title", _protected(s.title)))
        fields.append((publisher_field, _bib(s.publisher)))
        if s.published:
            fields.append(("date", s.published))
        if s.locator:
            pages = _PAGES.fullmatch(s.locator)
            fields.append(("pages", _bib(pages.group(1))) if pages else ("addendum", _bib(s.locator)))
        if s.url:
            fields.append(("url", _bib_url(s.url)))
        if s.accessed and (s.url or s.via):
            fields.append(("urldate", s.accessed))
        if s.language:
            fields.append(("langid", s.language))
        notes = [note for note in (_read_via(s),) if note]
        notes.append(f"Cited for: {_for(item.events)}")
        fields.append(("note", _bib(". ".join(notes))))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{entry_type}{{{item.key},\n{body}\n}}\n")
    return "\n".join(entries)


_PAGES = re.compile(r"pp?\.\s*([0-9ivxlc][0-9ivxlc\-–, ]*)", re.I)  # a locator that is only pages: "p. 57"


def _date_parts(value: str) -> dict[str, Any]:
    return {"date-parts": [[int(part) for part in value.lstrip("~").split("-")]]}


def csl_json(cited: tuple[CitedSource, ...]) -> str:
    items = []
    for item in cited:
        s = item.source
        csl_type, publisher_variable = _CSL_TYPES.get(s.kind or "other", _CSL_TYPES["other"])
        record: dict[str, Any] = {"id": item.key, "type": csl_type, "title": s.title}
        if s.author:
            record["author"] = [{"literal": name} for name in s.author]
            if s.publisher not in s.author:  # an author who publishes their own work is named once
                record[publisher_variable] = s.publisher
        elif publisher_variable == "publisher":
            # A body that publishes its own text is its author; styles then print its name once, not twice.
            record["author"] = [{"literal": s.publisher}]
        else:
            record[publisher_variable] = s.publisher
        if s.published:
            record["issued"] = _date_parts(s.published)
        if s.url:
            record["URL"] = s.url
        if s.accessed and (s.url or s.via):
            record["accessed"] = _date_parts(s.accessed)
        pages = _PAGES.fullmatch(s.locator or "")
        if pages:
            record["page"] = pages.group(1)
        if s.language:
            record["language"] = s.language
        notes = (s.locator if s.locator and not pages else "", _read_via(s), f"Cited for: {_for(item.events)}")
        record["note"] = ". ".join(note for note in notes if note)
        items.append(record)
    return dumps(items, indent=2) + "\n"


STYLES: dict[str, Callable[[tuple[CitedSource, ...]], str]] = {"text": text, "bibtex": bibtex, "csl-json": csl_json}
