from django.urls import path

from . import exports, feeds, views
from .cache import cache_public_response

app_name = "timeline"


def cached(prefix, view):
    """Anonymous 200s cached per content version (off unless PUBLIC_CACHE_SECONDS; see cache.py)."""
    return cache_public_response(f"pages:{prefix}")(view)


urlpatterns = [
    path("", cached("timeline", views.TimelineView.as_view()), name="timeline"),
    path("events/<int:pk>/", cached("event", views.EventDetailView.as_view()), name="event"),
    path(
        "organizations/<slug:slug>/",
        cached("organization", views.OrganizationDetailView.as_view()),
        name="organization",
    ),
    path("laws/<slug:slug>/", cached("law", views.LawDetailView.as_view()), name="law"),
    path(
        "jurisdictions/<str:code>/",
        cached("jurisdiction", views.JurisdictionDetailView.as_view()),
        name="jurisdiction",
    ),
    path("feeds/atom/", cached("atom", feeds.AtomFeed()), name="feed_atom"),
    # Streamed responses are never cached: the calendar, CSV and JSON downloads.
    path("feeds/timeline.ics", feeds.ical_feed, name="feed_ical"),
    path("export/events.csv", exports.csv_export, name="export_csv"),
    path("export/events.json", exports.json_export, name="export_json"),
    path("export/timelinejs.json", cached("timelinejs", exports.timelinejs_export), name="export_timelinejs"),
]
