"""Every state: UN members and observers, their names across scripts, ambiguous names, and states in time."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fa", "ps", "ur", "ar", "ru", "uz", "tg", "tk", "he", "hi", "bn", "zh", "ja", "ko", "tr", "fr", "de", "es")


def test_every_un_member_and_observer_is_known_with_its_codes_and_names(run) -> None:
    countries = run.json("countries", "--format", "json")
    un = [c for c in countries if c["un"]]
    assert sum(c["un"] == "member" for c in un) == 193
    assert sorted(c["id"] for c in un if c["un"] == "observer") == ["holy-see", "palestine"]
    assert len({c["iso2"] for c in un}) == len({c["iso3"] for c in un}) == 195
    for country in un:
        assert set(LANGUAGES) <= set(country["names"]), country["id"]


@pytest.mark.parametrize(
    "typed, country",
    [
        ("Австралия", "australia"),
        ("ऑस्ट्रेलिया", "australia"),
        ("أستراليا", "australia"),
        ("オーストラリア", "australia"),
        ("澳大利亚", "australia"),
        ("Kanada", "canada"),
        ("भारत", "india"),
        ("বাংলাদেশ", "bangladesh"),
        ("Burma", "myanmar"),
        ("Ivory Coast", "cote-d-ivoire"),
        ("روسیه\u200e", "russia"),  # pasted from right-to-left text with its direction mark
        ("\u200fافغانستان", "afghanistan"),
        ("KOR", "south-korea"),
    ],
)
def test_names_resolve_across_scripts(run, typed: str, country: str) -> None:
    matches = run.json("countries", "--search", typed, "--json")["matches"]
    assert matches[0]["country"] == country and matches[0]["exact"], matches


@pytest.mark.parametrize("shared, candidates", [("Korea", "north-korea, south-korea"), ("Congo", "dr-congo")])
def test_a_name_two_states_share_lists_both_and_exits_2(run, shared: str, candidates: str) -> None:
    result = run("timeline", "--country", shared)
    assert result.exit_code == 2 and "ambiguous" in result.stderr
    assert all(candidate in result.stderr for candidate in candidates.split(", "))
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_state_outside_its_lifetime_did_not_exist(run) -> None:
    gone = run.json("status", "soviet-union", "--on", "2000-01-01", "--json")
    assert gone["existed"] is False
    table = run("status", "soviet-union", "--on", "2000-01-01", env={"COLUMNS": "100"}).stdout
    assert "did not exist" in table and "no record" not in table
    present = run.json("status", "canada", "--on", "2000-01-01", "--json")
    assert present["existed"] is True


def test_a_state_without_any_status_period_says_what_no_record_means(run, bundled) -> None:
    recorded = {r.country for r in bundled.relations}
    silent = sorted(c.id for c in bundled.countries.values() if c.un and c.id not in recorded)[0]
    table = run("status", silent, "--on", "2000-01-01", env={"COLUMNS": "100"}).stdout
    assert "no record" in table and f"afrel timeline --country {silent}" in " ".join(table.split())
    for country, day in (("russia", "2000-01-01"), ("soviet-union", "2000-01-01")):
        shown = run("status", country, "--on", day, env={"COLUMNS": "100"}).stdout
        assert "does not mean there were no relations" not in " ".join(shown.split())


def test_status_answers_for_every_state_without_an_error(run) -> None:
    result = run("status", "--on", "1950-06-01", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    assert {"existed", "near_boundary", "unconfirmed"} <= set(header)


def test_generated_names_are_what_the_script_makes(tmp_path) -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    target = tmp_path / "states.yaml"
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_countries.py"), str(target)], check=True)
    shipped = (ROOT / "data" / "generated" / "states.yaml").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == shipped
