"""``NormalizedDate``: what ``normalize_date`` returns."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from .display import format_display
from .edtf_format import _edtf_string


@dataclass(frozen=True)
class NormalizedDate:
    text: str
    start: _dt.date
    end: _dt.date
    precision: str
    approximate: bool = False
    ambiguous: bool = False
    is_range: bool = False
    # Why the result needs review (ambiguous readings); empty otherwise.
    note: str = ""

    @property
    def iso(self) -> str:
        return _edtf_string(self.start, self.end, self.precision, self.approximate)

    @property
    def display(self) -> str:
        return format_display(self.start, self.end, self.precision, self.approximate)

    def as_dict(self) -> dict:
        return {
            "date": self.iso,
            "precision": self.precision,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "approximate": self.approximate,
            "ambiguous": self.ambiguous,
        }
