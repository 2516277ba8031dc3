"""afrel's benchmark: start-up against Python and Typer, peak memory, and filtered queries on large user data.

Usage (with afrel installed, e.g. in .venv, and jq on the PATH for the large-data part):

    python benchmarks/run.py                      # everything: start-up, memory, 10k/100k/1M events
    python benchmarks/run.py --sizes 10000        # smaller data sets only
    python benchmarks/run.py --quick              # a fast check that every part runs

Every command runs as paired runs: alternately with its baseline, so both see the same machine load. The
tables give medians and their ratio, with the commit and the machine; the targets come from the
performance issue (docs/performance.md). Commands run as a user runs them: bytecode caching on, the
compiled data built once before measuring. Synthetic data sets are written to --workdir and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PYTHON = sys.executable
AFREL = shutil.which("afrel", path=os.path.dirname(PYTHON)) or shutil.which("afrel") or "afrel"
TYPER = [PYTHON, "-c", "import typer"]
# The floor of a Rich table: Typer, and Rich's Console and Table, which lay every table out.
TYPER_RICH = [PYTHON, "-c", "import typer, rich.console, rich.table"]

# (name, command, extra environment, baseline, target ratio)
STARTUP = [
    ("timeline russia --format json", [AFREL, "timeline", "--country", "russia", "--format", "json"], {}, TYPER, 1.2),
    ("timeline russia (table)", [AFREL, "timeline", "--country", "russia"], {}, TYPER_RICH, 1.3),
    ("compare afghanistan russia --json", [AFREL, "compare", "afghanistan", "russia", "--json"], {}, TYPER, 1.2),
    ("compare afghanistan russia (table)", [AFREL, "compare", "afghanistan", "russia"], {}, TYPER_RICH, 1.3),
    ("profile russia --json", [AFREL, "profile", "russia", "--json"], {}, TYPER, 1.2),
    ("profile russia (table)", [AFREL, "profile", "russia"], {}, TYPER_RICH, 1.3),
    ("--help", [AFREL, "--help"], {}, TYPER, 1.15),
    (
        "completion: afrel st<TAB>",
        [AFREL],
        {"_AFREL_COMPLETE": "complete_bash", "COMP_WORDS": "afrel st", "COMP_CWORD": "1"},
        TYPER,
        1.15,
    ),
    (
        "completion: --country ru<TAB>",
        [AFREL],
        {"_AFREL_COMPLETE": "complete_bash", "COMP_WORDS": "afrel timeline --country ru", "COMP_CWORD": "3"},
        TYPER,
        1.15,
    ),
]
MEMORY = [
    ("timeline russia --format json", [AFREL, "timeline", "--country", "russia", "--format", "json"]),
    ("timeline russia (table)", [AFREL, "timeline", "--country", "russia"]),
    ("profile russia (table)", [AFREL, "profile", "russia"]),
]
MEMORY_LIMIT_MIB = 60

# The filtered query on synthetic data, and the same selection in jq over the JSON lines.
QUERY = ["--country", "pakistan", "--since", "2000-01-01", "--tag", "trade"]
JQ_FILTER = 'select((.countries | index("pakistan")) and .date.value >= "2000-01-01" and (.tags | index("trade")))'
COUNTERPARTS = [
    "british-india",
    "china",
    "egypt",
    "france",
    "germany",
    "india",
    "iran",
    "italy",
    "japan",
    "kazakhstan",
    "kyrgyzstan",
    "pakistan",
    "qatar",
    "russia",
    "saudi-arabia",
    "tajikistan",
    "turkey",
    "turkmenistan",
    "united-kingdom",
    "united-nations",
    "united-states",
    "uzbekistan",
]
TAGS = ["treaty", "agreement", "diplomacy", "visit", "aid", "trade", "energy", "border", "security", "refugees"]
WORDS = (
    "talks trade border envoy treaty aid transit railway pipeline delegation visit agreement embassy "
    "minister summit water refugees security grain cotton"
).split()


def environment(extra: dict[str, str], cache: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(AFREL_CACHE_DIR=str(cache), AFREL_DATA="", COLUMNS="100", **extra)
    return env


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - start


def paired(command: list[str], env: dict[str, str], baseline: list[str], runs: int) -> tuple[float, float]:
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(timed(command, env))
        theirs.append(timed(baseline, env))
    return statistics.median(ours), statistics.median(theirs)


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def startup(runs: int, cache: Path) -> None:
    print(f"\nStart-up ({runs} paired runs; baselines: {' '.join(TYPER[1:])!r}, {' '.join(TYPER_RICH[1:])!r})")
    print(f"{'command':36} {'median s':>9} {'baseline s':>10} {'ratio':>6} {'target':>7}")
    for name, command, extra, baseline, target in STARTUP:
        env = environment(extra, cache)
        timed(command, env)  # compile the data and the bytecode before measuring
        ours, theirs = paired(command, env, baseline, runs)
        print(
            f"{name:36} {ours:9.3f} {theirs:10.3f} {ours / theirs:6.2f} {target:7.2f}  "
            f"{verdict(ours / theirs <= target)}"
        )


def peak_memory_mib(command: list[str], env: dict[str, str]) -> float:
    # A fresh interpreter runs the command, so the children's peak is the command's alone.
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    kib = subprocess.run([PYTHON, "-c", probe, *command], env=env, capture_output=True, text=True, check=True).stdout
    return int(kib) / 1024


def memory(cache: Path) -> None:
    print(f"\nPeak memory (resident set size; target under {MEMORY_LIMIT_MIB} MiB)")
    for name, command in MEMORY:
        mib = peak_memory_mib(command, environment({}, cache))
        print(f"{name:36} {mib:6.1f} MiB  {verdict(mib < MEMORY_LIMIT_MIB)}")


def synthetic_events(count: int, seed: int = 1919) -> str:
    """JSON lines of `count` events in the form `afrel timeline --format jsonl` prints, the same for each seed."""
    pick = random.Random(seed)
    first, days = date(1900, 1, 1), (date(2025, 12, 31) - date(1900, 1, 1)).days
    lines = []
    for number in range(count):
        when = (first + timedelta(days=pick.randrange(days + 1))).isoformat()
        words = " ".join(pick.choices(WORDS, k=6))
        lines.append(
            json.dumps(
                {
                    "id": f"synthetic-{number:07d}",
                    "date": {"value": when, "precision": "day", "approximate": False},
                    "title": f"Synthetic event {number}: {words}",
                    "summary": f"A generated event for benchmarks about {words}.",
                    "countries": pick.sample(COUNTERPARTS, pick.choice((1, 1, 2))),
                    "tags": pick.sample(TAGS, pick.choice((1, 2))),
                    "sources": [
                        {
                            "title": f"Synthetic source {number % 997}",
                            "url": f"https://example.org/{number}",
                            "publisher": "Synthetic data",
                            "accessed": "2026-01-01",
                        }
                    ],
                },
                separators=(",", ":"),
            )
        )
    return "\n".join(lines) + "\n"


def data_set(workdir: Path, count: int) -> Path:
    path = workdir / f"synthetic-{count}.jsonl"
    if not path.exists():
        temporary = path.with_suffix(".tmp")
        temporary.write_text(synthetic_events(count), encoding="utf-8")
        temporary.rename(path)
    return path


def scale(sizes: list[int], runs: int, workdir: Path) -> None:
    jq = shutil.which("jq")
    if not jq:
        print("\nLarge user data: skipped, jq is not installed (Debian: apt-get install jq)")
        return
    print(
        f"\nLarge user data: afrel timeline --data FILE {' '.join(QUERY)} --format jsonl, against\n"
        f"jq -c '{JQ_FILTER}' FILE  ({runs} paired runs; targets at 1,000,000 events: afrel at most 0.10 of\n"
        f"jq's time, first load under 60 s; the query's time grows sub-linearly with the data)"
    )
    print(f"{'events':>9} {'first load s':>12} {'afrel s':>8} {'jq s':>7} {'ratio':>6} {'found':>6}")
    medians = {}
    for size in sizes:
        path = data_set(workdir, size)
        cache = Path(tempfile.mkdtemp(prefix="afrel-bench-cache-", dir=workdir))
        env = environment({}, cache)
        ours = [AFREL, "timeline", "--data", str(path), *QUERY, "--format", "jsonl"]
        theirs = [jq, "-c", JQ_FILTER, str(path)]
        first_load = timed(ours, env)
        found = subprocess.run(ours, env=env, capture_output=True, text=True, check=True).stdout.splitlines()
        expected = subprocess.run(theirs, capture_output=True, text=True, check=True).stdout.splitlines()
        # afrel also answers from the bundled events; jq sees only the synthetic ones.
        found = [line for line in found if json.loads(line)["id"].startswith("synthetic-")]
        if sorted(json.loads(line)["id"] for line in found) != sorted(json.loads(line)["id"] for line in expected):
            raise SystemExit(f"afrel and jq disagree on {path}: {len(found)} events against {len(expected)}")
        median_ours, median_jq = paired(ours, env, theirs, runs)
        medians[size] = median_ours
        # The targets are set for a million events; smaller sets show how the times grow.
        targets = (
            ""
            if size < 1_000_000
            else (
                f"  query {verdict(median_ours / median_jq <= 0.1)}, first load {verdict(first_load < 60)} (under 60 s)"
            )
        )
        print(
            f"{size:9,} {first_load:12.2f} {median_ours:8.3f} {median_jq:7.3f} {median_ours / median_jq:6.3f} "
            f"{len(found):6}{targets}"
        )
        shutil.rmtree(cache, ignore_errors=True)
    if len(medians) > 1:
        small, large = min(medians), max(medians)
        growth = medians[large] / medians[small]
        print(
            f"query time grows {growth:.2f}x from {small:,} to {large:,} events ({large // small}x the data): "
            f"{verdict(growth < large / small)} (target: sub-linear)"
        )


POINT_LOOKUP_SIZE = 100_000
POINT_LOOKUP_TARGET = 1.5


def point_lookup(size: int, runs: int, workdir: Path) -> None:
    """`show ID` and `cite ID` on large user data against a filtered timeline of the same data."""
    path = data_set(workdir, size)
    cache = Path(tempfile.mkdtemp(prefix="afrel-bench-cache-", dir=workdir))
    env = environment({}, cache)
    event_id = f"synthetic-{size // 2:07d}"
    timeline = [AFREL, "timeline", "--data", str(path), *QUERY]
    timed(timeline, env)  # the first load compiles the data
    print(
        f"\nPoint lookups on {size:,} user events, against the filtered timeline above on the same data, in the "
        f"same format ({runs} paired runs; target at most {POINT_LOOKUP_TARGET}x)"
    )
    print(f"{'command':36} {'median s':>9} {'timeline s':>10} {'ratio':>6}")
    for name, command, baseline in (
        (f"show {event_id} --json", [AFREL, "show", event_id, "--data", str(path), "--json"], [*timeline, "--json"]),
        (f"show {event_id} (table)", [AFREL, "show", event_id, "--data", str(path)], timeline),
    ):
        ours, theirs = paired(command, env, baseline, runs)
        ratio = ours / theirs
        print(f"{name:36} {ours:9.3f} {theirs:10.3f} {ratio:6.2f}  {verdict(ratio <= POINT_LOOKUP_TARGET)}")
    shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="afrel benchmark (see the module docstring)")
    parser.add_argument("--runs", type=int, default=15, help="paired runs per start-up target (default 15)")
    parser.add_argument(
        "--sizes",
        default="10000,100000,1000000",
        help="synthetic data set sizes, comma-separated (default 10000,100000,1000000)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "afrel-benchmark",
        help="where synthetic data sets are kept between runs",
    )
    parser.add_argument("--quick", action="store_true", help="3 runs and data sets of 1,000 and 10,000 events")
    options = parser.parse_args()
    runs = 3 if options.quick else options.runs
    sizes = [1000, 10000] if options.quick else [int(size) for size in options.sizes.split(",")]
    options.workdir.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=Path(__file__).parent
    ).stdout.strip()
    print(
        f"commit {commit or '?'}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}"
    )
    cache = Path(tempfile.mkdtemp(prefix="afrel-bench-cache-", dir=options.workdir))
    try:
        startup(runs, cache)
        memory(cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    scale(sizes, max(3, runs // 3), options.workdir)
    point_lookup(max(sizes) if options.quick else POINT_LOOKUP_SIZE, max(3, runs // 3), options.workdir)


if __name__ == "__main__":
    main()
