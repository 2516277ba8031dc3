"""Turn what users type (ids, ISO codes, names, aliases) into country ids, or say which names are close."""

import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from afrel.errors import UsageError
from afrel.model import NAME_LANGUAGES, Country

# Letters written differently across languages and keyboards, folded so either spelling matches: Arabic vs
# Persian/Urdu yeh, kaf and heh; Russian ё typed as е; the apostrophes and quote marks of Uzbek and Hebrew.
_FOLD = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "ھ": "ه", "ے": "ی", "ё": "е"} | dict.fromkeys("'ʻʼ‘’׳\"״`", "")
)


_INVISIBLE = dict.fromkeys(
    [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def normalise(text: str) -> str:
    """Fold case, compatibility forms, diacritics, letter variants and punctuation spacing."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    text = "".join(char for char in text if not unicodedata.combining(char))
    # Invisible marks (direction marks and joiners from right-to-left text, byte-order marks) and dots
    # (U.S.A.) go; underscores and hyphens separate words like spaces.
    text = text.translate(_INVISIBLE).replace(".", "").replace("_", " ").replace("-", " ")
    return " ".join(text.split())


class Match(NamedTuple):
    country: Country
    matched: str  # the name that matched
    how: str  # id, iso2, iso3, name, formal name, alias, or a language's name ("Pashto name")
    exact: bool = True  # False: only close to what was typed (a suggestion)
    score: float = 1.0  # closeness for suggestions, 1.0 for exact matches


# Which kind of name counts first when several countries share one (ranking only: they stay ambiguous).
_RANK = ("id", "iso2", "iso3", "name", "formal name", "alias")


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
    for language, name in country.names:
        label = NAME_LANGUAGES[language]
        yield name, label if language in ("romanised", "abbreviations") else f"{label} name"


class CountryIndex:
    def __init__(self, countries: Iterable[Country]) -> None:
        self._by_name: dict[str, list[Match]] = {}
        for country in countries:
            for name, how in names_of(country):
                matches = self._by_name.setdefault(normalise(name), [])
                if all(match.country.id != country.id for match in matches):
                    matches.append(Match(country, name, how))

    def lookup(self, text: str) -> list[Match]:
        """Every country one of whose names is `text` (after folding), strongest kind of name first."""
        matches = self._by_name.get(normalise(text), [])
        return sorted(matches, key=lambda m: (_RANK.index(m.how) if m.how in _RANK else len(_RANK), m.country.id))

    def explain(self, text: str, count: int = 5) -> tuple[Match, ...]:
        """The exact matches of a name, or failing those the closest names, best first."""
        return tuple(self.lookup(text)) or self.close(text, count)

    def resolve(self, text: str) -> Country:
        """The one country a name means; an unknown or ambiguous name is a UsageError naming the candidates."""
        matches = self.lookup(text)
        if len(matches) == 1:
            return matches[0].country
        if matches:
            candidates = ", ".join(f"{m.country.id} ({m.country.name})" for m in matches)
            raise UsageError(f"country {text!r} is ambiguous: it could be {candidates}")
        hint = self.suggest(text)
        raise UsageError(
            f"unknown country {text!r}"
            + (f"; did you mean: {', '.join(hint)}?" if hint else "; run 'afrel countries' for the names it knows")
        )

    def close(self, text: str, count: int = 3) -> tuple[Match, ...]:
        """Countries with a name close to `text`, closest first, one entry per country."""
        import difflib

        typed = normalise(text)
        scored = []
        matcher = difflib.SequenceMatcher(b=typed, autojunk=False)
        for name, matches in self._by_name.items():
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and (score := matcher.ratio()) >= 0.6:
                scored += [Match(m.country, m.matched, m.how, exact=False, score=score) for m in matches]
        scored.sort(key=lambda m: (-m.score, m.country.id))
        best: dict[str, Match] = {}
        for match in scored:
            best.setdefault(match.country.id, match)
        return tuple(best.values())[:count]

    def suggest(self, text: str, count: int = 3) -> list[str]:
        return [match.country.id for match in self.close(text, count)]


def suggest_word(text: str, choices: Iterable[str]) -> str:
    """'; did you mean: x, y?' for a misspelt word from a fixed vocabulary, or an empty string."""
    import difflib

    close = difflib.get_close_matches(text.casefold(), list(choices), n=3, cutoff=0.5)
    return f"; did you mean: {', '.join(close)}?" if close else ""
