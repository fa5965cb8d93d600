import sys

from django.core.management.base import BaseCommand

from timeline.archive import write_archive


class Command(BaseCommand):
    help = "Write a backup archive (JSON Lines) of every event, source, citation and history entry."

    def add_arguments(self, parser):
        parser.add_argument("path", help="where to write the archive; - for standard output")

    def handle(self, *args, path, **options):
        if path == "-":
            counts = write_archive(sys.stdout)
        else:
            with open(path, "w", encoding="utf-8") as stream:
                counts = write_archive(stream)
        total = sum(counts.values())
        self.stderr.write(f"Archived {total} rows: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
