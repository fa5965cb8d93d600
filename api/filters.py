"""Query filters. Event filters mean exactly what the public pages' filters mean: the parsed
values are handed to ``timeline.selectors.EventFilters``.

A reference to something that does not exist (``organization=999999``, ``jurisdiction=ZZ``) is a
400 naming the parameter, never an empty page: a typo in a script should not look like "no
events". Organizations and laws are named by id or slug, jurisdictions by code.
"""

import datetime

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from timeline.jurisdictions.lookup import find_jurisdiction, suggest_jurisdictions
from timeline.models import (
    ActionType,
    Event,
    Jurisdiction,
    Law,
    LawStatus,
    Organization,
    OrganizationKind,
    Source,
)
from timeline.selectors import EventFilters, FilterError, laws_visible_to, organizations_visible_to

MAX_TEXT = 200


class IdOrSlugField(forms.CharField):
    """An id (digits) or a slug naming one row of ``model``."""

    def __init__(self, *, model, slug_field="slug", **kwargs):
        self.model, self.slug_field = model, slug_field
        super().__init__(max_length=MAX_TEXT, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        if value.isdigit():
            lookup = {"pk": int(value)} if len(value) < 19 else None
        else:
            lookup = {self.slug_field: value}
        found = self.model.objects.filter(**lookup).first() if lookup else None
        if found is None:
            raise no_such(self.model, value)
        return found


def no_such(model, value):
    # Values go in params: django-filter %-formats the message, and "%s" is a valid slug.
    return forms.ValidationError(
        "No %(model)s with id or slug %(value)s.",
        params={"model": model._meta.verbose_name, "value": repr(value)},
    )


class OnlyVisibleReferences:
    """A FilterSet mixin: an organization or law the requester may not see (named only by drafts)
    is answered exactly as one that does not exist, so its id or slug cannot be probed."""

    visible_references = {}  # filter name -> function(user) -> the queryset that user may see

    def filter_queryset(self, queryset):
        user = getattr(self.request, "user", None)
        for name, visible in self.visible_references.items():
            found = self.form.cleaned_data.get(name)
            if found is not None and not visible(user).filter(pk=found.pk).exists():
                error = no_such(found._meta.model, self.form.data.get(name, ""))
                raise ValidationError({name: [error.message % error.params]})
        return super().filter_queryset(queryset)


class CodeField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        found = find_jurisdiction(value)
        if found is None:
            suggestions = suggest_jurisdictions(value)
            raise forms.ValidationError(
                "No jurisdiction with code or name %(value)s%(hint)s; use an ISO 3166 code (HK, US-MT), "
                "a body's code (EU) or a name.",
                params={
                    "value": repr(value),
                    "hint": f" (did you mean {' or '.join(suggestions)}?)" if suggestions else "",
                },
            )
        return found


class UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date-time, as UTC: databases keep only some offsets (PostgreSQL refuses one of
    -19:25), and a time that is not on the calendar once in UTC is a 400."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError) as error:
            raise forms.ValidationError(
                "%(value)s is out of range once in UTC.", params={"value": value}
            ) from error


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class PassThrough:
    """A filter that only parses its value; ``EventFilter`` hands it to ``EventFilters``."""

    def filter(self, qs, value):
        return qs


class ReferenceFilter(django_filters.Filter):
    """Resolves an id or slug to a row of ``model`` (400 when there is none)."""

    field_class = IdOrSlugField


@extend_schema_field(OpenApiTypes.STR)
class JurisdictionCodeFilter(django_filters.Filter):
    field_class = CodeField


@extend_schema_field(OpenApiTypes.STR)
class EventReferenceFilter(PassThrough, ReferenceFilter):
    pass


@extend_schema_field(OpenApiTypes.STR)
class OrganizationReferenceFilter(ReferenceFilter):
    pass


@extend_schema_field(OpenApiTypes.STR)
class EventJurisdictionFilter(PassThrough, JurisdictionCodeFilter):
    pass


class EventChoiceFilter(PassThrough, django_filters.ChoiceFilter):
    pass


class EventTextFilter(PassThrough, django_filters.CharFilter):
    pass


class EventFilter(OnlyVisibleReferences, django_filters.FilterSet):
    visible_references = {
        "actor": organizations_visible_to,
        "organization": organizations_visible_to,
        "law": laws_visible_to,
    }
    actor = EventReferenceFilter(
        model=Organization,
        help_text="Organization id or slug: events where it is the actor (no subsidiaries).",
    )
    organization = EventReferenceFilter(
        model=Organization,
        help_text="Organization id or slug: events where it or one of its subsidiaries acts or is involved.",
    )
    law = EventReferenceFilter(model=Law, help_text="Law id or slug.")
    jurisdiction = EventJurisdictionFilter(help_text="Jurisdiction code (ISO 3166): HK, US-MT, EU.")
    action_type = EventChoiceFilter(choices=ActionType.choices)
    date_after = EventTextFilter(
        max_length=MAX_TEXT,
        help_text='Events whose date range reaches this date or later: "2020", "July 2020", "2020-06-30".',
    )
    date_before = EventTextFilter(
        max_length=MAX_TEXT, help_text="Events whose date range starts on or before this date (same forms)."
    )
    q = EventTextFilter(max_length=MAX_TEXT, help_text="Words that must all appear (title, summary, names).")
    external_id = django_filters.CharFilter(
        max_length=200, method="filter_external_id", help_text="The id the event had in its import file."
    )
    updated_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="ISO 8601 date-time (UTC when no offset): events changed at or after it. For syncing.",
    )

    class Meta:
        model = Event
        fields = []

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        filters = EventFilters(
            q=data.get("q") or "",
            organizations=[data["organization"]] if data.get("organization") else None,
            actors=[data["actor"]] if data.get("actor") else None,
            law=data.get("law"),
            jurisdiction=data.get("jurisdiction"),
            action_type=data.get("action_type") or "",
            date_after=data.get("date_after") or "",
            date_before=data.get("date_before") or "",
        )
        try:
            return filters.apply(queryset)
        except FilterError as error:
            raise ValidationError({error.field: [error.message]}) from error

    def filter_external_id(self, queryset, name, value):
        return queryset.with_external_ids([value])


class OrganizationFilter(OnlyVisibleReferences, django_filters.FilterSet):
    visible_references = {"parent": organizations_visible_to}
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices)
    parent = OrganizationReferenceFilter(
        model=Organization, field_name="parent", help_text="Organization id or slug: its direct subsidiaries."
    )
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", max_length=MAX_TEXT)

    class Meta:
        model = Organization
        fields = []


class LawFilter(django_filters.FilterSet):
    jurisdiction = JurisdictionCodeFilter(help_text="Jurisdiction code (ISO 3166).")
    status = django_filters.ChoiceFilter(choices=LawStatus.choices)
    q = django_filters.CharFilter(method="search", max_length=MAX_TEXT, help_text="Words in the title.")

    class Meta:
        model = Law
        fields = []

    def search(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(title__icontains=word) | queryset.filter(short_title__icontains=word)
        return queryset


class JurisdictionFilter(django_filters.FilterSet):
    parent = JurisdictionCodeFilter(help_text="Jurisdictions inside this one (code).")

    class Meta:
        model = Jurisdiction
        fields = []


class SourceFilter(django_filters.FilterSet):
    outlet = django_filters.CharFilter(lookup_expr="iexact", max_length=MAX_TEXT)
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=MAX_TEXT)

    class Meta:
        model = Source
        fields = []
