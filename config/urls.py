from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Policy Timeline"
admin.site.site_title = "Policy Timeline admin"
admin.site.index_title = "Events, organizations, laws and imports"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("timeline.urls")),
]
