"""search, show, status, chart, cite and export through the command line, on the small fixture data."""

import csv
import io
import json
import re

import pytest


def test_search_ranks_title_matches_first_and_matches_word_starts(run_small) -> None:
    hits = run_small.json("search", "recogni", "--json")
    # A title and a summary hit, then a summary hit only ("Sorted after recognition-2025"); tags are not text.
    assert [(h["id"], h["score"]) for h in hits] == [("recognition-2025", 4), ("same-day-b", 1)]
    assert run_small.json("search", "treaty friendship", "--json")[0]["id"] == "treaty-1921"
    assert run_small.json("search", "treaty", "--country", "pakistan", "--json") == []


def test_search_highlights_in_tables_only_with_colour(run_small) -> None:
    coloured = run_small("--color", "always", "search", "war")
    assert "\x1b[" in coloured.stdout and "war" in coloured.stdout
    assert "\x1b[" not in run_small("search", "war").stdout


def test_search_needs_a_word(run_small) -> None:
    result = run_small("search", "  ")
    assert result.exit_code == 2 and "at least one word" in result.stderr


def test_show_prints_everything_about_an_event(run_small) -> None:
    shown = run_small.json("show", "war-1979", "--json")
    assert shown["alternative_dates"][0]["date"]["value"] == "1979-12-27"
    assert shown["origin"]["file"].endswith("small/events.yaml")
    assert shown["era"] is None
    table = run_small("show", "war-1979", env={"COLUMNS": "200"}).stdout
    for text in ("known to the day", "https://example.org/a", "Other dates given by sources", "small/events.yaml:"):
        assert text in table
    result = run_small("show", "war-197")
    assert result.exit_code == 2 and "did you mean: war-1979" in result.stderr


def test_status_answers_for_a_date_with_sources(run_small) -> None:
    status = run_small.json("status", "russia", "--on", "2025-12-31", "--json")
    recognition = next(a for a in status["aspects"] if a["aspect"] == "recognition")
    assert recognition["status"] == "recognised" and recognition["government"]["id"] == "emirate-2021"
    assert recognition["events"] == ["recognition-2025"] and recognition["sources"][0]["url"]
    before = run_small.json("status", "russia", "--on", "2024", "--json")
    assert next(a for a in before["aspects"] if a["aspect"] == "recognition")["status"] == "not-recognised"
    relations = next(a for a in before["aspects"] if a["aspect"] == "relations")
    assert relations["status"] is None  # no period recorded: never guessed


def test_status_of_every_counterpart_and_only(run_small) -> None:
    everyone = run_small.json("status", "--on", "2025-12-31", "--json")
    assert [s["country"]["id"] for s in everyone] == ["iran", "israel", "pakistan", "russia"]
    recognised = run_small.json("status", "--on", "2025-12-31", "--only", "recognised", "--json")
    assert [s["country"]["id"] for s in recognised] == ["russia"]
    assert run_small.json("status", "--on", "2025-01-01", "--only", "recognised", "--json") == []


def test_status_flags_days_inside_a_months_boundary_and_unconfirmed_periods(run_small) -> None:
    august = run_small.json("status", "pakistan", "--on", "2021-08-10", "--json")
    embassy = next(a for a in august["aspects"] if a["aspect"] == "embassy")
    assert embassy["status"] == "downgraded" and embassy["near_boundary"] is True
    late = run_small.json("status", "russia", "--on", "2030-01-01", "--json")
    recognition = next(a for a in late["aspects"] if a["aspect"] == "recognition")
    assert recognition["unconfirmed"] is True
    assert (
        "last confirmed 2026-01" in run_small("status", "russia", "--on", "2030-01-01", env={"COLUMNS": "300"}).stdout
    )


