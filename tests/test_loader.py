from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from afrel.errors import DataError, DataErrors
from afrel.model import Origin
from afrel.store.assemble import check_documents
from afrel.store.cache import parse_files
from afrel.store.compiled import StoredDataset
from afrel.store.writer import write
from afrel.store.yamlfile import read_yaml
from tests.conftest import FIXTURES, fixture_files


def problems_in(name: str, extra: str = "small") -> list[DataError]:
    files = fixture_files(extra) + [(f"broken/{name}", (FIXTURES / "broken" / name).read_bytes())]
    documents = [(file, read_yaml(content.decode(), file)) for file, content in files]
    return check_documents(documents)[1]


def test_fixture_dataset_loads(small) -> None:
    assert small.version == "test-1"
    assert [e.id for e in small.events][:3] == ["year-only-1919", "june-1919", "treaty-1921"]
    war = next(e for e in small.events if e.id == "war-1979")
    assert war.origin.file == "small/events.yaml"
    assert war.origin.line == 24  # the line of "- id: war-1979"
    assert str(war.alternative_dates[0].when) == "1979-12-27"


def test_same_date_events_keep_a_stable_order(small) -> None:
    assert [e.id for e in small.events if str(e.when) == "2025-07-03"] == ["recognition-2025", "same-day-b"]


def test_unknown_field_names_file_line_and_field() -> None:
    [problem] = problems_in("unknown-field.yaml")
    assert (problem.file, problem.line, problem.field) == ("broken/unknown-field.yaml", 8, "events[0].colour")


def test_duplicate_key_is_an_error_not_a_silent_overwrite() -> None:
    with pytest.raises(DataError) as caught:
        read_yaml((FIXTURES / "broken" / "duplicate-key.yaml").read_text(), "broken/duplicate-key.yaml")
    assert (caught.value.line, caught.value.field) == (4, "date")
    assert "first on line 3" in caught.value.message


def test_corrections_name_a_known_kind_and_the_day_of_the_check() -> None:
    problems = {(p.line, p.field): p.message for p in problems_in("corrections.yaml")}
    assert problems[11, "events[0].corrections[0].kind"].startswith("expected one of date, number")
    assert problems[23, "events[1].checked"] == "give the day of the check: YYYY-MM-DD"
    assert len(problems) == 2


def test_checks_and_corrections_are_read(small) -> None:
    war = next(e for e in small.events if e.id == "war-1979")
    assert str(war.checked) == "2026-12-01"
    assert [(c.kind, c.outcome) for c in war.corrections] == [("place", "corrected")]
    assert sorted(str(r.checked) for r in small.relations if r.checked) == ["2026-12-01", "2026-12-03"]
    iran = next(r for r in small.relations if r.country == "iran")
    assert [(c.kind, c.outcome) for c in iran.corrections] == [("date", "single-source")]


def test_unquoted_date_stays_text_and_is_checked() -> None:
    [problem] = problems_in("unquoted-date.yaml")
    assert (problem.line, problem.field) == (3, "events[0].date")
    assert "not a day of the calendar" in problem.message


def test_yaml_syntax_error_names_the_line() -> None:
    with pytest.raises(DataError) as caught:
        read_yaml((FIXTURES / "broken" / "syntax.yaml").read_text(), "broken/syntax.yaml")
    assert caught.value.file == "broken/syntax.yaml"
    assert caught.value.line == 4  # where the unclosed list meets the end of the file


def test_cross_file_checks(tmp_path: Path) -> None:
    text = """
events:
  - id: treaty-1921
    date: "1930"
    end_date: "1920"
    title: T
    summary: S
    countries: [narnia, afghanistan]
    tags: [friendship]
    sources: []
"""
    files = fixture_files("small") + [("extra.yaml", text.encode())]
    documents = [(file, read_yaml(content.decode(), file)) for file, content in files]
    messages = [str(p) for p in check_documents(documents)[1]]
    assert any("end_date" in m and "before it starts" in m for m in messages)
    assert any("unknown tag 'friendship'" in m for m in messages)
    assert any("not afghanistan" in m for m in messages)
    assert any("sources: must not be empty" in m for m in messages)
    # the record is incomplete, so it is not read, and its id is not counted twice
    with pytest.raises(DataErrors):
        parse_files(files)


