"""Keyset cursor pagination on a total order: every row exactly once, however far the page.

DRF's ``CursorPagination`` keeps only the first ordering field in its cursor and an offset for
ties, so rows inserted into a run of equal dates shift the offset and are skipped or repeated.
Here the cursor holds the whole sort key of the last row sent (for events: ``date_start``,
``date_precision_rank``, ``id``), and the next page is "the rows strictly after that key", which
an index answers in the same time on page 1 and page 2,000. Rows added behind the cursor are
not seen on that walk; rows added ahead are seen once.

``page_size``: default 50, at most 500. A larger value is answered 400, not silently clamped, so a
script that asks for 1,000 learns at once that it gets 500 at a time.
"""

import base64
import binascii
import datetime
import json

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import GeneratedField, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


def encode_cursor(payload):
    raw = json.dumps(payload, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text):
    try:
        padded = text + "=" * (-len(text) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode())
    except (ValueError, UnicodeError, binascii.Error) as error:
        raise ValidationError(
            {"cursor": ["Invalid cursor: use the next/previous links as given."]}
        ) from error
    if not isinstance(payload, dict):
        raise ValidationError({"cursor": ["Invalid cursor: use the next/previous links as given."]})
    return payload


def removal_cursor(at, event_id):
    """The cursor of the sync feed of removals after the removal (``at``, ``event_id``)."""
    return encode_cursor({"o": "removed", "v": [at.isoformat(), event_id]})


def parse_removal_cursor(text):
    """(at, event id) from a cursor of the sync feed of removals; a 400 naming it otherwise."""
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
        raise ValidationError({"cursor": ["Invalid cursor: use the next link as given."]}) from error