def test_a_claim_resting_on_one_source_says_so(run_small) -> None:
    text = run_small("status", "iran", "--on", "2000", env={"COLUMNS": "300"}).stdout
    assert "rests on one source, which no independent source confirms" in text
    assert "rests on one source" not in run_small("status", "russia", env={"COLUMNS": "300"}).stdout
    assert "a claim rests on one source" in run_small("status", "iran", "--history", env={"COLUMNS": "300"}).stdout
    history = run_small("status", "iran", "--history", "--format", "csv").stdout.splitlines()
    assert history[0].endswith(",single_source_claim") and history[1].endswith(",true")
    corrections = run_small.json("status", "iran", "--on", "2000", "--json")["aspects"][0]["corrections"]
    assert [c["outcome"] for c in corrections] == ["single-source"]
    stats = run_small.json("stats", "--json")
    assert (stats["totals"]["with_single_source_claim"], stats["status"]["with_single_source_claim"]) == (1, 1)
    assert "With a claim resting on one source" in run_small("stats", "--section", "status").stdout
    shown = run_small("show", "recognition-2025", env={"COLUMNS": "300"}).stdout
    assert "a claim rests on one source" in shown and "Only one source gives the day." in shown
    assert "rests on one source" not in run_small("show", "war-1979", env={"COLUMNS": "300"}).stdout


def test_status_prints_data_text_literally(run_small) -> None:
    assert "[bold]not markup[/]" in run_small("status", "pakistan", env={"COLUMNS": "300"}).stdout


def test_status_says_when_a_beginning_is_undated_and_when_there_were_never_relations(run_small) -> None:
    iran = run_small.json("status", "iran", "--on", "2000", "--json")["aspects"][0]
    assert (iran["status"], iran["start"]["value"], iran["start_known"]) == ("established", "1935", False)
    text = run_small("status", "iran", "--on", "2000", env={"COLUMNS": "300"}).stdout
    assert "established by 1935 at the latest (no source dates its beginning)" in text
    assert run_small.json("status", "iran", "--on", "1934", "--json")["aspects"][0]["status"] is None
    csv = run_small("status", "iran", "--on", "2000", "--format", "csv").stdout.splitlines()
    assert csv[0].endswith(",start_known,single_source_claim") and csv[1].endswith(",false,true")
    assert "by 1935" in run_small("status", "iran", "--history", env={"COLUMNS": "300"}).stdout
    assert run_small.json("status", "russia", "--json")["aspects"][2]["start_known"] is True
    israel = run_small.json("status", "israel", "--on", "2000", "--json")["aspects"][0]
    assert israel["status"] == "none" and israel["start_known"] is True
    coverage = run_small.json("stats", "--json")["status"]
    assert (coverage["states_with_relations"], coverage["states_relations_undated"]) == (0, 1)
    assert coverage["states_never_related"] == 1


def test_status_before_a_state_came_into_being_says_so_and_why(run_small) -> None:
    before = run_small.json("status", "pakistan", "--on", "1940", "--json")
    assert before["existed"] is False and {a["status"] for a in before["aspects"]} == {None}
    text = run_small("status", "pakistan", "--on", "1940", env={"COLUMNS": "200"}).stdout
    assert "did not exist" in text and "it came into being on 1947-08-14" in text
    assert "https://example.org/pk" in text  # the work that dates it
    after = run_small("status", "pakistan", "--on", "1948", env={"COLUMNS": "200"}).stdout
    assert "did not exist" not in after and "https://example.org/pk" not in after
    [pakistan] = [c for c in run_small.json("countries", "--json") if c["id"] == "pakistan"]
    assert pakistan["start"]["value"] == "1947-08-14" and pakistan["sources"][0]["url"] == "https://example.org/pk"
    rows = run_small("countries", "--format", "csv").stdout.splitlines()
    assert rows[0].endswith(",start,end,source_urls")
    assert any(row.startswith("pakistan,") and row.endswith(",1947-08-14,,https://example.org/pk") for row in rows)


