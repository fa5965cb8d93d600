"""REST API v1. Thin: querysets come from ``timeline.selectors``, writes go to
``timeline.services`` and ``timeline.importing``; this module wires them to HTTP.

Who sees what: anonymous clients and tokens without rights on events read the public timeline
only (``Event.objects.public()``). Users with the admin's view or change right on events read
published events by default too, and drafts or retractions only when they ask
(``?status=draft|retracted|all``; anybody else asking gets 403); they can open any event by id.
"""

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import (
    SAFE_METHODS,
    AllowAny,
    DjangoModelPermissions,
    DjangoModelPermissionsOrAnonReadOnly,
)
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from timeline import dates, selectors, services
from timeline.cache import cache_public_response
from timeline.importing.staging import ImportFileError, stage_file
from timeline.jurisdictions import date_context
from timeline.models import (
    NEWEST_FIRST_KEY,
    TIMELINE_KEY,
    Citation,
    Event,
    EventStatus,
    ImportBatch,
    ImportRow,
    ImportRowStatus,
    Jurisdiction,
    Law,
    Organization,
    Source,
)

from . import filters
from . import serializers as api
from .exceptions import api_exception_handler
from .pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, KeysetPagination, decode_cursor, encode_cursor
from .renderers import CSVRenderer
from .throttling import AnonymousRateThrottle

# --- documentation of errors ----------------------------------------------------------------------

ERROR_DESCRIPTIONS = {
    400: "Bad input: a parameter or body field is wrong (see error.fields), a bad cursor, page_size over "
    f"{MAX_PAGE_SIZE}, malformed JSON.",
    401: "The token given is not valid (or a write without credentials).",
    403: "Authenticated but without the right (Django model permissions), or asking for drafts without it.",
    404: "No such resource (or not visible to you), or an unknown ?format.",
    406: "The Accept header asks for a representation this endpoint does not give.",
    415: "Unsupported Content-Type for the body.",
    429: "Too many requests from this address (anonymous rate limit); retry after Retry-After seconds.",
}
ID_REGEX = r"[0-9]{1,18}"
# Parameters whose schema type is not free text: an empty value is an error, not "absent".
TYPED_PARAMETERS = (
    "action_type",
    "cursor",
    "format",
    "kind",
    "ordering",
    "page_size",
    "parent",
    "reference",
    "since",
    "status",
    "updated_since",
)
READ_ERRORS = (400, 401, 403, 404, 406, 429)
WRITE_ERRORS = (400, 401, 403, 404, 406, 415, 429)


def error_responses(codes=READ_ERRORS):
    return {
        code: OpenApiResponse(api.ErrorSerializer, description=ERROR_DESCRIPTIONS[code]) for code in codes
    }


def responses(ok, codes=READ_ERRORS, status_code=200):
    return {status_code: ok, **error_responses(codes)}


FORMAT_PARAMETER = OpenApiParameter(
    "format", OpenApiTypes.STR, enum=["json", "csv"], description="csv: the page as CSV (next page in Link)."
)
STATUS_PARAMETER = OpenApiParameter(
    "status",
    OpenApiTypes.STR,
    enum=["published", "draft", "retracted", "all"],
    description="Editors only (view or change right on events): widen the list past published events.",
)

EVENT_ORDERINGS = {
    # The timeline's own keys: EventQuerySet.head recognizes them as the timeline order.
    "date": TIMELINE_KEY,
    "-date": NEWEST_FIRST_KEY,
    "updated_at": ("updated_at", "id"),
}
EVENT_CSV_COLUMNS = [
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
    "actor.id",
    "actor.name",
    "actor.kind",
    "actor.parent.name",
    "organizations.name",
    "jurisdiction.code",
    "jurisdiction.name",
    "law.id",
    "law.title",
    "responds_to.id",
    "sources.url",
    "created_at",
    "updated_at",
]


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's schema, telling also that anonymous reads are allowed where they are."""

    def get_auth(self):
        auths = super().get_auth()
        perms = [type(p) for p in self.view.get_permissions()]
        anonymous_reads = any(issubclass(p, DjangoModelPermissionsOrAnonReadOnly) for p in perms)
        if anonymous_reads and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths


class ApiViewMixin:
    """Every API view: JSON errors of one shape, anonymous rate limit, keyset pages."""

    schema = ApiAutoSchema()

    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    throttle_classes = [AnonymousRateThrottle]
    pagination_class = KeysetPagination
    csv_columns = None

    def get_exception_handler(self):
        return api_exception_handler

    def initial(self, request, *args, **kwargs):
        # 405 before authentication and permissions: DELETE on an event is not offered at all.
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        empty = sorted(name for name in TYPED_PARAMETERS if request.query_params.get(name, None) == "")
        if empty:
            raise exceptions.ValidationError(
                {name: ["Give a value or leave the parameter out."] for name in empty}
            )


