"""Write data/generated/states.yaml: every UN member and observer state, with names in many languages from CLDR.

Usage: python tools/make_countries.py [OUTPUT]   (default: data/generated/states.yaml)

Development time only (Babel carries CLDR, pycountry the ISO 3166 codes and official names); afrel reads the
file it writes and never imports either. States
already in data/countries.yaml keep their hand-kept record there; this file adds the others, and for every
state the CLDR names in the languages below, which hand-kept names override. A test checks that running the
script again changes nothing.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pycountry
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
# The 193 member states of the United Nations, by ISO 3166-1 alpha-2 code.
UN_MEMBERS = (
    "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN "
    "CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW "
    "GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH "
    "MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW "
    "KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG "
    "UA AE GB TZ US UY UZ VU VE VN YE ZM ZW"
).split()
UN_OBSERVERS = ("VA", "PS")  # the Holy See and the State of Palestine
# Languages of the names: the region's, and those of large readerships.
LANGUAGES = ("fa", "ps", "ur", "ar", "ru", "uz", "tg", "tk", "he", "hi", "bn", "zh", "ja", "ko", "tr", "fr", "de", "es")
# Ids where the English short name does not make a readable one.
IDS = {
    "CD": "dr-congo", "CG": "republic-of-the-congo", "KP": "north-korea", "KR": "south-korea", "MM": "myanmar",
    "VA": "holy-see", "PS": "palestine", "FM": "micronesia", "CI": "cote-d-ivoire", "TL": "timor-leste",
    "MK": "north-macedonia", "CZ": "czechia", "TR": "turkey", "BA": "bosnia-and-herzegovina",
    "AG": "antigua-and-barbuda", "KN": "saint-kitts-and-nevis", "VC": "saint-vincent-and-the-grenadines",
    "ST": "sao-tome-and-principe", "TT": "trinidad-and-tobago", "GB": "united-kingdom", "US": "united-states",
    "LC": "saint-lucia", "CV": "cabo-verde",
}  # fmt: skip
# Other names people type: former and informal names, and shared ones ("Korea", "Congo"), which then resolve
# to no state on their own but list the candidates.
ALIASES = {
    "KP": ["Korea", "DPRK", "Democratic People's Republic of Korea"], "CD": ["Congo", "DRC", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo", "Congo-Brazzaville"], "MM": ["Burma"], "SZ": ["Swaziland"], "LK": ["Ceylon"], "TH": ["Siam"],
    "BJ": ["Dahomey"], "BF": ["Upper Volta"], "KH": ["Kampuchea"], "MK": ["Macedonia"], "CZ": ["Czech Republic"],
    "CI": ["Ivory Coast"], "CV": ["Cape Verde"], "TL": ["East Timor"], "NL": ["Holland"],
    "VA": ["Vatican", "Vatican City"],
    "PS": ["State of Palestine"], "FM": ["Federated States of Micronesia"], "BN": ["Brunei Darussalam"],
    "LA": ["Lao People's Democratic Republic"], "SY": ["Syrian Arab Republic"], "TZ": ["United Republic of Tanzania"],
    "BO": ["Plurinational State of Bolivia"], "VE": ["Bolivarian Republic of Venezuela"], "MD": ["Republic of Moldova"],
}  # fmt: skip
# English names where CLDR's short form carries a qualifier that is not part of the name.
NAMES = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "MM": "Myanmar", "VA": "Holy See",
    "LC": "Saint Lucia", "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines", "CV": "Cabo Verde",
    "ST": "São Tomé and Príncipe",
}  # fmt: skip


# The Factbook's regional folders, grouped into the regions afrel shows (a handful, for TimelineJS groups).
REGIONS = {
    "africa": "Africa", "europe": "Europe", "central-america-n-caribbean": "Americas", "north-america": "Americas",
    "south-america": "Americas", "east-n-southeast-asia": "Asia and Oceania", "australia-oceania": "Asia and Oceania",
    "middle-east": "Middle East", "central-asia": "Central and South Asia", "south-asia": "Central and South Asia",
}  # fmt: skip
REFERENCE = ROOT.parent / "shared" / "reference" / "factbook_summary.csv"
REGION_OVERRIDES = {"RU": "Europe", "PS": "Middle East", "VA": "Europe"}  # Russia's Factbook folder is central-asia


def _regions() -> dict[str, str]:
    """ISO alpha-2 code -> region, from the Factbook's folder of each state (matched by its top-level domain)."""
    import csv

    regions = dict(REGION_OVERRIDES)
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            domain = re.search(r"\.([a-z]{2})\b", row["internet_country_code"])
            if row["category"] == "Sovereign Countries" and domain:
                code = "GB" if domain.group(1) == "uk" else domain.group(1).upper()
                regions.setdefault(code, REGIONS[row["source_path"].split("/")[0]])
    return regions


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded.replace("&", "and")).strip("-")


def _hand_kept() -> dict[str, dict[str, object]]:
    document = yaml.safe_load((ROOT / "data" / "countries.yaml").read_text(encoding="utf-8"))
    return {str(c["iso2"]): c for c in document["countries"] if c.get("iso2")}


def states() -> dict[str, list[dict[str, object]]]:
    english = Locale("en").territories
    locales = {language: Locale(language).territories for language in LANGUAGES}
    kept = _hand_kept()
    regions = _regions()
    new_states, names = [], []
    for code in sorted([*UN_MEMBERS, *UN_OBSERVERS]):
        translated = {language: locales[language][code] for language in LANGUAGES if code in locales[language]}
        if code in kept:
            status = "observer" if code in UN_OBSERVERS else "member"
            names.append({"country": kept[code]["id"], "un": status, "region": regions[code], "names": translated})
            continue
        name = NAMES.get(code, english[code].replace(" & ", " and "))
        record: dict[str, object] = {"id": IDS.get(code, _slug(name)), "name": name}
        official = getattr(pycountry.countries.get(alpha_2=code), "official_name", None)
        if official and official != name:
            record["formal_name"] = official
        record |= {"kind": "state", "iso2": code, "iso3": pycountry.countries.get(alpha_2=code).alpha_3}
        record |= {"aliases": ALIASES[code]} if code in ALIASES else {}
        record |= {"un": "observer" if code in UN_OBSERVERS else "member", "region": regions[code]}
        record |= {"names": translated}
        new_states.append(record)
    return {"countries": new_states, "country_names": names}


def main() -> None:
    assert len(set(UN_MEMBERS)) == 193, len(set(UN_MEMBERS))
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "generated" / "states.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# The member and observer states of the United Nations, with their ISO 3166-1 codes and official names,\n"
        "# and the names of every state in eighteen languages as the Unicode CLDR gives them; regions follow the\n"
        "# CIA World Factbook's grouping of countries.\n"
    )
    text = yaml.safe_dump(states(), allow_unicode=True, sort_keys=False, width=1000)
    target.write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    main()
