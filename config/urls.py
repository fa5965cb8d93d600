from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from timeline.language import choose_language
from timeline.login_throttle import ThrottledAdminAuthenticationForm

admin.site.site_header = "Policy Timeline"
admin.site.site_title = "Policy Timeline admin"
admin.site.index_title = "Events, organizations, laws and imports"
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("language/", choose_language, name="choose_language"),
    # The public pages: English at /, the other languages of settings.LANGUAGES under /<code>/.
    *i18n_patterns(path("", include("timeline.urls")), prefix_default_language=False),
]

# Under /api/ errors are JSON in the API's one shape; elsewhere Django's own pages.
handler404 = "api.exceptions.handler404"
handler500 = "api.exceptions.handler500"
