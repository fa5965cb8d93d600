"""A law's responses counted by how long after the law passed they came, for laws with many.

One row per response (``charts.response_chart``) is readable up to a few dozen responses; beyond
``BIN_ABOVE`` the chart counts them in bins of days after the law passed instead (same day, first
week, first month, first quarter, first year, later, and before), drawn narrow enough to stay
readable on a 390 px phone. A response is binned by the first day its date can mean.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

BIN_ABOVE = 25
WIDTH = 360
LABEL_WIDTH = 130
ROW_HEIGHT = 30
TOP = 8
BAR_HEIGHT = 18


@dataclass
class Bin:
    label: str
    low: int | None  # inclusive; None: open
    high: int | None  # inclusive; None: open
    count: int = 0


def bins_for(responses):
    bins = [
        Bin(_("before it passed"), None, -1),
        Bin(_("the same day"), 0, 0),
        Bin(_("days 1 to 7"), 1, 7),
        Bin(_("days 8 to 30"), 8, 30),
        Bin(_("days 31 to 90"), 31, 90),
        Bin(_("days 91 to 365"), 91, 365),
        Bin(_("after a year"), 366, None),
    ]
    for response in responses:
        if response.days_from is None:
            continue
        for candidate in bins:
            if (candidate.low is None or response.days_from >= candidate.low) and (
                candidate.high is None or response.days_from <= candidate.high
            ):
                candidate.count += 1
                break
    # The "before" row only when something came before.
    return [b for b in bins if b.count or b.low is not None]


def binned_chart(story, *, title_id="response-chart-title", desc_id="response-chart-desc"):
    """The SVG (a SafeString) of ``story``'s responses per bin; "" when none has a day count."""
    bins = bins_for(story.responses)
    total = sum(b.count for b in bins)
    if not total or story.passed is None:
        return ""
    peak = max(b.count for b in bins)
    plot = WIDTH - LABEL_WIDTH - 40
    rows = []
    for index, current in enumerate(bins):
        y = TOP + index * ROW_HEIGHT
        width = plot * current.count / peak
        rows.append(
            (
                LABEL_WIDTH - 8,
                y + BAR_HEIGHT - 4,
                current.label,
                LABEL_WIDTH,
                y,
                f"{width:.1f}",
                BAR_HEIGHT,
                f"{LABEL_WIDTH + width + 6:.1f}",
                y + BAR_HEIGHT - 4,
                current.count,
            )
        )
    height = TOP + len(bins) * ROW_HEIGHT
    return format_html(
        '<svg class="chart binned" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{} {}"><title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        WIDTH,
        height,
        title_id,
        desc_id,
        title_id,
        _("Responses to %(law)s, by days after it passed") % {"law": story.law},
        desc_id,
        "; ".join(f"{b.label}: {b.count}" for b in bins),
        format_html_join(
            "",
            '<text class="row-label" x="{}" y="{}" text-anchor="end">{}</text>'
            '<rect class="mark" x="{}" y="{}" width="{}" height="{}"></rect>'
            '<text class="tick-label" x="{}" y="{}">{}</text>',
            rows,
        ),
    )
