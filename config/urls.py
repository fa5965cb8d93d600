from django.contrib import admin
from django.urls import include, path

from timeline.login_throttle import ThrottledAdminAuthenticationForm

admin.site.site_header = "Policy Timeline"
admin.site.site_title = "Policy Timeline admin"
admin.site.index_title = "Events, organizations, laws and imports"
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("timeline.urls")),
]

# Under /api/ errors are JSON in the API's one shape; elsewhere Django's own pages.
handler404 = "api.exceptions.handler404"
handler500 = "api.exceptions.handler500"
