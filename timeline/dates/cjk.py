"""Chinese, Japanese and Korean dates (年月日 forms, eras, qualifiers, relative words)."""

from __future__ import annotations

import datetime as _dt
import re

from .base import _R, PRECISION_RANK, DateNormalizationError, _Ctx
from .calendar_math import (
    _add_months,
    _date_without_year,
    _half,
    _make_day,
    _month,
    _nearest_day_of_month,
    _qualify,
    _quarter,
    _season,
    _two_digit_year,
    _year_of_month_towards,
)
from .relative import _need_reference, _parse_relative
from .vocabulary import _WEEKDAY_KEYS
from .words import _day_of_month_towards, _weekday_and_day

_CJK_MARK_RE = re.compile(r"[年月日号號季半春夏秋冬旬년월일분반봄여름가을겨울해周週天주달]")


_CJK_WEEKDAY_RE = re.compile(
    r"\(?(?:星期|礼拜|禮拜|周|週)[一二三四五六日天七1-7]\)?|\([月火水木金土日](?:曜日?)?\)|[月火水木金土日]曜日?"
)


_KO_WEEKDAY_RE = re.compile(r"\([월화수목금토일](?:요일)?\)|[월화수목금토일]요일")


_KO_MAP = (
    ("지난해", "去年"), ("작년", "去年"), ("올해", "今年"), ("금년", "今年"), ("내년", "明年"),
    ("초순", "上旬"), ("중순", "中旬"), ("하순", "下旬"),
    ("상반기", "上半年"), ("하반기", "下半年"),
    ("분기", "季度"), ("년대", "年代"), ("년", "年"), ("월", "月"), ("일", "日"), ("초", "初"),
    ("말", "末"), ("중", "中"), ("봄", "春"), ("여름", "夏"), ("가을", "秋"), ("겨울", "冬"),
    ("경", "頃"), ("약", "约"), ("쯤", "頃"),
)  # fmt: skip


_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2, "兩": 2}


_CJK_NUM_RE = re.compile(r"[〇零一二三四五六七八九十两兩]+")


_RELATIVE_YEARS = {"去年": -1, "昨年": -1, "前年": -2, "今年": 0, "本年": 0, "明年": 1, "来年": 1, "翌年": 1}
# Particles and "dated" after a date: 付 (dated), に/には/の (on, of), 에/에는/의 (Korean).
_CJK_TRAILING = ("付け", "付", "には", "に", "の", "에는", "에", "의", "부")
_CJK_FROM = ("から", "より", "起", "开始", "開始", "부터")
# "自5月4日起", "从5月4日开始": the start of an open start, the day it names.
_CJK_FROM_PREFIX = ("自", "从", "從")
_CJK_UNTIL = ("まで", "までに", "以前", "之前", "以后", "以後", "까지")


_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "明治": 1868, "民國": 1912, "民国": 1912}


_CJK_RE = re.compile(
    r"(?:(?P<era>令和|平成|昭和|大正|明治|民國|民国)(?P<ey>\d{1,3}|元)年|(?P<y>\d{4}|\d{2})年"
    r"|(?P<ry>去年|今年|明年|前年|本年|昨年|来年|翌年))?"
    r"(?:(?P<dec>代)(?P<dq>初期?|中期|末期?|后期|後期)?"
    r"|(?P<m>\d{1,2})月(?:份)?(?:(?P<d>\d{1,2})[日号號]?)?(?P<mq>上旬|中旬|下旬|初|中|底|末)?"
    r"|第?(?P<q>[1-4])(?:季度|季|四半期|分期)"
    r"|(?P<h>上半年|上半期|上期|前半|下半年|下半期|下期|後半|后半)"
    r"|(?P<s>春|夏|秋|冬)(?:天|季)?"
    r"|(?P<yq>初|年初|中|年中|底|年末|年底|末))?"
    r"|(?P<dom>\d{1,2})[日号號]"
)


