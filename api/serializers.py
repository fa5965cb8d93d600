"""API representations. Reads render rows loaded by the views with their relations (a fixed
number of queries per page); writes validate the shape and hand the values to
``timeline.services.save_event``, which owns every rule about events.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from timeline.models import (
    ActionType,
    Event,
    EventStatus,
    ImportBatch,
    ImportRow,
    Jurisdiction,
    Law,
    Organization,
    OrganizationKind,
    Precision,
    Source,
)
from timeline.selectors import can_see_unpublished


def absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def _organization(org):
    parent = org.parent
    return {
        "id": org.pk,
        "name": org.name,
        "kind": org.kind,
        "parent": {"id": parent.pk, "name": parent.name} if parent is not None else None,
    }


_datetime_field = serializers.DateTimeField()


def _datetime(value):
    return _datetime_field.to_representation(value)


# --- small nested shapes -------------------------------------------------------------------------


class OrganizationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class OrganizationNestedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=OrganizationKind.choices)
    parent = OrganizationRefSerializer(allow_null=True)


class JurisdictionNestedSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class LawNestedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class EventRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    title = serializers.CharField()

    def get_url(self, event) -> str:
        return absolute(self.context.get("request"), reverse("api:event-detail", args=[event.pk]))


class CitationSerializer(serializers.Serializer):
    url = serializers.URLField(source="source.url")
    outlet = serializers.CharField(source="source.outlet")
    title = serializers.CharField(source="source.title")
    published = serializers.DateField(source="source.published", allow_null=True)
    quote = serializers.CharField()


class JurisdictionCodeField(serializers.SlugRelatedField):
    """A jurisdiction by its ISO 3166 code, in any case ("hk" is HK)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=Jurisdiction.objects.all(), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = data.strip().upper()
        return super().to_internal_value(data)


# --- events ------------------------------------------------------------------------------------


class EventSerializer(serializers.ModelSerializer):
    """An event as DESIGN.md's "API event fields" list it."""

    url = serializers.SerializerMethodField()
    date = serializers.SerializerMethodField(
        help_text='ISO 8601 / EDTF at the precision the source gave: "2020", "2020-07", "2020-07-06", '
        '"2020-W28", "2020-35" (Q3), "202X"; "~" appended when approximate.'
    )
    actor = OrganizationNestedSerializer()
    organizations = OrganizationNestedSerializer(many=True)
    jurisdiction = JurisdictionNestedSerializer(allow_null=True)
    law = LawNestedSerializer(allow_null=True)
    responds_to = serializers.SerializerMethodField(
        help_text="The event this one answers, when it is visible."
    )
    sources = CitationSerializer(source="citations", many=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "external_id",
            "url",
            "title",
            "summary",
            "action_type",
            "date",
            "date_precision",
            "date_start",
            "date_end",
            "date_approximate",
            "date_text",
            "actor",
            "organizations",
            "jurisdiction",
            "law",
            "responds_to",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, event):
        """The declared fields, built directly: DRF's generic nesting costs most of a list page."""
        request = self.context.get("request")
        actor = event.actor
        responds_to = self.get_responds_to(event)
        return {
            "id": event.pk,
            "external_id": event.external_id,
            "url": self._event_url(request, event.pk),
            "title": event.title,
            "summary": event.summary,
            "action_type": event.action_type,
            "date": event.date_edtf,
            "date_precision": event.date_precision,
            "date_start": event.date_start.isoformat(),
            "date_end": event.date_end.isoformat(),
            "date_approximate": event.date_approximate,
            "date_text": event.date_text,
            "actor": _organization(actor),
            "organizations": [_organization(org) for org in event.organizations.all()],
            "jurisdiction": (
                {"code": event.jurisdiction.code, "name": event.jurisdiction.name}
                if event.jurisdiction
                else None
            ),
            "law": {"id": event.law.pk, "title": event.law.title} if event.law else None,
            "responds_to": responds_to,
            "sources": [
                {
                    "url": citation.source.url,
                    "outlet": citation.source.outlet,
                    "title": citation.source.title,
                    "published": citation.source.published.isoformat() if citation.source.published else None,
                    "quote": citation.quote,
                }
                for citation in event.citations.all()
            ],
            "created_at": _datetime(event.created_at),
            "updated_at": _datetime(event.updated_at),
        }

    def _event_url(self, request, pk):
        if "event_url_prefix" not in self.context:
            sample = absolute(request, reverse("api:event-detail", args=[0]))
            self.context["event_url_prefix"] = sample[: sample.rfind("/0/") + 1]
        return f"{self.context['event_url_prefix']}{pk}/"

    def get_url(self, event) -> str:
        return absolute(self.context.get("request"), reverse("api:event-detail", args=[event.pk]))

    def get_date(self, event) -> str:
        return event.date_edtf

    @extend_schema_field(EventRefSerializer(allow_null=True))
    def get_responds_to(self, event):
        target = event.responds_to
        if target is None:
            return None
        if target.status != EventStatus.PUBLISHED and not self._sees_unpublished():
            return None
        return EventRefSerializer(target, context=self.context).data

    def _sees_unpublished(self):
        if "sees_unpublished" not in self.context:
            request = self.context.get("request")
            self.context["sees_unpublished"] = can_see_unpublished(getattr(request, "user", None))
        return self.context["sees_unpublished"]


class SourceInputSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=1000)
    outlet = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    title = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    published = serializers.DateField(required=False, allow_null=True, default=None)
    quote = serializers.CharField(required=False, allow_blank=True, default="")
    speaker = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class LanguageField(serializers.RegexField):
    """A language tag (BCP 47 shape: en, zh-Hant, es-419), answered in lower case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 35)
        super().__init__(
            r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
            error_messages={"invalid": "Use a language code such as en, zh-Hant or es-419."},
            **kwargs,
        )

    def to_internal_value(self, data):
        return super().to_internal_value(data).lower()


class EventWriteSerializer(serializers.Serializer):
    """What a client sends to create or change an event. The date is given as written
    (``date_text``); the server normalizes it, reading it in ``language`` (optional) and the
    jurisdiction's date order, and relative text against ``date_reference``."""

    title = serializers.CharField(max_length=300)
    summary = serializers.CharField(required=False, allow_blank=True)
    action_type = serializers.ChoiceField(choices=ActionType.choices)
    actor = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    organizations = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), many=True, required=False
    )
    jurisdiction = JurisdictionCodeField(required=False, allow_null=True)
    law = serializers.PrimaryKeyRelatedField(queryset=Law.objects.all(), required=False, allow_null=True)
    responds_to = serializers.PrimaryKeyRelatedField(
        queryset=Event.objects.all(), required=False, allow_null=True
    )
    date_text = serializers.CharField(max_length=200, help_text='The date as written: "early July 2020".')
    date_reference = serializers.DateField(
        required=False, allow_null=True, help_text="What relative text is read against (the source's date)."
    )
    language = LanguageField(
        required=False, allow_blank=True, write_only=True, help_text="Language of date_text (en, zh-Hant)."
    )
    status = serializers.ChoiceField(
        choices=EventStatus.choices,
        required=False,
        help_text="draft by default; publishing, unpublishing and retracting need the publish right.",
    )
    retraction_note = serializers.CharField(
        required=False, allow_blank=True, help_text="Required to retract: what was wrong and why."
    )
    external_id = serializers.CharField(max_length=200, required=False, allow_blank=True)
    sources = SourceInputSerializer(
        many=True, required=False, help_text="Replaces the event's sources when given."
    )


class DateNormalizeQuerySerializer(serializers.Serializer):
    text = serializers.CharField(max_length=200, help_text='The date as written: "Monday, July 6, 2020".')
    reference = serializers.DateField(
        required=False, help_text="YYYY-MM-DD that relative text is read against."
    )
    jurisdiction = JurisdictionCodeField(required=False, help_text="ISO 3166 code.")
    language = LanguageField(required=False, help_text="Language of the text (en, zh-Hant); else detected.")


class NormalizedDateSerializer(serializers.Serializer):
    date = serializers.CharField(help_text="EDTF at the precision of the text, ~ when approximate.")
    precision = serializers.CharField(help_text=f"One of: {', '.join(Precision.values)}.")
    start = serializers.DateField()
    end = serializers.DateField()
    approximate = serializers.BooleanField()
    ambiguous = serializers.BooleanField(help_text="True when the text can be read two ways: review it.")


