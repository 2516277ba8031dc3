"""Afghan calendars: dates typed in the Solar Hijri or lunar Hijri calendar, and Gregorian days shown in them.

The arithmetic is jdatetime's (Solar Hijri) and hijridate's (lunar Hijri, by the Umm al-Qura tables); both are
imported only when a date in those calendars is typed or asked for.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from afrel.dates import DateError

CALENDARS = ("gregorian", "solar-hijri", "lunar-hijri")

# Afghanistan names the Solar Hijri months after the signs of the zodiac: (romanised, Dari, Pashto).
SOLAR_MONTHS = (
    ("Hamal", "حمل", "وری"),
    ("Sawr", "ثور", "غویی"),
    ("Jawza", "جوزا", "غبرګولی"),
    ("Saratan", "سرطان", "چنګاښ"),
    ("Asad", "اسد", "زمری"),
    ("Sonbola", "سنبله", "وږی"),
    ("Mizan", "میزان", "تله"),
    ("Aqrab", "عقرب", "لړم"),
    ("Qaws", "قوس", "لیندۍ"),
    ("Jadi", "جدی", "مرغومی"),
    ("Dalw", "دلو", "سلواغه"),
    ("Hut", "حوت", "کب"),
)
# Other romanisations in common use.
SOLAR_SPELLINGS = {"saur": 2, "jauza": 3, "jowza": 3, "sunbula": 6, "sonbula": 6, "qaus": 9, "jaddi": 10, "dalv": 11}
LUNAR_MONTHS = (
    ("Muharram", "محرم"),
    ("Safar", "صفر"),
    ("Rabi al-Awwal", "ربیع الاول"),
    ("Rabi al-Thani", "ربیع الثانی"),
    ("Jumada al-Awwal", "جمادی الاول"),
    ("Jumada al-Thani", "جمادی الثانی"),
    ("Rajab", "رجب"),
    ("Shaban", "شعبان"),
    ("Ramadan", "رمضان"),
    ("Shawwal", "شوال"),
    ("Dhu al-Qadah", "ذی القعده"),
    ("Dhu al-Hijjah", "ذی الحجه"),
)
_SUFFIXED = re.compile(r"(\d{3,4})-(\d{1,2})(?:-(\d{1,2}))?\s*(sh|ah)", re.I)
_WORDS = re.compile(r"(\d{1,2})\s+(.+?)\s+(\d{3,4})(?:\s*(sh|ah))?", re.I)


def _key(name: str) -> str:
    """A month name as typed, without accents, apostrophes, hyphens or case."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum())


_SOLAR_NAMES = {_key(n): i for i, names in enumerate(SOLAR_MONTHS, 1) for n in names} | SOLAR_SPELLINGS
_LUNAR_NAMES = {_key(n): i for i, names in enumerate(LUNAR_MONTHS, 1) for n in names}


def parse_calendar_date(text: str) -> date | None:
    """The Gregorian day of a date typed in an Afghan calendar, or None when the text is not in one.

    Forms: 1400-05-24sh, 1443-01-06ah, '24 Asad 1400', '6 Muharram 1443'. Only whole days: a Solar Hijri month
    straddles two Gregorian months, so a month or year alone has no Gregorian equivalent afrel could store.
    """
    text = " ".join(text.split())
    if match := _SUFFIXED.fullmatch(text):
        year, month, day, calendar = match.groups()
        if day is None:
            raise DateError(f"{text!r}: give the day too, e.g. {year}-{int(month):02d}-01{calendar.lower()}")
        return _convert(int(year), int(month), int(day), calendar.lower(), text)
    if not (match := _WORDS.fullmatch(text)):
        return None
    day, month_name, year, suffix = match.groups()
    key = _key(month_name)
    if key in _SOLAR_NAMES and (suffix or "sh").lower() == "sh":
        return _convert(int(year), _SOLAR_NAMES[key], int(day), "sh", text)
    if key in _LUNAR_NAMES and (suffix or "ah").lower() == "ah":
        return _convert(int(year), _LUNAR_NAMES[key], int(day), "ah", text)
    return None


def _convert(year: int, month: int, day: int, calendar: str, text: str) -> date:
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: the month must be 1 to 12")
    if calendar == "sh":
        import jdatetime

        try:
            solar = jdatetime.date(year, month, day).togregorian()
        except ValueError:
            raise DateError(f"{text!r} is not a day of the Solar Hijri calendar") from None
        return date(solar.year, solar.month, solar.day)
    import hijridate

    try:
        gregorian = hijridate.Hijri(year, month, day).to_gregorian()
        return date(gregorian.year, gregorian.month, gregorian.day)
    except OverflowError:
        raise DateError(f"{text!r}: lunar Hijri dates are known from 1343 to 1500 AH (1924-2077)") from None
    except ValueError:
        raise DateError(f"{text!r} is not a day of the lunar Hijri calendar (Umm al-Qura)") from None


def in_calendar(day: date, calendar: str) -> str:
    """A Gregorian day written in another calendar: '24 Asad 1400', '7 Muharram 1443 AH'."""
    if calendar == "solar-hijri":
        import jdatetime

        shown = jdatetime.date.fromgregorian(date=day)
        return f"{shown.day} {SOLAR_MONTHS[shown.month - 1][0]} {shown.year}"
    if calendar == "lunar-hijri":
        import hijridate

        try:
            lunar = hijridate.Gregorian(day.year, day.month, day.day).to_hijri()
        except OverflowError:
            return "outside the Umm al-Qura tables"
        return f"{lunar.day} {LUNAR_MONTHS[lunar.month - 1][0]} {lunar.year} AH"
    return day.isoformat()
