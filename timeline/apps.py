from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Policy timeline"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache, login_throttle  # noqa: F401  (login_throttle connects its receivers)

        cache.watch_content_models()