def test_status_bad_input(run_small) -> None:
    for args, message in (
        (["status", "--only", "friendly"], "--only must be one of"),
        (["status", "--on", "2021-02-30"], "--on:"),
        (["status", "narnia"], "unknown country"),
    ):
        result = run_small(*args)
        assert result.exit_code == 2 and message in result.stderr, args


def test_chart_counts_and_fits_the_width(run_small) -> None:
    document = run_small.json("chart", "--json")
    assert document["buckets"][0] == "1910s" and document["buckets"][-1] == "2020s"
    assert sum(document["series"][0]["counts"]) == 6
    by = run_small.json("chart", "--by", "tag", "--per", "year", "--since", "2025", "--json")
    assert {s["key"] for s in by["series"]} == {"recognition", "diplomacy", "trade"}
    for columns in ("80", "40"):
        out = run_small("chart", "--by", "counterpart", env={"COLUMNS": columns}).stdout
        assert max(len(line) for line in out.splitlines()) <= int(columns)


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("by", ["counterpart", "tag"])
def test_chart_rows_keep_their_strip_on_one_line(run, width: int, by: str) -> None:
    document = run.json("chart", "--by", by, "--top", "5", "--json")
    out = run("chart", "--by", by, "--top", "5", env={"COLUMNS": str(width)}).stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    marks = "·▁▂▃▄▅▆▇█"
    strips = [line for line in lines if sum(ch in marks for ch in line) >= len(document["buckets"])]
    assert len(strips) == len(document["series"])  # one line per row, the whole strip on it
    if width >= 60:
        for series, line in zip(document["series"], strips, strict=True):
            assert str(series["total"]) in line  # name, count and strip share the line
    assert len(lines) <= 4 * len(document["series"]) + 8


@pytest.mark.parametrize("width", [40, 80, 120])
def test_chart_by_period_is_one_line_per_period(run, width: int) -> None:
    document = run.json("chart", "--json")
    lines = run("chart", env={"COLUMNS": str(width)}).stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert len(lines) <= len(document["buckets"]) + 8


def test_chart_draws_ascii_when_colour_is_off_on_a_dumb_terminal(run_small) -> None:
    out = run_small("chart", "--eras", env={"TERM": "dumb"}).stdout
    assert out.isascii() and "eras    " in out
    unicode_out = run_small("chart").stdout
    assert "█" in unicode_out


def test_chart_refuses_too_many_years_for_the_width(run_small) -> None:
    result = run_small("chart", "--by", "tag", "--per", "year", env={"COLUMNS": "80"})
    assert result.exit_code == 2 and "do not fit" in result.stderr


def test_cite_styles(run_small) -> None:
    text = run_small("cite", "war-1979").stdout.splitlines()
    assert [line.split("]")[0] for line in text] == ["[examplendexample", "[historian2002soviet", "[reporter1979soviet"]
    assert text[1].startswith("[historian2002soviet] Ann Historian. \u201cThe Soviet War in Afghanistan.\u201d")
    news = next(line for line in text if "Daily Example" in line)
    assert "https://news.example.com/1979/12/28/troops." in news
    assert "Read via https://web.archive.org/web/2020/" in news and "Accessed 2026-11-23." in news
    bib = run_small("cite", "treaty-1921", "war-1979", "--style", "bibtex").stdout
    assert bib.count("@misc{example") == 1  # the same source once
    assert "@article{reporter1979soviet," in bib and "journaltitle = {The Daily Example}" in bib
    assert "@book{historian2002soviet," in bib and "publisher = {Example University Press}" in bib
    assert "date = {1979-12-28}" in bib and "urldate = {2026-11-23}" in bib and "pages = {57}" in bib
    assert "title = {{Soviet} troops cross the {Amu} {Darya} into {Afghanistan}}" in bib
    assert "note = {Read via https://web.archive.org" in bib
    csl = json.loads(run_small("cite", "war-1979", "--style", "csl-json").stdout)
    news_item = next(item for item in csl if item["type"] == "article-newspaper")
    assert news_item["container-title"] == "The Daily Example" and "publisher" not in news_item
    assert news_item["issued"] == {"date-parts": [[1979, 12, 28]]} and news_item["author"] == [
        {"literal": "Jane Reporter"}
    ]
    assert run_small("cite", "nope").exit_code == 2
    assert run_small("cite").exit_code == 2


