"""Regenerate the audit's figures and list of corrections in docs/data.md from the data, or check that they are current.

Usage: python tools/audit_report.py [--check]

The block between the two marker lines is replaced by: how many events and status periods carry the day of
their last check, how many claims were corrected, found disputed or dropped (by kind), and every correction.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from afrel.model import CORRECTION_KINDS, CORRECTION_OUTCOMES, SINGLE_SOURCE, Correction, rests_on_one_source
from afrel.store.cache import load_bundled

DOC = Path(__file__).resolve().parents[1] / "docs" / "data.md"
START, END = "<!-- audit:start -->", "<!-- audit:end -->"


def _correction_line(record: str, when: str, correction: Correction) -> str:
    said = "says" if correction.outcome == SINGLE_SOURCE else "was"
    outcome, kind = correction.outcome, correction.kind
    return f"- **{outcome}** ({kind}) {record} ({when}): {said} “{correction.was}”. {correction.note}"


def report() -> str:
    dataset = load_bundled()
    events, periods = dataset.events, dataset.relations
    checked_events = sum(1 for e in events if e.checked)
    checked_periods = sum(1 for p in periods if p.checked)
    records: list[tuple[str, str, Correction]] = [
        (f"`{e.id}`", str(e.when), c) for e in events for c in e.corrections
    ] + [
        (f"status period {p.country} {p.aspect} {p.status} (`{p.origin.file}`)", str(p.start), c)
        for p in periods
        for c in p.corrections
    ]
    tally = Counter((c.kind, c.outcome) for _, _, c in records)
    single_events = sum(1 for e in events if rests_on_one_source(e.corrections))
    single_periods = sum(1 for p in periods if rests_on_one_source(p.corrections))
    lines = [
        "| Records | In the data | Checked claim by claim | Of those, with a claim on one source | Not yet checked |",
        "|---|---:|---:|---:|---:|",
        f"| Events | {len(events)} | {checked_events} | {single_events} | {len(events) - checked_events} |",
        f"| Status periods | {len(periods)} | {checked_periods} | {single_periods} "
        f"| {len(periods) - checked_periods} |",
        "",
        "| Kind of claim | " + " | ".join(CORRECTION_OUTCOMES) + " |",
        "|---|" + "---:|" * len(CORRECTION_OUTCOMES),
    ]
    for kind in CORRECTION_KINDS:
        lines.append(f"| {kind} | " + " | ".join(str(tally[kind, o]) for o in CORRECTION_OUTCOMES) + " |")
    totals = [str(sum(tally[k, o] for k in CORRECTION_KINDS)) for o in CORRECTION_OUTCOMES]
    lines += ["| all | " + " | ".join(totals) + " |", ""]
    lines += [_correction_line(*record) for record in sorted(records, key=lambda r: (r[2].outcome, r[1], r[0]))]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START + "\n", 1)
    _, after = rest.split(END, 1)
    new = f"{before}{START}\n{report()}{END}{after}"
    if "--check" in sys.argv:
        if new != text:
            raise SystemExit("docs/data.md's audit figures are out of date: run python tools/audit_report.py")
        return
    DOC.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
