from functools import wraps

from csp.decorators import csp_replace
from django.conf import settings
from django.urls import path
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt

from . import exports, feeds, views
from .cache import cache_public_response

app_name = "timeline"


def cached(prefix, view):
    """Anonymous 200s cached per content version (off unless PUBLIC_CACHE_SECONDS; see cache.py).

    Browsers and proxies may reuse a page for PUBLIC_PAGE_MAX_AGE seconds, then revalidate it with
    its ETag (ConditionalGetMiddleware answers 304 while the page is the same).
    """
    view = cache_public_response(f"pages:{prefix}")(view)

    @wraps(view)
    def with_cache_control(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not request.user.is_authenticated:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        return response

    return with_cache_control


def frameable(view):
    """The one page other sites may put in an ``<iframe>``; every other page refuses to be framed."""
    return xframe_options_exempt(csp_replace({"frame-ancestors": ["*"]})(view))


urlpatterns = [
    path("", cached("timeline", views.TimelineView.as_view()), name="timeline"),
    path("embed/", frameable(cached("embed", views.EmbedView.as_view())), name="embed"),
    path("oembed/", cached("oembed", views.oembed), name="oembed"),
    path("search/entities/", cached("entities", views.entity_suggestions), name="entity_suggestions"),
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
