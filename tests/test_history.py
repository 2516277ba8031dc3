"""Relations over time: `status --history` and `status --changes`, on the shipped data."""

from __future__ import annotations

import pytest

from afrel.model import RELATION_ASPECTS


def test_pakistan_history_lists_each_aspect_in_date_order_without_overlaps(run) -> None:
    history = run.json("status", "pakistan", "--history", "--json")
    assert history["country"]["id"] == "pakistan"
    aspects = [a["aspect"] for a in history["aspects"]]
    assert aspects == sorted(aspects, key=list(RELATION_ASPECTS).index)
    assert {"relations", "embassy"} <= set(aspects)
    for strand in history["aspects"]:
        starts = [p["start"]["value"] for p in strand["periods"]]
        assert starts == sorted(starts)
        for earlier, later in zip(strand["periods"], strand["periods"][1:], strict=False):
            assert earlier["end"] is not None and earlier["end"]["value"] <= later["start"]["value"]
    relations = next(a for a in history["aspects"] if a["aspect"] == "relations")["periods"]
    # Relations were broken off in 1961 over the Pashtunistan dispute and restored in 1963.
    assert [p["status"] for p in relations].count("severed") == 1
    severed = next(p for p in relations if p["status"] == "severed")
    assert severed["start"]["value"].startswith("1961") and severed["end"]["value"].startswith("1963")
    # Every event behind a period is listed once.
    listed = [e["id"] for e in history["events"]]
    assert len(listed) == len(set(listed))
    assert {e for a in history["aspects"] for p in a["periods"] for e in p["events"]} == set(listed)


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("ascii", [False, True])
def test_history_strips_fit_the_terminal(run, width: int, ascii: bool) -> None:
    env = {"COLUMNS": str(width), "TERM": "dumb" if ascii else "xterm"}
    result = run("status", "pakistan", "--history", env=env)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # Only an id or address longer than the line may run past it: it is never split.
    assert all(len(line) <= width or " " not in line for line in lines), max(lines, key=len)
    strips = lines[: lines.index(next(line for line in lines if line.startswith("Relations with Pakistan over")))]
    assert strips[0].startswith("Relations with Pakistan, 19")
    marks = "#%=-." if ascii else "█▓▒░·"
    assert sum(1 for line in strips if line and set(line.split()[-1]) <= set(marks)) >= 4
    if ascii:  # the strips and the table's rules; text from the data keeps its letters (chargé)
        assert all(line.isascii() for line in strips)
        assert all(line.isascii() for line in lines if line.startswith("+"))  # the rules between rows


def test_embassies_in_kabul_between_august_and_december_2021(run) -> None:
    changes = run.json("status", "--changes", "2021-08-01", "2021-12-31", "--json")
    assert (changes["from"], changes["to"]) == ("2021-08-01", "2021-12-31")
    embassies = {c["country"]["id"]: c for c in changes["changes"] if c["aspect"] == "embassy"}
    assert len(embassies) >= 10  # most Western embassies closed or suspended their work in August 2021
    for change in embassies.values():
        assert change["before"] != change["after"]
        for step in change["steps"]:
            assert "2021-08-01" < step["start"]["value"] <= "2021-12-31"
            assert step["sources"]
    us = embassies["united-states"]
    assert [s["status"] for s in us["before"]] == ["open"]
    assert [s["status"] for s in us["after"]] in (["suspended"], ["closed"])


def test_changes_filtered_by_status_keep_only_changes_to_or_from_it(run) -> None:
    everything = run.json("status", "--changes", "2021-08-01", "2021-12-31", "--json")["changes"]
    closed = run.json("status", "--changes", "2021-08-01", "2021-12-31", "--only", "closed", "--json")["changes"]
    assert 0 < len(closed) < len(everything)
    for change in closed:
        assert "closed" in {s["status"] for s in change["before"] + change["after"]}


def test_a_change_names_each_work_once(run) -> None:
    # The old and the new period of a change often cite the same page; its cell lists the page once.
    rows = run("status", "--changes", "1978-01-01", "1980-12-31", "--format", "csv").stdout.splitlines()[1:]
    cells = [row.rsplit(",", 1)[-1].split() for row in rows]
    assert cells and all(len(addresses) == len(set(addresses)) for addresses in cells)
    assert any(len(addresses) > 1 for addresses in cells)


def test_changes_of_chosen_countries(run) -> None:
    changes = run.json(
        "status", "--changes", "2021-08-01", "2021-12-31", "--country", "india", "--country", "japan", "--json"
    )
    assert {c["country"]["id"] for c in changes["changes"]} == {"india", "japan"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["status", "--history"], "--history needs a COUNTRY"),
        (["status", "russia", "--history", "--on", "2000"], "leave out --on"),
        (["status", "--changes", "2021-12-31", "2021-08-01"], "is not before"),
        (["status", "--changes", "2021-08-01", "soon"], "--changes"),
        (["status", "--country", "india"], "--country selects countries for --changes or --history"),
    ],
)
def test_history_and_changes_refuse_what_they_cannot_answer(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
