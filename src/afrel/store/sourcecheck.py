"""Checks of sources against the source standard: no copies cited as the work, no links to forbidden hosts.

The hosts are listed in data/checks/source-hosts.yaml. These checks give warnings, not errors: user data may
cite what it likes, and the bundled data is held to no warnings by its tests.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Iterator
from functools import cache
from urllib.parse import urlsplit

from afrel.errors import DataError
from afrel.model import Dataset, Origin, Source

HOSTS_FILE = "checks/source-hosts.yaml"
NEVER_LINKED = ("book-copy", "proxy", "content-farm", "raw address")


@cache
def known_hosts() -> dict[str, str]:
    """Host -> kind (mirror, book-copy, proxy, content-farm), from the list shipped with the data."""
    import yaml

    from afrel.store.cache import DATA_DIR

    document = yaml.safe_load((DATA_DIR / HOSTS_FILE).read_text(encoding="utf-8"))
    return {entry["host"]: entry["kind"] for entry in document["hosts"]}


def host_kind(address: str) -> str | None:
    """What kind of copy this address is on, or None for an address that is not known to be one."""
    host = (urlsplit(address).hostname or "").lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return "raw address"
    except ValueError:
        pass
    hosts = known_hosts()
    parts = host.split(".")
    for start in range(len(parts) - 1):
        if kind := hosts.get(".".join(parts[start:])):
            return kind
    return None


def _source_warnings(source: Source, field: str) -> Iterator[tuple[str, str]]:
    if source.url and (kind := host_kind(source.url)):
        advice = "never link it" if kind in NEVER_LINKED else "cite the original and give this copy as via"
        yield f"{field}.url", f"{urlsplit(source.url).hostname} is a {kind} host: {advice}"
    if source.via and (kind := host_kind(source.via)) in NEVER_LINKED:
        yield f"{field}.via", f"{urlsplit(source.via).hostname} is a {kind} host: never link it"


def _is_original(source: Source) -> bool:
    """Whether the source's publisher wrote the work: not a wiki, and not cited at a copy's address."""
    return source.kind != "wiki" and not (source.url and host_kind(source.url))


def _record_warnings(origin: Origin, where: str, sources: Iterable[Source]) -> Iterator[DataError]:
    sources = tuple(sources)
    for index, source in enumerate(sources):
        for field, message in _source_warnings(source, f"{where}.sources[{index}]"):
            yield DataError(origin.file, origin.line, field, message)
    if sources and not any(_is_original(source) for source in sources):
        yield DataError(origin.file, origin.line, f"{where}.sources", "rests only on copies or wikis: cite an original")


def source_warnings(dataset: Dataset) -> list[DataError]:
    """Every source in the data set that breaks the source standard, located by its record."""
    warnings: list[DataError] = []
    for event in dataset.events:
        warnings += _record_warnings(event.origin, event.id, event.sources)
    for relation in dataset.relations:
        where = f"{relation.country} {relation.aspect} from {relation.start}"
        warnings += _record_warnings(relation.origin, where, relation.sources)
    for era in dataset.eras:
        warnings += _record_warnings(era.origin, era.id, era.sources)
    for observation in dataset.observations:
        for field, message in _source_warnings(observation.source, f"{observation.country}.{observation.indicator}"):
            warnings.append(DataError(observation.origin.file, observation.origin.line, field, message))
    return warnings
