"""One JSON shape for every error the API gives.

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"page_size": ["..."]}}}

``fields`` is present only when particular parameters or body fields are at fault; its values
are lists of messages (nested objects for nested body fields). ``api_exception_handler`` is
wired into every API view by ``api.views.ApiViewMixin``; ``not_found`` answers unknown
``/api/`` paths; ``handler404`` / ``handler500`` can be set in the root URLconf to answer in
JSON under ``/api/`` and fall back to Django's pages elsewhere.
"""

import logging

from django.core import signals
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger("api")

API_PREFIX = "/api/"


def error_body(status_code, code, message, fields=None):
    error = {"status": status_code, "code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def _first_message(detail):
    """The first human message inside a (possibly nested) DRF error detail."""
    if isinstance(detail, dict):
        for value in detail.values():
            found = _first_message(value)
            if found:
                return found
        return ""
    if isinstance(detail, list):
        for value in detail:
            found = _first_message(value)
            if found:
                return found
        return ""
    return str(detail)


def _plain(detail):
    """ErrorDetail trees as plain lists/dicts of strings."""
    if isinstance(detail, dict):
        return {str(key): _plain(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_plain(value) for value in detail]
    return str(detail)


def _code_of(exc):
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    return getattr(exc, "default_code", "error")


def _validation_body(exc):
    detail = exc.detail
    if isinstance(detail, dict):
        fields = _plain(detail)
        non_field = fields.pop("non_field_errors", None)
        if non_field:
            message = _first_message(non_field)
        else:
            first_field = next(iter(fields), None)
            message = (
                f"{first_field}: {_first_message(detail[first_field])}" if first_field else "Invalid input."
            )
        return error_body(400, "invalid", message, fields or None)
    return error_body(400, "invalid", _first_message(detail) or "Invalid input.")


def api_exception_handler(exc, context):
    """DRF exception handler: every error, expected or not, as one JSON shape."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)

    request = context.get("request")
    if (
        request is not None
        and getattr(getattr(request, "accepted_renderer", None), "format", "json") != "json"
    ):
        # Errors are JSON even when the client asked for CSV.
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type

    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None) is not None:
            headers["Retry-After"] = str(max(1, int(exc.wait + 0.999)))
        if isinstance(exc, exceptions.ValidationError):
            body = _validation_body(exc)
        else:
            message = _first_message(exc.detail) or str(exc)
            body = error_body(exc.status_code, _code_of(exc), message)
        set_rollback()
        return Response(body, status=exc.status_code, headers=headers)

    # Anything else is a bug: log it with the request, tell Django (error reporting), answer JSON.
    logger.error(
        "Unhandled error in the API", exc_info=exc, extra={"request": getattr(request, "_request", None)}
    )
    signals.got_request_exception.send(sender=None, request=getattr(request, "_request", None))
    set_rollback()
    return Response(
        error_body(500, "server_error", "The server failed to answer this request; it has been logged."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Unknown paths under /api/: JSON 404, or a redirect to the same path with its slash."""
    path = request.path
    if not path.endswith("/"):
        try:
            resolve(path + "/")
        except Resolver404:
            pass
        else:
            if request.method in ("GET", "HEAD"):
                target = path + "/"
                if request.META.get("QUERY_STRING"):
                    target += "?" + request.META["QUERY_STRING"]
                response = JsonResponse(
                    error_body(301, "moved_permanently", f"This resource is at {target}"), status=301
                )
                response["Location"] = target
                return response
            return JsonResponse(
                error_body(404, "not_found", f"No resource at {path}; did you mean {path}/ ?"), status=404
            )
    return JsonResponse(error_body(404, "not_found", f"No resource at {path}."), status=404)


def handler404(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return JsonResponse(error_body(404, "not_found", f"No resource at {request.path}."), status=404)
    return defaults.page_not_found(request, exception)


def handler500(request):
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            error_body(500, "server_error", "The server failed to answer this request; it has been logged."),
            status=500,
        )
    return defaults.server_error(request)