def test_duplicate_ids_and_unknown_countries_are_reported() -> None:
    text = """
events:
  - id: treaty-1921
    date: "1921"
    title: T
    summary: S
    countries: [narnia]
    tags: [treaty]
    sources: [{title: A, url: "https://example.org", publisher: P, accessed: "2026-11-23"}]
"""
    files = fixture_files("small") + [("extra.yaml", text.encode())]
    documents = [(file, read_yaml(content.decode(), file)) for file, content in files]
    messages = [str(p) for p in check_documents(documents)[1]]
    assert any(
        m.startswith("extra.yaml:3: id: duplicate id 'treaty-1921' (first in small/events.yaml") for m in messages
    )
    assert any("unknown country 'narnia'" in m for m in messages)


def test_lifetimes_apply_to_known_countries_once() -> None:
    source = '[{title: A, url: "https://example.org/a", publisher: P, accessed: "2026-11-23"}]'
    text = f"""
lifetimes:
  - {{country: narnia, start: "1950", sources: {source}}}
  - {{country: pakistan, start: "1947-08-15", sources: {source}}}
  - {{country: iran, sources: {source}}}
  - {{country: russia, start: "1991-12-26", sources: []}}
"""
    files = fixture_files("small") + [("extra.yaml", text.encode())]
    documents = [(file, read_yaml(content.decode(), file)) for file, content in files]
    messages = [str(p) for p in check_documents(documents)[1]]
    assert any(m.startswith("extra.yaml:3: country: unknown country 'narnia'") for m in messages)
    assert any(m.startswith("extra.yaml:4: country: pakistan already has a dated lifetime") for m in messages)
    assert any(m.startswith("extra.yaml:5") and "start, end or both" in m for m in messages)
    assert any(m.startswith("extra.yaml:6") and "sources" in m for m in messages)
    assert len(messages) == 4


def test_bidi_controls_are_rejected() -> None:
    text = 'countries:\n  - {id: x, name: "ab\u202ecd", kind: state}\n'
    documents = [("bidi.yaml", read_yaml(text, "bidi.yaml"))]
    [problem] = check_documents(documents)[1]
    assert "bidirectional" in problem.message


def test_compiled_form_round_trips(small, tmp_path) -> None:
    assert small.relations and small.replaced == {}, "the fixture should exercise relation periods"
    small_replaced = type(small)(
        small.version,
        small.events,
        small.countries,
        small.observations,
        small.eras,
        small.relations,
        "key",
        {small.events[0].id: Origin("mine.yaml", 3)},
    )
    write(small_replaced, tmp_path / "compiled.sqlite")
    stored = StoredDataset(tmp_path / "compiled.sqlite")
    for part in ("version", "fingerprint", "replaced", "countries", "observations", "eras", "relations", "events"):
        assert getattr(stored, part) == getattr(small_replaced, part), part


@pytest.mark.parametrize(
    "countries, tags, since, until",
    [
        ((), (), None, None),
        (("russia",), (), None, None),
        (("russia", "soviet-union"), ("treaty",), None, None),
        ((), ("diplomacy", "war"), "1920", None),
        (("pakistan",), (), "1950-03", "1979-12-27"),
        (("russia",), ("recognition",), "2021", "2025"),
    ],
)
def test_indexed_candidates_agree_with_a_scan(bundled, tmp_path, countries, tags, since, until) -> None:
    """The compiled file's indexes may only narrow the scan, never change the answer."""
    from afrel.dates import parse_partial_date
    from afrel.queries.timeline import TimelineFilter, select_events

    write(bundled, tmp_path / "compiled.sqlite")
    stored = StoredDataset(tmp_path / "compiled.sqlite")
    chosen = TimelineFilter(
        countries=countries,
        tags=tags,
        since=since and parse_partial_date(since),
        until=until and parse_partial_date(until),
    )
    expected = select_events(bundled, chosen)
    assert expected, "each case should select some events"
    assert select_events(stored, chosen) == expected


