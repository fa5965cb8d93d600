import time
from functools import partial

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from kombu.utils.url import maybe_sanitize_url
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress
from rich.text import Text

from timeline.importing import orchestration, uploads
from timeline.importing.readers import FORMATS, ImportFileError
from timeline.importing.staging import stage_file
from timeline.models import ImportBatch, ImportBatchStatus

EXIT_UNREADABLE = 1
EXIT_BROKER = 3
EXIT_TIMEOUT = 4


class PerSecond(ProgressColumn):
    def __init__(self, unit):
        super().__init__()
        self.unit = unit

    def render(self, task):
        return Text(f"{task.speed:,.0f} {self.unit}/s" if task.speed else "", style="progress.data.speed")


class Progress:
    """A bar (rich) with rows/s and time left on a terminal; otherwise a plain line now and then."""

    def __init__(self, stream, total, interval=5.0, unit="rows"):
        self.stream, self.total, self.interval, self.unit = stream, max(total, 0), interval, unit
        self.tty = stream.isatty()
        self.last_line_at, self.last_done = 0.0, -1
        self.bar = None
        if self.tty:
            # The terminal itself: Django's wrapper would end every redraw with a newline.
            console = Console(file=getattr(stream, "_out", stream), force_terminal=True)
            self.bar = RichProgress(
                TextColumn("importing" if unit == "rows" else "reading"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(self.unit),
                PerSecond(self.unit),
                TimeRemainingColumn(),
                console=console,
                auto_refresh=False,
            )
            self.task = self.bar.add_task("import", total=self.total or None)
            self.bar.start()

    def update(self, done):
        if done == self.last_done:
            return
        self.last_done = done
        if self.bar is not None:
            self.bar.update(self.task, completed=done)
            self.bar.refresh()
        elif time.monotonic() - self.last_line_at >= self.interval or done == self.total:
            self.last_line_at = time.monotonic()
            self.stream.write(f"processed {done} of {self.total} {self.unit}")

    def close(self):
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


class Command(BaseCommand):
    help = (
        "Import events from a CSV, JSON or NDJSON file: stage every row, process them (inline in "
        "eager mode, through the Celery workers otherwise) and print a summary of the outcomes."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="The file to import.")
        parser.add_argument("--format", choices=FORMATS, help="Default: told by the file's extension.")
        parser.add_argument(
            "--resume",
            type=int,
            metavar="BATCH_ID",
            help="Process the pending rows of an already staged batch instead of a new file.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=3600.0,
            help="Seconds to wait for the workers (default 3600); rows not done stay pending.",
        )

    def handle(self, *args, path=None, format=None, resume=None, timeout=3600.0, **options):
        if resume is not None:
            batch = ImportBatch.objects.filter(pk=resume).first()
            if batch is None:
                raise CommandError(f"there is no import batch {resume}", returncode=EXIT_UNREADABLE)
            if batch.status == ImportBatchStatus.STAGING:
                batch = self.read_upload(batch)
        elif not path:
            raise CommandError("give the PATH of a file to import, or --resume BATCH_ID")
        else:
            batch = self.stage(path, format)

        progress = Progress(self.stdout, batch.total_rows)
        try:
            counts = orchestration.process_batch(
                batch.pk,
                timeout=timeout,
                on_progress=progress.update,
                on_resend=partial(self.resent, batch.pk),
            )
        except orchestration.BrokerUnreachable as stuck:
            raise _broker_unreachable(stuck) from None
        except orchestration.WaitTimedOut as stuck:
            raise CommandError(
                f"timed out after {timeout:g} s with {stuck.left} of {stuck.total} rows of batch {batch.pk} "
                f"still pending (are workers running?): run `manage.py import_events --resume "
                f"{batch.pk}` to continue",
                returncode=EXIT_TIMEOUT,
            ) from None
        finally:
            progress.close()
        batch.refresh_from_db()
        for note in batch.messages:
            self.stdout.write(f"note: {note}")
        self.stdout.write(
            f"batch {batch.pk} {batch.file_name}: {counts['rows']} rows, {counts['created']} created, "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['needs_review']} needs review, {counts['failed']} failed"
            + (f", {counts['pending']} pending" if counts["pending"] else "")
        )

    def resent(self, batch_id, rows):
        self.stderr.write(
            f"no progress for {settings.IMPORT_STALL_SECONDS:g} s: sending the {rows} pending "
            f"rows of batch {batch_id} to the workers again"
        )

    def read_upload(self, batch):
        """An uploaded file not read yet (its worker or its message was lost): read it here."""
        self.stdout.write(f"reading the uploaded file of batch {batch.pk} ({batch.file_name})")
        uploads.stage_stored_file(batch.pk, dispatch=False)
        batch.refresh_from_db()
        if batch.status == ImportBatchStatus.FAILED:
            raise CommandError(f"batch {batch.pk}: {batch.messages[-1]}", returncode=EXIT_UNREADABLE)
        return batch

    def stage(self, path, file_format):
        try:
            with open(path, "rb") as handle:
                return stage_file(handle, file_name=path, file_format=file_format, dispatch=False)
        except OSError as error:
            raise CommandError(
                f"{path}: cannot open the file: {error.strerror}", returncode=EXIT_UNREADABLE
            ) from None
        except ImportFileError as error:
            raise CommandError(f"{path}: {error}", returncode=EXIT_UNREADABLE) from None


def _broker_unreachable(stuck):
    reason = " ".join(str(stuck.error).split())[:200]
    broker = maybe_sanitize_url(settings.CELERY_BROKER_URL)
    return CommandError(
        f"the Celery broker at {broker} cannot be reached ({reason}); "
        f"batch {stuck.batch_id} is staged with {stuck.left} of {stuck.total} rows pending: run "
        f"`manage.py import_events --resume {stuck.batch_id}` when the broker is up",
        returncode=EXIT_BROKER,
    )
