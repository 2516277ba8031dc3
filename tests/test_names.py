"""How typed names resolve to countries: a table of spellings users type, in many scripts and forms."""

import unicodedata

import pytest

from afrel.queries.names import CountryIndex

SPELLINGS = {
    # ids, ISO codes, English names and abbreviations
    "russia": "russia",
    "RU": "russia",
    "RUS": "russia",
    "Russian Federation": "russia",
    "rus": "russia",
    "USSR": "soviet-union",
    "Soviet Union": "soviet-union",
    "SU": "soviet-union",
    "soviet union": "soviet-union",
    "RSFSR": "soviet-russia",
    "Tsarist Russia": "russian-empire",
    "Russian Empire": "russian-empire",
    "uk": "united-kingdom",
    "Britain": "united-kingdom",
    "GB": "united-kingdom",
    "Great Britain": "united-kingdom",
    "British Raj": "british-india",
    "british india": "british-india",
    "UAE": "united-arab-emirates",
    "ARE": "united-arab-emirates",
    "Emirates": "united-arab-emirates",
    "Türkiye": "turkey",
    "Turkey": "turkey",
    "turkiye": "turkey",
    "TUR": "turkey",
    "Ottoman Turkey": "ottoman-empire",
    "USA": "united-states",
    "US": "united-states",
    "United States of America": "united-states",
    "America": "united-states",
    "KSA": "saudi-arabia",
    "Saudi Arabia": "saudi-arabia",
    "PRC": "china",
    "Persia": "iran",
    "IR": "iran",
    "DE": "germany",
    "West Germany": "germany",
    "GDR": "east-germany",
    "DDR": "east-germany",
    "ROK": "south-korea",
    "EU": "european-union",
    "UN": "united-nations",
    "UNSC": "un-security-council",
    "Security Council": "un-security-council",
    "NATO": "nato",
    "NO": "norway",
    "Kirghizia": "kyrgyzstan",
    "Dominican Republic": "dominican-republic",
    "afghanistan": "afghanistan",
    "AFG": "afghanistan",
    # case, accents, compatibility forms and punctuation
    "RUSSIA": "russia",
    "Mexico": "mexico",
    "méxico": "mexico",
    "Ｒｕｓｓｉａ": "russia",
    "united_kingdom": "united-kingdom",
    "U.S.A.": "united-states",
    "Turkiye": "turkey",
    # Russian (with and without ё)
    "Россия": "russia",
    "СССР": "soviet-union",
    "Советский Союз": "soviet-union",
    "Великобритания": "united-kingdom",
    "Соединённые Штаты Америки": "united-states",
    "Соединенные Штаты Америки": "united-states",
    "Объединенные Арабские Эмираты": "united-arab-emirates",
    "ООН": "united-nations",
    "КНР": "china",
    "РФ": "russia",
    "Германия": "germany",
    "Китай": "china",
    # Dari/Persian, Pashto, Urdu and Arabic, with Arabic and Persian letter forms
    "روسیه": "russia",
    "روسيه": "russia",
    "شوروی": "soviet-union",
    "شوروي اتحاد": "soviet-union",
    "پاکستان": "pakistan",
    "ایران": "iran",
    "إيران": "iran",
    "چین": "china",
    "هند": "india",
    "بھارت": "india",
    "آمریکا": "united-states",
    "امریکہ": "united-states",
    "برطانیہ": "united-kingdom",
    "بریتانیا": "united-kingdom",
    "عربستان سعودی": "saudi-arabia",
    "سعودي عربستان": "saudi-arabia",
    "ترکیه": "turkey",
    "تركيا": "turkey",
    "ازبکستان": "uzbekistan",
    "تاجکستان": "tajikistan",
    "تاجیکستان": "tajikistan",
    "قزاقستان": "kazakhstan",
    "ترکمنستان": "turkmenistan",
    "جاپان": "japan",
    "ژاپن": "japan",
    "ناتو": "nato",
    "سازمان ملل متحد": "united-nations",
    "الأمم المتحدة": "united-nations",
    "مصر": "egypt",
    "قطر": "qatar",
    "آلمان": "germany",
    "جرمني": "germany",
    "الولايات المتحدة": "united-states",
    "روس": "russia",
    "روسيا": "russia",
    # Hebrew
    "רוסיה": "russia",
    "ברית המועצות": "soviet-union",
    "ארצות הברית": "united-states",
    "פקיסטן": "pakistan",
    "איראן": "iran",
    "בריטניה": "united-kingdom",
    'נאט"ו': "nato",
    "נאט״ו": "nato",
    # Uzbek and Tajik, and romanisations
    "O'zbekiston": "uzbekistan",
    "Oʻzbekiston": "uzbekistan",
    "Ozbekiston": "uzbekistan",
    "Rossiya": "russia",
    "Eron": "iran",
    "Xitoy": "china",
    "Pokiston": "pakistan",
    "Тоҷикистон": "tajikistan",
    "Русия": "russia",
    "Покистон": "pakistan",
    "Hindiston": "india",
    "Turkiya": "turkey",
    "Qozog'iston": "kazakhstan",
    "Pakestan": "pakistan",
    "Bharat": "india",
}