@pytest.mark.parametrize("countries", [("russia",), ("afghanistan", "russia"), ("pakistan", "nobody"), ()])
def test_stored_figures_of_countries_agree_with_a_scan(bundled, tmp_path, countries) -> None:
    write(bundled, tmp_path / "compiled.sqlite")
    stored = StoredDataset(tmp_path / "compiled.sqlite")
    expected = bundled.observations_of(countries)
    assert stored.observations_of(countries) == expected
    assert bool(expected) == bool(countries), "each named case should find some figures"
    assert {o.country for o in expected} == set(countries) - {"nobody"}


@pytest.mark.parametrize("countries", [("russia", "soviet-union"), ("pakistan", "nobody"), ()])
def test_stored_status_periods_of_countries_agree_with_a_scan(bundled, tmp_path, countries) -> None:
    write(bundled, tmp_path / "compiled.sqlite")
    expected = tuple(r for r in bundled.relations if r.country in countries)
    assert StoredDataset(tmp_path / "compiled.sqlite").relations_of(countries) == expected
    assert bundled.relations_of(countries) == expected
    assert bool(expected) == bool(countries)


def _mostly(good: list[object], bad: list[object]) -> st.SearchStrategy[object]:
    # Well-formed values four times in five, so that the quick reader accepts a fair share of the examples.
    return st.sampled_from(good * 4 * max(1, len(bad)) + bad * len(good))


_texts = _mostly(["A title", "Ёлка"], [" padded ", "", "with \u202e bidi", 3])
_dates = _mostly(["1919", "1919-08", "1919-08-08", "~1920"], [" 1921 ", "1919-02-30", "soon", "", 1900, None])
_lists = _mostly(
    [["russia"], ["treaty", "trade"], ["india", "russia"]],
    [[], ["afghanistan"], [" india"], [""], ["zz"], "russia", None],
)
_sources = st.lists(
    st.fixed_dictionaries(
        {
            "title": _texts,
            "url": _mostly(["https://example.org/a"], ["ftp://x", " https://e.org/b"]),
            "publisher": _texts,
        },
        optional={"accessed": _mostly(["2026-01-02"], ["2026-01", " 2026-01-03", None, 2026]), "extra": st.just(1)},
    ),
    min_size=1,
    max_size=2,
)
_events = st.fixed_dictionaries(
    {
        "id": _mostly(["an-event"], ["An event", " an-event", 7]),
        "date": _dates,
        "title": _texts,
        "summary": _texts,
        "countries": _lists,
        "tags": _lists,
        "sources": _sources,
    },
    optional={
        "notes": st.one_of(_texts, st.none()),
        "end_date": _dates,
        "disputes": st.just([]),
        "colour": st.just("red"),
    },
)


@given(_events)
@settings(max_examples=400, deadline=None)
def test_the_quick_event_reader_agrees_with_the_full_one(mapping) -> None:
    """The quick reader may decline any record, but what it accepts must be what the full reader makes of it."""
    from afrel.store.quickread import well_formed_event
    from afrel.store.records import RecordReader, _event

    problems: list[DataError] = []
    full = _event(RecordReader(mapping, "f.yaml", "events[0]", problems, 3))
    quick = well_formed_event(mapping, "f.yaml", 3)
    if quick is not None:
        assert not problems and quick == full


def test_the_quick_event_reader_takes_well_formed_events() -> None:
    from afrel.store.quickread import well_formed_event

    mapping = {
        "id": "an-event",
        "date": "~1919-08",
        "title": "T",
        "summary": "S",
        "countries": ["russia"],
        "tags": ["treaty"],
        "notes": "N",
        "sources": [{"title": "T", "url": "https://example.org", "publisher": "P", "accessed": "2026-01-02"}],
    }
    event = well_formed_event(mapping, "f.yaml", 3)
    assert event is not None and event.when.approximate and event.sources[0].accessed == "2026-01-02"
