"""Date normalization: turn a date as a source wrote it into an exact, honest range.

``normalize_date(text, reference=None, languages=None, date_order=None)`` returns a
``NormalizedDate`` (first and last calendar day the text can mean, inclusive, its precision, and
whether it is approximate or ambiguous) or raises ``DateNormalizationError`` whose ``reason`` a
person can act on. The package is pure: no ORM, no settings; stdlib, ``regex``-free ``re`` and
dateparser (imported lazily, only for text the fast paths do not read).

How text is read, in order:

1. Machine formats: ISO 8601 and reduced ISO (``2020``, ``2020-07``, ``2020-07-06``), ISO
   datetimes (the calendar date as written; offsets are never applied, nothing goes through
   UTC), compact ``20200630``, ISO weeks ``2020-W28`` (Monday to Sunday), EDTF sub-year codes
   ``2020-21..24`` (seasons), ``2020-33..36`` (quarters), ``2020-40/41`` (halves).
2. Numeric dates ``05/07/2020``, ``17.02.2021``, ``2020/7/6``: a four-digit year first is
   always year-month-day. Otherwise the day/month order comes from ``date_order`` (or, when
   only non-English ``languages`` are given, from their convention; a dotted date is day first,
   as in every CLDR locale: ``06.07.2020`` is 6 July, flagged when the order given is MDY).
   **Ambiguity rule**: when the order is unknown and both readings are valid and different, the
   day-first reading is returned with ``ambiguous=True`` (callers treat that as *needs review*;
   it is never raised).
   When only one reading is a valid date it is taken; if that contradicts a given order the
   result is flagged ambiguous too. Two-digit years pivot at 50: ``00-49`` -> 2000-2049,
   ``50-99`` -> 1950-1999 (fixed, so results never depend on today's date).
3. Words: month names, weekdays and ordinals in English plus the given languages (from
   dateparser's language data and CLDR via Babel, stored in ``vocabulary.json``; skippable words
   from dateparser's ``skip`` tokens, the literal words of CLDR's date patterns and a small
   reviewed table), Chinese/Japanese/Korean ``年月日`` forms (Japanese eras, ``上旬/中旬/下旬``,
   ``初/底/末``, ``去年/今年/明年``, ``작년/올해``, quarters, halves, seasons, particles such as
   ``付``/``に``/``에``), quarters (``Q3 2020``, ``third quarter of 2020``, ``2Q 2020``), halves,
   seasons (also in a reviewed table of other languages: "im Frühjahr 2021"), decades,
   centuries, weeks, English years said in words ("nineteen ninety-six") and days said as
   ordinal words beside a month ("March eighth", "the twenty-first of June"; in running text
   only where the day ends: "In May second prizes..." is May), quarters counted in a year ("the
   first two quarters of 1990" is its first half, "the first three quarters" January-September).
4. Relative text against ``reference`` (the source's publication date) in English and, from
   CLDR's relative patterns, in every language ("il y a 3 jours", "8 месяцев назад"); months,
   seasons and quarters named relative to it ("last May", "June last year", "en mars dernier",
   "this summer", "the third quarter"); ranges (also "vom 3. bis 5. Mai", "du 3 au 5 mai");
   text anchored on a date inside it; then dateparser with the languages known.

Rules:

- **Weekdays**: a weekday that contradicts the date ("Monday, July 7, 2020") keeps the date and
  sets ``ambiguous=True``. A bare or "on" weekday is its most recent occurrence on or before
  the reference (an article dated Thursday that says "on Thursday" means that day); "last
  Monday" is strictly before the reference; "next Monday" the first one strictly after.
- "Monday last week" / "上周一" is the Monday of the previous ISO week; "the first/second/last
  week of July 2020" is the ISO week holding the 1st/8th/last day of the month.
- **Open bounds** ("before July 6, 2020", "since 2019", "by the end of 2019", "pre-2019",
  "5月3日まで", "après le 4 mai", "do 3 maja", Turkish "kadar", a reviewed table per language,
  checked in every candidate language) are errors: they are not dates; before a count the same
  words mean "ago" ("vor zwei Wochen", "منذ ثلاثة أيام"). A start with no end ("from 1 May
  2020", "starting Monday", "effective June 1", "beginning May 3", "ab dem 1. Mai",
  "5月3日から") is the day it names. "on or about" is approximate.
- **Financial quarters with no year** ("the third quarter", "third-quarter"): the latest such
  quarter that has begun by the reference; "the year-ago quarter" ("last year's quarter", "the
  same quarter last year") is the last ended quarter a year earlier; "the latest quarter" and
  "the quarter" the last ended one. A numbered quarter of a named year: "the 1988 third quarter",
  "this year's first quarter", "the year-earlier second quarter". In running text, "a year
  earlier", "a year ago", "the year-ago period" in a sentence about a quarter (or right after
  one) are the year-ago quarter, and "the latest period" the last ended quarter (financial
  news compares a quarter with the same quarter a year before); "the latest period", "the
  year-earlier period" need a quarter named anywhere before them; "the 1988 quarter", and "the
  1988 period" in a sentence about a quarter (not about nine months), are that quarter of 1988;
  elsewhere "a year ago" is the year. "year-ago"/"year-earlier" alone are a year before the reference.
- **A weekday with a day number and no month** ("na sexta-feira (8)", "Friday the 8th"): the
  nearest date to the reference that is both. A CJK day alone ("11日", "11일") is the nearest day
  of that number, never a count of days (that needs 前/後, 전/후); with its weekday ("4日(月)")
  the nearest that is both.
- **Times and time zones** next to a date are dropped, nothing converted ("4:30 p.m. EDT on
  Tuesday, May 5" is 5 May). Thai Buddhist-era years are converted (2563 is 2020).
- **No year** ("July 6", "6月30日", "mid-July"): news reports what happened, so the latest
  occurrence on or before the reference, unless the next one is at most four months after it
  (one announced): "Dec 28" read against 3 January 2021 is 28 December 2020, "March" read in
  November the coming March, "April" the one before. Without a reference: an error.
- **Running text follows the tense of the clause** (``find_dates``, ``read_mention``; module
  ``clause``): a bare weekday in a future-tense clause ("will meet on Friday", "is expected to
  resume Monday") is the first one on or after the reference instead of the latest on or before
  it; a month with no year in a past-tense clause ("was founded in March", said in November) is
  the one before when the no-year rule puts it more than three months ahead, and in a
  future-tense clause ("will reopen in June", said in November) the one after when that one
  is more than three months past. A date naming an event ("Tuesday's ruling", "the Oct. 12
  floods") is one that has happened: a future verb ("will appeal Tuesday's ruling") does not
  move it. TimeML and HeidelTime resolve by tense too; a news reader needs it, because news
  reports what happened. With no tense marker, or for a date that says its year or a relative
  word ("next June"), the rules above stand, and ``normalize_date`` on a bare field keeps them.
- **Anaphora in running text** (``find_dates``, ``read_mention``): "the following year", "the
  previous month", "the next day", "that year", "the same day", "earlier that day" count from the
  latest date the text told before them (in their paragraph or the one before; for "that <unit>"
  a date of that unit first): "On 4 June 2001 the mine opened, and the following year..." is
  2002. With no such date they are not found: the reference would be a guess. "the next
  week/month/year" look ahead from the reference; ``normalize_date`` of a bare field keeps the
  reference readings ("the next day" is the day after it).
- **"the year"** alone names no date; in running text ("a high for the year", "for the full
  year") it is the reference's year, unless a fiscal year ("the year ended June 30") or another
  year ("the year before", "the year of ...") follows.
- **The present**: "now", "currently", "presently", "nowadays", "right now" are the reference
  day (TimeML's PRESENT_REF). "recently", "soon", "the future" name no date and stay errors.
- **Holidays** of English news ("Christmas 2019", "Easter", "last Thanksgiving", "Good Friday",
  "Election Day"): with a year that year's; without, the nearest, "last"/"next" strictly before or
  after. Thanksgiving, Memorial Day, Labor Day, Independence Day and Election Day are the United
  States' (module ``holidays``).
- **Relative offsets**: "3 days ago", "a week ago", "two days earlier", "the next day" are day
  precision; "two months ago" is month precision; "a year ago" is year precision; "last week"
  is the previous ISO week (week precision), "last month", "last year" likewise. "a week after
  June 30, 2020" resolves from the date in the text; if the text names no date for its anchor
  ("a week after parliament passed the law") it is an error, not a guess. Vague counts ("a few
  days ago", "days after") are errors. "nearly/almost four years ago" and "a week or so ago" are
  approximate; "a six-year high", "a 10-day strike" are lengths (errors).
- **Qualifiers**: "c.", "ca.", "circa", "around", "about", "approximately", "roughly" set
  ``approximate`` and keep the range. "early", "mid", "late" (and "beginning/start of",
  "middle of", "end of", and their equivalents in other languages) set ``approximate`` and
  narrow the range to a third of the stated period while the precision stays as stated:
  month: 1-10 / 11-20 / 21-end; year: Jan-Apr / May-Aug / Sep-Dec; decade: years 0-3 / 4-6 /
  7-9; quarter or season: its first / second / third month; week: Mon-Tue / Wed-Thu / Fri-Sun.
  "mid-to-late 2019" spans from the start of the middle third to the end of the last. On a day
  ("late Wednesday", "earlier Sunday", "later yesterday") the qualifier is the time of day: no
  narrowing, not approximate. An English possessive is read without its "'s" ("Friday's vote").
- **Seasons** are northern-hemisphere meteorological: spring Mar-May, summer Jun-Aug, autumn
  (fall) Sep-Nov, winter Dec-Feb; "winter 2020" (and "winter 2020/21") is 1 Dec 2020 to
  28 Feb 2021.
- **Halves** ("H1 2021", "first half of 2021") are year precision with the range narrowed to the
  half, not approximate (there is no half precision; quarter would claim too much).
- **Decades**: "1990s", "the 1990s", "'90s", "the nineties", "90年代"; two-digit decades 00-20
  are 2000s-2020s, others 1900s. **Centuries** ("the 20th century") are 1900-1999, as EDTF's
  ``19XX`` and TimeML read them. An elided year ("'58") pivots like two-digit years.
- **Ranges** ("June 30 - July 6, 2020", "2019-2020", "6-8 July 2020", "between X and Y",
  "from X to Y"): start of the first, end of the last, precision of the coarser side,
  ``is_range=True``. ``2019-12`` is December 2019 (ISO wins), ``2019-20`` and ``2019/20`` are
  2019 to 2020; ``2020-21``, which EDTF would read as spring 2020, is read as 2020 to 2021 and
  flagged ambiguous (the other EDTF codes, ``2020-22`` etc., read as EDTF).
- **dateparser's guesses are refused**: it fills what the text leaves out from today or the
  reference ("31" becomes the 31st of this month). Every dateparser result is computed against
  two bases; if it depends on them it is accepted only for relative text or a month and day
  with a reference, and is otherwise an error.
- **Fiscal periods** ("Q3 FY2020", "2020年度") are errors: fiscal years differ per organization.
- **The one date inside a phrase** (module ``inside``), in every language: datelines ("PARIS, 4
  mars (Reuters) -"), court and gazette headers ("Urteil vom 4. Mai 2020 - VI ZR 123/19", "BOE
  núm. 55, de 5 de marzo de 2021", "令和2年5月4日判決", "대법원 2020. 5. 4. 선고"), bylines with a
  publication and an update date (the first: "Publié le 10/03/2021, mis à jour le 11/03/2021").
  Only a day is read so (a month or year among unknown words may have lost a qualifier: "no
  começo de outubro" is refused); a phrase with two dates, a bare number beside the date, a
  word that may shift it (before, after, since, ago in the language) or a qualifier it did not
  read is refused. Case and law numbers are no dates ("Ley 7/2023", "n° 19-13.316", "№ 123-ФЗ").
- **Calendars**: Japanese eras and the Republic of China era ("民國109年" is 2020) are read; an
  era year with its Gregorian year beside it ("令和2年(2020年)") must agree. Hijri dates are
  refused (not converted); beside a Gregorian one ("... 1442 هـ الموافق 11 مارس 2021 م") the
  Gregorian date is read. A written weekday that contradicts a CJK date ("10月13日(月)") keeps
  the date, flagged, as in other languages.
- **Languages**: the given languages (or, with none, English and the script's language for
  non-Latin text) are read first. When they find nothing, the language comes from the date's own
  words: an index of every month, weekday, relative, filler and qualifier word of every language
  dateparser and CLDR know maps each word to its languages; the candidates are the languages
  covering the most of the text's month and weekday names and those covering the most of its
  words (English words are no evidence of another language, except a word beside numbers that
  English does not read as a date: "2 ago 1992"), tried in tiers (the next best when none of the
  best reads it), English and the most used first. Deterministic, no statistical detector. When
  candidates read different dates, or the month word is another month in a candidate language,
  the first reading is returned with ``ambiguous=True`` and a note ("1. listopad 2020":
  November in Czech and Polish, October in Croatian); so it is when the weekday word of a
  reading with no month, or its two-letter month with no year, is a common word in another
  candidate ("no dia 5": Portuguese "on the 5th", November 5 in Jola-Fonyi). Codes dateparser
  does not know are ignored. Words keep their combining vowel signs (Brahmic, Thai), digits of
  every script are read as digits, directional marks and Arabic short vowels are dropped.
- **Words around a date** in other languages are skipped from the data (dateparser's ``skip``
  tokens, the literal words of CLDR's date patterns and CLDR's times of day) and a reviewed
  table ("tarihinde", "от", "الموافق"); "last / this / next" words place a weekday or a day
  ("am vergangenen Montag", "el pasado 4 de mayo", "no próximo dia 25", "지난 4일", "오는 25일")
  and a unit ("vergangene Woche", "lo scorso anno", "العام الماضي").

``iso`` is EDTF, and an EDTF parser (python-edtf) reads it as exactly ``start..end``: the
period's own code when the range is one whole period (day, month ``2020-07``, year, decade
``199X``, season ``2020-22`` for spring 21 / summer 22 / autumn 23, quarter ``2020-35`` = Q3, half
``2021-40`` = H1), ``~`` appended when approximate; otherwise an interval whose ends are as coarse
as is exact: an ISO week ``2020-07-06/2020-07-12``, winter ``2020-12/2021-02`` (parsers read
``2020-24`` as December alone), "early July 2020" ``2020-07-01~/2020-07-10~``, an approximate
quarter ``2020-07~/2020-09~`` (sub-year codes cannot carry ``~``), ranges
``2020-06-30/2020-07-06``. The reader reads these intervals back.

``find_dates`` marks what TimeML marks: the start word ("from March 30") and the article of a date
used as an adjective ("a third-quarter loss", "the Oct. 23 raid") are outside the span, the time
of day ("Sunday night") inside, a possessive's "'s" outside; decimals ("1.9%", "2082.1"), lengths
("a six-year high", "a two day meeting"), counts ("two thousand years"), ages ("in his 40s"),
"Sun"/"Jan" without a full stop or a number, a march's name ("the March for Peace"), a number
with thousands separators ("Thursday, 5,745,188 shares" is no 5th), a price fraction ("fell
7/8 Thursday") and "fall" the verb are not dates; a month is never read apart from the day or
year after it ("past the Nov. 1 deadline").

Results and errors are cached (bounded LRU keyed on text, reference, languages, order). Call
``warm_up()`` once per worker process at start-up: dateparser's first parse in a language costs
up to seconds.

Where things are: ``base`` (precisions, the error, internal result types), ``calendar_math``
(periods, thirds, nearest occurrences), ``edtf_format`` and ``display`` (output), ``result``
(``NormalizedDate``), ``vocabulary`` (month, weekday and qualifier words from dateparser's data),
``languages`` (which languages to read in), ``cleaning`` (text tidying, no-date words, times),
``machine`` (ISO and numeric formats), ``periods`` (quarters, halves, seasons, weeks), ``words``
(day / month name / year), ``cjk``, ``relative``, ``holidays``, ``qualifiers``, ``ranges``,
``embedded`` (the date inside a phrase), ``inside`` (the same in every language), ``search``
(``find_dates``, ``read_mention``: dates in running text), ``clause`` (the tense of a date's
clause in running text), ``fallback`` (dateparser) and ``reading`` (the order of it all, the
cache).
"""

from .base import DATE_ORDERS, PRECISION_RANK, PRECISIONS, DateNormalizationError
from .display import format_display
from .edtf_format import edtf
from .reading import _CACHE_SIZE, WARM_LANGUAGES, cache_clear, normalize_date, warm_up
from .result import NormalizedDate
from .search import DateMention, find_dates

__all__ = [
    "DATE_ORDERS",
    "PRECISIONS",
    "PRECISION_RANK",
    "WARM_LANGUAGES",
    "_CACHE_SIZE",
    "DateMention",
    "DateNormalizationError",
    "NormalizedDate",
    "cache_clear",
    "edtf",
    "find_dates",
    "format_display",
    "normalize_date",
    "warm_up",
]