_CJK_Q = {"上旬": "early", "初": "early", "年初": "early", "初期": "early",
          "中旬": "mid", "中": "mid",
          "年中": "mid", "中期": "mid", "下旬": "late", "底": "late", "末": "late", "年底": "late",
          "年末": "late", "末期": "late", "后期": "late", "後期": "late"}  # fmt: skip


_CJK_APPROX_PREFIX = ("大约", "大約", "大概", "约", "約", "およそ")


_CJK_APPROX_SUFFIX = ("左右", "前后", "前後", "頃", "ごろ", "ころ", "前后")


_CJK_TIME_RE = re.compile(
    r"(?:上午|下午|中午|晚上|早上|凌晨|傍晚|晚间|晚間|午前|午後|未明|深夜|晚|早|夜|朝|昼|夕方|오전|오후|저녁|밤|새벽|아침)"
    r"(?:\d{1,2}(?:[:时時点點시]\d{0,2}[分분]?)?(?:半)?)?$|\d{1,2}[:时時点點시]\d{0,2}[分분]?$"
)
_CJK_COUNT_RE = re.compile(
    r"(?P<n>\d{1,3})(?:个|個|か|カ|ヶ|ケ)?(?P<u>天|日|周|週|星期|礼拜|禮拜|月|年|주|개월|달|년)(?:間|间)?"
    r"(?P<d>前|以前|之前|后|後|以后|以後|之后|之後|전|후|뒤)"
)
_CJK_UNITS = {
    "天": "day", "日": "day", "周": "week", "週": "week", "星期": "week", "礼拜": "week", "禮拜": "week",
    "月": "month", "年": "year", "주": "week", "개월": "month", "달": "month", "년": "year",
}  # fmt: skip
_CJK_BEFORE = ("前", "以前", "之前", "전")


_CJK_RELATIVE = {
    "今天": "today", "今日": "today", "昨天": "yesterday", "昨日": "yesterday",
    "前天": "day before yesterday", "一昨日": "day before yesterday", "去年": "last year",
    "昨年": "last year", "今年": "this year", "明年": "next year", "上个月": "last month",
    "上個月": "last month", "上月": "last month", "本月": "this month", "这个月": "this month",
    "下个月": "next month", "先月": "last month", "今月": "this month", "上周": "last week",
    "上週": "last week", "上星期": "last week", "本周": "this week", "这周": "this week",
    "下周": "next week", "先週": "last week", "今週": "this week", "来週": "next week",
    "어제": "yesterday", "오늘": "today", "그저께": "day before yesterday", "작년": "last year",
    "올해": "this year", "내년": "next year", "지난달": "last month", "이번달": "this month",
    "지난주": "last week", "이번주": "this week", "다음주": "next week", "그제": "day before yesterday",
    "上周末": "last weekend", "上週末": "last weekend", "本周末": "this weekend", "这周末": "this weekend",
    "周末": "weekend", "週末": "weekend", "先週末": "last weekend", "今週末": "this weekend",
    "昨晚": "yesterday", "昨夜": "yesterday", "今晚": "today", "今夜": "today", "어젯밤": "yesterday",
    "간밤": "yesterday", "오늘밤": "today", "지난밤": "yesterday",
    "지난 주말": "last weekend", "지난주말": "last weekend", "이번 주말": "this weekend", "주말": "weekend",
}  # fmt: skip


_CJK_WEEKDAY_INDEX = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5,
    "월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6,
}  # fmt: skip


_CJK_WEEKDAY_RELATIVE_RE = re.compile(
    r"(?P<w>上周|上週|上星期|上礼拜|上禮拜|下周|下週|下星期|本周|这周|周|週|星期|礼拜|禮拜)"
    r"(?P<d>[一二三四五六日天])"
    r"|(?P<w2>先週|今週|来週)?(?P<d2>[月火水木金土日])曜日?"
    r"|(?P<w3>지난주|이번주|다음주|지난|이번)?(?P<d3>[월화수목금토일])요일"
)