def with_event_relations(queryset):
    """Everything an event representation shows, in a fixed number of queries per page."""
    queryset = queryset.for_reading().defer("responds_to__search_document", "responds_to__search_vector")
    queryset = queryset.select_related("actor__parent", "jurisdiction", "law", "responds_to")
    return queryset.prefetch_related(
        Prefetch("organizations", queryset=Organization.objects.select_related("parent")),
        Prefetch("citations", queryset=Citation.objects.select_related("source")),
    )


class EventListMixin:
    """Paged, filtered event lists (the events list and the law / organization timelines)."""

    def requested_statuses(self):
        value = self.request.query_params.get("status", "").strip()
        if not value or value == EventStatus.PUBLISHED:
            return None
        allowed = {"draft": ["draft"], "retracted": ["retracted"], "all": EventStatus.values}
        if value not in allowed:
            raise exceptions.ValidationError(
                {"status": [f"Unknown status {value!r}; use one of: published, draft, retracted, all."]}
            )
        if not selectors.can_see_unpublished(self.request.user):
            raise exceptions.PermissionDenied(
                "Only editors (view or change right on events) may list drafts."
            )
        return allowed[value]

    def event_page(self, queryset):
        queryset = with_event_relations(self.filter_queryset(queryset))
        page = self.paginate_queryset(queryset)
        serializer = api.EventSerializer(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)


EVENT_LIST_SCHEMA = {
    "parameters": [STATUS_PARAMETER, FORMAT_PARAMETER],
    "responses": responses(api.EventSerializer(many=True)),
}


