"""The OpenAPI documentation of the API (drf-spectacular): error responses, shared parameters,
and the schema class that tells where anonymous reads are allowed."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

from . import serializers as api
from .pagination import MAX_PAGE_SIZE

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


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's schema, telling also that anonymous reads are allowed where they are."""

    def get_auth(self):
        auths = super().get_auth()
        perms = [type(p) for p in self.view.get_permissions()]
        anonymous_reads = any(issubclass(p, DjangoModelPermissionsOrAnonReadOnly) for p in perms)
        if anonymous_reads and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths


EVENT_LIST_SCHEMA = {
    "parameters": [STATUS_PARAMETER, FORMAT_PARAMETER],
    "responses": responses(api.EventSerializer(many=True)),
}


def events_action_schema(summary):
    return extend_schema(summary=summary, **EVENT_LIST_SCHEMA)
