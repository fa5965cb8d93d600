from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import path
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

# admin_articles and admin_imports register their admin views when imported.
from . import admin_articles, admin_imports, dates, services  # noqa: F401
from .jurisdictions.names import name_index
from .jurisdictions.refresh import TRACKED
from .models import (
    Citation,
    Event,
    EventStatus,
    Jurisdiction,
    Law,
    Organization,
    OrganizationName,
    Source,
)
from .selectors import named_by_public_event


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    """Thousands of rows: found by search (code or name), picked elsewhere by autocomplete."""

    list_display = ["code", "name", "kind", "parent", "date_order", "languages", "overrides"]
    list_filter = ["kind", "date_order"]
    search_fields = ["^code", "name"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    list_per_page = 100
    readonly_fields = ["standard"]

    @admin.display(description="editor overrides")
    def overrides(self, jurisdiction):
        standard = jurisdiction.standard or {}
        changed = [
            name for name in TRACKED if name in standard and getattr(jurisdiction, name) != standard[name]
        ]
        return ", ".join(changed) or "-"

    def get_search_results(self, request, queryset, search_term):
        """A name in any language (Deutschland, ドイツ) also finds the jurisdiction it names."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        code = name_index().code(search_term) if search_term.strip() else None
        if code is not None:
            results = results | queryset.filter(code=code)
        return results, may_have_duplicates


def reviewer_owned_fact(request, fact):
    """Whether ``fact`` (an organization, law or source) is named by a public event and so only a
    reviewer may change it."""
    if fact is None or fact.pk is None or services.can_publish(request.user):
        return False
    known = request.__dict__.setdefault("_named_by_public_event", {})  # asked several times a request
    key = (type(fact), fact.pk)
    if key not in known:
        known[key] = named_by_public_event(fact)
    return bool(services.public_fact_errors(request.user, named_by_public_event=known[key]))


class PublicFactsAreReviewers:
    """Editors read, but do not change or delete, what a public event names."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not reviewer_owned_fact(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not reviewer_owned_fact(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        fact = self.get_object(request, object_id)
        if request.method == "GET" and reviewer_owned_fact(request, fact):
            errors = services.public_fact_errors(request.user, named_by_public_event=True)
            self.message_user(request, errors[0], messages.INFO)
        return super().change_view(request, object_id, form_url, extra_context)


class OrganizationNameInline(admin.TabularInline):
    model = OrganizationName
    extra = 1

    # ``obj`` is the organization: its other names are part of it.
    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and not reviewer_owned_fact(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not reviewer_owned_fact(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not reviewer_owned_fact(request, obj)


@admin.register(Organization)
class OrganizationAdmin(PublicFactsAreReviewers, SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent", "jurisdiction", "event_count"]
    list_filter = ["kind", "jurisdiction"]
    search_fields = ["name", "other_names__name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "jurisdiction"]
    list_select_related = ["parent", "jurisdiction"]
    inlines = [OrganizationNameInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events")).order_by("name")

    @admin.display(ordering="event_count", description="events")
    def event_count(self, organization):
        return organization.event_count


@admin.register(Law)
class LawAdmin(PublicFactsAreReviewers, SimpleHistoryAdmin):
    list_display = ["title", "short_title", "jurisdiction", "status", "enacting_body"]
    list_filter = ["status", "jurisdiction"]
    search_fields = ["title", "short_title"]
    prepopulated_fields = {"slug": ["short_title"]}
    autocomplete_fields = ["jurisdiction", "enacting_body"]
    list_select_related = ["jurisdiction", "enacting_body"]


@admin.register(Source)
class SourceAdmin(PublicFactsAreReviewers, SimpleHistoryAdmin):
    list_display = ["__str__", "outlet", "published", "normalized_url"]
    list_filter = ["outlet"]
    search_fields = ["title", "url", "normalized_url", "outlet"]
    date_hierarchy = "published"
    readonly_fields = ["normalized_url"]


class CitationFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("source")
        ]
        errors = services.source_required_errors(self.instance.status, has_source=bool(kept))
        if errors:
            raise ValidationError(f"{errors[0].rstrip('.')}: add a citation or save as draft.")


def reviewer_owned(request, event):
    """Whether ``event`` is published or retracted and so only a reviewer may change it."""
    return event is not None and bool(services.change_errors(request.user, event.status))


class CitationInline(admin.StackedInline):
    model = Citation
    formset = CitationFormSet
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["source", "quote", "speaker"]

    def has_add_permission(self, request, obj):
        return not reviewer_owned(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not reviewer_owned(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not reviewer_owned(request, obj) and super().has_delete_permission(request, obj)


class EventAdminForm(forms.ModelForm):
    change_note = forms.CharField(
        required=False,
        max_length=100,
        help_text="What changed and why, in a line; kept in the history and shown with the event.",
    )
    image_url = forms.URLField(
        required=False, max_length=1000, assume_scheme="https", help_text="A picture's address (https)."
    )
    user = None  # set per request by EventAdmin.get_form

    class Meta:
        model = Event
        fields = [
            "title",
            "summary",
            "action_type",
            "status",
            "actor",
            "organizations",
            "jurisdiction",
            "law",
            "responds_to",
            "date_text",
            "date_reference",
            "retraction_note",
            "image_url",
            "image",
            "image_alt",
            "image_credit",
            "image_caption",
        ]
        help_texts = {
            "date_text": 'Type the date as the source wrote it: "Monday, July 6, 2020", "early July 2020", '
            '"last Monday" (with the reference date below).',
        }

    def clean(self):
        cleaned = super().clean()
        if "status" in cleaned:
            old_status = self.initial.get("status", Event._meta.get_field("status").default)
            for message in services.status_change_errors(
                self.user, old_status, cleaned["status"], retraction_note=cleaned.get("retraction_note", "")
            ):
                self.add_error("status", message)
        if "date_text" not in cleaned:
            return cleaned
        self.instance.date_text = cleaned["date_text"]
        self.instance.jurisdiction = cleaned.get("jurisdiction")
        try:
            normalized = services.apply_date_text(self.instance, reference=cleaned.get("date_reference"))
        except dates.DateNormalizationError as error:
            self.add_error("date_text", str(error))
            return cleaned
        if normalized.ambiguous and cleaned.get("status") == EventStatus.PUBLISHED:
            message = services.ambiguous_date_message(cleaned["date_text"], normalized)
            self.add_error("date_text", f"{message}; or save it as a draft.")
        return cleaned


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventAdminForm
    list_display = ["title", "display_date", "date_precision", "actor", "action_type", "law", "status"]
    list_filter = ["status", "action_type", "date_precision", "date_approximate", "jurisdiction"]
    search_fields = ["title", "summary", "external_id", "actor__name", "law__title", "date_text"]
    date_hierarchy = "date_start"
    list_select_related = ["actor", "law"]
    autocomplete_fields = ["actor", "organizations", "jurisdiction", "law", "responds_to"]
    readonly_fields = ["normalized_date", "external_id", "created_at", "updated_at"]
    inlines = [CitationInline]
    actions = ["publish", "unpublish"]
    list_per_page = 100
    fieldsets = [
        (None, {"fields": ["title", "summary", "action_type", "status", "retraction_note", "change_note"]}),
        ("Who and where", {"fields": ["actor", "organizations", "jurisdiction", "law", "responds_to"]}),
        ("Date", {"fields": ["date_text", "date_reference", "normalized_date"]}),
        ("Image", {"fields": ["image_url", "image", "image_alt", "image_credit", "image_caption"]}),
        ("Record", {"fields": ["external_id", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(ordering="date_start", description="date")
    def display_date(self, event):
        return event.date_display

    @admin.display(description="read as")
    def normalized_date(self, event):
        if event.pk is None or event.date_start is None:
            return "Shown after saving."
        return describe_date(event)

    def get_urls(self):
        def from_article(request):
            return admin_articles.article_view(self, request)

        view = path(
            "from-article/", self.admin_site.admin_view(from_article), name="timeline_event_from_article"
        )
        return [view, *super().get_urls()]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        return form

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not services.can_publish(request.user):
            fields = [*fields, "status", "retraction_note"]
        return fields

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        # An editor reads a published or retracted event here but cannot change it.
        return not reviewer_owned(request, obj) and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj._change_reason = form.cleaned_data.get("change_note") or ("Changed" if change else "Created")
        super().save_model(request, obj, form, change)
        self.message_user(request, f"Date {obj.date_text!r} read as {describe_date(obj)}.")
        if obj.date_ambiguous:
            self.message_user(
                request,
                f"{obj.date_text!r} can be read two ways; it stays a draft until a person confirms it.",
                messages.WARNING,
            )

    @admin.action(permissions=["publish"], description="Publish selected events")
    def publish(self, request, queryset):
        published, skipped = services.publish_events(queryset)
        self.message_user(
            request, ngettext("%d event published.", "%d events published.", published) % published
        )
        if skipped:
            names = ", ".join(str(event) for event in skipped[:10])
            self.message_user(
                request,
                f"Not published (no source, or a date that needs review): {names}",
                messages.WARNING,
            )

    @admin.action(permissions=["publish"], description="Unpublish selected events (back to draft)")
    def unpublish(self, request, queryset):
        count = services.unpublish_events(queryset)
        self.message_user(request, ngettext("%d event unpublished.", "%d events unpublished.", count) % count)


def describe_date(event):
    """The date as shown, with what it was read as: "July 2020 (2020-07-01 to 2020-07-31, ...)"."""
    shown = event.date_display
    span = (
        event.date_start.isoformat()
        if event.date_start == event.date_end
        else f"{event.date_start.isoformat()} to {event.date_end.isoformat()}"
    )
    qualifiers = [event.date_precision + " precision"]
    if event.date_approximate:
        qualifiers.append("approximate")
    if event.date_ambiguous:
        qualifiers.append("ambiguous")
    return f"{shown} ({span}, {', '.join(qualifiers)})"
