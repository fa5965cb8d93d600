import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from timeline import dates
from timeline.services import normalize_in_context


class Command(BaseCommand):
    help = (
        "Normalize a date as a source wrote it and print one JSON object: date, precision, start, "
        "end, approximate, ambiguous; or error and text, exiting 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("text", help='the date as written, e.g. "Monday, July 6, 2020"')
        parser.add_argument("--reference", help="the source's publication date, YYYY-MM-DD")
        parser.add_argument(
            "--jurisdiction", help="ISO 3166 code (HK, US, US-MT) for languages and day order"
        )
        parser.add_argument("--language", help="ISO 639-1 code of the text (zh, de, ...)")

    def handle(self, *args, text, reference=None, jurisdiction=None, language=None, **options):
        try:
            result = normalize_in_context(
                text,
                reference=self.reference(reference),
                jurisdiction=jurisdiction or None,
                language=language.strip().lower() if language and language.strip() else None,
            )
        except dates.DateNormalizationError as error:
            self.stdout.write(json.dumps({"error": error.reason, "text": text}, ensure_ascii=False))
            raise CommandError(error.reason, returncode=1) from None
        self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))

    @staticmethod
    def reference(text):
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            raise dates.DateNormalizationError(
                f"--reference {text!r} is not a date written YYYY-MM-DD"
            ) from None
