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
    429: (
        "Too many requests from this address: over the anonymous rate limit, or too many invalid "
        "tokens sent from it (every token it sends is then refused until the window ends); retry "
        "after Retry-After seconds."
    ),
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


# --- Post-processing: what drf-spectacular cannot say from the views ---------------------------

# Parameters accept exactly what the server accepts, and carry an example that it accepts (so
# that a client generator, and schemathesis's examples phase, start from a working request).
CURSOR_SCHEMA = {"type": "string", "minLength": 1, "pattern": "^[A-Za-z0-9_-]+=*$"}
PARAMETER_EXAMPLES = {
    "text": "Monday, July 6, 2020",
    "reference": "2020-07-07",
    "jurisdiction": "HK",
    "language": "en",
    "q": "data requests",
    "date_after": "June 2020",
    "date_before": "2020",
    "action_type": "data_request_policy",
    "since": "2020-07-01T00:00:00Z",
    "updated_since": "2020-07-01T00:00:00Z",
    "page_size": 20,
}
URI_TOO_LONG = {
    "description": "The URL is longer than the server reads (gunicorn: 4,094 bytes for the request "
    "line); the answer comes from the server, not the API, and has no JSON body."
}


def _fix_parameter(parameter):
    schema = parameter.setdefault("schema", {})
    name = parameter["name"]
    if name == "cursor":
        schema.update(CURSOR_SCHEMA)
    elif name == "page_size":
        schema.update({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE})
    if schema.get("type") == "string" and parameter.get("required") and "format" not in schema:
        schema.setdefault("minLength", 1)
    if name in PARAMETER_EXAMPLES and "example" not in parameter and "examples" not in parameter:
        parameter["example"] = PARAMETER_EXAMPLES[name]


def _identifier(path):
    """The path parameter of a detail path ("/api/v1/events/{id}/" -> "id"), else None."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return last[1:-1] if last.startswith("{") and last.endswith("}") else None


def _links(paths):
    """OpenAPI links from where an identifier appears to the operations that take it.

    A list's first result, a created (or accepted) resource and a resource itself lead to its
    detail operations and to sub-resources such as /organizations/{id}/events/: this is what lets
    a stateful client (schemathesis's stateful phase) walk from one call to the next.
    """
    for path in list(paths):
        name = _identifier(path)
        if name is None:
            continue
        prefix = path[: path.rindex("{")] + "{" + name + "}"
        targets = [
            operation["operationId"]
            for target_path, operations in paths.items()
            if target_path.startswith(prefix)
            for method, operation in operations.items()
            if method in ("get", "put", "patch")
        ]
        collection = paths.get(path[: path.rindex("{")], {})
        sources = [
            (collection.get("get"), "200", f"$response.body#/results/0/{name}"),
            (collection.get("post"), "201", f"$response.body#/{name}"),
            (collection.get("post"), "202", f"$response.body#/{name}"),
            (paths[path].get("get"), "200", f"$response.body#/{name}"),
        ]
        for operation, code, expression in sources:
            response = (operation or {}).get("responses", {}).get(code)
            if response is None:
                continue
            for operation_id in targets:
                if operation_id != operation["operationId"]:
                    response.setdefault("links", {})[operation_id] = {
                        "operationId": operation_id,
                        "parameters": {name: expression},
                    }


def postprocess(result, generator, request, public):
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    paths = result.get("paths", {})
    for operations in paths.values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    _fix_parameter(parameter)
            operation["responses"].setdefault("414", URI_TOO_LONG)
    _links(paths)
    return result
