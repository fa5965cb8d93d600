from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import extract, views
from .exceptions import not_found

app_name = "api"


class Router(DefaultRouter):
    include_root_view = False
    include_format_suffixes = False


router = Router()
router.register("events", views.EventViewSet, basename="event")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("laws", views.LawViewSet, basename="law")
router.register("jurisdictions", views.JurisdictionViewSet, basename="jurisdiction")
router.register("sources", views.SourceViewSet, basename="source")
router.register("imports", views.ImportViewSet, basename="import")

# The documentation UIs set styles from their scripts and Redoc searches in a worker; the rest of
# the site keeps the strict policy of settings.CONTENT_SECURITY_POLICY.
docs_csp = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["blob:"], "img-src": ["data:"]})

v1 = [
    path("dates/normalize/", views.DateNormalizeView.as_view(), name="date-normalize"),
    path("extract/", extract.ExtractView.as_view(), name="extract"),
    *router.urls,
]

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs_csp(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path("redoc/", docs_csp(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    re_path(r"^.*$", not_found),
]