@pytest.fixture(scope="module")
def index(bundled) -> CountryIndex:
    return CountryIndex(bundled.countries.values())


def test_the_table_is_large_and_covers_many_scripts() -> None:
    assert len(SPELLINGS) >= 80
    scripts = {unicodedata.name(char).split()[0] for text in SPELLINGS for char in text if char.isalpha()}
    assert {"LATIN", "CYRILLIC", "ARABIC", "HEBREW"} <= scripts


@pytest.mark.parametrize(("typed", "expected"), SPELLINGS.items())
def test_spelling_resolves(index: CountryIndex, typed: str, expected: str) -> None:
    assert index.resolve(typed).id == expected


def test_nfc_and_nfd_forms_are_the_same(index: CountryIndex) -> None:
    for text in ("Türkiye", "México", "Тоҷикистон"):
        assert (
            index.resolve(unicodedata.normalize("NFD", text)).id == index.resolve(unicodedata.normalize("NFC", text)).id
        )


def test_no_name_points_to_two_countries(index: CountryIndex, bundled) -> None:
    from afrel.queries.names import names_of, normalise

    owners: dict[str, set[str]] = {}
    for country in bundled.countries.values():
        for name, _ in names_of(country):
            owners.setdefault(normalise(name), set()).add(country.id)
    # Only names two states truly share, which list the candidates (tests/test_countries.py).
    shared = {"korea": {"north-korea", "south-korea"}, "congo": {"dr-congo", "republic-of-the-congo"}}
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == shared


@pytest.mark.parametrize(
    ("typed", "first"),
    [("Russsia", "russia"), ("Pakistn", "pakistan"), ("Uzbekstan", "uzbekistan"), ("Tajikstan", "tajikistan")],
)
def test_misspellings_are_refused_with_ranked_suggestions(run, typed: str, first: str) -> None:
    result = run("timeline", "--country", typed)
    assert result.exit_code == 2
    assert f"did you mean: {first}" in result.stderr


def test_countries_search_explains_the_match(run) -> None:
    found = run.json("countries", "--search", "СССР", "--json")
    assert found["matches"] == [
        {
            "country": "soviet-union",
            "name": "Soviet Union",
            "matched": "СССР",
            "how": "alias",
            "exact": True,
            "score": 1.0,
        }
    ]
    pashto = run.json("countries", "--search", "سعودي عربستان", "--json")["matches"][0]
    assert pashto["country"] == "saudi-arabia" and pashto["how"] == "Pashto name"
    close = run.json("countries", "--search", "Uzbekstan", "--json")["matches"]
    assert close[0]["country"] == "uzbekistan" and close[0]["exact"] is False
    table = run("countries", "--search", "RU", env={"COLUMNS": "200"}).stdout
    assert "'RU' resolves to russia." in table and "iso2" in table


def test_countries_search_reports_ambiguity(run_small, small) -> None:
    from dataclasses import replace

    from afrel.model import Country, Origin

    countries = dict(small.countries)
    countries["georgia"] = Country("georgia", "Georgia", "state", Origin("x", 1))
    countries["georgia-us"] = Country("georgia-us", "Georgia (US state)", "state", Origin("x", 2), aliases=("georgia",))
    run_small.environment.datasets["bundled"] = replace(small, countries=countries)
    found = run_small.json("countries", "--search", "georgia", "--json")["matches"]
    assert [(m["country"], m["how"]) for m in found] == [("georgia", "id"), ("georgia-us", "alias")]
    assert "ambiguous" in run_small("countries", "--search", "georgia").stdout