def _weekday_index(mark: str) -> int:
    """The weekday of "(月)", "(周一)", "星期三", "(월)", "화요일" (full-width brackets too)."""
    for char in mark.lstrip("(\uff08"):
        if char in "星期礼拜禮周週曜":
            continue
        if char in _CJK_WEEKDAY_INDEX:
            return _CJK_WEEKDAY_INDEX[char]
    return _CJK_WEEKDAY_INDEX[mark[-1]]


def _cjk_number(m: re.Match) -> str:
    s = m.group()
    try:
        if "十" in s:
            tens, _, units = s.partition("十")
            return str((_CJK_DIGITS[tens] if tens else 1) * 10 + (_CJK_DIGITS[units] if units else 0))
        return "".join(str(_CJK_DIGITS[c]) for c in s)
    except KeyError:
        return s


# "当地时间5月4日", "4일(현지시간)": local or a capital's time beside a date; nothing is converted.
_CJK_LOCAL_TIME_RE = re.compile(
    r"[(\uff08]?(?:当地|當地|北京|东京|東京|首尔|首爾|华盛顿|華盛頓|美东|美國東部|美国东部|現地|日本|현지|한국|미국)"
    r"(?:时间|時間|시간)[)\uff09]?"
)
# Korean "지난 4일" (the 4th just past), "오는 25일" (the coming 25th), "이번 달"; "지난 3월".
_KO_DIRECTION = {"지난": -1, "오는": 1, "이번": 0}
# A month named relative to the reference's: "本月初", "上个月底", "先月末", "지난달 말".
_CJK_RELATIVE_MONTH_RE = re.compile(
    r"^(?P<w>本月|这个月|這個月|今月|上个月|上個月|上月|先月|下个月|下個月|下月|来月|來月|지난달|이번달|이달|다음달)"
)
_CJK_MONTH_OFFSET = {
    "本月": 0, "这个月": 0, "這個月": 0, "今月": 0, "이번달": 0, "이달": 0,
    "上个月": -1, "上個月": -1, "上月": -1, "先月": -1, "지난달": -1,
    "下个月": 1, "下個月": 1, "下月": 1, "来月": 1, "來月": 1, "다음달": 1,
}  # fmt: skip


# "令和2年(2020年)": the era year with its Gregorian year beside it (brackets made ASCII by NFKC).
_ERA_WITH_YEAR_RE = re.compile(
    r"(?P<era>令和|平成|昭和|大正|民國|民国)(?P<ey>\d{1,3}|元)年\((?P<y>\d{4})年?\)"
)
# "10~12月", "10~12月期" (NFKC makes a full-width tilde ASCII): a range of months that writes 月 once.
_MONTH_SPAN_RE = re.compile(r"(?<![\d月])(\d{1,2})[~〜-](\d{1,2})月(?!\d)")
_FISCAL_YEAR_RE = re.compile(r"\d年度")
# "2020年3月期": the fiscal year ending in March 2020 (a span of months, "10~12月期", is read).
_FISCAL_MONTH_RE = re.compile(r"(?<![~\u301c\d-])\d{1,2}月期")
# "단기 4354년": a year of the Korean Dangi era (2333 BCE), 2021.
_DANGI_YEAR_RE = re.compile(r"단기\s*(\d{4})\s*년")
# "10/14(月)": Japanese news writes month/day with the weekday.
_SLASHED_MONTH_DAY_RE = re.compile(r"^(\d{1,2})/(\d{1,2})(?=\s*\([月火水木金土日]\))")


# Korean counts days in native words before 전/후 ("사흘 전", three days ago).
_KO_NATIVE_DAYS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
}
_KO_NATIVE_DAYS_RE = re.compile("(" + "|".join(_KO_NATIVE_DAYS) + r")(?=\s*(?:전|후|뒤))")


