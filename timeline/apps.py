from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Policy timeline"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: the receivers need the models, which are not loaded before ready().
        from . import signals  # noqa: PLC0415

        signals.connect()
