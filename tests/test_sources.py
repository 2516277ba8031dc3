"""The source standard (docs/data.md), checked on the shipped data and through `afrel validate`."""

import re
from collections import defaultdict
from pathlib import Path

from afrel.model import SOURCE_KINDS, Source
from afrel.store.sourcecheck import host_kind, source_warnings

ROOT = Path(__file__).resolve().parent.parent
# Wording about how the data was assembled, which data text must not carry.
PROCESS_WORDING = re.compile(
    r"search tool|pages? (?:consulted|read)\b|only one page|descriptive title|counterpart ids|\.yaml\b|"
    r"\bseed\b|seed-|the project\b|project's",
    re.I,
)
URI = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _all_sources(dataset) -> list[tuple[str, Source]]:
    found = [(event.id, source) for event in dataset.events for source in event.sources]
    found += [(f"{r.country} {r.aspect} {r.start}", source) for r in dataset.relations for source in r.sources]
    found += [(era.id, source) for era in dataset.eras for source in era.sources]
    found += [(f"{o.country} {o.indicator}", o.source) for o in dataset.observations]
    return found


def test_hosts_are_classified_with_their_subdomains() -> None:
    assert host_kind("https://issuhub.com/view/index?id=1") == "book-copy"
    assert host_kind("https://www.wiki3.en-us.nina.az/x") == "mirror"
    assert host_kind("http://99.80.44.72/news") == "raw address"
    assert host_kind("https://bbctodays.pages.dev/news") == "proxy"
    assert host_kind("https://www.bbc.co.uk/news") is None
    assert host_kind("https://notissuhub.com/") is None


def test_shipped_data_meets_the_source_standard(bundled) -> None:
    warnings = source_warnings(bundled)
    assert not warnings, "\n".join(str(w) for w in warnings[:20])


def test_every_shipped_source_says_what_kind_of_work_it_is(bundled) -> None:
    for where, source in _all_sources(bundled):
        assert source.kind in SOURCE_KINDS, (where, source.title)
        assert source.language, (where, source.title)
        assert source.accessed, (where, source.title)


def test_every_address_is_a_valid_uri(bundled) -> None:
    for where, source in _all_sources(bundled):
        for address in (source.url, source.via):
            assert address is None or URI.fullmatch(address), (where, address)


# Outlets whose names differ only by an article or punctuation, yet are different outlets.
DISTINCT_PUBLISHERS = {frozenset({"Business Standard", "The Business Standard"})}  # India; Bangladesh


def test_each_publisher_is_spelled_one_way(bundled) -> None:
    spellings: dict[str, set[str]] = defaultdict(set)
    for _, source in _all_sources(bundled):
        folded = re.sub(r"[\W_]", "", re.sub(r"^the ", "", source.publisher.casefold()))
        spellings[folded].add(source.publisher)
    doubled = {key: names for key, names in spellings.items() if len(names) > 1}
    assert not {key: names for key, names in doubled.items() if frozenset(names) not in DISTINCT_PUBLISHERS}


def test_data_text_speaks_of_the_evidence_only() -> None:
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        if "checks" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = line.split("#")[0] if line.lstrip().startswith("#") else line
            if re.match(r"\s*(-\s*)?(url|via|source):", text):
                continue
            assert not PROCESS_WORDING.search(text), f"{path.name}:{number}: {line.strip()}"


def test_validate_warns_about_copies_without_failing(run_small, tmp_path) -> None:
    path = tmp_path / "copies.yaml"
    path.write_text(
        "events:\n  - {id: copy-2000, date: '2000', title: t, summary: s, countries: [iran], tags: [trade],"
        " sources: [{title: A book, url: 'https://issuhub.com/view/index?id=1', publisher: Someone}]}\n",
        encoding="utf-8",
    )
    result = run_small("validate", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    import json

    warnings = json.loads(result.stdout)["warnings"]
    assert [w["field"] for w in warnings] == ["copy-2000.sources[0].url", "copy-2000.sources"]
    assert "book-copy host: never link it" in warnings[0]["message"]
