from django.core.management.base import BaseCommand, CommandError

from timeline.archive import ArchiveError, restore_archive


class Command(BaseCommand):
    help = "Restore a backup archive written by export_archive into an install without events."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            with open(path, encoding="utf-8") as stream:
                counts = restore_archive(stream)
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        except (ArchiveError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from error
        total = sum(counts.values())
        self.stdout.write(f"Restored {total} rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
