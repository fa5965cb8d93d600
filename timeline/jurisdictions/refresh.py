"""Bring the jurisdictions table up to the standards without breaking ids or editors' work.

- A code the table lacks is created (parents first); a row the standards do not know (one an
  editor added) is left alone; no row is deleted, so ids and foreign keys stay as they are.
- ``kind`` follows the standards. A parent is filled in only where a row has none.
- ``name``, ``date_order`` and ``languages`` follow the standards only where the row still holds
  what the standards gave last time (kept in ``Jurisdiction.standard``): a value an editor
  changed differs from it, is an override, and is kept. Rows from before the standards were
  tracked have no ``standard``; ``baseline`` says what they were given instead (migration 0012
  passes the hand-written table; names given then are kept, as editors may have chosen them).

Works with the real model and with a migration's historical one.
"""

from dataclasses import dataclass, field

from .context import jurisdictions_changed
from .standards import standard_jurisdictions

TRACKED = ("name", "date_order", "languages")


@dataclass
class RefreshReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    overrides: list = field(default_factory=list)  # (code, field, kept value, standard value)


def _standard_values(standard):
    return {
        "name": standard.name[:200],
        "date_order": standard.date_order,
        "languages": list(standard.languages),
    }


def refresh_jurisdictions(model, baseline=None):
    """Apply ``standard_jurisdictions()`` to ``model``'s table; returns a ``RefreshReport``."""
    baseline = baseline or {}
    report = RefreshReport()
    standards = standard_jurisdictions()
    rows = {row.code: row for row in model.objects.all()}
    new_rows = []
    for standard in standards:
        if standard.code not in rows:
            values = _standard_values(standard)
            new_rows.append(model(code=standard.code, kind=standard.kind, standard=values, **values))
    model.objects.bulk_create(new_rows, batch_size=500)
    report.created = len(new_rows)
    created_codes = {row.code for row in new_rows}
    rows = {row.code: row for row in model.objects.all()}

    changed = []
    for standard in standards:
        row = rows[standard.code]
        new_values = _standard_values(standard)
        before = dict(row.standard) if row.standard else baseline.get(standard.code, {})
        dirty = row.kind != standard.kind or row.standard != new_values
        row.kind = standard.kind
        if row.parent_id is None and standard.parent is not None and standard.parent in rows:
            row.parent_id = rows[standard.parent].pk
            dirty = True
        if standard.code not in created_codes:
            for name in TRACKED:
                current, given = getattr(row, name), new_values[name]
                if name in before and current == before[name]:
                    if current != given:
                        setattr(row, name, given)
                        dirty = True
                elif current != given:
                    report.overrides.append((standard.code, name, current, given))
        row.standard = new_values
        if dirty:
            changed.append(row)
    model.objects.bulk_update(changed, ["kind", "parent", *TRACKED, "standard"], batch_size=500)
    report.updated = len([row for row in changed if row.code not in created_codes])
    report.unchanged = len(rows) - report.created - report.updated
    jurisdictions_changed()  # bulk writes send no signals
    return report


def legacy_baseline(table):
    """What the hand-written table gave each code: the baseline for rows seeded from it."""
    return {
        code: {"date_order": order, "languages": list(languages)} for code, _, _, order, languages in table
    }