@method_decorator(cache_public_response("api-events"), name="dispatch")
@extend_schema_view(
    list=extend_schema(summary="Events, filtered, in timeline order", **EVENT_LIST_SCHEMA),
    retrieve=extend_schema(summary="One event", responses=responses(api.EventSerializer)),
    create=extend_schema(
        summary="Create an event (token with the add right)",
        request=api.EventWriteSerializer,
        responses=responses(api.EventSerializer, WRITE_ERRORS, status_code=201),
    ),
    update=extend_schema(
        summary="Replace an event (token with the change right)",
        request=api.EventWriteSerializer,
        responses=responses(api.EventSerializer, WRITE_ERRORS),
    ),
    partial_update=extend_schema(
        summary="Change some fields of an event (token with the change right)",
        request=api.EventWriteSerializer,
        responses=responses(api.EventSerializer, WRITE_ERRORS),
    ),
)
class EventViewSet(
    ApiViewMixin,
    EventListMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Events. Lists are keyset-paged in a stable order (``ordering=date``: date_start, coarser
    precision first, id; ``-date``; ``updated_at`` for syncing with ``updated_since``)."""

    queryset = Event.objects.none()  # for the schema and model permissions; see get_queryset
    lookup_value_regex = ID_REGEX
    serializer_class = api.EventSerializer
    filterset_class = filters.EventFilter
    orderings = EVENT_ORDERINGS
    default_ordering = "date"
    csv_columns = EVENT_CSV_COLUMNS

    def get_renderers(self):
        if self.action == "list":
            return [JSONRenderer(), CSVRenderer()]
        return super().get_renderers()

    def get_queryset(self):
        if self.action == "list":
            return selectors.events_visible_to(self.request.user, self.requested_statuses())
        if self.action in ("retrieve", "update", "partial_update"):
            return with_event_relations(selectors.events_visible_to(self.request.user, EventStatus.values))
        return Event.objects.all()

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return api.EventWriteSerializer
        return api.EventSerializer

    def list(self, request, *args, **kwargs):
        return self.event_page(self.get_queryset())

    def create(self, request, *args, **kwargs):
        event = self._save(None, partial=False)
        headers = {"Location": reverse("api:event-detail", args=[event.pk])}
        return Response(self._represent(event), status=status.HTTP_201_CREATED, headers=headers)

    def update(self, request, *args, **kwargs):
        event = self.get_object()
        event = self._save(event, partial=kwargs.get("partial", False))
        return Response(self._represent(event))

    def _save(self, event, *, partial):
        serializer = api.EventWriteSerializer(
            data=self.request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        language = values.pop("language", None) or None
        if "organizations" in values:
            values["organizations"] = list(values["organizations"])
        try:
            return services.save_event(event, values=values, language=language, user=self.request.user)
        except DjangoValidationError as error:
            detail = (
                error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
            )
            raise exceptions.ValidationError(detail) from error

    def _represent(self, event):
        event = with_event_relations(Event.objects.filter(pk=event.pk)).get()
        return api.EventSerializer(event, context=self.get_serializer_context()).data

    @extend_schema(
        summary="Events that left the public timeline since a time (sync feed)",
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.DATETIME,
                required=True,
                description="ISO 8601 date-time; the removals at or after it.",
            ),
            OpenApiParameter("cursor", OpenApiTypes.STR, description="From the next link."),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=f"1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}).",
            ),
        ],
        responses=responses(
            inline_serializer(
                "RemovalPage",
                {
                    "next": serializers.URLField(allow_null=True),
                    "results": api.RemovalSerializer(many=True),
                },
            )
        ),
        filters=False,
    )
    @action(detail=False, url_path="removed", filterset_class=None, pagination_class=None)
    def removed(self, request):
        """Ids of events deleted, retracted or unpublished at or after ``since``, oldest first.

        A mirror applies these removals and then the events listed with ``updated_since`` (and
        ``ordering=updated_at``); ids it never had can be ignored. Only ids are given.
        """
        params = RemovedQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        since = params.validated_data["since"]
        size = KeysetPagination().get_page_size(request)
        after = None
        if cursor := request.query_params.get("cursor"):
            after = removal_cursor(cursor)
        rows = selectors.removed_events(since, after=after, limit=size)
        more, rows = len(rows) > size, rows[:size]
        next_link = None
        if more and rows:
            from rest_framework.utils.urls import replace_query_param

            last = rows[-1]
            token = encode_cursor({"o": "removed", "v": [last.at.isoformat(), last.id]})
            next_link = replace_query_param(request.build_absolute_uri(), "cursor", token)
        data = {"next": next_link, "results": api.RemovalSerializer(rows, many=True).data}
        return Response(data)


class RemovedQuerySerializer(serializers.Serializer):
    since = serializers.DateTimeField()


def removal_cursor(text):
    payload = decode_cursor(text)
    values = payload.get("v")
    try:
        if payload.get("o") != "removed" or not isinstance(values, list) or len(values) != 2:
            raise ValueError
        at = datetime.datetime.fromisoformat(values[0])
        if at.tzinfo is None or not isinstance(values[1], int):
            raise ValueError
        return at, values[1]
    except (TypeError, ValueError) as error:
        raise exceptions.ValidationError(
            {"cursor": ["Invalid cursor: use the next link as given."]}
        ) from error


# /organizations/{id}/events/ and /laws/{id}/events/: an event list like /events/ itself.
TIMELINE_ACTION = {
    "detail": True,
    "queryset": Event.objects.none(),
    "filterset_class": filters.EventFilter,
    "orderings": EVENT_ORDERINGS,
    "default_ordering": "date",
    "serializer_class": api.EventSerializer,
    "renderer_classes": [JSONRenderer, CSVRenderer],
    "csv_columns": EVENT_CSV_COLUMNS,
}


def events_action_schema(summary):
    return extend_schema(summary=summary, **EVENT_LIST_SCHEMA)


@method_decorator(cache_public_response("api-organizations"), name="dispatch")
@extend_schema_view(
    list=extend_schema(summary="Organizations", responses=responses(api.OrganizationSerializer(many=True))),
    retrieve=extend_schema(summary="One organization", responses=responses(api.OrganizationSerializer)),
)
class OrganizationViewSet(ApiViewMixin, EventListMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Organization.objects.none()  # see get_queryset
    lookup_value_regex = ID_REGEX
    serializer_class = api.OrganizationSerializer
    filterset_class = filters.OrganizationFilter
    orderings = {"name": ("name", "id"), "id": ("id",)}
    default_ordering = "name"

    def get_queryset(self):
        return selectors.organizations_visible_to(self.request.user).select_related("parent", "jurisdiction")

    @events_action_schema("The organization's timeline: its events and its subsidiaries'")
    @action(**TIMELINE_ACTION)
    def events(self, request, pk=None):
        organization = get_object_or_404(selectors.organizations_visible_to(request.user), pk=pk)
        events = selectors.events_visible_to(request.user, self.requested_statuses())
        return self.event_page(selectors.EventFilters(organizations=[organization]).apply(events))


@method_decorator(cache_public_response("api-laws"), name="dispatch")
@extend_schema_view(
    list=extend_schema(summary="Laws", responses=responses(api.LawSerializer(many=True))),
    retrieve=extend_schema(summary="One law", responses=responses(api.LawSerializer)),
)
class LawViewSet(ApiViewMixin, EventListMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Law.objects.none()  # see get_queryset
    lookup_value_regex = ID_REGEX
    serializer_class = api.LawSerializer
    filterset_class = filters.LawFilter
    orderings = {"title": ("title", "id"), "id": ("id",)}
    default_ordering = "title"

    def get_queryset(self):
        return selectors.laws_visible_to(self.request.user).select_related("jurisdiction", "enacting_body")

    @events_action_schema("The law's timeline: its milestones and the actions taken under it")
    @action(**TIMELINE_ACTION)
    def events(self, request, pk=None):
        law = get_object_or_404(selectors.laws_visible_to(request.user), pk=pk)
        events = selectors.events_visible_to(request.user, self.requested_statuses())
        return self.event_page(events.filter(law=law))


@method_decorator(cache_public_response("api-jurisdictions"), name="dispatch")
@extend_schema_view(
    list=extend_schema(summary="Jurisdictions", responses=responses(api.JurisdictionSerializer(many=True))),
    retrieve=extend_schema(summary="One jurisdiction", responses=responses(api.JurisdictionSerializer)),
)
class JurisdictionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Jurisdiction.objects.select_related("parent")
    serializer_class = api.JurisdictionSerializer
    filterset_class = filters.JurisdictionFilter
    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?"
    orderings = {"code": ("code",)}
    default_ordering = "code"

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


@method_decorator(cache_public_response("api-sources"), name="dispatch")
@extend_schema_view(
    list=extend_schema(
        summary="Sources cited by visible events", responses=responses(api.SourceSerializer(many=True))
    ),
    retrieve=extend_schema(summary="One source", responses=responses(api.SourceSerializer)),
)
class SourceViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Source.objects.none()  # see get_queryset
    lookup_value_regex = ID_REGEX
    serializer_class = api.SourceSerializer
    filterset_class = filters.SourceFilter
    orderings = {"id": ("id",)}

    def get_queryset(self):
        return selectors.sources_visible_to(self.request.user)


class DateNormalizeView(ApiViewMixin, APIView):
    """The date normalizer as a service: the same code that reads editors' and imports' dates."""

    permission_classes = [AllowAny]

    @extend_schema(
        summary="Normalize a date as written",
        parameters=[api.DateNormalizeQuerySerializer],
        responses=responses(api.NormalizedDateSerializer),
    )
    def get(self, request):
        params = api.DateNormalizeQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        values = params.validated_data
        jurisdiction = values.get("jurisdiction")
        context = date_context(jurisdiction.code if jurisdiction else None, values.get("language"))
        try:
            normalized = dates.normalize_date(
                values["text"],
                reference=values.get("reference"),
                languages=context.languages,
                date_order=context.date_order,
            )
        except (dates.DateNormalizationError, ValueError) as error:
            raise exceptions.ValidationError({"text": [str(error)]}) from error
        return Response(normalized.as_dict())


class ImportPermissions(DjangoModelPermissions):
    """Reading a batch needs the view right on import batches; submitting one the add right."""

    perms_map = {**DjangoModelPermissions.perms_map, "GET": ["%(app_label)s.view_%(model_name)s"]}
    authenticated_users_only = True


REVIEW_ROWS_SHOWN = 100


@extend_schema_view(
    create=extend_schema(
        summary="Submit an import file (token with the add right on import batches)",
        request={"multipart/form-data": api.ImportUploadSerializer},
        responses=responses(api.ImportBatchSerializer, WRITE_ERRORS, status_code=202),
    ),
    retrieve=extend_schema(
        summary="An import's progress, counts and the rows that need review",
        responses=responses(api.ImportBatchSerializer),
    ),
)
class ImportViewSet(
    ApiViewMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    queryset = ImportBatch.objects.all()
    lookup_value_regex = ID_REGEX
    serializer_class = api.ImportBatchSerializer
    permission_classes = [ImportPermissions]
    parser_classes = [MultiPartParser]
    filterset_class = None

    def create(self, request, *args, **kwargs):
        upload = api.ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        try:
            batch = stage_file(
                file,
                file_name=file.name or "upload",
                file_format=upload.validated_data.get("format"),
                user=request.user,
            )
        except ImportFileError as error:
            raise exceptions.ValidationError({"file": [str(error)]}) from error
        batch.refresh_from_db()
        url = reverse("api:import-detail", args=[batch.pk])
        return Response(self._represent(batch), status=status.HTTP_202_ACCEPTED, headers={"Location": url})

    def retrieve(self, request, *args, **kwargs):
        return Response(self._represent(self.get_object()))

    def _represent(self, batch):
        counts = dict.fromkeys(ImportRowStatus.values, 0)
        for row in batch.rows.order_by().values("status").annotate(n=Count("id")):
            counts[row["status"]] = row["n"]
        review = ImportRow.objects.filter(
            batch=batch, status__in=[ImportRowStatus.NEEDS_REVIEW, ImportRowStatus.FAILED]
        ).order_by("row_number")[:REVIEW_ROWS_SHOWN]
        context = {**self.get_serializer_context(), "counts": counts, "review_rows": list(review)}
        return api.ImportBatchSerializer(batch, context=context).data
