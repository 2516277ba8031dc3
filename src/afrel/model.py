"""The domain model: immutable records for events, countries, indicator observations and eras.

Records are named tuples rather than frozen dataclasses: Python builds a named tuple class several times
faster, and these classes are created on every start of the program.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple, Protocol

from afrel.dates import PartialDate

# The tag vocabulary: every event tag must be one of these (docs/data-model.md explains each).
TAGS: dict[str, str] = {
    "treaty": "formal treaty or convention",
    "agreement": "accord, memorandum, deal or contract that is not a treaty",
    "recognition": "recognising a state or government, or withdrawing it",
    "diplomacy": "relations established or cut, envoys, ambassadors, talks",
    "embassy": "missions opened, closed, handed over or downgraded",
    "visit": "official visit by a leader or minister",
    "war": "invasion or armed conflict between the parties",
    "military": "arms, training, bases, troops, military aid",
    "aid": "economic, development or humanitarian assistance",
    "trade": "trade, transit and commerce",
    "energy": "oil, gas, electricity and pipelines",
    "infrastructure": "roads, railways, dams and telecommunications",
    "border": "demarcation, disputes and clashes at the border",
    "sanctions": "sanctions, travel bans and asset freezes",
    "refugees": "refugees, migration and deportations",
    "security": "counter-terrorism, narcotics and intelligence",
    "peace-process": "peace talks, negotiations and mediation",
    "multilateral": "the UN and other international bodies or conferences",
    "incident": "attacks, hijackings, killings of diplomats, forced landings",
}

# Indicators that `compare` and `profile` show, in this order, with their units.
INDICATORS: dict[str, tuple[str, str]] = {
    "area": ("Area", "km²"),
    "population": ("Population", "persons"),
    "gdp": ("GDP", "current US$"),
    "gdp_per_capita": ("GDP per capita", "current US$"),
    "government_type": ("Government type", "text"),
    "capital": ("Capital", "text"),
    "languages": ("Languages", "text"),
}

COUNTRY_KINDS = ("state", "historical-state", "organisation")
# The languages of a country's `names`, and the two lists of other spellings kept beside them.
NAME_LANGUAGES: dict[str, str] = {
    "fa": "Dari/Persian", "ps": "Pashto", "ru": "Russian", "ur": "Urdu", "ar": "Arabic", "he": "Hebrew",
    "uz": "Uzbek", "tg": "Tajik", "tk": "Turkmen", "hi": "Hindi", "bn": "Bengali", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "tr": "Turkish", "fr": "French", "de": "German", "es": "Spanish",
    "romanised": "romanisation", "abbreviations": "abbreviation",
}  # fmt: skip
UN_STATUSES = ("member", "observer")  # a state's standing at the United Nations today
# The regions states are grouped in (TimelineJS groups); international bodies form a group of their own.
REGIONS = ("Africa", "Americas", "Asia and Oceania", "Central and South Asia", "Europe", "Middle East")
DISPUTE_STATUSES = ("corrected", "unverified")

# Relation-status periods: for each aspect of a relationship, the statuses it can be in.
RELATION_ASPECTS: dict[str, tuple[str, ...]] = {
    "relations": ("established", "severed", "none"),  # diplomatic relations with Afghanistan; none: never had
    "recognition": ("recognised", "not-recognised"),  # of one Afghan government (an era)
    "embassy": ("open", "closed", "suspended", "downgraded"),  # the counterpart's mission in Kabul
    "afghan-mission": ("open", "closed", "suspended", "downgraded", "taliban-appointed"),  # Afghanistan's mission there
}


# Who heads a mission of embassy rank, where the sources say: a mission headed by a chargé d'affaires is still
# "open"; "downgraded" means a mission below embassy rank (a liaison, technical or consular office).
MISSION_HEADS: dict[str, str] = {
    "ambassador": "an ambassador",
    "charge-d-affaires": "a chargé d'affaires, not an ambassador",
}


# Publications whose dated claims were each checked against the sources. A claim the sources contradict or
# cannot confirm is recorded under an event's `disputes`, naming the document by its key here.
CHECKED_DOCUMENTS: dict[str, "Source"] = {}


class Origin(NamedTuple):
    """Where a record was read: the data file and the line its mapping starts on."""

    file: str
    line: int


# What kind of work a source is: it decides how `cite` types the entry and how much weight a reader gives it.
SOURCE_KINDS: dict[str, str] = {
    "official": "a government's own record: ministry, embassy, parliament, official gazette, state archive",
    "international-organisation": "a record of the UN, its agencies, NATO, the EU or another international body",
    "news": "a news organisation's report, including wire agencies and broadcasters",
    "scholarly": "a book, journal article, thesis or research paper",
    "reference": "a reference work other than an encyclopedia: atlas, country study, chronology, database",
    "encyclopedia": "an edited encyclopedia (Iranica, Britannica, ...)",
    "wiki": "an openly edited wiki such as Wikipedia: a pointer to sources, never the only one",
    "other": "anything else: a think-tank commentary, a blog, a statement by a party",
}


class Source(NamedTuple):
    """The work that makes a claim: who published it, its title and where to find it.

    `url` is the original's address (None for a work only in print); `via` is the address of the copy that
    was read when that is not the original (an archive, a reprint, a mirror).
    """

    title: str
    url: str | None
    publisher: str
    accessed: str | None = None  # the day the work was consulted; bundled sources always give it
    author: tuple[str, ...] = ()
    published: str | None = None  # the publication date, as precise as known: "2021", "2021-08", "2021-08-15"
    locator: str | None = None  # page, paragraph or article: "p. 357", "art. 2"
    kind: str | None = None  # a key of SOURCE_KINDS
    language: str | None = None  # BCP 47 code of the work's language: "en", "fa", "ru"
    via: str | None = None

    @property
    def address(self) -> str | None:
        """Where a reader can open the work: the original, or else the copy it was read in."""
        return self.url or self.via


CHECKED_DOCUMENTS.update(
    {
        "hewiki-afghanistan-russia-relations": Source(
            title="יחסי אפגניסטן–רוסיה",
            url="https://he.wikipedia.org/wiki/%D7%99%D7%97%D7%A1%D7%99_%D7%90%D7%A4%D7%92%D7%A0%D7%99%D7%A1%D7%98%D7%9F"
            "%E2%80%93%D7%A8%D7%95%D7%A1%D7%99%D7%94",
            publisher="Wikipedia",
            accessed="2026-11-23",
            kind="wiki",
            language="he",
        ),
        "taliban-year-of-solitude-2022": Source(
            title="The Taliban's Foreign Relations: A Year of Solitude",
            url=None,
            publisher="Mohamed Sakhri (online posting; the original publisher is not named)",
            accessed="2026-11-23",
            published="2022",
            locator="written after 18 September 2022, its latest access date",
            kind="other",
            language="en",
        ),
        "enwiki-foreign-relations-of-afghanistan": Source(
            title="Foreign relations of Afghanistan",
            url="https://en.wikipedia.org/wiki/Foreign_relations_of_Afghanistan",
            publisher="Wikipedia",
            accessed="2026-11-23",
            locator="the revision of 2020–21, when Mohammad Hanif Atmar was foreign minister",
            kind="wiki",
            language="en",
        ),
    }
)


class AlternativeDate(NamedTuple):
    """A date that another reliable source gives for the same event."""

    when: PartialDate
    source: str
    note: str


class Dispute(NamedTuple):
    """A claim of a checked document (CHECKED_DOCUMENTS) that the sources contradict or cannot confirm."""

    claim: str
    claimed_by: str
    status: str
    note: str


# A correction records what a record said before its claims were checked against the sources, and what they say.
CORRECTION_KINDS: dict[str, str] = {
    "date": "a date, end date or last confirmation",
    "number": "a count, figure or amount",
    "name": "the name or title of a person, body, treaty or office",
    "place": "where it happened",
    "actor": "who did it: the wrong state, person or body",
    "wording": "an emphasis or statement that misled, though no single fact above was wrong",
}
CORRECTION_OUTCOMES: dict[str, str] = {
    "corrected": "the record now says what the sources say",
    "disputed": "reliable sources disagree; the record gives both versions",
    "removed": "no reputable source supports the claim; it was dropped",
    "single-source": "one reputable source makes the claim and no independent source confirms or contradicts it; kept",
}
SINGLE_SOURCE = "single-source"


class Correction(NamedTuple):
    """A claim of a record that was corrected, found disputed, dropped or left resting on one source when checked."""

    kind: str  # a key of CORRECTION_KINDS
    outcome: str  # a key of CORRECTION_OUTCOMES
    was: str  # what the record said before (a single-source claim: what it says)
    note: str  # what the sources say, naming them


def rests_on_one_source(corrections: tuple[Correction, ...]) -> bool:
    """Whether a claim of the record has one source only (a SINGLE_SOURCE correction)."""
    return any(c.outcome == SINGLE_SOURCE for c in corrections)


class Event(NamedTuple):
    id: str
    when: PartialDate  # the date of the event, or of its start; `date` in data files and output
    title: str
    summary: str
    countries: tuple[str, ...]
    tags: tuple[str, ...]
    sources: tuple[Source, ...]
    origin: Origin
    end_date: PartialDate | None = None
    notes: str | None = None
    alternative_dates: tuple[AlternativeDate, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    checked: PartialDate | None = None  # the day every claim was last checked against the sources
    corrections: tuple[Correction, ...] = ()

    @property
    def first_day(self) -> date:
        return self.when.first_day

    @property
    def last_day(self) -> date:
        """The last day the event may cover: its end date, or the end of its date's precision."""
        return (self.end_date or self.when).last_day

    @property
    def sort_key(self) -> tuple[int, str]:
        # Same-date events keep a stable order by id.
        return (self.when.sort_key, self.id)


