"""Every signal receiver of the app, connected in one place: ``connect()``, called once from
``TimelineConfig.ready()``.

- A deleted event leaves a tombstone (its id) so that API mirrors drop it (the sync feed).
- Any write to public content bumps the cache's content version after commit (``timeline.cache``).
- Failed logins are counted and a successful one forgets its username's count
  (``timeline.login_throttle``).
- Every model's text fields lose their control characters before they are written
  (``timeline.control_characters``).
- A saved or deleted jurisdiction makes every process reload its date contexts
  (``timeline.jurisdictions``).
- ``migrate`` leaves the jurisdiction name index stored for the installed package versions, so
  that no web or worker process pays its build (seconds) on a request.
"""

from django.apps import apps
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save
from django.utils import timezone

from . import cache, login_throttle
from .control_characters import clean_text_fields
from .jurisdictions.context import jurisdictions_changed
from .jurisdictions.names import name_index
from .models import (
    Citation,
    Event,
    EventTombstone,
    Jurisdiction,
    Law,
    Organization,
    OrganizationName,
    Source,
)

# What the public pages and API lists show: a write to any of them makes cached reads stale.
CONTENT_MODELS = (Event, Citation, Source, Organization, OrganizationName, Law, Jurisdiction)


def record_event_deletion(sender, instance, **kwargs):
    EventTombstone.objects.update_or_create(
        event_id=instance.pk, defaults={"external_id": instance.external_id, "deleted_at": timezone.now()}
    )


def store_name_index(sender, **kwargs):
    name_index()  # read when stored for these versions, else built and stored


def connect():
    post_delete.connect(record_event_deletion, sender=Event, dispatch_uid="timeline_event_tombstone")
    for model in CONTENT_MODELS:
        post_save.connect(cache.content_changed, sender=model, dispatch_uid=f"cache-save-{model.__name__}")
        post_delete.connect(
            cache.content_changed, sender=model, dispatch_uid=f"cache-delete-{model.__name__}"
        )
    m2m_changed.connect(cache.content_changed, sender=Event.organizations.through, dispatch_uid="cache-m2m")
    user_login_failed.connect(login_throttle.count_failed_login, dispatch_uid="timeline_login_failed")
    user_logged_in.connect(login_throttle.forget_failed_logins, dispatch_uid="timeline_logged_in")
    for model in apps.get_app_config("timeline").get_models():
        pre_save.connect(clean_text_fields, sender=model, dispatch_uid=f"clean-text-{model._meta.label}")
    post_save.connect(jurisdictions_changed, sender=Jurisdiction, dispatch_uid="jurisdictions-changed")
    post_delete.connect(jurisdictions_changed, sender=Jurisdiction, dispatch_uid="jurisdictions-deleted")
    post_migrate.connect(
        store_name_index, sender=apps.get_app_config("timeline"), dispatch_uid="jurisdiction-name-index"
    )
