"""``?format=csv``: the rows of a list page as CSV, one row per result.

Nested objects are flattened to ``key.sub`` columns (``actor.name``, ``jurisdiction.code``); lists
of objects become one cell joined with " | " (``organizations.name``, ``sources.url``). A cell
that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
prefixed with an apostrophe. The next page is in the ``Link`` header (rel="next").
"""

import csv
import io

from rest_framework.renderers import BaseRenderer

from timeline.exports import csv_cell as escape_cell

from .serializers import EventSerializer

# The columns of ``/events/?format=csv``: the API's event fields (DESIGN.md "API event fields") in
# the serializer's order, a nested field as the columns below. The public pages' CSV download
# (timeline.exports) has a shape of its own, for readers of a spreadsheet (a display date, the
# actor's parent, quotes): both are pinned by their users (docs/architecture.md).
NESTED_EVENT_COLUMNS = {
    "actor": ["actor.id", "actor.name", "actor.kind", "actor.parent.name"],
    "organizations": ["organizations.name"],
    "jurisdiction": ["jurisdiction.code", "jurisdiction.name"],
    "law": ["law.id", "law.title"],
    "responds_to": ["responds_to.id"],
    "sources": ["sources.url"],
}
EVENT_CSV_COLUMNS = [
    column for field in EventSerializer.Meta.fields for column in NESTED_EVENT_COLUMNS.get(field, [field])
]

LIST_SEPARATOR = " | "
# What names a nested object in one cell of a list column.
LIST_KEYS = ("url", "name", "title", "code", "id")


def flatten(row, prefix=""):
    cells = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            cells.update(flatten(value, prefix=f"{name}."))
        elif isinstance(value, list):
            if value and all(isinstance(item, dict) for item in value):
                keys = [k for k in LIST_KEYS if k in value[0]]
                key_name = keys[0] if keys else next(iter(value[0]))
                cells[f"{name}.{key_name}"] = LIST_SEPARATOR.join(
                    str(item.get(key_name, "")) for item in value
                )
            else:
                cells[name] = LIST_SEPARATOR.join(str(item) for item in value)
        else:
            cells[name] = value
    return cells


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        flat = [flatten(row) if isinstance(row, dict) else {"value": row} for row in rows]
        view = (renderer_context or {}).get("view")
        columns = list(getattr(view, "csv_columns", None) or [])
        if not columns:
            for row in flat:
                columns.extend(name for name in row if name not in columns)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([escape_cell(name) for name in columns])
        for row in flat:
            writer.writerow([escape_cell(row.get(name)) for name in columns])
        return out.getvalue().encode(self.charset)
