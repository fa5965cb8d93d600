"""What every API view shares (errors of one shape, rate limit, keyset pages, empty typed
parameters refused) and the paged, filtered event lists."""

from rest_framework import exceptions
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer

from timeline import selectors
from timeline.models import EventStatus

from . import serializers as api
from .exceptions import api_exception_handler
from .pagination import KeysetPagination
from .schema import ApiAutoSchema
from .throttling import AnonymousRateThrottle

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

    def listed_events(self):
        """The events the requester may list, widened past published by ``?status=`` for editors."""
        return selectors.events_visible_to(self.request.user, self.requested_statuses())

    def event_page(self, queryset):
        queryset = self.filter_queryset(queryset).with_relations()
        page = self.paginate_queryset(queryset)
        serializer = api.EventSerializer(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)
