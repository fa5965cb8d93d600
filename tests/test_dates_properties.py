"""Property tests: any date 1900-2100, written any common way, normalizes back to itself."""

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import format_display, normalize_date

MONTHS = [None, *calendar.month_name[1:]]
ABBR = [
    None,
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
GERMAN = [None, "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]  # fmt: skip
FRENCH = [None, "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
SPANISH = [None, "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
RUSSIAN = [None, "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"]  # fmt: skip


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# (format, keyword arguments for normalize_date)
DAY_FORMATS = [
    (lambda d: d.isoformat(), {}),
    (lambda d: d.strftime("%Y%m%d"), {}),
    (lambda d: f"{d.isoformat()}T23:59:00-11:00", {}),
    (lambda d: f"{d.isoformat()}T00:01:00+14:00", {}),
    (lambda d: f"{MONTHS[d.month]} {d.day}, {d.year}", {}),
    (lambda d: f"{d.day} {MONTHS[d.month]} {d.year}", {}),
    (lambda d: f"{calendar.day_name[d.weekday()]}, {MONTHS[d.month]} {d.day}, {d.year}", {}),
    (lambda d: f"{calendar.day_abbr[d.weekday()]} {d.day} {ABBR[d.month]} {d.year}", {}),
    (lambda d: f"{ABBR[d.month]} {d.day}, {d.year}", {}),
    (lambda d: f"{MONTHS[d.month]} {ordinal(d.day)}, {d.year}", {}),
    (lambda d: f"the {ordinal(d.day)} of {MONTHS[d.month]} {d.year}", {}),
    (lambda d: f"on {d.day} {MONTHS[d.month]} {d.year} at 10:30 a.m. ET", {}),
    (lambda d: f"{d.day:02d}-{calendar.month_abbr[d.month]}-{d.year}", {}),
    (lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}", {"date_order": "DMY"}),
    (lambda d: f"{d.month}/{d.day}/{d.year}", {"date_order": "MDY"}),
    (lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}", {"languages": ["de"]}),
    (lambda d: f"{d.year}/{d.month}/{d.day}", {}),
    (lambda d: f"{d.year}年{d.month}月{d.day}日", {}),
    (lambda d: f"{d.year}년 {d.month}월 {d.day}일", {}),
    (lambda d: f"{d.day}. {GERMAN[d.month]} {d.year}", {"languages": ["de"]}),
    (lambda d: f"{d.day} {FRENCH[d.month]} {d.year}", {"languages": ["fr"]}),
    (lambda d: f"{d.day} de {SPANISH[d.month]} de {d.year}", {"languages": ["es"]}),
    (lambda d: f"{d.day} {RUSSIAN[d.month]} {d.year} года", {}),
]
MONTH_FORMATS = [
    (lambda d: f"{MONTHS[d.month]} {d.year}", {}),
    (lambda d: f"{calendar.month_abbr[d.month]} {d.year}", {}),
    (lambda d: f"{d.year}-{d.month:02d}", {}),
    (lambda d: f"in {MONTHS[d.month]} of {d.year}", {}),
    (lambda d: f"{d.year}年{d.month}月", {}),
    (lambda d: f"{GERMAN[d.month]} {d.year}", {"languages": ["de"]}),
]
YEAR_FORMATS = [
    (lambda d: f"{d.year}", {}),
    (lambda d: f"in {d.year}", {}),
    (lambda d: f"{d.year}年", {}),
]

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(max_examples=300, deadline=None)
@given(days, st.sampled_from(DAY_FORMATS))
def test_any_day_in_any_format_is_itself(day, fmt):
    write, kwargs = fmt
    result = normalize_date(write(day), **kwargs)
    assert (result.start, result.end, result.precision) == (day, day, "day")
    assert not result.approximate and not result.ambiguous


@settings(max_examples=200, deadline=None)
@given(days, st.sampled_from(MONTH_FORMATS))
def test_month_forms_give_the_whole_month(day, fmt):
    write, kwargs = fmt
    result = normalize_date(write(day), **kwargs)
    last = calendar.monthrange(day.year, day.month)[1]
    assert (result.start, result.end) == (day.replace(day=1), day.replace(day=last))
    assert result.precision == "month"


@settings(max_examples=100, deadline=None)
@given(days, st.sampled_from(YEAR_FORMATS))
def test_year_forms_give_the_whole_year(day, fmt):
    write, kwargs = fmt
    result = normalize_date(write(day), **kwargs)
    assert (result.start, result.end) == (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    assert result.precision == "year"


@settings(max_examples=200, deadline=None)
@given(days)
def test_numeric_dates_are_ambiguous_exactly_when_both_readings_differ(day):
    result = normalize_date(f"{day.day:02d}/{day.month:02d}/{day.year}")
    assert result.start == day
    assert result.ambiguous is (day.day <= 12 and day.day != day.month)


@settings(max_examples=200, deadline=None)
@given(days, st.sampled_from(["day", "week", "month", "quarter", "season", "year", "decade"]))
def test_iso_and_display_read_back_to_the_same_range(day, precision):
    text = {
        "day": day.isoformat(),
        "week": "{}-W{:02d}".format(*day.isocalendar()[:2]),
        "month": f"{day:%Y-%m}",
        "quarter": f"Q{(day.month - 1) // 3 + 1} {day.year}",
        "season": f"{['winter', 'spring', 'summer', 'autumn'][(day.month % 12) // 3]} {day.year}",
        "year": str(day.year),
        "decade": f"{day.year - day.year % 10}s",
    }[precision]
    result = normalize_date(text)
    assert result.precision == precision
    assert result.start <= result.end
    from_iso = normalize_date(result.iso)
    if from_iso.ambiguous:
        # "2020-21" (EDTF spring 2020) also reads as the years 2020-2021: flagged, never silent.
        year, code = result.iso.split("-")
        assert code == f"{(int(year) + 1) % 100:02d}"
    else:
        # Weeks and winters are day and month intervals in EDTF: the range comes back, not the name.
        assert (from_iso.start, from_iso.end) == (result.start, result.end)
    shown = format_display(result.start, result.end, result.precision, result.approximate)
    from_display = normalize_date(shown)
    assert (from_display.start, from_display.end) == (result.start, result.end)


@settings(max_examples=100, deadline=None)
@given(days, st.sampled_from(["early", "mid", "late"]), st.sampled_from(["month", "year"]))
def test_qualifiers_narrow_inside_the_period_and_read_back(day, word, precision):
    stated = f"{MONTHS[day.month]} {day.year}" if precision == "month" else str(day.year)
    result = normalize_date(f"{word} {stated}")
    whole = normalize_date(stated)
    assert result.approximate and result.precision == precision
    assert whole.start <= result.start <= result.end <= whole.end
    shown = format_display(result.start, result.end, result.precision, result.approximate)
    again = normalize_date(shown)
    assert (again.start, again.end, again.approximate) == (result.start, result.end, True)