class Observation(NamedTuple):
    """One figure for one country: an indicator's value in a year, from one source."""

    country: str
    indicator: str
    value: float | int | str
    unit: str
    year: int | None  # the year the figure is for; None where the source gives none ("undated")
    source: Source
    origin: Origin
    note: str | None = None  # "computed from ..." for a figure afrel computes from others

    @property
    def computed(self) -> bool:
        return bool(self.note and self.note.startswith("computed"))


class Country(NamedTuple):
    """A state, historical state or international body that events can name."""

    id: str
    name: str
    kind: str
    origin: Origin
    formal_name: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    # Names in the region's languages, as (language, name): ("fa", "روسیه"), ("romanised", "Rossiya") ...
    names: tuple[tuple[str, str], ...] = ()
    successor: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    un: str | None = None  # "member" or "observer" of the United Nations today
    region: str | None = None  # one of REGIONS
    sources: tuple["Source", ...] = ()  # the works that date `start` and `end`


class CountryLifetime(NamedTuple):
    """When a state came into being (or ceased to be), with the works that say so; kept apart from the
    generated list of states and applied to it."""

    country: str
    origin: Origin
    sources: tuple["Source", ...]
    start: PartialDate | None = None
    end: PartialDate | None = None


class CountryNames(NamedTuple):
    """Names of a country in other languages, generated from CLDR, added to those its record keeps by hand."""

    country: str
    names: tuple[tuple[str, str], ...]
    origin: Origin
    un: str | None = None
    region: str | None = None