def _tidy_cjk(t: str) -> str:
    """An era year with its Gregorian year in brackets as the era year alone (an error when they
    disagree), a range of months with one 月 as two months; fiscal years (年度) are errors."""
    if _FISCAL_YEAR_RE.search(t) or (_FISCAL_MONTH_RE.search(t) and not _MONTH_SPAN_RE.search(t)):
        raise DateNormalizationError(
            f"{t!r} is a fiscal year, which differs per organization; give the dates"
        )
    for m in _ERA_WITH_YEAR_RE.finditer(t):
        if _ERAS[m["era"]] + (1 if m["ey"] == "元" else int(m["ey"])) - 1 != int(m["y"]):
            raise DateNormalizationError(f"{t!r} gives two different years")
    t = _ERA_WITH_YEAR_RE.sub(lambda m: f"{m['era']}{m['ey']}年", t)
    t = _SLASHED_MONTH_DAY_RE.sub(r"\1月\2日", t)
    t = _DANGI_YEAR_RE.sub(lambda m: f"{int(m[1]) - 2333}년", t)
    t = _KO_NATIVE_DAYS_RE.sub(lambda m: f"{_KO_NATIVE_DAYS[m[1]]}일", t)
    return _MONTH_SPAN_RE.sub(r"\1月~\2月", t.removesuffix("期") if t.endswith("月期") else t)


