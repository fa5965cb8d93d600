"""Normalizing a date as written in a jurisdiction's context: its languages and numeric date order.

The one place where the admin, the API (writes and ``/dates/normalize/``), the
``normalize_date`` command and the importer turn (text, reference, jurisdiction, language) into a
``dates.NormalizedDate``.
"""

from .. import dates
from ..jurisdictions import date_context


def jurisdiction_code(jurisdiction):
    """An ISO 3166 code from a ``Jurisdiction``, a code, or nothing."""
    if jurisdiction is None:
        return None
    return getattr(jurisdiction, "code", jurisdiction)


def date_context_for(jurisdiction=None, language=None):
    """The languages and date order to read a date about ``jurisdiction`` (a ``Jurisdiction`` or a
    code) in; ``language`` goes first."""
    return date_context(jurisdiction_code(jurisdiction), language)


def normalize_in_context(text, *, reference=None, jurisdiction=None, language=None):
    """``dates.normalize_date`` with the languages and date order of ``jurisdiction`` (a
    ``Jurisdiction``, an ISO 3166 code or None) and ``language`` (ISO 639-1, read first).

    Relative text is read against ``reference`` (a date, or YYYY-MM-DD text). Raises
    ``dates.DateNormalizationError`` with the reason.
    """
    context = date_context_for(jurisdiction, language)
    return dates.normalize_date(
        text, reference=reference, languages=context.languages, date_order=context.date_order
    )
