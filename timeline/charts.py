"""Inline SVG charts for the public pages: no JavaScript, every text escaped by ``format_html``.

``response_chart`` draws, for a law, one row per response placed at how many days after the law
passed it came: a dot for a day-precision date, a bar over the whole range a coarser date can
mean ("July 2020" is a bar from its first to its last day), so the chart never claims more
precision than the source had. The table on the same page carries the same numbers as text.
"""

from django.utils.html import format_html, format_html_join

WIDTH = 720
LABEL_WIDTH = 220
RIGHT_PAD = 40
ROW_HEIGHT = 26
TOP = 34
BOTTOM = 36
TICKS = 5


def _scale(min_day, max_day):
    span = max(max_day - min_day, 1)
    plot = WIDTH - LABEL_WIDTH - RIGHT_PAD

    def x(day):
        return LABEL_WIDTH + plot * (day - min_day) / span

    return x


def _tick_days(min_day, max_day):
    """Ticks at 0 and at round steps on either side of it (a response can precede the law)."""
    step = max(-(-(max_day - min_day) // TICKS), 1)
    below = list(range(-step, min_day - 1, -step))
    return sorted([*below, *range(0, max_day + 1, step)])


def _n(value):
    """A coordinate as text (``format_html`` escapes its arguments into strings first)."""
    return f"{value:.1f}"


def _label(text, limit=30):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def response_chart(story, *, title_id="response-chart-title", desc_id="response-chart-desc"):
    """The SVG (a SafeString) for ``selectors.law_story(...)``; "" when there is nothing to draw."""
    rows = [r for r in story.responses if r.days_from is not None]
    if not rows or story.passed is None:
        return ""
    min_day = min(0, *(r.days_from for r in rows))
    max_day = max(1, *(r.days_to for r in rows))
    x = _scale(min_day, max_day)
    height = TOP + ROW_HEIGHT * len(rows) + BOTTOM
    axis_y = TOP + ROW_HEIGHT * len(rows) + 4

    ticks = format_html_join(
        "",
        '<line class="tick" x1="{0}" y1="{1}" x2="{0}" y2="{2}"></line>'
        '<text class="tick-label" x="{0}" y="{3}" text-anchor="middle">{4}</text>',
        ((_n(x(day)), TOP - 6, axis_y, axis_y + 16, day) for day in _tick_days(min_day, max_day)),
    )
    marks = []
    for index, row in enumerate(rows):
        y = TOP + ROW_HEIGHT * index + ROW_HEIGHT / 2
        event = row.event
        when = (
            f"day {row.days_from}"
            if row.days_from == row.days_to
            else f"days {row.days_from} to {row.days_to}"
        )
        if row.days_from == row.days_to:
            shape = format_html(
                '<circle class="mark" cx="{}" cy="{}" r="6"></circle>', _n(x(row.days_from)), _n(y)
            )
        else:
            shape = format_html(
                '<rect class="mark range" x="{}" y="{}" width="{}" height="10" rx="5"></rect>',
                _n(x(row.days_from)),
                _n(y - 5),
                _n(max(x(row.days_to) - x(row.days_from), 4)),
            )
        marks.append(
            format_html(
                '<g class="row"><title>{}: {} ({})</title>'
                '<text class="row-label" x="{}" y="{}" text-anchor="end">{}</text>{}</g>',
                event.actor.name,
                event.title,
                when,
                LABEL_WIDTH - 10,
                _n(y + 4),
                _label(event.actor.name),
                shape,
            )
        )
    return format_html(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        'role="img" aria-labelledby="{title_id} {desc_id}">'
        '<title id="{title_id}">Responses to {law}, in days after it passed</title>'
        '<desc id="{desc_id}">{count} responses; day 0 is {passed}. A dot is an exact day, '
        "a bar the range a less precise date can mean.</desc>"
        '<line class="axis" x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}"></line>'
        '<line class="passed" x1="{zero}" y1="{top}" x2="{zero}" y2="{axis_y}"></line>'
        "{ticks}{marks}"
        '<text class="axis-label" x="{middle}" y="{label_y}" text-anchor="middle">'
        "days after the law passed</text></svg>",
        width=WIDTH,
        height=height,
        title_id=title_id,
        desc_id=desc_id,
        law=str(story.law),
        count=len(rows),
        passed=story.passed.date_start.isoformat(),
        left=LABEL_WIDTH,
        zero=_n(x(0)),
        right=WIDTH - RIGHT_PAD,
        top=TOP - 10,
        axis_y=axis_y,
        ticks=ticks,
        marks=format_html_join("", "{}", ((m,) for m in marks)),
        middle=_n(LABEL_WIDTH + (WIDTH - LABEL_WIDTH - RIGHT_PAD) / 2),
        label_y=height - 4,
    )