def _parse_cjk(t: str, ctx: _Ctx) -> _R | None:
    t = _tidy_cjk(_CJK_LOCAL_TIME_RE.sub("", t).strip() or t)
    direction = None
    first, _, rest = t.partition(" ")
    if first in _KO_DIRECTION and rest:
        direction, t = _KO_DIRECTION[first], rest
    compact = t.replace(" ", "")
    if compact in _CJK_RELATIVE:
        return _parse_relative(_CJK_RELATIVE[compact], ctx)
    m = _CJK_WEEKDAY_RELATIVE_RE.fullmatch(compact)
    if m:
        weekday = _WEEKDAY_KEYS[_CJK_WEEKDAY_INDEX[m["d"] or m["d2"] or m["d3"]]]
        which = m["w"] or m["w2"] or m["w3"]
        if which in ("上周", "上週", "上星期", "上礼拜", "上禮拜", "先週", "지난주"):
            return _parse_relative(f"{weekday} last week", ctx)
        if which in ("下周", "下週", "下星期", "来週", "다음주"):
            return _parse_relative(f"{weekday} next week", ctx)
        return _parse_relative(weekday, ctx)
    if not _CJK_MARK_RE.search(t):
        return None
    c = t.replace(" ", "").replace(",", "")
    if re.search("[\uac00-\ud7af]", c):
        c = _KO_WEEKDAY_RE.sub("", c)
        for ko, han in _KO_MAP:
            c = c.replace(ko, han)
    weekday_mark = _CJK_WEEKDAY_RE.search(c) or _KO_WEEKDAY_RE.search(t.replace(" ", ""))
    c = _CJK_WEEKDAY_RE.sub("", c)
    c = _CJK_NUM_RE.sub(_cjk_number, c)
    month_word = _CJK_RELATIVE_MONTH_RE.match(c)
    if month_word is not None and ctx.reference is not None:
        # "本月初" is early in the reference's month: written out as its year and month.
        y, mo = _add_months(ctx.reference.year, ctx.reference.month, _CJK_MONTH_OFFSET[month_word["w"]])
        c = f"{y}年{mo}月{c[month_word.end() :]}"
    r = _parse_cjk_range(c, t, ctx)
    if r is not None:
        return r
    for until in _CJK_UNTIL:
        if c.endswith(until) and len(c) > len(until):
            raise DateNormalizationError(
                f"{t!r} is an open-ended bound, not a date; enter the date itself, or the range"
            )
    for particle in (*_CJK_TRAILING, *_CJK_FROM):
        # "2020年5月4日付", "5월 4일에"; a start with no end ("5月3日から") is the day it names.
        if c.endswith(particle) and len(c) > len(particle):
            c = c[: -len(particle)]
            if particle in _CJK_FROM and c.startswith(_CJK_FROM_PREFIX):
                c = c[1:]
            break
    m = _CJK_COUNT_RE.fullmatch(c)
    if m is not None:
        # "两周前", "3天后", "2주 전": a count of days, weeks, months or years before or after.
        if ctx.reference is None:
            raise _need_reference(t)
        unit = _CJK_UNITS[m["u"]]
        n = int(m["n"]) * (-1 if m["d"] in _CJK_BEFORE else 1)
        return _parse_relative(f"{abs(n)} {unit}s {'ago' if n < 0 else 'later'}", ctx)
    c = _CJK_TIME_RE.sub("", c) or c
    approx = False
    for prefix in _CJK_APPROX_PREFIX:
        if c.startswith(prefix):
            c, approx = c[len(prefix) :], True
    for suffix in _CJK_APPROX_SUFFIX:
        if c.endswith(suffix):
            c, approx = c[: -len(suffix)], True
            if _CJK_TIME_RE.search(c):  # "午後3時ごろ": about the time, not the date
                c, approx = _CJK_TIME_RE.sub("", c) or c, False
    m = _CJK_RE.fullmatch(c)
    if m is None or not c:
        return None
    if m["dom"]:
        # "11日", "11일": a day of the month (a count of days would say 前/後, 전/후).
        if ctx.reference is None:
            raise DateNormalizationError(f"{t!r} has no month or year; give a reference date")
        if weekday_mark is not None:
            # "4日(月)": the nearest date that is both that day and that weekday.
            found = _weekday_and_day(_weekday_index(weekday_mark.group()), int(m["dom"]), ctx, t)
            if found is not None:
                return _qualify(found, approx, None)
        if direction is not None:
            # "지난 4일": the latest 4th on or before the reference; "오는 25일": the next 25th.
            found = _day_of_month_towards(int(m["dom"]), direction, ctx, t)
            if found is not None:
                return _qualify(found, approx, None)
        d = _nearest_day_of_month(ctx.reference, int(m["dom"]), t)
        return _qualify(_R(d, d, "day"), approx, None)
    year = None
    if m["ry"]:
        if ctx.reference is None:
            raise _need_reference(t)
        year = ctx.reference.year + _RELATIVE_YEARS[m["ry"]]
    elif m["era"]:
        year = _ERAS[m["era"]] + (1 if m["ey"] == "元" else int(m["ey"])) - 1
    elif m["y"]:
        year = int(m["y"]) if len(m["y"]) == 4 else None
        if year is None and not m["dec"]:
            year = _two_digit_year(int(m["y"]))
    third_word = m["mq"] or m["yq"] or m["dq"]
    third = (_CJK_Q[third_word],) * 2 if third_word else None
    if m["dec"]:
        y = m["y"] or ""
        start = int(y) if len(y) == 4 else (2000 + int(y) if int(y) <= 20 else 1900 + int(y))
        start -= start % 10
        return _qualify(_R(_dt.date(start, 1, 1), _dt.date(start + 9, 12, 31), "decade"), approx, third)
    if m["m"]:
        month, day = int(m["m"]), int(m["d"]) if m["d"] else None
        if not 1 <= month <= 12:
            raise DateNormalizationError(f"{t!r} is not a valid calendar date")
        if year is None:
            if ctx.reference is None:
                raise DateNormalizationError(f"{t!r} has no year; give the year or a reference date")
            ref = ctx.reference
            if direction is not None and day is None:
                year = _year_of_month_towards(ref, month, direction)  # "지난 3월", "오는 9월"
            else:
                near = _date_without_year(ref, month, day)
                year = near.year
                if direction and (near - ref).days * direction < 0:
                    year += direction  # "지난 5월 4일" after the reference: a year earlier
        if day is None:
            return _qualify(_R(*_month(year, month), "month"), approx, third)
        d = _make_day(year, month, day, t)
        if weekday_mark is not None and d.weekday() != _weekday_index(weekday_mark.group()):
            # "2019年10月13日(月)": the date stands, the contradiction is for review.
            note = f"{t!r}: {d.isoformat()} is a {d:%A}, not the weekday written; check the source"
            return _qualify(_R(d, d, "day", ambiguous=True, note=note), approx, third)
        return _qualify(_R(d, d, "day"), approx, third)
    if year is None and (m["h"] or m["yq"]) and ctx.reference is not None:
        year = ctx.reference.year  # "下半年", "年底": of the reference's year
    if year is None:
        return None
    if m["q"]:
        return _qualify(_R(*_quarter(year, int(m["q"])), "quarter"), approx, None)
    if m["h"]:
        h = 1 if m["h"] in ("上半年", "上半期", "上期", "前半") else 2
        return _qualify(_R(*_half(year, h), "year"), approx, None)
    if m["s"]:
        start_month = {"春": 3, "夏": 6, "秋": 9, "冬": 12}[m["s"]]
        return _qualify(_R(*_season(year, start_month), "season"), approx, None)
    return _qualify(_R(_dt.date(year, 1, 1), _dt.date(year, 12, 31), "year"), approx, third)


