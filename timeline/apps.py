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
        self._watch_jurisdictions()

    def _watch_jurisdictions(self):
        from django.db.models.signals import post_delete, post_save

        from .jurisdictions.context import jurisdictions_changed
        from .models import Jurisdiction

        post_save.connect(jurisdictions_changed, sender=Jurisdiction, dispatch_uid="jurisdictions-changed")
        post_delete.connect(jurisdictions_changed, sender=Jurisdiction, dispatch_uid="jurisdictions-deleted")