def test_cite_keys_do_not_depend_on_what_else_is_cited(run_small) -> None:
    def keys(*ids: str) -> set[str]:
        bib = run_small("cite", *ids, "--style", "bibtex").stdout
        return {line.split("{", 1)[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")}

    alone = keys("war-1979")
    assert keys("treaty-1921", "war-1979") == alone == keys("war-1979", "treaty-1921")
    assert len(alone) == 3  # three works, three keys: appending two calls to one file never repeats a key


def test_cite_selects_events_with_the_timeline_filters(run_small) -> None:
    by_filter = run_small("cite", "--country", "soviet-union", "--exact", "--since", "1979").stdout
    assert "Cited for: A long war" in by_filter and "A treaty of friendship" not in by_filter
    assert run_small("cite", "--country", "iran", "--since", "2030").exit_code == 2


def test_bibtex_escapes_special_characters(run_small, tmp_path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(
        "events:\n  - {id: amp-2000, date: '2000', title: t, summary: s, countries: [iran], tags: [trade],"
        " sources: [{title: 'Trade & 50% {more}', url: 'https://a.org/x_y', publisher: 'A & B'}]}\n",
        encoding="utf-8",
    )
    bib = run_small("cite", "amp-2000", "--style", "bibtex", "--data", str(path)).stdout
    assert r"title = {{Trade} \& 50\% \{more\}}" in bib and r"publisher = {A \& B}" in bib


def test_export_timelinejs(run_small) -> None:
    document = json.loads(run_small("export", "--to", "timelinejs", "--country", "russia").stdout)
    assert [e["unique_id"] for e in document["events"]] == [
        "year-only-1919",
        "treaty-1921",
        "war-1979",
        "recognition-2025",
    ]
    assert document["events"][0]["start_date"] == {"year": "1919"}
    assert document["events"][2]["end_date"] == {"year": "1989", "month": "2", "day": "15"}
    assert document["events"][2]["text"]["text"].count("[bold]markup[/bold]") == 1
    assert {era["text"]["headline"] for era in document["eras"]} == {"Kingdom", "Second emirate"}
    assert {event["group"] for event in document["events"]} == {"Europe"}  # the Soviet states, by their successor
    single = json.loads(run_small("export", "--to", "timelinejs", "--group-by", "none").stdout)
    assert all("group" not in event for event in single["events"])
    assert run_small("export", "--to", "timelinejs", "--group-by", "country").exit_code == 2


def test_timelinejs_ends_known_to_the_year_or_month_fall_at_their_end(run, bundled) -> None:
    document = run.json("export", "--to", "timelinejs")
    groups = {event["group"] for event in document["events"]}
    assert len(groups) <= 8  # a handful of rows, not one per combination of counterparts
    ends = {era["text"]["headline"]: era["end_date"] for era in document["eras"]}
    assert ends["Kingdom of Afghanistan"] == {"year": "1973", "month": "7", "day": "17"}
    approximate = [e for e in document["events"] if e["start_date"].get("display_date", "").startswith("c. ")]
    assert all(not re.search(r"c\. \d{4}-", e["start_date"]["display_date"]) for e in approximate)


def test_export_html_is_self_contained_and_escaped(run_small, tmp_path) -> None:
    target = tmp_path / "page.html"
    result = run_small("export", "--to", "html", "-o", str(target), "--title", "<Russia>")
    assert result.exit_code == 0 and result.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert "<title>&lt;Russia&gt;</title>" in page
    assert not re.search(r"""src=|<link|@import|url\(""", page)  # nothing loaded from elsewhere; links only
    assert "<script" not in page and "@import" not in page
    assert page.count("<article") == 6


def test_export_json_and_csv_match_timeline(run_small) -> None:
    assert run_small("export", "--to", "json").stdout == run_small("timeline", "--json").stdout
    assert run_small("export", "--to", "csv").stdout == run_small("timeline", "--format", "csv").stdout
    bad = run_small("export", "--to", "pdf")
    assert bad.exit_code == 2


@pytest.mark.parametrize("command", ["show", "cite"])
def test_event_id_completion(run_small, command) -> None:
    def complete(words: str) -> list[str]:
        env = {
            "_AFREL_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": "2",
            "_TYPER_COMPLETE_ARGS": words,
        }
        result = run_small(env=env)
        assert result.exit_code == 0, result.stderr
        return str(result.stdout).split()

    assert complete(f"afrel {command} war") == ["war-1979"]
    assert complete(f"afrel {command} same-day") == ["same-day-b"]
    assert complete(f"afrel {command} nothing-like-this") == []


def test_computed_and_undated_figures_say_so_in_every_format(run_small) -> None:
    table = run_small("compare", "afghanistan", "russia", env={"COLUMNS": "160"}).stdout
    assert "357.38 (2022, computed)" in table and "Kabul (undated)" in table
    assert "computed from World Bank figures" in table
    rows = list(csv.DictReader(io.StringIO(run_small("compare", "afghanistan", "russia", "--format", "csv").stdout)))
    per_capita = next(r for r in rows if r["indicator"] == "gdp_per_capita" and r["country"] == "afghanistan")
    assert per_capita["publisher"] == "computed from World Bank figures" and per_capita["year"] == "2022"
    capital = next(r for r in rows if r["indicator"] == "capital" and r["country"] == "afghanistan")
    assert capital["year"] == ""
    markdown = run_small("compare", "afghanistan", "russia", "--format", "markdown").stdout
    assert "357.38 (2022, computed)" in markdown and "Kabul (undated)" in markdown
    document = run_small.json("compare", "afghanistan", "russia", "--json")
    values = {v["country"]: v for i in document["indicators"] if i["indicator"] == "capital" for v in i["values"]}
    assert values["afghanistan"]["year"] is None


def test_stats_shows_the_largest_rows_unless_all_are_asked_for(run) -> None:
    table = run("stats", env={"COLUMNS": "100"}).stdout
    assert "By publisher (top 10 of" in table and "--all shows every row" in table
    publishers = run("stats", "--section", "publisher", "--all", env={"COLUMNS": "100"}).stdout
    assert "By counterpart" not in publishers and "top 10" not in publishers
    assert "--all shows every row" not in publishers  # nothing shown was cut
    assert "--all shows every row" not in run("stats", "--section", "status", env={"COLUMNS": "100"}).stdout
    document = run.json("stats", "--json")
    assert len(document["by_publisher"]) > 10 and document["newest_event"] and document["status_checked"]
    assert run("stats", "--section", "nonsense").exit_code == 2


def test_stats_say_what_the_status_periods_cover(run, bundled) -> None:
    status = run.json("stats", "--json")["status"]
    states = [c for c in bundled.countries.values() if c.un and c.id != "afghanistan"]
    relations = [r for r in bundled.relations if r.aspect == "relations"]
    dated = {r.country for r in relations if r.start_known and r.status != "none"}
    undated = {r.country for r in relations if not r.start_known} - dated
    assert status["states"] == len(states) >= 193
    assert status["states_with_relations"] == sum(1 for c in states if c.id in dated) > 0
    assert status["states_relations_undated"] == sum(1 for c in states if c.id in undated)
    assert status["periods"] == len(bundled.relations) == sum(row["count"] for row in status["by_aspect"])
    recognitions = sum(1 for r in bundled.relations if r.aspect == "recognition")
    assert sum(row["count"] for row in status["by_government"]) == recognitions
    assert 0 < status["checked"] <= status["periods"]
    # One country: its own periods and those of its predecessors, and it alone among today's states.
    russia = run.json("stats", "--country", "russia", "--json")["status"]
    line = {"russia", "soviet-union", "soviet-russia", "russian-empire"}
    assert russia["periods"] == sum(1 for r in bundled.relations if r.country in line)
    assert (russia["states"], russia["states_with_relations"]) == (1, 1)
    table = run("stats", "--section", "status", env={"COLUMNS": "100"}).stdout
    assert "What the status periods cover" in table and "By counterpart" not in table
    assert f"{status['states_with_relations']} of {status['states']}" in table
    rows = run("stats", "--format", "csv").stdout.splitlines()
    assert f"status,states_with_relations,{status['states_with_relations']}" in rows


def test_tsv_is_tab_separated_with_escapes_and_no_quotes(run_small, tmp_path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(
        "events:\n  - {id: odd-2000, date: '2000', "
        'title: "Tab\\there, \\"quoted\\", back\\\\slash", summary: "two\\nlines",'
        " countries: [iran], tags: [trade], sources: [{title: t, url: 'https://a.org/x', publisher: p}]}\n",
        encoding="utf-8",
    )
    out = run_small("timeline", "--country", "iran", "--format", "tsv", "--data", str(path)).stdout
    row = next(line for line in out.splitlines() if line.startswith("odd-2000"))
    cells = row.split("\t")
    assert cells[7] == 'Tab\\there, "quoted", back\\\\slash' and cells[8] == "two\\nlines"
    assert len(cells) == len(out.splitlines()[0].split("\t"))


@pytest.mark.parametrize("typed", ["01/09/1998", "01.05.2021", "9-1-1998"])
def test_dates_that_could_be_day_or_month_first_are_refused(run_small, typed: str) -> None:
    result = run_small("timeline", "--since", typed)
    assert result.exit_code == 2 and "day first or month first" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_dates_in_words_and_iso_are_accepted_and_the_future_is_flagged(run_small) -> None:
    assert run_small("timeline", "--since", "1 September 1998").exit_code == 0
    assert run_small("timeline", "--since", "Sept 1998").exit_code == 0
    future = run_small("status", "russia", "--on", "2999-01-01")
    assert future.exit_code == 0 and "lies in the future" in future.stderr


def test_starting_keeps_only_events_that_start_in_the_range(run_small) -> None:
    overlapping = [e["id"] for e in run_small.json("timeline", "--since", "1980", "--until", "1988", "--json")]
    starting = [
        e["id"] for e in run_small.json("timeline", "--since", "1980", "--until", "1988", "--starting", "--json")
    ]
    assert "war-1979" in overlapping and "war-1979" not in starting
    page = run_small("export", "--to", "html", "--since", "1979", "--until", "1989", "--starting").stdout
    assert "events starting 1979 to 1989" in page


def test_addresses_are_links_on_a_colour_terminal_and_plain_text_otherwise(run_small) -> None:
    coloured = run_small("--color", "always", "show", "war-1979", env={"COLUMNS": "100"}).stdout
    assert "\x1b]8;" in coloured and "https://news.example.com/1979/12/28/troops\x1b\\" in coloured
    assert "\x1b" not in run_small("show", "war-1979", env={"COLUMNS": "100"}).stdout


def test_the_page_has_a_main_landmark_and_wraps_long_addresses(run_small) -> None:
    page = run_small("export", "--to", "html").stdout
    assert page.count("<main>") == 1 and page.index("<main>") < page.index("<article") < page.index("</main>")
    assert "overflow-wrap: anywhere" in page


def test_status_of_all_states_names_governments_not_ids(run) -> None:
    table = run("status", "--on", "1999-01-01", env={"COLUMNS": "120"}).stdout
    assert "Emirate" in table and "islamic-emirate" not in table and "islamic-state-of" not in table
