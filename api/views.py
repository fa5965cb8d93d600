"""REST API v1. Thin: querysets come from ``timeline.selectors``, writes go to
``timeline.services`` and ``timeline.importing``; this module wires them to HTTP.

Who sees what: anonymous clients and tokens without rights on events read the public timeline
only (``Event.objects.public()``). Users with the admin's view or change right on events read
published events by default too, and drafts or retractions only when they ask
(``?status=draft|retracted|all``; anybody else asking gets 403); they can open any event by id.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, DjangoModelPermissions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from timeline import dates, selectors, services
from timeline.cache import cache_public_response
from timeline.importing.uploads import ImportFileError, accept_upload, check_upload_length
from timeline.models import (
    NEWEST_FIRST_KEY,
    TIMELINE_KEY,
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
from .mixins import ApiViewMixin, EventListMixin
from .pagination import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    KeysetPagination,
    parse_removal_cursor,
    removal_cursor,
)
from .renderers import EVENT_CSV_COLUMNS, CSVRenderer
from .schema import EVENT_LIST_SCHEMA, WRITE_ERRORS, events_action_schema, responses

ID_REGEX = r"[0-9]{1,18}"
EVENT_ORDERINGS = {
    # The timeline's own keys: EventQuerySet.head recognizes them as the timeline order.
    "date": TIMELINE_KEY,
    "-date": NEWEST_FIRST_KEY,
    "updated_at": ("updated_at", "id"),
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
            return self.listed_events()
        if self.action in ("retrieve", "update", "partial_update"):
            return selectors.events_visible_to(self.request.user, EventStatus.values).with_relations()
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
        event = Event.objects.filter(pk=event.pk).with_relations().get()
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
        params = api.RemovedQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        since = params.validated_data["since"]
        size = KeysetPagination().get_page_size(request)
        after = None
        if cursor := request.query_params.get("cursor"):
            after = parse_removal_cursor(cursor)
        rows = selectors.removed_events(since, after=after, limit=size)
        more, rows = len(rows) > size, rows[:size]
        next_link = None
        if more and rows:
            token = removal_cursor(rows[-1].at, rows[-1].id)
            next_link = replace_query_param(request.build_absolute_uri(), "cursor", token)
        data = {"next": next_link, "results": api.RemovalSerializer(rows, many=True).data}
        return Response(data)


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
        with_subsidiaries = selectors.EventFilters(organizations=[organization])
        return self.event_page(with_subsidiaries.apply(self.listed_events()))


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
        return self.event_page(self.listed_events().filter(law=law))


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
        try:
            normalized = services.normalize_in_context(
                values["text"],
                reference=values.get("reference"),
                jurisdiction=values.get("jurisdiction"),
                language=values.get("language"),
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
        description=(
            "Answers 202 Accepted as soon as the file is received and its start checked: the batch, "
            "in status `staging`, at its `url` (also the `Location` header). A worker then reads the "
            "file into rows (`bytes_staged` of `file_size`, `total_rows` so far), processes them "
            "(`processing`, `counts`, `progress`) and ends the batch `done`, or `failed` with a message "
            "naming the limit or the problem when the file is refused further on. A file over the "
            "size limit, of an unknown format or unreadable from its start is refused at once (400)."
        ),
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
        try:
            # Before the body is read: a file over the limit is refused without receiving it.
            check_upload_length(request.META.get("CONTENT_LENGTH"))
        except ImportFileError as error:
            raise exceptions.ValidationError({"file": [str(error)]}) from error
        upload = api.ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        try:
            batch = accept_upload(
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