class RemovedQuerySerializer(serializers.Serializer):
    since = serializers.DateTimeField()


class RemovalSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The event's id.")
    reason = serializers.ChoiceField(choices=["deleted", "retracted", "unpublished"])
    at = serializers.DateTimeField(help_text="When it left the public timeline (or was last changed since).")


# --- reference data ------------------------------------------------------------------------------


class OrganizationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    parent = OrganizationRefSerializer(allow_null=True)
    jurisdiction = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    events = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = ["id", "url", "name", "slug", "kind", "parent", "jurisdiction", "website", "events"]

    def get_url(self, organization) -> str:
        return absolute(
            self.context.get("request"), reverse("api:organization-detail", args=[organization.pk])
        )

    def get_events(self, organization) -> str:
        return absolute(
            self.context.get("request"), reverse("api:organization-events", args=[organization.pk])
        )


class LawSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    jurisdiction = JurisdictionNestedSerializer(allow_null=True)
    enacting_body = OrganizationRefSerializer(allow_null=True)
    events = serializers.SerializerMethodField()

    class Meta:
        model = Law
        fields = [
            "id",
            "url",
            "title",
            "short_title",
            "slug",
            "jurisdiction",
            "enacting_body",
            "status",
            "official_url",
            "events",
        ]

    def get_url(self, law) -> str:
        return absolute(self.context.get("request"), reverse("api:law-detail", args=[law.pk]))

    def get_events(self, law) -> str:
        return absolute(self.context.get("request"), reverse("api:law-events", args=[law.pk]))


class JurisdictionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Jurisdiction
        fields = ["code", "name", "parent", "date_order", "languages"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "url", "outlet", "title", "published", "archive_url"]


# --- imports -----------------------------------------------------------------------------------


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A CSV, JSON (list of objects) or NDJSON file of events.")
    format = serializers.ChoiceField(
        choices=["csv", "json", "ndjson"],
        required=False,
        help_text="Told by the file's extension when absent.",
    )


class ImportRowSerializer(serializers.ModelSerializer):
    event = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    messages = serializers.JSONField()
    raw = serializers.JSONField()

    class Meta:
        model = ImportRow
        fields = ["row_number", "status", "messages", "raw", "event"]


class ImportCountsSerializer(serializers.Serializer):
    pending = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    needs_review = serializers.IntegerField()
    failed = serializers.IntegerField()


class ImportBatchSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField(
        help_text="Share of rows processed, 0.0 to 1.0 (0.0 while the file is read: status staging)."
    )
    counts = serializers.SerializerMethodField()
    rows_needing_review = serializers.SerializerMethodField(
        help_text="Rows that need review or failed, first 100 by row number."
    )
    messages = serializers.JSONField()

    class Meta:
        model = ImportBatch
        fields = [
            "id",
            "url",
            "file_name",
            "format",
            "status",
            "created_at",
            "started_at",
            "finished_at",
            "file_size",
            "bytes_staged",
            "total_rows",
            "progress",
            "counts",
            "messages",
            "rows_needing_review",
        ]

    def get_url(self, batch) -> str:
        return absolute(self.context.get("request"), reverse("api:import-detail", args=[batch.pk]))

    @extend_schema_field(OpenApiTypes.DOUBLE)
    def get_progress(self, batch):
        counts = self.context.get("counts") or {}
        if not batch.total_rows:
            return 1.0 if batch.status in ("done", "failed") else 0.0
        done = batch.total_rows - counts.get("pending", 0)
        return round(max(0, min(done, batch.total_rows)) / batch.total_rows, 4)

    @extend_schema_field(ImportCountsSerializer)
    def get_counts(self, batch):
        return self.context.get("counts") or {}

    @extend_schema_field(ImportRowSerializer(many=True))
    def get_rows_needing_review(self, batch):
        return ImportRowSerializer(self.context.get("review_rows") or [], many=True).data


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(
        required=False, child=serializers.JSONField(), help_text="Messages per parameter or body field."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
