"""Bring the jurisdictions up to date with the installed pycountry (ISO 3166) and Babel (CLDR)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from timeline.jurisdictions.names import name_index
from timeline.jurisdictions.refresh import refresh_jurisdictions
from timeline.models import Jurisdiction


class Command(BaseCommand):
    help = (
        "Add the jurisdictions ISO 3166 and CLDR know and the table lacks, and update the names, "
        "languages and date orders editors have not overridden. Run it after upgrading pycountry "
        "or babel."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            report = refresh_jurisdictions(Jurisdiction)
        name_index()  # builds and stores the name index for these package versions, if not yet
        self.stdout.write(
            f"{report.created} jurisdictions added, {report.updated} updated, "
            f"{report.unchanged} unchanged; {len(report.overrides)} editor values kept"
        )
        for code, name, kept, standard in report.overrides:
            self.stdout.write(f"  {code} {name}: kept {kept!r} (the standards say {standard!r})")