class Era(NamedTuple):
    """A period of Afghan government: who ruled the state the counterpart dealt with."""

    id: str
    name: str
    start: PartialDate
    origin: Origin
    sources: tuple[Source, ...]
    end: PartialDate | None = None


class Relation(NamedTuple):
    """A period during which one aspect of relations with a counterpart had one status."""

    country: str
    aspect: str
    status: str
    start: PartialDate
    summary: str
    sources: tuple[Source, ...]
    origin: Origin
    government: str | None = None  # the era whose government was (not) recognised; recognition only
    end: PartialDate | None = None  # None: the status still holds
    as_of: PartialDate | None = None  # for a status that still holds: the latest date a source confirms it
    events: tuple[str, ...] = ()  # ids of the events that set or ended the status
    notes: str | None = None
    checked: PartialDate | None = None  # the day every claim was last checked against the sources
    corrections: tuple[Correction, ...] = ()
    head: str | None = None  # embassy and afghan-mission only: a key of MISSION_HEADS, where sources say
    # False: the status held by `start`, the earliest date a source attests it; no source dates its beginning
    start_known: bool = True

    @property
    def last_day(self) -> date:
        return self.end.last_day if self.end else date.max


class EncodedEvent(NamedTuple):
    """An event as the compiled file stores it: its record encoded, its days as ordinals.

    Large files are checked and encoded by worker processes (`afrel.store.bulk`), which hand back these rather than
    events; the checks across records read `id`, `sort_key`, `countries` and `origin`, as they do of an Event.
    """

    id: str
    sort_day: int  # PartialDate.sort_key
    first_ordinal: int  # date.toordinal() of the first and last days the event may cover
    last_ordinal: int
    countries: tuple[str, ...]
    tags: tuple[str, ...]
    record: str
    file: str
    line: int

    @property
    def origin(self) -> Origin:
        return Origin(self.file, self.line)

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.sort_day, self.id)


class Dataset(Protocol):
    """Every record of one data set, immutable once built. Events come sorted by date, then id.

    Two implementations: `afrel.store.memory.MemoryDataset` (records in memory) and
    `afrel.store.compiled.StoredDataset` (a compiled SQLite file, read only as far as a query needs).
    """

    @property
    def version(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def events(self) -> tuple[Event, ...]: ...
    @property
    def countries(self) -> Mapping[str, Country]: ...
    @property
    def observations(self) -> tuple[Observation, ...]: ...
    @property
    def eras(self) -> tuple[Era, ...]: ...
    @property
    def relations(self) -> tuple[Relation, ...]: ...
    @property
    def replaced(self) -> Mapping[str, Origin]:
        """Events of the user's data that replaced a bundled event of the same id: id -> the bundled origin."""
        ...

    def event(self, event_id: str) -> Event | None:
        """The event with this id, if any."""
        ...

    def events_with_ids(self, event_ids: Iterable[str]) -> tuple[Event, ...]:
        """The events with these ids that exist, in date order."""
        ...

    def event_ids(self) -> tuple[str, ...]:
        """Every event id (to suggest one close to a mistyped id)."""
        ...

    def successors(self) -> Mapping[str, str]:
        """Country id -> the id of the state that continues it, for the countries that have one."""
        ...

    def latest_event(self) -> Event | None:
        """The newest event, last in date order."""
        ...

    def relations_of(self, countries: Iterable[str]) -> tuple[Relation, ...]:
        """The status periods of these countries, in the data's order."""
        ...

    def observations_of(self, countries: Iterable[str]) -> tuple[Observation, ...]:
        """The figures of these countries, in the data's order."""
        ...

    def candidates(
        self,
        countries: Iterable[str] = (),
        tags: Iterable[str] = (),
        first_day: date = date.min,
        last_day: date = date.max,
    ) -> Iterable[Event]:
        """The events that may have one of `countries` and one of `tags` and overlap the days given, in order.

        A superset: callers still check each event.
        """
        ...
