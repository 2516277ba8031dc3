"""Facts about the shipped data: the checks every curated change must pass."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from afrel.model import TAGS
from afrel.queries.timeline import TimelineFilter, select_events
from afrel.store.assemble import check_documents
from afrel.store.cache import bundled_files
from afrel.store.yamlfile import read_yaml

ROOT = Path(__file__).parents[1]


def test_bundled_files_pass_every_check() -> None:
    documents = [(name, read_yaml(content.decode("utf-8"), name)) for name, content in bundled_files()]
    problems = check_documents(documents)[1]
    assert [str(p) for p in problems] == []


def test_scope_counts(bundled) -> None:
    counterparts = Counter(c for e in bundled.events for c in e.countries)
    assert len(bundled.events) >= 300
    assert len(counterparts) >= 30
    for required in (
        "pakistan",
        "iran",
        "turkmenistan",
        "uzbekistan",
        "tajikistan",
        "china",
        "russian-empire",
        "soviet-russia",
        "soviet-union",
        "russia",
        "united-kingdom",
        "british-india",
        "united-states",
        "india",
        "saudi-arabia",
        "united-arab-emirates",
        "qatar",
        "turkey",
        "germany",
        "japan",
        "european-union",
        "nato",
        "united-nations",
        "un-security-council",
    ):
        assert counterparts[required] > 0, required


def test_every_event_is_sourced_and_tagged(bundled) -> None:
    for event in bundled.events:
        assert event.sources, event.id
        for s in event.sources:
            assert s.address is None or s.address.startswith(("http://", "https://")), event.id
            assert s.address or s.published or s.locator, f"{event.id}: a print-only work needs its date or page"
        assert set(event.tags) <= set(TAGS), event.id
        assert event.end_date is None or event.end_date.last_day >= event.when.first_day, event.id
    assert len({e.id for e in bundled.events}) == len(bundled.events)


def test_every_state_has_the_core_indicators(bundled) -> None:
    have = {(o.country, o.indicator) for o in bundled.observations}
    for country in bundled.countries.values():
        if country.kind == "state":
            # The Factbook has no profile of Palestine (it describes the West Bank and Gaza separately).
            indicators = ("population", "gdp") if country.id == "palestine" else ("area", "population", "capital")
            for indicator in indicators:
                assert (country.id, indicator) in have, (country.id, indicator)
    for observation in bundled.observations:
        assert observation.source.url, observation
        # Undated: the Factbook's area, government, capital and languages, and the infobox's figures.
        assert observation.year or observation.source.publisher in ("Central Intelligence Agency", "Wikipedia")


def test_gdp_per_capita_uses_one_year(bundled) -> None:
    values = {
        (o.country, o.indicator, o.year): o.value for o in bundled.observations if o.source.publisher == "World Bank"
    }
    for (country, indicator, year), value in values.items():
        if indicator == "gdp_per_capita":
            assert value == pytest.approx(values[country, "gdp", year] / values[country, "population", year], abs=0.01)


def test_known_facts(bundled) -> None:
    # Spot facts a reader can check: the 1921 treaty, and Russia's recognition in July 2025.
    soviet = select_events(bundled, TimelineFilter(countries=("soviet-russia",), exact=True, tags=("treaty",)))
    assert any(str(e.when) == "1921-02-28" for e in soviet)
    recognition = select_events(bundled, TimelineFilter(countries=("russia",), exact=True, tags=("recognition",)))
    assert any(str(e.when) == "2025-07-03" for e in recognition)


@pytest.mark.skipif(not (ROOT.parent / "shared" / "reference").is_dir(), reason="reference extracts not beside")
def test_indicators_match_the_reference_extracts(tmp_path: Path) -> None:
    # data/indicators.yaml must be exactly what the script makes from the published extracts.
    output = tmp_path / "indicators.yaml"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "make_indicators.py"),
            str(ROOT.parent / "shared" / "reference"),
            str(output),
        ],
        check=True,
        capture_output=True,
    )
    assert output.read_bytes() == (ROOT / "data" / "indicators.yaml").read_bytes()


def test_seed_infobox_figures_are_kept_beside_the_world_banks(bundled) -> None:
    infobox = {(o.country, o.indicator): o for o in bundled.observations if o.source.title.endswith("(infobox)")}
    assert infobox["afghanistan", "gdp_per_capita"].value == 335
    assert infobox["russia", "population"].value == 144404939


def test_docs_list_every_seed_claim(bundled) -> None:
    text = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for event in bundled.events:
        if event.disputes:
            assert f"`{event.id}`" in text, event.id


def test_docs_report_the_audit_as_the_data_records_it() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "audit_report.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_relation_status_periods_cover_the_counterparts(bundled) -> None:
    covered = {r.country for r in bundled.relations}
    assert len(covered) >= 25
    for relation in bundled.relations:
        assert relation.sources and all(s.accessed for s in relation.sources)


def test_status_at_the_end_of_2025_names_russia_as_the_only_recognising_state(bundled) -> None:
    import datetime

    from afrel.queries.status import status_of_all

    day = datetime.date(2025, 12, 31)
    recognising = [s.country.id for s in status_of_all(bundled, day) if s.has_status("recognised")]
    assert recognising == ["russia"]


def test_no_record_dates_a_state_before_it_came_into_being(bundled) -> None:
    dated = [c for c in bundled.countries.values() if c.start and c.kind == "state"]
    assert len(dated) > 80 and all(len(c.sources) >= 2 or c.id == "russia" for c in dated)
    for period in bundled.relations:
        country = bundled.countries[period.country]
        assert not country.start or period.last_day >= country.start.first_day, period
    for event in bundled.events:
        for key in event.countries:
            start = bundled.countries[key].start
            assert not start or event.when.last_day >= start.first_day, (event.id, key)
