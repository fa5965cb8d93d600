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
    return normalize_with(date_context_for(jurisdiction, language), text, reference=reference)


def normalize_with(context, text, *, reference=None):
    """``normalize_in_context`` with the context already looked up (``date_context_for``): for a
    caller that reads many dates of one jurisdiction, such as an import chunk."""
    return dates.normalize_date(
        text, reference=reference, languages=context.languages, date_order=context.date_order
    )
