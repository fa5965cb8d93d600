"""Jurisdictions: every one ISO 3166 and CLDR know, their names in every language, and the date
conventions that come with them.

- ``standards``: the full set from pycountry (ISO 3166-1/-2) and Babel (CLDR), plus ``bodies``;
- ``names``: any code or name in any language -> code, with "did you mean" candidates;
- ``refresh``: brings the table up to the standards, keeping ids and editors' overrides;
- ``context``: ``date_context(code, language)`` for the date normalizer (cached per process).
"""

from .context import DateContext, date_context
from .legacy import DEFAULT_JURISDICTIONS
from .names import name_index

__all__ = ["DEFAULT_JURISDICTIONS", "DateContext", "date_context", "name_index"]
