import csv
import datetime
import json
import os
import tempfile
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline import article_events, tasks
from timeline.extraction.rows import HEADER
from timeline.management.commands.import_events import Progress

EXIT_NOTHING_READ = 1
FILES_PER_TASK = 20


class Command(BaseCommand):
    help = (
        "Find candidate events in news articles (plain text, HTML or Markdown files, or folders of them) "
        "and write them as an import file: the import columns plus date_start, date_end, date_precision "
        "and evidence. Every row is a draft for an editor to review. With a Celery broker the files are "
        "read by the workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Article files or folders of them.")
        parser.add_argument("--published", help="Publication date YYYY-MM-DD (else the page's own date).")
        parser.add_argument("--url", default="", help="The article's URL (its source).")
        parser.add_argument("--language", default="", help="ISO 639-1 code (else told by the text).")
        parser.add_argument("--output", required=True, help="The CSV file to write.")
        parser.add_argument(
            "--timeout", type=float, default=3600.0, help="Seconds to wait for the workers (default 3600)."
        )

    def handle(self, *args, paths, published=None, url="", language="", output, timeout=3600.0, **options):
        if published:
            try:
                datetime.date.fromisoformat(published)
            except ValueError:
                raise CommandError(f"--published {published!r} is not a date YYYY-MM-DD") from None
        files = self.article_files(paths)
        if url and len(files) > 1:
            raise CommandError(
                f"--url names one article, and the paths hold {len(files)} files: give one file"
            )
        if not files:
            raise CommandError(
                "no article files (.txt, .md, .html) in the given paths", returncode=EXIT_NOTHING_READ
            )
        workdir = tempfile.mkdtemp(prefix="extract-", dir=os.path.dirname(os.path.abspath(output)) or ".")
        chunks = [files[i : i + FILES_PER_TASK] for i in range(0, len(files), FILES_PER_TASK)]
        parts = [os.path.join(workdir, f"part-{n:06d}.csv") for n in range(len(chunks))]
        progress = Progress(self.stdout, len(files), unit="articles")
        options = {"published": published or None, "url": url, "language": language}
        try:
            if settings.CELERY_TASK_ALWAYS_EAGER:
                for n, (chunk, part) in enumerate(zip(chunks, parts, strict=True)):
                    article_events.write_rows_part(
                        chunk,
                        part,
                        published=datetime.date.fromisoformat(published) if published else None,
                        url=url,
                        language=language,
                    )
                    progress.update(min(len(files), (n + 1) * FILES_PER_TASK))
            else:
                for chunk, part in zip(chunks, parts, strict=True):
                    tasks.extract_article_files.delay(chunk, part, **options)
                self.wait(parts, chunks, progress, timeout)
            progress.close()
            rows, errors = self.gather(parts, output)
        finally:
            for name in os.listdir(workdir):
                os.remove(os.path.join(workdir, name))
            os.rmdir(workdir)
        for error in errors:
            self.stderr.write(f"refused: {error}")
        read = len(files) - len(errors)
        self.stdout.write(
            f"{output}: {rows} candidate events from {read} of {len(files)} articles"
            + (f" ({len(errors)} refused)" if errors else "")
        )
        if read == 0:
            raise CommandError("no article could be read", returncode=EXIT_NOTHING_READ)

    def article_files(self, paths):
        found = []
        for path in paths:
            if os.path.isdir(path):
                for folder, _, names in sorted(os.walk(path)):
                    found += [
                        os.path.join(folder, name)
                        for name in sorted(names)
                        if name.lower().endswith(article_events.ARTICLE_EXTENSIONS)
                    ]
            elif os.path.exists(path):
                found.append(path)
            else:
                raise CommandError(f"{path}: no such file or folder", returncode=EXIT_NOTHING_READ)
        return found

    def wait(self, parts, chunks, progress, timeout):
        deadline = time.monotonic() + timeout
        while True:
            done = [os.path.exists(part) for part in parts]
            progress.update(sum(len(chunk) for chunk, ok in zip(chunks, done, strict=True) if ok))
            if all(done):
                return
            if time.monotonic() >= deadline:
                progress.close()
                raise CommandError(
                    f"timed out after {timeout:g} s with {done.count(False)} of {len(parts)} chunks not done "
                    "(are workers running, on this machine?)"
                )
            time.sleep(0.5)

    def gather(self, parts, output):
        rows, errors = 0, []
        with open(output, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for part in parts:
                with open(part, newline="", encoding="utf-8") as piece:
                    for row in csv.reader(piece):
                        writer.writerow(row)
                        rows += 1
                with open(f"{part}.errors", encoding="utf-8") as notes:
                    errors += json.load(notes)
        return rows, errors
