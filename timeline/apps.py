from django.apps import AppConfig
from django.db.models.signals import pre_save

from .control_characters import clean_text_fields


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Policy timeline"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache, login_throttle  # noqa: F401  (login_throttle connects its receivers)

        cache.watch_content_models()
        for model in self.get_models():
            pre_save.connect(clean_text_fields, sender=model, dispatch_uid=f"clean-text-{model._meta.label}")