_CJK_RANGE_RE = re.compile(r"(?P<a>.+?)(?:から|より|~|\u301c|\uff5e|至|到|-|부터)(?P<b>.+?)(?:まで|까지)?")
_CJK_DAY_ONLY_RE = re.compile(r"(\d{1,2})[日号號]?")
_CJK_MONTH_DAY_RE = re.compile(r"(\d{1,2})月(\d{1,2})[日号號]?")


def _parse_cjk_range(c: str, t: str, ctx: _Ctx) -> _R | None:
    """ "5月3日から5日まで", "3〜5日", "2020年5月3日至6月1日": the second part borrows the year and
    month the first gives (and the first its month from the second: "3〜5日")."""
    m = _CJK_RANGE_RE.fullmatch(c)
    if m is None:
        return None
    left, right = m["a"], m["b"]
    try:
        if left.isdigit() and _CJK_DAY_ONLY_RE.fullmatch(right):
            b = _parse_cjk(right if not right.isdigit() else f"{right}日", ctx)
            a = b and _R(*(2 * (_valid_day(b.start, int(left)),)), "day")
        else:
            a = _parse_cjk(left, ctx)
            day, month_day = _CJK_DAY_ONLY_RE.fullmatch(right), _CJK_MONTH_DAY_RE.fullmatch(right)
            if a is not None and a.precision == "day" and (day or month_day):
                month = int(month_day[1]) if month_day else a.start.month
                first = a.start.replace(day=1, month=month) if 1 <= month <= 12 else a.start
                d = _valid_day(first, int(_right_day(day, month_day)))
                b = _R(d, d, "day") if d else None
            elif a is not None and "年" not in right and re.match(r"\d{1,2}月", right):
                # "2020年10月~12月": the second month is of the first's year (or the next).
                b = _parse_cjk(f"{a.start.year}年{right}", ctx)
                if b is not None and b.end < a.start:
                    b = _parse_cjk(f"{a.start.year + 1}年{right}", ctx)
            else:
                b = _parse_cjk(right, ctx)
    except DateNormalizationError:
        return None
    if a is None or b is None or a.start is None or b.end < a.start:
        return None
    precision = min(a.precision, b.precision, key=PRECISION_RANK.__getitem__)
    return _R(a.start, b.end, precision, a.approximate or b.approximate, a.ambiguous or b.ambiguous, True)


def _right_day(day: re.Match | None, month_day: re.Match | None) -> str:
    return month_day[2] if month_day else day[1]


def _valid_day(month_of: _dt.date, day: int) -> _dt.date | None:
    try:
        return month_of.replace(day=day)
    except ValueError:
        return None
