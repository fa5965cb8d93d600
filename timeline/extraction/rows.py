"""Candidates as import rows: the import columns plus ``date_start``, ``date_end``,
``date_precision`` and ``evidence``, the contract of ``manage.py extract_events`` (DESIGN.md).

Every row is a draft: an editor reviews what the machine read before anything is published.
Row ids are stable for one article (its URL, else its text) so that importing the file twice
updates the same events instead of adding new ones.
"""

from __future__ import annotations

import hashlib

from ..importing.columns import COLUMNS
from .candidates import Candidate, Extraction

EXTRA_COLUMNS = ("date_start", "date_end", "date_precision", "evidence")
HEADER = (*COLUMNS, *EXTRA_COLUMNS)


def article_id(extraction: Extraction) -> str:
    article = extraction.article
    basis = article.url or article.text
    return "article-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def row_id(extraction: Extraction, candidate: Candidate) -> str:
    return f"{article_id(extraction)}-{candidate.key}"


def import_rows(extraction: Extraction) -> list[dict[str, str]]:
    article = extraction.article
    candidates = extraction.candidates
    rows = []
    for candidate in candidates:
        value = candidate.date
        responds_to = candidates[candidate.responds_to] if candidate.responds_to is not None else None
        rows.append(
            {
                "id": row_id(extraction, candidate),
                "actor": candidate.actor,
                "parent": candidate.parent,
                "actor_kind": candidate.actor_kind,
                "jurisdiction": candidate.jurisdiction,
                "law": candidate.law,
                "action_type": candidate.action_type,
                "title": candidate.title,
                "summary": candidate.summary,
                "raw_date": candidate.raw_date,
                "reference_date": article.published.isoformat() if article.published else "",
                "language": extraction.language,
                "source_outlet": article.outlet,
                "source_url": article.url,
                "source_title": article.title,
                "quote": candidate.quote,
                "quote_speaker": candidate.quote_speaker,
                "responds_to": row_id(extraction, responds_to) if responds_to is not None else "",
                "status": "draft",
                "date_start": value.start.isoformat() if value else "",
                "date_end": value.end.isoformat() if value else "",
                "date_precision": value.precision if value else "",
                "evidence": candidate.evidence,
            }
        )
    return rows


def candidates_json(extraction: Extraction) -> list[dict]:
    """The candidates for the API and the admin: each import row and what the editor reviews."""
    return [
        {
            **row,
            "date_text": candidate.date_text,
            "date_approximate": bool(candidate.date and candidate.date.approximate),
            "date_source": candidate.date_source,
            "actor_known": candidate.actor_known,
            "law_known": candidate.law_known,
            "quotes": [{"quote": quote, "speaker": speaker} for quote, speaker in candidate.quotes],
            "evidence_span": list(candidate.evidence_span),
            "needs_review": list(candidate.notes),
            "summary_is_draft": True,
        }
        for candidate, row in zip(extraction.candidates, import_rows(extraction), strict=True)
    ]