class KeysetPagination(BasePagination):
    """Cursor pagination on a named ordering whose keys end with a unique field.

    A view sets ``orderings`` ({name: (field, ...)} with "-" for descending) and
    ``default_ordering``; clients choose with ``?ordering=NAME``.
    """

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering_query_param = "ordering"

    def __init__(self):
        self.page = []
        self.has_next = self.has_previous = False
        self.base_url = None

    # -- parameters ---------------------------------------------------------------------------

    def get_orderings(self, view):
        return getattr(view, "orderings", {"id": ("id",)})

    def get_default_ordering(self, view):
        return getattr(view, "default_ordering", next(iter(self.get_orderings(view))))

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw in (None, ""):
            return DEFAULT_PAGE_SIZE
        try:
            size = int(raw)
        except ValueError:
            size = None
        if size is None or size < 1:
            raise ValidationError(
                {"page_size": [f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}."]}
            )
        if size > MAX_PAGE_SIZE:
            raise ValidationError(
                {"page_size": [f"page_size is at most {MAX_PAGE_SIZE}; follow the next link for more."]}
            )
        return size

    def get_ordering_name(self, request, view):
        orderings = self.get_orderings(view)
        name = request.query_params.get(self.ordering_query_param) or self.get_default_ordering(view)
        if name not in orderings:
            choices = ", ".join(orderings)
            raise ValidationError({"ordering": [f"Unknown ordering {name!r}; use one of: {choices}."]})
        return name

    # -- the page ----------------------------------------------------------------------------

    def _field_values(self, model, fields, values):
        """Cursor values checked and converted to the fields' Python types."""
        if not isinstance(values, list) or len(values) != len(fields):
            raise ValidationError({"cursor": ["Invalid cursor: it was made for another ordering."]})
        converted = []
        for spec, value in zip(fields, values, strict=True):
            name = spec.lstrip("-")
            try:
                field = model._meta.get_field(name)
                if isinstance(field, GeneratedField):
                    field = field.output_field
                if value is None or isinstance(value, dict | list):
                    raise DjangoValidationError("bad value")
                converted.append(field.to_python(value))
            except (DjangoValidationError, FieldDoesNotExist, TypeError, ValueError, OverflowError) as error:
                raise ValidationError(
                    {"cursor": ["Invalid cursor: use the next/previous links as given."]}
                ) from error
        return converted

    @staticmethod
    def _after(fields, values, reverse):
        """Rows strictly after ``values`` in the order ``fields`` (before, when ``reverse``)."""
        condition = None
        for index in range(len(fields) - 1, -1, -1):
            spec = fields[index]
            name = spec.lstrip("-")
            descending = spec.startswith("-") != reverse
            strict = Q(**{f"{name}__{'lt' if descending else 'gt'}": values[index]})
            condition = strict if condition is None else strict | (Q(**{name: values[index]}) & condition)
        # A leading range test the index can seek to, ahead of the OR-tree.
        first = fields[0].lstrip("-")
        first_descending = fields[0].startswith("-") != reverse
        return Q(**{f"{first}__{'lte' if first_descending else 'gte'}": values[0]}) & condition

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = self.get_page_size(request)
        self.ordering_name = self.get_ordering_name(request, view)
        self.fields = self.get_orderings(view)[self.ordering_name]
        self.base_url = request.build_absolute_uri()

        cursor_text = request.query_params.get(self.cursor_query_param)
        reverse = False
        values = None
        if cursor_text:
            payload = decode_cursor(cursor_text)
            if payload.get("o") != self.ordering_name:
                raise ValidationError(
                    {"cursor": ["This cursor belongs to another ordering; start again without a cursor."]}
                )
            reverse = bool(payload.get("r"))
            values = self._field_values(queryset.model, self.fields, payload.get("v"))

        order = [self._flip(spec) if reverse else spec for spec in self.fields]
        queryset = queryset.order_by(*order)
        if values is not None:
            queryset = queryset.filter(self._after(self.fields, values, reverse))
        # A queryset that knows a faster way to its first rows (events: ``head``) is asked.
        head = getattr(queryset, "head", None)
        rows = head(self.page_size + 1) if head else list(queryset[: self.page_size + 1])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if reverse:
            rows.reverse()
            self.has_previous, self.has_next = more, True
        else:
            self.has_next, self.has_previous = more, values is not None
        self.page = rows
        return rows

    @staticmethod
    def _flip(spec):
        return spec[1:] if spec.startswith("-") else f"-{spec}"

    def _key(self, row):
        values = []
        for spec in self.fields:
            value = getattr(row, spec.lstrip("-"))
            values.append(value.isoformat() if hasattr(value, "isoformat") else value)
        return values

    def _link(self, row, reverse):
        payload = {"o": self.ordering_name, "v": self._key(row)}
        if reverse:
            payload["r"] = 1
        return replace_query_param(self.base_url, self.cursor_query_param, encode_cursor(payload))

    def get_next_link(self):
        if not self.has_next or not self.page:
            return None
        return self._link(self.page[-1], reverse=False)

    def get_previous_link(self):
        if not self.has_previous:
            return None
        if not self.page:
            return remove_query_param(self.base_url, self.cursor_query_param)
        return self._link(self.page[0], reverse=True)

    def get_paginated_response(self, data):
        next_link, previous_link = self.get_next_link(), self.get_previous_link()
        headers = {}
        links = [
            f'<{url}>; rel="{rel}"' for rel, url in (("next", next_link), ("prev", previous_link)) if url
        ]
        if links:
            headers["Link"] = ", ".join(links)
        return Response({"next": next_link, "previous": previous_link, "results": data}, headers=headers)

    # -- schema ------------------------------------------------------------------------------

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page.",
                },
                "previous": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The previous page.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        orderings = list(self.get_orderings(view))
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque cursor from a next/previous link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}); "
                f"more than {MAX_PAGE_SIZE} is a 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
            {
                "name": self.ordering_query_param,
                "required": False,
                "in": "query",
                "description": f"Sort order (default {self.get_default_ordering(view)}).",
                "schema": {"type": "string", "enum": orderings},
            },
        ]
