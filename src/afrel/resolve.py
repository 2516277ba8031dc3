"""Turn what users type (ids, ISO codes, names, aliases) into country ids, or say which names are close."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from afrel.errors import UsageError
from afrel.model import Country

# Arabic-script letters that Persian, Pashto and Urdu write differently; folded so either spelling matches.
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "ھ": "ه", "ے": "ی"})


def normalise(text: str) -> str:
    """Fold case, compatibility forms, diacritics, Arabic-script variants and punctuation spacing."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_ARABIC_FOLD))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("\u200c", "").replace("_", " ").replace("-", " ").replace(".", " ")
    return " ".join(text.split())


@dataclass(frozen=True)
class Match:
    country: Country
    matched: str  # the name that matched
    how: str  # id, iso2, iso3, name, formal name or alias


def names_of(country: Country) -> Iterable[tuple[str, str]]:
    yield country.id, "id"
    if country.iso2:
        yield country.iso2, "iso2"
    if country.iso3:
        yield country.iso3, "iso3"
    yield country.name, "name"
    if country.formal_name:
        yield country.formal_name, "formal name"
    for alias in country.aliases:
        yield alias, "alias"


class CountryIndex:
    def __init__(self, countries: Iterable[Country]) -> None:
        self._by_name: dict[str, list[Match]] = {}
        for country in countries:
            for name, how in names_of(country):
                matches = self._by_name.setdefault(normalise(name), [])
                if all(match.country.id != country.id for match in matches):
                    matches.append(Match(country, name, how))

    def lookup(self, text: str) -> list[Match]:
        return list(self._by_name.get(normalise(text), []))

    def resolve(self, text: str) -> Country:
        """The one country a name means; an unknown or ambiguous name is a UsageError naming the candidates."""
        matches = self.lookup(text)
        if len(matches) == 1:
            return matches[0].country
        if matches:
            candidates = ", ".join(f"{m.country.id} ({m.country.name})" for m in matches)
            raise UsageError(f"country {text!r} is ambiguous: it could be {candidates}")
        hint = self.suggest(text)
        raise UsageError(f"unknown country {text!r}" + (f"; did you mean: {', '.join(hint)}?" if hint else
                                                         "; run 'afrel countries' for the names it knows"))

    def suggest(self, text: str, count: int = 3) -> list[str]:
        import difflib

        close = difflib.get_close_matches(normalise(text), self._by_name, n=count * 3, cutoff=0.6)
        ids: list[str] = []
        for name in close:
            for match in self._by_name[name]:
                if match.country.id not in ids:
                    ids.append(match.country.id)
        return ids[:count]


def suggest_word(text: str, choices: Iterable[str]) -> str:
    """'; did you mean: x, y?' for a misspelt word from a fixed vocabulary, or an empty string."""
    import difflib

    close = difflib.get_close_matches(text.casefold(), list(choices), n=3, cutoff=0.5)
    return f"; did you mean: {', '.join(close)}?" if close else ""
